"""The act as an A4 PDF in Russian, drawn with fpdf2 from the canonical content and the signature.

The PDF is a view of the content: everything printed comes from it. The content JSON, the encoded ink and
a whole-file digest travel inside as embedded files, so ``fieldact verify`` needs nothing but the file. The
signature is drawn as vector strokes of varying width; the QR code as vector squares. The document is made
in fpdf2's PDF/A-3B mode: PDF/A-2 forbids embedded files that are not themselves PDF/A.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from fpdf import FPDF
from fpdf.enums import RenderStyle, StrokeCapStyle, StrokeJoinStyle

from fieldact import __version__
from fieldact.act.appendix import draw_devices, draw_photo_appendix, embed_photos
from fieldact.act.content import RESULT_TITLES, TEMPLATE_VERSION, ActContent, ItemRecord, StageRecord, canonical_json
from fieldact.act.digest import DIGEST_FILE, PLACEHOLDER, stamp
from fieldact.act.fonts import FAMILY, install_fonts, release_font_caches
from fieldact.act.layout import (
    MUTED,
    PT,
    RGB,
    Cell,
    Column,
    Row,
    Style,
    Table,
    draw_lines,
    draw_text,
    filled_rect,
    hline,
    text_width,
    use_style,
    wrap,
)
from fieldact.act.qr import qr_matrix, row_runs
from fieldact.act.words import amount, local_moment, long_date, quantity_text, short_moment
from fieldact.hashing import sha256_hex
from fieldact.ink import Signature, encode, encoded_sha256, fit_to_box, polylines, quantize, segments_for
from fieldact.ink import sha256 as ink_sha256

CONTENT_FILE = "act-content.json"
INK_FILE = "signature.ink"
PDFA_LEVEL = "PDFA_3B"

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
MARGIN = 15.0
WIDTH = PAGE_WIDTH - 2 * MARGIN
TOP = 14.0
BOTTOM_MARGIN = 22.0

INK_STEP_PT = 0.1  # signature coordinates and widths are quantized to a tenth of a point
QR_SIZE = 30.0  # mm, the symbol without its quiet zone; at least 25 mm

INK_COLOR: RGB = (16, 36, 94)
RESULT_COLORS: dict[str, RGB] = {
    "done": (25, 120, 60),
    "not_applicable": MUTED,
    "failed": (176, 32, 32),
    "pending": (150, 100, 0),
}

PREVIEW_COLOR = (180, 40, 30)
BODY = Style(9)
SMALL_MUTED = Style(8, color=MUTED)
SECTION = Style(10.5, bold=True)
NOTE = Style(8.5)


class ActRenderError(ValueError):
    """The content and the signature given cannot make an act."""


# The parsed fonts are shared by every document of the process and fontTools reads their tables lazily from one
# file object: two renders at once (a preview and a signing in background threads) corrupt that read and can
# crash the process. Renders take a few tens of milliseconds, so they simply take turns.
_RENDER_LOCK = threading.Lock()


def render_pdf(
    content: ActContent,
    signature: Signature,
    *,
    ink: bytes | None = None,
    preview: bool = False,
    photos: Mapping[str, bytes] | None = None,
) -> bytes:
    """The act's PDF bytes: content drawn, signature in vector, content/ink/digest and photos embedded.

    ``ink`` is the signature already encoded (``fieldact.ink.encode``: exactly those bytes are embedded, and
    their fingerprint is checked without encoding the samples again); ``photos``
    the JPEG bytes of the photos the content names, by their SHA-256. The same content, signature and photos give
    the same bytes on every run and machine (with the locked library versions), so ``verify`` can render the act
    again from what it carries and compare. The layout is the one of the content's ``template`` version; a
    version this program does not draw is an ActRenderError.
    """
    if content["ink"]["sha256"] != (ink_sha256(signature) if ink is None else encoded_sha256(ink)):
        raise ActRenderError("the signature is not the one whose SHA-256 the act content holds")
    version = template_of(content)
    if version not in TEMPLATES:
        raise ActRenderError(f"this program does not draw act template version {version}")
    files = dict(photos or {})
    missing = [photo["file"] for photo in content.get("photos", []) if photo["sha256"] not in files]
    if missing:
        raise ActRenderError(f"the bytes of the photos {', '.join(missing)} are not given")
    wrong = [
        photo["file"] for photo in content.get("photos", []) if sha256_hex(files[photo["sha256"]]) != photo["sha256"]
    ]
    if wrong:
        raise ActRenderError(f"the photo {wrong[0]} is not the one the content names")
    with _RENDER_LOCK:
        return _render(content, signature, ink, preview, files)


def template_of(content: Mapping[str, Any]) -> object:
    """The template version an act was drawn with; acts made before versions were recorded are version 1."""
    return content.get("template", 1)


def _template_number(content: Mapping[str, Any]) -> int:
    version = template_of(content)
    return version if isinstance(version, int) else 1  # render_pdf refuses a version it does not know


def _render(
    content: ActContent, signature: Signature, ink: bytes | None, preview: bool, photos: Mapping[str, bytes]
) -> bytes:
    content_bytes = canonical_json(content)
    pdf = ActDocument(content, sha256_hex(content_bytes), preview)
    pdf.add_page()
    draw_title(pdf, content)
    draw_parties(pdf, content)
    draw_items(pdf, content["items"])
    draw_materials(pdf, content)
    if template_of(content) != 1:
        draw_devices(pdf, content, MARGIN, section_title)
    draw_payment(pdf, content)
    draw_signing(pdf, content, signature)
    if template_of(content) != 1:
        draw_photo_appendix(pdf, content, photos, (MARGIN, WIDTH))
    embed_files(pdf, content, content_bytes, ink if ink is not None else encode(signature))
    if template_of(content) != 1:
        embed_photos(pdf, content, photos, datetime.fromisoformat(content["signed_at"]["local"]))
    try:
        return stamp(fixed_xmp_dates(bytes(pdf.output()), content))
    finally:
        release_font_caches()


# A new layout gets a new number, and every older number keeps drawing as it did: ``verify`` renders every act
# again with the version it was signed with. Version 2 added the equipment table and the photo appendix; version 3
# cuts its fonts to the act's repertoire and the glyphs used (``fonts.ACT_REPERTOIRE``), not to the glyphs alone.
TEMPLATES = frozenset({1, 2, TEMPLATE_VERSION})
FONTS_REPERTOIRE_FROM = 3

_XMP_DATES = re.compile(rb'xmp:(ModifyDate|MetadataDate)="([^"]*)"')


def fixed_xmp_dates(pdf: bytes, content: ActContent) -> bytes:
    """fpdf2 writes the moment of rendering into the XMP metadata as its modify and metadata dates; the act's
    dates are the moment of signing, so the same act renders to the same bytes whenever it is rendered."""
    signed = datetime.fromisoformat(content["signed_at"]["local"]).astimezone(UTC).isoformat(timespec="seconds")

    def at_signing(match: re.Match[bytes]) -> bytes:
        value = signed.encode("ascii")
        if len(value) != len(match.group(2)):  # same length: the cross-reference offsets stay right
            raise ActRenderError("unexpected XMP date form")
        return b"xmp:" + match.group(1) + b'="' + value + b'"'

    return _XMP_DATES.sub(at_signing, pdf)


# --- the document ----------------------------------------------------------------------------------------


class ActDocument(FPDF):
    """A4 with the act's running header on later pages and its footer on every page."""

    def __init__(self, content: ActContent, content_hash: str, preview: bool = False) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4", enforce_compliance=PDFA_LEVEL)
        self.content = content
        self.content_hash = content_hash
        self.preview = preview
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM_MARGIN)
        install_fonts(self, repertoire=_template_number(content) >= FONTS_REPERTOIRE_FROM)
        self.set_font(FAMILY, "", 9)
        set_metadata(self, content)

    def file_id(self) -> str:
        """The file identifier from the content and ink hashes instead of the moment of rendering."""
        ink = self.content["ink"]["sha256"]
        identifier = sha256_hex(f"{self.content_hash}:{ink}:{self.preview}".encode())[:32].upper()
        return f"<{identifier}><{identifier}>"

    def header(self) -> None:
        if self.preview:
            banner = "ПРЕДВАРИТЕЛЬНЫЙ ПРОСМОТР — акт ещё не подписан"
            draw_lines(self, [banner], MARGIN, 4, WIDTH, Style(8, bold=True, color=PREVIEW_COLOR), 4, "C")
        if self.page_no() == 1:
            return
        act = self.content["act"]
        style = Style(7.5, color=MUTED)
        draw_lines(self, [self.content["company"]["name"]], MARGIN, 8, WIDTH, style, 4)
        draw_lines(self, [f"{act['title']} № {act['number']} — продолжение"], MARGIN, 8, WIDTH, style, 4, "R")
        hline(self, MARGIN, 12.5, WIDTH, MUTED, 0.2)
        self.set_y(16)

    def footer(self) -> None:
        """Act number, «Стр. x из y» and the content SHA-256, on every page."""
        act = self.content["act"]
        hline(self, MARGIN, PAGE_HEIGHT - 16, WIDTH, MUTED, 0.2)
        line = Style(7, color=MUTED)
        draw_lines(
            self, [f"Акт № {act['number']}, версия {act['version']}"], MARGIN, PAGE_HEIGHT - 15, WIDTH, line, 3.5
        )
        digest = f"SHA-256 содержания акта: {self.content_hash}"
        draw_lines(self, [digest], MARGIN, PAGE_HEIGHT - 11.3, WIDTH, Style(6.5, color=MUTED), 3.2)
        # The total is known only at output: fpdf2 fills {nb} in, so the text is left-aligned at a fixed place.
        page = f"Стр. {self.page_no()} из {{nb}}"
        widest = text_width("Стр. 999 из 999", line)
        use_style(self, line)
        self.set_xy(MARGIN + WIDTH - widest - self.c_margin, PAGE_HEIGHT - 15)
        self.cell(widest + self.c_margin, 3.5, page)

    def room_left(self) -> float:
        return self.page_break_trigger - self.get_y()


