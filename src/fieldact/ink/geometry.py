"""From raw samples to short, variable-width line segments that Qt and fpdf2 both draw as vectors.

The curve is a centripetal Catmull-Rom spline through the samples, turned into cubic Béziers and
cut into straight pieces by Wang's formula, so a gentle stretch costs one segment and a tight loop
a few. Width follows pen pressure when the device reports real pressure, otherwise the smoothed
speed (faster is thinner), and is itself smoothed and rate-limited so it never jumps.

Draw every segment as a line with round caps. A zero-length segment (``is_dot``) is a dot: QPainter
skips zero-length lines, so draw it with ``drawPoint`` (round-cap pen); in a PDF a zero-length line
with round caps paints a dot (fpdf2: ``local_context(stroke_cap_style="ROUND")``).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import add, sub
from typing import NamedTuple

from .model import BoundingBox, PointerType, Sample, Signature, Stroke


class Segment(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float
    width: float

    @property
    def is_dot(self) -> bool:
        return self.x0 == self.x1 and self.y0 == self.y1


class Polyline(NamedTuple):
    """Connected segments of one width, for drawers where one path is cheaper than many lines."""

    points: tuple[tuple[float, float], ...]
    width: float


Box = tuple[float, float, float, float]
"""A target rectangle: x, y, width, height."""


@dataclass(frozen=True, slots=True)
class InkPen:
    """How ink is shaped. Lengths are in the units of the samples (logical px)."""

    min_width: float = 1.0
    max_width: float = 3.5
    # Filtered speed at which a finger or mouse line reaches min_width.
    thin_speed_px_per_ms: float = 1.5
    # Weight of the newest value in the exponential filters (1 = no smoothing).
    speed_smoothing: float = 0.3
    width_smoothing: float = 0.4
    # Largest change of width from one curve point to the next.
    max_width_step: float = 0.25
    # Pressure is raised to this power before mapping to width; < 1 favours thicker lines.
    pressure_gamma: float = 0.8
    # Samples closer than this to the previous kept point add nothing to the curve (jitter, resting).
    min_distance_px: float = 0.5
    # Largest distance between the true curve and its straight pieces.
    flatness_px: float = 0.2
    max_subdivisions: int = 16

    def __post_init__(self) -> None:
        if not 0 < self.min_width <= self.max_width:
            raise ValueError("InkPen needs 0 < min_width <= max_width.")
        for name in ("thin_speed_px_per_ms", "max_width_step", "flatness_px", "pressure_gamma"):
            if not getattr(self, name) > 0:
                raise ValueError(f"InkPen.{name} must be greater than zero.")
        for name in ("speed_smoothing", "width_smoothing"):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"InkPen.{name} must be in (0, 1].")
        if self.min_distance_px < 0:
            raise ValueError("InkPen.min_distance_px must not be negative.")
        if self.max_subdivisions < 1:
            raise ValueError("InkPen.max_subdivisions must be at least 1.")

    @property
    def mid_width(self) -> float:
        return (self.min_width + self.max_width) / 2


DEFAULT_PEN = InkPen()

# Below this a time step is treated as "same instant": coalesced events carry no usable speed.
_MIN_DT_MS = 0.5
# Two kept points are never closer than this, whatever min_distance_px says, so the knot
# intervals of the spline stay non-zero.
_MIN_GAP_PX = 1e-6


class _Point(NamedTuple):
    x: float
    y: float
    width: float


class StrokeBuilder:
    """Builds one stroke's segments sample by sample, at constant cost per sample.

    ``add`` returns only the segments the new sample completes; the curve runs one sample behind
    the pen because the tangent at a point needs the point after it. ``finish`` flushes the last
    piece (or the dot of a tap) when the pointer lifts; ``preview`` shows that tail without
    committing it, for a live pad that wants no lag.
    """

    __slots__ = (
        "_pen",
        "_pointer",
        "_use_pressure",
        "_window",
        "_kept",
        "_last_t",
        "_speed",
        "_width",
        "_pressure",
        "_finished",
    )

    def __init__(self, pointer: PointerType, *, pressure_real: bool, pen: InkPen = DEFAULT_PEN) -> None:
        self._pen = pen
        self._pointer = PointerType(pointer)
        self._use_pressure = self._pointer is PointerType.PEN and pressure_real
        self._window: deque[_Point] = deque(maxlen=3)
        self._kept = 0  # samples that moved far enough to become curve points
        self._last_t = 0.0
        self._speed = pen.thin_speed_px_per_ms / 2
        self._width = pen.mid_width
        self._pressure = 0.5
        self._finished = False

    @property
    def uses_pressure(self) -> bool:
        return self._use_pressure

    def add(self, sample: Sample) -> list[Segment]:
        if self._finished:
            raise RuntimeError("This stroke is finished; start a new StrokeBuilder for the next one.")
        if sample.pointer is not self._pointer:
            raise ValueError(f"A {sample.pointer.value} sample cannot extend a {self._pointer.value} stroke.")
        if self._window and not self._far_enough(sample):
            return []
        point = self._accept(sample)
        window = self._window
        segments: list[Segment] = []
        if self._kept == 2:
            first, second = window[0], window[1]
            segments = _piece(_reflect(first, second), first, second, point, self._pen)
        elif self._kept > 2:
            segments = _piece(window[0], window[1], window[2], point, self._pen)
        window.append(point)
        self._kept += 1
        return segments

    def finish(self) -> list[Segment]:
        """The segments still owed at pointer release; the builder takes no samples afterwards."""
        tail = self.preview()
        self._finished = True
        return tail

    def preview(self) -> list[Segment]:
        """What ``finish`` would return now, without finishing."""
        window = self._window
        if self._kept == 0 or self._finished:
            return []
        if self._kept == 1:
            only = window[-1]
            # A light tap would otherwise leave a speck; a dot is drawn at least mid-width.
            return [Segment(only.x, only.y, only.x, only.y, max(only.width, self._pen.mid_width))]
        before, last = window[-2], window[-1]
        first = window[-3] if self._kept > 2 else _reflect(before, last)
        return _piece(first, before, last, _reflect(last, before), self._pen)

    def _far_enough(self, sample: Sample) -> bool:
        last = self._window[-1]
        gap = math.hypot(sample.x - last.x, sample.y - last.y)
        return gap >= self._pen.min_distance_px and gap > _MIN_GAP_PX

    def _accept(self, sample: Sample) -> _Point:
        if self._use_pressure:
            target = self._pressure_width(sample)
        else:
            target = self._speed_width(sample)
        self._last_t = sample.t_ms
        if self._kept == 0:
            self._width = target
        else:
            self._width = self._smoothed_width(target)
        return _Point(sample.x, sample.y, self._width)

    def _pressure_width(self, sample: Sample) -> float:
        if sample.pressure is not None:
            self._pressure = sample.pressure
        pen = self._pen
        return pen.min_width + (pen.max_width - pen.min_width) * self._pressure**pen.pressure_gamma

    def _speed_width(self, sample: Sample) -> float:
        pen = self._pen
        if self._kept > 0:
            dt = sample.t_ms - self._last_t
            if dt >= _MIN_DT_MS:
                last = self._window[-1]
                speed = math.hypot(sample.x - last.x, sample.y - last.y) / dt
                self._speed += pen.speed_smoothing * (speed - self._speed)
        thinning = min(1.0, self._speed / pen.thin_speed_px_per_ms)
        return pen.max_width - (pen.max_width - pen.min_width) * thinning

    def _smoothed_width(self, target: float) -> float:
        pen = self._pen
        step = pen.width_smoothing * (target - self._width)
        step = max(-pen.max_width_step, min(pen.max_width_step, step))
        return min(pen.max_width, max(pen.min_width, self._width + step))


def _reflect(anchor: _Point, other: _Point) -> _Point:
    """The point mirroring `other` through `anchor`: a neutral neighbour for a stroke's ends."""
    return _Point(2 * anchor.x - other.x, 2 * anchor.y - other.y, anchor.width)


