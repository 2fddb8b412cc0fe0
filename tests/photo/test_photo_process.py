"""Frames and imported files made into evidence photos: upright, 1,600 px, stamped, no EXIF, hashed."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime

import pytest
from PIL import Image

from fieldact.photo import Stamp, process_bytes, process_image
from fieldact.photo.process import LONG_EDGE
from fieldact.text import InputError

STAMP = Stamp("2026-000123", "Бирки на кабеле", datetime(2026, 12, 3, 10, 15))


def _jpeg(image: Image.Image, exif: Image.Exif | None = None) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def _marked(width: int, height: int) -> Image.Image:
    """Grey, with a red block in the top-left corner to see where the top went."""
    image = Image.new("RGB", (width, height), (128, 128, 128))
    image.paste((255, 0, 0), (0, 0, width // 5, height // 5))
    return image


def test_exif_orientation_is_applied_and_exif_removed() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: rotate 90° clockwise to view
    exif[0x010F] = "SecretCam"
    exif[0x8825] = {1: "N", 2: (55.0, 45.0, 0.0)}  # GPS
    photo = process_bytes(_jpeg(_marked(4000, 3000), exif), STAMP)
    image = Image.open(io.BytesIO(photo.jpeg))
    assert (photo.width, photo.height) == image.size == (1200, 1600)
    # rotated clockwise: the red top-left corner is now top-right
    red, green, _ = image.getpixel((image.width - 20, 20))
    assert red > 200 and green < 60
    assert image.getpixel((20, 20))[0] < 200
    assert dict(image.getexif()) == {}
    assert b"SecretCam" not in photo.jpeg


def test_long_edge_is_1600_and_small_frames_are_not_enlarged() -> None:
    big = process_image(_marked(4000, 3000), STAMP)
    assert max(big.width, big.height) == LONG_EDGE
    assert (big.width, big.height) == (1600, 1200)
    small = process_image(_marked(800, 600), STAMP)
    assert (small.width, small.height) == (800, 600)


def test_stamp_is_burned_into_the_bottom_left_corner_only() -> None:
    plain = Image.new("RGB", (1600, 1200), (200, 200, 200))
    image = Image.open(io.BytesIO(process_image(plain, STAMP).jpeg)).convert("L")
    corner = image.crop((0, 1100, 400, 1200))
    assert corner.getextrema()[0] < 120  # the dark band
    assert corner.getextrema()[1] > 230  # the white letters
    top_right = image.crop((1200, 0, 1600, 400))
    assert top_right.getextrema()[0] > 190  # the subject is left alone


def test_different_stamps_give_different_photos() -> None:
    frame = _marked(1600, 1200)
    other = Stamp("2026-000124", STAMP.item, STAMP.taken_at)
    assert process_image(frame, STAMP).sha256 != process_image(frame, other).sha256


def test_hash_is_over_the_stored_bytes() -> None:
    photo = process_image(_marked(2000, 1500), STAMP)
    assert photo.sha256 == hashlib.sha256(photo.jpeg).hexdigest()
    assert photo.jpeg[:3] == b"\xff\xd8\xff"


def test_png_with_alpha_is_accepted() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (500, 400), (10, 20, 30, 100)).save(out, "PNG")
    photo = process_bytes(out.getvalue(), STAMP)
    assert Image.open(io.BytesIO(photo.jpeg)).mode == "RGB"


@pytest.mark.parametrize(
    "data",
    [b"", b"not a picture at all", b"\xff\xd8\xff\xe0" + b"\0" * 100, b"\x89PNG\r\n\x1a\n" + b"\0" * 40],
)
def test_hostile_or_broken_files_get_a_sentence(data: bytes) -> None:
    with pytest.raises(InputError, match="не открывается как фотография"):
        process_bytes(data, STAMP)


def test_a_decompression_bomb_is_refused() -> None:
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")  # 400 MP in a few kilobytes
    with pytest.raises(InputError):
        process_bytes(out.getvalue(), STAMP)


def test_a_long_item_name_is_cut_to_the_corner() -> None:
    long_item = Stamp(
        "1", "Замазать все выбоины, образовавшиеся при сверлении сквозных отверстий в стенах " * 3, STAMP.taken_at
    )
    plain = Image.new("RGB", (1600, 1200), (200, 200, 200))
    image = Image.open(io.BytesIO(process_image(plain, long_item).jpeg)).convert("L")
    assert image.crop((1300, 1100, 1600, 1200)).getextrema()[0] > 150  # the band stops before the right side