def set_metadata(pdf: FPDF, content: ActContent) -> None:
    act = content["act"]
    pdf.set_title(f"{act['title']} № {act['number']}")
    pdf.set_author(content["company"]["legal_name"])
    pdf.set_subject(f"{content['visit']['kind_title']}, договор {content['subscriber']['contract']}")
    pdf.set_creator(f"fieldact {__version__}")
    pdf.set_lang("ru")
    pdf.set_creation_date(datetime.fromisoformat(content["signed_at"]["local"]))


def embed_files(pdf: FPDF, content: ActContent, content_bytes: bytes, ink: bytes) -> None:
    moment = datetime.fromisoformat(content["signed_at"]["local"])
    # The digest record stays uncompressed: it is filled in after the PDF is written.
    files = (
        (CONTENT_FILE, content_bytes, "application/json", "Source", "Содержание акта (канонический JSON)", True),
        (INK_FILE, ink, "application/octet-stream", "Data", "Подпись Абонента: исходные точки пера", False),
        (DIGEST_FILE, PLACEHOLDER, "text/plain", "Supplement", "SHA-256 файла акта в момент создания", False),
    )
    for name, data, mime, relationship, description, compress in files:
        pdf.embed_file(
            bytes=data,
            basename=name,
            mime_type=mime,
            associated_file_relationship=relationship,
            desc=description,
            creation_date=moment,
            modification_date=moment,
            compress=compress,
        )


