"""The signature pad driven through real Qt events: tablet, touch and mouse.

Run as a script (``python tests/ui/test_signature_pad.py OUT.png``) it signs a pad and saves a grab;
the screenshot test does that in a subprocess with QT_SCALE_FACTOR=2 to get a real 2x pad.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QInputDevice,
    QMouseEvent,
    QPaintEvent,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import fieldact.ui.signature_pad as pad_module
from fieldact.ink import PointerType, QualityCode, decode, encode, segments_for, sha256
from fieldact.ui.signature_pad import PEN_NEAR_MS, SignatureField, SignaturePad

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
PAD_SIZE = (600, 300)
Point = tuple[float, float]


class ManualClock:
    """The pad's monotonic clock, moved by the test: 5 ms per event like a 200 Hz pen."""

    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float = 5.0) -> None:
        self.now += ms


def make_stylus() -> QPointingDevice:
    caps = (
        QInputDevice.Capability.Position
        | QInputDevice.Capability.Pressure
        | QInputDevice.Capability.XTilt
        | QInputDevice.Capability.YTilt
    )
    return QPointingDevice(
        "test stylus", 4711, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen, caps, 1, 3
    )


class Hand:
    """Sends pen, finger and mouse input to a pad the way Qt delivers it, advancing the clock per event."""

    def __init__(self, pad: SignaturePad, clock: ManualClock, stylus: QPointingDevice, touch: QPointingDevice):
        self.pad, self.clock, self.stylus, self.touch = pad, clock, stylus, touch

    def tablet(self, kind: QEvent.Type, x: float, y: float, pressure: float, tilt: Point = (12.0, -7.0)) -> None:
        self.clock.advance()
        down = Qt.MouseButton.LeftButton if pressure > 0 else Qt.MouseButton.NoButton  # zero: lifted or hovering
        event = QTabletEvent(
            kind,
            self.stylus,
            QPointF(x, y),
            self.pad.mapToGlobal(QPointF(x, y)),
            pressure,
            tilt[0],
            tilt[1],
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            down,
        )
        QApplication.sendEvent(self.pad, event)
        QApplication.processEvents()

    def pen_away(self) -> None:
        """Let the palm-rejection window after the last pen event pass."""
        self.clock.advance(PEN_NEAR_MS)

    def proximity(self, kind: QEvent.Type) -> None:
        """Proximity events go to the application, never to a widget."""
        self.clock.advance()
        event = QTabletEvent(
            kind,
            self.stylus,
            QPointF(),
            QPointF(),
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
        )
        QApplication.sendEvent(QApplication.instance(), event)

    def pen_stroke(self, points: Iterable[tuple[float, float, float]]) -> None:
        points = list(points)
        for index, (x, y, pressure) in enumerate(points):
            self.tablet(QEvent.Type.TabletPress if index == 0 else QEvent.Type.TabletMove, x, y, pressure)
        x, y, _ = points[-1]
        self.tablet(QEvent.Type.TabletRelease, x, y, 0.0)

    def finger_stroke(self, points: Iterable[Point], touch_id: int = 0) -> None:
        points = [QPoint(round(x), round(y)) for x, y in points]
        self._touch(lambda seq: seq.press(touch_id, points[0], self.pad))
        for point in points[1:]:
            self._touch(lambda seq, p=point: seq.move(touch_id, p, self.pad))
        self._touch(lambda seq: seq.release(touch_id, points[-1], self.pad))

    def _touch(self, action) -> None:
        self.clock.advance()
        action(QTest.touchEvent(self.pad, self.touch)).commit()
        QApplication.processEvents()

    def mouse_stroke(self, points: Iterable[Point]) -> None:
        points = [QPoint(round(x), round(y)) for x, y in points]
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        self.clock.advance()
        QTest.mousePress(self.pad, left, none, points[0])
        for point in points[1:]:
            self.clock.advance()
            QTest.mouseMove(self.pad, point)
        self.clock.advance()
        QTest.mouseRelease(self.pad, left, none, points[-1])
        QApplication.processEvents()


