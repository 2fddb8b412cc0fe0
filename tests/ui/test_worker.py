"""The one background-work helper: results and failures on the UI thread, progress, cancel, and nothing
delivered to a screen that was closed meanwhile."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QEvent, QThread
from PySide6.QtWidgets import QApplication, QLabel

from fieldact.ui.worker import Job, Progress, run_in_background


def test_result_and_failure_arrive_on_the_ui_thread(qapp, qtbot) -> None:
    seen: list[tuple[str, object, bool]] = []
    ui = QThread.currentThread()

    def done(value: object) -> None:
        seen.append(("done", value, QThread.currentThread() is ui))

    def failed(error: Exception) -> None:
        seen.append(("failed", str(error), QThread.currentThread() is ui))

    def boom() -> None:
        raise OSError("диск полон")

    run_in_background(lambda: 6 * 7, done, failed)
    run_in_background(boom, done, failed)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert sorted(seen) == [("done", 42, True), ("failed", "диск полон", True)]


def test_progress_and_cancel(qapp, qtbot) -> None:
    steps: list[Progress] = []
    results: list[int] = []
    release = threading.Event()
    job = Job(on_progress=steps.append)

    def work() -> int:
        done = 0
        for n in range(1, 101):
            if job.cancelled():
                break
            job.report(n, 100)
            done = n
            if n == 3:
                release.wait(5)  # the test cancels while the work is under way
        return done

    job.start(work, results.append, lambda error: results.append(-1))
    qtbot.waitUntil(lambda: len(steps) >= 3, timeout=5000)
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [3] and job.finished
    assert steps[:3] == [Progress(1, 100), Progress(2, 100), Progress(3, 100)]


def test_a_closed_screen_hears_nothing(qapp, qtbot) -> None:
    delivered: list[str] = []
    release = threading.Event()
    screen = QLabel("экран")
    job = Job(screen, on_progress=lambda p: delivered.append("progress"))

    def work() -> str:
        release.wait(5)
        job.report(1, 1)
        return "готово"

    job.start(work, lambda value: delivered.append(value), lambda error: delivered.append("failed"))
    screen.deleteLater()  # the screen is closed while the work runs
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(screen)
    release.set()
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    QApplication.processEvents()
    assert delivered == []

    bound = QLabel()  # a bound method's object is the owner when none is named
    run_in_background(lambda: "текст", bound.setText, lambda error: None)
    qtbot.waitUntil(lambda: bound.text() == "текст", timeout=5000)


def test_work_that_ends_after_the_app_quit_tells_nobody_and_raises_nothing(qtbot) -> None:
    import shiboken6

    from fieldact.ui.worker import _Runnable, _Signals

    for work in (lambda: 42, lambda: 1 / 0):
        signals = _Signals()
        runnable = _Runnable(work, signals)
        shiboken6.delete(signals)  # what quitting the application does to the objects waiting for the answer
        runnable.run()  # neither the result nor the failure may end as a traceback on the pool's thread