def section_title(pdf: ActDocument, title: str, keep_with: float = 20) -> None:
    if pdf.room_left() < keep_with:
        pdf.add_page()
    top = pdf.get_y()
    draw_lines(pdf, [title], MARGIN, top, WIDTH, SECTION, 6)
    pdf.set_y(top + 6.5)


# --- title and parties ------------------------------------------------------------------------------------


def draw_title(pdf: ActDocument, content: ActContent) -> None:
    act, company = content["act"], content["company"]
    draw_lines(pdf, [company["name"]], MARGIN, 13, WIDTH, Style(16, bold=True), 7)
    draw_lines(pdf, [f"Информационный центр: {company['hotline']}"], MARGIN, 13, WIDTH, SMALL_MUTED, 7, "R")
    draw_lines(pdf, [f"{company['legal_name']}, г. {company['city']}"], MARGIN, 20, WIDTH, SMALL_MUTED, 4)
    hline(pdf, MARGIN, 25.5, WIDTH, MUTED, 0.2)
    y = 29.0
    y += draw_text(pdf, f"{act['title']} № {act['number']}", MARGIN, y, WIDTH, Style(14, bold=True), 7, "C")
    when = f"г. {company['city']}, {long_date(local_moment(content['signed_at']))}"
    y += draw_lines(pdf, [when], MARGIN, y, WIDTH, Style(9, color=MUTED), 5, "C")
    supersedes = act["supersedes"]
    if supersedes is not None:
        note = f"Версия {act['version']}: исправленный акт, заменяет акт № {supersedes['number']}"
        y += draw_text(pdf, note, MARGIN, y, WIDTH, Style(8.5, bold=True, color=RESULT_COLORS["failed"]), 5, "C")
    pdf.set_y(y + 4)


