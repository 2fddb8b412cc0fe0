"""One checklist item: its words, its evidence inputs, and three large choices: Done / Not applicable / Not done.

The look says the state: an unanswered row carries a "to do" marker and three equal outlined choices; an
answered row shows its choice filled in the state's colour, the other two quiet, and its inputs read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fieldact.text import InputError
from fieldact.ui.labels import state_name
from fieldact.ui.widgets.common import big_button, note, restyle, set_pixel_size
from fieldact.ui.widgets.evidence import EvidenceEditor, editor_for
from fieldact.visit import Answer, Entry, ItemState
from fieldact.visit.evidence import Check, Evidence, describe


class ItemRow(QFrame):
    """Asks for an answer; the visit screen validates and saves it, then shows it back or the sentence."""

    answer_requested = Signal(str, object, object, str)  # key, ItemState, Evidence | None, reason

    def __init__(
        self,
        entry: Entry,
        answer: Answer,
        required: bool,
        scripts: list[QWidget] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("itemRow")
        self.pending_state: ItemState | None = None
        self.measured = False  # answered from a record (the pre-call, the arrival), never by the choices
        self.text = note(entry.item.text + ("" if required else self.tr(" (when it applies)")), "itemText")
        set_pixel_size(self.text, 20, bold=True)
        self.todo = note(self.tr("To do"), "todo")
        self.hint = note(entry.item.hint or "", "hint")
        self.hint.setVisible(bool(entry.item.hint) and entry.item.evidence.value != "text")
        self.scripts = scripts or []
        self.editor: EvidenceEditor | None = editor_for(entry.item)
        self.state_label = note("", "itemState")
        self.message = note("", "error")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why? A few words"))
        self.done = choice_button(self.tr("Done"), ItemState.DONE)
        self.not_applicable = choice_button(self.tr("Not applicable"), ItemState.NOT_APPLICABLE)
        self.failed = choice_button(self.tr("Not done"), ItemState.FAILED)
        self.choices = (self.done, self.not_applicable, self.failed)
        self.save_reason = big_button(self.tr("Save the reason"))
        self.undo = big_button(self.tr("Change"), "quiet")
        self._layout()
        self._connect()
        self.show_answer(answer)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in self.choices:
            buttons.addWidget(button, 1)  # three equal choices: none looks chosen before it is
        buttons.addWidget(self.undo)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.save_reason)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.todo, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        for script in self.scripts:
            layout.addWidget(script)
        if self.editor is not None:
            layout.addWidget(self.editor)
        layout.addLayout(reason_row)
        layout.addLayout(buttons)
        layout.addWidget(self.state_label)
        layout.addWidget(self.message)
        self.reason_widgets = (self.reason, self.save_reason)

    def _connect(self) -> None:
        self.done.clicked.connect(self._done)
        self.not_applicable.clicked.connect(lambda: self._ask_reason(ItemState.NOT_APPLICABLE))
        self.failed.clicked.connect(lambda: self._ask_reason(ItemState.FAILED))
        self.save_reason.clicked.connect(self._reason_given)
        self.reason.returnPressed.connect(self._reason_given)
        self.undo.clicked.connect(lambda: self.answer_requested.emit(self.entry.key, ItemState.PENDING, None, ""))

    def _done(self) -> None:
        try:
            evidence: Evidence = self.editor.value() if self.editor else Check()
        except InputError as error:
            self.show_error(str(error))
            return
        self.answer_requested.emit(self.entry.key, ItemState.DONE, evidence, "")

    def _ask_reason(self, state: ItemState) -> None:
        self.pending_state = state
        for widget in self.reason_widgets:
            widget.show()
        self.reason.setFocus()

    def _reason_given(self) -> None:
        if self.pending_state is None:
            return
        evidence = None
        if self.pending_state is ItemState.FAILED and self.editor is not None:
            try:
                evidence = self.editor.value()
            except InputError:
                evidence = None
        self.answer_requested.emit(self.entry.key, self.pending_state, evidence, self.reason.text())

    def set_measured(self, hint: str) -> None:
        """Answered by a record with its time (the pre-call, «I am here»): no choices, only the state."""
        self.measured = True
        self.setEnabled(False)
        for button in self.choices:
            button.hide()
        self.hint.setText(hint)
        self.hint.show()

    def show_error(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()

    def show_answer(self, answer: Answer) -> None:
        """Show a saved answer; inputs keep what was typed."""
        self.message.hide()
        self.pending_state = None
        answered = answer.state is not ItemState.PENDING
        for widget in self.reason_widgets:
            widget.setVisible(False)
        for button in self.choices:
            button.setVisible(not self.measured)
            button.setEnabled(not answered)
            chosen = answered and button.property("choice") == answer.state.value
            restyle(button, "chosen", answer.state.value if chosen else "")
        self.undo.setVisible(answered)
        self.todo.setVisible(not answered)
        if self.editor is not None:
            self.editor.setEnabled(not answered)
            if answer.evidence is not None:
                self.editor.show_value(answer.evidence)
        restyle(self, "state", answer.state.value)
        restyle(self.state_label, "state", answer.state.value)
        detail = describe(answer.evidence) if answer.evidence and answer.state is ItemState.DONE else answer.reason
        self.state_label.setText(f"{state_name(answer.state)}{': ' + detail if detail else ''}" if answered else "")
        self.state_label.setVisible(answered)


def choice_button(text: str, state: ItemState) -> QPushButton:
    """One of the row's three choices; the stylesheet fills the chosen one in its state's colour."""
    button = big_button(text, "choice")
    button.setProperty("choice", state.value)
    button.setProperty("chosen", "")
    return button
