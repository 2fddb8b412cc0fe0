"""Pen events processed and painted per second by the real signature pad, early and late in a long stroke.

Synthetic QTabletEvents (a stylus with pressure and tilt) are sent to a shown SignaturePad on the offscreen
platform; after each event the event loop runs, so the pad's dirty-rectangle repaint is part of the cost.
The figures are taken when the stroke already holds 100 and 5,000 samples. Prints one JSON line.

Run: .venv/bin/python benchmarks/bench_ink.py
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

try:
    import fieldact.ui  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPaintEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fieldact.ui.app import create_application
from fieldact.ui.signature_pad import SignaturePad

# The path repeats every PERIOD samples, so the events timed at either depth draw the same geometry.
PERIOD = 100
PROBE = 2 * PERIOD
DEPTHS = (100, 5_000)
REPEATS = 5
PAD_SIZE = (1200, 600)


class CountingPad(SignaturePad):
    """The pad, counting its paint events so the benchmark can show that every event was painted."""

    paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        CountingPad.paints += 1
        super().paintEvent(event)


def stylus() -> QPointingDevice:
    caps = (
        QInputDevice.Capability.Position
        | QInputDevice.Capability.Pressure
        | QInputDevice.Capability.XTilt
        | QInputDevice.Capability.YTilt
    )
    return QPointingDevice(
        "bench stylus", 1, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen, caps, 1, 2
    )


def pen_event(device: QPointingDevice, kind: QEvent.Type, i: int) -> QTabletEvent:
    """Sample i of loops written left to right and back, with varying pressure, as a 200 Hz pen sends them."""
    phase = 2 * math.pi * i / PERIOD
    x = 600 + 400 * math.sin(phase) + 25 * math.sin(2 * phase)
    y = 300 + 120 * math.sin(phase) * math.cos(3 * phase)
    pressure = 0.35 + 0.45 * abs(math.sin(3 * phase))
    position = QPointF(x, y)
    return QTabletEvent(
        kind,
        device,
        position,
        position,
        pressure,
        10 * math.sin(phase),
        30.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
    )


def events_per_second(pad: CountingPad, device: QPointingDevice, depth: int) -> tuple[float, float]:
    """Best rate over REPEATS of PROBE events sent when the stroke holds depth samples; also paints per event."""
    probe = [pen_event(device, QEvent.Type.TabletMove, depth + k) for k in range(PROBE)]
    best, paints_per_event = 0.0, 0.0
    for _ in range(REPEATS):
        pad.clear()
        QApplication.sendEvent(pad, pen_event(device, QEvent.Type.TabletPress, 0))
        for i in range(1, depth):
            QApplication.sendEvent(pad, pen_event(device, QEvent.Type.TabletMove, i))
        QApplication.processEvents()
        assert pad.signature().sample_count == depth
        CountingPad.paints = 0
        started = time.perf_counter()
        for event in probe:
            QApplication.sendEvent(pad, event)
            QApplication.processEvents()
        elapsed = time.perf_counter() - started
        if PROBE / elapsed > best:
            best, paints_per_event = PROBE / elapsed, CountingPad.paints / PROBE
    return best, paints_per_event


def main() -> None:
    create_application("ru")
    pad = CountingPad()
    pad.resize(*PAD_SIZE)
    pad.show()
    QTest.qWaitForWindowExposed(pad)
    device = stylus()
    events_per_second(pad, device, PERIOD)  # warm-up
    rates = {depth: events_per_second(pad, device, depth) for depth in DEPTHS}
    at_100, at_5000 = rates[100][0], rates[5_000][0]
    print(
        json.dumps(
            {
                "events_per_s_at_100": round(at_100),
                "events_per_s_at_5000": round(at_5000),
                "cost_ratio_5000_vs_100": round(at_100 / at_5000, 3),
                "paints_per_event": round(min(rates[100][1], rates[5_000][1]), 3),
                "event_source": "QTabletEvent",
                "device_pixel_ratio": pad.devicePixelRatioF(),
                "pad_px": list(PAD_SIZE),
            }
        )
    )


if __name__ == "__main__":
    main()