def draw_parties(pdf: ActDocument, content: ActContent) -> None:
    """Who and what, in two columns of label and value."""
    subscriber, technician = content["subscriber"], content["technician"]
    services = ", ".join(service["title"] for service in content["services"])
    left = (
        ("Абонент", subscriber["name"]),
        ("Договор", subscriber["contract"]),
        ("Адрес", subscriber["address"] or "—"),
    )
    right = (
        ("Исполнитель", f"{technician['name']}, {technician['role'].lower()}"),
        ("Визит", content["visit"]["kind_title"]),
        ("Услуги", services),
    )
    top = pdf.get_y()
    left_height = draw_pairs(pdf, left, MARGIN, top, 19, 71)
    right_height = draw_pairs(pdf, right, MARGIN + 92, top, 23, 65)
    pdf.set_y(top + max(left_height, right_height) + 4)


def draw_pairs(
    pdf: ActDocument, pairs: Sequence[tuple[str, str]], x: float, top: float, label_width: float, value_width: float
) -> float:
    value_style = Style(9, bold=True)
    y = top
    for label, value in pairs:
        draw_lines(pdf, [label], x, y, label_width, SMALL_MUTED, 4.4)
        y += draw_text(pdf, value, x + label_width, y, value_width, value_style, 4.4) + 0.6
    return y - top


# --- the checklist ----------------------------------------------------------------------------------------

ITEM_COLUMNS = (
    Column("№", 9),
    Column("Пункт", 84),
    Column("Результат", 23),
    Column("Подтверждение", 64),
)


def draw_items(pdf: ActDocument, items: Sequence[ItemRecord]) -> None:
    section_title(pdf, "Выполненные работы и проверки")
    rows: list[Row] = []
    for stage, numbered in stages_of(items):
        rows.append(Row((Cell(f"Этап {stage['number']}. {stage['title']}"),), group=True))
        for number, item in numbered:
            result = Cell(RESULT_TITLES[item["result"]], Style(7.5, color=RESULT_COLORS[item["result"]]))
            rows.append(Row((Cell(number), Cell(item["text"]), result, Cell(proof_text(item)))))
    Table(pdf, MARGIN, ITEM_COLUMNS).draw(rows)
    pdf.set_y(pdf.get_y() + 4)


