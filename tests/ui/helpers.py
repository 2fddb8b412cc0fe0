"""Driving the app as a technician would: taps, typing, through the real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from fieldact.store.db import open_database
from fieldact.store.demo import fill
from fieldact.store.repository import Store
from fieldact.ui.context import AppContext
from fieldact.ui.shell import Shell
from fieldact.ui.widgets.item_row import ItemRow
from fieldact.ui.widgets.pin_pad import PinPad

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
DAY = date(2026, 11, 26)


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def make_store(path: Path, standard, brand) -> Store:
    store = Store(open_database(path), standard, brand)
    if not store.technicians():
        fill(store, today=DAY)
    return store


def make_shell(qtbot, store: Store, clock: Clock, size: tuple[int, int] = (1280, 800), kiosk: bool = False) -> Shell:
    shell = Shell(AppContext(store, clock), kiosk=kiosk)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    return shell


def local(brand, text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(brand.timezone))


def click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), f"{button.text()} hidden or disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()  # new widgets of a rebuilt screen are shown by a queued call


def sign_in(qtbot, shell: Shell, name: str, pin: str) -> None:
    button = next(b for b in shell.login.person_buttons() if b.text() == name)
    click(qtbot, button)
    pad = shell.login.pin_pad
    for digit in pin:
        click(qtbot, pad.keys[digit])
    click(qtbot, pad.keys["OK"])
    wait_checked(qtbot, pad)


def enter_pin(qtbot, pad: PinPad, pin: str) -> None:
    """Type ``pin`` and OK on the pad, and wait for its check (it runs off the UI thread)."""
    pad.enter(pin)
    wait_checked(qtbot, pad)


def wait_checked(qtbot, pad: PinPad) -> None:
    qtbot.waitUntil(lambda: not pad.checking, timeout=10000)
    QApplication.processEvents()  # the screen the check opens is shown by a queued call


def rows(shell: Shell) -> Iterator[ItemRow]:
    yield from list(shell.visit.rows.values())


def save_shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


def type_text(widget: QWidget, text: str) -> None:
    """Key events with the text of each character (QTest's keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def draw_signature(qtbot, pad: QWidget) -> None:
    """A signature with the mouse: a wave across most of the pad, then an underline."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    width, height = pad.width(), pad.height()
    left, right = int(width * 0.12), int(width * 0.85)
    points = [
        QPoint(left + (right - left) * i // 40, int(height * (0.45 + 0.2 * ((-1) ** i) * (i % 5) / 4)))
        for i in range(41)
    ]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point, 5)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    y = int(height * 0.75)
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(left, y))
    for step in range(1, 21):
        QTest.mouseMove(pad, QPoint(left + (right - left) * step // 20, y + step % 3), 5)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(right, y + 2))


class FrameSource:
    """A camera stand-in: pushes ``image`` into a capture view's session through QVideoFrameInput, 30 times a
    second, as a camera would deliver frames."""

    def __init__(self, view, image=None) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QSize, QTimer
        from PySide6.QtGui import QColor, QImage, QPainter
        from PySide6.QtMultimedia import QVideoFrameFormat, QVideoFrameInput

        if image is None:
            image = QImage(1280, 960, QImage.Format.Format_RGBA8888)
            image.fill(QColor(214, 206, 190))
            painter = QPainter(image)
            painter.fillRect(880, 100, 240, 860, QColor(130, 86, 52))
            painter.fillRect(0, 400, 1280, 16, QColor(250, 250, 250))
            painter.end()
        self.image = image.convertToFormat(QImage.Format.Format_RGBA8888)
        size = QSize(self.image.width(), self.image.height())
        self.input = QVideoFrameInput(QVideoFrameFormat(size, QVideoFrameFormat.PixelFormat.Format_RGBA8888))
        view.use_frames(self.input)
        self.timer = QTimer()
        self.timer.timeout.connect(self.push)
        self.timer.start(33)
        self.push()

    def push(self) -> None:
        from PySide6.QtMultimedia import QVideoFrame

        self.input.sendVideoFrame(QVideoFrame(self.image))

    def stop(self) -> None:
        self.timer.stop()


def take_photos(qtbot, shell: Shell, key: str, count: int = 1) -> None:
    """Open the item's camera, take ``count`` photos through the capture session, close it."""
    click(qtbot, shell.visit.photo_strips[key].open_camera)
    screen = shell.visit.photo_screen
    assert screen is not None
    source = FrameSource(screen.camera)
    for taken in range(screen.thumbs.count() + 1, screen.thumbs.count() + count + 1):
        qtbot.waitUntil(lambda: screen.camera.shutter.isEnabled(), timeout=5000)
        click(qtbot, screen.camera.shutter)
        qtbot.waitUntil(lambda taken=taken: screen.thumbs.count() == taken, timeout=10000)
    source.stop()
    click(qtbot, screen.done)
