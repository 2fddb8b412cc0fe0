"""Barcodes and QR codes read with zxing-cpp: device serials from a label, and the self-check's act QR code.

One decoder for both: zxing-cpp ships wheels for Linux and Windows and reads the 1D codes device labels carry
(Code 128, Code 39, EAN) as well as QR and Data Matrix.
"""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from fieldact.text import InputError, say

LABEL_FORMATS = tuple(
    getattr(zxingcpp.BarcodeFormat, name) for name in ("QRCode", "DataMatrix", "Code128", "Code39", "EAN13", "ITF")
)


class BarcodeError(ValueError):
    """No code could be read."""


def read_gray(gray: bytes, width: int, height: int, stride: int | None = None) -> str:
    """The text of the QR code in an 8-bit grayscale image (rows of ``stride`` bytes)."""
    image = Image.frombuffer("L", (width, height), gray, "raw", "L", stride or width, 1)
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    if not found:
        raise BarcodeError("no QR code found")
    return str(found[0].text)


def read_labels(image: Image.Image) -> list[str]:
    """Every code on a device's label photo, in the order zxing finds them (rotated codes too)."""
    found = zxingcpp.read_barcodes(image.convert("L"), formats=LABEL_FORMATS, try_rotate=True, try_downscale=True)
    texts: list[str] = []
    for barcode in found:
        text = str(barcode.text).strip()
        if text and text not in texts:
            texts.append(text)
    return texts


def read_label_file(data: bytes) -> list[str]:
    """The codes on a picture file of a label; InputError when it is not a picture or has no code."""
    try:
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise InputError(
            say("Этот файл не открывается как снимок этикетки.", "This file does not open as a label picture.")
        ) from error
    texts = read_labels(image)
    if not texts:
        raise InputError(no_code_sentence())
    return texts


def no_code_sentence() -> str:
    return say(
        "Штрихкод не распознан. Поднесите этикетку ближе, чтобы код был чётким, или введите номер вручную.",
        "No barcode was read. Hold the label closer so the code is sharp, or type the number.",
    )
