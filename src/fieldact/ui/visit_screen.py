"""A visit, stage by stage: the rail of six stages, the words to say, the checklist, what blocks signing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
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
from fieldact.text import InputError
from fieldact.ui.branch_panel import BranchPanel
from fieldact.ui.context import AppContext
from fieldact.ui.errors import STORE_ERRORS, log_error, sentence_for
from fieldact.ui.labels import kind_name, service_name
from fieldact.ui.materials_panel import MaterialsPanel
from fieldact.ui.payment_panel import PaymentPanel
from fieldact.ui.widgets.common import big_button, clear_layout, heading, note
from fieldact.ui.widgets.item_row import ItemRow
from fieldact.ui.widgets.scripts import rendered_script
from fieldact.visit import Answer, ItemState, Visit, VisitStatus
from fieldact.visit.evidence import Evidence
from fieldact.visit.visit import SIGNING_STAGE

MATERIAL_STAGES = {"installation", "diagnostics"}
RETRY_UNSAVED_MS = 5000
PAYMENT_STAGE = "documents"


class VisitScreen(QWidget):
    back_to_day = Signal()
    review = Signal(str)
    finished = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visit: Visit | None = None
        self.rows: dict[str, ItemRow] = {}
        self.unsaved: dict[tuple[str, str], Answer] = {}  # (visit id, item key): shown, not yet stored
        self.retry = QTimer(self)
        self.retry.setInterval(RETRY_UNSAVED_MS)
        self.retry.timeout.connect(self.retry_unsaved)
        self.header = heading("", 2)
        self.rail = QListWidget()
        self.rail.setObjectName("stageRail")
        self.rail.setWordWrap(True)
        self.rail.setMaximumWidth(340)
        self.rail.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rail.currentRowChanged.connect(self._rail_moved)
        self.body = QVBoxLayout()
        self.body.setSpacing(14)
        holder = QWidget()
        holder.setObjectName("stagePanel")
        holder.setLayout(self.body)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(holder)
        self.blockers = note("", "blockers")
        self.blocker_list = QListWidget()
        self.blocker_list.setObjectName("blockerList")
        self.blocker_list.hide()
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.middle, 1)
        layout.addWidget(self.blockers)
        layout.addLayout(bottom)

    @property
    def portrait(self) -> bool:
        return self.width() < self.height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Landscape: the stage rail on the left with titles. Portrait: a row of stage numbers on top."""
        super().resizeEvent(event)
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

    def open(self, visit_id: str) -> None:
        self.visit = self.context.store.load_visit(visit_id)
        visit = self.visit
        services = ", ".join(service_name(s) for s in sorted(visit.services))
        contract = self.tr("contract {number}").format(number=visit.subscriber.contract)
        parts = (f"{kind_name(visit.kind)}: {services}", visit.subscriber.full_name, visit.subscriber.address, contract)
        self.header.setText(" · ".join(parts))
        if visit.status is VisitStatus.PLANNED:
            self.context.store.mark(visit_id, "arrived_at", self.context.actor, self.context.now())
            visit.status = VisitStatus.IN_PROGRESS
        self._fill_rail()
        self.rail.setCurrentRow(visit.stage_index)
        self.show_stage(visit.stage_index)

    def _fill_rail(self) -> None:
        assert self.visit is not None
        self.rail.blockSignals(True)
        current = self.rail.currentRow()
        self.rail.clear()
        for stage in self.visit.stages:
            done, total = self.visit.checklist.progress(stage.key)
            mark = "✓" if done == total else f"{done}/{total}"
            text = f"{stage.number}\n{mark}" if self.portrait else f"{stage.number}. {stage.title}\n{mark}"
            item = QListWidgetItem(text)
            item.setToolTip(stage.title)
            if self.portrait:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setSizeHint(QSize(96, 72))
            else:
                item.setSizeHint(self._rail_item_size(text))
            self.rail.addItem(item)
        self.rail.setCurrentRow(max(current, 0))
        self.rail.blockSignals(False)

    def _rail_item_size(self, text: str) -> QSize:
        """A list item does not grow with its wrapped text by itself: measure it."""
        width = self.rail.width() - 34  # item padding and the frame
        bounds = self.rail.fontMetrics().boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text)
        return QSize(width, bounds.height() + 22)

    def _rail_moved(self, index: int) -> None:
        if self.visit is not None and index >= 0 and index != self.visit.stage_index:
            self._move_to(index, completed=None)

    def _move_to(self, index: int, completed: str | None) -> None:
        assert self.visit is not None
        self.visit.stage_index = index
        self.context.store.set_stage(str(self.visit.id), index, self.context.actor, completed)
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
        if not self.visit.signing_blockers():
            self.review.emit(str(self.visit.id))

    # --- the stage ----------------------------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        assert self.visit is not None
        return self.visit.stage

    def show_stage(self, index: int) -> None:
        assert self.visit is not None
        clear_layout(self.body)
        self.rows.clear()
        stage = self.visit.stages[index]
        self.body.addWidget(heading(f"{stage.number}. {stage.title}"))
        for goal in stage.goals:
            self.body.addWidget(note(goal, "goal"))
        self._add_scripts(stage)
        self._add_reminders(stage)
        self._add_conditions(stage)
        scripts = {script.key: script for script in self.visit.scripts(stage)}
        for entry in self.visit.checklist.in_stage(stage.key):
            boxes = [self._script_box(scripts[key]) for key in entry.item.script if key in scripts]
            row = ItemRow(entry, self.visit.checklist.answer(entry.key), self.visit.checklist.is_required(entry), boxes)
            row.answer_requested.connect(self._answer)
            self.rows[entry.key] = row
            self.body.addWidget(row)
            if (str(self.visit.id), entry.key) in self.unsaved:
                self._mark_unsaved(str(self.visit.id), entry.key, "")
        for branch in self.visit.branches_of(stage):
            panel = BranchPanel(self.context, self.visit, branch)
            panel.recorded.connect(self._branch_recorded)
            self.body.addWidget(panel)
        if stage.key in MATERIAL_STAGES:
            self.body.addWidget(MaterialsPanel(self.context, self.visit))
        if stage.key == PAYMENT_STAGE:
            self.body.addWidget(PaymentPanel(self.context, self.visit))
        self.body.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)
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
            box = QCheckBox(condition.question)
            box.setObjectName(f"condition_{condition.key}")
            box.setChecked(self.visit.checklist.conditions.get(condition.key, False))
            box.toggled.connect(lambda value, key=condition.key: self._condition(key, value))
            self.body.addWidget(box)

    # --- answers ------------------------------------------------------------------------------------------

    def _answer(self, key: str, state: ItemState, evidence: Evidence | None, reason: str) -> None:
        assert self.visit is not None
        checklist = self.visit.checklist
        row = self.rows[key]
        try:
            answer = checklist.apply(key, state, evidence, reason)
        except InputError as error:
            row.show_error(str(error))
            return
        self.unsaved[(str(self.visit.id), key)] = answer
        row.show_answer(answer)
        self.retry_unsaved()
        self._refresh_footer()

    def retry_unsaved(self) -> bool:
        """Store every answer shown but not yet saved; one that fails stays on screen, marked, and is retried."""
        for (visit_id, key), answer in list(self.unsaved.items()):
            try:
                self.context.store.save_answer(visit_id, key, answer, self.context.actor)
            except STORE_ERRORS as error:
                log_error(error, f"saving the answer {key}")
                self._mark_unsaved(visit_id, key, sentence_for(error))
                continue
            del self.unsaved[(visit_id, key)]
            if self._shown(visit_id, key):
                self.rows[key].show_answer(answer)
        if self.unsaved:
            self.retry.start()
        else:
            self.retry.stop()
        return not self.unsaved

    def _shown(self, visit_id: str, key: str) -> bool:
        return self.visit is not None and str(self.visit.id) == visit_id and key in self.rows

    def _mark_unsaved(self, visit_id: str, key: str, sentence: str) -> None:
        if self._shown(visit_id, key):
            marked = self.tr("Not saved yet; the tablet keeps trying.")
            self.rows[key].show_error(f"{marked} {sentence}".strip())

    def _condition(self, key: str, value: bool) -> None:
        assert self.visit is not None
        self.visit.checklist.set_condition(key, value)
        self.context.store.set_condition(str(self.visit.id), key, value, self.context.actor)
        self.show_stage(self.visit.stage_index)

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
        at_documents = self.visit.stage.number >= SIGNING_STAGE
        # hide before show: a moment with both buttons shown would widen the window for good
        hidden, shown = (
            (self.next_button, self.review_button) if at_documents else (self.review_button, self.next_button)
        )
        hidden.hide()
        shown.show()
        self.review_button.setEnabled(not blockers)
        self._fill_rail()

    def _toggle_blockers(self) -> None:
        self.blocker_list.setVisible(not self.blocker_list.isVisible())

    def _go_to_blocker(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        key = str(item.data(Qt.ItemDataRole.UserRole + 1))
        self.blocker_list.hide()
        self._move_to(index, completed=None)
        row = self.rows.get(key)
        if row is not None:
            self.scroll.ensureWidgetVisible(row)
            row.setFocus()
