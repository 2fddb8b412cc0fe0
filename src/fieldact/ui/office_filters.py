"""The acts list's filters: date range, technician, contract, subscriber, kind, service and status."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QSizePolicy, QWidget

from fieldact.office import queries
from fieldact.office.queries import ActFilter, ActStatus
from fieldact.standard import Service, VisitKind
from fieldact.ui.labels import kind_name, service_name
from fieldact.ui.office_context import OfficeContext
from fieldact.ui.widgets.common import big_button, captioned
from fieldact.ui.widgets.date_input import DateInput
from fieldact.ui.widgets.flow_layout import FlowLayout

TYPING_PAUSE_MS = 400
DAYS_SHOWN_AT_START = 30


def status_name(status: ActStatus) -> str:
    names = {
        ActStatus.SIGNED: QCoreApplication.translate("office", "signed"),
        ActStatus.REFUSED: QCoreApplication.translate("office", "refused to sign"),
        ActStatus.SUPERSEDED: QCoreApplication.translate("office", "superseded"),
    }
    return names[status]


def _enum(kind, value):  # type: ignore[no-untyped-def]
    """A combo box gives its data back as a plain string: the enum again, or None for "any"."""
    return None if value is None else kind(value)


class FilterBar(QWidget):
    """Date range, technician, contract, subscriber, kind, service and status; any change searches again.

    Each field has its caption above it; the fields flow into as many rows as the width needs."""

    WIDTHS = {"date": 190, "technician": 240, "contract": 210, "subscriber": 270, "choice": 220}

    def __init__(self, context: OfficeContext, on_change, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.on_change = on_change
        today = date.today()
        self.date_from = DateInput(today - timedelta(days=DAYS_SHOWN_AT_START))
        self.date_to = DateInput(today)
        self.technician = QComboBox()
        self.technician.addItem(self.tr("All technicians"), None)
        for choice in queries.technicians(context.database):
            self.technician.addItem(choice.name, choice.id)
        self.contract = QLineEdit()
        self.subscriber = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Any kind"), None)
        for kind in VisitKind:
            self.kind.addItem(kind_name(kind), kind)
        self.service = QComboBox()
        self.service.addItem(self.tr("Any service"), None)
        for service in Service:
            self.service.addItem(service_name(service), service)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for status in ActStatus:
            self.status.addItem(status_name(status), status)
        self.reset_button = big_button(self.tr("Reset"), "quiet")
        self.reset_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.reset_button.clicked.connect(self.reset)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_PAUSE_MS)
        self.typing.timeout.connect(self.on_change)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        flow = FlowLayout(self)
        fields = (
            (self.tr("Signed from"), self.date_from, "date"),
            (self.tr("Signed until"), self.date_to, "date"),
            (self.tr("Technician"), self.technician, "technician"),
            (self.tr("Contract"), self.contract, "contract"),
            (self.tr("Subscriber"), self.subscriber, "subscriber"),
            (self.tr("Visit kind"), self.kind, "choice"),
            (self.tr("Service"), self.service, "choice"),
            (self.tr("Status"), self.status, "choice"),
        )
        for caption, field, width in fields:
            cell = captioned(caption, field)
            cell.setMinimumWidth(self.WIDTHS[width])
            flow.addWidget(cell)
        flow.addWidget(self.reset_button)

    def _connect(self) -> None:
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _=None: self.on_change())
        for box in (self.technician, self.kind, self.service, self.status):
            box.currentIndexChanged.connect(lambda _=None: self.on_change())
        for line in (self.contract, self.subscriber):
            line.textEdited.connect(lambda _=None: self.typing.start())
            line.returnPressed.connect(self.on_change)

    def wanted(self) -> ActFilter:
        return ActFilter(
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            technician_id=self.technician.currentData(),
            contract=self.contract.text().strip(),
            subscriber=self.subscriber.text().strip(),
            kind=_enum(VisitKind, self.kind.currentData()),
            service=_enum(Service, self.service.currentData()),
            status=_enum(ActStatus, self.status.currentData()),
        )

    def reset(self) -> None:
        widgets = (self.date_from, self.date_to, self.technician, self.kind, self.service, self.status)
        for widget in widgets:
            widget.blockSignals(True)
        today = date.today()
        self.date_from.set_value(today - timedelta(days=DAYS_SHOWN_AT_START))
        self.date_to.set_value(today)
        for box in (self.technician, self.kind, self.service, self.status):
            box.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.contract.clear()
        self.subscriber.clear()
        self.on_change()
