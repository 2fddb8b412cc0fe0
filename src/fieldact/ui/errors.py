"""Errors that reach the screen: logged to a rotating file in the data folder, shown as a sentence.

Screens call ``sentence_for`` (and ``log_error``) where they catch a failure of the store; anything that still
escapes a slot reaches ``sys.excepthook``, which ``install_excepthook`` points here, so no error vanishes on a
tablet without a console.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from fieldact.store.db import DatabaseUnavailable, data_dir
from fieldact.text import InputError

LOG = logging.getLogger("fieldact")
LOG_BYTES = 1_000_000
LOGS_KEPT = 5
STORE_ERRORS: tuple[type[BaseException], ...] = (SQLAlchemyError, OSError, DatabaseUnavailable)


def log_path() -> Path:
    return data_dir() / "logs" / "fieldact.log"


def start_log(path: Path | None = None) -> Path | None:
    """A rotating log beside the database; None when the folder cannot be written (the app still runs)."""
    path = path or log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOGS_KEPT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    return path


def log_error(error: BaseException, where: str) -> None:
    LOG.error("%s: %s", where, error, exc_info=(type(error), error, error.__traceback__))


def sentence_for(error: BaseException) -> str:
    """What the person reads: what went wrong in his terms, and what to do."""
    if isinstance(error, InputError | DatabaseUnavailable):
        return str(error)
    message = str(getattr(error, "orig", error)).lower()
    if "disk is full" in message or getattr(error, "errno", None) == 28:
        return QApplication.translate(
            "Errors", "The tablet's storage is full. Nothing entered is lost: free some space or call support."
        )
    if "readonly" in message or "read-only" in message:
        return QApplication.translate(
            "Errors", "The database cannot be written (read-only). Call support; nothing entered is lost."
        )
    if isinstance(error, STORE_ERRORS):
        return QApplication.translate("Errors", "The database did not answer. Try again; if it repeats, call support.")
    return QApplication.translate(
        "Errors", "Something went wrong ({error}). What you entered is kept; try again or call support."
    ).format(error=type(error).__name__)


def show_error(error: BaseException, where: str, parent: QWidget | None = None) -> None:
    """Log the error and show its sentence in a dialog (for failures no screen can show in place)."""
    log_error(error, where)
    QMessageBox.warning(parent or QApplication.activeWindow(), "fieldact", sentence_for(error))


_showing = False


def _excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    LOG.error("unhandled error", exc_info=(kind, error, trace))
    if _showing or QApplication.instance() is None:
        return
    _showing = True  # a dialog's own event loop must not stack a dialog per repeated failure
    try:
        QMessageBox.warning(QApplication.activeWindow(), "fieldact", sentence_for(error))
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = _excepthook
