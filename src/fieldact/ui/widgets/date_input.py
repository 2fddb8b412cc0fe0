"""A date field: typed or picked from a calendar, shown as 26.11.2026, read back as a ``date``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

DISPLAY_FORMAT = "dd.MM.yyyy"


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class DateInput(QDateEdit):
    def __init__(self, value: date, parent: QWidget | None = None) -> None:
        super().__init__(to_qdate(value), parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)

    def value(self) -> date:
        return to_date(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))
