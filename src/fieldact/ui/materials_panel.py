"""Materials used at the visit (written off at the start of the next day)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from fieldact.store.open_visit import OpenVisit
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import big_button, clear_layout, heading, labelled, note
from fieldact.ui.widgets.stepper import Stepper
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
        self.name.lineEdit().setPlaceholderText(self.tr("e.g. UTP cable 5e"))
        self.name.currentTextChanged.connect(self._name_changed)
        self.quantity = QLineEdit()
        self.quantity.setPlaceholderText("12,5")
        self.quantity.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.unit = QComboBox()
        self.unit.addItems(sorted({material.unit for material in self.catalogue.values()}))
        self.unit.setCurrentIndex(-1)
        self.unit.setPlaceholderText("—")
        self.unit.setMinimumWidth(110)
        self.add = big_button(self.tr("Add material"))
        self.lines: list[MaterialLine] = []
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(6)
        self.message = note("", "error")
        row = QHBoxLayout()  # the name alone on its line: the row below fits a portrait screen
        row.addWidget(labelled(self.tr("Quantity"), Stepper(self.quantity)))
        row.addWidget(labelled(self.tr("Unit"), self.unit))
        row.addStretch(1)
        row.addWidget(self.add, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Materials used"), 2))
        layout.addWidget(labelled(self.tr("Material"), self.name))
        layout.addLayout(row)
        layout.addLayout(self.list_layout)
        layout.addWidget(self.message)
        self.add.clicked.connect(self._add)
        self._show()

    def _add(self) -> None:
        try:
            name = self.name.currentText().strip()
            if not name:
                raise InputError(self.tr("Enter the material's name or choose it from the list."))
            try:
                quantity = Decimal(self.quantity.text().strip().replace(",", "."))
            except InvalidOperation:
                raise InputError(self.tr("Enter the quantity as a number, e.g. 12,5.")) from None
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

    def _remove(self, index: int) -> None:
        try:
            self.current.remove_material(index)
        except InputError as error:
            self.message.setText(str(error))
            return
        self._show()

    def _show(self) -> None:
        clear_layout(self.list_layout)
        self.lines = []
        for index, material in enumerate(self.visit.materials):
            quantity = str(material.quantity).replace(".", ",")
            line = MaterialLine(f"{material.name} — {quantity} {material.unit}")
            line.remove.clicked.connect(lambda _=False, i=index: self._remove(i))
            self.lines.append(line)
            self.list_layout.addWidget(line)


class MaterialLine(QFrame):
    """One material written down, with its own «Remove»: nothing to select first."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setObjectName("materialLine")
        self.text = note(text, "materialText")
        self.remove = big_button(QCoreApplication.translate("MaterialsPanel", "Remove"), "danger")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 2, 2, 2)
        row.addWidget(self.text, 1)
        row.addWidget(self.remove)
