"""The act's fonts: the shipped DejaVu Sans subsets, read and parsed once per process.

fpdf2 parses a TrueType file every time ``add_font`` is called, and at output it cuts the parsed font down
to the glyphs used, in place. So each document needs its own font objects; this module parses each file
once and gives every document a copy of the parsed metrics with a fresh, lazily-read glyph table from the
bytes kept in memory. If a future fpdf2 changes the font object, it falls back to plain ``add_font``.

Cutting a font down (fontTools' subsetter) is a sixth of drawing an act, and the same glyphs give the same cut
byte for byte. So the cut of a shipped font is kept per set of glyphs (``FontCuts``): a document whose text uses
glyphs already cut gets those bytes without cutting again, and the act comes out the same as if it had been cut.

Acts of templates 1 and 2 cut each font to exactly the glyphs they print, so nearly every act needed a cut of its
own: on the tablet at signing and on the central service at every check. Acts of template 3 cut each font to the
act's repertoire (``ACT_REPERTOIRE``: Latin, Russian and the other letters and signs acts print) plus any glyph
they print beyond it, so nearly every act takes the same kept cut, at some 10 KB per font in the file.
"""

from __future__ import annotations

import copy
import logging
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace
from typing import IO, Any

import fpdf.output
from fontTools import subset as ftsubset
from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from fieldact.hashing import sha256_hex
from fieldact.resources import resource_path

# Part of act template 3: every act of that template embeds these glyphs, so this string never changes (a
# different repertoire is a new template).
ACT_REPERTOIRE = (
    "".join(chr(code) for code in range(0x20, 0x7F))
    + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    + "ӘәҮүҢңҺһӨөІі«»—–№₽…’\u00a0\u202f"
)

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


def install_fonts(pdf: FPDF, repertoire: bool = False) -> None:
    """Make the act's family available in ``pdf`` without parsing the font files again; with ``repertoire`` its
    fonts are cut to ACT_REPERTOIRE and the glyphs used, else to the glyphs used alone."""
    for font in loaded_fonts():
        key = _font_key(font.style)
        try:
            pdf.fonts[key] = _fresh_copy(font, len(pdf.fonts) + 1, repertoire)
        except (AttributeError, TypeError) as error:  # an fpdf2 whose font object we do not know
            log.debug("falling back to add_font for %s: %s", key, error)
            pdf.add_font(FAMILY, font.style, font.path)


def _fresh_copy(font: LoadedFont, index: int, repertoire: bool = False) -> TTFFont:
    """A per-document font: the parsed metrics shared, the glyph tables and usage state new."""
    copied = copy.copy(font.parsed)
    copied.i = index
    copied.ttfont = DocumentFont(font.data, _repertoire_glyphs(font.data) if repertoire else frozenset())
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


class FontCuts:
    """Cuts of the shipped fonts by (font, glyphs, subsetter options), the most recently used kept."""

    def __init__(self, capacity: int = 256) -> None:  # a cut is some 25 KB
        self.capacity = capacity
        self._cuts: OrderedDict[tuple[str, tuple[str, ...], str], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple[str, tuple[str, ...], str]) -> bytes | None:
        with self._lock:
            cut = self._cuts.get(key)
            if cut is None:
                self.misses += 1
                return None
            self._cuts.move_to_end(key)
            self.hits += 1
            return cut

    def put(self, key: tuple[str, tuple[str, ...], str], cut: bytes) -> None:
        with self._lock:
            self._cuts[key] = cut
            self._cuts.move_to_end(key)
            while len(self._cuts) > self.capacity:
                self._cuts.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._cuts.clear()
            self.hits = self.misses = 0


FONT_CUTS = FontCuts()


