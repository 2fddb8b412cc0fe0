"""The day: the start-of-day rules, today's visits, and the pre-call reminder when its moment comes."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from fieldact.store.repository import VisitSummary
from fieldact.store.sync import sync_status
from fieldact.ui.context import AppContext
from fieldact.ui.labels import kind_name, service_name, status_name
from fieldact.ui.widgets.common import big_button, card, clear_layout, heading, note, set_pixel_size
from fieldact.visit import Plan, VisitStatus, precall_moment
from fieldact.visit.scripts import ScriptValueMissing, render_script

OPEN = (VisitStatus.PLANNED, VisitStatus.IN_PROGRESS, VisitStatus.AWAITING_SIGNATURE)


class DayScreen(QWidget):
    open_visit = Signal(str)
    sign_out = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visits: list[VisitSummary] = []
        self.title = heading("")
        self.sync_line = note("", "syncLine")
        self.sign_out_button = big_button(self.tr("Sign out"), "quiet")
        self.sign_out_button.clicked.connect(self.sign_out)
        self.rules = card()
        self.rules_layout = QVBoxLayout(self.rules)
        self.precall = card()
        self.precall.setObjectName("precallCard")
        self.precall_layout = QVBoxLayout(self.precall)
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(10)
        holder = QWidget()
        holder.setLayout(self.list_layout)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.sync_line)
        top.addWidget(self.sign_out_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.precall)
        layout.addWidget(self.rules)
        layout.addWidget(scroll, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self.refresh_precall)
        self.timer.timeout.connect(self.refresh_sync)
        self.rules_seen = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.refresh()
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        technician = self.context.technician
        if technician is None:
            return
        today = self.context.now()
        self.title.setText(
            self.tr("{name}, visits for {date}").format(name=technician.first_name, date=today.strftime("%d.%m.%Y"))
        )
        self.visits = self.context.store.visits_of_day(technician.id, today.date(), self.context.zone)
        self._fill_rules()
        self._fill_list()
        self.refresh_precall()
        self.refresh_sync()

    def refresh_sync(self) -> None:
        """When the tablet last reached the office database, and how many finished visits wait to go up."""
        status = sync_status(self.context.store.database)
        if self.context.sync is None and status.last_sync_at is None:
            text = self.tr("Acts are kept on this tablet (no office database set up)")
        elif status.last_sync_at is None:
            text = self.tr("Not synced yet · waiting: {n}").format(n=status.waiting)
        else:
            when = status.last_sync_at.astimezone(self.context.zone).strftime("%d.%m %H:%M")
            text = self.tr("Synced {when} · waiting: {n}").format(when=when, n=status.waiting)
        if status.failing or status.conflicts:
            text += " · " + self.tr("problems: {n}, the office is told").format(n=status.failing + status.conflicts)
        self.sync_line.setText(text)

    def _fill_rules(self) -> None:
        clear_layout(self.rules_layout)
        self.rules.setVisible(not self.rules_seen)
        if self.rules_seen:
            return
        self.rules_layout.addWidget(heading(self.tr("Before the first visit"), 2))
        for rule in self.context.store.standard.day_rules:
            if rule.when in ("start_of_day", "before_leaving"):
                self.rules_layout.addWidget(note("• " + rule.text))
        done = big_button(self.tr("Done, start the day"), "primary")
        done.clicked.connect(self._rules_done)
        self.rules_layout.addWidget(done)

    def _rules_done(self) -> None:
        self.rules_seen = True
        self.rules.hide()

    def _fill_list(self) -> None:
        clear_layout(self.list_layout)
        if not self.visits:
            self.list_layout.addWidget(note(self.tr("No visits planned for today.")))
        for summary in self.visits:
            self.list_layout.addWidget(self._visit_card(summary))
        self.list_layout.addStretch(1)

    def _visit_card(self, summary: VisitSummary) -> VisitCard:
        time_text = summary.planned_start.strftime("%H:%M")
        if not summary.planned_exact:
            time_text = self.tr("from {time}, no exact time").format(time=time_text)
        services = ", ".join(service_name(s) for s in sorted(summary.services))
        card = VisitCard(
            f"{time_text} · {kind_name(summary.kind)}: {services}",
            status_name(summary.status),
            f"{summary.subscriber_name}, {summary.address}",
            summary.status,
        )
        card.clicked.connect(lambda v=summary.id: self.open_visit.emit(v))
        return card

    def due_precall(self) -> VisitSummary | None:
        """The first planned visit whose pre-call moment has come and which was not yet called."""
        now = self.context.now()
        standard = self.context.store.standard
        for summary in self.visits:
            if summary.status is not VisitStatus.PLANNED or summary.precalled:
                continue
            moment = precall_moment(standard.kind(summary.kind), Plan(summary.planned_start, summary.planned_exact))
            if moment is not None and moment <= now < summary.planned_start + timedelta(hours=1):
                return summary
        return None

    def refresh_precall(self) -> None:
        clear_layout(self.precall_layout)
        summary = self.due_precall()
        self.precall.setVisible(summary is not None)
        if summary is None:
            return
        visit = self.context.store.load_visit(summary.id)
        stage = visit.stages[0]
        self.precall_layout.addWidget(
            heading(self.tr("Time to call {name}").format(name=visit.subscriber.full_name), 2)
        )
        self.precall_layout.addWidget(note(f"☎ {visit.subscriber.phone}"))
        for script in visit.scripts(stage)[:1]:
            try:
                text = render_script(script, visit.script_context(self.context.now()), visit.standard)
            except ScriptValueMissing as error:
                text = str(error)
            label = QLabel(f"«{text}»")
            label.setObjectName("script")
            label.setWordWrap(True)
            self.precall_layout.addWidget(label)
        called = big_button(self.tr("Called, the subscriber expects me"), "primary")
        called.clicked.connect(lambda _=False, v=summary.id: self._called(v))
        self.precall_layout.addWidget(called, 0, Qt.AlignmentFlag.AlignLeft)

    def _called(self, visit_id: str) -> None:
        self.context.store.mark(visit_id, "precall_at", self.context.actor, self.context.now())
        self.refresh()


class VisitCard(QFrame):
    """One visit of the day: a large tappable card whose text wraps in portrait."""

    clicked = Signal()

    def __init__(self, title: str, status: str, where: str, state: VisitStatus) -> None:
        super().__init__()
        self.setObjectName("visitCard")
        self.setProperty("status", state.value)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(88)
        top = QHBoxLayout()
        self.title = note(title, "cardTitle")
        set_pixel_size(self.title, 20, bold=True)
        top.addWidget(self.title, 1)
        top.addWidget(note(status, "cardStatus"), 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note(where))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
