"""The office's administration screen: unlock a technician, give him a new PIN, change the office password, and
the office's actions (exports, prints, unlocks, ...) as the audit log has them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldact.office.admin import change_office_password, office_actions, reset_pin, unlock_technician
from fieldact.office.queries import technicians
from fieldact.text import InputError

if TYPE_CHECKING:
    from fieldact.ui.office_context import OfficeContext


def _secret() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class AdminScreen(QWidget):
    def __init__(self, context: OfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.technician = QComboBox()
        self.unlock = QPushButton(self.tr("Unlock"))
        self.unlock.clicked.connect(self._unlock)
        self.pin, self.pin_again = _secret(), _secret()
        self.reset = QPushButton(self.tr("Set the new PIN"))
        self.reset.clicked.connect(self._reset)
        people = QFormLayout()
        people.addRow(self.tr("Technician"), self.technician)
        people.addRow("", self.unlock)
        people.addRow(self.tr("New PIN"), self.pin)
        people.addRow(self.tr("New PIN again"), self.pin_again)
        people.addRow("", self.reset)
        people_box = QGroupBox(self.tr("Technicians' PINs"))
        people_box.setLayout(people)
        self.old, self.new, self.new_again = _secret(), _secret(), _secret()
        self.change = QPushButton(self.tr("Change the office password"))
        self.change.clicked.connect(self._change)
        office = QFormLayout()
        office.addRow(self.tr("Current password"), self.old)
        office.addRow(self.tr("New password"), self.new)
        office.addRow(self.tr("New password again"), self.new_again)
        office.addRow("", self.change)
        office_box = QGroupBox(self.tr("Office password"))
        office_box.setLayout(office)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.actions = QTableWidget(0, 3)
        self.actions.setHorizontalHeaderLabels([self.tr("When"), self.tr("Action"), self.tr("Details")])
        self.actions.horizontalHeader().setStretchLastSection(True)
        self.actions.verticalHeader().hide()
        self.actions.setColumnWidth(0, 180)
        self.actions.setColumnWidth(1, 220)
        boxes = QHBoxLayout()
        boxes.addWidget(people_box)
        boxes.addWidget(office_box)
        layout = QVBoxLayout(self)
        layout.addLayout(boxes)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("The office's actions")))
        layout.addWidget(self.actions, 1)

    def refresh(self) -> None:
        self.technician.clear()
        for choice in technicians(self.context.database):
            self.technician.addItem(choice.name, choice.id)
        found = office_actions(self.context.database)
        self.actions.setRowCount(len(found))
        for row, action in enumerate(found):
            when = action.at.astimezone(self.context.zone).strftime("%d.%m.%Y %H:%M:%S")
            for column, text in enumerate((when, action.action, action.details)):
                self.actions.setItem(row, column, QTableWidgetItem(text))

    def _done(self, text: str) -> None:
        self.message.setText(text)
        chosen = self.technician.currentIndex()
        self.refresh()
        self.technician.setCurrentIndex(chosen)

    def _unlock(self) -> None:
        try:
            unlock_technician(self.context.database, str(self.technician.currentData()))
        except InputError as error:
            self.message.setText(str(error))
            return
        self._done(self.tr("{name} may sign in again.").format(name=self.technician.currentText()))

    def _reset(self) -> None:
        try:
            reset_pin(self.context.database, str(self.technician.currentData()), self.pin.text(), self.pin_again.text())
        except InputError as error:
            self.message.setText(str(error))
            return
        self.pin.clear()
        self.pin_again.clear()
        self._done(self.tr("{name} has a new PIN.").format(name=self.technician.currentText()))

    def _change(self) -> None:
        try:
            change_office_password(self.context.database, self.old.text(), self.new.text(), self.new_again.text())
        except InputError as error:
            self.message.setText(str(error))
            return
        for field in (self.old, self.new, self.new_again):
            field.clear()
        self._done(self.tr("The office password is changed."))
