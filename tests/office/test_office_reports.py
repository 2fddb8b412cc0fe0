"""The office password and the daily materials report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from fieldact.office import password
from fieldact.office.materials import materials_by_day, write_materials_report
from fieldact.store.demo import demo_id
from fieldact.text import InputError


def test_office_password_is_set_once_and_kept_as_a_salted_hash(database) -> None:
    assert not password.is_set(database)
    with pytest.raises(InputError, match="не короче 8"):
        password.set_first(database, "short", "short")
    with pytest.raises(InputError, match="не совпадают"):
        password.set_first(database, "офис-пароль-1", "офис-пароль-2")
    password.set_first(database, "офис-пароль-1", "офис-пароль-1")
    assert password.is_set(database)
    with database.engine.connect() as connection:
        stored = connection.execute(text("SELECT value FROM setting WHERE key = 'office_password'")).scalar_one()
    assert "офис" not in stored and stored.startswith("scrypt$")
    assert password.check(database, "офис-пароль-1") and not password.check(database, "офис-пароль-2")
    with pytest.raises(InputError, match="уже задан"):
        password.set_first(database, "другой-пароль", "другой-пароль")
    password.change(database, "офис-пароль-1", "новый-пароль", "новый-пароль")
    assert password.check(database, "новый-пароль") and not password.check(database, "офис-пароль-1")
    with pytest.raises(InputError, match="Старый пароль"):
        password.change(database, "офис-пароль-1", "ещё-пароль", "ещё-пароль")


def test_two_salts_give_two_hashes() -> None:
    assert password.encode("одинаковый") != password.encode("одинаковый")
    assert not password.matches("x", "garbage") and not password.matches("x", "bcrypt$1$2$3$00$00")


def test_materials_per_technician_per_day_counting_corrections_once(database, seeded, office_zone) -> None:
    lines = materials_by_day(database, date(2026, 11, 20), date(2026, 11, 30), office_zone)
    cables = [line for line in lines if line.code == "K-5E"]
    # six visits signed with 12.5 m of cable each; the corrected one counts once, from its version 2
    assert sum(line.visits for line in cables) == 6
    assert sum(line.quantity for line in cables) == Decimal("75.0")
    per_day = {(line.day, line.technician) for line in cables}
    assert len(per_day) == len(cables), "one line per technician, day and material"
    assert {line.day for line in lines} == {date(2026, 11, 24), date(2026, 11, 25)}
    petrov = demo_id("technician", "Петров", "Пётр")
    mine = materials_by_day(database, date(2026, 11, 20), date(2026, 11, 30), office_zone, petrov)
    assert mine and {line.technician for line in mine} == {"Петров Пётр"}
    assert materials_by_day(database, date(2026, 11, 26), date(2026, 11, 26), office_zone) == []


def test_materials_report_files(database, office_zone, tmp_path: Path) -> None:
    csv_path = tmp_path / "materials.csv"
    lines = write_materials_report(database, csv_path, date(2026, 11, 1), date(2026, 11, 30), office_zone)
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = data.decode("utf-8-sig").splitlines()
    assert rows[0] == "Дата;Техник;Код;Материал;Количество;Ед.;Визитов" and len(rows) == len(lines) + 1
    assert any(";K-5E;Кабель UTP 5e;25;м;2" in row or ";K-5E;Кабель UTP 5e;12,5;м;1" in row for row in rows)
    xlsx_path = tmp_path / "materials.xlsx"
    write_materials_report(database, xlsx_path, date(2026, 11, 1), date(2026, 11, 30), office_zone)
    values = list(load_workbook(xlsx_path).active.values)
    assert values[0][0] == "Дата" and len(values) == len(lines) + 1
    assert isinstance(values[1][4], int | float)
    with pytest.raises(InputError, match=r"\.csv или \.xlsx"):
        write_materials_report(database, tmp_path / "m.txt", date(2026, 11, 1), date(2026, 11, 30), office_zone)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".db" and "db-" not in p.name) == [
        "materials.csv",
        "materials.xlsx",
    ]
