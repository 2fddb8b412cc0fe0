"""The photo line of a checklist item: how many it has and needs, and the button that opens the camera."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from fieldact.standard.schema import PhotoRule
from fieldact.ui.widgets.common import big_button, note


@dataclass(frozen=True, slots=True)
class PhotoRequest:
    key: str


class PhotoStrip(QFrame):
    requested = Signal(object)  # PhotoRequest

    def __init__(self, key: str, rule: PhotoRule, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.key, self.rule = key, rule
        self.label = note("", "hint")
        self.open_camera = big_button(self.tr("Photos"), "quiet")
        self.open_camera.clicked.connect(lambda: self.requested.emit(PhotoRequest(key)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_camera)
        self.show_count(count)

    def show_count(self, count: int) -> None:
        if self.rule.min and self.rule.if_any:
            text = self.tr("Photos: {count} (needed when there are any; at most {most})").format(
                count=count, most=self.rule.max
            )
        elif self.rule.min:
            text = self.tr("Photos: {count}, needed at least {least} (at most {most})").format(
                count=count, least=self.rule.min, most=self.rule.max
            )
        else:
            text = self.tr("Photos: {count} (optional, at most {most})").format(count=count, most=self.rule.max)
        self.label.setText(text)
        self.open_camera.setText(
            self.tr("Take photo") if count == 0 else self.tr("Photos ({count})").format(count=count)
        )


def photo_pixmap(jpeg: bytes, edge: int) -> QPixmap:
    """A photo scaled to ``edge`` pixels on its long side, decoded by Pillow (the bundle has no Qt JPEG plugin)."""
    image = Image.open(io.BytesIO(jpeg))
    image.draft("RGB", (edge, edge))
    image = image.convert("RGB")
    image.thumbnail((edge, edge))
    data = image.tobytes()
    qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())
