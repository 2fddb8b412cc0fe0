"""The app as Windows runs it: one copy per database, closing for an installer or log-off, an empty tablet,
Qt's Russian texts, and a light look under Windows' dark mode."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import SIGNAL, QLibraryInfo
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QWidget,
)

from fieldact.store.db import open_database
from fieldact.store.repository import Store
from fieldact.ui import app as app_module
from fieldact.ui.context import AppContext
from fieldact.ui.instance import CLOSE, SHOW, SingleInstance, is_running, lock_path, request_path, tell_running
from fieldact.ui.shell import Shell
from fieldact.ui.theme import apply_theme

from .helpers import Clock, local, make_shell, save_shot

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_copy_on_the_same_database_brings_the_first_to_the_front(qtbot, tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    first = SingleInstance(db)
    assert first.acquire()
    assert lock_path(db) == tmp_path / "f.db.running" and lock_path(db).exists()
    assert not SingleInstance(db).acquire(), "a second copy on the same file must not run"
    other = SingleInstance(str(tmp_path / "other.db"))
    assert other.acquire(), "another database is another app"
    other.release()
    for message, signal in ((SHOW, first.show_requested), (CLOSE, first.close_requested)):
        answers: list[bool] = []
        # The later start runs in another process; here a thread, so that this thread's event loop can answer.
        sender = threading.Thread(target=lambda m=message, a=answers: a.append(tell_running(db, m)))
        with qtbot.waitSignal(signal, timeout=3000):
            sender.start()
        sender.join(timeout=5)
        assert answers == [True]
    first.poll.stop()  # a copy that hangs
    assert not tell_running(db, SHOW, answer_seconds=0.5), "a copy that does not answer is reported as such"
    assert not request_path(db).exists(), "an unanswered request is taken back"
    first.release()
    assert not tell_running(db, SHOW), "nobody answers once the first copy is gone"
    again = SingleInstance(db)
    assert again.acquire(), "the lock is free after the first copy ends"
    again.release()


def test_a_killed_copy_does_not_block_the_next_start(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    holder = (
        "import sys; from PySide6.QtCore import QLockFile; lock = QLockFile(sys.argv[1]); "
        "assert lock.tryLock(0); print('locked', flush=True); import time; time.sleep(60)"
    )
    process = subprocess.Popen([sys.executable, "-c", holder, str(lock_path(db))], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        assert not SingleInstance(db).acquire()
    finally:
        process.kill()
        process.wait()
    assert lock_path(db).exists(), "the killed copy left its lock file behind"
    survivor = SingleInstance(db)
    assert survivor.acquire(), "the lock of a killed copy is stale and taken over"
    survivor.release()


def _start_app(db: Path, *extra: str) -> subprocess.Popen[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    environment.pop("FIELDACT_CENTRAL_URL", None)
    environment["FIELDACT_CONFIG"] = str(db.parent / "no-central.toml")
    command = [sys.executable, "-m", "fieldact", *extra, "run", "--windowed", "--db", str(db)]
    return subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_lock(db: Path, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if is_running(str(db)):
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.2)
    raise AssertionError("the app did not start listening")


def test_the_real_app_runs_once_and_closes_for_the_installer(tmp_path: Path) -> None:
    db = tmp_path / "tablet.db"
    first = _start_app(db, "--lang", "en")
    try:
        _wait_for_lock(db, first)
        second = _start_app(db, "--lang", "en", "-platform", "offscreen")
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert "already running; it was brought to the front" in err
        assert first.poll() is None, "the first copy keeps running"

        environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen")
        closing = subprocess.run(
            [sys.executable, "-m", "fieldact", "--lang", "en", "close", "--db", str(db)],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert closing.returncode == 0 and "fieldact has closed." in closing.stdout, closing.stderr
        assert first.wait(timeout=30) == 0, "the app closes cleanly when the installer asks"
        again = subprocess.run(
            [sys.executable, "-m", "fieldact", "--lang", "en", "close", "--db", str(db)],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert again.returncode == 0 and "fieldact is not running." in again.stdout
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate()


def test_session_end_closes_the_kiosk_without_the_pin(qtbot, tmp_path: Path, standard, brand, monkeypatch) -> None:
    store = Store(open_database(tmp_path / "f.db"), standard, brand)
    shell = Shell(AppContext(store, Clock(local(brand, "2026-11-26T10:00"))), kiosk=True)
    qtbot.addWidget(shell)
    shell.show()
    shell.close()
    assert shell.isVisible(), "the kiosk refuses an ordinary close"
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    app = QApplication.instance()
    signal = SIGNAL("commitDataRequest(QSessionManager&)")
    before = app.receivers(signal)
    session_ending = app_module.close_on_session_end(app, shell)
    assert app.receivers(signal) == before + 1, "the handler listens to Qt's session-end request"
    session_ending(None)  # a QSessionManager cannot be made outside a real session
    assert not shell.isVisible(), "log-off and Restart Manager close the kiosk"
    qtbot.waitUntil(lambda: quits == [True], timeout=2000)
    app.commitDataRequest.disconnect(session_ending)
    store.database.dispose()


def test_an_empty_tablet_shows_what_to_do_and_no_demo_data(qtbot, tmp_path: Path, standard, brand) -> None:
    path = tmp_path / "new.db"
    store = app_module.open_store(str(path))
    assert store.technicians() == [], "a first start on a real tablet adds no demo technicians"
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    login = shell.login
    assert login.person_buttons() == []
    assert login.empty_note.isVisible()
    text = login.empty_note.text()
    assert "кодом из офиса" in text and "Подключить к серверу" in text, text
    assert login.enrol_button.isVisible(), "the way to connect the tablet is on its first screen"
    save_shot(shell, "login-empty")
    store.database.dispose()

    demo = app_module.open_store(str(tmp_path / "demo.db"), demo=True)
    assert len(demo.technicians()) == 3, "run --demo (make run) fills an empty database"
    demo.database.dispose()


def test_the_empty_screen_picks_up_a_technician_brought_by_sync(qtbot, tmp_path: Path, standard, brand) -> None:
    store = app_module.open_store(str(tmp_path / "new.db"))

    class FakeSync:
        def wake(self) -> None: ...

    shell = Shell(AppContext(store, Clock(local(brand, "2026-11-26T10:00")), sync=FakeSync()), kiosk=False)  # type: ignore[arg-type]
    qtbot.addWidget(shell)
    shell.show()
    assert "первой синхронизации" in shell.login.empty_note.text()
    assert shell.login.recheck.isActive()
    shell.login.recheck.setInterval(50)
    from fieldact.store.demo import fill

    fill(store)
    qtbot.waitUntil(lambda: len(shell.login.person_buttons()) == 3, timeout=3000)
    assert not shell.login.empty_note.isVisible() and not shell.login.recheck.isActive()
    store.database.dispose()


def test_qt_own_texts_are_russian(qapp) -> None:
    assert (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_ru.qm").is_file()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert "Отмена" in texts, texts


def _luminance(color: QColor) -> float:
    return 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()


def _readable(widget: QWidget) -> tuple[float, float]:
    palette = widget.palette()
    return (
        _luminance(palette.color(QPalette.ColorRole.Window)),
        _luminance(palette.color(QPalette.ColorRole.WindowText)),
    )


def test_windows_dark_mode_leaves_every_surface_light(qtbot, qapp, monkeypatch) -> None:
    saved_palette = qapp.palette()
    dark = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        dark.setColor(role, QColor("#202020"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        dark.setColor(role, QColor("#f0f0f0"))
    qapp.setPalette(dark)  # what Windows 11 in dark mode hands to Qt
    try:
        apply_theme(qapp)
        surfaces: list[QWidget] = [QMessageBox(QMessageBox.Icon.Warning, "fieldact", "Текст"), QMenu(), QComboBox()]
        calendar = QCalendarWidget()
        surfaces.append(calendar)
        combo = surfaces[2]
        assert isinstance(combo, QComboBox)
        combo.addItems(["один", "два"])
        surfaces.append(combo.view())
        for surface in surfaces:
            background, text = _readable(surface)
            assert background > 0.8 and text < 0.2, f"{type(surface).__name__}: {background:.2f} / {text:.2f}"
            base = surface.palette().color(QPalette.ColorRole.Base)
            assert _luminance(base) > 0.8
        tooltip = QApplication.palette("QToolTip")
        assert _luminance(tooltip.color(QPalette.ColorRole.ToolTipBase)) > 0.8
        calendar.resize(420, 320)
        calendar.show()
        save_shot(calendar, "dark-mode-calendar")
        image = calendar.grab().toImage()
        assert _luminance(image.pixelColor(image.width() // 2, image.height() // 2)) > 0.6
    finally:
        qapp.setPalette(saved_palette)
        apply_theme(qapp)
