"""One running copy per database, and the Windows hooks the installer relies on.

The first copy holds a lock file next to its database (QLockFile: a killed copy's lock is taken over). A second
start (Startup, the desktop icon, the Start menu) finds the lock, leaves a request file beside it for the first
copy to come to the front, and exits: two kiosks would run two sync loops on one file. The installer asks the
running copy to close the same way (``fieldact-cli close``) before it replaces files, and on Windows finds it by
the named mutex ``APP_MUTEX`` that installer/fieldact.iss names in ``AppMutex``. A request file rather than a
local socket keeps QtNetwork out of the bundle.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, QTimer, Signal

from fieldact.hashing import sha256_hex
from fieldact.store.db import resolve_url, sqlite_path

# Named in installer/fieldact.iss (AppMutex); the Global\ one is seen from other sessions too.
APP_MUTEX = "fieldact-app"
APP_MUTEXES = (APP_MUTEX, "Global\\" + APP_MUTEX)
SHOW, CLOSE = "show", "close"
REQUESTS = (SHOW, CLOSE)
POLL_MS = 250
ANSWER_SECONDS = 3.0
CLOSE_WAIT_SECONDS = 30.0
ASFW_ANY = -1
RESTART_NO_CRASH, RESTART_NO_HANG = 1, 2

_held_mutexes: list[int] = []


def instance_key(db: str | None) -> str:
    """A name for the database the app opens: the same file gives the same key, whatever the spelling."""
    return "fieldact-" + sha256_hex(resolve_url(db).encode("utf-8"))[:16]


def lock_path(db: str | None) -> Path:
    path = sqlite_path(resolve_url(db))
    if path is not None:
        return path.with_name(path.name + ".running")
    return Path(QDir.tempPath()) / (instance_key(db) + ".running")


def request_path(db: str | None) -> Path:
    lock = lock_path(db)
    return lock.with_name(lock.name + ".request")


class SingleInstance(QObject):
    """Held by the running app; ``show_requested`` and ``close_requested`` come from later starts."""

    show_requested = Signal()
    close_requested = Signal()

    def __init__(self, db: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        path = lock_path(db)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(path))
        self.lock.setStaleLockTime(0)  # only a dead process's lock is stale, however old
        self.requests = request_path(db)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.take_request)

    def acquire(self) -> bool:
        """True when this is the only copy; it then watches for the next starts' requests."""
        if not self.lock.tryLock(100):
            return False
        self.requests.unlink(missing_ok=True)  # left by a start that nobody answered
        self.poll.start()
        return True

    def release(self) -> None:
        self.poll.stop()
        self.lock.unlock()

    def take_request(self) -> None:
        try:
            message = self.requests.read_text(encoding="utf-8").strip()
            self.requests.unlink()
        except OSError:  # none, or being written (the writer replaces it whole)
            return
        if message == CLOSE:
            self.close_requested.emit()
        elif message == SHOW:
            self.show_requested.emit()


def is_running(db: str | None) -> bool:
    probe = QLockFile(str(lock_path(db)))
    probe.setStaleLockTime(0)
    if probe.tryLock(0):
        probe.unlock()
        return False
    return True


def tell_running(db: str | None, message: str, answer_seconds: float = ANSWER_SECONDS) -> bool:
    """Ask the copy running on ``db`` to ``show`` or ``close``; False when none runs or none answers."""
    if message not in REQUESTS or not is_running(db):
        return False
    allow_foreground()
    target = request_path(db)
    partial = target.with_name(target.name + f".{os.getpid()}")
    try:
        partial.write_text(message, encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)
        return False
    deadline = time.monotonic() + answer_seconds
    while time.monotonic() < deadline:
        if not target.exists():
            return True
        time.sleep(POLL_MS / 1000 / 2)
    target.unlink(missing_ok=True)
    return False


def close_running_app(db: str | None, wait_seconds: float = CLOSE_WAIT_SECONDS) -> bool | None:
    """Ask the copy running on ``db`` to close and wait until it has: None when none runs."""
    if not is_running(db):
        return None
    if not tell_running(db, CLOSE):
        return False
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if not is_running(db):
            return True
        time.sleep(0.2)
    return False


def allow_foreground() -> None:
    """Windows lets only the foreground process raise a window: let the running copy come to the front."""
    if sys.platform != "win32":
        return
    import ctypes

    ctypes.windll.user32.AllowSetForegroundWindow(ASFW_ANY)  # type: ignore[attr-defined]


def hold_app_mutex() -> list[int]:
    """Windows: the named mutexes by which Setup and Uninstall see that fieldact runs (kept until exit)."""
    if sys.platform != "win32":
        return []
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.CreateMutexW.argtypes = (wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR)
    kernel32.CreateMutexW.restype = wintypes.HANDLE
    for name in APP_MUTEXES:
        handle = kernel32.CreateMutexW(None, False, name)
        if handle:  # the Global\ one may be refused to a restricted account; the local one is enough for Setup
            _held_mutexes.append(handle)
    return list(_held_mutexes)


def register_restart(arguments: str) -> bool:
    """Windows: Restart Manager starts the app again with ``arguments`` after an installer closed it."""
    if sys.platform != "win32":
        return False
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return kernel32.RegisterApplicationRestart(arguments, RESTART_NO_CRASH | RESTART_NO_HANG) == 0
