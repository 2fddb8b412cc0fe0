"""Orders down and finished visits up, against a real PostgreSQL: idempotent, all-or-nothing per visit,
surviving a connection killed in the middle of a push, and never overwriting a different act."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, event, text

from fieldact.standard import Brand
from fieldact.store.central import central_engine
from fieldact.store.db import open_database
from fieldact.store.orders import import_orders, order_visit_id
from fieldact.store.repository import FrozenVisit, Store
from fieldact.store.sync import SyncLoop, order_states, pull_orders, push_finished, sync_once, sync_status
from fieldact.visit import Answer, ItemState, VisitStatus

from .pg import Central, central_fixture, finish, order_line, orders_file, sign, today_at, work_on  # noqa: F401

TABLES = ("visit", "answer", "material_use", "payment", "branch_event", "stage_event", "act")


def setup_orders(central: Central, tmp_path: Path, brand: Brand, lines: list[str]) -> None:
    admin = central.database()
    try:
        import_orders(admin, orders_file(tmp_path, lines, f"orders-{len(os.listdir(tmp_path))}.csv"), brand)
    finally:
        admin.dispose()


def counts(central: Central) -> dict[str, int]:
    return {table: central.query(f"SELECT count(*) FROM {table}")[0][0] for table in (*TABLES, "audit_event")}


def day_of(brand: Brand, count: int, technician: str = "7001", prefix: str = "R") -> list[str]:
    return [order_line(f"{prefix}-{n}", technician, start=today_at(brand, 8 + n % 12)) for n in range(count)]


def acts_identical(central: Central, store: Store) -> None:
    with store.database.engine.connect() as connection:
        local = dict(connection.execute(text("SELECT id, pdf FROM act")).all())
    remote = {row[0]: bytes(row[1]) for row in central.query("SELECT id, pdf FROM act")}
    assert remote == local


def test_pull_brings_his_orders_only_with_his_pin(central: Central, store: Store, tmp_path: Path, brand: Brand) -> None:
    tablet = central_engine(central.technician("7001"))
    central.technician("7002", "Смирнова", "Анна", pin="5678")
    setup_orders(central, tmp_path, brand, day_of(brand, 3) + day_of(brand, 2, "7002", "S"))
    report = pull_orders(store.database, tablet)
    assert report.added == 3
    zone = ZoneInfo(brand.timezone)
    visits = store.visits_of_day("7001", datetime.now(zone).date(), zone)
    assert sorted(v.request_number for v in visits) == ["R-0", "R-1", "R-2"]
    assert visits[0].subscriber_name == "Иванов Иван Петрович" and visits[0].contract.startswith("59")
    assert store.check_pin("7001", "1234").ok, "the PIN set in the office works on the tablet"
    with store.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM technician")).scalar() == 1
    again = pull_orders(store.database, tablet)
    assert (again.added, again.changed, again.cancelled) == (0, 0, 0)
    tablet.dispose()


def test_cancelled_and_reassigned_orders_reach_the_tablet_and_started_ones_tell_the_office(
    central: Central, store: Store, tmp_path: Path, brand: Brand
) -> None:
    tablet = central_engine(central.technician("7001"))
    central.technician("7002", "Смирнова", "Анна")
    first = [order_line(f"R-{n}", "7001", start=today_at(brand, 10 + n)) for n in range(4)]
    setup_orders(central, tmp_path, brand, first)
    pull_orders(store.database, tablet)
    started = order_visit_id("R-3", "7001")
    store.save_answer(started, "contact.greet_first", Answer(ItemState.DONE), "Петров")
    changed = [
        order_line("R-0", "7001", start=today_at(brand, 10), status="cancelled"),
        order_line("R-1", "7002", start=today_at(brand, 11)),
        order_line("R-2", "7001", start=today_at(brand, 16)),
        order_line("R-3", "7001", start=today_at(brand, 13), status="cancelled"),
    ]
    setup_orders(central, tmp_path, brand, changed)
    report = pull_orders(store.database, tablet)
    assert (report.cancelled, report.reassigned, report.changed, report.office_told) == (1, 1, 1, 1)
    with store.database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT w.request_number, w.state, v.status FROM work_order w JOIN visit v ON v.id = w.visit_id")
        ).all()
    assert sorted(tuple(row) for row in rows) == [
        ("R-0", "cancelled", "cancelled"),
        ("R-1", "reassigned", "cancelled"),
        ("R-2", "assigned", "planned"),
        ("R-3", "cancelled", "in_progress"),
    ]
    assert store.load_visit(order_visit_id("R-2", "7001")).plan.start.hour == 16
    assert order_states(store.database, "7001")[order_visit_id("R-1", "7001")] == "reassigned"
    notices = central.query("SELECT kind, visit_id FROM office_notice")
    assert notices == [("order_cancelled_after_start", started)]
    assert pull_orders(store.database, tablet).office_told == 0, "the office is told once"
    assert len(central.query("SELECT * FROM office_notice")) == 1
    tablet.dispose()


def test_push_of_many_visits_is_complete_and_pushing_twice_adds_nothing(
    central: Central, store: Store, tmp_path: Path, brand: Brand
) -> None:
    tablet = central_engine(central.technician("7001"))
    setup_orders(central, tmp_path, brand, day_of(brand, 24))
    pull_orders(store.database, tablet)
    for n in range(20):
        finish(store, order_visit_id(f"R-{n}", "7001"))
    for n in range(20, 22):
        finish(store, order_visit_id(f"R-{n}", "7001"), VisitStatus.RESCHEDULED)
    assert sync_status(store.database).waiting == 22
    answer_inserts: list[int] = []  # rows in each INSERT INTO answer statement

    def seen(connection, cursor, statement: str, parameters, context, executemany: bool) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO answer"):
            answer_inserts.append(len(re.findall(r"\)\s*,\s*\(", statement)) + 1)

    event.listen(tablet, "before_cursor_execute", seen)
    report = push_finished(store.database, tablet)
    event.remove(tablet, "before_cursor_execute", seen)
    assert report.failed == []
    assert answer_inserts == [2] * 22, "each visit's answers in one statement: the quality row is summed once"
    assert (report.pushed, report.already_there, report.failed, report.waiting) == (22, 0, [], 0)
    pushed = counts(central)
    assert pushed["act"] == 20 and pushed["answer"] == 44 and pushed["material_use"] == 22
    assert pushed["payment"] == pushed["branch_event"] == pushed["stage_event"] == 22
    statuses = dict(central.query("SELECT status, count(*) FROM visit GROUP BY status"))
    assert statuses == {"signed": 20, "rescheduled": 2, "planned": 2}
    acts_identical(central, store)
    with store.database.engine.connect() as connection:
        local_audit = connection.execute(
            text("SELECT count(*) FROM audit_event WHERE visit_id IN (SELECT visit_id FROM outbox)")
        ).scalar()
    assert central.query("SELECT count(*) FROM audit_event WHERE origin IS NOT NULL")[0][0] == local_audit

    with store.database.engine.begin() as connection:  # every acknowledgement lost: all of it is sent again
        connection.execute(text("UPDATE outbox SET confirmed_at = NULL"))
    again = push_finished(store.database, tablet)
    assert (again.pushed, again.already_there) == (0, 22)
    assert counts(central) == pushed
    acts_identical(central, store)
    tablet.dispose()


def test_connection_killed_in_the_middle_of_a_push_then_a_retry(
    central: Central, store: Store, tmp_path: Path, brand: Brand
) -> None:
    tablet = central_engine(central.technician("7001"))
    setup_orders(central, tmp_path, brand, day_of(brand, 12))
    pull_orders(store.database, tablet)
    for n in range(12):
        finish(store, order_visit_id(f"R-{n}", "7001"))
    killed = kill_backend_at(tablet, central, "INSERT INTO act ", occurrence=6)

    report = sync_once(store.database, engine=tablet)
    assert killed.is_set() and report.offline
    assert "недоступна" in report.error and "остаётся" in report.error
    assert report.push.waiting == 7 and sync_status(store.database).waiting == 7
    partial = counts(central)
    assert partial["act"] == 5 and partial["answer"] == 10, "the visit cut off left nothing behind"

    retry = sync_once(store.database, engine=tablet)
    assert not retry.offline and retry.error == "" and retry.push.pushed == 7
    final = counts(central)
    assert final["act"] == 12 and final["answer"] == 24 and final["payment"] == 12
    assert central.query("SELECT count(DISTINCT id) FROM visit WHERE status = 'signed'")[0][0] == 12
    acts_identical(central, store)
    with store.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM act")).scalar() == 12, "the tablet kept everything"
    assert sync_status(store.database).waiting == 0
    tablet.dispose()


def kill_backend_at(engine: Engine, central: Central, statement: str, occurrence: int) -> threading.Event:
    """Terminate the server process serving ``engine`` just before the n-th statement that starts so."""
    seen, done = [0], threading.Event()

    def before(connection: Any, cursor: Any, sql: str, *_: Any) -> None:
        if done.is_set() or not sql.startswith(statement):
            return
        seen[0] += 1
        if seen[0] == occurrence:
            pid = connection.connection.dbapi_connection.info.backend_pid
            central.query("SELECT pg_terminate_backend(%s, 5000)", pid)
            done.set()

    event.listen(engine, "before_cursor_execute", before)
    return done


def test_an_act_with_the_id_of_a_different_stored_act_is_kept_aside(
    central: Central, store: Store, tmp_path: Path, brand: Brand, standard
) -> None:
    tablet_url = central.technician("7001")
    tablet = central_engine(tablet_url)
    setup_orders(central, tmp_path, brand, day_of(brand, 2))
    pull_orders(store.database, tablet)
    original = finish(store, order_visit_id("R-0", "7001"))
    push_finished(store.database, tablet)

    second = Store(open_database(tmp_path / "second-tablet.db"), standard, brand)  # a replacement tablet
    pull_orders(second.database, tablet)
    work_on(second, order_visit_id("R-1", "7001"))
    sign(second, order_visit_id("R-1", "7001"), act_id=original.id, pdf_extra=b"another act")
    report = push_finished(second.database, tablet)
    assert report.pushed == 1 and len(report.kept_aside) == 1 and "отложен" in report.kept_aside[0]
    stored = central.query("SELECT pdf, visit_id FROM act WHERE id = %s", original.id)
    assert bytes(stored[0][0]) == original.pdf and stored[0][1] == original.visit_id, "never overwritten"
    aside = central.query("SELECT act_id, visit_id, pdf FROM act_conflict")
    assert [(a, v) for a, v, _ in aside] == [(original.id, order_visit_id("R-1", "7001"))]
    assert b"another act" in bytes(aside[0][2])
    assert central.query("SELECT kind FROM office_notice") == [("act_conflict",)]
    assert sync_status(second.database).conflicts == 1

    with second.database.engine.begin() as connection:
        connection.execute(text("UPDATE outbox SET confirmed_at = NULL"))
    push_finished(second.database, tablet)
    assert len(central.query("SELECT * FROM act_conflict")) == 1, "reported once, however often it is pushed"
    second.database.dispose()
    tablet.dispose()


def test_a_rescheduled_visit_signed_later_is_sent_again(
    central: Central, store: Store, tmp_path: Path, brand: Brand
) -> None:
    tablet = central_engine(central.technician("7001"))
    setup_orders(central, tmp_path, brand, day_of(brand, 1))
    pull_orders(store.database, tablet)
    visit_id = order_visit_id("R-0", "7001")
    finish(store, visit_id, VisitStatus.RESCHEDULED)
    push_finished(store.database, tablet)
    assert central.query("SELECT status FROM visit") == [("rescheduled",)]
    with pytest.raises(FrozenVisit):  # the technician cannot reopen it himself
        store.set_status(visit_id, VisitStatus.IN_PROGRESS, "Петров")
    with store.database.engine.begin() as connection:  # dispatch plans it again, as a pull of its new time does
        connection.execute(text("UPDATE visit SET status = 'planned' WHERE id = :id"), {"id": visit_id})
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.FAILED, None, "второй визит"), "Петров")
    store.precall_missed(visit_id, "Петров", datetime.now(UTC))
    sign(store, visit_id)
    store.save_standard_kept(visit_id, {"precall_on_time": False, "closing_done": True}, "Петров")
    assert sync_status(store.database).waiting == 1
    assert push_finished(store.database, tablet).pushed == 1
    assert central.query("SELECT status FROM visit") == [("signed",)]
    # the measures travel with the visit row
    attempts, kept = central.query("SELECT precall_attempts, standard_kept FROM visit")[0]
    assert attempts == 1 and json.loads(kept) == {"precall_on_time": False, "closing_done": True}
    # the closing stage answered after the push: the visit goes up again with it
    store.save_closing(visit_id, "closing.thank", Answer(ItemState.DONE), "Петров", datetime.now(UTC))
    assert sync_status(store.database).waiting == 1
    assert push_finished(store.database, tablet).pushed == 1
    assert '"closing.thank"' in central.query("SELECT closing FROM visit")[0][0]
    # another technician's tablet cannot write into this visit after its act
    other = central_engine(central.technician("7002", "Смирнова", "Анна", pin="5678"))
    with other.begin() as connection:
        changed = connection.execute(
            text("SELECT fieldact_visit_after_act(:id, '{}', '{}', now())"), {"id": visit_id}
        ).scalar()
    other.dispose()
    assert changed is False and '"closing.thank"' in central.query("SELECT closing FROM visit")[0][0]
    assert central.query("SELECT state, reason FROM answer WHERE item_key = 'contact.greet_first'") == [
        ("failed", "второй визит")
    ]
    assert counts(central)["material_use"] == 1, "children are replaced, not added twice"
    tablet.dispose()


def test_office_commands_take_the_url_from_the_config_file_and_never_print_the_password(
    central: Central, tmp_path: Path, brand: Brand
) -> None:
    from sqlalchemy import make_url

    from .pg import orders_file

    dispatch = make_url(central.login("dispatch"))
    central.technician("7001")
    config = tmp_path / "central.toml"
    without_password = f"postgresql://{dispatch.username}@{dispatch.host}:{dispatch.port}/{dispatch.database}"
    config.write_text(f'[central]\nurl = "{without_password}"\n', encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("FIELDACT_CENTRAL")}
    environment |= {"FIELDACT_CONFIG": str(config), "FIELDACT_CENTRAL_PASSWORD": str(dispatch.password)}
    orders = orders_file(tmp_path, day_of(brand, 2))
    command = [sys.executable, "-m", "fieldact", "orders", "import", str(orders)]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120, env=environment)
    assert done.returncode == 0, done.stderr
    assert central.query("SELECT count(*) FROM visit") == [(2,)]

    closed = f"postgresql://nobody:x@127.0.0.1:{free_port()}/none"
    offline = subprocess.run([*command, "--url", closed], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert offline.returncode != 0 and "недоступна" in offline.stderr and "Traceback" not in offline.stderr
    assert ":x@" not in offline.stderr, "the password is never printed"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_tablet_syncs_only_through_the_service(db_path: Path) -> None:
    """No database URL makes `fieldact sync` reach the central database: unenrolled, it says how to enrol."""
    command = [sys.executable, "-m", "fieldact", "sync", "--db", str(db_path)]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2 and "fieldact enrol" in done.stderr and "Traceback" not in done.stderr
    with_url = subprocess.run([*command, "--url", "postgresql://x@h/d"], capture_output=True, text=True, timeout=120)
    assert with_url.returncode == 2 and "--url" in with_url.stderr, "the option is gone"


def test_background_loop_and_status_for_the_day_screen(
    central: Central, store: Store, tmp_path: Path, brand: Brand
) -> None:
    tablet_url = central.technician("7001")
    setup_orders(central, tmp_path, brand, day_of(brand, 2))
    assert sync_status(store.database).last_sync_at is None
    reports, arrived = [], threading.Event()
    loop = SyncLoop(store.database, tablet_url, interval_s=3600, on_report=lambda r: (reports.append(r), arrived.set()))
    loop.start()
    assert arrived.wait(30)
    finish(store, order_visit_id("R-0", "7001"))
    assert sync_status(store.database).waiting == 1
    arrived.clear()
    loop.wake()
    assert arrived.wait(30)
    loop.stop()
    assert [r.error for r in reports] == ["", ""] and reports[1].push.pushed == 1
    status = sync_status(store.database)
    assert status.waiting == 0 and status.last_sync_at is not None


def test_photos_and_devices_go_up_with_the_visit(central: Central, store: Store, tmp_path: Path, brand: Brand) -> None:
    from fieldact.photo.sample import sample_photo
    from fieldact.store.open_visit import OpenVisit
    from fieldact.visit.equipment import DeviceAction

    tablet = central_engine(central.technician("7001"))
    setup_orders(central, tmp_path, brand, day_of(brand, 1, prefix="P"))
    pull_orders(store.database, tablet)
    visit_id = order_visit_id("P-0", "7001")
    opened = OpenVisit.load(store, visit_id, "Петров")
    taken = [
        opened.add_photo("installation.route_agreed", sample_photo("P-0", "Путь кабеля", datetime.now(UTC), n))
        for n in range(2)
    ]
    opened.add_device(DeviceAction.INSTALLED, "router", "ZX1234567890", "00:1A:2B:3C:4D:5E")
    finish(store, visit_id)
    assert push_finished(store.database, tablet).failed == []
    photos = {row[0]: (row[1], bytes(row[2])) for row in central.query("SELECT id, sha256, jpeg FROM photo")}
    assert photos == {photo.id: (photo.sha256, photo.jpeg) for photo in taken}
    assert central.query("SELECT device_type, serial, mac FROM equipment") == [
        ("router", "ZX1234567890", "00:1A:2B:3C:4D:5E")
    ]
    with store.database.engine.begin() as connection:  # the acknowledgement lost: nothing is added twice
        connection.execute(text("UPDATE outbox SET confirmed_at = NULL"))
    assert push_finished(store.database, tablet).already_there == 1
    assert central.query("SELECT count(*) FROM photo")[0][0] == 2
    with pytest.raises(Exception, match="photo of a visit with an act is frozen"):
        central.query(f"DELETE FROM photo WHERE visit_id = '{visit_id}'")
    tablet.dispose()
