import math
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldact.ink import (
    DEFAULT_PEN,
    CaptureContext,
    InkPen,
    PointerType,
    Sample,
    Segment,
    Signature,
    Stroke,
    StrokeBuilder,
    fit_to_box,
    polylines,
    quantize,
    segments_bounds,
    segments_for,
    stroke_segments,
)

EPS = 1e-9


def context(pressure_real: bool = True) -> CaptureContext:
    start = datetime(2025, 3, 1, tzinfo=UTC)
    return CaptureContext(800, 300, 160, 60, 1.5, {PointerType.PEN, PointerType.TOUCH}, pressure_real, start)


def cursive(
    pointer: PointerType = PointerType.PEN,
    count: int = 200,
    dt_ms: float = 5.0,
    pressure: float | None = 0.5,
    scale: float = 1.0,
) -> Stroke:
    samples = []
    for i in range(count):
        u = i / count
        x = 100 + scale * (300 * u + 40 * math.sin(18 * u))
        y = 150 + scale * 60 * math.sin(11 * u) * math.cos(3 * u)
        samples.append(Sample(i * dt_ms, x, y, pressure, None, None, pointer))
    return Stroke(samples, pointer)


# Random walks with occasional repeats, pauses and time jitter: what a real finger does.
STEPS = st.tuples(
    st.floats(-40, 40),
    st.floats(-40, 40),
    st.floats(0, 30),
    st.none() | st.floats(0, 1),
    st.booleans(),
)


@st.composite
def walks(draw: st.DrawFn, pointer: PointerType | None = None) -> Stroke:
    pointer = pointer or draw(st.sampled_from(list(PointerType)))
    x, y, t = draw(st.floats(0, 800)), draw(st.floats(0, 300)), 0.0
    samples = []
    for dx, dy, dt, pressure, repeat in draw(st.lists(STEPS, min_size=1, max_size=60)):
        if not repeat:
            x, y = x + dx, y + dy
        t += dt
        samples.append(Sample(t, x, y, pressure, None, None, pointer))
    return Stroke(samples, pointer)


def by_builder(stroke: Stroke, pressure_real: bool, pen: InkPen = DEFAULT_PEN) -> list[list[Segment]]:
    """What each add() returned, then what finish() returned."""
    builder = StrokeBuilder(stroke.pointer, pressure_real=pressure_real, pen=pen)
    return [builder.add(s) for s in stroke.samples] + [builder.finish()]


def mean_width(segments: list[Segment]) -> float:
    return sum(s.width for s in segments) / len(segments)


# --- shape -----------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(walks(), st.booleans())
def test_segments_are_continuous_within_a_stroke(stroke: Stroke, pressure_real: bool) -> None:
    segments = stroke_segments(stroke, pressure_real=pressure_real)
    assert segments
    for before, after in zip(segments, segments[1:], strict=False):
        assert (after.x0, after.y0) == (before.x1, before.y1)


@settings(max_examples=200, deadline=None)
@given(walks(), st.booleans())
def test_the_line_starts_at_the_first_sample(stroke: Stroke, pressure_real: bool) -> None:
    first = stroke_segments(stroke, pressure_real=pressure_real)[0]
    assert (first.x0, first.y0) == (stroke.samples[0].x, stroke.samples[0].y)


@settings(max_examples=200, deadline=None)
@given(walks(), st.booleans())
def test_widths_stay_within_the_pen_range_and_never_jump(stroke: Stroke, pressure_real: bool) -> None:
    pen = InkPen(min_width=0.8, max_width=4.0, max_width_step=0.2)
    segments = stroke_segments(stroke, pressure_real=pressure_real, pen=pen)
    for segment in segments:
        assert pen.min_width - EPS <= segment.width <= pen.max_width + EPS
    for before, after in zip(segments, segments[1:], strict=False):
        assert abs(after.width - before.width) <= pen.max_width_step + EPS


def test_curve_passes_through_every_sample_that_moves_the_pen() -> None:
    stroke = cursive(count=60)
    ends = {(s.x1, s.y1) for s in stroke_segments(stroke, pressure_real=True)}
    assert all((s.x, s.y) in ends for s in stroke.samples[1:])


def turn_angles(points: list[tuple[float, float]]) -> list[float]:
    angles = []
    for (ax, ay), (bx, by), (cx, cy) in zip(points, points[1:], points[2:], strict=False):
        turn = math.atan2(cy - by, cx - bx) - math.atan2(by - ay, bx - ax)
        angles.append(abs((turn + math.pi) % (2 * math.pi) - math.pi))
    return angles