def _piece(p0: _Point, p1: _Point, p2: _Point, p3: _Point, pen: InkPen) -> list[Segment]:
    """Straight segments along the centripetal Catmull-Rom curve from p1 to p2."""
    c1x, c1y, c2x, c2y = _bezier_controls(p0, p1, p2, p3)
    x0, y0, width0 = p1
    x3, y3, width3 = p2
    count = _subdivisions(x0, y0, c1x, c1y, c2x, c2y, x3, y3, pen)
    segments: list[Segment] = []
    append = segments.append
    width_change = width3 - width0
    px, py = x0, y0
    # The cubic Bézier point at t, written out: a signature has thousands, and a call each was a third of their cost.
    for i in range(1, count):
        t = i / count
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        x1, y1 = a * x0 + b * c1x + c * c2x + d * x3, a * y0 + b * c1y + c * c2y + d * y3
        append(Segment(px, py, x1, y1, width0 + width_change * (i - 0.5) / count))
        px, py = x1, y1
    append(Segment(px, py, x3, y3, width0 + width_change * (count - 0.5) / count))  # exact end: the next starts here
    return segments


def _bezier_controls(p0: _Point, p1: _Point, p2: _Point, p3: _Point) -> tuple[float, float, float, float]:
    # Centripetal parametrisation (alpha = 0.5): knot intervals are square roots of the chord
    # lengths, which keeps the curve free of cusps and loops that the samples do not have.
    d1 = math.hypot(p1.x - p0.x, p1.y - p0.y)
    d2 = math.hypot(p2.x - p1.x, p2.y - p1.y)
    d3 = math.hypot(p3.x - p2.x, p3.y - p2.y)
    r1, r2, r3 = math.sqrt(d1), math.sqrt(d2), math.sqrt(d3)
    a = 2 * d1 + 3 * r1 * r2 + d2
    n = 3 * r1 * (r1 + r2)
    b = 2 * d3 + 3 * r3 * r2 + d2
    m = 3 * r3 * (r3 + r2)
    c1x = (d1 * p2.x - d2 * p0.x + a * p1.x) / n
    c1y = (d1 * p2.y - d2 * p0.y + a * p1.y) / n
    c2x = (d3 * p1.x - d2 * p3.x + b * p2.x) / m
    c2y = (d3 * p1.y - d2 * p3.y + b * p2.y) / m
    return c1x, c1y, c2x, c2y


