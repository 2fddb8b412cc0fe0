"""The quality department's dashboard in the office window: filters, the figures, weekly lines and technicians side
by side; a number opens the visits behind it, a visit opens its act.

The charts are painted here with QPainter rather than Qt Charts: Qt Charts ships only in the PySide6-Addons wheel
(not among this program's dependencies, and it would add far more to the bundle than these two small charts need),
and the same few lines and bars are what the PDF report draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from fieldact.office.quality import Dashboard, Measure, QualityFilter, Reason, VisitLine, dashboard, visits_behind
from fieldact.office.quality_report import LINES, WHAT, figure_rows, lateness_rows, stage_rows, standard_names
from fieldact.office.queries import technicians
from fieldact.standard import VisitKind
from fieldact.store import tables
from fieldact.ui.labels import kind_name, status_name
from fieldact.ui.worker import run_in_background
from fieldact.visit import VisitStatus

if TYPE_CHECKING:
    from fieldact.ui.office_context import OfficeContext

# the figure rows whose number opens visits (the labels of figure_rows)
MEASURES = {
    "Визитов": Measure.VISITS,
    "Предзвонок в окне стандарта, %": Measure.PRECALL_MISSED,
    "Приезд вовремя, %": Measure.LATE,
    "Обязательные пункты выполнены, %": Measure.REQUIRED_MISSED,
    "Пункты: «не требуется»": Measure.ITEMS_NOT_NEEDED,
    "Пункты: «не выполнено»": Measure.ITEMS_FAILED,
    "Этап завершения выполнен, %": Measure.CLOSING_MISSED,
    "Отказы от подписи": Measure.REFUSED,
    "Переносы": Measure.RESCHEDULED,
    "«Устранить невозможно»": Measure.CANNOT_FIX,
    "Зачислено на счета, ₽": Measure.CREDITED,
    "Материалов на визит": Measure.MATERIALS_OUTLIER,
    "Оценок абонентов": Measure.RATED,
}
KINDS = ("", "connection", "service")


def _kind_text(kind: str) -> str:
    return kind_name(VisitKind(kind)) if kind in tuple(VisitKind) else kind


def _status_text(status: str) -> str:
    return status_name(VisitStatus(status)) if status in tuple(VisitStatus) else status


def _day(iso_day: str) -> str:
    try:
        return f"{date.fromisoformat(iso_day):%d.%m.%Y}"
    except ValueError:
        return iso_day


def _table(headers: list[str], stretch: int = 0) -> QTableWidget:
    """A read-only table whose ``stretch`` column takes the width left and wraps (no sideways scrolling)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    # wrapped rows take their height from the column's width, known only once the table is laid out
    header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    table.resizeRowsToContents()


@dataclass(frozen=True, slots=True)
class VisitsShown:
    measure: Measure
    count: int


def _small(painter: QPainter) -> None:
    font = painter.font()
    if font.pixelSize() > 0:
        font.setPixelSize(max(9, round(font.pixelSize() * 0.8)))
    else:
        font.setPointSizeF(font.pointSizeF() * 0.8)
    painter.setFont(font)


def _legend(painter: QPainter, left: float, bottom: float, width: float, entries: list[tuple[str, QColor]]) -> None:
    """Colour keys in rows that end at ``bottom``, wrapped to ``width``."""
    _small(painter)
    metrics = painter.fontMetrics()
    rows: list[list[tuple[str, QColor]]] = [[]]
    used = 0.0
    for name, colour in entries:
        wide = metrics.horizontalAdvance(name) + 24
        if rows[-1] and used + wide > width:
            rows.append([])
            used = 0.0
        rows[-1].append((name, colour))
        used += wide
    line = metrics.height() + 2
    for index, row in enumerate(rows):
        y, x = bottom - (len(rows) - index) * line, left
        for name, colour in row:
            painter.fillRect(QRectF(x, y + (line - 10) / 2, 10, 10), colour)
            painter.setPen(QColor(60, 60, 60))
            painter.drawText(QRectF(x + 14, y, width, line), Qt.AlignmentFlag.AlignVCenter, name)
            x += metrics.horizontalAdvance(name) + 24


