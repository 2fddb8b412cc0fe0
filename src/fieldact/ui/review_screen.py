"""The act as it will be signed, in the built-in PDF viewer, before the tablet goes to the subscriber."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from fieldact.ui.widgets.common import big_button, heading, note
from fieldact.ui.widgets.pdf_viewer import PdfViewer
from fieldact.ui.widgets.touch import kinetic


class ReviewScreen(QWidget):
    hand_over = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit_id = ""
        self.preview = b""  # the act as it will be signed: the subscriber may open it before he signs
        self.title = heading(self.tr("The act as it will be signed"))
        self.viewer = PdfViewer()
        self.status = note(self.tr("Preparing the act…"))
        self.back_button = big_button(self.tr("‹ Back to the visit"), "quiet")
        self.back_button.clicked.connect(self.back)
        self.hand_button = big_button(self.tr("Hand the tablet to the subscriber"), "primary")
        self.hand_button.clicked.connect(lambda: self.hand_over.emit(self.visit_id))
        self.hand_button.setEnabled(False)  # until an act is ready for this visit
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.hand_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.viewer, 1)
        kinetic(self.viewer.view)
        layout.addLayout(bottom)

    def waiting(self, visit_id: str) -> None:
        self.visit_id = visit_id
        self.preview = b""
        self.title.setText(self.tr("The act as it will be signed"))
        self.hand_button.show()
        self.hand_button.setEnabled(False)
        self.status.setText(self.tr("Preparing the act…"))

    def show_preview(self, data: bytes) -> None:
        self.preview = data
        self.viewer.show_pdf(data)
        self.status.setText(
            self.tr("{n} page(s). Comment on what the subscriber signs.").format(n=self.viewer.page_count())
        )
        self.hand_button.setEnabled(True)

    def show_stored(self, visit_id: str, number: str, data: bytes) -> None:
        """A finished visit's act as it was stored: only to look at, nothing to hand over."""
        self.visit_id = visit_id
        self.title.setText(self.tr("Act {number} as stored").format(number=number))
        self.hand_button.hide()
        self.viewer.show_pdf(data)
        self.status.setText(self.tr("{n} page(s).").format(n=self.viewer.page_count()))

    def show_removed(self, visit_id: str, number: str) -> None:
        """A finished visit whose act left the tablet after the retention period: only the receipt stays."""
        self.visit_id = visit_id
        self.title.setText(self.tr("Act {number} as stored").format(number=number))
        self.hand_button.hide()
        self.viewer.clear()
        self.status.setText(
            self.tr(
                "This act was removed from the tablet after the retention period: the company's registry holds it, "
                "and the subscriber has his own copy."
            )
        )

    def show_failure(self, sentence: str) -> None:
        self.status.setText(sentence)