def _subdivisions(
    x0: float, y0: float, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float, pen: InkPen
) -> int:
    # Wang's formula for a cubic: n = sqrt(3/4 * L / tolerance), L the largest second difference.
    second_difference = max(
        math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2),
        math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3),
    )
    count = math.ceil(math.sqrt(0.75 * second_difference / pen.flatness_px))
    return max(1, min(pen.max_subdivisions, count))


# --- whole signatures ------------------------------------------------------------------------------


def stroke_segments(stroke: Stroke, *, pressure_real: bool, pen: InkPen = DEFAULT_PEN) -> list[Segment]:
    """The segments of one stroke: exactly what a StrokeBuilder fed with its samples gives."""
    builder = StrokeBuilder(stroke.pointer, pressure_real=pressure_real, pen=pen)
    segments: list[Segment] = []
    for sample in stroke.samples:
        segments += builder.add(sample)
    segments += builder.finish()
    return segments


def segments_for(signature: Signature, pen: InkPen = DEFAULT_PEN) -> list[Segment]:
    """All segments of the signature, stroke after stroke."""
    pressure_real = signature.context.pressure_real
    segments: list[Segment] = []
    for stroke in signature.strokes:
        segments += stroke_segments(stroke, pressure_real=pressure_real, pen=pen)
    return segments


# --- output helpers --------------------------------------------------------------------------------


