"""Start: the technician picks himself and enters his PIN."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldact.store.repository import PinCheck
from fieldact.store.tables import Technician
from fieldact.ui.context import AppContext
from fieldact.ui.errors import log_error, sentence_for
from fieldact.ui.widgets.common import big_button, clear_layout, heading, note
from fieldact.ui.widgets.pin_pad import PinPad
from fieldact.ui.worker import run_in_background

EMPTY_RECHECK_MS = 5000
EMPTY_NOTE_WIDTH = 760
PIN_COLUMN_WIDTH = 420


class LoginScreen(QWidget):
    signed_in = Signal(str)
    browse_standard = Signal()
    enrol_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.chosen: Technician | None = None
        self.title = heading(self.tr("Who is working today?"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.people = QGridLayout()
        self.people.setSpacing(12)
        self.prompt = heading("", 2)
        self.message = note("", "error")
        self.pin_pad = PinPad()
        self.pin_pad.submitted.connect(self._check)
        self.standard_button = big_button(self.tr("The service standard"), "quiet")
        self.standard_button.clicked.connect(self.browse_standard)
        self.enrol_button = big_button(self.tr("Connect to the server"), "quiet")
        self.enrol_button.clicked.connect(self.enrol_requested)
        self.back = big_button(self.tr("Another technician"), "quiet")
        self.back.clicked.connect(self.show_people)
        pin_column = QVBoxLayout()
        pin_column.addWidget(self.prompt)
        pin_column.addWidget(self.pin_pad)
        pin_column.addWidget(self.message)
        pin_column.addWidget(self.back)
        self.pin_box = QWidget()
        self.pin_box.setLayout(pin_column)
        self.pin_box.setMaximumWidth(PIN_COLUMN_WIDTH)
        self.people_box = QWidget()
        self.people_box.setLayout(self.people)
        self.empty_note = note("", "empty")
        self.empty_note.setFixedWidth(EMPTY_NOTE_WIDTH)
        self.recheck = QTimer(self)
        self.recheck.setInterval(EMPTY_RECHECK_MS)
        self.recheck.timeout.connect(self._recheck_people)
        center = QHBoxLayout()
        center.addStretch(1)
        center.addWidget(self.people_box, 3)
        center.addWidget(self.pin_box, 2)
        center.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)  # full width: a centred wrapped label is measured too narrow and cut
        layout.addStretch(1)
        layout.addLayout(center)
        layout.addWidget(self.empty_note, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        tools = QHBoxLayout()
        tools.addWidget(self.enrol_button)
        tools.addStretch(1)
        tools.addWidget(self.standard_button)
        layout.addLayout(tools)
        self.show_people()

    def _say(self, text: str) -> None:
        say_in_column(self.message, text)

    def person_buttons(self) -> list[QPushButton]:
        return [self.people.itemAt(i).widget() for i in range(self.people.count())]

    def show_people(self) -> None:
        clear_layout(self.people)
        technicians = self.context.store.technicians()
        self._show_empty(not technicians)
        for index, technician in enumerate(technicians):
            button = big_button(f"{technician.surname} {technician.first_name}")
            button.setObjectName("personButton")  # 72 px high: the stylesheet's rule, it wins over code
            button.setMinimumHeight(72)
            button.clicked.connect(lambda _=False, t=technician: self.choose(t))
            self.people.addWidget(button, index // 2, index % 2)
        self.chosen = None
        self.enrol_button.setVisible(self.context.sync is None)  # once enrolled, re-enrolling is the office's
        self.people_box.show()
        self.pin_box.hide()
        self.pin_pad.set_locked(False)
        self.message.clear()

    def _show_empty(self, empty: bool) -> None:
        """A tablet nobody is enrolled on yet says how technicians get onto it."""
        self.empty_note.setVisible(empty)
        self.title.setVisible(not empty)
        if not empty:
            self.recheck.stop()
            return
        if self.context.sync is not None:
            text = self.tr(
                "No technician on this tablet yet. The tablet is connected to the server: the technician it was "
                "enrolled for appears here after the first sync, with his orders. Keep it on the network."
            )
            self.recheck.start()  # the background sync may bring him any moment
        else:
            text = self.tr(
                "No technician on this tablet yet. Connect it to the server with the code the office gives "
                "(«Connect to the server» below); the technician and his orders come with the first sync."
            )
        self.empty_note.setText(text)
        self.empty_note.setMinimumHeight(self.empty_note.heightForWidth(EMPTY_NOTE_WIDTH))

    def _recheck_people(self) -> None:
        if self.context.store.technicians():
            self.show_people()

    def choose(self, technician: Technician) -> None:
        self.chosen = technician
        self.prompt.setText(self.tr("{name}, enter your PIN").format(name=technician.first_name))
        self.message.clear()
        self.title.hide()  # the question is answered: the PIN pad has the screen
        self.people_box.hide()
        self.pin_box.show()
        self.pin_pad.field.setFocus()

    def _check(self, pin: str) -> None:
        assert self.chosen is not None
        check_in_background(self, self.pin_pad, self.chosen.id, pin, self._checked)

    def _checked(self, checked: PinChecked) -> None:
        if checked.error is not None:
            self._say(checked.error)
            return
        result = checked.result
        if self.chosen is None or self.chosen.id != checked.technician_id:
            return  # another technician was chosen while the PIN was checked
        if result.ok:
            self.context.technician = self.chosen
            self.message.clear()
            self.signed_in.emit(self.chosen.id)
            return
        if result.office_must_unlock:
            self.pin_pad.set_locked(True)
            self._say(self.tr("Too many wrong PINs. Only the office can unlock you now: call them."))
        elif result.locked_until is not None:
            self.pin_pad.lock_for((result.locked_until - self.context.now()).total_seconds())
            until = result.locked_until.astimezone(self.context.zone).strftime("%H:%M")
            self._say(self.tr("Too many wrong PINs. Try again after {time} or ask the office.").format(time=until))
        else:
            self._say(self.tr("Wrong PIN. Tries left: {count}.").format(count=result.tries_left))


class UnlockPrompt(QWidget):
    """The signed-in technician's PIN, to unlock the kiosk or leave the subscriber's screen."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, context: AppContext, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pin_pad = PinPad()
        self.pin_pad.submitted.connect(self._check)
        self.message = note("", "error")
        self.cancel = big_button(self.tr("Back"), "quiet")
        self.cancel.clicked.connect(self.cancelled)
        column = QVBoxLayout()
        column.addWidget(heading(reason, 2))
        column.addWidget(self.pin_pad)
        column.addWidget(self.message)
        column.addWidget(self.cancel)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(PIN_COLUMN_WIDTH)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box)
        layout.addStretch(1)

    def _say(self, text: str) -> None:
        say_in_column(self.message, text)

    def _check(self, pin: str) -> None:
        technician = self.context.technician
        if technician is None:
            return
        check_in_background(self, self.pin_pad, technician.id, pin, self._checked)

    def _checked(self, checked: PinChecked) -> None:
        if checked.error is not None:
            self._say(checked.error)
            return
        result = checked.result
        if result.ok:
            self.message.clear()
            self.unlocked.emit()
        elif result.office_must_unlock:
            self.pin_pad.set_locked(True)
            self._say(self.tr("Too many wrong PINs. Only the office can unlock you now: call them."))
        elif result.locked_until is not None:
            self.pin_pad.lock_for((result.locked_until - self.context.now()).total_seconds())
            self._say(self.tr("Too many wrong PINs. Wait a few minutes."))
        else:
            self._say(self.tr("Wrong PIN. Tries left: {count}.").format(count=result.tries_left))


