"""Materials used at the visit (written off at the start of the next day)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLineEdit, QListWidget, QVBoxLayout, QWidget

from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import big_button, heading, note
from fieldact.visit import Material, Visit

UNITS = ("шт", "м", "уп")


class MaterialsPanel(QFrame):
    def __init__(self, context: AppContext, visit: Visit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.context, self.visit = context, visit
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Material (e.g. UTP cable 5e)"))
        self.quantity = QLineEdit()
        self.quantity.setPlaceholderText(self.tr("quantity"))
        self.quantity.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.quantity.setMaximumWidth(140)
        self.unit = QComboBox()
        self.unit.addItems(UNITS)
        self.add = big_button(self.tr("Add material"))
        self.items = QListWidget()
        self.items.setMaximumHeight(160)
        self.remove = big_button(self.tr("Remove selected"), "quiet")
        self.message = note("", "error")
        row = QHBoxLayout()
        row.addWidget(self.name, 3)
        row.addWidget(self.quantity)
        row.addWidget(self.unit)
        row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Materials used"), 2))
        layout.addLayout(row)
        layout.addWidget(self.items)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self._show()

    def _add(self) -> None:
        try:
            try:
                quantity = Decimal(self.quantity.text().strip().replace(",", "."))
            except InvalidOperation:
                raise InputError(self.tr("Enter the quantity as a number, e.g. 12,5.")) from None
            material = Material("", self.name.text().strip(), quantity, self.unit.currentText())
            self.context.store.add_material(str(self.visit.id), material, self.context.actor)
        except InputError as error:
            self.message.setText(str(error))
            return
        self.visit.materials.append(material)
        self.name.clear()
        self.quantity.clear()
        self.message.clear()
        self._show()

    def _remove(self) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self.visit.materials):
            self.context.store.remove_material(str(self.visit.id), row, self.context.actor)
            del self.visit.materials[row]
            self._show()

    def _show(self) -> None:
        self.items.clear()
        for material in self.visit.materials:
            quantity = str(material.quantity).replace(".", ",")
            self.items.addItem(f"{material.name} — {quantity} {material.unit}")