def stages_of(items: Sequence[ItemRecord]) -> Iterator[tuple[StageRecord, list[tuple[str, ItemRecord]]]]:
    """Items grouped by stage, in order, each numbered «stage.n»."""
    group: list[tuple[str, ItemRecord]] = []
    for index, item in enumerate(items):
        stage = item["stage"]
        group.append((f"{stage['number']}.{len(group) + 1}", item))
        last = index + 1 == len(items)
        if last or items[index + 1]["stage"]["number"] != stage["number"]:
            yield stage, group
            group = []


def proof_text(item: ItemRecord) -> str:
    parts = [item["evidence_text"]] if item["evidence_text"] else []
    if item["reason"]:
        parts.append(f"Причина: {item['reason']}")
    return ". ".join(parts) or "—"


# --- materials and payment ------------------------------------------------------------------------------

MATERIAL_COLUMNS = (Column("Код", 22), Column("Наименование", 128), Column("Количество", 30, "R"))
PAYMENT_COLUMNS = (
    Column("Наименование", 104),
    Column("Кол-во", 18, "R"),
    Column("Цена", 29, "R"),
    Column("Сумма", 29, "R"),
)


def draw_materials(pdf: ActDocument, content: ActContent) -> None:
    materials = content["materials"]
    if not materials:
        return
    section_title(pdf, "Использованные материалы")
    rows = [
        Row(
            (
                Cell(material["code"] or "—"),
                Cell(material["name"]),
                Cell(f"{quantity_text(material['quantity'])} {material['unit']}"),
            )
        )
        for material in materials
    ]
    Table(pdf, MARGIN, MATERIAL_COLUMNS).draw(rows)
    pdf.set_y(pdf.get_y() + 4)


def draw_payment(pdf: ActDocument, content: ActContent) -> None:
    """Lines, totals and the receipt note, kept together on one page."""
    payment = content["payment"]
    if payment is None:
        section_title(pdf, "Оплата")
        y = pdf.get_y()
        pdf.set_y(y + draw_text(pdf, "Оплата при визите не принималась.", MARGIN, y, WIDTH, BODY, 5) + 4)
        return
    rows = [
        Row(
            (
                Cell(line["description"]),
                Cell(str(line["quantity"])),
                Cell(amount(line["unit_price"])),
                Cell(amount(line["amount"])),
            )
        )
        for line in payment["lines"]
    ]
    totals = [
        ("Итого к оплате", payment["total"], True),
        ("Получено", payment["received"], False),
        ("Сдача", payment["change"], False),
    ]
    if payment["credited"]:
        totals.append(("Зачислено на лицевой счёт", payment["credited"], True))
    note = wrap(payment_note(content), WIDTH, NOTE)
    table = Table(pdf, MARGIN, PAYMENT_COLUMNS)
    section_title(pdf, "Оплата", keep_with=6.5 + table.height(rows) + 3 + len(totals) * 4.8 + len(note) * 4.2)
    table.draw(rows)
    y = pdf.get_y() + 1.5
    for label, kopecks, bold in totals:
        style = Style(9, bold=bold)
        draw_lines(pdf, [label], MARGIN, y, WIDTH - 36, style, 4.8, "R")
        draw_lines(pdf, [amount(kopecks)], MARGIN + WIDTH - 34, y, 34 - 1.2, style, 4.8, "R")
        y += 4.8
    y += 1.5
    y += draw_lines(pdf, note, MARGIN, y, WIDTH, NOTE, 4.2)
    pdf.set_y(y + 4)


def payment_note(content: ActContent) -> str:
    payment = content["payment"]
    assert payment is not None
    return payment_sentences(
        payment["bso_number"],
        payment["received"],
        payment["change"],
        payment["credited"],
        content["subscriber"]["contract"],
    )


