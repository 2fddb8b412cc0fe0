"""Inputs for each kind of evidence; each turns what was typed into a typed value or a sentence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldact.standard import EvidenceKind, Item
from fieldact.text import InputError, say
from fieldact.ui.widgets.common import RowCheckBox
from fieldact.ui.widgets.stepper import Stepper
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit.evidence import (
    Apps,
    CableLabels,
    CableRoute,
    Channels,
    Check,
    DebrisRemoved,
    Evidence,
    HolesFilled,
    Note,
    PhoneNumber,
    Speed,
    Tariff,
    TestCall,
    parse_channels,
    parse_phone_number,
    parse_speed,
)

NUMBER_HINTS = Qt.InputMethodHint.ImhFormattedNumbersOnly


class EvidenceEditor(QWidget):
    """Base: an editor has a value (or raises InputError with a sentence) and can show a stored value."""

    def value(self) -> Evidence:
        return Check()

    def show_value(self, evidence: Evidence | None) -> None:
        """Put a stored value back into the inputs."""


def _line(placeholder: str = "", hints: Qt.InputMethodHint | None = None) -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    if hints is not None:
        field.setInputMethodHints(hints)
    return field


def _text_box(placeholder: str) -> QPlainTextEdit:
    box = kinetic(QPlainTextEdit())
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(96)
    return box


def _spin(minimum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, 99)
    return spin


class SpeedEditor(EvidenceEditor):
    def __init__(self) -> None:
        super().__init__()
        self.down = _line(self.tr("download"), NUMBER_HINTS)
        self.up = _line(self.tr("upload"), NUMBER_HINTS)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for field, label in ((self.down, self.tr("Down")), (self.up, self.tr("Up"))):
            row.addWidget(QLabel(label))
            row.addWidget(field)
            row.addWidget(QLabel(self.tr("Mbit/s")))

    def value(self) -> Evidence:
        return parse_speed(self.down.text(), self.up.text())

    def show_value(self, evidence: Evidence | None) -> None:
        if isinstance(evidence, Speed):
            self.down.setText(str(evidence.down_mbps).replace(".", ","))
            self.up.setText(str(evidence.up_mbps).replace(".", ","))


class ChannelsEditor(EvidenceEditor):
    def __init__(self, minimum: int) -> None:
        super().__init__()
        self.field = _line(self.tr("Channels shown, separated by commas (at least {n})").format(n=minimum))
        QVBoxLayout(self).addWidget(self.field)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def value(self) -> Evidence:
        return parse_channels(self.field.text())

    def show_value(self, evidence: Evidence | None) -> None:
        if isinstance(evidence, Channels):
            self.field.setText(", ".join(evidence.names))


class TestCallEditor(EvidenceEditor):
    def __init__(self) -> None:
        super().__init__()
        self.incoming = RowCheckBox(self.tr("Incoming call works"))
        self.outgoing = RowCheckBox(self.tr("Outgoing call works"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.incoming)
        row.addWidget(self.outgoing)
        row.addStretch(1)

    def value(self) -> Evidence:
        return TestCall(self.incoming.isChecked(), self.outgoing.isChecked())

    def show_value(self, evidence: Evidence | None) -> None:
        if isinstance(evidence, TestCall):
            self.incoming.setChecked(evidence.incoming)
            self.outgoing.setChecked(evidence.outgoing)


class CountEditor(EvidenceEditor):
    def __init__(self, label: str, minimum: int, kind: type[CableLabels] | type[HolesFilled]) -> None:
        super().__init__()
        self.kind = kind
        self.spin = _spin(minimum)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(label))
        row.addWidget(Stepper(self.spin))
        row.addStretch(1)

    def value(self) -> Evidence:
        return self.kind(self.spin.value())

    def show_value(self, evidence: Evidence | None) -> None:
        if isinstance(evidence, CableLabels | HolesFilled):
            self.spin.setValue(evidence.count)


class TextEditor(EvidenceEditor):
    def __init__(self, placeholder: str, kind: type[CableRoute] | type[Note] | type[Tariff], multiline: bool) -> None:
        super().__init__()
        self.kind = kind
        self.field: QPlainTextEdit | QLineEdit = _text_box(placeholder) if multiline else _line(placeholder)
        QVBoxLayout(self).addWidget(self.field)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def _text(self) -> str:
        return self.field.toPlainText() if isinstance(self.field, QPlainTextEdit) else self.field.text()

    def value(self) -> Evidence:
        return self.kind(self._text().strip())

    def show_value(self, evidence: Evidence | None) -> None:
        if isinstance(evidence, CableRoute | Note | Tariff):
            text = (
                evidence.route
                if isinstance(evidence, CableRoute)
                else evidence.text
                if isinstance(evidence, Note)
                else evidence.name
            )
            if isinstance(self.field, QPlainTextEdit):
                self.field.setPlainText(text)
            else:
                self.field.setText(text)


class DebrisEditor(EvidenceEditor):
    def __init__(self) -> None:
        super().__init__()
        self.removed = RowCheckBox(self.tr("The debris is removed"))
        QVBoxLayout(self).addWidget(self.removed)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def value(self) -> Evidence:
        return DebrisRemoved(self.removed.isChecked())

    def show_value(self, evidence: Evidence | None) -> None:
        if isinstance(evidence, DebrisRemoved):
            self.removed.setChecked(evidence.removed)


class AppsEditor(EvidenceEditor):
    def __init__(self, options: list[str]) -> None:
        super().__init__()
        self.boxes = {option: RowCheckBox(option) for option in options}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes.values():  # nothing pre-answered: each installed app is ticked by the technician
            row.addWidget(box)
        row.addStretch(1)

    def value(self) -> Evidence:
        return Apps(tuple(option for option, box in self.boxes.items() if box.isChecked()))

    def show_value(self, evidence: Evidence | None) -> None:
        if isinstance(evidence, Apps):
            for option, box in self.boxes.items():
                box.setChecked(option in evidence.installed)


class PhoneEditor(EvidenceEditor):
    def __init__(self) -> None:
        super().__init__()
        self.field = _line(self.tr("Phone number bound to the contract"), Qt.InputMethodHint.ImhDialableCharactersOnly)
        QVBoxLayout(self).addWidget(self.field)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def value(self) -> Evidence:
        return parse_phone_number(self.field.text())

    def show_value(self, evidence: Evidence | None) -> None:
        if isinstance(evidence, PhoneNumber):
            self.field.setText(evidence.number)


def editor_for(item: Item) -> EvidenceEditor | None:
    """The input for an item's evidence; None when a tap on «Done» is all it takes."""
    match item.evidence:
        case EvidenceKind.CHECK:
            return None
        case EvidenceKind.SPEED:
            return SpeedEditor()
        case EvidenceKind.CHANNELS:
            return ChannelsEditor(item.min_channels or 1)
        case EvidenceKind.TEST_CALL:
            return TestCallEditor()
        case EvidenceKind.CABLE_LABELS:
            return CountEditor(QCoreApplication.translate("EvidenceEditor", "Labels applied:"), 0, CableLabels)
        case EvidenceKind.HOLES_FILLED:
            return CountEditor(
                QCoreApplication.translate("EvidenceEditor", "Holes filled (0: none drilled):"), 0, HolesFilled
            )
        case EvidenceKind.CABLE_ROUTE:
            return TextEditor(
                QCoreApplication.translate("EvidenceEditor", "The agreed route: on the landing and in the flat"),
                CableRoute,
                True,
            )
        case EvidenceKind.TARIFF:
            return TextEditor(QCoreApplication.translate("EvidenceEditor", "Tariff activated"), Tariff, False)
        case EvidenceKind.TEXT:
            return TextEditor(item.hint or "", Note, True)
        case EvidenceKind.DEBRIS_REMOVED:
            return DebrisEditor()
        case EvidenceKind.APPS:
            return AppsEditor(item.options)
        case EvidenceKind.PHONE_NUMBER:
            return PhoneEditor()
    raise InputError(say("Неизвестный вид данных.", "Unknown kind of evidence."))
