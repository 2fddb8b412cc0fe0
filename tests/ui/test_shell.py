"""The kiosk around the screens: resume after a restart, the inactivity lock, both orientations."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fieldact.store.db import open_database
from fieldact.store.repository import Store

from .helpers import (
    Clock,
    click,
    draw_signature,
    enter_pin,
    local,
    make_shell,
    make_store,
    save_shot,
    sign_in,
    type_text,
    wait_checked,
)
from .test_signing_flow import pay, review_and_hand_over, to_documents
from .test_visit_flow import answer_stage


def test_a_restart_in_the_middle_resumes_at_the_same_stage(qtbot, tmp_path: Path, standard, brand) -> None:
    path = tmp_path / "f.db"
    store = make_store(path, standard, brand)
    clock = Clock(local(brand, "2026-11-26T09:05"))
    shell = make_shell(qtbot, store, clock)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    visit_id = shell.day.visits[0].id
    shell.day.open_visit.emit(visit_id)
    QApplication.processEvents()
    answer_stage(qtbot, shell)
    click(qtbot, shell.visit.next_button)
    click(qtbot, shell.visit.next_button)
    route = shell.visit.rows["installation.route_agreed"]
    type_text(route.editor.field, "по плинтусу")
    click(qtbot, route.done)
    shell.close()
    store.database.dispose()

    # the tablet died; the app starts again on the same file
    again = Store(open_database(path), standard, brand)
    restarted = make_shell(qtbot, again, clock)
    sign_in(qtbot, restarted, "Петров Пётр", "1111")
    assert restarted.stack.currentWidget() is restarted.visit, "the visit in progress opens by itself"
    assert restarted.visit.visit.stage.key == "installation"
    row = restarted.visit.rows["installation.route_agreed"]
    assert row.undo.isVisible() and "по плинтусу" in row.state_label.text()
    assert restarted.visit.visit.checklist.progress("precall") == (2, 2)
    assert restarted.visit.visit.checklist.progress("contact") == (0, 4)


def test_inactivity_locks_behind_the_pin(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    shell.idle.setInterval(200)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    qtbot.waitUntil(lambda: shell.unlock is not None, timeout=3000)
    assert shell.stack.currentWidget() is shell.unlock
    enter_pin(qtbot, shell.unlock.pin_pad, "1111")
    assert shell.stack.currentWidget() is shell.day


def test_a_touch_tap_or_key_at_the_window_keeps_the_tablet_unlocked(qtbot, tmp_path: Path, standard, brand) -> None:
    """Input is watched where the platform delivers it, the window; a dialog's own window counts too."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    window = shell.windowHandle()
    shell.idle.stop()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(640, 400))
    assert shell.idle.isActive(), "a tap restarts the countdown to the lock"
    shell.idle.stop()
    QTest.keyClick(window, Qt.Key.Key_A)
    assert shell.idle.isActive(), "so does a key"
    device = QTest.createTouchDevice()
    shell.idle.stop()
    QTest.touchEvent(window, device).press(0, QPoint(300, 300)).commit()
    QTest.touchEvent(window, device).release(0, QPoint(300, 300)).commit()
    assert shell.idle.isActive(), "so does a finger"
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Ok, shell)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(lambda: box.windowHandle() is not None and box.windowHandle().isExposed(), timeout=3000)
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is box.windowHandle(), timeout=3000)
    shell.idle.stop()
    QTest.mouseClick(box.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    assert shell.idle.isActive(), "and input in a dialog's window"
    box.close()


def test_the_kiosk_swallows_escape_at_the_window(qtbot, tmp_path: Path, standard, brand) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")), kiosk=True)
    pressed: list[int] = []
    original = shell.login.keyPressEvent
    shell.login.keyPressEvent = lambda event: (pressed.append(event.key()), original(event))  # type: ignore[method-assign]
    shell.login.setFocus()
    QTest.keyClick(shell.windowHandle(), Qt.Key.Key_Escape)
    QTest.keyClick(shell.windowHandle(), Qt.Key.Key_A)
    assert Qt.Key.Key_Escape not in pressed and Qt.Key.Key_A in pressed


@pytest.mark.parametrize(("orientation", "size"), [("landscape", (1280, 800)), ("portrait", (800, 1280))])
def test_every_screen_in_both_orientations(qtbot, tmp_path: Path, standard, brand, orientation, size) -> None:
    """Screenshots for review; each screen must also keep its touch targets at least 48 px high."""
    from PySide6.QtWidgets import QPushButton

    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T16:50")), size)

    def shot(name: str) -> None:
        QApplication.processEvents()
        screen = shell.stack.currentWidget()
        small = [b.text() for b in screen.findChildren(QPushButton) if b.isVisible() and b.height() < 48]
        assert small == [], f"{name}: buttons under 48 px: {small}"
        save_shot(shell, f"{name}_{orientation}")

    shot("login")
    click(qtbot, next(b for b in shell.login.person_buttons() if b.text() == "Петров Пётр"))
    shot("pin")
    for digit in "1111":
        click(qtbot, shell.login.pin_pad.keys[digit])
    click(qtbot, shell.login.pin_pad.keys["OK"])
    wait_checked(qtbot, shell.login.pin_pad)
    shot("day")
    summary = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.day.open_visit.emit(summary.id)
    shot("visit_precall")
    answer_stage(qtbot, shell)
    for _ in range(3):
        click(qtbot, shell.visit.next_button)
    shot("visit_demonstration")
    shell.visit.rail.setCurrentRow(0)
    to_documents(qtbot, shell)
    pay(qtbot, shell)
    shot("visit_documents")
    review_and_hand_over(qtbot, shell, orientation)
    shot("signing")
    draw_signature(qtbot, shell.signing.field.pad)
    click(qtbot, shell.signing.sign_button)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.done, timeout=20000)
    shot("done")


