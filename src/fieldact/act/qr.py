"""The QR code of the act: a module matrix (error correction M) and its runs of dark modules.

The symbol is qrcode's, module for module. qrcode picks the mask by laying the data out eight times and scoring
each layout in Python, which was a twentieth of drawing an act (and of checking one on the service). Here the
data is laid out once; each mask's layout follows from it by flipping the data modules where the two masks differ,
and the four penalty rules of ISO/IEC 18004 are counted on rows and columns as bit strings, the way qrcode counts
them (the same runs, blocks, finder-like patterns and balance), so the same mask wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import qrcode
from qrcode import util
from qrcode.constants import ERROR_CORRECT_M

Matrix = tuple[tuple[bool, ...], ...]

MASKS = range(8)
_LONG_RUNS = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def qr_matrix(text: str) -> Matrix:
    """The symbol's modules, True for dark, without a quiet zone (the page keeps that clear)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.best_fit()
    code.makeImpl(False, best_mask(code))
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


def best_mask(code: qrcode.QRCode) -> int:
    """The mask qrcode's ``best_mask_pattern`` chooses for ``code`` (its version already fitted)."""
    data_modules = _data_modules(code.version)
    code.makeImpl(True, 0)  # a test layout: format and version modules left light, as qrcode scores them
    size = code.modules_count
    laid = [int(bytes(row).translate(_DIGITS), 2) for row in code.modules]
    unmasked = [row ^ (mask & data) for row, mask, data in zip(laid, _mask_rows(0, size), data_modules, strict=True)]
    best, lowest = 0, -1
    for pattern in MASKS:
        rows = [
            row ^ (mask & data)
            for row, mask, data in zip(unmasked, _mask_rows(pattern, size), data_modules, strict=True)
        ]
        score = penalty(rows, size)
        if lowest < 0 or score < lowest:
            best, lowest = pattern, score
    return best


def penalty(rows: Sequence[int], size: int) -> int:
    """ISO/IEC 18004's mask penalty as qrcode's ``lost_point`` counts it, for rows given as bits (column 0 the
    most significant)."""
    lines = [format(row, f"0{size}b") for row in rows]
    both = "|".join((*lines, *("".join(column) for column in zip(*lines, strict=True))))  # '|' ends every run
    long_runs = _LONG_RUNS.findall(both)
    runs = sum(map(len, long_runs)) - 2 * len(long_runs)
    every_pair = (1 << (size - 1)) - 1  # a 2×2 block starts at each of the first size - 1 columns
    blocks = 0
    for upper, lower in zip(rows, rows[1:], strict=False):
        same = ~(upper ^ lower)
        blocks += bin(same & (same >> 1) & ~(upper ^ (upper >> 1)) & every_pair).count("1")
    finder_like = len(_FINDER_LIKE.findall(both))
    dark = sum(bin(row).count("1") for row in rows)
    balance = int(abs(dark / size**2 * 100 - 50) / 5)
    return runs + 3 * blocks + 40 * finder_like + 10 * balance


@lru_cache(maxsize=40)
def _data_modules(version: int) -> list[int]:
    """Which modules carry data: those the version's fixed patterns and format and version areas leave unset."""
    code = qrcode.QRCode(version=version, error_correction=ERROR_CORRECT_M, border=0)
    code.map_data = lambda data, mask: None  # type: ignore[method-assign] - lay out everything but the data
    code.data_cache = b""  # nothing to encode: only the frame is wanted
    code.makeImpl(True, 0)
    return [_bits(module is None for module in row) for row in code.modules]


@lru_cache(maxsize=64)
def _mask_rows(pattern: int, size: int) -> list[int]:
    flips = util.mask_func(pattern)
    return [_bits(flips(i, j) for j in range(size)) for i in range(size)]


def _bits(modules: Iterable[object]) -> int:
    value = 0
    for module in modules:
        value = (value << 1) | (1 if module else 0)
    return value


def row_runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules in a row, left to right."""
    runs: list[tuple[int, int]] = []
    start = -1
    for index, dark in enumerate((*row, False)):
        if dark and start < 0:
            start = index
        elif not dark and start >= 0:
            runs.append((start, index - start))
            start = -1
    return runs