class Chart(QWidget):
    """Percent series per label, painted by a subclass."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[list[float | None]] = []
        self.setMinimumHeight(200)

    def set_data(self, labels: list[str], series: list[list[float | None]]) -> None:
        self.labels, self.series = labels, series
        self.update()


class LineChart(Chart):
    """Percent lines per week."""

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(36, 24, self.width() - 48, self.height() - 78)
        painter.drawText(QRectF(0, 0, self.width(), 20), self.tr("By week, %"))
        painter.setPen(QPen(QColor(215, 215, 215)))
        for level in (0, 50, 100):
            y = area.bottom() - area.height() * level / 100
            painter.setPen(QPen(QColor(215, 215, 215)))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(QColor(60, 60, 60))
            painter.drawText(QRectF(0, y - 8, 32, 16), Qt.AlignmentFlag.AlignRight, str(level))
        if not self.labels:
            return
        step = area.width() / len(self.labels)
        painter.setPen(QColor(60, 60, 60))
        for index, label in enumerate(self.labels):
            painter.drawText(
                QRectF(area.left() + index * step, area.bottom() + 2, step, 16), Qt.AlignmentFlag.AlignCenter, label
            )
        for (_name, _, colour), values in zip(LINES, self.series, strict=True):
            painter.setPen(QPen(QColor(*colour), 2))
            points = [
                QPointF(area.left() + (index + 0.5) * step, area.bottom() - area.height() * value / 100)
                for index, value in enumerate(values)
                if value is not None
            ]
            for start, end in zip(points, points[1:], strict=False):
                painter.drawLine(start, end)
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)
        _legend(painter, area.left(), self.height(), area.width(), [(n, QColor(*c)) for n, _, c in LINES])


class BarChart(Chart):
    """Technicians side by side: pre-call and arrival on time, %."""

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        painter = QPainter(self)
        area = QRectF(36, 44, self.width() - 48, self.height() - 98)
        painter.drawText(QRectF(0, 0, self.width(), 20), self.tr("Technicians: pre-call and arrival on time, %"))
        painter.setPen(QColor(150, 150, 150))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.labels:
            return
        slot = area.width() / len(self.labels)
        bar = slot * 0.8 / max(len(self.series), 1)
        for index, label in enumerate(self.labels):
            for number, values in enumerate(self.series):
                value = values[index] or 0.0
                height = area.height() * value / 100
                left = area.left() + index * slot + slot * 0.1 + number * bar
                painter.fillRect(QRectF(left, area.bottom() - height, bar, height), QColor(*LINES[number][2]))
                if values[index] is not None:
                    painter.setPen(QColor(60, 60, 60))
                    painter.drawText(
                        QRectF(left, area.bottom() - height - 18, bar, 16), Qt.AlignmentFlag.AlignCenter, f"{value:g}"
                    )
            painter.setPen(QColor(60, 60, 60))
            painter.drawText(
                QRectF(area.left() + index * slot, area.bottom() + 2, slot, 16), Qt.AlignmentFlag.AlignCenter, label
            )
        _legend(painter, area.left(), self.height(), area.width(), [(n, QColor(*c)) for n, _, c in LINES[:2]])


class ActDialog(QDialog):
    """A stored act's PDF pages as they are."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(800, 900)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)


