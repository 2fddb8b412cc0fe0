"""How fast a 12 MP camera frame becomes an evidence photo, and how large the stored photos are.

``process_12mp_ms``: a 4000×3000 JPEG as a camera writes it (EXIF orientation 6) made upright, downscaled to
1,600 px, stamped, encoded and hashed; median of repeated runs (bar <= 300 ms). ``photo_kb``: median stored
size over frames of different detail (bar <= 300 KB). The frames are synthetic scenes: smooth walls and
light, hard edges (a cable, a door), fine texture and sensor noise, which is what a JPEG spends bytes on.

Prints one JSON line. Run: .venv/bin/python benchmarks/bench_photo.py
"""

from __future__ import annotations

import gc
import io
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

try:
    import fieldact.photo  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PIL import Image, ImageDraw, ImageFilter

from fieldact.photo import Stamp, process_bytes

WIDTH, HEIGHT = 4000, 3000
RUNS = 7
STAMP = Stamp("2026-000123", "Бирки на кабеле", datetime(2026, 12, 3, 10, 15))


def scene(seed: int, noise: float) -> Image.Image:
    """A wall with light falling off, a door frame, a cable along it, textured plaster and sensor noise."""
    light = Image.radial_gradient("L").resize((WIDTH, HEIGHT)).point(lambda v: 235 - v // 3)
    image = Image.merge("RGB", (light, light.point(lambda v: v - 8), light.point(lambda v: v - 20)))
    draw = ImageDraw.Draw(image)
    draw.rectangle((2600 + seed * 40, 300, 3400, HEIGHT), fill=(120, 80, 50), outline=(40, 30, 20), width=25)
    draw.line((0, 900 + seed * 60, WIDTH, 1100), fill=(250, 250, 250), width=30)
    draw.line((0, 930 + seed * 60, WIDTH, 1130), fill=(60, 60, 60), width=6)
    draw.rectangle((1000, 1800, 1700, 2400), fill=(230, 230, 220), outline=(90, 90, 90), width=8)
    texture = Image.effect_noise((WIDTH // 8, HEIGHT // 8), 60).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((WIDTH, HEIGHT), noise)
    mixed = Image.merge("RGB", [Image.blend(texture, grain, 0.5)] * 3)
    return Image.blend(image, mixed, 0.18).filter(ImageFilter.SMOOTH)


def camera_jpeg(image: Image.Image) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Tablet camera"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()


def main() -> int:
    frames = [camera_jpeg(scene(seed, noise)) for seed, noise in ((0, 20), (2, 40), (4, 60))]
    for _ in range(2):
        process_bytes(frames[0], STAMP)
    timings = []
    for index in range(RUNS):
        gc.collect()
        start = time.perf_counter()
        process_bytes(frames[index % len(frames)], STAMP)
        timings.append(time.perf_counter() - start)
    sizes = [len(process_bytes(frame, STAMP).jpeg) / 1024 for frame in frames]
    figures = {
        "process_12mp_ms": round(statistics.median(timings) * 1000, 1),
        "photo_kb": round(statistics.median(sizes), 1),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
