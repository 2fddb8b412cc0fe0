"""The office's administration screen: unlock a technician, give him a new PIN, change the office password, enrol
and revoke tablets (on the central database, where the service keeps them), and the office's actions (exports,
prints, unlocks, ...) as the audit log has them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldact.office.admin import change_office_password, office_actions, reset_pin, unlock_technician
from fieldact.office.password import OFFICE
from fieldact.office.queries import technicians
from fieldact.service import devices
from fieldact.text import InputError

if TYPE_CHECKING:
    from fieldact.ui.office_context import OfficeContext


def action_name(action: str) -> str:
    """An office action of the audit log in words (its key when it has none)."""
    names = {
        "technician_unlocked": QCoreApplication.translate("AdminScreen", "technician unlocked"),
        "pin_reset": QCoreApplication.translate("AdminScreen", "new PIN set"),
        "office_password_changed": QCoreApplication.translate("AdminScreen", "office password changed"),
        "device_enrolment_code": QCoreApplication.translate("AdminScreen", "tablet enrolment code issued"),
        "device_revoked": QCoreApplication.translate("AdminScreen", "tablet revoked"),
        "acts_exported": QCoreApplication.translate("AdminScreen", "acts exported"),
        "acts_printed": QCoreApplication.translate("AdminScreen", "acts printed"),
        "office_signed_in": QCoreApplication.translate("AdminScreen", "office signed in"),
        "office_export": QCoreApplication.translate("AdminScreen", "office password given for an export"),
        "office_wrong_password": QCoreApplication.translate("AdminScreen", "wrong office password"),
    }
    return names.get(action, action)


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
        for column in range(2):
            self.actions.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.actions.horizontalHeader().setStretchLastSection(True)
        self.actions.verticalHeader().hide()
        boxes = QHBoxLayout()
        boxes.addWidget(people_box)
        boxes.addWidget(office_box)
        self.tablets_box = self._tablets_box()
        layout = QVBoxLayout(self)
        layout.addLayout(boxes)
        layout.addWidget(self.tablets_box)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("The office's actions")))
        layout.addWidget(self.actions, 1)

    def _tablets_box(self) -> QGroupBox:
        """Tablets enrolled with the central service: a one-time code for the chosen technician, revocation."""
        self.enrol = QPushButton(self.tr("Enrolment code for his tablet"))
        self.enrol.clicked.connect(self._enrol)
        self.code = QLabel("")
        self.code.setObjectName("enrolmentCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.devices = QTableWidget(0, 4)
        self.devices.setHorizontalHeaderLabels(
            [self.tr("Tablet"), self.tr("Technician"), self.tr("Enrolled"), self.tr("Revoked")]
        )
        header = self.devices.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.devices.verticalHeader().hide()
        self.devices.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.devices.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.devices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.devices.setMinimumHeight(120)
        self.revoke_reason = QLineEdit()
        self.revoke_reason.setPlaceholderText(self.tr("e.g. tablet lost"))
        self.revoke = QPushButton(self.tr("Revoke the chosen tablet"))
        self.revoke.clicked.connect(self._revoke)
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol)
        enrol_row.addWidget(self.code, 1)
        revoke_row = QHBoxLayout()
        revoke_row.addWidget(QLabel(self.tr("Reason")))
        revoke_row.addWidget(self.revoke_reason, 1)
        revoke_row.addWidget(self.revoke)
        column = QVBoxLayout()
        column.addLayout(enrol_row)
        column.addWidget(self.devices)
        column.addLayout(revoke_row)
        box = QGroupBox(self.tr("Tablets (the central service)"))
        box.setLayout(column)
        return box

    def refresh(self) -> None:
        self.technician.clear()
        for choice in technicians(self.context.database):
            self.technician.addItem(choice.name, choice.id)
        found = office_actions(self.context.database)
        self.actions.setRowCount(len(found))
        for row, action in enumerate(found):
            when = action.at.astimezone(self.context.zone).strftime("%d.%m.%Y %H:%M:%S")
            for column, text in enumerate((when, action_name(action.action), action.details)):
                self.actions.setItem(row, column, QTableWidgetItem(text))
        self._show_devices()

    def _show_devices(self) -> None:
        kept = devices.kept_here(self.context.database)
        self.tablets_box.setVisible(kept)
        if not kept:
            return
        names = {self.technician.itemData(i): self.technician.itemText(i) for i in range(self.technician.count())}
        found = devices.list_devices(self.context.database)
        self.devices.setRowCount(len(found))
        for row, device in enumerate(found):
            values = (
                str(device["id"]),
                names.get(device["technician_id"], str(device["technician_id"])),
                self._local(device["enrolled_at"]),
                self._local(device["revoked_at"]) + (f" ({device['revoke_reason']})" if device["revoked_at"] else ""),
            )
            for column, text in enumerate(values):
                self.devices.setItem(row, column, QTableWidgetItem(text))

    def _local(self, moment: object) -> str:
        if not isinstance(moment, datetime):
            return ""
        return moment.astimezone(self.context.zone).strftime("%d.%m.%Y %H:%M")

    def _enrol(self) -> None:
        name = self.technician.currentText()
        try:
            code = devices.new_enrolment(self.context.database, str(self.technician.currentData()), OFFICE)
        except InputError as error:
            self.message.setText(str(error))
            return
        self.code.setText(code)
        self._done(
            self.tr("The code for {name}'s tablet works once, for {hours:g} hours: enter it on the tablet.").format(
                name=name, hours=devices.CODE_HOURS
            )
        )

    def _revoke(self) -> None:
        row = self.devices.currentRow()
        if row < 0 or self.devices.item(row, 0) is None:
            self.message.setText(self.tr("Choose the tablet to revoke in the list first."))
            return
        device_id = self.devices.item(row, 0).text()
        try:
            devices.revoke_device(self.context.database, device_id, OFFICE, self.revoke_reason.text())
        except InputError as error:
            self.message.setText(str(error))
            return
        self.revoke_reason.clear()
        self._done(
            self.tr("The tablet {device} is revoked: it is refused at once and its later acts fail verify.").format(
                device=device_id
            )
        )

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