class DocumentFont(ttLib.TTFont):
    """One document's copy of a shipped font. fpdf2 cuts it to the glyphs used and then saves it; a cut kept in
    FONT_CUTS is taken instead (``take_cut``), and a fresh cut is kept when it is saved."""

    def __init__(self, data: bytes, keep: frozenset[str] = frozenset()) -> None:
        super().__init__(BytesIO(data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
        self.source = _digest(data)
        self.keep = keep  # glyph names every cut of this document's font holds, used or not
        self.cut: bytes | None = None
        self.pending: tuple[str, tuple[str, ...], str] | None = None

    def take_cut(self, cut: bytes) -> None:
        # The font becomes the cut itself, so fpdf2's glyph ids after the cut are read from it; reading them makes
        # fontTools parse the cut's glyph order, the same for every document that takes this cut.
        super().__init__(BytesIO(cut), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
        self.cut = cut
        self.glyphOrder, self._reverseGlyphOrderDict = _glyph_order(cut)

    def save(self, file: str | IO[bytes], reorderTables: bool | None = True) -> None:  # noqa: N803 - fontTools' name
        if self.cut is not None and not isinstance(file, str):
            file.write(self.cut)
            return
        if self.pending is None or isinstance(file, str):
            super().save(file, reorderTables)
            return
        out = BytesIO()
        super().save(out, reorderTables)
        FONT_CUTS.put(self.pending, out.getvalue())
        self.pending = None
        file.write(out.getvalue())


@cache
def _digest(data: bytes) -> str:
    return sha256_hex(data)


@cache
def _repertoire_glyphs(data: bytes) -> frozenset[str]:
    cmap = ttLib.TTFont(BytesIO(data), lazy=True).getBestCmap()
    return frozenset(cmap[ord(char)] for char in ACT_REPERTOIRE if ord(char) in cmap)


@lru_cache(maxsize=256)
def _glyph_order(cut: bytes) -> tuple[list[str], dict[str, int]]:
    order = ttLib.TTFont(BytesIO(cut), lazy=True).getGlyphOrder()
    return order, {name: index for index, name in enumerate(order)}


class _KeptSubsetter:
    """fontTools' Subsetter as fpdf2 calls it (populate, then subset), answering from FONT_CUTS for our fonts."""

    def __init__(self, options: ftsubset.Options) -> None:
        self._options = options
        self._glyphs: tuple[str, ...] = ()
        self._others: dict[str, Any] = {}

    def populate(self, glyphs: Any = (), **others: Any) -> None:
        self._glyphs = tuple(sorted(glyphs))
        self._others = others

    def subset(self, font: ttLib.TTFont) -> None:
        if not isinstance(font, DocumentFont) or self._others:
            self._cut(font, self._glyphs)
            return
        glyphs = tuple(sorted(font.keep.union(self._glyphs))) if font.keep else self._glyphs
        key = (font.source, glyphs, repr(sorted(vars(self._options).items())))
        cut = FONT_CUTS.get(key)
        if cut is not None:
            font.take_cut(cut)
            return
        self._cut(font, glyphs)
        font.pending = key

    def _cut(self, font: ttLib.TTFont, glyphs: tuple[str, ...]) -> None:
        subsetter = ftsubset.Subsetter(self._options)
        subsetter.populate(glyphs=glyphs, **self._others)
        subsetter.subset(font)


class _KeptFontStream(fpdf.output.PDFFontStream):
    """fpdf2's stream of an embedded font file, compressed once per kept cut: zlib gives the same bytes for the same
    input, and a kept cut is the same bytes object in every document that takes it."""

    def __init__(self, contents: bytes) -> None:
        super().__init__(b"")  # the attributes of a compressed font stream, then its contents
        self._contents = _deflated(contents)
        self.length, self.length1 = len(self._contents), len(contents)


@lru_cache(maxsize=64)
def _deflated(data: bytes) -> bytes:
    return zlib.compress(data, level=fpdf.output.PDFFontStream._COMPRESSION_LEVEL)  # noqa: SLF001 - fpdf2's level


# fpdf2 reaches the subsetter through its module's name for fontTools.subset; only DocumentFont uses the cuts.
fpdf.output.PDFFontStream = _KeptFontStream  # type: ignore[misc]
fpdf.output.ftsubset = SimpleNamespace(Options=ftsubset.Options, Subsetter=_KeptSubsetter)  # type: ignore[attr-defined]
