"""The central schema on PostgreSQL, and work orders loaded from a dispatch CSV (real PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from fieldact.standard import Brand
from fieldact.store.central import init_central
from fieldact.store.migrate import head_revision, is_model_object
from fieldact.store.orders import OrdersRefused, import_orders, order_visit_id, parse_orders

from .pg import Central, central_fixture, order_line, orders_file  # noqa: F401


def test_central_init_builds_the_tables_with_row_level_security_and_is_repeatable(central: Central) -> None:
    assert init_central(central.admin_url) == head_revision()
    database = central.database()
    with database.engine.connect() as connection:
        assert (
            compare_metadata(
                MigrationContext.configure(connection, opts={"include_object": is_model_object}), SQLModel.metadata
            )
            == []
        )
    database.dispose()
    unsecured = central.query(
        "SELECT relname FROM pg_class WHERE relname = ANY(%s) AND NOT relrowsecurity",
        ["visit", "act", "answer", "work_order", "audit_event", "contract", "subscriber", "technician"],
    )
    assert unsecured == []
    roles = {row[0] for row in central.query("SELECT rolname FROM pg_roles WHERE rolname LIKE 'fieldact_%'")}
    assert {"fieldact_tablet", "fieldact_office", "fieldact_dispatch"} <= roles


def test_good_file_loads_every_order_and_again_changes_nothing(central: Central, tmp_path: Path, brand: Brand) -> None:
    central.technician("7001")
    central.technician("7002", "Смирнова", "Анна")
    path = orders_file(
        tmp_path,
        [
            order_line("R-1", "7001"),
            order_line("R-2", "7001", start="2026-11-26 09:00", end="2026-11-26 12:00", kind="service", services="tv"),
            order_line("R-3", "7002", services="internet;phone"),
        ],
    )
    database = central.database()
    report = import_orders(database, path, brand)
    assert (report.added, report.changed, report.unchanged) == (3, 0, 0)
    window = central.query(
        "SELECT planned_exact, planned_end IS NOT NULL, kind, services FROM visit WHERE request_number = 'R-2'"
    )
    assert window == [(False, True, "service", "tv")]
    again = import_orders(database, path, brand)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)
    assert central.query("SELECT count(*) FROM visit")[0][0] == 3
    database.dispose()


def test_bad_rows_are_reported_by_line_and_nothing_is_loaded(central: Central, tmp_path: Path, brand: Brand) -> None:
    central.technician("7001")
    path = orders_file(
        tmp_path,
        [
            order_line("R-1", "7001"),
            order_line("R-2", "7001", contract="12345"),
            order_line("R-3", "9999"),
            order_line("R-4", "7001", start="завтра"),
            order_line("R-5", "7001", services="tv;cinema", kind="repair"),
            order_line("R-1", "7001"),
            order_line("R-7", "7001", start="2026-11-26 14:00", end="2026-11-26 13:00"),
        ],
    )
    database = central.database()
    with pytest.raises(OrdersRefused) as refused:
        import_orders(database, path, brand)
    lines = {bad.line: str(bad) for bad in refused.value.bad_rows}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8]
    assert "Номер договора «12345»" in lines[3]
    assert "Техника «9999» нет" in lines[4]
    assert "не дата и время" in lines[5]
    assert "Вид визита «repair»" in lines[6] and "Услуги «tv;cinema»" in lines[6]
    assert "уже есть в строке 2" in lines[7]
    assert "кончаться позже" in lines[8]
    assert central.query("SELECT count(*) FROM visit")[0][0] == 0, "nothing of a bad file is loaded"
    database.dispose()


def test_cancelled_and_reassigned_orders(central: Central, tmp_path: Path, brand: Brand) -> None:
    central.technician("7001")
    central.technician("7002", "Смирнова", "Анна")
    database = central.database()
    import_orders(database, orders_file(tmp_path, [order_line("R-1", "7001"), order_line("R-2", "7001")]), brand)
    later = orders_file(tmp_path, [order_line("R-1", "7002"), order_line("R-2", "7001", status="cancelled")], "b.csv")
    report = import_orders(database, later, brand)
    assert (report.added, report.reassigned, report.cancelled) == (1, 1, 1)
    states = dict(central.query("SELECT visit_id, state FROM work_order"))
    assert states[order_visit_id("R-1", "7001")] == "reassigned"
    assert states[order_visit_id("R-1", "7002")] == "assigned"
    assert states[order_visit_id("R-2", "7001")] == "cancelled"
    statuses = dict(central.query("SELECT id, status FROM visit"))
    assert statuses[order_visit_id("R-1", "7001")] == "cancelled"
    assert statuses[order_visit_id("R-1", "7002")] == "planned"
    database.dispose()


def test_russian_headers_semicolons_and_windows_1251(brand: Brand) -> None:
    content = (
        "Номер заявки;Вид;Услуги;Время;Абонент;Договор;Адрес;Телефон;Техник\n"
        "R-9;подключение;ТВ, интернет;26.11.2026 14:00;Иванова Мария;590000000009;ул. Ленина, 5;+7 912 1;7001\n"
    )
    (order,) = parse_orders(content.encode("cp1251").decode("cp1251"), brand, {"7001"})
    assert order.subscriber.surname == "Иванова" and order.kind.value == "connection"
    assert {service.value for service in order.services} == {"tv", "internet"}


def test_orders_import_command(central: Central, tmp_path: Path) -> None:
    central.technician("7001")
    good = orders_file(tmp_path, [order_line("R-1", "7001")])
    bad = orders_file(tmp_path, [order_line("R-1", "7001"), order_line("R-2", "7001", contract="x")], "bad.csv")

    def run(path: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "fieldact", "orders", "import", str(path), "--url", central.admin_url]
        return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120)

    refused = run(bad)
    assert refused.returncode == 1 and "Строка 3:" in refused.stderr and "Traceback" not in refused.stderr
    loaded = run(good)
    assert loaded.returncode == 0, loaded.stderr
    assert "новых 1" in loaded.stdout
