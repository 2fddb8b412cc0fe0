"""App start to the first screen, and the longest UI-thread handler during a full scripted visit with signing.

Prints one JSON line: startup_s (a second start, on an existing database), first_start_s (an empty database,
demo data with signed acts created), max_handler_ms and the event that took it, and scroll_frame_ms: the
longest frame while a finger's fling scrolls stage 4 of a full connection visit (scroll_frame_cpu_ms: the
same frame's CPU time in the UI thread, which a busy machine does not inflate).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# As ``fieldact run`` starts: ``fieldact.__main__`` reads the app's options (fieldact.launch), then the app (and Qt).
CHILD = """
import sys
import fieldact.__main__
from fieldact.launch import app_start
assert app_start(["run", "--demo"]) is not None
from fieldact.ui.app import create_application, open_store
from PySide6.QtCore import QTimer
from fieldact.ui.context import AppContext
from fieldact.ui.shell import Shell
app = create_application("ru")
shell = Shell(AppContext(open_store(sys.argv[1], demo=True)), kiosk=False)
shell.resize(1280, 800)
shell.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def wait_for(app, condition, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Let the event loop run until ``condition`` holds (work that runs off the UI thread), at most ``seconds``."""
    deadline = time.perf_counter() + seconds
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def startup(db: Path, bytecode: Path) -> float:
    """One start of the app on ``db`` until its first screen is shown. Python's compiled modules are kept in
    ``bytecode``, as an installed app has them (pip and the bundle compile at install; a development shell
    may say PYTHONDONTWRITEBYTECODE), so the second start measures starting, not compiling our sources."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"the app did not show its first screen: {line!r}")
    return elapsed


def scripted_visit(db: Path) -> tuple[float, str]:
    """Drive a whole connection visit through the widgets, timing each piece of UI-thread work.

    Every click, key and event-loop pass is timed on its own; a pass may run several queued events, so the
    figure is an upper bound of the longest single handler.
    """
    from PySide6.QtCore import QEvent, QPoint, Qt
    from PySide6.QtTest import QTest

    from fieldact.ui.app import create_application, open_store
    from fieldact.ui.context import AppContext
    from fieldact.ui.shell import Shell

    app = create_application("ru")
    store = open_store(str(db))
    zone = ZoneInfo(store.brand.timezone)
    shell = Shell(AppContext(store, lambda: datetime.now(zone).replace(hour=16, minute=50)), kiosk=False)
    shell.resize(1280, 800)
    shell.show()
    app.processEvents()
    worst = [0.0, ""]

    def timed(label: str, work) -> None:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        work()
        took = (time.perf_counter() - started) * 1000
        if took > worst[0]:
            worst[:] = [took, label]

    def settle() -> None:
        timed("event loop pass", app.processEvents)

    def click(button) -> None:  # type: ignore[no-untyped-def]
        timed(f"click «{button.text()}»", lambda: QTest.mouseClick(button, Qt.MouseButton.LeftButton))
        settle()

    def type_into(widget, text: str) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtGui import QKeyEvent

        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                timed("key", lambda e=event: app.sendEvent(widget, e))
        settle()

    click(next(b for b in shell.login.person_buttons() if b.text() == "Петров Пётр"))
    for digit in "1111":
        click(shell.login.pin_pad.keys[digit])
    click(shell.login.pin_pad.keys["OK"])
    wait_for(app, lambda: not shell.login.pin_pad.checking)  # the PIN is checked off the UI thread
    visit = next(v for v in shell.day.visits if len(v.services) == 3)
    timed("open the visit", lambda: shell.day.open_visit.emit(visit.id))
    settle()
    evidence = {
        "channels": lambda e: type_into(e.field, "Первый, НТВ"),
        "speed": lambda e: (type_into(e.down, "94,2"), type_into(e.up, "91")),
        "test_call": lambda e: (e.incoming.setChecked(True), e.outgoing.setChecked(True)),
        "cable_labels": lambda e: e.spin.setValue(2),
        "cable_route": lambda e: type_into(e.field, "по плинтусу"),
        "tariff": lambda e: type_into(e.field, "Интернет 100"),
        "debris_removed": lambda e: e.removed.setChecked(True),
        "apps": lambda e: [box.setChecked(True) for box in e.boxes.values()],
    }
    from PIL import Image

    from fieldact.ui.capture import Frame
    from fieldact.ui.precall_panel import PrecallPanel

    picture = Image.new("RGB", (1600, 1200), (214, 206, 190))

    def take_photos(entry) -> None:  # type: ignore[no-untyped-def]
        """The photos the item needs, each a frame handed to the capture screen as its shutter does."""
        rule = entry.item.photos
        if rule is None or not rule.min or entry.key not in shell.visit.photo_strips:
            return
        screen = shell.visit.open_photos(entry.key)
        for taken in range(1, rule.min + 1):
            timed("photo taken", lambda: screen._taken(Frame(image=picture)))
            deadline = time.monotonic() + 30
            while screen.thumbs.count() < taken and time.monotonic() < deadline:
                settle()
        click(screen.done)

    while True:
        settle()
        if shell.visit.visit.stage_index == 0:  # stage 1 is measured: the pre-call's outcome and «I am here»
            click(shell.visit.findChild(PrecallPanel).reached)
            click(shell.visit.arrive_button)
        for row in list(shell.visit.rows.values()):
            if row.undo.isVisible() or not row.isEnabled() or row.isHidden():
                continue
            fill = evidence.get(row.entry.item.evidence.value)
            if fill is not None:
                fill(row.editor)
            take_photos(row.entry)
            click(row.done)
        if not shell.visit.next_button.isVisible():
            break
        click(shell.visit.next_button)
    click(shell.visit.review_button)
    deadline = time.monotonic() + 30
    while not shell.review.hand_button.isEnabled() and time.monotonic() < deadline:
        settle()
    click(shell.review.hand_button)
    pad = shell.signing.field.pad
    left = Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    timed("pen down", lambda: QTest.mousePress(pad, left, none, QPoint(150, 200)))
    for step in range(1, 120):
        point = QPoint(150 + step * 7, 200 + (step % 20) * 6 - 60)
        timed("pen move", lambda p=point: QTest.mouseMove(pad, p, 2))
    timed("pen up", lambda: QTest.mouseRelease(pad, left, none, QPoint(980, 220)))
    settle()
    click(shell.signing.sign_button)
    deadline = time.monotonic() + 30
    while shell.stack.currentWidget() is not shell.done and time.monotonic() < deadline:
        settle()
    if shell.stack.currentWidget() is not shell.done:
        raise SystemExit(f"the visit did not reach the signed screen: {shell.signing.message.text()}")
    click(shell.done.finish)
    return worst[0], str(worst[1])


def fling(db: Path) -> tuple[float, float]:
    """A finger flings stage 4 of the full connection visit up and lets it run out; every event-loop pass
    (touch handling, the scroller's step, the repaint) is one frame. Returns the longest frame on the wall
    clock and in the UI thread's own CPU time (the two differ only when other processes share the cores)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QScroller

    from fieldact.ui.app import create_application, open_store
    from fieldact.ui.context import AppContext
    from fieldact.ui.shell import Shell

    app = create_application("ru")
    store = open_store(str(db))
    zone = ZoneInfo(store.brand.timezone)
    shell = Shell(AppContext(store, lambda: datetime.now(zone).replace(hour=16, minute=50)), kiosk=False)
    shell.resize(1280, 800)
    shell.show()
    shell.login.choose(next(t for t in store.technicians() if t.surname == "Петров"))
    shell.login.pin_pad.enter("1111")
    wait_for(app, lambda: not shell.login.pin_pad.checking)
    visit = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.open_visit(visit.id)
    shell.visit._move_to(3, completed=None)
    for _ in range(5):
        app.processEvents()
    area = shell.visit.scroll
    device = QTest.createTouchDevice()
    window = shell.windowHandle()
    start = area.viewport().mapTo(shell, QPoint(area.viewport().width() // 2, area.viewport().height() - 30))
    worst = worst_cpu = 0.0

    def frame(work) -> None:  # type: ignore[no-untyped-def]
        nonlocal worst, worst_cpu
        started, cpu = time.perf_counter(), time.thread_time()
        work()
        app.processEvents()
        worst = max(worst, (time.perf_counter() - started) * 1000)
        worst_cpu = max(worst_cpu, (time.thread_time() - cpu) * 1000)

    frame(lambda: QTest.touchEvent(window, device).press(0, start, window))
    for step in range(1, 9):
        time.sleep(0.008)
        point = start - QPoint(0, 60 * step)
        frame(lambda p=point: QTest.touchEvent(window, device).move(0, p, window))
    frame(lambda: QTest.touchEvent(window, device).release(0, start - QPoint(0, 480), window))
    scroller = QScroller.scroller(area)
    deadline = time.monotonic() + 5
    while scroller.state() != QScroller.State.Inactive and time.monotonic() < deadline:
        time.sleep(0.004)
        frame(lambda: None)
    if area.verticalScrollBar().value() < 300:
        raise SystemExit(f"the fling did not scroll the stage: {area.verticalScrollBar().value()} px")
    shell.close()
    return worst, worst_cpu


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        bytecode = Path(folder) / "bytecode"
        first = startup(db, bytecode)
        second = min(startup(db, bytecode) for _ in range(3))
        untouched = Path(folder) / "fling.db"
        shutil.copyfile(db, untouched)
        worst, event = scripted_visit(db)
        scroll, scroll_cpu = fling(untouched)
    print(
        json.dumps(
            {
                "startup_s": round(second, 3),
                "first_start_s": round(first, 3),
                "max_handler_ms": round(worst, 1),
                "max_handler_event": event,
                "scroll_frame_ms": round(scroll, 1),
                "scroll_frame_cpu_ms": round(scroll_cpu, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
