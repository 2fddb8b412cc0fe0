"""Faults under the screens: a read-only database at the PIN, a full disk under an answer, an error in a slot."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from fieldact.store.db import open_database
from fieldact.store.repository import Store
from fieldact.ui import errors

from .helpers import Clock, click, local, make_shell, make_store, save_shot, sign_in


def test_a_read_only_database_at_the_pin_is_a_sentence(qtbot, small_disk, standard, brand) -> None:
    store = make_store(small_disk.path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T09:05")))
    store.database.engine.dispose()  # connections reopen on the next query; the file system turns read-only
    small_disk.read_only()
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    assert shell.stack.currentWidget() is shell.login
    message = shell.login.message.text()
    assert "только чтение" in message or "не ответила" in message, message
    save_shot(shell, "fault_read_only_pin")
    small_disk.read_only(False)
    store.database.dispose()


def test_an_answer_on_a_full_disk_stays_marked_and_is_saved_when_space_returns(
    qtbot, small_disk, standard, brand
) -> None:
    path = small_disk.path / "f.db"
    store = make_store(path, standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T09:05")))
    shell.visit.retry.setInterval(100)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    visit_id = shell.day.visits[0].id
    shell.day.open_visit.emit(visit_id)
    QApplication.processEvents()
    if shell.visit.arrive_button.isVisible():
        click(qtbot, shell.visit.arrive_button)
    shell.visit.rail.setCurrentRow(1)  # stage 1 is answered from the pre-call card; stage 2 has buttons
    QApplication.processEvents()
    first = next(row for row in shell.visit.rows.values() if row.done.isVisible() and row.done.isEnabled())
    small_disk.fill()
    click(qtbot, first.done)
    assert first.undo.isVisible(), "the answer stays on screen"
    assert first.message.isVisible() and "Не сохранено" in first.message.text() and "места" in first.message.text()
    save_shot(shell, "fault_unsaved_answer")
    small_disk.free()
    qtbot.waitUntil(lambda: not shell.visit.unsaved, timeout=5000)
    assert not first.message.isVisible()
    key = first.entry.key
    store.database.dispose()
    again = Store(open_database(path), standard, brand)
    assert again.load_visit(str(visit_id)).checklist.answer(key).state.value == "done"
    again.database.dispose()


def test_an_error_escaping_a_slot_is_logged_and_shown(qtbot, tmp_path: Path, monkeypatch) -> None:
    log = errors.start_log(tmp_path / "logs" / "fieldact.log")
    assert log is not None
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook()
    try:
        raise RuntimeError("a defect in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert shown and "RuntimeError" in shown[0] and "Traceback" not in shown[0]
    assert "a defect in a slot" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_every_store_failure_has_a_sentence(qapp) -> None:
    from sqlalchemy.exc import OperationalError

    full = OperationalError("INSERT", {}, Exception("database or disk is full"))
    read_only = OperationalError("INSERT", {}, Exception("attempt to write a readonly database"))
    assert "места" in errors.sentence_for(full)
    assert "только чтение" in errors.sentence_for(read_only)
    assert "поддержку" in errors.sentence_for(OSError(5, "I/O error"))