def test_day_screen_shows_the_sync_state(qtbot, tmp_path: Path, standard, brand) -> None:
    from sqlalchemy import text

    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    assert (
        shell.day.sync_line.text()
        == "Акты сохранены на этом планшете; отправка в офис не настроена: скажите об этом в офисе"
    )
    from datetime import UTC, datetime

    from fieldact.store.signing import sign_demo_visit
    from fieldact.store.sync import _remember

    sign_demo_visit(store, shell.day.visits[0].id, local(brand, "2026-11-26T10:00"))
    with store.database.engine.connect() as connection:
        waiting = connection.execute(text("SELECT count(*) FROM outbox")).scalar()
    _remember(store.database, last_push_at=datetime(2026, 11, 26, 4, 30, tzinfo=UTC))
    shell.day.refresh_sync()
    assert shell.day.sync_line.text() == f"Отправлено в офис 26.11 09:30 · актов к отправке: {waiting}"
    assert waiting == 1, "the signed visit waits in the outbox"


def test_the_standard_is_open_to_browse_before_signing_in(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    click(qtbot, shell.login.standard_button)
    assert shell.stack.currentWidget() is shell.standard
    assert "Иван Петрович, доброе утро. Служба подключений Дом.ru. Пётр." in shell.standard.body.text()
    click(qtbot, shell.standard.back_button)
    assert shell.stack.currentWidget() is shell.login


def test_run_with_demo_fills_an_empty_database_without_it_leaves_it_empty(qapp, tmp_path: Path, monkeypatch) -> None:
    """`make run` passes --demo; a real tablet's first start must not get demo technicians."""
    from fieldact.ui import app as app_module

    def close_windows(_app, windows, context) -> None:  # the real close_down also ends the test's application
        for window in windows:
            window.allow_close = True
            window.close()
            window.deleteLater()
        context.store.database.dispose()

    monkeypatch.setattr(QApplication, "exec", lambda _self=None: 0)
    monkeypatch.setattr(app_module, "create_application", lambda *_args: qapp)
    monkeypatch.setattr(app_module, "close_down", close_windows)
    counts = {}
    for demo in (False, True):
        path = tmp_path / f"demo-{demo}.db"
        assert app_module.run(windowed=True, db=str(path), demo=demo) == 0
        database = open_database(path)
        with database.engine.connect() as connection:
            counts[demo] = connection.exec_driver_sql("SELECT count(*) FROM technician").scalar_one()
        database.dispose()
    assert counts == {False: 0, True: 3}
