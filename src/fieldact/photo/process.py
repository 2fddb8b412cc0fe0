"""A camera frame or an imported picture made into a photo fit to be evidence.

Orientation applied, downscaled to 1,600 px on the long edge, the visit's number, the item and the time
burned into the bottom-left corner, encoded as a JPEG of quality 80 with no EXIF left (no GPS, no camera
serial), and the SHA-256 over exactly the stored bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from fieldact.hashing import sha256_hex
from fieldact.resources import resource_path
from fieldact.text import InputError, say

LONG_EDGE = 1600
JPEG_QUALITY = 80
MAX_INPUT_PIXELS = 60_000_000  # a 12 MP camera, with room for 50 MP phones; more is a hostile file
MAX_INPUT_BYTES = 40 * 1024 * 1024
STAMP_FONT = "fonts/DejaVuSans-Bold.ttf"
MIME = "image/jpeg"


@dataclass(frozen=True, slots=True)
class Stamp:
    """What is burned into the photo's corner."""

    visit_number: str
    item: str  # the item's short name, as the act prints it
    taken_at: datetime  # local time of the visit's place

    def lines(self) -> tuple[str, str]:
        return (f"Визит № {self.visit_number} · {self.taken_at:%d.%m.%Y %H:%M}", self.item)


@dataclass(frozen=True, slots=True)
class Photo:
    jpeg: bytes
    sha256: str
    width: int
    height: int


def process_bytes(data: bytes, stamp: Stamp) -> Photo:
    """A picture file (JPEG, PNG, ...) as it came from a camera or a folder; InputError when it is not one."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_not_a_picture())
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_INPUT_PIXELS:
            raise InputError(_not_a_picture())
        # JPEG decodes at 1/2, 1/4 or 1/8 scale for free; the draft stays at least LONG_EDGE on the long side
        image.draft("RGB", _draft_size(image.size))
        upright = ImageOps.exif_transpose(image)
        upright.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        if isinstance(error, InputError):
            raise
        raise InputError(_not_a_picture()) from error
    return process_image(upright, stamp)


def process_image(image: Image.Image, stamp: Stamp) -> Photo:
    """A decoded frame, already upright (a camera frame carries its rotation in the pixels)."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    small = _downscaled(rgb)
    _burn(small, stamp)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
    jpeg = out.getvalue()
    return Photo(jpeg, sha256_hex(jpeg), small.width, small.height)


def _draft_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = size
    scale = LONG_EDGE / max(width, height)
    return (max(1, round(width * scale)), max(1, round(height * scale))) if scale < 1 else size


def _downscaled(image: Image.Image) -> Image.Image:
    long_edge = max(image.size)
    if long_edge <= LONG_EDGE:
        return image.copy()
    scale = LONG_EDGE / long_edge
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    factor = int(long_edge // LONG_EDGE)  # a cheap box reduce first, then a good filter for the rest
    return image.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0 if factor >= 2 else None)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path(STAMP_FONT)), size)


def _burn(image: Image.Image, stamp: Stamp) -> None:
    """White text on a dark band in the bottom-left corner, 2.5 % of the short edge high per line."""
    size = max(12, round(min(image.size) * 0.025))
    font = _font(size)
    lines = [_fit(line, font, image.width * 0.75) for line in stamp.lines()]
    pad = size // 2
    line_height = round(size * 1.25)
    width = max(round(font.getlength(line)) for line in lines) + 2 * pad
    height = line_height * len(lines) + 2 * pad
    top = image.height - height
    band = Image.new("RGBA", (width, height), (0, 0, 0, 150))
    draw = ImageDraw.Draw(band)
    for index, line in enumerate(lines):
        draw.text((pad, pad + index * line_height), line, font=font, fill=(255, 255, 255, 255))
    image.paste(band, (0, max(0, top)), band)


def _fit(text: str, font: ImageFont.FreeTypeFont, max_width: float) -> str:
    """The text cut with an ellipsis so the band never spans more than ``max_width`` pixels."""
    if font.getlength(text) <= max_width:
        return text
    while text and font.getlength(text + "…") > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def _not_a_picture() -> str:
    return say(
        "Этот файл не открывается как фотография. Выберите снимок в формате JPEG или PNG.",
        "This file does not open as a photo. Choose a JPEG or PNG picture.",
    )
