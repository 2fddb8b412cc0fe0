"""The acts: filters, a list that loads page by page, the stored PDF and the visit's audit trail."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldact.office import queries
from fieldact.office.checks import check_act
from fieldact.office.queries import COUNT_CAP, ActFilter, ActRow, ActStatus, Sorting, SortKey
from fieldact.office.trail import TrailNames, trail_names
from fieldact.standard import Service, VisitKind
from fieldact.store.tables import Act, AuditEvent
from fieldact.ui.labels import kept_text, kind_name, service_name
from fieldact.ui.office_context import OfficeContext
from fieldact.ui.office_dialogs import ExportDialog, MaterialsDialog
from fieldact.ui.office_trail import AuditTrail
from fieldact.ui.widgets.common import big_button, captioned, heading, note, set_pixel_size
from fieldact.ui.widgets.date_input import DateInput
from fieldact.ui.widgets.flow_layout import FlowLayout
from fieldact.ui.widgets.pdf_viewer import PdfViewer
from fieldact.ui.worker import run_in_background

TYPING_PAUSE_MS = 400
TABLE_PIXEL_SIZE = 16
ROW_HEIGHT = 40
MAX_COLUMN_WIDTH = 300
DAYS_SHOWN_AT_START = 30
MIN_PANEL_WIDTH = 420
SIDE_BY_SIDE_WIDTH = 1100  # narrower (a portrait screen): the act under the list
LIST_SHARE_WIDE = 0.6
LIST_SHARE_NARROW = 0.45
SUPERSEDED_COLOR = "#52606d"
REFUSED_COLOR = "#b42318"


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


class ActsModel(QAbstractTableModel):
    """The acts found, a page at a time as the list scrolls (``fetchMore``): 100,000 acts cost one page."""

    SORT_KEYS = {0: SortKey.SIGNED_AT, 1: SortKey.NUMBER, 3: SortKey.CONTRACT, 4: SortKey.SUBSCRIBER,
                 5: SortKey.TECHNICIAN, 6: SortKey.KIND}  # fmt: skip

    def __init__(self, context: OfficeContext) -> None:
        super().__init__()
        self.context = context
        self.wanted = ActFilter()
        self.sorting = Sorting()
        self.rows: list[ActRow] = []
        self.more = False
        self.headers = [
            self.tr("Signed"),
            self.tr("Act"),
            self.tr("Status"),
            self.tr("Contract"),
            self.tr("Subscriber"),
            self.tr("Technician"),
            self.tr("Kind"),
            self.tr("Services"),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status is ActStatus.SUPERSEDED:
                return QColor(SUPERSEDED_COLOR)
            if row.status is ActStatus.REFUSED:
                return QColor(REFUSED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._text(row, index.column())}\n{row.address}"
        return None

    def _text(self, row: ActRow, column: int) -> str:
        if column == 0:
            return row.signed_at.strftime("%d.%m.%Y %H:%M")
        if column == 1:
            return row.number if row.version <= 1 else f"{row.number} v{row.version}"
        if column == 2:
            return status_name(row.status)
        if column == 3:
            return row.contract
        if column == 4:
            return row.subscriber
        if column == 5:
            return row.technician
        if column == 6:
            return kind_name(row.kind)
        return ", ".join(service_name(s) for s in row.services)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self.more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or not self.more:
            return
        page = queries.search(self.context.database, self.wanted, self.context.zone, self.sorting, len(self.rows))
        if page.rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.more = page.more

    def show_page(self, wanted: ActFilter, sorting: Sorting, page: queries.Page) -> None:
        self.beginResetModel()
        self.wanted, self.sorting = wanted, sorting
        self.rows, self.more = list(page.rows), page.more
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self.sorting = Sorting(key, order == Qt.SortOrder.DescendingOrder)
        page = queries.search(self.context.database, self.wanted, self.context.zone, self.sorting)
        self.show_page(self.wanted, self.sorting, page)


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


@dataclass(frozen=True)
class Loaded:
    """An opened act with what the panel shows beside it, read off the UI thread."""

    act: Act
    problems: list[str]
    trail: list[AuditEvent]
    names: TrailNames
    kept: dict[str, object]


def _signed_items(act: Act) -> list[dict[str, object]]:
    try:
        items = json.loads(act.content).get("items", [])
    except (ValueError, AttributeError):
        return []
    return [item for item in items if isinstance(item, dict)]


class ActPanel(QTabWidget):
    """The opened act: its stored PDF as it is, whether it checks out, and what happened on its visit."""

    def __init__(self, context: OfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.act_id = ""
        self.check = note(self.tr("Choose an act in the list."))
        self.kept = note("", "standardKept")  # the standard as measured: for the office, not on the act
        self.viewer = PdfViewer()
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.check)
        column.addWidget(self.kept)
        column.addWidget(self.viewer, 1)
        self.trail = AuditTrail(context.zone)
        self.tabBar().setUsesScrollButtons(False)
        self.setMinimumWidth(MIN_PANEL_WIDTH)  # an A4 page stays readable
        self.addTab(page, self.tr("Act"))
        self.addTab(self.trail, self.tr("Audit trail"))

    def open(self, row: ActRow) -> None:
        self.act_id = row.act_id
        self.check.setObjectName("note")
        self.check.setText(self.tr("Checking act {number}…").format(number=row.number))
        self._restyle()
        context, act_id = self.context, row.act_id
        run_in_background(
            lambda: self._load(context, act_id),
            self._show,
            lambda error: self._failed(act_id, error),
            owner=self,
        )

    @staticmethod
    def _load(context: OfficeContext, act_id: str) -> Loaded:
        database = context.database
        act = queries.load_act(database, act_id)
        trail = queries.audit_trail(database, act.visit_id)
        names = trail_names(context.standard, trail, _signed_items(act))
        return Loaded(act, check_act(act, context.checked), trail, names, queries.standard_kept(database, act.visit_id))

    def _show(self, loaded: Loaded) -> None:
        act, problems, kept = loaded.act, loaded.problems, loaded.kept
        if act.id != self.act_id:
            return  # another act was chosen meanwhile
        self.viewer.show_pdf(act.pdf)  # the stored bytes, exactly as signed; never rendered again
        if problems:
            self.check.setObjectName("error")
            self.check.setText(" ".join(problems))
        else:
            self.check.setObjectName("checkOk")
            self.check.setText(
                self.tr(
                    "Act {number} v{version}: the stored PDF and content are the ones signed (SHA-256 {digest}…)."
                ).format(number=act.number, version=act.version, digest=act.pdf_sha256[:16])
            )
        self.kept.setText(kept_text(kept) if kept else self.tr("The standard: not measured for this visit."))
        self._restyle()
        self.trail.show_events(loaded.trail, loaded.names)

    def _failed(self, act_id: str, error: Exception) -> None:
        if act_id != self.act_id:
            return
        self.check.setObjectName("error")
        self.check.setText(
            self.tr(
                "The act could not be opened ({error}). Check the connection to the database and try again."
            ).format(error=type(error).__name__)
        )
        self._restyle()

    def _restyle(self) -> None:
        self.check.style().unpolish(self.check)
        self.check.style().polish(self.check)


class ActsTable(QTableView):
    """The list of acts, its columns fitted to its width: no sideways scrolling. When the columns do not fit,
    the long ones (subscriber, technician, status) give up width first, each cut with the whole text in its
    tooltip; then the columns the act view repeats (services, kind, technician) are hidden."""

    SHRINKING = (4, 5, 2)  # subscriber, technician, status
    HIDDEN_FIRST = (7, 6, 5)  # services, kind, technician
    MIN_SHRUNK = 110

    def __init__(self, model: ActsModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the columns fit instead
        set_pixel_size(self, TABLE_PIXEL_SIZE)
        self.natural: list[int] = []

    def measure(self) -> None:
        """Each column as wide as the first page and its title need (a long name or address is capped)."""
        header = self.horizontalHeader()
        for column in range(self.model().columnCount()):
            header.setSectionHidden(column, False)
        self.resizeColumnsToContents()
        self.natural = [
            max(min(self.columnWidth(c) + 8, MAX_COLUMN_WIDTH), header.sectionSizeHint(c))
            for c in range(self.model().columnCount())
        ]
        self.fit()

    def fit(self) -> None:
        if not self.natural:
            return
        header = self.horizontalHeader()
        room = self.viewport().width()
        hidden: set[int] = set()
        for column in (None, *self.HIDDEN_FIRST):
            if column is not None:
                hidden.add(column)
            widths = list(self.natural)
            self._shrink(widths, hidden, self._total(widths, hidden) - room)
            if self._total(widths, hidden) <= room:
                break
        for column, width in enumerate(widths):
            header.setSectionHidden(column, column in hidden)
            if column not in hidden:
                self.setColumnWidth(column, width)

    def _shrink(self, widths: list[int], hidden: set[int], excess: int) -> None:
        header = self.horizontalHeader()
        for column in self.SHRINKING:
            if excess <= 0:
                return
            if column in hidden:
                continue
            floor = max(self.MIN_SHRUNK, header.sectionSizeHint(column))
            cut = min(excess, max(widths[column] - floor, 0))
            widths[column] -= cut
            excess -= cut

    @staticmethod
    def _total(widths: list[int], hidden: set[int]) -> int:
        return sum(width for column, width in enumerate(widths) if column not in hidden)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self.fit()


class ActsScreen(QWidget):
    def __init__(self, context: OfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.export_dialog: ExportDialog | None = None
        self.materials_dialog: MaterialsDialog | None = None
        self.title = heading(self.tr("Signed acts"))
        self.filters = FilterBar(context, self.search)
        self.model = ActsModel(context)
        self.table = ActsTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._open_row(current))
        self.found = note("")
        self.found.setWordWrap(False)
        self.panel = ActPanel(context)
        self.export_selected = big_button(self.tr("Export selected…"))
        self.export_all = big_button(self.tr("Export all found…"), "primary")
        self.materials = big_button(self.tr("Materials report…"), "quiet")
        for button in (self.export_selected, self.export_all, self.materials):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.export_selected.clicked.connect(lambda: self.open_export(selected_only=True))
        self.export_all.clicked.connect(lambda: self.open_export(selected_only=False))
        self.materials.clicked.connect(self.open_materials)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._layout()

    def _layout(self) -> None:
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.found, 0, Qt.AlignmentFlag.AlignBottom)
        actions = QWidget()
        buttons = FlowLayout(actions)
        for button in (self.materials, self.export_selected, self.export_all):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(actions)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Side by side on a wide screen; the act under the list on a narrow (portrait) one."""
        super().resizeEvent(event)
        wide = self.width() >= SIDE_BY_SIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation or not self.splitter.property("fitted"):
            self.splitter.setOrientation(orientation)
            length = self.splitter.width() if wide else self.splitter.height()
            first = round(length * (LIST_SHARE_WIDE if wide else LIST_SHARE_NARROW))
            self.splitter.setSizes([first, length - first])
            self.splitter.setProperty("fitted", True)

    def search(self) -> None:
        wanted = self.filters.wanted()
        page = queries.search(self.context.database, wanted, self.context.zone, self.model.sorting)
        self.model.show_page(wanted, self.model.sorting, page)
        self.table.measure()
        self.found.setText(self.tr("Counting…"))
        database, zone = self.context.database, self.context.zone
        run_in_background(
            lambda: (wanted, queries.count(database, wanted, zone)),
            self._show_count,
            lambda error: self.found.setText(type(error).__name__),
            owner=self,
        )

    def _show_count(self, result: tuple[ActFilter, int]) -> None:
        wanted, found = result
        if wanted != self.model.wanted:
            return  # a newer search is under way
        if found > COUNT_CAP:
            self.found.setText(self.tr("More than {count} acts found").format(count=f"{COUNT_CAP:,}".replace(",", " ")))
        else:
            self.found.setText(self.tr("Acts found: {count}").format(count=found))
        self.export_all.setEnabled(found > 0)

    def _open_row(self, current: QModelIndex) -> None:
        if current.isValid():
            self.panel.open(self.model.rows[current.row()])

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[row].act_id for row in rows]

    def open_export(self, selected_only: bool) -> None:
        if selected_only:
            ids = self.selected_ids()
        else:
            ids = queries.act_ids(self.context.database, self.model.wanted, self.context.zone, self.model.sorting)
        self.export_dialog = ExportDialog(self.context, ids, self)
        self.export_dialog.show()

    def open_materials(self) -> None:
        wanted = self.filters.wanted()
        technician = self.filters.technician.currentText()
        self.materials_dialog = MaterialsDialog(self.context, wanted, technician, self)
        self.materials_dialog.show()
