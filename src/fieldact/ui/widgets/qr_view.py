"""A QR code drawn crisp at any size: modules painted as squares, no scaled bitmap."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4


class QrView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.modules: list[list[bool]] = []
        self.setMinimumSize(280, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, text: str) -> None:
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        code.add_data(text)
        code.make(fit=True)
        self.modules = code.get_matrix()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 360)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        side = min(self.width(), self.height())
        painter.fillRect(self.rect(), QColor("white"))
        if not self.modules:
            return
        count = len(self.modules) + 2 * QUIET_ZONE
        module = side / count
        left = (self.width() - side) / 2 + QUIET_ZONE * module
        top = (self.height() - side) / 2 + QUIET_ZONE * module
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for row, line in enumerate(self.modules):
            for column, dark in enumerate(line):
                if dark:
                    # a hair of overlap so no seams show between neighbouring modules
                    painter.drawRect(QRectF(left + column * module, top + row * module, module + 0.5, module + 0.5))
