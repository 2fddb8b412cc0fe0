"""The signature pad: the subscriber signs on the tablet with a finger, a stylus or a mouse.

Input. QTabletEvent (pressure, tilt), QTouchEvent (the first finger down draws) and QMouseEvent. Mouse
events that Qt or Windows synthesized from a touch or a pen are ignored, so one contact never makes two
strokes. Every sample received goes into the model as an ``ink.Sample``; a stroke is one contact from
press to release, and a change of pointer type starts a new one. Creating a pad turns off Qt's tablet
and high-frequency event compression for the whole application (see ``disable_event_compression``).

Drawing. Committed ink lives in a QImage at device resolution. Each sample draws only the segments
``StrokeBuilder.add`` returns into it and schedules a repaint of their bounding box; ``paintEvent`` only
blits that region and draws the builder's short ``preview`` tail, so the cost of an event does not grow
with the signature. The whole image is rebuilt from the model (``ink.segments_for``, the same segments
the PDF gets) only on resize, rotation, a device-pixel-ratio change, undo and clear.

Resizing keeps logical coordinates: the ink is never rescaled, so a pad that gets smaller than the ink
clips it on screen while the model keeps every sample, and it shows again when the pad grows back.

Palm rejection. While a pen is in proximity (TabletEnterProximity/LeaveProximity, watched with an
application event filter while the pad is visible) or any tablet event came within ``PEN_NEAR_MS``,
touches are ignored, and a finger stroke still in progress when the pen arrives is dropped as a palm.

Windows. While the pad is visible, press-and-hold right click, pen feedback and flicks are turned off
for its top-level window through the ``MicrosoftTabletPenServiceProperty`` window property (the Tablet PC
way to do it); Qt's TapAndHoldGesture is not grabbed. On other systems this does nothing.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QLineF, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEventPoint,
    QFont,
    QImage,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QResizeEvent,
    QShowEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from fieldact.ink import (
    DEFAULT_PEN,
    DEFAULT_RULES,
    CaptureContext,
    InkPen,
    PointerType,
    QualityProblem,
    QualityRules,
    Sample,
    Segment,
    Signature,
    Stroke,
    StrokeBuilder,
    check_quality,
    segments_for,
)
from fieldact.ui.compat import guard_none_refcount

PEN_NEAR_MS = 500.0
# A pen in proximity that has sent nothing for this long is treated as gone, so a lost
# LeaveProximity can never lock finger signing out.
PROXIMITY_STALE_MS = 3000.0

INK_COLOR = QColor("#14286e")
PAPER_COLOR = QColor("#ffffff")
BORDER_COLOR = QColor("#d5dbe3")
GUIDE_COLOR = QColor("#aab4c0")
HINT_COLOR = QColor("#8a96a3")

_BASELINE_FROM_TOP = 0.72
_BASELINE_MARGIN = 0.07
# Antialiasing touches up to a pixel beyond a line's geometric edge.
_DIRTY_MARGIN = 2.0
_DEFAULT_DPI = 96.0
_MM_PER_INCH = 25.4

_TOUCH_EVENTS = frozenset(
    {QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}
)
_TABLET_EVENTS = frozenset(
    {
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
        QEvent.Type.TabletEnterProximity,
        QEvent.Type.TabletLeaveProximity,
    }
)
_NOT_A_MOUSE = frozenset(
    {
        QInputDevice.DeviceType.TouchScreen,
        QInputDevice.DeviceType.Stylus,
        QInputDevice.DeviceType.Airbrush,
        QInputDevice.DeviceType.Puck,
    }
)


def monotonic_ms() -> float:
    """Milliseconds on a monotonic clock, whole microseconds (which the ink codec stores compactly)."""
    # perf_counter is monotonic with sub-microsecond resolution; time.monotonic ticks in 15.6 ms
    # steps on Windows before Python 3.13, which would make every pen speed zero or infinite.
    return time.perf_counter_ns() // 1000 / 1000


def disable_event_compression() -> None:
    """Have Qt deliver every pen, touch and mouse sample instead of merging queued moves into one.

    These are application-wide switches; the pad sets them when it is created because it is the one
    place where merged samples are lost ink. Other screens barely notice a few more move events.
    """
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_CompressTabletEvents, False)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents, False)


# Windows TABLET_DISABLE_* flags: press-and-hold, pen tap feedback, pen barrel feedback, flicks.
_TABLET_DISABLE_FLAGS = 0x00000001 | 0x00000008 | 0x00000010 | 0x00010000
_PEN_SERVICE_PROPERTY = "MicrosoftTabletPenServiceProperty"


def set_press_and_hold(window: QWidget, *, enabled: bool) -> None:
    """Windows only: turn press-and-hold right click (and pen feedback, flicks) off or on for a window.

    Windows reads this window property when a pen or finger goes down; elsewhere this does nothing.
    """
    if sys.platform != "win32":
        return
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    user32.SetPropW.argtypes = (wintypes.HWND, wintypes.LPCWSTR, wintypes.HANDLE)
    user32.RemovePropW.argtypes = (wintypes.HWND, wintypes.LPCWSTR)
    hwnd = int(window.winId())
    if enabled:
        user32.RemovePropW(hwnd, _PEN_SERVICE_PROPERTY)
    else:
        user32.SetPropW(hwnd, _PEN_SERVICE_PROPERTY, _TABLET_DISABLE_FLAGS)


class _LiveStroke:
    """The stroke under the pointer right now: its samples and the builder drawing it."""

    __slots__ = ("pointer", "touch_id", "samples", "builder", "pressure_varied", "_first_pressure")

    def __init__(self, pointer: PointerType, builder: StrokeBuilder, touch_id: int | None) -> None:
        self.pointer = pointer
        self.touch_id = touch_id
        self.samples: list[Sample] = []
        self.builder = builder
        self.pressure_varied = False
        self._first_pressure: float | None = None

    def add(self, sample: Sample, *, lifting: bool) -> list[Segment]:
        self.samples.append(sample)
        # The lift-off sample reports zero pressure even on pens that have no pressure sensor.
        if not lifting and sample.pressure is not None and not self.pressure_varied:
            if self._first_pressure is None:
                self._first_pressure = sample.pressure
            elif sample.pressure != self._first_pressure:
                self.pressure_varied = True
        return self.builder.add(sample)

    def redraw_from_samples(self, pen: InkPen) -> list[Segment]:
        """A fresh builder fed every sample so far (after the image was rebuilt); its segments."""
        self.builder = StrokeBuilder(self.pointer, pressure_real=self.builder.uses_pressure, pen=pen)
        segments: list[Segment] = []
        for sample in self.samples:
            segments += self.builder.add(sample)
        return segments

    def to_stroke(self) -> Stroke:
        return Stroke(tuple(self.samples), self.pointer)


def draw_segments(painter: QPainter, segments: Sequence[Segment], pen: QPen) -> None:
    """Ink segments as round-capped lines; a zero-length one as a dot, which drawLine would skip."""
    for x0, y0, x1, y1, width in segments:
        pen.setWidthF(width)
        painter.setPen(pen)
        if x0 == x1 and y0 == y1:
            painter.drawPoint(QPointF(x0, y0))
        else:
            painter.drawLine(QLineF(x0, y0, x1, y1))


def segments_rect(segments: Sequence[Segment]) -> QRectF:
    """Logical rectangle covering the segments with their width and antialiasing; null when empty."""
    if not segments:
        return QRectF()
    min_x = min_y = math.inf
    max_x = max_y = -math.inf
    widest = 0.0
    for x0, y0, x1, y1, width in segments:
        min_x, max_x = min(min_x, x0, x1), max(max_x, x0, x1)
        min_y, max_y = min(min_y, y0, y1), max(max_y, y0, y1)
        widest = max(widest, width)
    margin = widest / 2 + _DIRTY_MARGIN
    return QRectF(min_x - margin, min_y - margin, max_x - min_x + 2 * margin, max_y - min_y + 2 * margin)


def ink_pen() -> QPen:
    return QPen(INK_COLOR, 1.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


class SignaturePad(QWidget):
    """A white pad the subscriber signs on; keeps every sample and draws smooth, pressure-aware ink.

    ``changed`` is emitted after each stroke ends and after undo and clear.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        rules: QualityRules = DEFAULT_RULES,
        pen: InkPen = DEFAULT_PEN,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(parent)
        guard_none_refcount()
        disable_event_compression()
        self._rules, self._pen, self._clock = rules, pen, clock
        self._strokes: list[Stroke] = []
        self._pressure_varied: list[bool] = []  # per committed stroke: a pen reported varying pressure
        self._live: _LiveStroke | None = None
        self._started_at: datetime | None = None
        self._pen_in_proximity = False
        self._last_pen_ms = -math.inf
        self._image = QImage()
        self._preview: list[Segment] = []
        self._preview_rect = QRectF()
        self._ink_pen = ink_pen()
        self._configure()

    def _configure(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setTabletTracking(True)  # hovering pen events feed palm rejection
        self.ungrabGesture(Qt.GestureType.TapAndHoldGesture)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 160)
        self.setAccessibleName(self.tr("Signature pad"))

    # --- public --------------------------------------------------------------------------------

    def signature(self) -> Signature:
        """Everything signed so far, a stroke still under the pointer included."""
        strokes = list(self._strokes)
        varied = any(self._pressure_varied)
        live = self._live
        if live is not None and live.samples:
            strokes.append(live.to_stroke())
            varied = varied or (live.pointer is PointerType.PEN and live.pressure_varied)
        return Signature(self._context(strokes, pressure_real=varied), tuple(strokes))

    def problem(self) -> QualityProblem | None:
        """Why the signature cannot go on the act yet, or None when it is good."""
        return check_quality(self.signature(), self._rules)

    def is_empty(self) -> bool:
        return not self._strokes and self._live is None

    def undo(self) -> None:
        """Remove the last stroke (the one under the pointer, if any)."""
        if self._live is not None:
            self._live = None
        elif self._strokes:
            self._strokes.pop()
            self._pressure_varied.pop()
        else:
            return
        self._after_removal()

    def clear(self) -> None:
        self._strokes.clear()
        self._pressure_varied.clear()
        self._live = None
        self._after_removal()

    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 160)

    # --- input ---------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in _TOUCH_EVENTS:
            return self._touch_event(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.DevicePixelRatioChange:
            self._render_all()
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed on the application while the pad is visible: proximity events only go there.
        if event.type() in _TABLET_EVENTS:
            self._note_pen(event.type())
        return False

    def tabletEvent(self, event: QTabletEvent) -> None:
        event.accept()  # an unaccepted tablet event comes back as a synthesized mouse event
        kind = event.type()
        self._note_pen(kind)
        if event.pointerType() == QPointingDevice.PointerType.Eraser:
            return
        if kind == QEvent.Type.TabletPress:
            pressure_known = event.pointingDevice().hasCapability(QInputDevice.Capability.Pressure)
            self._begin(PointerType.PEN, device_pressure=pressure_known)
            self._add(self._tablet_sample(event))
        elif self._drawing_with(PointerType.PEN):
            if kind == QEvent.Type.TabletMove and event.buttons() == Qt.MouseButton.NoButton:
                self._end()  # hovering again: the release was lost, and hover positions are not ink
                return
            lifting = kind == QEvent.Type.TabletRelease
            self._add(self._tablet_sample(event), lifting=lifting)
            if lifting:
                self._end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not _is_real_mouse(event) or event.button() != Qt.MouseButton.LeftButton:
            return
        self._begin(PointerType.MOUSE)
        self._add(self._mouse_sample(event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if _is_real_mouse(event) and self._drawing_with(PointerType.MOUSE):
            self._add(self._mouse_sample(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if _is_real_mouse(event) and event.button() == Qt.MouseButton.LeftButton:
            if self._drawing_with(PointerType.MOUSE):
                self._add(self._mouse_sample(event), lifting=True)
                self._end()

    def _touch_event(self, event: QTouchEvent) -> bool:
        device = event.pointingDevice()
        if device.type() != QInputDevice.DeviceType.TouchScreen:
            return super().event(event)  # a touchpad drives the mouse path
        event.accept()
        if self._pen_is_near():
            self._drop_live_touch()
        elif event.type() == QEvent.Type.TouchCancel:
            if self._drawing_with(PointerType.TOUCH):
                self._end()
        else:
            pressure = device.hasCapability(QInputDevice.Capability.Pressure)
            for point in event.points():
                self._touch_point(point, with_pressure=pressure)
        return True

    def _touch_point(self, point: QEventPoint, *, with_pressure: bool) -> None:
        state = point.state()
        live = self._live
        if live is not None and live.pointer is PointerType.TOUCH:
            if point.id() != live.touch_id or state == QEventPoint.State.Stationary:
                return
            lifting = state == QEventPoint.State.Released
            self._add(self._touch_sample(point, with_pressure), lifting=lifting)
            if lifting:
                self._end()
        elif state == QEventPoint.State.Pressed:
            self._begin(PointerType.TOUCH, touch_id=point.id())
            self._add(self._touch_sample(point, with_pressure))

    def _drawing_with(self, pointer: PointerType) -> bool:
        return self._live is not None and self._live.pointer is pointer

    # --- samples -------------------------------------------------------------------------------

    def _tablet_sample(self, event: QTabletEvent) -> Sample:
        position = event.position()
        device = event.pointingDevice()
        tilt = device.hasCapability(QInputDevice.Capability.XTilt)
        return Sample(
            self._clock(),
            position.x(),
            position.y(),
            min(1.0, max(0.0, event.pressure())),
            event.xTilt() if tilt else None,
            event.yTilt() if tilt else None,
            PointerType.PEN,
        )

    def _touch_sample(self, point: QEventPoint, with_pressure: bool) -> Sample:
        position = point.position()
        pressure = min(1.0, max(0.0, point.pressure())) if with_pressure else None
        return Sample(self._clock(), position.x(), position.y(), pressure, pointer=PointerType.TOUCH)

    def _mouse_sample(self, event: QMouseEvent) -> Sample:
        position = event.position()
        return Sample(self._clock(), position.x(), position.y(), pointer=PointerType.MOUSE)

    # --- strokes -------------------------------------------------------------------------------

    def _begin(self, pointer: PointerType, *, touch_id: int | None = None, device_pressure: bool = False) -> None:
        if self._live is not None:
            self._end()
        hint_shown = not self._strokes
        # Until the pen has shown varying pressure, trust the device's word; _end corrects the guess.
        pressure_real = any(self._pressure_varied) or device_pressure
        builder = StrokeBuilder(pointer, pressure_real=pressure_real, pen=self._pen)
        self._live = _LiveStroke(pointer, builder, touch_id)
        if hint_shown:
            self._started_at = datetime.now(UTC)
            self._render_all()

    def _add(self, sample: Sample, *, lifting: bool = False) -> None:
        live = self._live
        assert live is not None
        dirty = self._draw_into_image(live.add(sample, lifting=lifting))
        self._preview = live.builder.preview()
        self._repaint_preview(dirty)

    def _end(self) -> None:
        live = self._live
        assert live is not None
        self._live = None
        dirty = self._draw_into_image(live.builder.finish())
        self._preview = []
        self._repaint_preview(dirty)
        was_real = any(self._pressure_varied)
        self._strokes.append(live.to_stroke())
        self._pressure_varied.append(live.pointer is PointerType.PEN and live.pressure_varied)
        if self._drawn_with_wrong_pressure(live, was_real):
            self._render_all()
        self.changed.emit()

    def _drawn_with_wrong_pressure(self, live: _LiveStroke, was_real: bool) -> bool:
        """Whether the image no longer matches segments_for(signature), which decides widths by pressure_real."""
        is_real = any(self._pressure_varied)
        if live.pointer is PointerType.PEN and live.builder.uses_pressure != is_real:
            return True
        return was_real != is_real and any(s.pointer is PointerType.PEN for s in self._strokes)

    def _drop_live_touch(self) -> None:
        if self._drawing_with(PointerType.TOUCH):
            self._live = None
            self._preview = []
            if not self._strokes:
                self._started_at = None
            self._render_all()

    def _after_removal(self) -> None:
        self._preview = []
        if not self._strokes:
            self._started_at = None
        self._render_all()
        self.changed.emit()

    # --- palm rejection ------------------------------------------------------------------------

    def _note_pen(self, kind: QEvent.Type) -> None:
        self._last_pen_ms = self._clock()
        if kind == QEvent.Type.TabletEnterProximity:
            self._pen_in_proximity = True
        elif kind == QEvent.Type.TabletLeaveProximity:
            self._pen_in_proximity = False
        # A finger still down when the pen arrives is the hand resting on the glass.
        self._drop_live_touch()

    def _pen_is_near(self) -> bool:
        if self._drawing_with(PointerType.PEN):
            return True
        quiet_for = self._clock() - self._last_pen_ms
        return quiet_for < PEN_NEAR_MS or (self._pen_in_proximity and quiet_for < PROXIMITY_STALE_MS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QCoreApplication.instance().installEventFilter(self)
        set_press_and_hold(self.window(), enabled=False)

    def hideEvent(self, event: QEvent) -> None:
        QCoreApplication.instance().removeEventFilter(self)
        set_press_and_hold(self.window(), enabled=True)
        super().hideEvent(event)

    # --- capture context -----------------------------------------------------------------------

    def _context(self, strokes: Sequence[Stroke], *, pressure_real: bool) -> CaptureContext:
        width, height = max(1, self.width()), max(1, self.height())
        px_per_mm = self._logical_dpi_physical() / _MM_PER_INCH
        return CaptureContext(
            pad_width_px=width,
            pad_height_px=height,
            pad_width_mm=width / px_per_mm,
            pad_height_mm=height / px_per_mm,
            device_pixel_ratio=self.devicePixelRatioF(),
            pointer_types=frozenset(stroke.pointer for stroke in strokes),
            pressure_real=pressure_real,
            started_at_utc=self._started_at or datetime.now(UTC),
        )

    def _logical_dpi_physical(self) -> float:
        """Logical pixels per physical inch of the pad's screen (Qt reports it in logical pixels)."""
        screen = self.screen()
        dpi = screen.physicalDotsPerInch() if screen is not None else 0.0
        return dpi if math.isfinite(dpi) and dpi > 0 else _DEFAULT_DPI

    # --- painting ------------------------------------------------------------------------------

    def _draw_into_image(self, segments: list[Segment]) -> QRectF:
        if not segments:
            return QRectF()
        if not self._image_fits():
            self._render_all()  # draws these segments too: they are already in the model
            return QRectF()
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_segments(painter, segments, self._ink_pen)
        painter.end()
        return segments_rect(segments)

    def _repaint_preview(self, dirty: QRectF) -> None:
        new_rect = segments_rect(self._preview)
        dirty = dirty.united(self._preview_rect).united(new_rect)
        self._preview_rect = new_rect
        if not dirty.isNull():
            self.update(dirty.toAlignedRect())

    def _image_fits(self) -> bool:
        image = self._image
        return (
            not image.isNull()
            and image.devicePixelRatio() == self.devicePixelRatioF()
            and image.size() == self._image_size()
        )

    def _image_size(self) -> QSize:
        ratio = self.devicePixelRatioF()
        return QSize(max(1, math.ceil(self.width() * ratio)), max(1, math.ceil(self.height() * ratio)))

    def _render_all(self) -> None:
        """Rebuild the image from the model: paper, guides, then every stroke's segments."""
        image = QImage(self._image_size(), QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(self.devicePixelRatioF())
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_paper(painter, hint=self.is_empty())
        committed = Signature(self._context(self._strokes, pressure_real=any(self._pressure_varied)), self._strokes)
        draw_segments(painter, segments_for(committed, self._pen), self._ink_pen)
        if self._live is not None:
            draw_segments(painter, self._live.redraw_from_samples(self._pen), self._ink_pen)
            self._preview = self._live.builder.preview()
        painter.end()
        self._image = image
        self._preview_rect = segments_rect(self._preview)
        self.update()

    def _paint_paper(self, painter: QPainter, *, hint: bool) -> None:
        width, height = float(self.width()), float(self.height())
        painter.fillRect(QRectF(0, 0, width, height), PAPER_COLOR)
        painter.setPen(QPen(BORDER_COLOR, 1.0))
        painter.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))
        left, right = width * _BASELINE_MARGIN, width * (1 - _BASELINE_MARGIN)
        baseline = round(height * _BASELINE_FROM_TOP) + 0.5
        guide = QPen(GUIDE_COLOR, 1.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(guide)
        painter.drawLine(QLineF(left, baseline, right, baseline))
        cross = min(10.0, height * 0.04)
        mark_x, mark_y = left + cross, baseline - 2.5 * cross
        painter.drawLine(QLineF(mark_x - cross, mark_y - cross, mark_x + cross, mark_y + cross))
        painter.drawLine(QLineF(mark_x - cross, mark_y + cross, mark_x + cross, mark_y - cross))
        if hint:
            self._paint_hint(painter, left, right, baseline)

    def _paint_hint(self, painter: QPainter, left: float, right: float, baseline: float) -> None:
        font = QFont(self.font())
        size = round(min(40.0, max(20.0, self.height() * 0.09)))
        font.setPixelSize(size)
        painter.setFont(font)
        painter.setPen(HINT_COLOR)
        area = QRectF(left, baseline - 2.6 * size, right - left, 2 * size)
        painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.tr("Sign here"))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._image_fits():
            self._render_all()
        painter = QPainter(self)
        # Qt clips this to the dirty region, so only the rectangles passed to update() are copied.
        painter.drawImage(QPointF(0, 0), self._image)
        if self._preview:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw_segments(painter, self._preview, self._ink_pen)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render_all()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Signature pad"))
            self._render_all()


def _is_real_mouse(event: QMouseEvent) -> bool:
    """False for mouse events that Qt or the system made up from a touch or a pen."""
    if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
        return False
    return event.pointingDevice().type() not in _NOT_A_MOUSE


class SignatureField(QWidget):
    """The pad with its Undo and Clear buttons, as the signing screen shows it."""

    def __init__(self, parent: QWidget | None = None, *, pad: SignaturePad | None = None) -> None:
        super().__init__(parent)
        self.pad = pad or SignaturePad()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button.clicked.connect(self.pad.clear)
        self.pad.changed.connect(self._sync_buttons)
        self._lay_out()
        self._sync_buttons()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        column = QVBoxLayout(self)
        column.addWidget(self.pad, 1)
        column.addLayout(buttons)

    def _sync_buttons(self) -> None:
        has_ink = not self.pad.is_empty()
        self.undo_button.setEnabled(has_ink)
        self.clear_button.setEnabled(has_ink)