def test_curve_through_a_coarse_circle_is_round_and_smooth() -> None:
    # Twelve samples on a circle: the raw polyline turns 30 degrees at every sample.
    samples = [
        Sample(i * 5.0, 200 + 100 * math.cos(i * math.pi / 6), 150 + 100 * math.sin(i * math.pi / 6)) for i in range(13)
    ]
    segments = stroke_segments(Stroke(samples, PointerType.PEN), pressure_real=True)
    points = [(segments[0].x0, segments[0].y0)] + [(s.x1, s.y1) for s in segments]
    middle = points[len(points) // 6 : -len(points) // 6]  # the open ends are not on the circle
    assert max(turn_angles(middle)) < math.radians(8)
    assert max(abs(math.hypot(x - 200, y - 150) - 100) for x, y in middle) < 0.5


def test_subdivision_adapts_to_curvature() -> None:
    straight = Stroke([Sample(0.0, 0.0, 0.0), Sample(5.0, 200.0, 0.0), Sample(10.0, 400.0, 0.0)], "pen")
    assert len(stroke_segments(straight, pressure_real=True)) == 2
    zigzag = Stroke([Sample(i * 5.0, 40.0 * i, 0.0 if i % 2 else 60.0) for i in range(6)], PointerType.PEN)
    assert len(stroke_segments(zigzag, pressure_real=True)) > 3 * 5


@pytest.mark.parametrize("pointer", list(PointerType))
def test_a_tap_is_one_dot(pointer: PointerType) -> None:
    tap = Stroke([Sample(0.0, 50.0, 60.0, 0.4, None, None, pointer)], pointer)
    (dot,) = stroke_segments(tap, pressure_real=True)
    assert dot.is_dot
    assert (dot.x0, dot.y0) == (50.0, 60.0)
    assert DEFAULT_PEN.min_width <= dot.width <= DEFAULT_PEN.max_width


def test_a_resting_pen_is_one_dot_however_many_samples() -> None:
    resting = Stroke([Sample(i * 5.0, 50.0, 60.0, i / 100) for i in range(100)], PointerType.PEN)
    segments = stroke_segments(resting, pressure_real=True)
    assert len(segments) == 1 and segments[0].is_dot


def test_a_moving_stroke_has_no_dots() -> None:
    assert not any(s.is_dot for s in stroke_segments(cursive(), pressure_real=True))


# --- incremental -----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(walks(), st.booleans())
def test_incremental_segments_add_up_to_the_whole(stroke: Stroke, pressure_real: bool) -> None:
    pieces = by_builder(stroke, pressure_real)
    assert [s for piece in pieces for s in piece] == stroke_segments(stroke, pressure_real=pressure_real)


def test_segments_for_is_every_stroke_through_a_builder() -> None:
    strokes = [cursive(), cursive(PointerType.TOUCH, count=50), Stroke([Sample(0.0, 1.0, 1.0)], "pen")]
    signature = Signature(context(), strokes)
    expected = [s for stroke in strokes for piece in by_builder(stroke, True) for s in piece]
    assert segments_for(signature) == expected


def test_each_add_returns_only_what_that_sample_completes() -> None:
    stroke = cursive(count=30)
    pieces = by_builder(stroke, True)
    assert pieces[0] == [] and pieces[1] == []  # the first piece needs a point after it
    for piece, sample in zip(pieces[2:-1], stroke.samples[1:], strict=False):
        assert piece, "every moving sample after the second completes one piece"
        # The piece a sample completes ends at the sample before it.
        assert (piece[-1].x1, piece[-1].y1) == (sample.x, sample.y)


def test_preview_shows_the_tail_without_finishing() -> None:
    stroke = cursive(count=20)
    builder = StrokeBuilder(PointerType.PEN, pressure_real=True)
    for sample in stroke.samples:
        builder.add(sample)
    tail = builder.preview()
    assert tail and (tail[-1].x1, tail[-1].y1) == (stroke.samples[-1].x, stroke.samples[-1].y)
    assert builder.finish() == tail
    assert builder.preview() == []


def test_builder_refuses_samples_after_finish_and_from_another_pointer() -> None:
    builder = StrokeBuilder(PointerType.PEN, pressure_real=True)
    with pytest.raises(ValueError, match="touch sample cannot extend a pen stroke"):
        builder.add(Sample(0.0, 0.0, 0.0, pointer=PointerType.TOUCH))
    builder.add(Sample(0.0, 0.0, 0.0))
    builder.finish()
    with pytest.raises(RuntimeError, match="finished"):
        builder.add(Sample(1.0, 5.0, 5.0))


# --- width -----------------------------------------------------------------------------------------


def test_pen_with_real_pressure_draws_heavier_for_harder_pressure() -> None:
    light = stroke_segments(cursive(pressure=0.1), pressure_real=True)
    hard = stroke_segments(cursive(pressure=0.95), pressure_real=True)
    assert mean_width(hard) > mean_width(light) + 1.0


def test_pen_with_real_pressure_ignores_speed() -> None:
    slow = stroke_segments(cursive(dt_ms=20), pressure_real=True)
    fast = stroke_segments(cursive(dt_ms=1), pressure_real=True)
    assert slow == fast


@pytest.mark.parametrize("pointer", [PointerType.TOUCH, PointerType.MOUSE])
def test_finger_and_mouse_draw_thinner_when_faster(pointer: PointerType) -> None:
    slow = stroke_segments(cursive(pointer, dt_ms=40, pressure=None), pressure_real=True)
    fast = stroke_segments(cursive(pointer, dt_ms=1, pressure=None), pressure_real=True)
    assert mean_width(fast) < mean_width(slow) - 1.0


def test_touch_ignores_pressure_even_when_the_device_has_it() -> None:
    light = stroke_segments(cursive(PointerType.TOUCH, pressure=0.1), pressure_real=True)
    hard = stroke_segments(cursive(PointerType.TOUCH, pressure=0.9), pressure_real=True)
    assert light == hard


def test_pen_without_real_pressure_falls_back_to_speed() -> None:
    light = stroke_segments(cursive(pressure=0.1), pressure_real=False)
    hard = stroke_segments(cursive(pressure=0.9), pressure_real=False)
    assert light == hard
    fast = stroke_segments(cursive(pressure=0.9, dt_ms=1), pressure_real=False)
    assert mean_width(fast) < mean_width(hard) - 0.5


def test_a_pressure_spike_is_smoothed_not_jumped() -> None:
    samples = [Sample(i * 5.0, 10.0 * i, 0.0, 1.0 if i == 10 else 0.0) for i in range(20)]
    segments = stroke_segments(Stroke(samples, PointerType.PEN), pressure_real=True)
    peak = max(s.width for s in segments)
    assert peak < DEFAULT_PEN.min_width + 2 * DEFAULT_PEN.max_width_step + EPS


def test_pen_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="min_width <= max_width"):
        InkPen(min_width=3, max_width=2)
    with pytest.raises(ValueError, match="width_smoothing"):
        InkPen(width_smoothing=0)


