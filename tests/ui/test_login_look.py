"""The first screen: the question whole and gone once answered, 72 px people, a keypad that shows a lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .helpers import Clock, click, enter_pin, local, make_shell, make_store, save_shot

SIZES = {"landscape": (1280, 800), "portrait": (800, 1280)}


def test_login_question_people_and_locked_keypad(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T08:00")))
    for name, size in SIZES.items():
        shell.resize(*size)
        QApplication.processEvents()
        title = shell.login.title
        assert title.isVisible() and title.text() == "Кто сегодня работает?"
        assert title.height() >= title.heightForWidth(title.width()), "the question is not cut"
        assert title.fontMetrics().horizontalAdvance(title.text()) <= title.width(), "on one line"
        for button in shell.login.person_buttons():
            assert button.height() >= 72, button.height()
        save_shot(shell, f"login_{name}")
    person = shell.login.person_buttons()[0]
    click(qtbot, person)
    assert not shell.login.title.isVisible(), "once a person is chosen the PIN pad has the screen"
    pad = shell.login.pin_pad
    for _ in range(5):
        enter_pin(qtbot, pad, "9999")
    assert "Попробуйте" in shell.login.message.text() or "офис" in shell.login.message.text()
    assert not any(key.isEnabled() for key in pad.keys.values()), "the keypad is locked and looks it"
    QApplication.processEvents()
    save_shot(shell, "login_locked")
    click(qtbot, shell.login.back)
    click(qtbot, shell.login.person_buttons()[1])
    assert all(key.isEnabled() for key in pad.keys.values()), "another technician types his PIN"


def test_the_pin_is_checked_off_the_ui_thread(qtbot, tmp_path: Path, standard, brand) -> None:
    import threading

    store = make_store(tmp_path / "p.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    release = threading.Event()
    real_check = store.check_pin

    def slow_check(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(5)  # scrypt on a slow tablet, exaggerated
        return real_check(*args, **kwargs)

    store.check_pin = slow_check  # type: ignore[method-assign]
    click(qtbot, next(b for b in shell.login.person_buttons() if b.text() == "Петров Пётр"))
    pad = shell.login.pin_pad
    pad.enter("1111")
    assert pad.checking, "OK returned before the check: it runs off the UI thread"
    assert not any(key.isEnabled() for key in pad.keys.values()), "no second try while the first is checked"
    ticks = []
    QTimer.singleShot(10, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=1000)  # the screen keeps answering meanwhile
    assert shell.stack.currentWidget() is shell.login
    release.set()
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.day, timeout=5000)
    assert all(key.isEnabled() for key in pad.keys.values())
