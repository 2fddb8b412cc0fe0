"""Starting the Qt application: style, language, the first screen."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldact.standard import StandardError, load_brand, load_standard
from fieldact.store.central import CentralUnavailable, central_url
from fieldact.store.db import DatabaseUnavailable, open_database
from fieldact.store.demo import fill as fill_demo
from fieldact.store.repository import Store
from fieldact.store.signing import sign_demo_visit
from fieldact.store.sync import SyncLoop
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
    context = AppContext(store, sync=start_sync(store))
    shell = Shell(context, kiosk=not windowed)
    shell.resize(1280, 800)
    if windowed:
        shell.show()
    else:
        shell.showFullScreen()
    try:
        return app.exec()
    finally:
        if context.sync is not None:
            context.sync.stop(timeout=5)


def start_sync(store: Store) -> SyncLoop | None:
    """Background sync with the central database when one is configured; the tablet works without it."""
    try:
        url = central_url()
    except CentralUnavailable:
        return None
    loop = SyncLoop(store.database, url)
    loop.start()
    return loop