@dataclass(frozen=True)
class PinChecked:
    """The outcome of one PIN check: the store's answer, or the sentence for why there is none."""

    technician_id: str
    result: PinCheck
    error: str | None = None


def check_in_background(
    screen: LoginScreen | UnlockPrompt,
    pad: PinPad,
    technician_id: str,
    pin: str,
    on_checked: Callable[[PinChecked], None],
) -> None:
    """Check ``pin`` on the thread pool: scrypt is slow by design (a stolen tablet's hashes resist guessing),
    so it must not freeze the screen; the pad waits meanwhile and ``on_checked`` gets the outcome."""
    store, now = screen.context.store, screen.context.now()
    pad.set_checking(True)

    def done(result: PinCheck) -> None:
        pad.set_checking(False)
        on_checked(PinChecked(technician_id, result))

    def failed(error: Exception) -> None:
        pad.set_checking(False)
        log_error(error, "PIN check")
        on_checked(PinChecked(technician_id, PinCheck(ok=False), sentence_for(error)))

    run_in_background(lambda: store.check_pin(technician_id, pin, now), done, failed, owner=screen)


def say_in_column(label: QLabel, text: str) -> None:
    """A sentence under the PIN pad: a column in a row does not pass a wrapped label's height up, so the
    label asks for it itself."""
    label.setText(text)
    label.setMinimumHeight(label.heightForWidth(PIN_COLUMN_WIDTH - 24) if text else 0)