@pytest.fixture(scope="module")
def devices(qapp) -> Iterator[tuple[QPointingDevice, QPointingDevice]]:
    yield make_stylus(), QTest.createTouchDevice()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def pad(qtbot, clock: ManualClock) -> SignaturePad:
    widget = SignaturePad(clock=clock)
    qtbot.addWidget(widget)
    widget.resize(*PAD_SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def hand(pad: SignaturePad, clock: ManualClock, devices) -> Hand:
    return Hand(pad, clock, *devices)


def wave(x0: float, x1: float, y: float, amplitude: float, count: int = 40) -> list[Point]:
    return [
        (x0 + (x1 - x0) * i / (count - 1), y + amplitude * math.sin(6 * math.pi * i / (count - 1)))
        for i in range(count)
    ]


def with_pressure(points: Iterable[Point]) -> list[tuple[float, float, float]]:
    return [(x, y, round(0.3 + 0.6 * abs(math.sin(i / 5)), 3)) for i, (x, y) in enumerate(points)]


def is_ink(color: QColor) -> bool:
    return color.blue() - color.red() > 40 and color.lightness() < 180


def ink_pixels_near(image: QImage, x: float, y: float, radius: int = 2) -> int:
    ratio = image.devicePixelRatio()
    cx, cy = round(x * ratio), round(y * ratio)
    return sum(
        is_ink(image.pixelColor(cx + dx, cy + dy))
        for dx in range(-radius, radius + 1)
        for dy in range(-radius, radius + 1)
    )


# --- input paths -------------------------------------------------------------------------------------


def test_pen_stroke_keeps_every_sample_with_time_pressure_and_tilt(pad: SignaturePad, hand: Hand) -> None:
    points = with_pressure(wave(60, 540, 150, 60))
    start = hand.clock.now
    with_changed = []
    pad.changed.connect(lambda: with_changed.append(True))
    hand.pen_stroke(points)

    signature = pad.signature()
    assert len(signature.strokes) == 1 and with_changed == [True]
    stroke = signature.strokes[0]
    assert stroke.pointer is PointerType.PEN
    assert len(stroke.samples) == len(points) + 1  # press, moves and the lift-off
    for sample, (x, y, pressure) in zip(stroke.samples, points, strict=False):
        assert (sample.x, sample.y) == pytest.approx((x, y))
        assert sample.pressure == pytest.approx(pressure)
        assert (sample.tilt_x, sample.tilt_y) == (12.0, -7.0)
    assert [s.t_ms for s in stroke.samples] == [start + 5.0 * (i + 1) for i in range(len(points) + 1)]
    assert stroke.samples[-1].pressure == 0.0
    assert signature.context.pressure_real
    assert signature.context.pointer_types == {PointerType.PEN}


def test_pen_with_constant_pressure_is_not_real_pressure(pad: SignaturePad, hand: Hand) -> None:
    hand.pen_stroke((x, y, 1.0) for x, y in wave(60, 540, 150, 60))
    assert not pad.signature().context.pressure_real
    assert_image_matches_model(pad)


def test_finger_stroke_from_touch_events(pad: SignaturePad, hand: Hand) -> None:
    points = wave(50, 550, 160, 50, count=30)
    hand.finger_stroke(points)

    strokes = pad.signature().strokes
    assert len(strokes) == 1
    assert strokes[0].pointer is PointerType.TOUCH
    assert [(s.x, s.y) for s in strokes[0].samples] == [(round(x), round(y)) for x, y in [*points, points[-1]]]
    assert all(s.pressure is None for s in strokes[0].samples)  # the test screen reports no pressure
    assert not pad.signature().context.pressure_real


def test_second_finger_does_not_draw(pad: SignaturePad, hand: Hand) -> None:
    touch = lambda action: hand._touch(action)  # noqa: E731
    touch(lambda seq: seq.press(0, QPoint(100, 100), pad))
    touch(lambda seq: seq.stationary(0).press(1, QPoint(400, 200), pad))
    touch(lambda seq: seq.move(0, QPoint(150, 120), pad).move(1, QPoint(450, 220), pad))
    touch(lambda seq: seq.release(0, QPoint(150, 120), pad).release(1, QPoint(450, 220), pad))

    strokes = pad.signature().strokes
    assert len(strokes) == 1
    assert [(s.x, s.y) for s in strokes[0].samples] == [(100, 100), (150, 120), (150, 120)]


def test_mouse_drags_make_strokes(pad: SignaturePad, hand: Hand) -> None:
    hand.mouse_stroke(wave(40, 300, 120, 40, count=20))
    hand.mouse_stroke(wave(320, 560, 200, 30, count=15))

    strokes = pad.signature().strokes
    assert [s.pointer for s in strokes] == [PointerType.MOUSE, PointerType.MOUSE]
    assert [len(s.samples) for s in strokes] == [21, 16]
    assert all(s.pressure is None and s.tilt_x is None for s in pad.signature().samples())


def test_mouse_made_up_from_touch_or_pen_is_ignored(pad: SignaturePad, hand: Hand) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    synthesized = [
        QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(50, 50),
            QPointF(50, 50),
            QPointF(50, 50),
            left,
            left,
            none,
            Qt.MouseEventSource.MouseEventSynthesizedBySystem,
        ),
        QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(60, 60), QPointF(60, 60), left, left, none, hand.touch),
        QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(70, 70), QPointF(70, 70), left, left, none, hand.stylus),
    ]
    for event in synthesized:
        QApplication.sendEvent(pad, event)
    assert pad.is_empty()


