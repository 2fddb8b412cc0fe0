"""The daily materials report of the general rules: what each technician wrote off, day by day.

A visit's materials count once its act is stored and only from the act in force: a corrected act's visit carries
the corrected list, and the visit of the act it superseded is left out, so nothing is counted twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from fieldact.act.content import parse_content
from fieldact.office.queries import ACT, VISIT, day_bounds, superseded
from fieldact.office.sheets import Cell, csv_bytes, write_atomically, xlsx_bytes
from fieldact.store.db import Database
from fieldact.text import InputError, say


@dataclass(frozen=True, slots=True)
class MaterialLine:
    day: date
    technician: str
    technician_id: str
    code: str
    name: str
    unit: str
    quantity: Decimal
    visits: int


def materials_by_day(
    database: Database, first: date, last: date, zone: ZoneInfo, technician_id: str | None = None
) -> list[MaterialLine]:
    """Lines per technician, local day of the act, and material (code, name, unit), sorted that way.

    The materials and the technician's name are read from each act's content, what was signed; rows added to a
    visit later (which the database refuses anyway) never reach the report."""
    start, end = day_bounds(first, last, zone)
    statement = (
        select(ACT.c.signed_at, ACT.c.content, VISIT.c.zone, VISIT.c.id, VISIT.c.technician_id)
        .select_from(ACT.join(VISIT, VISIT.c.id == ACT.c.visit_id))
        .where(ACT.c.signed_at >= start, ACT.c.signed_at < end, ~superseded())
    )
    if technician_id:
        statement = statement.where(VISIT.c.technician_id == technician_id)
    totals: dict[tuple[date, str, str, str, str, str], Decimal] = defaultdict(Decimal)
    visits: dict[tuple[date, str, str, str, str, str], set[str]] = defaultdict(set)
    with database.engine.connect() as connection:
        for signed_at, content, visit_zone, visit_id, tech_id in connection.execute(statement):
            signed = _signed_materials(content)
            if signed is None:
                continue
            technician, materials = signed
            day = signed_at.astimezone(ZoneInfo(visit_zone)).date()
            for material in materials:
                key = (day, technician, tech_id, material["code"], material["name"], material["unit"])
                totals[key] += _quantity(material["quantity"])
                visits[key].add(visit_id)
    return [
        MaterialLine(day, technician, tech_id, code, name, unit, totals[key], len(visits[key]))
        for key in sorted(totals, key=lambda k: (k[0], k[1], k[2], k[4], k[3], k[5]))
        for day, technician, tech_id, code, name, unit in [key]
    ]


def _signed_materials(content: str) -> tuple[str, list[dict[str, str]]] | None:
    try:
        parsed = parse_content(content.encode("utf-8"))
        return str(parsed["technician"]["name"]), [dict(material) for material in parsed["materials"]]
    except (ValueError, KeyError, TypeError):
        return None  # not act content: doctor and the exports report such an act


def _quantity(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal(0)  # a quantity is checked when entered; an unreadable one must not stop the report


HEADERS = (
    ("Дата", "Date", 12),
    ("Техник", "Technician", 26),
    ("Код", "Code", 12),
    ("Материал", "Material", 36),
    ("Количество", "Quantity", 12),
    ("Ед.", "Unit", 8),
    ("Визитов", "Visits", 9),
)


def report_rows(lines: list[MaterialLine]) -> list[list[Cell]]:
    return [
        [line.day, line.technician, line.code, line.name, line.quantity.normalize(), line.unit, line.visits]
        for line in lines
    ]


def report_bytes(lines: list[MaterialLine], kind: str) -> bytes:
    headers = [say(ru, en) for ru, en, _ in HEADERS]
    if kind == "csv":
        return csv_bytes(headers, report_rows(lines))
    title = say("Материалы по дням", "Materials by day")
    return xlsx_bytes(title, headers, report_rows(lines), [width for *_, width in HEADERS])


def report_kind(path: Path) -> str:
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("csv", "xlsx"):
        raise InputError(
            say(
                f"Отчёт сохраняется в файл .csv или .xlsx, а не «{path.name}».",
                f"The report is saved as a .csv or .xlsx file, not '{path.name}'.",
            )
        )
    return kind


def write_materials_report(
    database: Database, path: Path, first: date, last: date, zone: ZoneInfo, technician_id: str | None = None
) -> list[MaterialLine]:
    """Write the report as CSV or XLSX (by the file's extension), whole or not at all."""
    kind = report_kind(path)
    lines = materials_by_day(database, first, last, zone, technician_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, report_bytes(lines, kind))
    return lines
