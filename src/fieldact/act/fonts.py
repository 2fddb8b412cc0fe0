"""The act's fonts: the shipped DejaVu Sans subsets, read and parsed once per process.

fpdf2 parses a TrueType file every time ``add_font`` is called, and at output it cuts the parsed font down
to the glyphs used, in place. So each document needs its own font objects; this module parses each file
once and gives every document a copy of the parsed metrics with a fresh, lazily-read glyph table from the
bytes kept in memory. If a future fpdf2 changes the font object, it falls back to plain ``add_font``.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from fieldact.resources import resource_path

FAMILY = "DejaVu"
FONT_FILES: dict[str, str] = {"": "fonts/DejaVuSans.ttf", "B": "fonts/DejaVuSans-Bold.ttf"}
LICENSE_FILE = "fonts/LICENSE"

log = logging.getLogger(__name__)


class FontMissingError(FileNotFoundError):
    """A font the act needs is not where the app ships it."""


@dataclass(frozen=True, slots=True)
class LoadedFont:
    style: str
    path: Path
    data: bytes
    parsed: TTFFont


def font_path(style: str) -> Path:
    path = resource_path(FONT_FILES[style])
    if not path.is_file():
        raise FontMissingError(f"The act's font {path} is missing; reinstall fieldact.")
    return path


@cache
def loaded_fonts() -> tuple[LoadedFont, ...]:
    """Every font of the act, read from disk and parsed once per process."""
    probe = FPDF()
    fonts = []
    for style in FONT_FILES:
        path = font_path(style)
        probe.add_font(FAMILY, style, path)
        fonts.append(LoadedFont(style, path, path.read_bytes(), probe.fonts[_font_key(style)]))
    return tuple(fonts)


def install_fonts(pdf: FPDF) -> None:
    """Make the act's family available in ``pdf`` without parsing the font files again."""
    for font in loaded_fonts():
        key = _font_key(font.style)
        try:
            pdf.fonts[key] = _fresh_copy(font, len(pdf.fonts) + 1)
        except (AttributeError, TypeError) as error:  # an fpdf2 whose font object we do not know
            log.debug("falling back to add_font for %s: %s", key, error)
            pdf.add_font(FAMILY, font.style, font.path)


def _fresh_copy(font: LoadedFont, index: int) -> TTFFont:
    """A per-document font: the parsed metrics shared, the glyph tables and usage state new."""
    copied = copy.copy(font.parsed)
    copied.i = index
    copied.ttfont = ttLib.TTFont(BytesIO(font.data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    copied.missing_glyphs = []
    copied.biggest_size_pt = 0
    copied.color_font = None
    copied.subset = SubsetMap(copied)
    copied._hbfont = None
    return copied


def _font_key(style: str) -> str:
    return f"{FAMILY.lower()}{style}"


def release_font_caches() -> None:
    """Drop fpdf2's per-font memo of picked glyphs, which would otherwise keep every document's fonts alive.

    The memo (``functools.cache`` on ``SubsetMap`` methods) is keyed by the map itself; clearing it only
    costs a lookup again for documents still being drawn.
    """
    for name in ("pick", "get_glyph"):
        clear = getattr(getattr(SubsetMap, name, None), "cache_clear", None)
        if clear is not None:
            clear()
