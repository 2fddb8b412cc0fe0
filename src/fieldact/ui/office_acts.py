"""The acts screen: the filters, a list that loads page by page, the opened act beside or under it, the exports."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldact.office import queries
from fieldact.office.queries import COUNT_CAP, ActFilter, ActRow, ActStatus, Sorting, SortKey
from fieldact.ui.labels import kind_name, service_name
from fieldact.ui.office_act_panel import ActPanel
from fieldact.ui.office_context import OfficeContext
from fieldact.ui.office_dialogs import ExportDialog, MaterialsDialog
from fieldact.ui.office_filters import FilterBar, status_name
from fieldact.ui.widgets.common import big_button, heading, note, set_pixel_size
from fieldact.ui.widgets.flow_layout import FlowLayout
from fieldact.ui.worker import run_in_background

TABLE_PIXEL_SIZE = 16
ROW_HEIGHT = 40
MAX_COLUMN_WIDTH = 300
SIDE_BY_SIDE_WIDTH = 1100  # narrower (a portrait screen): the act under the list
LIST_SHARE_WIDE = 0.6
LIST_SHARE_NARROW = 0.45
SUPERSEDED_COLOR = "#52606d"
REFUSED_COLOR = "#b42318"


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
