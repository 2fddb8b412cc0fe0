"""The PIN lockout against a forward-set clock, reboots and guessing: waits on the monotonic clock, escalating."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from fieldact.store.pins import Uptime
from fieldact.store.repository import Store

from .conftest import reopen


def _wrong(store: Store, technician_id: str, times: int, at, clock: Uptime) -> None:
    for _ in range(times):
        assert not store.check_pin(technician_id, "0000", at, clock).ok


def test_setting_the_wall_clock_forward_does_not_unlock(store: Store, technician_id: str, local) -> None:
    now, boot = local("2026-11-26T09:00"), Uptime("boot-1", 500.0)
    _wrong(store, technician_id, 5, now, boot)
    a_minute_later = Uptime("boot-1", 560.0)
    assert not store.check_pin(technician_id, "1234", now + timedelta(days=365), a_minute_later).ok
    assert store.check_pin(technician_id, "1234", now, Uptime("boot-1", 801.0)).ok


def test_a_reboot_restarts_the_wait_in_full(store: Store, technician_id: str, local) -> None:
    now = local("2026-11-26T09:00")
    _wrong(store, technician_id, 5, now, Uptime("boot-1", 5000.0))
    restarted = reopen(store)
    after_reboot = Uptime("boot-2", 10.0)  # the monotonic clock started again at zero
    assert not restarted.check_pin(technician_id, "1234", now, after_reboot).ok
    assert not restarted.check_pin(technician_id, "1234", now, Uptime("boot-2", 250.0)).ok
    assert restarted.check_pin(technician_id, "1234", now, Uptime("boot-2", 311.0)).ok
    restarted.database.dispose()


def test_wrong_tries_escalate_to_an_hour_then_to_the_office(store: Store, technician_id: str, local) -> None:
    now = local("2026-11-26T09:00")
    _wrong(store, technician_id, 5, now, Uptime("b", 0.0))
    second = store.check_pin(technician_id, "0000", now, Uptime("b", 301.0))
    assert not second.ok and second.tries_left == 4, "the count goes on after the first wait"
    _wrong(store, technician_id, 4, now, Uptime("b", 302.0))
    hour = store.check_pin(technician_id, "1234", now, Uptime("b", 302.0 + 30 * 60))
    assert not hour.ok and hour.locked_until is not None and hour.locked_until > now + timedelta(minutes=29)
    _wrong(store, technician_id, 5, now, Uptime("b", 302.0 + 3601))
    blocked = store.check_pin(technician_id, "1234", now, Uptime("b", 10**9))
    assert not blocked.ok and blocked.office_must_unlock, "15 wrong tries: only the office unlocks"

    store.unlock_technician(technician_id, "office")
    assert store.check_pin(technician_id, "1234", now, Uptime("b", 10**9)).ok
    with store.database.engine.connect() as connection:
        actions = [row[0] for row in connection.execute(text("SELECT action FROM audit_event ORDER BY id"))]
    assert "technician_unlocked" in actions
