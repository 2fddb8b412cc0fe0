"""The acts: filters, a list that loads page by page, the stored PDF and the visit's audit trail."""

from __future__ import annotations

import json
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldact.office import queries
from fieldact.office.checks import check_act
from fieldact.office.queries import COUNT_CAP, ActFilter, ActRow, ActStatus, Sorting, SortKey
from fieldact.standard import Service, VisitKind, load_brand
from fieldact.store.sealing import seal_policy
from fieldact.store.tables import Act, AuditEvent
from fieldact.ui.labels import kept_text, kind_name, service_name
from fieldact.ui.office_window import OfficeContext
from fieldact.ui.review_screen import PdfViewer
from fieldact.ui.widgets.common import big_button, heading, note, set_pixel_size
from fieldact.ui.worker import run_in_background

TYPING_PAUSE_MS = 400
TABLE_PIXEL_SIZE = 16
MAX_COLUMN_WIDTH = 300
DAYS_SHOWN_AT_START = 30


def status_name(status: ActStatus) -> str:
    names = {
        ActStatus.SIGNED: QCoreApplication.translate("office", "signed"),
        ActStatus.REFUSED: QCoreApplication.translate("office", "refused to sign"),
        ActStatus.SUPERSEDED: QCoreApplication.translate("office", "superseded"),
    }
    return names[status]


def alive(widget: QWidget) -> bool:
    """False once Qt has deleted the widget: a background job may finish after its window was closed."""
    import shiboken6

    return shiboken6.isValid(widget)


