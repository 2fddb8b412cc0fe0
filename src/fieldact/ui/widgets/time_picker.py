"""A moment picked with a finger: the likely answers first (tomorrow morning, ...), then day, hour and minutes
as large buttons. Replaces the desktop date-time field wherever a subscriber asks for another time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldact.ui.widgets.common import note

DAYS_AHEAD = 7
HOURS = range(8, 22)
MINUTES = (0, 15, 30, 45)
WEEKDAYS = (
    QT_TRANSLATE_NOOP("TimePicker", "Mon"),
    QT_TRANSLATE_NOOP("TimePicker", "Tue"),
    QT_TRANSLATE_NOOP("TimePicker", "Wed"),
    QT_TRANSLATE_NOOP("TimePicker", "Thu"),
    QT_TRANSLATE_NOOP("TimePicker", "Fri"),
    QT_TRANSLATE_NOOP("TimePicker", "Sat"),
    QT_TRANSLATE_NOOP("TimePicker", "Sun"),
)


@dataclass(frozen=True)
class Moment:
    """The picked day and time, without a zone: the caller knows whose clock it is."""

    at: datetime


def _choice(text: str, group: QButtonGroup, value: int) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName("timeChoice")
    button.setCheckable(True)
    button.setMinimumSize(64, 56)
    group.addButton(button, value)
    return button


class TimePicker(QWidget):
    changed = Signal(Moment)

    def __init__(self, today: date, start: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.days = QButtonGroup(self)
        self.hours = QButtonGroup(self)
        self.minutes = QButtonGroup(self)
        self.quick: dict[str, QPushButton] = {}
        self.summary = note("", "pickedTime")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._quick_row())
        layout.addWidget(self._label(QCoreApplication.translate("TimePicker", "Day")))
        layout.addLayout(self._grid(self.days, [self._day_text(n) for n in range(DAYS_AHEAD)], range(DAYS_AHEAD), 4))
        layout.addWidget(self._label(QCoreApplication.translate("TimePicker", "Hour")))
        layout.addLayout(self._grid(self.hours, [f"{h:02d}" for h in HOURS], HOURS, 7))
        layout.addWidget(self._label(QCoreApplication.translate("TimePicker", "Minutes")))
        layout.addLayout(self._grid(self.minutes, [f":{m:02d}" for m in MINUTES], MINUTES, 4))
        layout.addWidget(self.summary)
        for group in (self.days, self.hours, self.minutes):
            group.idClicked.connect(lambda _id: self._changed())
        self.set_moment(start)

    @staticmethod
    def _label(text: str) -> QLabel:
        return note(text, "fieldLabel")

    def _day_text(self, offset: int) -> str:
        day = self.today + timedelta(days=offset)
        names = {
            0: QCoreApplication.translate("TimePicker", "today"),
            1: QCoreApplication.translate("TimePicker", "tomorrow"),
        }
        weekday = QCoreApplication.translate("TimePicker", WEEKDAYS[day.weekday()])
        return f"{names.get(offset, weekday)} {day.strftime('%d.%m')}"

    def likely(self) -> list[tuple[str, datetime]]:
        """The answers a subscriber gives most: tomorrow morning, afternoon or evening, the day after."""
        tomorrow = self.today + timedelta(days=1)
        after = tomorrow + timedelta(days=1)
        return [
            (QCoreApplication.translate("TimePicker", "Tomorrow morning"), datetime.combine(tomorrow, time(9))),
            (QCoreApplication.translate("TimePicker", "Tomorrow afternoon"), datetime.combine(tomorrow, time(14))),
            (QCoreApplication.translate("TimePicker", "Tomorrow evening"), datetime.combine(tomorrow, time(18))),
            (QCoreApplication.translate("TimePicker", "The day after, morning"), datetime.combine(after, time(9))),
        ]

    def _quick_row(self) -> QGridLayout:
        grid = QGridLayout()
        for index, (text, moment) in enumerate(self.likely()):
            button = QPushButton(f"{text}, {moment.strftime('%H:%M')}")
            button.setObjectName("likelyTime")
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, m=moment: self._pick(m))
            self.quick[text] = button
            grid.addWidget(button, index // 2, index % 2)
        return grid

    @staticmethod
    def _grid(group: QButtonGroup, texts: list[str], values, columns: int) -> QGridLayout:  # type: ignore[no-untyped-def]
        grid = QGridLayout()
        grid.setSpacing(6)
        for index, (text, value) in enumerate(zip(texts, values, strict=True)):
            grid.addWidget(_choice(text, group, value), index // columns, index % columns)
        return grid

    def _pick(self, moment: datetime) -> None:
        self.set_moment(moment)
        self._changed()

    def set_moment(self, moment: datetime) -> None:
        offset = min(max((moment.date() - self.today).days, 0), DAYS_AHEAD - 1)
        hour = min(max(moment.hour, HOURS[0]), HOURS[-1])
        minute = max(m for m in MINUTES if m <= moment.minute)
        for group, value in ((self.days, offset), (self.hours, hour), (self.minutes, minute)):
            button = group.button(value)
            if button is not None:
                button.setChecked(True)
        self._show_summary()

    def moment(self) -> datetime:
        day = self.today + timedelta(days=max(self.days.checkedId(), 0))
        return datetime.combine(day, time(max(self.hours.checkedId(), HOURS[0]), max(self.minutes.checkedId(), 0)))

    def _show_summary(self) -> None:
        at = self.moment()
        self.summary.setText(
            QCoreApplication.translate("TimePicker", "Chosen: {day}, {time}").format(
                day=self._day_text((at.date() - self.today).days), time=at.strftime("%H:%M")
            )
        )

    def _changed(self) -> None:
        self._show_summary()
        self.changed.emit(Moment(self.moment()))
