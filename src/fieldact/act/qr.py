"""The QR code of the act: a module matrix (error correction M) and its runs of dark modules."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(text: str) -> Matrix:
    """The symbol's modules, True for dark, without a quiet zone (the page keeps that clear)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(bool(module) for module in row) for row in code.get_matrix())


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
