"""Devices installed at the subscriber's or taken away: type, serial number (typed or scanned), MAC."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldact.store.open_visit import OpenVisit
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import big_button, heading, note
from fieldact.visit.equipment import DeviceAction, equipment_type, serial_from_codes

if TYPE_CHECKING:
    from fieldact.ui.scan_screen import LabelRead, ScanScreen


class EquipmentPanel(QFrame):
    def __init__(self, context: AppContext, current: OpenVisit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.context, self.current = context, current
        self.scan_screen: ScanScreen | None = None  # Qt Multimedia loads only when the scanner is first opened
        self.kind = QComboBox()
        for kind in current.visit.brand.equipment:
            self.kind.addItem(kind.name, kind.key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.action = QComboBox()
        self.action.addItem(self.tr("Installed"), DeviceAction.INSTALLED.value)
        self.action.addItem(self.tr("Taken away"), DeviceAction.REMOVED.value)
        self.serial = QLineEdit()
        self.serial.setPlaceholderText(self.tr("serial number"))
        self.serial.setInputMethodHints(Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText)
        self.mac = QLineEdit()
        self.mac.setPlaceholderText(self.tr("MAC, e.g. 00:1A:2B:3C:4D:5E"))
        self.mac.setInputMethodHints(Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText)
        self.scan = big_button(self.tr("Scan the label"), "quiet")
        self.add = big_button(self.tr("Add device"))
        self.devices = QListWidget()
        self.devices.setMaximumHeight(180)
        self.remove = big_button(self.tr("Remove selected"), "quiet")
        self.message = note("", "error")
        self._layout()
        self.scan.clicked.connect(self.open_scanner)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self._kind_changed()
        self._show()

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.addWidget(self.action, 0, 0)
        grid.addWidget(self.kind, 0, 1, 1, 2)
        grid.addWidget(self.serial, 1, 0, 1, 2)
        grid.addWidget(self.scan, 1, 2)
        grid.addWidget(self.mac, 2, 0, 1, 2)
        grid.addWidget(self.add, 2, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Equipment"), 2))
        layout.addLayout(grid)
        layout.addWidget(self.devices)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.message.hide()

    def _kind_changed(self) -> None:
        key = self.kind.currentData()
        has_mac = bool(key) and equipment_type(self.current.visit.brand, key).mac
        self.mac.setEnabled(has_mac)
        if not has_mac:
            self.mac.clear()

    def _add(self) -> None:
        try:
            self.current.add_device(
                DeviceAction(self.action.currentData()),
                self.kind.currentData() or "",
                self.serial.text(),
                self.mac.text(),
            )
        except InputError as error:
            self._show_error(str(error))
            return
        self.serial.clear()
        self.mac.clear()
        self.message.hide()
        self._show()

    def _remove(self) -> None:
        items = self.devices.selectedItems()
        if not items:
            return
        try:
            self.current.remove_device(str(items[0].data(Qt.ItemDataRole.UserRole)))
        except InputError as error:
            self._show_error(str(error))
            return
        self._show()

    def _show(self) -> None:
        self.devices.clear()
        names = {kind.key: kind.name for kind in self.current.visit.brand.equipment}
        for device_id, device in self.current.devices():
            action = self.tr("Installed") if device.action is DeviceAction.INSTALLED else self.tr("Taken away")
            mac = f", MAC {device.mac}" if device.mac else ""
            item = QListWidgetItem(f"{action}: {names.get(device.type_key, device.type_key)} № {device.serial}{mac}")
            item.setData(Qt.ItemDataRole.UserRole, device_id)
            self.devices.addItem(item)

    def _show_error(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()

    # --- scanning ---------------------------------------------------------------------------------------------

    def open_scanner(self) -> ScanScreen:
        """The camera over the visit screen; the code read that fits the chosen type becomes the serial."""
        from fieldact.ui.scan_screen import ScanScreen

        host = _screen_of(self)
        screen = ScanScreen(self.kind.currentText(), host)
        screen.read.connect(self._label_read)
        screen.setGeometry(host.rect())
        screen.show()
        screen.raise_()
        screen.camera.start()
        self.scan_screen = screen
        return screen

    def _label_read(self, result: LabelRead) -> None:
        self.scan_screen = None
        if not result.codes:
            return
        kind = equipment_type(self.current.visit.brand, self.kind.currentData())
        serial = serial_from_codes(kind, list(result.codes))
        if serial is None:
            self.serial.setText(result.codes[0])
            self._show_error(
                self.tr(
                    "The code read is not a serial number of this type: {code}. Check it or type the number."
                ).format(code=result.codes[0])
            )
            return
        self.serial.setText(serial)
        self.message.hide()


def _screen_of(widget: QWidget) -> QWidget:
    """The stacked screen the panel is on (the scanner covers it, as the photo screen does)."""
    from fieldact.ui.visit_screen import VisitScreen

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, VisitScreen):
        parent = parent.parentWidget()
    return parent or widget.window()
