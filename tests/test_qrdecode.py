"""The self-check's QR reader against the codes the ``qrcode`` library draws, and against what it must refuse."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

from fieldact.qrdecode import QrError, decode_image, decode_matrix

LEVELS = (ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q, ERROR_CORRECT_H)
ALPHABETS = {
    "numeric": string.digits,
    "alphanumeric": string.digits + string.ascii_uppercase + " $%*+-./:",
    "bytes": string.ascii_letters + string.digits + "?&=/:._-",
    "cyrillic": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВ 0123",
}
URL = "https://lk.domru.ru/?contract=590000000001"


def matrix(text: str, level: int = ERROR_CORRECT_M) -> tuple[list[list[bool]], int]:
    code = qrcode.QRCode(error_correction=level, border=0)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix(), code.version


def gray(modules: list[list[bool]], pixels: int, quiet: int = 4) -> tuple[bytes, int]:
    """The symbol drawn as an 8-bit image, ``pixels`` per module, with its quiet zone."""
    side = (len(modules) + 2 * quiet) * pixels
    rows = []
    for y in range(side):
        row = bytearray(b"\xff" * side)
        module_row = y // pixels - quiet
        if 0 <= module_row < len(modules):
            for column, dark in enumerate(modules[module_row]):
                if dark:
                    start = (column + quiet) * pixels
                    row[start : start + pixels] = b"\x00" * pixels
        rows.append(bytes(row))
    return b"".join(rows), side


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_reads_what_qrcode_writes(level: int, alphabet: str) -> None:
    chooser = random.Random(f"{level}{alphabet}")
    versions = set()
    for length in (1, 7, 30, 120, 400):
        text = "".join(chooser.choice(ALPHABETS[alphabet]) for _ in range(length))
        modules, version = matrix(text, level)
        versions.add(version)
        assert decode_matrix(modules) == text
    assert max(versions) >= 7  # version information blocks and several alignment patterns were crossed


@pytest.mark.parametrize("pixels", [3, 5, 8, 13])
def test_reads_the_act_link_from_an_image(pixels: int) -> None:
    modules, _ = matrix(URL)
    image, side = gray(modules, pixels)
    assert decode_image(image, side, side) == URL


def test_reads_an_image_with_padded_rows_among_other_marks() -> None:
    modules, _ = matrix(URL)
    image, side = gray(modules, 6)
    stride, width, height = side + 40, side + 37, side + 60  # padding bytes and a margin with text-like marks
    canvas = bytearray(b"\xff" * stride * height)
    for y in range(side):
        canvas[(y + 30) * stride + 20 : (y + 30) * stride + 20 + side] = image[y * side : (y + 1) * side]
    for x in range(0, 15, 3):  # a dark-light-dark run at the left edge, like a letter
        canvas[10 * stride + x] = 0
    assert decode_image(bytes(canvas), width, height, stride) == URL


def test_no_code_is_an_error_not_a_guess() -> None:
    with pytest.raises(QrError, match="no QR code found"):
        decode_image(b"\xff" * 200 * 200, 200, 200)


def test_a_damaged_code_fails_its_error_check() -> None:
    modules, _ = matrix(URL)
    for row in range(18, 22):  # data modules in the lower right, away from every fixed pattern
        for column in range(len(modules) - 4, len(modules)):
            modules[row][column] = not modules[row][column]
    with pytest.raises(QrError, match="does not pass its error check"):
        decode_matrix(modules)


def test_a_matrix_of_the_wrong_size_is_refused() -> None:
    with pytest.raises(QrError, match="not a QR symbol"):
        decode_matrix([[False] * 22 for _ in range(22)])
