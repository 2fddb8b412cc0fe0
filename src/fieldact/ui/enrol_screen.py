"""Connecting the tablet to the central service with the one-time code the office printed."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from fieldact.ui.context import AppContext
from fieldact.ui.errors import log_error, sentence_for
from fieldact.ui.widgets.common import big_button, heading, labelled, note, restyle
from fieldact.ui.worker import run_in_background

COLUMN_WIDTH = 640


@dataclass(frozen=True)
class Enrolled:
    """The tablet now belongs to this technician's device on the service at ``url``."""

    technician_id: str
    url: str


class EnrolScreen(QWidget):
    """The address of the service and the office's code; what was typed stays until it works."""

    enrolled = Signal(object)  # Enrolled
    back = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://acts.example.ru")
        self.url.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly)
        self.code = QLineEdit()
        self.code.setPlaceholderText("K7QW-2MXD-9PLT-4HZR")
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhUppercaseOnly | Qt.InputMethodHint.ImhNoPredictiveText)
        self.tls_ca = QLineEdit()
        self.tls_ca.setPlaceholderText(r"C:\fieldact\company-tls.pem")
        self.message = note("", "note")
        self.connect_button = big_button(self.tr("Connect"), "primary")
        self.connect_button.clicked.connect(self.submit)
        self.back_button = big_button(self.tr("Back"), "quiet")
        self.back_button.clicked.connect(self.back)
        self.code.returnPressed.connect(self.submit)
        self._build()

    def _build(self) -> None:
        column = QVBoxLayout()
        column.setSpacing(16)
        column.addWidget(heading(self.tr("Connect this tablet to the server"), 2))
        column.addWidget(
            note(
                self.tr(
                    "The office gives a one-time code for the technician this tablet is for. Type the server's "
                    "address and the code; the tablet makes its own key and gets its certificate."
                )
            )
        )
        column.addWidget(labelled(self.tr("Server address"), self.url))
        column.addWidget(labelled(self.tr("Code from the office"), self.code))
        column.addWidget(labelled(self.tr("Server's own certificate file, only if the office names one"), self.tls_ca))
        column.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        column.addLayout(buttons)
        column.addStretch(1)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(COLUMN_WIDTH)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 4)
        layout.addStretch(1)

    def submit(self) -> None:
        url, code, tls_ca = self.url.text().strip(), self.code.text().strip(), self.tls_ca.text().strip()
        problem = self._problem(url, code)
        if problem:
            self._say(problem, "error")
            return
        self._busy(True)
        self._say(self.tr("Connecting to {url}…").format(url=url), "note")
        database = self.context.store.database
        run_in_background(
            lambda: _enrol(database, url, code, tls_ca or None),
            lambda technician_id: self._done(Enrolled(technician_id, url)),
            self._failed,
            owner=self,
        )

    def _problem(self, url: str, code: str) -> str:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            return self.tr("Type the server's address as the office wrote it, starting with https://")
        if len(code.replace("-", "").replace(" ", "")) < 8:
            return self.tr("Type the whole code from the office (it has 16 letters and digits).")
        return ""

    def _done(self, enrolled: Enrolled) -> None:
        self._busy(False)
        self.code.clear()  # it worked once and never will again
        self._say(self.tr("The tablet is connected. The technician and his orders come with the first sync."), "saved")
        self.enrolled.emit(enrolled)

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        log_error(error, "enrolment")
        self._say(_enrol_sentence(error, self.tls_ca.text().strip()), "error")

    def _busy(self, busy: bool) -> None:
        for widget in (self.url, self.code, self.tls_ca, self.connect_button, self.back_button):
            widget.setEnabled(not busy)

    def _say(self, text: str, kind: str) -> None:
        self.message.setText(text)
        self.message.setObjectName(kind)  # the stylesheet's #error, #saved or #note
        restyle(self.message, "kind", kind)


def _enrol(database, url: str, code: str, tls_ca: str | None) -> str:  # type: ignore[no-untyped-def]
    from fieldact.service.client import enrol_tablet  # the service's client loads only when it is used

    return enrol_tablet(database, url, code, tls_ca)


def _enrol_sentence(error: Exception, tls_ca: str) -> str:
    """The service's own sentence (a used or expired code, a revoked device) or the one for the fault."""
    from fieldact.service.client import ServiceError

    if isinstance(error, ServiceError):
        return str(error)
    if isinstance(error, FileNotFoundError):
        return QCoreApplication.translate(
            "EnrolScreen", "The certificate file {name} is not there. Check the path the office gave."
        ).format(name=error.filename or tls_ca)
    return sentence_for(error)
