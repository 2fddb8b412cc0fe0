"""The subscriber's mark on the done screen: typed comment, one tap, stored once; or skipped."""

from __future__ import annotations

from pathlib import Path

from tests.ui.helpers import Clock, click, local, make_store, save_shot, type_text

from fieldact.store.rating import Rating, rating_of
from fieldact.ui.context import AppContext
from fieldact.ui.done_screen import DoneScreen
from fieldact.ui.rating_panel import RatingGiven, RatingPanel


def test_one_tap_stores_the_mark_with_the_comment_and_nothing_more(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    visit_id = _any_visit(store)
    panel = RatingPanel(AppContext(store, Clock(local(brand, "2026-11-26T17:05"))))
    qtbot.addWidget(panel)
    panel.resize(600, 200)
    panel.show()
    panel.open(visit_id)
    type_text(panel.comment, "вежливый мастер")
    with qtbot.waitSignal(panel.answered) as given:
        click(qtbot, panel.scores[3])
    assert given.args == [RatingGiven(visit_id, 4)]
    assert rating_of(store.database, visit_id) == Rating(4, "вежливый мастер")
    assert not any(button.isEnabled() for button in (*panel.scores, panel.skip)), "no second mark"
    assert "4" in panel.result.text()
    save_shot(panel, "rating_panel_given")
    store.database.dispose()


def test_skipping_stores_nothing_and_the_done_screen_shows_the_panel(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    visit_id = _any_visit(store)
    context = AppContext(store, Clock(local(brand, "2026-11-26T17:05")))
    done = DoneScreen(context)
    qtbot.addWidget(done)
    done.resize(1280, 800)
    done.show()
    done.rating.open(visit_id)
    for size, name in (((1280, 800), "done_rating_1280x800"), ((800, 1280), "done_rating_800x1280")):
        done.resize(*size)
        save_shot(done, name)
    with qtbot.waitSignal(done.rating.answered) as given:
        click(qtbot, done.rating.skip)
    assert given.args == [RatingGiven(visit_id, None)]
    assert rating_of(store.database, visit_id) is None
    store.database.dispose()


def _any_visit(store) -> str:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with store.database.engine.connect() as connection:
        return str(connection.execute(text("SELECT id FROM visit ORDER BY id LIMIT 1")).scalar())
