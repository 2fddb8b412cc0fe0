"""Starting the Qt application: style, language, the first screen."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool, QTimer
from PySide6.QtGui import QSessionManager
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldact.standard import StandardError, load_brand, load_standard
from fieldact.store.db import DatabaseUnavailable, open_database
from fieldact.store.repository import Store
from fieldact.ui.compat import guard_none_refcount
from fieldact.ui.context import AppContext
from fieldact.ui.errors import install_excepthook, log_error, sentence_for, start_log
from fieldact.ui.i18n import install_translation
from fieldact.ui.instance import SHOW, SingleInstance, hold_app_mutex, register_restart, tell_running
from fieldact.ui.shell import Shell
from fieldact.ui.theme import apply_theme

if TYPE_CHECKING:
    pass

APP_NAME = "fieldact"


def create_application(language: str = "ru", qt_options: Sequence[str] = ()) -> QApplication:
    """The application; ``qt_options`` are Qt's own (``-platform windows:darkmode=0``), kept from the command."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_options])
    guard_none_refcount()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    apply_theme(app)
    install_translation(app, language)
    return app


def open_store(db: str | None, demo: bool = False) -> Store:
    """The database the app works on; an empty one gets demo data only when asked (``run --demo``)."""
    store = Store(open_database(db), load_standard(), load_brand())
    if demo and not store.technicians():
        from fieldact.store.demo import fill as fill_demo  # drawing and sealing acts: only for a new demo
        from fieldact.store.signing import sign_demo_visit

        fill_demo(store, sign_past=sign_demo_visit)
    return store


def run(
    windowed: bool = False,
    language: str = "ru",
    db: str | None = None,
    demo: bool = False,
    qt_options: Sequence[str] = (),
) -> int:
    app = create_application(language, qt_options)
    instance = SingleInstance(db)
    if not instance.acquire():
        return bring_running_to_front(db)
    hold_app_mutex()
    start_log()
    install_excepthook()
    try:
        store = open_store(db, demo)
    except StandardError as error:
        return refuse_start("\n".join(error.problems), 1)
    except DatabaseUnavailable as error:
        return refuse_start(str(error), 2)
    except Exception as error:  # noqa: BLE001 - the GUI build has no console: a dialog, never a silent exit
        log_error(error, "start")
        return refuse_start(sentence_for(error), 2)
    context = AppContext(store)
    context.start_sync()
    shell = Shell(context, kiosk=not windowed)
    shell.resize(1280, 800)
    if windowed:
        shell.show()
    else:
        shell.showFullScreen()
        register_restart("run")
    follow_later_starts(instance, shell)
    close_on_session_end(app, shell)
    try:
        return app.exec()
    finally:
        instance.release()  # before close_down, which deletes the application and its timers
        close_down(app, [shell], context)


def refuse_start(sentence: str, code: int) -> int:
    QMessageBox.critical(None, APP_NAME, sentence)
    return code


def close_down(app: QApplication, windows: list[QWidget], context: AppContext | None = None) -> None:
    """Tear down in order, before the interpreter does it in no order (a crash at exit otherwise):
    background jobs finish, the windows (with their PDF documents) go, then the database, then the application.
    """
    if context is not None and context.sync is not None:
        context.sync.stop(timeout=5)
    QThreadPool.globalInstance().waitForDone(30_000)
    for window in windows:
        if shiboken6.isValid(window):
            window.hide()
            shiboken6.delete(window)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    if context is not None:
        context.store.database.dispose()
    if shiboken6.isValid(app):
        shiboken6.delete(app)


def bring_running_to_front(db: str | None) -> int:
    """A second start: the running copy comes to the front and this one ends."""
    if tell_running(db, SHOW):
        print("fieldact is already running; it was brought to the front.", file=sys.stderr)
        return 0
    print("fieldact is already running but does not answer; restart the tablet if it does not appear.", file=sys.stderr)
    return 3


def follow_later_starts(instance: SingleInstance, shell: Shell) -> None:
    instance.show_requested.connect(lambda: bring_to_front(shell))
    instance.close_requested.connect(lambda: close_now(shell))


def bring_to_front(shell: Shell) -> None:
    if shell.kiosk:
        shell.showFullScreen()
    else:
        shell.showNormal()
    shell.raise_()
    shell.activateWindow()


def close_now(shell: Shell) -> None:
    """Close without the technician's PIN: every answer is already committed when it is given."""
    shell.allow_close = True
    shell.close()
    QTimer.singleShot(0, QApplication.quit)


def close_on_session_end(app: QApplication, shell: Shell) -> Callable[[QSessionManager | None], None]:
    """Windows log-off, shutdown and an installer's Restart Manager (WM_QUERYENDSESSION) close the app."""

    def session_ending(manager: QSessionManager | None = None) -> None:
        close_now(shell)

    app.commitDataRequest.connect(session_ending)
    return session_ending
