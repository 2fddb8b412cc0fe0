"""One decoder (zxing-cpp) for the self-check's QR code and for the barcodes on device labels."""

from __future__ import annotations

import io

import pytest
import qrcode
import zxingcpp
from PIL import Image

from fieldact.barcodes import BarcodeError, read_gray, read_label_file, read_labels
from fieldact.text import InputError

URL = "https://lk.domru.ru/?contract=590000000001"


def qr_gray(text: str, pixels: int) -> Image.Image:
    code = qrcode.QRCode(box_size=pixels, border=4)
    code.add_data(text)
    return code.make_image().get_image().convert("L")


def label(serial: str, kind=zxingcpp.BarcodeFormat.Code128) -> Image.Image:
    return Image.fromarray(zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(serial, kind), scale=3))


@pytest.mark.parametrize("pixels", [3, 5, 8])
def test_reads_the_act_link_from_a_gray_image_with_padded_rows(pixels: int) -> None:
    image = qr_gray(URL, pixels)
    stride = image.width + 13
    rows = b"".join(
        image.tobytes()[y * image.width : (y + 1) * image.width] + b"\xff" * 13 for y in range(image.height)
    )
    assert read_gray(rows, image.width, image.height, stride) == URL


def test_no_code_is_an_error_not_a_guess() -> None:
    with pytest.raises(BarcodeError, match="no QR code found"):
        read_gray(b"\xff" * 200 * 200, 200, 200)


def test_a_label_photo_gives_its_serial_even_turned() -> None:
    canvas = Image.new("L", (1200, 900), 225)
    canvas.paste(label("ZX1234567890").rotate(90, expand=True), (300, 100))
    canvas.paste(label("4607001234562", zxingcpp.BarcodeFormat.EAN13), (700, 500))
    assert set(read_labels(canvas.convert("RGB"))) == {"ZX1234567890", "4607001234562"}


def test_a_label_file_without_a_code_gets_a_sentence() -> None:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 200, 200)).save(out, "JPEG")
    with pytest.raises(InputError, match="Штрихкод не распознан"):
        read_label_file(out.getvalue())
    with pytest.raises(InputError, match="не открывается"):
        read_label_file(b"GIF89a broken")


def test_the_hand_written_reader_is_gone() -> None:
    with pytest.raises(ModuleNotFoundError):
        __import__("fieldact.qrdecode")
