"""One running copy per database, and the Windows hooks the installer relies on.

The first copy holds a lock file next to its database and listens on a local socket named after the database.
A second start (Startup, the desktop icon, the Start menu) finds the lock, tells the first to come to the front
and exits: two kiosks would run two sync loops on one file. The installer asks the running copy to close
(``fieldact-cli close``) before it replaces files, and on Windows finds it by the named mutex ``APP_MUTEX``
that installer/fieldact.iss names in ``AppMutex``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from fieldact.store.acts import sha256_hex
from fieldact.store.db import resolve_url, sqlite_path

# Named in installer/fieldact.iss (AppMutex); the Global\ one is seen from other sessions too.
APP_MUTEX = "fieldact-app"
APP_MUTEXES = (APP_MUTEX, "Global\\" + APP_MUTEX)
SHOW, CLOSE = b"show", b"close"
CONNECT_MS = 1500
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


class SingleInstance(QObject):
    """Held by the running app; ``show_requested`` and ``close_requested`` come from later starts."""

    show_requested = Signal()
    close_requested = Signal()

    def __init__(self, db: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = instance_key(db)
        path = lock_path(db)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(path))
        self.lock.setStaleLockTime(0)  # only a dead process's lock is stale, however old
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this is the only copy; it then listens for the next starts."""
        if not self.lock.tryLock(100):
            return False
        QLocalServer.removeServer(self.key)  # a socket file left by a copy that was killed
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._connection)
        self.server.listen(self.key)
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _connection(self) -> None:
        assert self.server is not None
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        # The message is a few bytes written right after connecting; waiting for it here keeps no socket alive
        # past this slot (the sender writes before it disconnects).
        if not socket.bytesAvailable():
            socket.waitForReadyRead(CONNECT_MS)
        message = bytes(socket.readAll().data()).strip()
        socket.abort()
        socket.deleteLater()
        if message == CLOSE:
            self.close_requested.emit()
        elif message == SHOW:
            self.show_requested.emit()


def tell_running(db: str | None, message: bytes) -> bool:
    """Send ``message`` to the copy running on this database; False when none answers."""
    allow_foreground()
    socket = QLocalSocket()
    socket.connectToServer(instance_key(db))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(message + b"\n")
    sent = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return sent


def close_running_app(db: str | None, wait_seconds: float = CLOSE_WAIT_SECONDS) -> bool | None:
    """Ask the copy running on ``db`` to close and wait for its lock to go: None when none runs."""
    if QCoreApplication.instance() is None:
        QCoreApplication([sys.argv[0] if sys.argv else "fieldact"])
    probe = SingleInstance(db)
    if probe.lock.tryLock(0):
        probe.lock.unlock()
        return None
    if not tell_running(db, CLOSE):
        return False
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if probe.lock.tryLock(200):
            probe.lock.unlock()
            return True
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