def quantize(segments: Iterable[Segment], step: float = 0.1) -> list[Segment]:
    """Segments with coordinates and widths rounded to multiples of step, for a compact PDF.

    A segment that rounding shrinks to a point is dropped when the previous kept segment already
    ends there; widths never round below one step so nothing disappears.
    """
    if not step > 0 or not math.isfinite(step):
        raise ValueError(f"The quantization step must be a positive number, got {step!r}.")
    segments = list(segments)
    digits = _decimals_for(step)
    # A snapped value depends only on how many steps it is; a signature's thousands of coordinates fall on far
    # fewer steps, so each step's value is rounded once, and the coordinates are snapped in bulk.
    steps = [round(value / step) for segment in segments for value in segment]
    values = {count: round(count * step, digits) for count in {1, *steps}}
    snapped = iter(list(map(values.__getitem__, steps)))
    thinnest = values[1]
    kept: list[Segment] = []
    for segment, x0, y0, x1, y1, width in zip(segments, *[snapped] * 5, strict=True):
        if x0 == x1 and y0 == y1 and not segment.is_dot and kept and kept[-1].x1 == x0 and kept[-1].y1 == y0:
            continue
        kept.append(Segment(x0, y0, x1, y1, width if width > thinnest else thinnest))
    return kept


def _decimals_for(step: float) -> int:
    # Enough decimals to show the step itself plus a guard digit; trims 0.30000000000000004.
    return max(0, 2 - math.floor(math.log10(step)))


def segments_bounds(segments: Iterable[Segment], *, include_width: bool = True) -> BoundingBox | None:
    """The box around all segments, widened by half the line width when include_width is set."""
    columns = list(zip(*segments, strict=True))
    if not columns:
        return None
    x0s, y0s, x1s, y1s, widths = columns
    halves = [width / 2 for width in widths] if include_width else [0.0] * len(widths)
    return BoundingBox(
        min(min(map(sub, x0s, halves)), min(map(sub, x1s, halves))),
        min(min(map(sub, y0s, halves)), min(map(sub, y1s, halves))),
        max(max(map(add, x0s, halves)), max(map(add, x1s, halves))),
        max(max(map(add, y0s, halves)), max(map(add, y1s, halves))),
    )


def fit_to_box(
    segments: Sequence[Segment],
    box: Box,
    *,
    source: BoundingBox | None = None,
    max_scale: float | None = None,
) -> list[Segment]:
    """Segments scaled (widths too) and centred to fit box, keeping the aspect ratio.

    source is the region to fit, by default the ink itself including line widths; max_scale keeps
    a tiny signature from being blown up.
    """
    x, y, width, height = box
    if width <= 0 or height <= 0:
        raise ValueError(f"The target box must have a positive size, got {width!r} x {height!r}.")
    bounds = source or segments_bounds(segments)
    if bounds is None:
        return []
    scale = _fit_scale(bounds, width, height)
    if max_scale is not None:
        scale = min(scale, max_scale)
    dx = x + (width - bounds.width * scale) / 2 - bounds.min_x * scale
    dy = y + (height - bounds.height * scale) / 2 - bounds.min_y * scale
    return [
        Segment(s.x0 * scale + dx, s.y0 * scale + dy, s.x1 * scale + dx, s.y1 * scale + dy, s.width * scale)
        for s in segments
    ]


def _fit_scale(bounds: BoundingBox, width: float, height: float) -> float:
    pairs = ((width, bounds.width), (height, bounds.height))
    scales = [limit / extent for limit, extent in pairs if extent > 0]
    return min(scales) if scales else 1.0


def polylines(segments: Iterable[Segment]) -> list[Polyline]:
    """Runs of connected segments that share a width, joined into polylines."""
    lines: list[Polyline] = []
    points: list[tuple[float, float]] = []
    width = 0.0
    for s in segments:
        if points and s.width == width and points[-1] == (s.x0, s.y0) and not s.is_dot:
            points.append((s.x1, s.y1))
            continue
        if points:
            lines.append(Polyline(tuple(points), width))
        points, width = [(s.x0, s.y0), (s.x1, s.y1)], s.width
    if points:
        lines.append(Polyline(tuple(points), width))
    return lines


def segment_ink_length(segments: Iterable[Segment]) -> float:
    return sum(math.hypot(s.x1 - s.x0, s.y1 - s.y0) for s in segments)
