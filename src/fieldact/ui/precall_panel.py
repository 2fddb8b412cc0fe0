"""The pre-call's outcome, for both visit kinds: reached and expects us; not reached (try again, attempts
counted); asks another time or will not be home (the standard's branches of stage 1, with whom to call)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from fieldact.store.open_visit import PRECALL_BRANCHES, OpenVisit
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import big_button, note
from fieldact.visit.measures import precall_timing


class PrecallPanel(QFrame):
    recorded = Signal()  # the subscriber was reached (or the attempt counted)
    branch_wanted = Signal(str)  # another time / not home: the branch's form in stage 1

    def __init__(
        self, context: AppContext, current: OpenVisit, with_branches: bool = True, parent: QWidget | None = None
    ) -> None:
        """``with_branches``: also offer the stage-1 branches (the day screen; the stage shows their own cards)."""
        super().__init__(parent)
        self.setObjectName("precallPanel")
        self.context, self.current = context, current
        self.reached = big_button(self.tr("Reached, the subscriber expects me"), "primary")
        self.missed = big_button(self.tr("Not reached"), "quiet")
        self.branch_buttons = {
            branch.key: big_button(branch.title, "quiet")
            for branch in current.visit.branches_of(current.visit.stages[0])
            if branch.key in PRECALL_BRANCHES and with_branches
        }
        self.state = note("", "precallState")
        self.message = note("", "error")
        buttons = QHBoxLayout()
        buttons.addWidget(self.reached)
        buttons.addWidget(self.missed)
        buttons.addStretch(1)
        branches = QHBoxLayout()  # a second row: one row of four would not fit a portrait screen
        for key, button in self.branch_buttons.items():
            branches.addWidget(button)
            button.clicked.connect(lambda _=False, k=key: self.branch_wanted.emit(k))
        branches.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(branches)
        layout.addWidget(self.state)
        layout.addWidget(self.message)
        self.reached.clicked.connect(self._reached)
        self.missed.clicked.connect(self._missed)
        self.show_state()

    def _reached(self) -> None:
        try:
            self.current.precall_reached(self.context.now())
        except InputError as error:
            self.message.setText(str(error))
            return
        self.show_state()
        self.recorded.emit()

    def _missed(self) -> None:
        try:
            self.current.precall_missed(self.context.now())
        except InputError as error:
            self.message.setText(str(error))
            return
        self.show_state()
        self.recorded.emit()

    def show_state(self) -> None:
        visit = self.current.visit
        done = visit.precall_at is not None
        for button in (self.reached, self.missed, *self.branch_buttons.values()):
            button.setVisible(not done and self.current.editable)
        lines = []
        if visit.precall_attempts:
            lines.append(self.tr("Not reached: {n} time(s). Call again.").format(n=visit.precall_attempts))
        timing = precall_timing(visit, visit.brand.standard_tolerance_minutes)
        if timing is not None:
            when = timing.at.strftime("%H:%M")
            verdict = (
                self.tr("in the standard's time")
                if timing.on_time
                else self.tr("{n} min off the standard's time").format(n=abs(timing.minutes))
            )
            lines = [self.tr("Called at {time}, {verdict}").format(time=when, verdict=verdict)]
        elif done:
            lines = [self.tr("Called at {time}").format(time=visit.precall_at.strftime("%H:%M"))]  # type: ignore[union-attr]
        self.state.setText(" · ".join(lines))
        self.state.setVisible(bool(lines))
