"""Photos and equipment drawn on the act: the equipment table, the photo appendix page, and the full JPEGs
embedded as PDF/A-3 associated files (their records in the content: ``photo_records``)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from fieldact.act.layout import MUTED, Cell, Column, Row, Style, Table, draw_lines, wrap
from fieldact.visit.equipment import DeviceAction

if TYPE_CHECKING:
    from fpdf import FPDF

    from fieldact.act.photo_records import PhotoRecord

PHOTO_MIME = "image/jpeg"
THUMB_EDGE = 800  # px at most on a thumbnail's long edge, about 250 dpi on the page (the full photo is embedded)
THUMB_QUALITY = 72
ACTION_TITLES = {DeviceAction.INSTALLED.value: "Установлено", DeviceAction.REMOVED.value: "Снято у Абонента"}


# --- drawing ----------------------------------------------------------------------------------------------------

DEVICE_COLUMNS = (Column("Действие", 32), Column("Устройство", 58), Column("Серийный номер", 50), Column("MAC", 40))
GRID_COLUMNS, GRID_ROWS = 2, 3
CAPTION = Style(8.5, bold=True)
CAPTION_MUTED = Style(7, color=MUTED)


def draw_devices(pdf: FPDF, content: Mapping[str, Any], x: float, section: Any) -> None:
    devices = content.get("devices") or []
    if not devices:
        return
    section(pdf, "Оборудование")
    rows = [
        Row(
            (
                Cell(ACTION_TITLES.get(device["action"], device["action"])),
                Cell(device["name"]),
                Cell(device["serial"]),
                Cell(device["mac"] or "—"),
            )
        )
        for device in devices
    ]
    Table(pdf, x, DEVICE_COLUMNS).draw(rows)
    pdf.set_y(pdf.get_y() + 4)


def draw_photo_appendix(
    pdf: FPDF, content: Mapping[str, Any], files: Mapping[str, bytes], box: tuple[float, float]
) -> None:
    """New pages of thumbnails, two across and three down, each captioned with the item and the time."""
    photos: Sequence[PhotoRecord] = content.get("photos") or []
    if not photos:
        return
    left, width = box
    gap = 6.0
    cell_width = (width - gap) / GRID_COLUMNS
    top = 0.0
    for index, photo in enumerate(photos):
        slot = index % (GRID_COLUMNS * GRID_ROWS)
        if slot == 0:
            pdf.add_page()
            draw_lines(
                pdf, ["Приложение. Фотографии выполненных работ"], left, pdf.get_y(), width, Style(10.5, bold=True), 5
            )
            draw_lines(
                pdf,
                ["Полные снимки вложены в этот файл; SHA-256 каждого указан в содержании акта."],
                left,
                pdf.get_y() + 5.5,
                width,
                CAPTION_MUTED,
                3.5,
            )
            top = pdf.get_y() + 11
        column, row = slot % GRID_COLUMNS, slot // GRID_COLUMNS
        cell_height = 74.0
        x = left + column * (cell_width + gap)
        y = top + row * cell_height
        image_height = cell_height - 14
        scale = min(cell_width / photo["width"], image_height / photo["height"])
        shown = (photo["width"] * scale, photo["height"] * scale)
        pdf.image(io.BytesIO(thumbnail(files[photo["sha256"]])), x=x, y=y, w=shown[0], h=shown[1])
        moment = datetime.fromisoformat(photo["taken_at"])
        caption = wrap(f"{photo['caption']}, {moment:%d.%m.%Y %H:%M}", cell_width, CAPTION)[:2]
        draw_lines(pdf, caption, x, y + shown[1] + 1.2, cell_width, CAPTION, 3.6)
        draw_lines(
            pdf,
            [f"SHA-256 {photo['sha256'][:32]}…"],
            x,
            y + shown[1] + 1.2 + 3.6 * len(caption),
            cell_width,
            CAPTION_MUTED,
            3,
        )


def thumbnail(jpeg: bytes) -> bytes:
    """The photo decoded at 1/2, 1/4 or 1/8 scale (JPEG's own cheap reduction), as close to THUMB_EDGE as that gets."""
    from PIL import Image  # only when an act with photos is drawn

    image = Image.open(io.BytesIO(jpeg))
    scale = min(1.0, THUMB_EDGE / max(image.size))
    image.draft("RGB", (max(1, int(image.width * scale)), max(1, int(image.height * scale))))
    image.load()
    if image.mode != "RGB":  # convert() of an RGB image is a copy of it, the same pixels: not needed here
        image = image.convert("RGB")
    image.thumbnail((THUMB_EDGE, THUMB_EDGE), reducing_gap=None)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=THUMB_QUALITY)
    return out.getvalue()


def embed_photos(pdf: FPDF, content: Mapping[str, Any], files: Mapping[str, bytes], moment: datetime) -> None:
    """The photos' own bytes as attachments; ``files`` are the ones ``render_pdf`` checked against the content."""
    for photo in content.get("photos") or []:
        pdf.embed_file(
            bytes=files[photo["sha256"]],
            basename=photo["file"],
            mime_type=PHOTO_MIME,
            associated_file_relationship="Supplement",
            desc=f"Фото: {photo['caption']}, {photo['taken_at']}",
            creation_date=moment,
            modification_date=moment,
            compress=False,
        )
