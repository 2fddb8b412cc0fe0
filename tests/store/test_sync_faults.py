"""Sync when the tablet's own storage fails (a real full disk, real PostgreSQL): a sentence about the tablet, not
the server; nothing lost; and the background loop lives on."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from fieldact.store import sync
from fieldact.store.db import open_database
from fieldact.store.orders import import_orders, order_visit_id
from fieldact.store.repository import Store
from fieldact.store.sync import SyncLoop, SyncReport, pull_orders, sync_once, sync_status

from .pg import Central, central_fixture, finish, order_line, orders_file, today_at  # noqa: F401


def test_a_full_tablet_disk_during_sync_is_said_as_such_and_loses_nothing(
    central: Central, small_disk, standard, brand, tmp_path: Path
) -> None:
    tablet_url = central.technician("7001")
    admin = central.database()
    import_orders(admin, orders_file(tmp_path, [order_line("R-1", "7001", start=today_at(brand, 10))]), brand)
    admin.dispose()
    store = Store(open_database(small_disk.path / "tablet.db"), standard, brand)
    from fieldact.store.central import central_engine

    engine = central_engine(tablet_url)
    pull_orders(store.database, engine)
    visit_id = order_visit_id("R-1", "7001")
    finish(store, visit_id)
    small_disk.fill()
    report = sync_once(store.database, engine=engine)
    assert report.error.startswith("Синхронизация не закончена: база данных планшета не записала изменения")
    assert "на диске планшета нет места" in report.error and "Центральная база" not in report.error
    small_disk.free()
    again = sync_once(store.database, engine=engine)
    assert again.error == "" and again.push.pushed == 1 and again.complete
    assert central.query("SELECT status FROM visit") == [("signed",)]
    assert sync_status(store.database).waiting == 0
    engine.dispose()
    store.database.dispose()


def test_the_background_sync_lives_on_after_an_unforeseen_error(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def failing_once(*args, **kwargs) -> SyncReport:  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a defect")
        return SyncReport()

    monkeypatch.setattr(sync, "sync_once", failing_once)
    reports, arrived = [], threading.Event()
    loop = SyncLoop(store.database, "postgresql://nobody@127.0.0.1:1/none", interval_s=3600)
    loop.on_report = lambda report: (reports.append(report), arrived.set())
    loop.start()
    assert arrived.wait(10)
    arrived.clear()
    loop.wake()
    assert arrived.wait(20), "the loop still runs after the error"
    loop.stop()
    assert "Синхронизация не удалась (RuntimeError: a defect)" in reports[0].error
    assert reports[1].error == ""
