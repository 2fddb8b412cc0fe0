"""How fast the live pad turns pen samples into ink, and whether the cost stays flat as a stroke grows.

Prints one JSON line. Run: .venv/bin/python benchmarks/bench_ink_geometry.py
"""

from __future__ import annotations

import gc
import json
import math
import random
import struct
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

try:
    import fieldact.ink  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from fieldact.ink import CaptureContext, PointerType, Sample, Signature, Stroke, StrokeBuilder, encode

# The path repeats every PERIOD samples, so windows at different depths see the same geometry.
PERIOD = 100
PROBE = PERIOD
REPEATS = 15


def float32(value: float) -> float:
    return struct.unpack(">f", struct.pack(">f", value))[0]


def pen_sample(i: int) -> Sample:
    """A 200 Hz pen writing loops from left to right, values as float32 like a tablet reports them."""
    phase = 2 * math.pi * i / PERIOD
    x = 0.8 * i + 25 * math.sin(2 * phase)
    y = 150 + 60 * math.sin(phase) * math.cos(3 * phase)
    pressure = 0.35 + 0.45 * abs(math.sin(3 * phase))
    return Sample(5.0 * i, float32(x), float32(y), float32(pressure), float32(10 * math.sin(phase)), 30.0)


def cost_per_event_ns(depth: int, samples: list[Sample]) -> float:
    """Least mean cost of add() over PROBE samples fed when the stroke already holds depth samples."""
    best = math.inf
    for _ in range(REPEATS):
        builder = StrokeBuilder(PointerType.PEN, pressure_real=True)
        for sample in samples[:depth]:
            builder.add(sample)
        probe = samples[depth : depth + PROBE]
        gc.disable()
        started = time.perf_counter_ns()
        for sample in probe:
            builder.add(sample)
        elapsed = time.perf_counter_ns() - started
        gc.enable()
        best = min(best, elapsed / PROBE)
    return best


def signature_600(as_float32: bool = True) -> Signature:
    """Three strokes of 200 pen samples with a little hand tremor, as stored after a real signing.

    Float32 values are what Android tablets report; as_float32=False gives arbitrary doubles, the
    worst case for the lossless codec.
    """
    rounding = float32 if as_float32 else float
    tremor = random.Random(600)
    strokes = []
    for k in range(3):
        samples = []
        for i in range(200):
            u = i / 200
            x = 120 + 200 * k + 160 * u + (30 + 5 * k) * math.sin((14 + 3 * k) * u) + tremor.gauss(0, 0.3)
            y = 150 + (55 - 8 * k) * math.sin((9 + 2 * k) * u + k) * math.cos(3 * u) + tremor.gauss(0, 0.3)
            pressure = min(1.0, max(0.0, 0.3 + 0.5 * abs(math.sin((5 + k) * u)) + tremor.gauss(0, 0.01)))
            t = 8_000_000.0 + 5 * (200 * k + i) + 350 * k
            tilt = (rounding(25 + 8 * math.sin(u)), rounding(-12 + 4 * math.cos(u)))
            samples.append(Sample(t, rounding(x), rounding(y), rounding(pressure), *tilt))
        strokes.append(Stroke(samples, PointerType.PEN))
    context = CaptureContext(800, 300, 160, 60, 1.5, {PointerType.PEN}, True, datetime(2025, 3, 1, tzinfo=UTC))
    return Signature(context, strokes)


def main() -> None:
    samples = [pen_sample(i) for i in range(5_000 + PROBE)]
    at_100 = cost_per_event_ns(100, samples)
    at_5000 = cost_per_event_ns(5_000, samples)
    result = {
        "geometry_events_per_s_at_100": round(1e9 / at_100),
        "geometry_events_per_s_at_5000": round(1e9 / at_5000),
        "geometry_mean_cost_us_at_100": round(at_100 / 1000, 2),
        "geometry_mean_cost_us_at_5000": round(at_5000 / 1000, 2),
        "cost_ratio_5000_vs_100": round(at_5000 / at_100, 3),
        "signature_600_encoded_bytes": len(encode(signature_600())),
        "signature_600_encoded_bytes_float64": len(encode(signature_600(as_float32=False))),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
