"""A visit, stage by stage: the rail of six stages, the words to say, the checklist, what blocks signing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldact.standard import Script, Stage
from fieldact.standard.schema import PhotoRule, Requirement
from fieldact.store.acts import act_of_visit, versions_after
from fieldact.store.open_visit import OpenVisit
from fieldact.text import InputError
from fieldact.ui.branch_panel import BranchPanel
from fieldact.ui.context import AppContext
from fieldact.ui.equipment_panel import EquipmentPanel
from fieldact.ui.errors import STORE_ERRORS, log_error, sentence_for
from fieldact.ui.labels import STATE_COLORS, kind_name, service_name
from fieldact.ui.materials_panel import MaterialsPanel
from fieldact.ui.payment_panel import PaymentPanel
from fieldact.ui.precall_panel import PrecallPanel
from fieldact.ui.widgets.common import RowCheckBox, big_button, heading, note
from fieldact.ui.widgets.item_row import ItemRow
from fieldact.ui.widgets.photo_strip import PhotoStrip

if TYPE_CHECKING:
    from fieldact.ui.photo_screen import PhotosChanged, PhotoScreen
from fieldact.ui.widgets.scripts import rendered_script
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit import Answer, ItemState, Visit, VisitStatus
from fieldact.visit.evidence import Evidence
from fieldact.visit.measures import arrival_timing, precall_timing

RETRY_UNSAVED_MS = 5000


@dataclass(frozen=True)
class PendingAnswer:
    """An answer given on screen and not yet stored; ``closing_at`` is set for the stage after the act."""

    visit: OpenVisit
    key: str
    state: ItemState
    evidence: Evidence | None
    reason: str
    closing_at: datetime | None

    def shown(self) -> Answer:
        """The answer as the row shows it while it waits; the rule has passed, the database has not taken it."""
        return self.visit.visit.checklist.validated(self.key, self.state, self.evidence, self.reason)

    def store(self) -> Answer:
        if self.closing_at is not None:
            return self.visit.answer_closing(self.key, self.state, self.closing_at, self.evidence, self.reason)
        return self.visit.answer(self.key, self.state, self.evidence, self.reason)


class VisitScreen(QWidget):
    back_to_day = Signal()
    review = Signal(str)
    show_act = Signal(str)  # a finished visit: its stored act
    correct = Signal(str)  # a signed visit: the id of the act to correct
    finished = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current: OpenVisit | None = None
        self.rows: dict[str, ItemRow] = {}
        self.photo_strips: dict[str, PhotoStrip] = {}
        self.photo_screen: PhotoScreen | None = None  # Qt Multimedia loads only when the camera is first opened
        self.condition_boxes: dict[str, QCheckBox] = {}
        self.unsaved: dict[tuple[str, str], PendingAnswer] = {}  # (visit id, item key): on screen, not stored
        self.retry = QTimer(self)
        self.retry.setInterval(RETRY_UNSAVED_MS)
        self.retry.timeout.connect(self.retry_unsaved)
        self.header = heading("", 2)
        self.phone_button = big_button("", "quiet")
        self.phone_button.setObjectName("subscriberPhone")
        self.phone_button.clicked.connect(self._copy_phone)
        self.arrive_button = big_button(self.tr("I am here"), "primary")
        self.arrive_button.clicked.connect(self._arrive)
        self.arrival = note("", "arrival")
        self.outcome = note("", "visitOutcome")
        self.act_button = big_button(self.tr("Open the act"), "quiet")
        self.act_button.clicked.connect(self._show_act)
        self.correct_button = big_button(self.tr("Correct the act"), "quiet")
        self.correct_button.clicked.connect(self._correct)
        self.act_id = ""
        self.message = note("", "error")
        self.message.hide()
        self.rail = QListWidget()
        self.rail.setObjectName("stageRail")
        self.rail.setWordWrap(True)
        self.rail.setMaximumWidth(340)
        self.rail.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rail.currentRowChanged.connect(self._rail_moved)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self._new_stage_panel()
        self.scroll.setWidget(self.stage_panel)
        kinetic(self.scroll)
        self.blockers = note("", "blockers")
        self.blocker_list = QListWidget()
        self.blocker_list.setObjectName("blockerList")
        self.blocker_list.hide()
        # whole sentences, wrapped: never a line cut at the edge with a horizontal scrollbar
        self.blocker_list.setWordWrap(True)
        self.blocker_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.blocker_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.blocker_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.blocker_list.setSpacing(2)
        kinetic(self.blocker_list)
        kinetic(self.rail)
        self.blocker_list.itemClicked.connect(self._go_to_blocker)
        self.show_blockers = big_button(self.tr("What blocks signing?"), "quiet")
        self.show_blockers.clicked.connect(self._toggle_blockers)
        self.day_button = big_button(self.tr("‹ Day"), "quiet")
        self.day_button.clicked.connect(self.back_to_day)
        self.next_button = big_button(self.tr("Next stage ›"), "primary")
        self.next_button.clicked.connect(self._next)
        self.review_button = big_button(self.tr("Review the act"), "primary")
        self.review_button.clicked.connect(self._review)
        self.review_button.hide()
        self._layout()

    def _layout(self) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(self.day_button)
        bottom.addStretch(1)
        bottom.addWidget(self.show_blockers)
        bottom.addWidget(self.review_button)
        bottom.addWidget(self.next_button)
        self.middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.middle.addWidget(self.rail)
        right = QVBoxLayout()
        right.addWidget(self.scroll, 1)
        right.addWidget(self.blocker_list)
        self.middle.addLayout(right, 1)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.phone_button, 0, Qt.AlignmentFlag.AlignTop)
        status = QHBoxLayout()
        status.addWidget(self.arrival, 1)
        status.addWidget(self.outcome, 1)
        status.addWidget(self.act_button)
        status.addWidget(self.correct_button)
        status.addWidget(self.arrive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.message)
        layout.addLayout(self.middle, 1)
        layout.addWidget(self.blockers)
        layout.addLayout(bottom)

    @property
    def portrait(self) -> bool:
        return self.width() < self.height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Landscape: the stage rail on the left with titles. Portrait: a row of stage numbers on top."""
        super().resizeEvent(event)
        if self.photo_screen is not None:
            self.photo_screen.setGeometry(self.rect())
        portrait = self.portrait
        # the rail's width follows the window, never the other way round: a stacked page's minimum is the app's
        if not portrait:
            self.rail.setFixedWidth(max(220, min(340, self.width() // 4)))
        if portrait == (self.middle.direction() == QBoxLayout.Direction.TopToBottom):
            return
        self.middle.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.rail.setFlow(QListView.Flow.LeftToRight if portrait else QListView.Flow.TopToBottom)
        self.rail.setWrapping(False)
        if portrait:
            self.rail.setMinimumWidth(0)
            self.rail.setMaximumWidth(16777215)
            self.rail.setFixedHeight(84)
        else:
            self.rail.setMinimumHeight(0)
            self.rail.setMaximumHeight(16777215)
        if self.visit is not None:
            self._fill_rail()

    # --- opening ------------------------------------------------------------------------------------------

    @property
    def visit(self) -> Visit | None:
        return self.current.visit if self.current is not None else None

    @property
    def editable(self) -> bool:
        return self.current is not None and self.current.editable

    def open(self, visit_id: str) -> None:
        """Opening a visit only shows it: the arrival is «I am here», a finished visit is shown read-only."""
        self.current = OpenVisit.load(self.context.store, visit_id, self.context.actor)
        visit = self.current.visit
        services = ", ".join(service_name(s) for s in sorted(visit.services))
        contract = self.tr("contract {number}").format(number=visit.subscriber.contract)
        parts = (f"{kind_name(visit.kind)}: {services}", visit.subscriber.full_name, visit.subscriber.address, contract)
        self.header.setText(" · ".join(parts))
        self.phone_button.setText(f"☎ {visit.subscriber.phone}")
        self.phone_button.setVisible(bool(visit.subscriber.phone))
        self.message.hide()
        self._show_status()  # before the stage: it knows the stored act
        self._fill_rail()
        self.rail.setCurrentRow(visit.stage_index)
        self.show_stage(visit.stage_index)

    def _show_status(self) -> None:
        """The arrival (or «I am here»), and for a finished visit its outcome and stored act."""
        assert self.current is not None
        visit = self.current.visit
        tolerance = visit.brand.standard_tolerance_minutes
        lines = []
        precall = precall_timing(visit, tolerance)
        if precall is not None:
            lines.append(self._timing_text(self.tr("Pre-call {time}"), precall.at, precall.minutes, precall.on_time))
        arrival = arrival_timing(visit, tolerance)
        if arrival is not None:
            lines.append(self._timing_text(self.tr("Arrived {time}"), arrival.at, arrival.minutes, arrival.on_time))
        self.arrival.setText(" · ".join(lines))
        self.arrive_button.setVisible(self.editable and visit.arrived_at is None)
        act = act_of_visit(self.context.store, self.current.id)
        self.act_id = act.id if act else ""
        self.act_button.setVisible(act is not None)
        self.correct_button.setVisible(act is not None and act.outcome == "signed" and not self._superseded(act.id))
        self.outcome.setVisible(not self.editable)
        if not self.editable:
            self.outcome.setText(self._outcome_text(act.number if act else ""))

    def _timing_text(self, template: str, at: datetime, minutes: int, on_time: bool) -> str:
        text = template.format(time=at.strftime("%H:%M"))
        if on_time:
            return text + " — " + self.tr("on time")
        if minutes > 0:
            return text + " — " + self.tr("late by {n} min").format(n=minutes)
        return text + " — " + self.tr("early by {n} min").format(n=-minutes)

    def _outcome_text(self, number: str) -> str:
        assert self.visit is not None
        status = self.visit.status
        if status is VisitStatus.SIGNED:
            return self.tr("Signed: act {number}. Only shown; a change is a corrected act.").format(number=number)
        if status is VisitStatus.REFUSED:
            return self.tr("The subscriber refused to sign: act {number}. Only shown.").format(number=number)
        if status is VisitStatus.RESCHEDULED:
            taken = ", ".join(self.visit.branch(record.key).title for record in self.visit.branches)
            return self.tr("Rescheduled ({why}). Only shown.").format(why=taken or "—")
        return self.tr("Cancelled. Only shown.")

    def _arrive(self) -> None:
        assert self.current is not None
        if not self._apply(lambda: self.current.arrive(self.context.now())):  # type: ignore[union-attr]
            return
        self._precall_recorded()

    def _copy_phone(self) -> None:
        assert self.visit is not None
        QGuiApplication.clipboard().setText(self.visit.subscriber.phone)
        self.message.setText(self.tr("The phone number is copied."))
        self.message.setObjectName("saved")
        self.message.show()

    def _superseded(self, act_id: str) -> bool:
        return any(version.supersedes_id == act_id for version in versions_after(self.context.store, act_id))

    def _correct(self) -> None:
        if self.act_id:
            self.correct.emit(self.act_id)

    def _show_act(self) -> None:
        if self.current is not None:
            self.show_act.emit(self.current.id)

    def _apply(self, change) -> bool:  # type: ignore[no-untyped-def]
        """Run one change of the open visit; a refusal is shown as its sentence, and nothing else changes."""
        try:
            change()
        except InputError as error:
            self.message.setObjectName("error")
            self.message.setText(str(error))
            self.message.show()
            return False
        return True

    def _fill_rail(self) -> None:
        assert self.visit is not None
        self.rail.blockSignals(True)
        current = self.rail.currentRow()
        self.rail.clear()
        for stage in self.visit.stages:
            done, total = self.visit.checklist.progress(stage.key)
            failed = self._failed_in(stage)
            mark = "✓" if done == total else f"{done}/{total}"
            if failed:
                mark += f" ✗{failed}" if self.portrait else " · " + self.tr("not done: {n}").format(n=failed)
            text = f"{stage.number}\n{mark}" if self.portrait else f"{stage.number}. {stage.title}\n{mark}"
            item = QListWidgetItem(text)
            item.setToolTip(stage.title)
            if failed or done == total:
                item.setForeground(QColor(STATE_COLORS[ItemState.FAILED if failed else ItemState.DONE]))
            if self.portrait:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setSizeHint(QSize(96, 72))
            else:
                item.setSizeHint(self._rail_item_size(text))
            self.rail.addItem(item)
        self.rail.setCurrentRow(max(current, 0))
        self.rail.blockSignals(False)

    def _failed_in(self, stage: Stage) -> int:
        assert self.visit is not None
        checklist = self.visit.checklist
        return sum(
            1
            for entry in checklist.entries
            if entry.stage.key == stage.key and checklist.answer(entry.key).state is ItemState.FAILED
        )

    def _rail_item_size(self, text: str) -> QSize:
        """A list item does not grow with its wrapped text by itself: measure it."""
        width = self.rail.width() - 34  # item padding and the frame
        bounds = self.rail.fontMetrics().boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text)
        return QSize(width, bounds.height() + 22)

    def _rail_moved(self, index: int) -> None:
        if self.visit is not None and index >= 0 and index != self.visit.stage_index:
            self._move_to(index, completed=None)

    def _move_to(self, index: int, completed: str | None) -> None:
        assert self.current is not None
        at = self.context.now()
        if self.editable and not self._apply(lambda: self.current.move_to(index, completed, at)):  # type: ignore[union-attr]
            index = self.current.visit.stage_index
        elif not self.editable:
            self.current.visit.stage_index = index  # only looking: nothing is stored
        self.rail.blockSignals(True)
        self.rail.setCurrentRow(index)
        self.rail.blockSignals(False)
        self.show_stage(index)

    def _next(self) -> None:
        assert self.visit is not None
        if self.visit.stage_index < len(self.visit.stages) - 1:
            self._move_to(self.visit.stage_index + 1, completed=self.visit.stage.key)

    def _review(self) -> None:
        assert self.visit is not None
        if not self.retry_unsaved():
            return  # the act must not be made from answers the database does not hold
        if self.editable and not self.visit.signing_blockers():
            self.review.emit(str(self.visit.id))

    # --- the stage ----------------------------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        assert self.visit is not None
        return self.visit.stage

    def _new_stage_panel(self) -> None:
        self.stage_panel = QWidget()
        self.stage_panel.setObjectName("stagePanel")
        self.body = QVBoxLayout(self.stage_panel)
        self.body.setSpacing(14)

    def show_stage(self, index: int) -> None:
        assert self.visit is not None
        # The stage is built on a panel not yet shown and put in place whole: rows added one by one to the
        # shown panel were each shown, polished and laid out on their own, a tenth of a second per stage.
        old = self.scroll.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()  # a row of it may be the sender of what called us
        self._new_stage_panel()
        self.rows.clear()
        self.photo_strips.clear()
        self.condition_boxes.clear()
        stage = self.visit.stages[index]
        self.body.addWidget(heading(f"{stage.number}. {stage.title}"))
        for goal in stage.goals:
            self.body.addWidget(note(goal, "goal"))
        self._add_scripts(stage)
        self._add_reminders(stage)
        self._add_conditions(stage)
        scripts = {script.key: script for script in self.visit.scripts(stage)}
        checklist = self.visit.checklist
        # every item of the stage is built once; a condition only shows or hides its rows, so nothing typed is lost
        for entry in (entry for entry in checklist.entries if entry.stage.key == stage.key):
            boxes = [self._script_box(scripts[key]) for key in entry.item.script if key in scripts]
            if entry.item.photos is not None:
                boxes.append(self._photo_strip(entry.key, entry.item.photos))
            row = ItemRow(entry, checklist.answer(entry.key), entry.item.requirement is not Requirement.OPTIONAL, boxes)
            row.answer_requested.connect(self._answer)
            row.setVisible(checklist.is_shown(entry))
            # stages after the act (the closing) are answered once the act is stored, here or on the done screen
            row.setEnabled(self.editable if self.visit.before_act(stage) else bool(self.act_id))
            self.rows[entry.key] = row
            self.body.addWidget(row)
            if (str(self.visit.id), entry.key) in self.unsaved:
                self._mark_unsaved(str(self.visit.id), entry.key, "")
        assert self.current is not None
        branch_panels = {}
        for branch in self.visit.branches_of(stage):
            panel = BranchPanel(self.context, self.current, branch)
            panel.recorded.connect(self._branch_recorded)
            panel.setEnabled(self.editable)
            branch_panels[branch.key] = panel
            self.body.addWidget(panel)
        if index == 0:
            self._add_precall(branch_panels)
        panels = {"materials": MaterialsPanel, "payment": PaymentPanel, "equipment": EquipmentPanel}
        for name in stage.panels:
            panel = panels[name](self.context, self.current)
            panel.setEnabled(self.editable)
            self.body.addWidget(panel)
        self.body.addStretch(1)
        self.scroll.setWidget(self.stage_panel)
        self.scroll.verticalScrollBar().setValue(0)
        self._refresh_footer()

    # --- photos of items ------------------------------------------------------------------------------------

    def _photo_strip(self, key: str, rule: PhotoRule) -> PhotoStrip:
        assert self.visit is not None
        strip = PhotoStrip(key, rule, self.visit.checklist.photo_count(key))
        strip.setEnabled(self.editable)
        strip.requested.connect(lambda request: self.open_photos(request.key))
        self.photo_strips[key] = strip
        return strip

    def open_photos(self, key: str) -> PhotoScreen:
        """The camera over the whole visit screen, for the photos of one item."""
        from fieldact.ui.photo_screen import PhotoScreen

        assert self.current is not None
        screen = PhotoScreen(self.context, self.current, key, self)
        screen.changed.connect(self._photos_changed)
        screen.closed.connect(self._photos_closed)
        screen.setGeometry(self.rect())
        screen.show()
        screen.raise_()
        screen.camera.start()
        self.photo_screen = screen
        return screen

    def _photos_changed(self, change: PhotosChanged) -> None:
        if change.key in self.photo_strips:
            self.photo_strips[change.key].show_count(change.count)
        self._refresh_footer()

    def _photos_closed(self, change: PhotosChanged) -> None:
        self.photo_screen = None
        self._photos_changed(change)

    def _add_precall(self, branch_panels: dict[str, BranchPanel]) -> None:
        """Stage 1's call is answered from the pre-call's record (its time), never ticked by hand."""
        assert self.current is not None
        precall = PrecallPanel(self.context, self.current, with_branches=False)  # the branches' cards follow
        precall.recorded.connect(self._precall_recorded)
        self.body.insertWidget(self.body.count() - len(branch_panels), precall)
        hints = {
            self.current.precall_key(): self.tr("Answered by the pre-call's outcome below, with its time."),
            self.current.arrival_key(): self.tr("Answered by «I am here», with its time."),
        }
        for key, hint in hints.items():
            row = self.rows.get(key)
            if row is None:
                continue
            row.set_measured(hint)

    def open_branch(self, key: str) -> None:
        """The pre-call card's «another time» / «not home»: stage 1 with that branch's form open."""
        assert self.visit is not None
        if self.visit.stage_index != 0:
            self._move_to(0, completed=None)
        for panel in self.findChildren(BranchPanel):
            if panel.branch.key == key and panel.isVisible():
                panel.open_button.setChecked(True)
                self.scroll.ensureWidgetVisible(panel)

    def _precall_recorded(self) -> None:
        assert self.current is not None
        for key in (self.current.precall_key(), self.current.arrival_key()):
            row = self.rows.get(key)
            if row is not None:
                row.show_answer(self.current.visit.checklist.answer(key))
        self._show_status()
        self._refresh_footer()

    def _script_box(self, script: Script) -> QWidget:
        assert self.visit is not None
        return rendered_script(self.visit, script, self.context.now())

    def _add_scripts(self, stage: Stage) -> None:
        """Scripts that belong to no item come first; an item's own script is shown in its row."""
        assert self.visit is not None
        owned = {key for entry in self.visit.checklist.entries for key in entry.item.script}
        for script in self.visit.scripts(stage):
            if script.key not in owned:
                self.body.addWidget(self._script_box(script))

    def _add_reminders(self, stage: Stage) -> None:
        lines = stage.important + stage.tools
        if stage.phrases:
            lines.append(self.tr("Phrases: ") + " · ".join(stage.phrases))
        if stage.wishes:
            lines.append(self.tr("Wishes: ") + " · ".join(stage.wishes))
        for line in lines:
            self.body.addWidget(note("• " + line, "reminder"))
        if stage.rules:
            toggle = big_button(self.tr("Rules of this stage ({n})").format(n=len(stage.rules)), "quiet")
            toggle.setCheckable(True)
            rules = note("\n".join("• " + rule for rule in stage.rules), "reminder")
            rules.hide()
            toggle.toggled.connect(rules.setVisible)
            self.body.addWidget(toggle, 0, Qt.AlignmentFlag.AlignLeft)
            self.body.addWidget(rules)

    def _add_conditions(self, stage: Stage) -> None:
        assert self.visit is not None
        wanted = {
            entry.item.condition
            for entry in self.visit.checklist.entries
            if entry.stage.key == stage.key and entry.item.condition
        }
        for condition in self.visit.standard.conditions:
            if condition.key not in wanted:
                continue
            box = RowCheckBox(condition.question)
            box.setObjectName(f"condition_{condition.key}")
            box.setChecked(self.visit.checklist.conditions.get(condition.key, False))
            box.setEnabled(self.editable)
            box.toggled.connect(lambda value, key=condition.key: self._condition(key, value))
            self.condition_boxes[condition.key] = box
            self.body.addWidget(box)

    # --- answers ------------------------------------------------------------------------------------------

    def _answer(self, key: str, state: ItemState, evidence: Evidence | None, reason: str) -> None:
        """Through the open visit: the rule, the database, then memory; a refusal is the row's sentence.

        A database that cannot write (a full disk) is not a refusal: the answer stays on screen, marked unsaved,
        and is tried again until it is stored.
        """
        assert self.current is not None and self.visit is not None
        closing = not self.visit.before_act(self.rows[key].entry.stage)
        pending = PendingAnswer(self.current, key, state, evidence, reason, self.context.now() if closing else None)
        self.unsaved[(str(self.visit.id), key)] = pending
        self.retry_unsaved()
        self._refresh_footer()

    def retry_unsaved(self) -> bool:
        """Store every answer waiting on screen; one the database cannot take stays marked and is retried."""
        for (visit_id, key), pending in list(self.unsaved.items()):
            try:
                answer = pending.store()
            except InputError as error:  # the rule or the database refused it: nothing changed, say why
                del self.unsaved[(visit_id, key)]
                if self._shown(visit_id, key):
                    self.rows[key].show_error(str(error))
                continue
            except STORE_ERRORS as error:
                log_error(error, f"saving the answer {key}")
                if self._shown(visit_id, key):
                    self.rows[key].show_answer(pending.shown())
                self._mark_unsaved(visit_id, key, sentence_for(error))
                continue
            del self.unsaved[(visit_id, key)]
            if self._shown(visit_id, key):
                self.rows[key].show_answer(answer)
        if self.unsaved:
            self.retry.start()
        else:
            self.retry.stop()
        if self.visit is not None:
            self._refresh_footer()
        return not self.unsaved

    def _shown(self, visit_id: str, key: str) -> bool:
        return self.visit is not None and str(self.visit.id) == visit_id and key in self.rows

    def _mark_unsaved(self, visit_id: str, key: str, sentence: str) -> None:
        if self._shown(visit_id, key):
            marked = self.tr("Not saved yet; the tablet keeps trying.")
            self.rows[key].show_error(f"{marked} {sentence}".strip())

    def _condition(self, key: str, value: bool) -> None:
        assert self.current is not None
        box = self.condition_boxes.get(key)
        if not self._apply(lambda: self.current.condition(key, value)):  # type: ignore[union-attr]
            if box is not None:
                box.blockSignals(True)
                box.setChecked(not value)
                box.blockSignals(False)
            return
        checklist = self.current.visit.checklist
        for row in self.rows.values():
            row.setVisible(checklist.is_shown(row.entry))
        self._refresh_footer()

    def _branch_recorded(self, ends_visit: bool) -> None:
        assert self.visit is not None
        if ends_visit:
            self.finished.emit()
            return
        self.show_stage(self.visit.stage_index)

    # --- footer -------------------------------------------------------------------------------------------

    def _refresh_footer(self) -> None:
        assert self.visit is not None
        blockers = self.visit.signing_blockers()
        self.blockers.setText(
            self.tr("Ready to sign.") if not blockers else self.tr("{n} open before signing").format(n=len(blockers))
        )
        self.blocker_list.clear()
        for blocker in blockers:
            item = QListWidgetItem(blocker.sentence)
            item.setData(Qt.ItemDataRole.UserRole, blocker.stage.number - 1)
            item.setData(Qt.ItemDataRole.UserRole + 1, blocker.entry.key if blocker.entry else "")
            self.blocker_list.addItem(item)
        self.show_blockers.setVisible(bool(blockers))
        if not blockers:
            self.blocker_list.hide()
        at_documents = not self.visit.before_act(self.visit.stage) or self.visit.stage.signing
        # hide before show: a moment with both buttons shown would widen the window for good
        hidden, shown = (
            (self.next_button, self.review_button) if at_documents else (self.review_button, self.next_button)
        )
        hidden.hide()
        shown.setVisible(self.editable or shown is self.next_button)
        self.review_button.setEnabled(not blockers and self.editable)
        if not self.editable:
            self.blockers.setText("")
            self.show_blockers.hide()
        self._fill_rail()

    def _toggle_blockers(self) -> None:
        showing = not self.blocker_list.isVisible()
        # about half the page: enough sentences to see what is left, the stage still in view above
        self.blocker_list.setFixedHeight(max(200, self.height() // (2 if self.portrait else 3)))
        self.blocker_list.setVisible(showing)

    def _go_to_blocker(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        key = str(item.data(Qt.ItemDataRole.UserRole + 1))
        self.blocker_list.hide()
        self._move_to(index, completed=None)
        row = self.rows.get(key)
        if row is not None:
            self.scroll.ensureWidgetVisible(row)
            row.setFocus()