def test_changing_pointer_starts_a_new_stroke(pad: SignaturePad, hand: Hand) -> None:
    hand.tablet(QEvent.Type.TabletPress, 100, 100, 0.5)
    hand.tablet(QEvent.Type.TabletMove, 140, 110, 0.6)
    hand.mouse_stroke([(200, 150), (260, 170)])

    strokes = pad.signature().strokes
    assert [(s.pointer, len(s.samples)) for s in strokes] == [(PointerType.PEN, 2), (PointerType.MOUSE, 3)]
    hand.tablet(QEvent.Type.TabletMove, 180, 120, 0.6)  # the pen's stroke ended; a stray move adds nothing
    assert pad.signature().sample_count == 5


def test_pen_hovering_after_a_lost_release_ends_the_stroke(pad: SignaturePad, hand: Hand) -> None:
    hand.tablet(QEvent.Type.TabletPress, 100, 100, 0.5)
    hand.tablet(QEvent.Type.TabletMove, 140, 110, 0.6)
    hand.tablet(QEvent.Type.TabletMove, 180, 120, 0.0)

    strokes = pad.signature().strokes
    assert [len(s.samples) for s in strokes] == [2]
    assert_image_matches_model(pad)


def test_pad_asks_for_every_sample(pad: SignaturePad) -> None:
    assert not QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_CompressTabletEvents)
    assert not QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents)
    assert pad.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    assert pad.hasTabletTracking()


# --- palm rejection ----------------------------------------------------------------------------------


def test_touch_is_ignored_while_the_pen_is_in_proximity(pad: SignaturePad, hand: Hand) -> None:
    hand.proximity(QEvent.Type.TabletEnterProximity)
    hand.clock.advance(PEN_NEAR_MS * 2)
    hand.finger_stroke(wave(50, 550, 160, 50, count=10))
    assert pad.is_empty()

    hand.proximity(QEvent.Type.TabletLeaveProximity)
    hand.finger_stroke(wave(50, 550, 160, 50, count=10))
    assert pad.is_empty(), "touches right after the pen left are still the palm"

    hand.clock.advance(PEN_NEAR_MS)
    hand.finger_stroke(wave(50, 550, 160, 50, count=10))
    assert [s.pointer for s in pad.signature().strokes] == [PointerType.TOUCH]


def test_touch_is_ignored_right_after_pen_events(pad: SignaturePad, hand: Hand) -> None:
    hand.tablet(QEvent.Type.TabletMove, 300, 100, 0.0)  # hovering, no proximity event seen
    hand.finger_stroke([(100, 200), (200, 220)])
    assert pad.is_empty()


def test_a_palm_already_down_is_dropped_when_the_pen_arrives(pad: SignaturePad, hand: Hand) -> None:
    hand._touch(lambda seq: seq.press(0, QPoint(400, 250), pad))
    hand._touch(lambda seq: seq.move(0, QPoint(420, 260), pad))
    hand.proximity(QEvent.Type.TabletEnterProximity)
    hand.pen_stroke(with_pressure(wave(60, 300, 120, 30, count=10)))
    hand._touch(lambda seq: seq.release(0, QPoint(430, 262), pad))

    assert [s.pointer for s in pad.signature().strokes] == [PointerType.PEN]
    assert_image_matches_model(pad)


# --- drawing -----------------------------------------------------------------------------------------


def test_ink_is_painted_where_the_stroke_went(pad: SignaturePad, hand: Hand) -> None:
    hand.mouse_stroke([(100 + 10 * i, 80) for i in range(31)])
    image = pad.grab().toImage()
    for x in range(100, 401, 25):
        assert ink_pixels_near(image, x, 80) > 0, f"no ink at ({x}, 80)"
    assert ink_pixels_near(image, 250, 40, radius=6) == 0
    assert ink_pixels_near(image, 500, 80, radius=6) == 0