def action_name(action: str) -> str:
    """What an audit event records, in words; an action this version does not know is shown as recorded."""
    names = {
        "visit_created": QCoreApplication.translate("office", "visit created"),
        "precall": QCoreApplication.translate("office", "pre-call made"),
        "arrived": QCoreApplication.translate("office", "arrived"),
        "answer": QCoreApplication.translate("office", "checklist answer"),
        "condition": QCoreApplication.translate("office", "condition"),
        "stage": QCoreApplication.translate("office", "stage"),
        "material": QCoreApplication.translate("office", "material added"),
        "material_removed": QCoreApplication.translate("office", "material removed"),
        "payment": QCoreApplication.translate("office", "payment"),
        "branch": QCoreApplication.translate("office", "branch"),
        "status": QCoreApplication.translate("office", "status"),
        "act_signed": QCoreApplication.translate("office", "act signed"),
        "act_refused": QCoreApplication.translate("office", "signature refused"),
        "correction_started": QCoreApplication.translate("office", "correction started"),
        "closing": QCoreApplication.translate("office", "closing"),
    }
    return names.get(action, action.replace("_", " "))


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _enum(kind, value):  # type: ignore[no-untyped-def]
    """A combo box gives its data back as a plain string: the enum again, or None for "any"."""
    return None if value is None else kind(value)


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


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
                return QColor("#7b8794")
            if row.status is ActStatus.REFUSED:
                return QColor("#b42318")
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
    """Date range, technician, contract, subscriber, kind, service and status; any change searches again."""

    def __init__(self, context: OfficeContext, on_change, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.on_change = on_change
        today = date.today()
        self.date_from = date_edit(today - timedelta(days=DAYS_SHOWN_AT_START))
        self.date_to = date_edit(today)
        self.technician = QComboBox()
        self.technician.addItem(self.tr("All technicians"), None)
        for choice in queries.technicians(context.database):
            self.technician.addItem(choice.name, choice.id)
        self.contract = QLineEdit()
        self.contract.setPlaceholderText(self.tr("Contract number"))
        self.subscriber = QLineEdit()
        self.subscriber.setPlaceholderText(self.tr("Subscriber: surname, name"))
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
        self.reset_button.clicked.connect(self.reset)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_PAUSE_MS)
        self.typing.timeout.connect(self.on_change)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("From")))
        first.addWidget(self.date_from)
        first.addWidget(QLabel(self.tr("to")))
        first.addWidget(self.date_to)
        first.addWidget(self.technician, 1)
        first.addWidget(self.contract, 1)
        first.addWidget(self.subscriber, 2)
        second = QHBoxLayout()
        for box in (self.kind, self.service, self.status):
            box.setMinimumWidth(200)
            second.addWidget(box)
        second.addStretch(1)
        second.addWidget(self.reset_button)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(first)
        rows.addLayout(second)

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
            date_from=to_date(self.date_from.date()),
            date_to=to_date(self.date_to.date()),
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
        self.date_from.setDate(to_qdate(today - timedelta(days=DAYS_SHOWN_AT_START)))
        self.date_to.setDate(to_qdate(today))
        for box in (self.technician, self.kind, self.service, self.status):
            box.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.contract.clear()
        self.subscriber.clear()
        self.on_change()


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
        self.trail = QTableWidget(0, 4)
        self.trail.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Details")])
        set_pixel_size(self.trail, TABLE_PIXEL_SIZE)
        self.tabBar().setUsesScrollButtons(False)
        self.trail.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.trail.verticalHeader().hide()
        self.trail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trail.setWordWrap(False)
        self.setMinimumWidth(480)  # an A4 page stays readable
        self.addTab(page, self.tr("Act"))
        self.addTab(self.trail, self.tr("Audit trail"))

    def open(self, row: ActRow) -> None:
        self.act_id = row.act_id
        self.check.setObjectName("note")
        self.check.setText(self.tr("Checking act {number}…").format(number=row.number))
        self._restyle()
        database, checked, act_id = self.context.database, self.context.checked, row.act_id
        run_in_background(
            lambda: self._load(database, checked, act_id),
            self._show,
            lambda error: self._failed(act_id, error),
        )

    @staticmethod
    def _load(database, checked, act_id: str):  # type: ignore[no-untyped-def]
        act = queries.load_act(database, act_id)
        trail = queries.audit_trail(database, act.visit_id)
        policy = seal_policy(database, load_brand())
        return act, check_act(act, checked, policy=policy), trail, queries.standard_kept(database, act.visit_id)

    def _show(self, loaded: tuple[Act, list[str], list[AuditEvent], dict[str, object]]) -> None:
        act, problems, trail, kept = loaded
        if not alive(self.check) or act.id != self.act_id:
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
        self._fill_trail(trail)

    def _failed(self, act_id: str, error: Exception) -> None:
        if not alive(self.check) or act_id != self.act_id:
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

    def _fill_trail(self, trail: list[AuditEvent]) -> None:
        self.trail.setRowCount(len(trail))
        for n, event in enumerate(trail):
            moment = event.at.astimezone(self.context.zone).strftime("%d.%m %H:%M:%S")
            details = ", ".join(f"{key}: {value}" for key, value in json.loads(event.details or "{}").items())
            for column, text in enumerate((moment, action_name(event.action), event.actor, details)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.trail.setItem(n, column, item)
        self.trail.resizeColumnsToContents()


class ActsScreen(QWidget):
    def __init__(self, context: OfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.export_dialog = None
        self.materials_dialog = None
        self.title = heading(self.tr("Signed acts"))
        self.filters = FilterBar(context, self.search)
        self.model = ActsModel(context)
        self.table = self._table()
        self.found = note("")
        self.found.setWordWrap(False)
        self.panel = ActPanel(context)
        self.export_selected = big_button(self.tr("Export selected…"))
        self.export_all = big_button(self.tr("Export all found…"), "primary")
        self.materials = big_button(self.tr("Materials report…"), "quiet")
        self.export_selected.clicked.connect(lambda: self.open_export(selected_only=True))
        self.export_all.clicked.connect(lambda: self.open_export(selected_only=False))
        self.materials.clicked.connect(self.open_materials)
        self._layout()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(40)
        table.setWordWrap(False)
        set_pixel_size(table, TABLE_PIXEL_SIZE)
        table.selectionModel().currentRowChanged.connect(lambda current, _: self._open_row(current))
        return table

    def _layout(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.materials)
        buttons.addWidget(self.export_selected)
        buttons.addWidget(self.export_all)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 540])
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.found, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

    def search(self) -> None:
        wanted = self.filters.wanted()
        page = queries.search(self.context.database, wanted, self.context.zone, self.model.sorting)
        self.model.show_page(wanted, self.model.sorting, page)
        self.fit_columns()
        self.found.setText(self.tr("Counting…"))
        database, zone = self.context.database, self.context.zone
        run_in_background(
            lambda: (wanted, queries.count(database, wanted, zone)),
            self._show_count,
            lambda error: alive(self.found) and self.found.setText(type(error).__name__),
        )

    def fit_columns(self) -> None:
        """Columns as wide as the first page needs; a long name or address is cut, with the whole in a tooltip."""
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 8, MAX_COLUMN_WIDTH))

    def _show_count(self, result: tuple[ActFilter, int]) -> None:
        wanted, found = result
        if not alive(self.found) or wanted != self.model.wanted:
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
        from fieldact.ui.office_dialogs import ExportDialog

        if selected_only:
            ids = self.selected_ids()
        else:
            ids = queries.act_ids(self.context.database, self.model.wanted, self.context.zone, self.model.sorting)
        self.export_dialog = ExportDialog(self.context, ids, self)
        self.export_dialog.show()

    def open_materials(self) -> None:
        from fieldact.ui.office_dialogs import MaterialsDialog

        wanted = self.filters.wanted()
        technician = self.filters.technician.currentText()
        self.materials_dialog = MaterialsDialog(self.context, wanted, technician, self)
        self.materials_dialog.show()
