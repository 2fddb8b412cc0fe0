"""The first screen: the question whole and gone once answered, 72 px people, a keypad that shows a lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from .helpers import Clock, click, local, make_shell, make_store, save_shot

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
        pad.enter("9999")
    assert "Попробуйте" in shell.login.message.text() or "офис" in shell.login.message.text()
    assert not any(key.isEnabled() for key in pad.keys.values()), "the keypad is locked and looks it"
    QApplication.processEvents()
    save_shot(shell, "login_locked")
    click(qtbot, shell.login.back)
    click(qtbot, shell.login.person_buttons()[1])
    assert all(key.isEnabled() for key in pad.keys.values()), "another technician types his PIN"
