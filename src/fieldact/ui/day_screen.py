"""The day: the start-of-day rules, today's visits, and the pre-call reminder when its moment comes."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fieldact.store.open_visit import OpenVisit
from fieldact.store.repository import VisitSummary
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.labels import kind_name, service_name, status_name
from fieldact.ui.precall_panel import PrecallPanel
from fieldact.ui.widgets.common import big_button, card, clear_layout, heading, note, set_pixel_size
from fieldact.ui.widgets.stepper import Stepper
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit import Plan, VisitStatus, precall_moment
from fieldact.visit.scripts import ScriptValueMissing, render_script

OPEN = (VisitStatus.PLANNED, VisitStatus.IN_PROGRESS, VisitStatus.AWAITING_SIGNATURE)


class DayScreen(QWidget):
    open_visit = Signal(str)
    open_branch = Signal(str, str)  # visit id, branch key: another time / not home at the pre-call
    sign_out = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visits: list[VisitSummary] = []
        self.title = heading("")
        self.sync_line = note("", "syncLine")
        self.clock_warning = note("", "error")
        self.clock_warning.hide()
        self.sign_out_button = big_button(self.tr("Sign out"), "quiet")
        self.sign_out_button.clicked.connect(self.sign_out)
        self.rules = card()
        self.rules_layout = QVBoxLayout(self.rules)
        self.always = note("", "alwaysRules")
        self.always.hide()
        self.always_toggle = big_button("", "quiet")
        self.always_toggle.setCheckable(True)
        self.always_toggle.toggled.connect(self.always.setVisible)
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
        self.scroll = kinetic(scroll)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.sync_line)
        top.addWidget(self.sign_out_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.clock_warning)
        layout.addWidget(self.precall)
        layout.addWidget(self.rules)
        layout.addWidget(self.always_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.always)
        layout.addWidget(scroll, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self.refresh_precall)
        self.timer.timeout.connect(self.refresh_sync)
        self.precall_panel: PrecallPanel | None = None

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
        from fieldact.store.sync import sync_status  # the sync's code loads after the first screen

        status = sync_status(self.context.store.database)
        if self.context.sync is None and status.last_sync_at is None:
            text = self.tr("Acts are saved on this tablet; sending them to the office is not set up: tell the office")
        elif status.last_sync_at is None:
            text = self.tr("Nothing sent to the office yet · acts to send: {n}").format(n=status.waiting)
        else:
            when = status.last_sync_at.astimezone(self.context.zone).strftime("%d.%m %H:%M")
            text = self.tr("Sent to the office {when} · acts to send: {n}").format(when=when, n=status.waiting)
        if status.failing or status.conflicts:
            text += " · " + self.tr("not accepted: {n}, the office sees them").format(
                n=status.failing + status.conflicts
            )
        self.sync_line.setText(text)
        self._show_clock_check()

    def _show_clock_check(self) -> None:
        """Acts carry the times he signs at: a tablet clock off the server's by more than a few minutes is told."""
        report = self.context.sync.last_report if self.context.sync is not None else None
        skew = report.pull.clock_skew if report is not None and report.clock_off else None
        if skew is None:
            self.clock_warning.hide()
            return
        from fieldact.store.sync import describe_duration

        off = describe_duration(abs(skew))
        if skew.total_seconds() > 0:
            text = self.tr("The tablet's clock is {off} fast compared with the server.")
        else:
            text = self.tr("The tablet's clock is {off} slow compared with the server.")
        advice = self.tr("Set the right date and time in the tablet's settings: acts carry the times from this clock.")
        self.clock_warning.setText(text.format(off=off) + " " + advice)
        self.clock_warning.show()

    @property
    def rules_seen(self) -> bool:
        """Confirmed by this technician today (kept, so another technician on the tablet still sees them)."""
        technician = self.context.technician
        return technician is not None and self.context.store.day_rules_confirmed(
            technician.id, self.context.now().date()
        )

    def _fill_rules(self) -> None:
        standard = self.context.store.standard
        always = [rule.text for rule in standard.day_rules if rule.when == "always"]
        self.always.setText("\n".join("• " + text for text in always))
        self.always_toggle.setText(self.tr("Rules for the whole day ({n})").format(n=len(always)))
        self.always_toggle.setVisible(bool(always))
        clear_layout(self.rules_layout)
        seen = self.rules_seen
        self.rules.setVisible(not seen)
        if seen:
            return
        self.rules_layout.addWidget(heading(self.tr("Before the first visit"), 2))
        for rule in self.context.store.standard.day_rules:
            if rule.when in ("start_of_day", "before_leaving"):
                self.rules_layout.addWidget(note("• " + rule.text))
        done = big_button(self.tr("Done, start the day"), "primary")
        done.clicked.connect(self._rules_done)
        self.rules_layout.addWidget(done)

    def _rules_done(self) -> None:
        technician = self.context.technician
        if technician is not None:
            self.context.store.confirm_day_rules(technician.id, self.context.now().date())
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
            QTime(summary.planned_start.hour, summary.planned_start.minute),
        )
        card.clicked.connect(lambda v=summary.id: self.open_visit.emit(v))
        if self._asks_arrival(summary):
            card.ask_arrival(self.tr("When do you expect to arrive? The pre-call comes an hour before."))
            card.arrival_set.connect(lambda at, v=summary.id: self._expect_arrival(v, at))
        elif summary.expected_arrival is not None and not summary.planned_exact:
            card.title.setText(
                card.title.text()
                + " · "
                + self.tr("expected {time}").format(time=summary.expected_arrival.strftime("%H:%M"))
            )
        return card

    def _asks_arrival(self, summary: VisitSummary) -> bool:
        kind = self.context.store.standard.kind(summary.kind)
        return (
            not summary.planned_exact
            and summary.expected_arrival is None
            and summary.status is VisitStatus.PLANNED
            and kind.precall_minutes_before_without_time is not None
        )

    def _expect_arrival(self, visit_id: str, at: QTime) -> None:
        day = self.context.now()
        moment = datetime.combine(day.date(), at.toPython(), self.context.zone)
        try:
            OpenVisit.load(self.context.store, visit_id, self.context.actor).expect_arrival(moment)
        except InputError:
            return
        self.refresh()

    def due_precall(self) -> VisitSummary | None:
        """The first planned visit whose pre-call moment has come and which was not yet called."""
        now = self.context.now()
        standard = self.context.store.standard
        for summary in self.visits:
            if summary.status is not VisitStatus.PLANNED or summary.precalled:
                continue
            plan = Plan(summary.planned_start, summary.planned_exact)
            moment = precall_moment(standard.kind(summary.kind), plan, summary.expected_arrival)
            arrival = summary.expected_arrival or summary.planned_start
            if moment is not None and moment <= now < arrival + timedelta(hours=1):
                return summary
        return None

    def refresh_precall(self) -> None:
        clear_layout(self.precall_layout)
        summary = self.due_precall()
        self.precall.setVisible(summary is not None)
        if summary is None:
            return
        current = OpenVisit.load(self.context.store, summary.id, self.context.actor)
        visit = current.visit
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
        self.precall_panel = PrecallPanel(self.context, current)
        self.precall_panel.recorded.connect(self.refresh)
        # another time / not home: the branch's form is in the visit's first stage
        self.precall_panel.branch_wanted.connect(lambda key, v=summary.id: self.open_branch.emit(v, key))
        self.precall_layout.addWidget(self.precall_panel)


