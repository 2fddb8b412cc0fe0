"""A fork of the service visit: not at home, another time wanted, cannot be fixed on site."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget

from fieldact.standard.schema import Branch, Brand
from fieldact.store.open_visit import OpenVisit
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import OptionRow, big_button, heading, note
from fieldact.ui.widgets.time_picker import TimePicker
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit import VisitStatus, reschedule_contact
from fieldact.visit.scripts import ScriptValueMissing, render_script

EXPAND, COLLAPSE = "▸  ", "▾  "  # the branch button opens a form: it says so


class BranchPanel(QFrame):
    recorded = Signal(bool)  # True when the visit ends here

    def __init__(self, context: AppContext, current: OpenVisit, branch: Branch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branchCard")
        self.context, self.current, self.visit, self.branch = context, current, current.visit, branch
        self.open_button = big_button(EXPAND + branch.title, "quiet")
        self.open_button.setObjectName("branchToggle")
        self.open_button.setCheckable(True)
        self.details_box = QWidget()
        self.outcomes = QButtonGroup(self)
        self.details = kinetic(QPlainTextEdit())
        self.details.setFixedHeight(96)
        self.details.setPlaceholderText(self.tr("Describe the situation in detail"))
        now = context.now()
        start = (now + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0, tzinfo=None)
        self.requested = TimePicker(now.date(), start)
        self.message = note("", "error")
        self.record = big_button(self.tr("Record"), "primary")
        # a record that ends the visit is asked twice: it cannot be taken back
        self.confirm_box = QWidget()
        self.confirm_note = note(
            self.tr("This ends the visit: it is marked as rescheduled and cannot be continued. Record it?"),
            "confirmNote",
        )
        self.confirm = big_button(self.tr("Yes, record and end the visit"), "danger")
        self.cancel_confirm = big_button(self.tr("No, go back"), "quiet")
        self._build()
        taken = next((r for r in self.visit.branches if r.key == branch.key), None)
        if taken is not None:
            self.open_button.setText("✓ " + self.tr("{title}: recorded").format(title=branch.title))
            self.open_button.setEnabled(False)

    def _build(self) -> None:
        layout = QVBoxLayout(self.details_box)
        layout.addWidget(note(self.branch.when, "hint"))
        for step in self.branch.steps:
            layout.addWidget(note("• " + step))
        context = self.visit.script_context(self.context.now())
        for script in self.branch.scripts:
            try:
                text = render_script(script, context, self.visit.standard)
            except ScriptValueMissing as error:
                text = str(error)
            layout.addWidget(note(script.title, "scriptTitle"))
            layout.addWidget(note(f"«{text}»", "script"))
        if self.branch.call is not None:
            layout.addWidget(heading(self._whom_to_call(), 2))
        for index, outcome in enumerate(self.branch.outcomes):
            button = QRadioButton()
            button.setProperty("outcome", outcome.key)
            self.outcomes.addButton(button, index)
            layout.addWidget(OptionRow(button, outcome.text))
        if self.branch.needs_time:
            layout.addWidget(note(self.tr("The time the subscriber asks for:"), "fieldLabel"))
            layout.addWidget(self.requested)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addWidget(self.record, 0, Qt.AlignmentFlag.AlignLeft)
        confirm_layout = QVBoxLayout(self.confirm_box)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_layout.addWidget(self.confirm_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm)
        buttons.addWidget(self.cancel_confirm)
        buttons.addStretch(1)
        confirm_layout.addLayout(buttons)
        self.confirm_box.hide()
        layout.addWidget(self.confirm_box)
        self.details_box.hide()
        outer = QVBoxLayout(self)
        outer.addWidget(self.open_button)
        outer.addWidget(self.details_box)
        self.open_button.toggled.connect(self._toggled)
        self.record.clicked.connect(self._record)
        self.confirm.clicked.connect(self._store)
        self.cancel_confirm.clicked.connect(lambda: self._confirming(False))

    def _toggled(self, opened: bool) -> None:
        self.details_box.setVisible(opened)
        self.open_button.setText((COLLAPSE if opened else EXPAND) + self.branch.title)

    @property
    def ends_visit(self) -> bool:
        """Taken at the pre-call, a branch closes the visit as rescheduled."""
        return self.branch.stage == self.visit.stages[0].key

    def _confirming(self, asking: bool) -> None:
        self.confirm_box.setVisible(asking)
        self.record.setVisible(not asking)

    def _whom_to_call(self) -> str:
        return whom_to_call(self.visit.brand, self.branch, self.context.now())

    def _outcome(self) -> str:
        checked = self.outcomes.checkedButton()
        return str(checked.property("outcome")) if checked else ""

    def _requested_time(self) -> datetime | None:
        if not self.branch.needs_time:
            return None
        return self.requested.moment().replace(tzinfo=self.context.zone)

    def _record(self) -> None:
        if not self.ends_visit:
            self._store()
            return
        try:  # what is missing is said before the question, not after it
            self.visit.branch_record(
                self.branch.key, self.context.now(), self._outcome(), self.details.toPlainText(), self._requested_time()
            )
        except InputError as error:
            self.message.setText(str(error))
            return
        self.message.clear()
        self._confirming(True)

    def _store(self) -> None:
        self._confirming(False)
        at, details, requested = self.context.now(), self.details.toPlainText(), self._requested_time()
        try:
            if self.ends_visit:  # at the pre-call: the call itself is kept too
                self.current.precall_branch(self.branch.key, at, details, requested)
            else:
                self.current.take_branch(self.branch.key, at, self._outcome(), details, requested)
        except InputError as error:
            self.message.setText(str(error))
            return
        self.recorded.emit(self.visit.status is VisitStatus.RESCHEDULED)


def whom_to_call(brand: Brand, branch: Branch, at: datetime) -> str:
    """«Call now: <role>, <phone>» for a branch that calls someone."""
    contact = (
        reschedule_contact(at, brand) if branch.call == "reschedule_contact" else getattr(brand, branch.call or "")
    )
    phone = f", {contact.phone}" if contact.phone else ""
    return QCoreApplication.translate("BranchPanel", "Call now: {role}{phone}").format(role=contact.role, phone=phone)
