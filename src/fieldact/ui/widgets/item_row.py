"""One checklist item: its words, its evidence inputs, and large Done / Not applicable / Not done buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from fieldact.text import InputError
from fieldact.ui.labels import state_name
from fieldact.ui.widgets.common import big_button, note, set_pixel_size
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
        self.text = note(entry.item.text + ("" if required else self.tr(" (when it applies)")), "itemText")
        set_pixel_size(self.text, 20, bold=True)
        self.hint = note(entry.item.hint or "", "hint")
        self.hint.setVisible(bool(entry.item.hint) and entry.item.evidence.value != "text")
        self.scripts = scripts or []
        self.editor: EvidenceEditor | None = editor_for(entry.item)
        self.state_label = note("", "itemState")
        self.message = note("", "error")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why? A few words"))
        self.done = big_button(self.tr("Done"), "primary")
        self.not_applicable = big_button(self.tr("Not applicable"), "quiet")
        self.failed = big_button(self.tr("Not done"), "quiet")
        self.save_reason = big_button(self.tr("Save the reason"))
        self.undo = big_button(self.tr("Change"), "quiet")
        self._layout()
        self._connect()
        self.show_answer(answer)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.done, self.not_applicable, self.failed, self.undo):
            buttons.addWidget(button)
        buttons.addStretch(1)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.save_reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
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
        for button in (self.done, self.not_applicable, self.failed):
            button.setVisible(not answered)
        self.undo.setVisible(answered)
        if self.editor is not None:
            self.editor.setEnabled(not answered)
            if answer.evidence is not None:
                self.editor.show_value(answer.evidence)
        self.setProperty("state", answer.state.value)
        self.style().unpolish(self)
        self.style().polish(self)
        detail = describe(answer.evidence) if answer.evidence and answer.state is ItemState.DONE else answer.reason
        self.state_label.setText(f"{state_name(answer.state)}{': ' + detail if detail else ''}" if answered else "")
        self.state_label.setVisible(answered)
