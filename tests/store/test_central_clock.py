"""A tablet whose clock is wrong, against a real PostgreSQL: retries on the server's clock, orders still pulled,
visits left waiting said, and the technician told how far off his clock is."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldact.standard import Brand, Service, VisitKind
from fieldact.store import sync
from fieldact.store.central import central_engine
from fieldact.store.repository import Store
from fieldact.store.sync import pull_orders, push_finished, sync_once
from fieldact.visit import Plan, Subscriber

from .pg import Central, central_fixture, finish, order_line, orders_file, today_at  # noqa: F401

FIVE_YEARS = timedelta(days=5 * 365 + 1)


@dataclass
class WrongClock:
    """The tablet's wall clock off by ``offset``; its monotonic clock as it is."""

    offset: timedelta = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def monotonic(self) -> float:
        return time.monotonic()


@pytest.fixture
def wrong_clock(monkeypatch: pytest.MonkeyPatch) -> WrongClock:
    """Every read of the wall clock in sync goes through it, the injected one and the module's own."""
    clock = WrongClock()
    monkeypatch.setattr(sync, "now_utc", clock.now)
    return clock


def load_orders(central: Central, tmp_path: Path, lines: list[str]) -> None:
    from fieldact.standard import load_brand
    from fieldact.store.orders import import_orders

    admin = central.database()
    try:
        import_orders(admin, orders_file(tmp_path, lines, f"orders-{len(list(tmp_path.iterdir()))}.csv"), load_brand())
    finally:
        admin.dispose()


def others_visit(store: Store, local) -> str:
    """A finished visit of another technician on this tablet: the central database never takes it from this login."""
    other = store.add_technician("Смирнова", "Анна", "5678")
    person = Subscriber("Сидоров", "Олег", "", "590000000077", "г. Пермь, ул. Мира, д. 1", "+7 912 000-00-77")
    visit_id = store.create_visit(
        VisitKind.CONNECTION, frozenset({Service.TV, Service.INTERNET}), person, other, Plan(local("2026-11-26T12:00"))
    )
    finish(store, visit_id)
    return visit_id


def next_attempt(store: Store, visit_id: str) -> datetime:
    with store.database.engine.connect() as connection:
        found = connection.execute(
            text("SELECT next_attempt_at FROM outbox WHERE visit_id = :id"), {"id": visit_id}
        ).scalar_one()
    return datetime.fromisoformat(str(found)).replace(tzinfo=UTC)


def test_pull_with_the_clock_years_ahead_still_fetches_todays_orders(
    central: Central, store: Store, tmp_path: Path, brand: Brand, wrong_clock: WrongClock
) -> None:
    tablet = central_engine(central.technician("7001"))
    load_orders(central, tmp_path, [order_line(f"R-{n}", "7001", start=today_at(brand, 9 + n)) for n in range(3)])
    wrong_clock.offset = FIVE_YEARS
    report = pull_orders(store.database, tablet, clock=wrong_clock)
    assert report.added == 3
    assert report.clock_skew is not None and abs(report.clock_skew - FIVE_YEARS) < timedelta(seconds=30)
    tablet.dispose()


def test_a_retry_set_while_the_clock_was_ahead_is_not_parked_for_years(
    central: Central,
    store: Store,
    local,
    wrong_clock: WrongClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first_delay = 3.0
    monkeypatch.setattr(sync, "RETRY_FIRST_S", first_delay)
    tablet = central_engine(central.technician("7001"))
    refused = others_visit(store, local)
    wrong_clock.offset = FIVE_YEARS
    first = push_finished(store.database, tablet, clock=wrong_clock)
    assert [visit for visit, _ in first.failed] == [refused]
    scheduled = next_attempt(store, refused)
    server_now = central.query("SELECT now()")[0][0]
    assert timedelta(0) < scheduled - server_now < timedelta(minutes=1), "scheduled on the server's clock"
    wrong_clock.offset = timedelta(0)  # the clock is put right: nothing waits for the far future ...
    soon = push_finished(store.database, tablet, clock=wrong_clock)
    assert soon.failed == [] and soon.waiting == 1, "... and the back-off still holds"
    assert soon.next_attempt_in is not None and soon.next_attempt_in <= timedelta(seconds=2 * first_delay)
    time.sleep(2 * first_delay + 0.5)
    wrong_clock.offset = -FIVE_YEARS  # a clock years behind does not hold it back either
    again = push_finished(store.database, tablet, clock=wrong_clock)
    assert [visit for visit, _ in again.failed] == [refused], "tried again after its back-off"
    tablet.dispose()


def test_a_visit_parked_in_the_future_by_an_old_wrong_clock_goes_up(
    central: Central, store: Store, tmp_path: Path, brand: Brand
) -> None:
    from fieldact.store.orders import order_visit_id

    tablet = central_engine(central.technician("7001"))
    load_orders(central, tmp_path, [order_line("R-1", "7001", start=today_at(brand, 10))])
    pull_orders(store.database, tablet)
    visit_id = order_visit_id("R-1", "7001")
    finish(store, visit_id)
    with store.database.engine.begin() as connection:  # as a retry saved while the clock said 2031 left it
        connection.execute(
            text("UPDATE outbox SET attempts = 1, next_attempt_at = :at"), {"at": datetime.now(UTC) + FIVE_YEARS}
        )
    report = push_finished(store.database, tablet)
    assert report.pushed == 1 and report.waiting == 0
    assert central.query("SELECT status FROM visit") == [("signed",)]
    tablet.dispose()


@pytest.mark.parametrize(
    ("offset", "told"),
    [
        (timedelta(minutes=2), None),
        (timedelta(minutes=-2), None),
        (timedelta(minutes=11), "Часы планшета спешат на 11 мин относительно сервера"),
        (-timedelta(hours=3, minutes=10), "Часы планшета отстают на 3 ч 10 мин относительно сервера"),
        (FIVE_YEARS, "Часы планшета спешат на 5 лет 1 день относительно сервера"),
    ],
)
def test_a_clock_off_the_servers_is_told(
    central: Central, store: Store, offset: timedelta, told: str | None, wrong_clock: WrongClock
) -> None:
    # a little further off, so that rounding down to minutes gives the minutes named
    wrong_clock.offset = offset + (timedelta(seconds=20) if offset > timedelta(0) else -timedelta(seconds=20))
    report = sync_once(store.database, central.technician("7001"), clock=wrong_clock)
    assert report.error == "" and report.complete
    warnings = report.warnings()
    if told is None:
        assert not report.clock_off and warnings == []
    else:
        assert report.clock_off and len(warnings) == 1 and warnings[0].startswith(told), warnings
        assert "в актах" in warnings[0] or "акт" in warnings[0]
