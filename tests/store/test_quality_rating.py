"""The subscriber's rating: one answer, kept with the visit, never changed, carried by the push, in the figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from fieldact.office.quality import QualityFilter, figures
from fieldact.standard import Brand
from fieldact.store.central import central_engine
from fieldact.store.orders import order_visit_id
from fieldact.store.rating import Rating, rating_of, save_rating
from fieldact.store.repository import Store
from fieldact.store.sync import pull_orders, push_finished
from fieldact.text import InputError

from .conftest import reopen
from .pg import Central, central_fixture, finish, order_line, today_at  # noqa: F401
from .test_central_sync import setup_orders


def test_the_rating_survives_a_restart_and_is_given_once(store: Store, visit_id: str) -> None:
    finish_day = date(2026, 11, 26)
    save_rating(store.database, visit_id, Rating(4, " быстро и аккуратно "), "абонент")
    store = reopen(store)
    assert rating_of(store.database, visit_id) == Rating(4, "быстро и аккуратно")
    with pytest.raises(InputError, match="уже оценил"):
        save_rating(store.database, visit_id, Rating(1), "Петров")
    for statement in ("UPDATE visit_rating SET score = 1", "DELETE FROM visit_rating"):
        with pytest.raises(DBAPIError), store.database.engine.begin() as connection:
            connection.execute(text(statement))
    assert rating_of(store.database, visit_id) == Rating(4, "быстро и аккуратно")
    day = figures(store.database, QualityFilter(finish_day, finish_day))
    assert (day["rated"], day.rating_avg) == (1, 4.0)
    with store.database.engine.connect() as connection:
        assert connection.execute(text("SELECT action FROM audit_event WHERE action = 'subscriber_rated'")).all()
    store.database.dispose()


@pytest.mark.parametrize("score, comment", [(0, ""), (6, ""), (3, "х" * 1001)])
def test_a_wrong_rating_is_a_sentence(score: int, comment: str) -> None:
    with pytest.raises(InputError):
        Rating(score, comment)


def test_a_rating_after_the_push_goes_up_and_the_tablet_cannot_change_it(
    central: Central, store: Store, tmp_path: Path, brand: Brand
) -> None:
    tablet = central_engine(central.technician("7001"))
    setup_orders(central, tmp_path, brand, [order_line("R-1", "7001", start=today_at(brand, 9))])
    pull_orders(store.database, tablet)
    visit_id = order_visit_id("R-1", "7001")
    finish(store, visit_id)
    assert push_finished(store.database, tablet).pushed == 1
    save_rating(store.database, visit_id, Rating(5, "спасибо"), "абонент")
    assert push_finished(store.database, tablet).pushed == 1
    assert central.query("SELECT score, comment FROM visit_rating") == [(5, "спасибо")]
    assert central.query("SELECT rating FROM visit_quality WHERE visit_id = %s", visit_id) == [(5,)]
    assert central.query("SELECT sum(rated), sum(rating_sum) FROM quality_day") == [(1, 5)]
    with pytest.raises(DBAPIError), tablet.begin() as connection:
        connection.execute(text("UPDATE visit_rating SET score = 1"))
    assert central.query("SELECT score FROM visit_rating") == [(5,)]
    tablet.dispose()
