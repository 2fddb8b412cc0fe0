import math
from datetime import UTC, datetime, timedelta, timezone

import pytest

from fieldact.ink import BoundingBox, CaptureContext, PointerType, Sample, Signature, Stroke

UTC_START = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def context(**overrides: object) -> CaptureContext:
    values: dict[str, object] = {
        "pad_width_px": 800.0,
        "pad_height_px": 300.0,
        "pad_width_mm": 160.0,
        "pad_height_mm": 60.0,
        "device_pixel_ratio": 1.5,
        "pointer_types": frozenset({PointerType.PEN}),
        "pressure_real": True,
        "started_at_utc": UTC_START,
    }
    values.update(overrides)
    return CaptureContext(**values)  # type: ignore[arg-type]


def pen(t: float, x: float, y: float, pressure: float | None = 0.5) -> Sample:
    return Sample(t, x, y, pressure, None, None, PointerType.PEN)


@pytest.mark.parametrize("field", ["t_ms", "x", "y", "pressure", "tilt_x", "tilt_y"])
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_sample_rejects_non_finite_numbers_naming_the_field(field: str, bad: float) -> None:
    values = {"t_ms": 1.0, "x": 2.0, "y": 3.0, "pressure": 0.5, "tilt_x": 0.0, "tilt_y": 0.0}
    values[field] = bad
    with pytest.raises(ValueError, match=f"Sample.{field} must be a finite number"):
        Sample(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("pressure", [-0.01, 1.0001])
def test_sample_rejects_pressure_outside_zero_to_one(pressure: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        pen(0, 0, 0, pressure)


def test_sample_keeps_optional_values_absent_and_coerces_pointer_and_ints() -> None:
    sample = Sample(5, 1, 2, None, None, None, "touch")  # type: ignore[arg-type]
    assert sample.pointer is PointerType.TOUCH
    assert (sample.pressure, sample.tilt_x, sample.tilt_y) == (None, None, None)
    assert isinstance(sample.t_ms, float) and isinstance(sample.x, float)


def test_sample_rejects_bool_and_text_for_numbers() -> None:
    with pytest.raises(TypeError):
        Sample(True, 0.0, 0.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Sample(0.0, "1", 0.0)  # type: ignore[arg-type]


def test_stroke_needs_a_sample_and_one_pointer_type() -> None:
    with pytest.raises(ValueError, match="at least one sample"):
        Stroke((), PointerType.PEN)
    touch = Sample(1.0, 1.0, 1.0, None, None, None, PointerType.TOUCH)
    with pytest.raises(ValueError, match="comes from a touch"):
        Stroke((pen(0, 0, 0), touch), PointerType.PEN)


def test_stroke_keeps_every_sample_including_repeats() -> None:
    samples = [pen(0, 10, 10), pen(1, 10, 10), pen(2, 10, 10), pen(3, 13, 14)]
    stroke = Stroke(samples, PointerType.PEN)
    assert stroke.samples == tuple(samples)
    assert stroke.ink_length_px == pytest.approx(5.0)


def test_context_requires_utc_aware_start_and_positive_sizes() -> None:
    with pytest.raises(ValueError, match="naive"):
        context(started_at_utc=datetime(2025, 3, 1, 9, 30))
    with pytest.raises(ValueError, match="must be in UTC"):
        context(started_at_utc=datetime(2025, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=3))))
    with pytest.raises(ValueError, match="pad_width_mm must be greater than zero"):
        context(pad_width_mm=0.0)
    assert context().started_at_iso == "2025-03-01T09:30:00+00:00"


def test_signature_helpers_count_measure_and_box_all_strokes() -> None:
    first = Stroke([pen(0, 10, 20), pen(5, 13, 24)], PointerType.PEN)
    second = Stroke([pen(50, 100, 5), pen(55, 100, 45), pen(60, 100, 45)], PointerType.PEN)
    signature = Signature(context(), [first, second])
    assert signature.sample_count == 5
    assert signature.ink_length_px == pytest.approx(5.0 + 40.0)
    assert signature.bounding_box() == BoundingBox(10, 5, 100, 45)
    assert not signature.is_empty


def test_empty_signature_has_no_box_and_no_ink() -> None:
    signature = Signature(context())
    assert signature.is_empty
    assert signature.bounding_box() is None
    assert signature.sample_count == 0
    assert signature.ink_length_px == 0.0
