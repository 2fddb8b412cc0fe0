"""Sample photos for the demo data, the act sample and tests: a drawn wall with a cable, made like a real one."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from PIL import Image, ImageDraw

from fieldact.photo.process import Photo, Stamp, process_image


@cache
def _scene(index: int) -> Image.Image:
    image = Image.new("RGB", (1600, 1200), (214, 206, 190))
    draw = ImageDraw.Draw(image)
    shade = 40 * (index % 4)
    draw.rectangle((0, 0, 1600, 220), fill=(236, 232, 220))
    draw.rectangle((1100 - shade, 160, 1400, 1200), fill=(130, 86, 52), outline=(50, 35, 20), width=12)
    draw.line((0, 420 + shade, 1600, 480), fill=(250, 250, 250), width=18)
    draw.rectangle((500 + shade, 400 + shade, 620 + shade, 470 + shade), fill=(250, 210, 40))
    return image


def sample_photo(visit_number: str, caption: str, taken_at: datetime, index: int = 0) -> Photo:
    return process_image(_scene(index % 4), Stamp(visit_number, caption, taken_at))
