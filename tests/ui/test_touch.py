"""A finger on the glass: real touch events scroll the day and a stage; a tap still presses a button."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QScroller, QWidget

from .helpers import Clock, local, make_shell, make_store, sign_in

TOUCH = QTest.createTouchDevice()


def swipe_up(area: QScrollArea, distance: int) -> None:
    """A finger put down low on the page and pulled up by ``distance`` pixels in small steps."""
    window = area.window().windowHandle()
    viewport = area.viewport()
    start = viewport.mapTo(area.window(), QPoint(viewport.width() // 2, viewport.height() - 40))
    QTest.touchEvent(window, TOUCH).press(0, start, window)
    for step in range(1, 21):
        QTest.qWait(8)
        QTest.touchEvent(window, TOUCH).move(0, start - QPoint(0, distance * step // 20), window)
    QTest.touchEvent(window, TOUCH).release(0, start - QPoint(0, distance), window)


def settle(ms: int = 1500) -> None:
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        QApplication.processEvents()
        QTest.qWait(10)


def test_a_swipe_moves_the_day_list_and_a_stage(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T16:50")), size=(1280, 800))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    QApplication.processEvents()
    day = shell.day.scroll
    bar = day.verticalScrollBar()
    assert bar.maximum() > 0, "the day list must be longer than the screen for this test"
    swipe_up(day, 300)
    settle()
    assert bar.value() > 100, bar.value()

    visit = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.open_visit(visit.id)
    shell.visit._move_to(3, completed=None)
    settle(200)
    stage = shell.visit.scroll.verticalScrollBar()
    assert stage.maximum() > 1000, (stage.maximum(), shell.visit.visit.stage_index, shell.visit.message.text())
    swipe_up(shell.visit.scroll, 400)
    settle()
    assert stage.value() > 200, stage.value()

    # a tap (down and up in one place) inside the scrolled page still presses the button under the finger
    row = next(r for r in shell.visit.rows.values() if r.isVisible() and r.failed.isVisible() and r.failed.isEnabled())
    area = shell.visit.scroll
    idle = QScroller.State.Inactive
    # a tap on a page still gliding only stops it (as on a phone): the fling runs out first
    qtbot.waitUntil(lambda: all(QScroller.scroller(t).state() == idle for t in (area, area.viewport())), timeout=10000)
    area.ensureWidgetVisible(row.failed)
    settle(100)
    window = shell.windowHandle()
    point = row.failed.mapTo(shell, row.failed.rect().center())
    QTest.touchEvent(window, TOUCH).press(0, point, window)
    QTest.touchEvent(window, TOUCH).release(0, point, window)
    settle(300)
    assert row.reason.isVisible(), "the tap asked for the reason"


def test_a_focused_field_is_scrolled_into_view(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T16:50")), size=(1280, 800))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    visit = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.open_visit(visit.id)
    shell.visit._move_to(3, completed=None)
    settle(200)
    area = shell.visit.scroll
    field = [r.editor for r in shell.visit.rows.values() if r.isVisible() and r.editor is not None][-1]
    assert not area.viewport().rect().contains(field.mapTo(area.viewport(), field.rect().center()))
    shell.activateWindow()
    target = next(w for w in [field, *field.findChildren(QWidget)] if w.focusPolicy() != Qt.FocusPolicy.NoFocus)
    target.setFocus(Qt.FocusReason.OtherFocusReason)  # as the touch keyboard's field gets it, not by Tab
    settle(200)
    focused = QApplication.focusWidget()
    assert focused is not None and area.viewport().rect().contains(
        focused.mapTo(area.viewport(), focused.rect().center())
    ), "the focused field is on screen"
