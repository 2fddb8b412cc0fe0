"""The camera inside the kiosk: a Qt Multimedia capture session with a live preview and a large shutter.

The rear camera is chosen when the tablet has one; a tablet without a usable camera gets «From a file» (a Qt
file dialog, so the technician never leaves the app). Tests feed the same session through QVideoFrameInput,
so a frame travels the tablet's path: session → QImageCapture → ``taken``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QImageCapture,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrameInput,
)
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from fieldact.ui.widgets.common import big_button, note

PICTURE_FILTER = "JPEG, PNG (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"


@dataclass(frozen=True, slots=True)
class Frame:
    """A picture taken: decoded pixels from the camera, or the bytes of a chosen file."""

    image: Image.Image | None = None
    file_bytes: bytes | None = None


def rear_camera() -> QCameraDevice | None:
    """The camera on the back of the tablet, else the first one, else None."""
    cameras = QMediaDevices.videoInputs()
    for device in cameras:
        if device.position() == QCameraDevice.Position.BackFace:
            return device
    return cameras[0] if cameras else None


def pil_image(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1).copy()


class CaptureView(QWidget):
    taken = Signal(object)  # Frame
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = QMediaCaptureSession(self)
        self.capture = QImageCapture(self)
        self.session.setImageCapture(self.capture)
        self.preview = QVideoWidget()
        self.preview.setMinimumSize(320, 240)
        self.session.setVideoOutput(self.preview)
        self.camera: QCamera | None = None
        self.status = note("", "hint")
        self.shutter = big_button(self.tr("Take photo"), "primary")
        self.shutter.setObjectName("shutter")
        self.shutter.setMinimumWidth(240)
        self.shutter.setFixedHeight(96)
        self.from_file = big_button(self.tr("From a file"), "quiet")
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(lambda _id, _error, text: self.failed.emit(text))
        self.shutter.clicked.connect(self.shoot)
        self.from_file.clicked.connect(self._choose_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.from_file)
        buttons.addStretch(1)
        buttons.addWidget(self.shutter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def start(self, device: QCameraDevice | None = None) -> bool:
        """Start the rear camera (or ``device``); False when the tablet has none: only a file can be chosen."""
        device = device or rear_camera()
        if device is None:
            self._no_camera()
            return False
        self.camera = QCamera(device, self)
        self.camera.errorOccurred.connect(lambda _error, _text: self._no_camera())
        self.session.setCamera(self.camera)
        self.camera.start()
        self.shutter.setEnabled(True)
        self.status.setText("")
        return True

    def use_frames(self, source: QVideoFrameInput) -> None:
        """Frames pushed by the caller instead of a camera (what the tests drive)."""
        self.session.setVideoFrameInput(source)
        self.shutter.setEnabled(True)
        self.status.setText("")

    def stop(self) -> None:
        if self.camera is not None:
            self.camera.stop()

    def shoot(self) -> None:
        self.shutter.setEnabled(False)
        if self.capture.capture() < 0:
            self.shutter.setEnabled(True)
            self.failed.emit(self.tr("The camera is not ready. Wait a second and press the button again."))

    def take_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            self.failed.emit(self.tr("The file cannot be read. Choose another one."))
            return
        self.taken.emit(Frame(file_bytes=data))

    def _captured(self, _id: int, image: QImage) -> None:
        self.shutter.setEnabled(True)
        self.taken.emit(Frame(image=pil_image(image)))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), "", PICTURE_FILTER, options=QFileDialog.Option.DontUseNativeDialog
        )
        if path:
            self.take_file(Path(path))

    def _no_camera(self) -> None:
        self.shutter.setEnabled(False)
        self.status.setText(self.tr("No camera on this tablet works. Choose a photo from a file."))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
