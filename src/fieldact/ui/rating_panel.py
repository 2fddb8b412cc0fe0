"""Beside the QR after signing: the subscriber's one optional question, how did the technician do (1-5), with an
optional comment. One tap stores it (with the visit, never on the act); «Skip» leaves it; neither can be undone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from fieldact.store.rating import COMMENT_MAX, Rating, save_rating
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import big_button, note

SUBSCRIBER = "абонент"  # the audit's actor: the subscriber answers, not the technician


@dataclass(frozen=True, slots=True)
class RatingGiven:
    visit_id: str
    score: int | None  # None: skipped


class RatingPanel(QWidget):
    answered = Signal(RatingGiven)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visit_id = ""
        self.question = note(self.tr("How did the technician do? Tap a mark from 1 to 5 (optional)."), "ratingQuestion")
        self.comment = QLineEdit()
        self.comment.setMaxLength(COMMENT_MAX)
        self.comment.setPlaceholderText(self.tr("A comment, if you like (before the mark)"))
        self.scores = []
        marks = QHBoxLayout()
        for score in range(1, 6):
            button = big_button(str(score))
            button.setObjectName(f"rating{score}")
            button.clicked.connect(lambda _checked=False, s=score: self._rate(s))
            self.scores.append(button)
            marks.addWidget(button)
        self.skip = big_button(self.tr("Skip"), "quiet")
        self.skip.clicked.connect(self._skip)
        marks.addWidget(self.skip)
        self.result = note("", "ratingResult")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addWidget(self.comment)
        layout.addLayout(marks)
        layout.addWidget(self.result)

    def open(self, visit_id: str) -> None:
        self.visit_id = visit_id
        self.result.setText("")
        self.comment.clear()
        self._enable(True)

    def _enable(self, on: bool) -> None:
        for widget in (*self.scores, self.skip, self.comment):
            widget.setEnabled(on)

    def _rate(self, score: int) -> None:
        try:
            save_rating(self.context.store.database, self.visit_id, Rating(score, self.comment.text()), SUBSCRIBER)
        except InputError as error:
            self.result.setText(str(error))
            self._enable(False)
            return
        self._enable(False)
        self.result.setText(self.tr("Thank you for your mark: {score}.").format(score=score))
        self.answered.emit(RatingGiven(self.visit_id, score))

    def _skip(self) -> None:
        self._enable(False)
        self.result.setText(self.tr("No mark given."))
        self.answered.emit(RatingGiven(self.visit_id, None))
