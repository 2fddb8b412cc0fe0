"""Starting the Qt application: style, language, the first screen."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldact.standard import StandardError, load_brand, load_standard
from fieldact.store.db import DatabaseUnavailable, open_database
from fieldact.store.demo import fill as fill_demo
from fieldact.store.repository import Store
from fieldact.store.signing import sign_demo_visit
from fieldact.ui.compat import guard_none_refcount
from fieldact.ui.context import AppContext
from fieldact.ui.i18n import install_translation
from fieldact.ui.shell import Shell
from fieldact.ui.theme import apply_theme

APP_NAME = "fieldact"


def create_application(language: str = "ru") -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    guard_none_refcount()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    apply_theme(app)
    install_translation(app, language)
    return app


def open_store(db: str | None) -> Store:
    """The database the app works on; an empty one gets the demo data so a first start shows something."""
    store = Store(open_database(db), load_standard(), load_brand())
    if not store.technicians():
        fill_demo(store, sign_past=sign_demo_visit)
    return store


def run(windowed: bool = False, language: str = "ru", db: str | None = None) -> int:
    app = create_application(language)
    try:
        store = open_store(db)
    except StandardError as error:
        QMessageBox.critical(None, APP_NAME, "\n".join(error.problems))
        return 1
    except DatabaseUnavailable as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    shell = Shell(AppContext(store), kiosk=not windowed)
    shell.resize(1280, 800)
    if windowed:
        shell.show()
    else:
        shell.showFullScreen()
    return app.exec()
