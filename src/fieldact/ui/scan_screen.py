"""Reading a device's label with the camera: the codes on it, for the equipment panel to pick the serial from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from fieldact.barcodes import no_code_sentence, read_label_file, read_labels
from fieldact.text import InputError
from fieldact.ui.capture import CaptureView, Frame
from fieldact.ui.widgets.common import big_button, heading, note
from fieldact.ui.worker import run_in_background


@dataclass(frozen=True, slots=True)
class LabelRead:
    codes: tuple[str, ...]  # empty when the screen was closed without a reading


class ScanScreen(QFrame):
    read = Signal(object)  # LabelRead

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoScreen")
        self.setAutoFillBackground(True)
        self.camera = CaptureView()
        self.camera.shutter.setText(self.tr("Read the code"))
        self.camera.taken.connect(self._taken)
        self.camera.failed.connect(self._show_error)
        self.message = note("", "error")
        self.message.hide()
        self.cancel = big_button(self.tr("Cancel"), "quiet")
        self.cancel.clicked.connect(lambda: self.close_screen(()))
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(title))
        layout.addWidget(note(self.tr("Hold the label's barcode or QR code in the middle of the picture."), "hint"))
        layout.addWidget(self.camera, 1)
        layout.addLayout(bottom)

    def _taken(self, frame: Frame) -> None:
        self.message.hide()
        run_in_background(lambda: _codes(frame), self._decoded, self._failed)

    def _decoded(self, codes: list[str]) -> None:
        if not codes:
            self._show_error(no_code_sentence())
            return
        self.close_screen(tuple(codes))

    def _failed(self, error: Exception) -> None:
        self._show_error(str(error) if isinstance(error, InputError) else no_code_sentence())

    def _show_error(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()

    def close_screen(self, codes: tuple[str, ...]) -> None:
        self.camera.stop()
        self.hide()
        self.read.emit(LabelRead(codes))
        self.deleteLater()


def _codes(frame: Frame) -> list[str]:
    if frame.file_bytes is not None:
        return read_label_file(frame.file_bytes)
    assert frame.image is not None
    return read_labels(frame.image)
