"""The act's QR code is qrcode's symbol module for module, though its mask is chosen without qrcode's slow search."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
from qrcode import util
from qrcode.constants import ERROR_CORRECT_M

from fieldact.act.qr import best_mask, penalty, qr_matrix

URL_CHARACTERS = string.ascii_letters + string.digits + "-_/?=&%."


def qrcode_symbol(text: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(bool(module) for module in row) for row in code.get_matrix())


def urls(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lengths = [rng.choice([1, 5, 20, 40, 60, 90, 130, 200, 320, 500, 800]) + rng.randrange(12) for _ in range(count)]
    return ["https://lk.example.ru/" + "".join(rng.choice(URL_CHARACTERS) for _ in range(n)) for n in lengths]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_symbol_is_qrcodes_for_urls_of_every_length(seed: int) -> None:
    for text in urls(40, seed):
        assert qr_matrix(text) == qrcode_symbol(text), text


def test_every_mask_scores_as_qrcode_scores_it() -> None:
    masks_chosen = set()
    for text in urls(60, 9):
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        code.add_data(text)
        code.best_fit()
        for pattern in range(8):
            code.makeImpl(True, pattern)
            rows = [int("".join("1" if module else "0" for module in row), 2) for row in code.modules]
            assert penalty(rows, code.modules_count) == util.lost_point(code.modules), (text, pattern)
        chosen = code.best_mask_pattern()
        assert best_mask(code) == chosen, text
        masks_chosen.add(chosen)
    assert len(masks_chosen) >= 4  # the texts exercise several winning masks, not one


def test_the_personal_account_link_of_the_demo_brand_reads_back() -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    text = "https://lk.example.ru/account/7700123456?from=act"
    matrix = qr_matrix(text)
    scale, border = 6, 4
    size = (len(matrix) + 2 * border) * scale
    image = Image.new("L", (size, size), 255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                left, top = (x + border) * scale, (y + border) * scale
                image.paste(0, (left, top, left + scale, top + scale))
    assert [result.text for result in zxingcpp.read_barcodes(image)] == [text]