def payment_sentences(bso_number: str, received: int, change: int, credited: int, contract: str) -> str:
    """What happened to the cash, in words that agree with the figures above them, for every case a payment allows:
    exact sum, full change, no change (all credited), part change (the rest credited)."""
    kept = received - change
    bso = f"Квитанция (БСО) № {bso_number} на сумму {amount(kept)}."
    to_account = f"зачислены на лицевой счёт по договору № {contract}"
    if not change and not credited:
        return f"{bso} Получена ровно сумма к оплате, сдача не требовалась."
    if change and not credited:
        return f"{bso} Из полученных {amount(received)} выдана сдача {amount(change)}."
    if not change:
        return (
            f"{bso} Сдача не выдавалась: в квитанции указана вся полученная сумма, а "
            f"{amount(credited)} сверх оплаты {to_account}."
        )
    return (
        f"{bso} Из полученных {amount(received)} выдана сдача {amount(change)}, а остальные {amount(credited)} "
        f"сверх оплаты {to_account}; в квитанции указана вся оставленная сумма."
    )


# --- statement, signature and QR ----------------------------------------------------------------------------

SIGN_WIDTH = 118.0
SIGN_BOX = (95.0, 26.0)
QR_COLUMN_X = MARGIN + 127.0
QR_COLUMN_WIDTH = WIDTH - 127.0
STATEMENT = Style(9.5)


def draw_signing(pdf: ActDocument, content: ActContent, signature: Signature) -> None:
    """The statement, the signature with the signer's name and time, and the QR column beside them."""
    statement = wrap(f"«{content['statement']}»", SIGN_WIDTH, STATEMENT)
    needed = 3 + 5 + len(statement) * 4.6 + 3 + SIGN_BOX[1] + 10
    needed = max(needed, 8.5 + QR_SIZE + 16) + 4
    if pdf.room_left() < needed:
        pdf.add_page()
    top = pdf.get_y()
    if pdf.page_no() == 1 or top > 20:
        hline(pdf, MARGIN, top, WIDTH, MUTED, 0.2)
    bottom = draw_statement(pdf, content, signature, statement, top + 3)
    bottom = max(bottom, draw_account_qr(pdf, content, top + 3))
    pdf.set_y(bottom + 2)


def draw_refusal(pdf: ActDocument, content: ActContent, top: float) -> float:
    """No signature: the refusal and its reason, as the technician recorded them."""
    y = top
    y += draw_lines(pdf, ["Абонент отказался подписать акт."], MARGIN, y, SIGN_WIDTH, Style(10, bold=True), 5.5)
    reason = wrap(f"Причина со слов Абонента: {content['refusal']}", SIGN_WIDTH, STATEMENT)
    y += draw_lines(pdf, reason, MARGIN, y, SIGN_WIDTH, STATEMENT, 4.6)
    y += draw_lines(pdf, [content["signer"]["name"]], MARGIN, y + 2, SIGN_WIDTH, Style(9, bold=True), 4.4) + 2
    recorded = f"отказ зафиксирован {short_moment(local_moment(content['signed_at']))}"
    y += draw_lines(pdf, [recorded], MARGIN, y, SIGN_WIDTH, Style(7.5, color=MUTED), 3.8)
    return y


