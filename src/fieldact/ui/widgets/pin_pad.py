"""A numeric keypad for the technician's PIN: large keys for gloves, the digits hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

MAX_PIN = 8


class PinPad(QWidget):
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName("pinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_PIN)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setPlaceholderText(self.tr("PIN"))
        self.field.returnPressed.connect(self._submit)
        grid = QGridLayout()
        grid.setSpacing(8)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = QPushButton(key)
            button.setObjectName("pinKey")
            button.setMinimumSize(88, 72)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.keys["OK"].setProperty("role", "primary")
        self.checking = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addLayout(grid)

    def set_locked(self, locked: bool) -> None:
        """While the PIN is locked the keys look and are disabled: nothing typed would be checked."""
        self.field.clear()
        self._enable(not locked)

    def set_checking(self, checking: bool) -> None:
        """While a PIN is being checked (a deliberately slow hash, off the UI thread) the keys wait: a second
        press of OK must not send a second try."""
        self.checking = checking
        self.field.setPlaceholderText(self.tr("Checking…") if checking else self.tr("PIN"))
        self._enable(not checking)

    def _enable(self, enabled: bool) -> None:
        self.field.setEnabled(enabled)
        for button in self.keys.values():
            button.setEnabled(enabled)

    def lock_for(self, seconds: float) -> None:
        """Locked now, open again by itself after ``seconds``."""
        self.set_locked(True)
        QTimer.singleShot(max(1000, int(seconds * 1000)), lambda: self.set_locked(False))

    def _press(self, key: str) -> None:
        if key == "⌫":
            self.field.backspace()
        elif key == "OK":
            self._submit()
        elif len(self.field.text()) < MAX_PIN:
            self.field.insert(key)

    def _submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if pin:
            self.submitted.emit(pin)

    def enter(self, pin: str) -> None:
        """Press the keys of ``pin`` and OK, as a finger would."""
        for digit in pin:
            self.keys[digit].click()
        self.keys["OK"].click()
