"""Work off the UI thread: rendering and storing an act, an export, a count must never freeze the screen.

A ``Job`` runs one piece of work on the thread pool. Its callbacks (done, failed, progress) run on the UI
thread, and are dropped when the screen that asked was closed (deleted) meanwhile: the screen is the job's
``owner``, or the object of a bound-method callback. ``cancel`` asks the work to stop; the work looks at
``cancelled()`` between its steps and reports its steps with ``report``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 - every failure goes back to the screen as a sentence
            self._tell(self.signals.failed, error)
            return
        self._tell(self.signals.done, result)

    def _tell(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the application quit while the work ran: its objects are gone, nobody to tell


_running: set[_Runnable] = set()


class Job:
    """Made on the UI thread; ``start`` it once."""

    def __init__(self, owner: QObject | None = None, on_progress: Callable[[Progress], None] | None = None) -> None:
        self.owner = owner
        self._stop = threading.Event()
        self._signals = _Signals()
        self.finished = False
        if on_progress is not None:
            self._signals.progress.connect(lambda progress: self._deliver(on_progress, progress))

    def start(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[Exception], None]
    ) -> Job:
        if self.owner is None:
            self.owner = getattr(on_done, "__self__", None)
        runnable = _Runnable(work, self._signals)
        runnable.setAutoDelete(False)
        _running.add(runnable)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            _running.discard(runnable)
            self.finished = True
            self._deliver(callback, value)

        self._signals.done.connect(lambda value: finish(on_done, value))
        self._signals.failed.connect(lambda error: finish(on_failed, error))
        QThreadPool.globalInstance().start(runnable)
        return self

    def cancel(self) -> None:
        self._stop.set()

    def cancelled(self) -> bool:
        """Asked from the work's thread between its steps."""
        return self._stop.is_set()

    def report(self, done: int, total: int) -> None:
        """Called from the work's thread; the progress callback gets it on the UI thread."""
        self._signals.progress.emit(Progress(done, total))

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        if _closed(self.owner) or _closed(getattr(callback, "__self__", None)):
            return  # the screen that asked was closed while the work ran (e.g. the app quit): nobody to tell
        callback(value)


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None],
    owner: QObject | None = None,
) -> Job:
    """Run ``work`` on the thread pool; the callbacks run on the UI thread unless ``owner`` was closed."""
    return Job(owner).start(work, on_done, on_failed)


def _closed(owner: object) -> bool:
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)
