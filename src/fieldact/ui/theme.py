"""The look of the app: one stylesheet, a base font large enough for touch and bad light."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from fieldact.resources import resource_path

BASE_PIXEL_SIZE = 18


def apply_theme(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPixelSize(BASE_PIXEL_SIZE)
    app.setFont(font)
    app.setStyleSheet(resource_path("styles/app.qss").read_text(encoding="utf-8"))
