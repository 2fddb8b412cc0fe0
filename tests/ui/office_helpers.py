"""Driving the office window: the first password, the month of the seeded acts."""

from __future__ import annotations

from PySide6.QtCore import QDate

from fieldact.ui.office_window import OfficeWindow

from .helpers import click, save_shot, type_text


def sign_in_first_time(qtbot, window: OfficeWindow) -> None:
    gate = window.gate
    assert gate.first_use and gate.repeat.isVisible()
    type_text(gate.password, "пароль-офиса")
    type_text(gate.repeat, "пароль-офис")
    click(qtbot, gate.submit)
    assert gate.message.text() == "Пароли не совпадают: введите их ещё раз."
    save_shot(window, "office_password")
    gate.repeat.clear()
    type_text(gate.repeat, "пароль-офиса")
    click(qtbot, gate.submit)
    assert window.stack.currentWidget() is window.acts


def november(window: OfficeWindow) -> None:
    filters = window.acts.filters
    filters.date_from.setDate(QDate(2026, 11, 1))
    filters.date_to.setDate(QDate(2026, 11, 30))
