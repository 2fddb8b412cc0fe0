"""Work off the UI thread: rendering and storing an act must never freeze the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 - every failure goes back to the screen as a sentence
            self.signals.failed.emit(error)
            return
        self.signals.done.emit(result)


_running: set[_Job] = set()


def run_in_background(
    work: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[Exception], None]
) -> None:
    """Run ``work`` on the thread pool; the callbacks run on the UI thread (queued signals)."""
    job = _Job(work)
    job.setAutoDelete(False)
    _running.add(job)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        if _owner_closed(callback):
            return  # the screen that asked was closed while the work ran (e.g. the app quit): nobody to tell
        callback(value)

    job.signals.done.connect(lambda value: finish(on_done, value))
    job.signals.failed.connect(lambda error: finish(on_failed, error))
    QThreadPool.globalInstance().start(job)


def _owner_closed(callback: Callable[..., Any]) -> bool:
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)
