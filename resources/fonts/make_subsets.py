"""Regenerate the act's subset fonts from the full DejaVu Sans (Debian's fonts-dejavu-core, version 2.37).

A development tool: needs fonttools (``pip install fonttools``); the app only reads the committed subsets.
Run: ``python resources/fonts/make_subsets.py [DEJAVU_DIR]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
SOURCE = Path("/usr/share/fonts/truetype/dejavu")
FACES = ("DejaVuSans", "DejaVuSans-Bold")

# Latin with Latin-1 and Extended-A, Cyrillic with its supplement (names of every people of Russia), general
# punctuation with the no-break spaces, №, ™, ₽, arrows, minus, ✓ and ✗.
RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x017F),
    (0x0400, 0x052F),
    (0x2010, 0x2027),
    (0x202F, 0x202F),
    (0x2030, 0x2030),
    (0x2039, 0x203A),
    (0x20BD, 0x20BD),
    (0x2116, 0x2116),
    (0x2122, 0x2122),
    (0x2190, 0x2193),
    (0x2212, 0x2212),
    (0x2713, 0x2713),
    (0x2717, 0x2717),
)


def options() -> subset.Options:
    chosen = subset.Options()
    chosen.hinting = False  # hinting programs are most of the file; PDF viewers rasterize fine without
    chosen.layout_features = []  # fpdf2 draws without shaping
    chosen.drop_tables += ["GDEF", "GPOS", "GSUB", "MATH", "gasp", "FFTM"]
    chosen.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # names, copyright and licence
    chosen.glyph_names = True  # glyph names in 'post' spare every reader rebuilding them from the cmap
    chosen.notdef_outline = True
    return chosen


def make(face: str, source: Path) -> Path:
    font = TTFont(source / f"{face}.ttf", recalcTimestamp=False)  # the same input gives the same bytes
    subsetter = subset.Subsetter(options())
    subsetter.populate(unicodes=[code for low, high in RANGES for code in range(low, high + 1)])
    subsetter.subset(font)
    cmap = font["cmap"]
    cmap.tables = [table for table in cmap.tables if (table.platformID, table.platEncID) == (3, 1)]
    target = HERE / f"{face}.ttf"
    font.save(target)
    return target


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    for face in FACES:
        target = make(face, source)
        print(f"{target.name}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