class QualityScreen(QWidget):
    visits_shown = Signal(VisitsShown)

    def __init__(self, context: OfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.board: Dashboard | None = None
        self.lines: list[VisitLine] = []
        today = date.today()
        self.first = QDateEdit(QDate(today - timedelta(days=30)))
        self.last = QDateEdit(QDate(today))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.technician = QComboBox()
        self.kind = QComboBox()
        for kind, label in zip(KINDS, (self.tr("All kinds"), self.tr("Connection"), self.tr("Service")), strict=True):
            self.kind.addItem(label, kind)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.refresh)
        self.status = QLabel("")
        filters = QHBoxLayout()
        for widget in (
            QLabel(self.tr("From")),
            self.first,
            QLabel(self.tr("to")),
            self.last,
            self.technician,
            self.kind,
        ):
            filters.addWidget(widget)
        filters.addWidget(self.show_button)
        filters.addWidget(self.status, 1)
        self.names = standard_names(context.standard)
        self.figures = _table([self.tr("Figure"), self.tr("Value")])
        self.figures.cellClicked.connect(self._open_figure)
        self.skipped = _table([self.tr("Item"), self.tr("Not needed"), self.tr("Not done")])
        self.reasons = _table([self.tr("What"), self.tr("Day"), self.tr("Visit"), self.tr("Reason")], stretch=3)
        self.reasons.cellDoubleClicked.connect(self._open_reason)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.tabs.addTab(self.skipped, self.tr("Most skipped items"))
        self.tabs.addTab(self.reasons, self.tr("Reasons"))
        self.tabs.currentChanged.connect(lambda _: self.tabs.currentWidget().resizeRowsToContents())
        self.weeks = LineChart()
        self.people = BarChart()
        self.visits = QTableWidget(0, 6)
        self.visits.setHorizontalHeaderLabels(
            [
                self.tr("Visit"),
                self.tr("Day"),
                self.tr("Technician"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("Late, min"),
            ]
        )
        self.visits.horizontalHeader().setStretchLastSection(True)
        self.visits.verticalHeader().hide()
        self.visits.cellDoubleClicked.connect(self._open_visit)
        charts = QVBoxLayout()
        charts.addWidget(self.weeks, 1)
        charts.addWidget(self.people, 1)
        right = QWidget()
        right.setLayout(charts)
        top = QSplitter()
        top.addWidget(self.tabs)
        top.addWidget(right)
        top.setSizes([560, 720])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.visits)
        split.setSizes([600, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.people_names: dict[str, str] = {}
        self._fill_technicians()

    def _fill_technicians(self) -> None:
        self.technician.clear()
        self.technician.addItem(self.tr("All technicians"), "")
        for choice in technicians(self.context.database):
            self.people_names[choice.id] = choice.name
            self.technician.addItem(choice.name, choice.id)

    def wanted(self) -> QualityFilter:
        chosen = self.technician.currentData()
        return QualityFilter(
            self.first.date().toPython(),
            self.last.date().toPython(),
            (chosen,) if chosen else (),
            self.kind.currentData() or None,
        )

    def refresh(self) -> None:
        wanted = self.wanted()
        self.status.setText(self.tr("Counting…"))
        database = self.context.database
        run_in_background(lambda: dashboard(database, wanted), self._show, self._failed, owner=self)

    def _failed(self, error: Exception) -> None:
        self.status.setText(self.tr("The figures could not be read: {error}").format(error=error))

    def _show(self, board: Dashboard) -> None:
        self.board = board
        rows = [*figure_rows(board.total), *lateness_rows(board.total), *stage_rows(board.total, self.names)]
        self.figures.setRowCount(len(rows))
        for row, (label, value) in enumerate(rows):
            name = QTableWidgetItem(label)
            shown = QTableWidgetItem("—" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
            if label in MEASURES:
                shown.setForeground(QColor(37, 99, 235))
                shown.setToolTip(self.tr("Click to see the visits"))
            for item in (name, shown):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.figures.setItem(row, 0, name)
            self.figures.setItem(row, 1, shown)
        self.figures.resizeRowsToContents()
        _fill(
            self.skipped,
            [[self.names.item(item.item_key), str(item.not_needed), str(item.failed)] for item in board.skipped],
        )
        _fill(
            self.reasons,
            [[WHAT.get(r.what, r.what), _day(r.day), r.visit_id, r.said(self.names.outcomes)] for r in board.reasons],
        )
        self.weeks.set_data(
            [f"{monday:%d.%m}" for monday, _ in board.weeks],
            [[getattr(week, attr) for _, week in board.weeks] for _, attr, _ in LINES],
        )
        self.people.set_data(
            [name for _, name, _ in board.technicians],
            [[f.precall_pct for _, _, f in board.technicians], [f.arrival_pct for _, _, f in board.technicians]],
        )
        self.status.setText(self.tr("Visits: {count}").format(count=board.total["visits"]))

    def _open_figure(self, row: int, _column: int) -> None:
        item = self.figures.item(row, 0)
        measure = MEASURES.get(item.text()) if item is not None else None
        if measure is None or self.board is None:
            return
        database, board = self.context.database, self.board
        self.status.setText(self.tr("Finding the visits…"))
        run_in_background(
            lambda: visits_behind(database, board.wanted, measure, total=board.total),
            lambda lines: self._show_visits(measure, lines),
            self._failed,
            owner=self,
        )

    def _show_visits(self, measure: Measure, lines: list[VisitLine]) -> None:
        self.lines = lines
        _fill(
            self.visits,
            [
                [
                    line.visit_id,
                    _day(line.day),
                    self.people_names.get(line.technician_id, line.technician_id),
                    _kind_text(line.kind),
                    _status_text(line.status),
                    "" if line.late_minutes is None else str(line.late_minutes),
                ]
                for line in lines
            ],
        )
        self.status.setText(self.tr("Visits behind the figure: {count}").format(count=len(lines)))
        self.visits_shown.emit(VisitsShown(measure, len(lines)))

    def _open_reason(self, row: int, _column: int) -> None:
        if self.board is not None and 0 <= row < len(self.board.reasons):
            self._open_act(self.board.reasons[row])

    def _open_visit(self, row: int, _column: int) -> None:
        self._open_act(self.lines[row])

    def _open_act(self, behind: VisitLine | Reason) -> None:
        """The visit's newest act as stored; a sentence when it has none."""
        act = tables.Act.__table__  # type: ignore[attr-defined]
        visit_id = behind.visit_id
        query = (
            select(act.c.number, act.c.pdf).where(act.c.visit_id == visit_id).order_by(act.c.version.desc()).limit(1)
        )
        with self.context.database.engine.connect() as connection:
            found = connection.execute(query).first()
        if found is None:
            self.status.setText(self.tr("Visit {visit} has no act.").format(visit=visit_id))
            return
        self.act_dialog = ActDialog(bytes(found.pdf), self.tr("Act {number}").format(number=found.number), self)
        self.act_dialog.show()
