"""Starting the Qt application: style, language, the first screen."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldact.standard import StandardError, load_brand, load_standard
from fieldact.ui.i18n import install_translation
from fieldact.ui.standard_screen import StandardScreen
from fieldact.ui.theme import apply_theme

APP_NAME = "fieldact"


def create_application(language: str = "ru") -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    apply_theme(app)
    install_translation(app, language)
    return app


def run(windowed: bool = False, language: str = "ru") -> int:
    app = create_application(language)
    try:
        standard, brand = load_standard(), load_brand()
    except StandardError as error:
        QMessageBox.critical(None, APP_NAME, "\n".join(error.problems))
        return 1
    window = StandardScreen(standard, brand)
    window.resize(1280, 800)
    if windowed:
        window.show()
    else:
        window.showFullScreen()
    return app.exec()
