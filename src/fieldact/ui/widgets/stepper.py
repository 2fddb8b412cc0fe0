"""A count or a quantity set with a finger: large − and + beside the number; holding a button repeats."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QTimeEdit, QWidget

STEP_SIZE = 56  # px: above the 48 px bar, a gloved finger hits it
REPEAT_DELAY_MS = 450
REPEAT_INTERVAL_MS = 90
TIME_STEP_MINUTES = 15


def _step_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName("stepButton")
    button.setFixedSize(STEP_SIZE, STEP_SIZE)
    button.setAutoRepeat(True)  # a long press repeats
    button.setAutoRepeatDelay(REPEAT_DELAY_MS)
    button.setAutoRepeatInterval(REPEAT_INTERVAL_MS)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the touch keyboard stays closed
    return button


class Stepper(QWidget):
    """Wraps a spin box (whole numbers), a time field (by a quarter of an hour) or a line edit (a decimal
    quantity, typed or stepped by one)."""

    def __init__(self, field: QSpinBox | QTimeEdit | QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.minus = _step_button("−")
        self.plus = _step_button("+")
        self.minus.setAccessibleName(self.tr("Less"))
        self.plus.setAccessibleName(self.tr("More"))
        # the field's own arrows are hidden by the stylesheet (#stepperField): with NoButtons and a stylesheet,
        # Qt lays the spin box's text out one pixel wide
        field.setObjectName("stepperField")
        field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        field.setMinimumHeight(STEP_SIZE)
        field.setMinimumWidth(88)
        field.setMaximumWidth(120)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.minus)
        row.addWidget(field)
        row.addWidget(self.plus)
        self.minus.clicked.connect(lambda: self.step(-1))
        self.plus.clicked.connect(lambda: self.step(1))

    def step(self, by: int) -> None:
        if isinstance(self.field, QSpinBox):
            self.field.stepBy(by)
            return
        if isinstance(self.field, QTimeEdit):
            self.field.setTime(self.field.time().addSecs(by * TIME_STEP_MINUTES * 60))
            return
        try:
            current = Decimal(self.field.text().strip().replace(",", ".") or "0")
        except InvalidOperation:
            current = Decimal(0)  # words typed: the buttons start from nothing, the typing is replaced
        value = max(Decimal(0), current + by)
        self.field.setText(str(value.normalize() if value == value.to_integral() else value).replace(".", ","))
