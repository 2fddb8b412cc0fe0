"""Materials used at the visit (written off at the start of the next day)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLineEdit, QListWidget, QVBoxLayout, QWidget

from fieldact.store.open_visit import OpenVisit
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import big_button, heading, note
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit import Material


class MaterialsPanel(QFrame):
    def __init__(self, context: AppContext, current: OpenVisit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.context, self.current, self.visit = context, current, current.visit
        self.catalogue = {material.name: material for material in current.visit.brand.materials}
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(list(self.catalogue))
        self.name.setCurrentIndex(-1)
        self.name.lineEdit().setPlaceholderText(self.tr("Material (e.g. UTP cable 5e)"))
        self.name.currentTextChanged.connect(self._name_changed)
        self.quantity = QLineEdit()
        self.quantity.setPlaceholderText(self.tr("quantity"))
        self.quantity.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.quantity.setMaximumWidth(140)
        self.unit = QComboBox()
        self.unit.addItems(sorted({material.unit for material in self.catalogue.values()}))
        self.unit.setCurrentIndex(-1)
        self.unit.setPlaceholderText(self.tr("unit"))
        self.add = big_button(self.tr("Add material"))
        self.items = kinetic(QListWidget())
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
            name = self.name.currentText().strip()
            known = self.catalogue.get(name)
            unit = known.unit if known else self.unit.currentText()
            if not unit:
                raise InputError(self.tr("Choose the unit of «{name}».").format(name=name))
            material = Material(known.code if known else "", name, quantity, unit)
            self.current.add_material(material)
        except InputError as error:
            self.message.setText(str(error))
            return
        self.name.setCurrentIndex(-1)
        self.name.setEditText("")
        self.unit.setCurrentIndex(-1)
        self.quantity.clear()
        self.message.clear()
        self._show()

    def _name_changed(self, name: str) -> None:
        """A material of the catalogue brings its own unit; another one asks for it."""
        known = self.catalogue.get(name.strip())
        self.unit.setEnabled(known is None)
        self.unit.setCurrentIndex(self.unit.findText(known.unit) if known else -1)

    def _remove(self) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self.visit.materials):
            try:
                self.current.remove_material(row)
            except InputError as error:
                self.message.setText(str(error))
                return
            self._show()

    def _show(self) -> None:
        self.items.clear()
        for material in self.visit.materials:
            quantity = str(material.quantity).replace(".", ",")
            self.items.addItem(f"{material.name} — {quantity} {material.unit}")