def draw_statement(
    pdf: ActDocument, content: ActContent, signature: Signature, statement: list[str], top: float
) -> float:
    if content.get("refusal"):
        return draw_refusal(pdf, content, top)
    y = top
    y += draw_lines(pdf, ["Абонент подтверждает:"], MARGIN, y, SIGN_WIDTH, Style(9, bold=True), 5)
    y += draw_lines(pdf, statement, MARGIN, y, SIGN_WIDTH, STATEMENT, 4.6)
    box_width, box_height = SIGN_BOX
    box_top = y + 3
    draw_signature(pdf, signature, (MARGIN, box_top, box_width, box_height))
    line_y = box_top + box_height + 0.5
    hline(pdf, MARGIN, line_y, box_width, MUTED, 0.2)
    y = line_y + 0.8
    y += draw_lines(pdf, [content["signer"]["name"]], MARGIN, y, box_width, Style(9, bold=True), 4.4)
    signed = (
        "подпись Абонента будет поставлена при подписании"
        if pdf.preview
        else f"подпись Абонента, поставлена {short_moment(local_moment(content['signed_at']))}"
    )
    y += draw_lines(pdf, [signed], MARGIN, y, SIGN_WIDTH, Style(7.5, color=MUTED), 3.8)
    return y


def draw_signature(pdf: FPDF, signature: Signature, box: tuple[float, float, float, float]) -> None:
    """The signature as round-capped vector polylines, one per run of equal width, fitted into ``box`` (mm)."""
    x, y, width, height = box
    segments = segments_for(signature)
    if not segments:
        return
    context = signature.context
    true_size = context.pad_width_mm / context.pad_width_px * PT  # never drawn larger than on the pad
    fitted = fit_to_box(segments, (x * PT, y * PT, width * PT, height * PT), max_scale=true_size)
    with pdf.local_context(
        draw_color=INK_COLOR,
        stroke_cap_style=StrokeCapStyle.ROUND,
        stroke_join_style=StrokeJoinStyle.ROUND,
    ):
        for line in polylines(quantize(fitted, INK_STEP_PT)):
            pdf.set_line_width(line.width / PT)
            _stroke(pdf, [(px / PT, py / PT) for px, py in line.points])


def _stroke(pdf: FPDF, points: list[tuple[float, float]]) -> None:
    """What ``pdf.polyline(points)`` writes, byte for byte, written at once: a signature is a thousand points, and
    fpdf2 adds each as its own write."""
    k, height = pdf.k, pdf.h
    path = [f"{x * k:.2f} {(height - y) * k:.2f} l" for x, y in points]
    path[0] = path[0][:-1] + "m"
    pdf._out("\n".join(path))  # noqa: SLF001 - the page's content stream, as polyline appends to it
    pdf._out(f" {RenderStyle.D.operator}")  # noqa: SLF001


def draw_account_qr(pdf: ActDocument, content: ActContent, top: float) -> float:
    """The personal-account QR with its URL under it and the hotline; returns where the column ends."""
    url = content["account_url"]
    x, width = QR_COLUMN_X, QR_COLUMN_WIDTH
    draw_lines(pdf, ["Ваш личный кабинет"], x, top, width, Style(8.5, bold=True), 4.5, "C")
    qr_top = top + 8.5
    draw_qr(pdf, url, x + (width - QR_SIZE) / 2, qr_top, QR_SIZE)
    y = qr_top + QR_SIZE + 3.5
    y += draw_text(pdf, url, x, y, width, Style(6.5), 3.1, "C")
    y += 0.8
    hotline = f"Информационный центр, круглосуточно: {content['company']['hotline']}"
    y += draw_text(pdf, hotline, x, y, width, Style(7.5), 3.6, "C")
    return y


def draw_qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """The QR code (error correction M) as filled vector rectangles, one per run of dark modules."""
    matrix = qr_matrix(text)
    module = size / len(matrix)
    seam = 0.02  # a hair of overlap, so viewers show no white lines between touching modules
    with pdf.local_context(fill_color=(0, 0, 0)):
        # Each run as ``pdf.rect`` would write it, all written at once: a code is a few hundred runs.
        runs = [
            filled_rect(pdf, x + start * module, y + row_index * module, length * module + seam, module + seam)
            for row_index, row in enumerate(matrix)
            for start, length in row_runs(row)
        ]
        if runs:
            pdf._out("\n".join(runs))  # noqa: SLF001 - the page's content stream, as rect appends to it