class VisitCard(QFrame):
    """One visit of the day: a large tappable card whose text wraps in portrait."""

    clicked = Signal()
    arrival_set = Signal(QTime)

    def __init__(self, title: str, status: str, where: str, state: VisitStatus, planned: QTime | None = None) -> None:
        super().__init__()
        self.planned = planned or QTime(12, 0)
        self.setObjectName("visitCard")
        self.setProperty("status", state.value)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(88)
        top = QHBoxLayout()
        self.title = note(title, "cardTitle")
        set_pixel_size(self.title, 20, bold=True)
        top.addWidget(self.title, 1)
        self.status = note(status, "cardStatus")
        self.status.setProperty("status", state.value)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.body = QVBoxLayout(self)
        self.body.addLayout(top)
        self.body.addWidget(note(where))

    def ask_arrival(self, question: str) -> None:
        """A visit without an exact time: the technician says when he expects to come."""
        self.arrival = QTimeEdit(self.planned)  # from the window's start, a quarter of an hour per tap
        self.arrival.setDisplayFormat("HH:mm")
        self.set_arrival = big_button(QApplication.translate("DayScreen", "Set"), "primary")
        self.set_arrival.clicked.connect(lambda: self.arrival_set.emit(self.arrival.time()))
        row = QHBoxLayout()
        row.addWidget(note(question), 1)
        row.addWidget(Stepper(self.arrival))
        row.addWidget(self.set_arrival)
        self.body.addLayout(row)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