def test_a_tap_paints_a_dot(pad: SignaturePad, hand: Hand) -> None:
    hand.pen_stroke([(300, 100, 0.6)])
    assert pad.problem().code is QualityCode.DOT
    assert ink_pixels_near(pad.grab().toImage(), 300, 100, radius=1) >= 4


def test_each_event_repaints_only_its_dirty_rectangle(pad: SignaturePad, hand: Hand, monkeypatch) -> None:
    hand.pen_stroke(with_pressure(wave(60, 540, 150, 60)))  # the first ink also hides the hint
    full_redraws: list[int] = []
    original = pad_module.segments_for
    monkeypatch.setattr(pad_module, "segments_for", lambda *a, **k: full_redraws.append(1) or original(*a, **k))
    painted: list[QRect] = []
    original_paint = pad.paintEvent

    def recording_paint(event: QPaintEvent) -> None:
        painted.append(event.rect())
        original_paint(event)

    monkeypatch.setattr(pad, "paintEvent", recording_paint)
    hand.pen_stroke(with_pressure(wave(60, 540, 230, 20, count=60)))

    assert full_redraws == []
    assert len(painted) >= 50
    assert max(r.width() * r.height() for r in painted) < 60 * 60
    assert_image_matches_model(pad)


def test_resize_keeps_the_signature_and_redraws_it(pad: SignaturePad, hand: Hand, qtbot) -> None:
    hand.pen_stroke(with_pressure(wave(60, 540, 150, 60)))
    hand.pen_away()
    hand.finger_stroke([(80, 250), (300, 240), (520, 250)])
    before = pad.signature()

    pad.resize(320, 420)  # rotated to portrait: the right half of the ink is clipped, not lost
    assert pad.size().width() == 320
    assert pad.signature().strokes == before.strokes
    assert ink_pixels_near(pad.grab().toImage(), 80, 250) > 0

    pad.resize(800, 400)
    assert pad.signature().strokes == before.strokes
    image = pad.grab().toImage()
    assert ink_pixels_near(image, 520, 250) > 0
    assert_image_matches_model(pad)


def test_undo_and_clear(pad: SignaturePad, hand: Hand) -> None:
    changes: list[bool] = []
    pad.changed.connect(lambda: changes.append(True))
    hand.mouse_stroke(wave(40, 300, 120, 40, count=20))
    hand.finger_stroke(wave(320, 560, 200, 30, count=15))
    assert len(pad.signature().strokes) == 2

    pad.undo()
    assert [s.pointer for s in pad.signature().strokes] == [PointerType.MOUSE]
    assert ink_pixels_near(pad.grab().toImage(), 560, 200, radius=4) == 0
    assert_image_matches_model(pad)

    pad.clear()
    assert pad.is_empty() and pad.signature().is_empty
    assert ink_pixels_near(pad.grab().toImage(), 170, 120, radius=40) == 0
    pad.undo()  # nothing left: no change
    assert len(changes) == 4


def test_signature_field_buttons(qtbot, clock: ManualClock) -> None:
    field = SignatureField(pad=SignaturePad(clock=clock))
    qtbot.addWidget(field)
    field.resize(700, 400)
    field.show()
    assert not field.undo_button.isEnabled()
    assert (field.undo_button.text(), field.clear_button.text()) == ("Отменить штрих", "Очистить")
    qtbot.mousePress(field.pad, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    qtbot.mouseRelease(field.pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 80))
    assert field.undo_button.isEnabled()
    qtbot.mouseClick(field.clear_button, Qt.MouseButton.LeftButton)
    assert field.pad.is_empty() and not field.clear_button.isEnabled()


def test_hint_is_translated(pad: SignaturePad) -> None:
    assert pad.tr("Sign here") == "Подпишите здесь"


# --- the signature as evidence -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("strokes", "code"),
    [
        ([], QualityCode.EMPTY),
        ([[(300, 150)]], QualityCode.DOT),
        ([[(300, 150), (301, 151), (299, 150)], [(300, 152)]], QualityCode.DOT),
        ([wave(280, 330, 150, 8, count=12)], QualityCode.TOO_SMALL),
        ([[(100, 100), (280, 100), (280, 140)]], QualityCode.TOO_SHORT),
        ([wave(60, 540, 150, 60)], None),
    ],
    ids=["empty", "dot", "scribble-dot", "too-small", "too-short", "good"],
)
def test_quality_refusals(pad: SignaturePad, hand: Hand, strokes: list[list[Point]], code: QualityCode | None) -> None:
    for points in strokes:
        hand.mouse_stroke(points)
    problem = pad.problem()
    assert (problem.code if problem else None) is code
    if problem is not None:
        assert problem.message("ru").endswith(("в рамке", "полностью", "крупнее"))


