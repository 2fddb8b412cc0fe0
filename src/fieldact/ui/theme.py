"""The look of the app: one stylesheet, a base font large enough for touch and bad light.

The stylesheet sets dark text on light surfaces. Windows 11 in dark mode would give Qt's native style a dark
palette, and every surface the stylesheet does not name (dialogs, menus, combo pop-ups, the calendar,
tooltips) would turn dark under dark text; so the style is pinned to Fusion with a light palette of our own.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from fieldact.resources import resource_path

BASE_PIXEL_SIZE = 18
STYLE = "Fusion"

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f5f7",
    QPalette.ColorRole.WindowText: "#1b1f24",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#eef0f3",
    QPalette.ColorRole.ToolTipBase: "#ffffdc",
    QPalette.ColorRole.ToolTipText: "#1b1f24",
    QPalette.ColorRole.PlaceholderText: "#6b7280",
    QPalette.ColorRole.Text: "#1b1f24",
    QPalette.ColorRole.Button: "#e9ecef",
    QPalette.ColorRole.ButtonText: "#1b1f24",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#e3e6ea",
    QPalette.ColorRole.Mid: "#b8bec6",
    QPalette.ColorRole.Dark: "#8a929c",
    QPalette.ColorRole.Shadow: "#4b5563",
    QPalette.ColorRole.Highlight: "#1f6feb",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#0b57d0",
    QPalette.ColorRole.LinkVisited: "#6d28d9",
}
_DISABLED_TEXT = "#5f6b7a"  # 4.8:1 on the grey ground: a disabled control is still read


def light_palette() -> QPalette:
    palette = QPalette()
    for role, color in _LIGHT.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT))
    return palette


def apply_theme(app: QApplication) -> None:
    app.setStyle(QStyleFactory.create(STYLE))
    app.setPalette(light_palette())
    font = QFont(app.font())
    font.setPixelSize(BASE_PIXEL_SIZE)
    app.setFont(font)
    styles = resource_path("styles")
    # the stylesheet's images are named relative to its folder; Qt reads url() from the working directory
    sheet = (styles / "app.qss").read_text(encoding="utf-8").replace("{styles}", styles.as_posix())
    app.setStyleSheet(sheet)
