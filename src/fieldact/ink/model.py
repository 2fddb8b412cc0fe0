"""The signature as captured: every sample the pad received, plus how and where it was captured.

Nothing here filters, smooths or rounds. Values are validated on construction so that a NaN or an
out-of-range pressure is an error at the point where it enters, not a surprise in the PDF.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from itertools import pairwise
from math import isfinite


class PointerType(StrEnum):
    PEN = "pen"
    TOUCH = "touch"
    MOUSE = "mouse"


def _finite(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}.")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}.")
    return value


def _optional_finite(name: str, value: float | None) -> float | None:
    return None if value is None else _finite(name, value)


def _positive(name: str, value: float) -> float:
    value = _finite(name, value)
    if value <= 0:
        raise ValueError(f"{name} must be greater than zero, got {value!r}.")
    return value


@dataclass(frozen=True, slots=True)
class Sample:
    """One pointer event: monotonic time in ms, position in logical px, optional pressure and tilt."""

    t_ms: float
    x: float
    y: float
    pressure: float | None = None
    tilt_x: float | None = None
    tilt_y: float | None = None
    pointer: PointerType = PointerType.PEN

    def __post_init__(self) -> None:
        if not self._plain():
            self._validate()

    def _plain(self) -> bool:
        # A signature holds thousands of samples: floats that are finite, pressure within 0..1 and a PointerType
        # pass here without the conversions below, which would leave them as they are.
        if type(self.pointer) is not PointerType:
            return False
        for value in (self.t_ms, self.x, self.y):
            if type(value) is not float or not isfinite(value):
                return False
        for value in (self.tilt_x, self.tilt_y):
            if value is not None and (type(value) is not float or not isfinite(value)):
                return False
        pressure = self.pressure
        return pressure is None or (type(pressure) is float and 0.0 <= pressure <= 1.0)

    def _validate(self) -> None:
        set_ = object.__setattr__
        set_(self, "t_ms", _finite("Sample.t_ms", self.t_ms))
        set_(self, "x", _finite("Sample.x", self.x))
        set_(self, "y", _finite("Sample.y", self.y))
        set_(self, "pressure", _optional_finite("Sample.pressure", self.pressure))
        set_(self, "tilt_x", _optional_finite("Sample.tilt_x", self.tilt_x))
        set_(self, "tilt_y", _optional_finite("Sample.tilt_y", self.tilt_y))
        set_(self, "pointer", PointerType(self.pointer))
        if self.pressure is not None and not 0.0 <= self.pressure <= 1.0:
            raise ValueError(f"Sample.pressure must be between 0 and 1, got {self.pressure!r}.")


@dataclass(frozen=True, slots=True)
class BoundingBox:
    min_x: float
    min_y: float
    max_x: float
    max_y: float

    @property
    def width(self) -> float:
        return self.max_x - self.min_x

    @property
    def height(self) -> float:
        return self.max_y - self.min_y


@dataclass(frozen=True, slots=True)
class Stroke:
    """One contact of one pointer, from press to release. Holds at least one sample."""

    samples: tuple[Sample, ...]
    pointer: PointerType

    def __post_init__(self) -> None:
        object.__setattr__(self, "samples", tuple(self.samples))
        object.__setattr__(self, "pointer", PointerType(self.pointer))
        if not self.samples:
            raise ValueError("A stroke must hold at least one sample.")
        for index, sample in enumerate(self.samples):
            if not isinstance(sample, Sample):
                raise TypeError(f"Stroke sample {index} is a {type(sample).__name__}, not a Sample.")
            if sample.pointer is not self.pointer:
                raise ValueError(
                    f"Stroke sample {index} comes from a {sample.pointer.value}, "
                    f"but the stroke is drawn with a {self.pointer.value}."
                )

    @property
    def ink_length_px(self) -> float:
        return sum(math.hypot(b.x - a.x, b.y - a.y) for a, b in pairwise(self.samples))


def _utc(name: str, value: datetime) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, got {type(value).__name__}.")
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(f"{name} must carry a time zone (UTC); a naive datetime is ambiguous.")
    if offset.total_seconds() != 0:
        raise ValueError(f"{name} must be in UTC, got offset {offset}.")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CaptureContext:
    """The pad the signature was drawn on and what the device reported about itself."""

    pad_width_px: float
    pad_height_px: float
    pad_width_mm: float
    pad_height_mm: float
    device_pixel_ratio: float
    pointer_types: frozenset[PointerType]
    pressure_real: bool
    started_at_utc: datetime

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        for name in ("pad_width_px", "pad_height_px", "pad_width_mm", "pad_height_mm", "device_pixel_ratio"):
            set_(self, name, _positive(f"CaptureContext.{name}", getattr(self, name)))
        set_(self, "pointer_types", frozenset(PointerType(p) for p in self.pointer_types))
        if not isinstance(self.pressure_real, bool):
            raise TypeError("CaptureContext.pressure_real must be a bool.")
        set_(self, "started_at_utc", _utc("CaptureContext.started_at_utc", self.started_at_utc))

    @property
    def started_at_iso(self) -> str:
        return self.started_at_utc.isoformat()

    @property
    def pad_diagonal_px(self) -> float:
        return math.hypot(self.pad_width_px, self.pad_height_px)

    @property
    def px_per_mm(self) -> float:
        return self.pad_width_px / self.pad_width_mm


@dataclass(frozen=True, slots=True)
class Signature:
    context: CaptureContext
    strokes: tuple[Stroke, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "strokes", tuple(self.strokes))
        for index, stroke in enumerate(self.strokes):
            if not isinstance(stroke, Stroke):
                raise TypeError(f"Signature stroke {index} is a {type(stroke).__name__}, not a Stroke.")

    @property
    def sample_count(self) -> int:
        return sum(len(stroke.samples) for stroke in self.strokes)

    @property
    def ink_length_px(self) -> float:
        return sum(stroke.ink_length_px for stroke in self.strokes)

    @property
    def is_empty(self) -> bool:
        return not self.strokes

    def samples(self) -> Iterator[Sample]:
        for stroke in self.strokes:
            yield from stroke.samples

    def bounding_box(self) -> BoundingBox | None:
        """The box around every sample position, or None for an empty signature."""
        xs = [s.x for s in self.samples()]
        if not xs:
            return None
        ys = [s.y for s in self.samples()]
        return BoundingBox(min(xs), min(ys), max(xs), max(ys))