# --- output helpers --------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(walks(), st.sampled_from([0.1, 0.25, 1.0]))
def test_quantize_rounds_to_the_step_and_stays_within_half_a_step(stroke: Stroke, step: float) -> None:
    original = stroke_segments(stroke, pressure_real=True)
    quantized = quantize(original, step)
    assert quantized and len(quantized) <= len(original)
    for segment in quantized:
        for value in segment:
            assert abs(value / step - round(value / step)) < 1e-6
        assert segment.width >= step - EPS
    for before, after in zip(quantized, quantized[1:], strict=False):
        assert (after.x0, after.y0) == (before.x1, before.y1)
    if len(quantized) == len(original):
        for q, o in zip(quantized, original, strict=True):
            assert all(abs(a - b) <= step / 2 + EPS for a, b in zip(q[:4], o[:4], strict=True))


def quantized_one_by_one(segments: list[Segment], step: float) -> list[Segment]:
    """quantize as first written, a segment at a time: acts drawn with it must draw the same for ever."""
    digits = max(0, 2 - math.floor(math.log10(step)))

    def snap(value: float) -> float:
        return round(round(value / step) * step, digits)

    kept: list[Segment] = []
    for segment in segments:
        x0, y0, x1, y1 = (snap(value) for value in segment[:4])
        width = max(snap(segment.width), snap(step))
        if x0 == x1 and y0 == y1 and not segment.is_dot and kept and kept[-1].x1 == x0 and kept[-1].y1 == y0:
            continue
        kept.append(Segment(x0, y0, x1, y1, width))
    return kept


@settings(max_examples=150, deadline=None)
@given(walks(), st.sampled_from([0.1, 0.25, 1.0, 0.03]), st.floats(0.01, 3))
def test_quantize_in_bulk_gives_exactly_what_one_by_one_gave(stroke: Stroke, step: float, scale: float) -> None:
    segments = [Segment(*(value * scale for value in s)) for s in stroke_segments(stroke, pressure_real=True)]
    assert quantize(iter(segments), step) == quantized_one_by_one(segments, step)