def test_signature_round_trips_through_the_codec(pad: SignaturePad, hand: Hand) -> None:
    before = datetime.now(UTC)
    hand.pen_stroke(with_pressure(wave(60, 540, 150, 60)))
    hand.pen_away()
    hand.finger_stroke([(80, 250), (300, 240), (520, 250)])
    hand.mouse_stroke([(450, 60), (500, 70)])
    signature = pad.signature()

    context = signature.context
    dpi = pad.screen().physicalDotsPerInch()
    assert (context.pad_width_px, context.pad_height_px) == PAD_SIZE
    assert context.pad_width_mm == pytest.approx(PAD_SIZE[0] / dpi * 25.4)
    assert context.device_pixel_ratio == pad.devicePixelRatioF()
    assert context.pointer_types == set(PointerType)
    assert context.pressure_real
    assert before - timedelta(seconds=1) <= context.started_at_utc <= datetime.now(UTC)

    data = encode(signature)
    assert decode(data) == signature
    assert sha256(decode(data)) == sha256(signature)


def assert_image_matches_model(pad: SignaturePad) -> None:
    """The incrementally painted image equals a full redraw of the model."""
    pad.grab()
    incremental = pad_module.QImage(pad._image)
    pad._render_all()
    assert incremental == pad._image
    assert segments_for(pad.signature())  # the model itself draws


# --- screenshots -------------------------------------------------------------------------------------


def sign_like_a_subscriber(hand: Hand) -> None:
    """A pen signature with a capital, joined loops, a dot and a finger underline."""
    capital = [(70 + 40 * math.sin(math.pi * t / 30), 60 + 130 * t / 30) for t in range(31)]
    hand.pen_stroke((x, y, 0.35 + 0.5 * math.sin(math.pi * i / 30)) for i, (x, y) in enumerate(capital))
    loops = []
    for i in range(160):
        t = i / 159
        x = 120 + 340 * t + 22 * math.sin(2 * math.pi * 7 * t)
        y = 150 - 38 * abs(math.sin(math.pi * 7 * t)) * (1 - 0.4 * t) + 18 * math.cos(2 * math.pi * 7 * t)
        loops.append((x, y, 0.25 + 0.65 * abs(math.sin(math.pi * 3.5 * t + 0.3))))
    hand.pen_stroke(loops)
    hand.pen_stroke([(330, 70, 0.7)])
    hand.pen_away()
    hand.finger_stroke([(95 + 10 * i, 222 - 16 * math.sin(math.pi * i / 46) + 0.2 * i) for i in range(47)])


def save_signed_pad(path: Path) -> tuple[float, tuple[int, int]]:
    """Sign a fresh pad and save its grab; returns the device pixel ratio and the image size."""
    clock = ManualClock()
    pad = SignaturePad(clock=clock)
    pad.resize(*PAD_SIZE)
    pad.show()
    QTest.qWaitForWindowExposed(pad)
    sign_like_a_subscriber(Hand(pad, clock, make_stylus(), QTest.createTouchDevice()))
    image = pad.grab().toImage()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    return pad.devicePixelRatioF(), (image.width(), image.height())


def test_screenshots_at_1x_and_2x(qtbot) -> None:
    empty = SignaturePad()
    qtbot.addWidget(empty)
    empty.resize(*PAD_SIZE)
    SHOTS.mkdir(exist_ok=True)
    empty.grab().save(str(SHOTS / "signature_pad_empty.png"))

    ratio, size = save_signed_pad(SHOTS / "signature_pad_1x.png")
    assert (ratio, size) == (1.0, PAD_SIZE)

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    out = SHOTS / "signature_pad_2x.png"
    result = subprocess.run(
        [sys.executable, __file__, str(out)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2.0", str(2 * PAD_SIZE[0]), str(2 * PAD_SIZE[1])]
    image = QImage(str(out))
    assert image.size().width() == 2 * PAD_SIZE[0]


if __name__ == "__main__":
    from fieldact.ui.app import create_application

    app = create_application("ru")
    ratio, (width, height) = save_signed_pad(Path(sys.argv[1]))
    print(ratio, width, height)