@settings(max_examples=100, deadline=None)
@given(walks(), st.booleans())
def test_bounds_are_the_extremes_of_every_end_widened_by_half_its_width(stroke: Stroke, include_width: bool) -> None:
    segments = stroke_segments(stroke, pressure_real=False)
    halves = [s.width / 2 if include_width else 0.0 for s in segments]
    bounds = segments_bounds(iter(segments), include_width=include_width)
    assert bounds is not None
    assert bounds.min_x == min(min(s.x0 - h, s.x1 - h) for s, h in zip(segments, halves, strict=True))
    assert bounds.min_y == min(min(s.y0 - h, s.y1 - h) for s, h in zip(segments, halves, strict=True))
    assert bounds.max_x == max(max(s.x0 + h, s.x1 + h) for s, h in zip(segments, halves, strict=True))
    assert bounds.max_y == max(max(s.y0 + h, s.y1 + h) for s, h in zip(segments, halves, strict=True))
    assert segments_bounds([]) is None


def test_quantize_prints_short_decimals_and_keeps_dots() -> None:
    (segment,) = quantize([Segment(0.1 + 0.2, 1.04999, 2.26, 3.0, 0.01)], 0.1)
    assert segment == Segment(0.3, 1.0, 2.3, 3.0, 0.1)
    assert repr(segment.x0) == "0.3"
    (dot,) = quantize([Segment(5.01, 5.01, 5.01, 5.01, 2.0)], 0.1)
    assert dot.is_dot
    with pytest.raises(ValueError, match="positive"):
        quantize([], 0)


def test_quantize_drops_only_pieces_that_collapse_onto_the_previous_end() -> None:
    segments = [Segment(0, 0, 1, 0, 1), Segment(1, 0, 1.01, 0, 1), Segment(1.01, 0, 2, 0, 1)]
    assert quantize(segments, 0.1) == [Segment(0, 0, 1, 0, 1), Segment(1, 0, 2, 0, 1)]


@settings(max_examples=100, deadline=None)
@given(walks(), st.tuples(st.floats(-100, 100), st.floats(-100, 100), st.floats(1, 500), st.floats(1, 500)))
def test_fit_to_box_keeps_ink_inside_and_aspect_ratio(stroke: Stroke, box: tuple[float, float, float, float]) -> None:
    segments = stroke_segments(stroke, pressure_real=True)
    fitted = fit_to_box(segments, box)
    x, y, w, h = box
    before, after = segments_bounds(segments), segments_bounds(fitted)
    assert before is not None and after is not None
    tolerance = 1e-6 * max(1.0, w, h, abs(x), abs(y))
    assert x - tolerance <= after.min_x and after.max_x <= x + w + tolerance
    assert y - tolerance <= after.min_y and after.max_y <= y + h + tolerance
    scale = after.width / before.width
    assert after.height == pytest.approx(before.height * scale, rel=1e-6, abs=1e-9)
    assert fitted[0].width == pytest.approx(segments[0].width * scale, rel=1e-9)
    # Fills the box on the limiting axis and is centred on the other.
    assert max(after.width / w, after.height / h) == pytest.approx(1.0, rel=1e-6)
    assert (after.min_x + after.max_x) / 2 == pytest.approx(x + w / 2, abs=tolerance)
    assert (after.min_y + after.max_y) / 2 == pytest.approx(y + h / 2, abs=tolerance)


def test_fit_to_box_can_cap_the_scale_and_handles_nothing() -> None:
    segments = [Segment(0, 0, 10, 0, 1)]
    fitted = fit_to_box(segments, (0, 0, 1000, 1000), max_scale=2.0)
    assert fitted[0].width == 2.0 and fitted[0].x1 - fitted[0].x0 == 20.0
    assert fit_to_box([], (0, 0, 10, 10)) == []
    with pytest.raises(ValueError, match="positive size"):
        fit_to_box(segments, (0, 0, 0, 10))


def test_polylines_join_connected_segments_of_equal_width() -> None:
    segments = [
        Segment(0, 0, 1, 0, 1.0),
        Segment(1, 0, 2, 1, 1.0),
        Segment(2, 1, 3, 1, 1.5),
        Segment(9, 9, 9, 9, 1.5),
        Segment(9, 9, 10, 9, 1.5),
    ]
    lines = polylines(segments)
    assert [line.points for line in lines] == [
        ((0, 0), (1, 0), (2, 1)),
        ((2, 1), (3, 1)),
        ((9, 9), (9, 9), (10, 9)),
    ]
    assert [line.width for line in lines] == [1.0, 1.5, 1.5]


def test_a_signature_prints_as_few_shapes_after_fitting_and_quantizing() -> None:
    signature = Signature(context(), [cursive(count=200), cursive(count=200, scale=0.8), cursive(count=200)])
    segments = quantize(fit_to_box(segments_for(signature), (0, 0, 60, 22)), 0.1)
    assert len(polylines(segments)) < 60
    assert len(segments) <= 650
