"""Text measuring, wrapping and a table that flows over pages, drawn with fpdf2's plain ``text``.

fpdf2's own ``table``/``multi_cell`` re-measure every character several times per cell and cost most of an
act's render time; here a word is measured once per process from the font's advance widths (the same ones
fpdf2 writes into the PDF), and each line is drawn with one ``text`` call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from fpdf import FPDF
from fpdf.drawing_primitives import DeviceCMYK, DeviceGray, DeviceRGB, convert_to_device_color
from fpdf.enums import RenderStyle, TextMode

from fieldact.act.fonts import FAMILY, loaded_fonts

RGB = tuple[int, int, int]
PT = 72 / 25.4  # points per millimetre

TEXT: RGB = (33, 37, 41)
MUTED: RGB = (108, 117, 125)
RULE: RGB = (206, 212, 218)
HEADING_FILL: RGB = (233, 236, 239)
GROUP_FILL: RGB = (246, 247, 249)


@dataclass(frozen=True, slots=True)
class Style:
    size: float = 8.0  # points
    bold: bool = False
    color: RGB = TEXT

    @property
    def size_mm(self) -> float:
        return self.size / PT


# --- measuring and wrapping -------------------------------------------------------------------------------


@cache
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Advance widths in thousandths of an em by code point, and the width of a missing glyph."""
    style = "B" if bold else ""
    font = next(font for font in loaded_fonts() if font.style == style)
    return dict(font.parsed.cw), float(font.parsed.desc.missing_width)


@lru_cache(maxsize=16384)
def _word_em(word: str, bold: bool) -> float:
    widths, missing = _advances(bold)
    return sum(widths.get(ord(char), missing) for char in word) / 1000


def text_width(text: str, style: Style) -> float:
    """Width of ``text`` in millimetres."""
    return sum(_word_em(word, style.bold) for word in _pieces(text)) * style.size_mm


def _pieces(text: str) -> list[str]:
    # Measuring space-separated pieces (spaces kept) lets the per-word cache serve whole sentences.
    return [piece + " " for piece in text.split(" ")[:-1]] + [text.rsplit(" ", 1)[-1]] if text else []


def wrap(text: str, width: float, style: Style) -> list[str]:
    """``text`` broken into lines no wider than ``width`` mm: at spaces, inside a word only if it must."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, style))
    return lines


def _wrap_paragraph(paragraph: str, width: float, style: Style) -> list[str]:
    space = _word_em(" ", style.bold) * style.size_mm
    lines: list[str] = []
    current = ""
    current_width = 0.0
    for word in paragraph.split():
        word_width = _word_em(word, style.bold) * style.size_mm
        if current and current_width + space + word_width <= width:
            current += " " + word
            current_width += space + word_width
            continue
        if current:
            lines.append(current)
        if word_width <= width:
            current, current_width = word, word_width
            continue
        *whole, current = _break_word(word, width, style)
        lines.extend(whole)
        current_width = text_width(current, style)
    lines.append(current)
    return lines


def _break_word(word: str, width: float, style: Style) -> list[str]:
    parts: list[str] = []
    part = ""
    for char in word:
        if part and text_width(part + char, style) > width:
            parts.append(part)
            part = ""
        part += char
    parts.append(part)
    return parts


# --- drawing ---------------------------------------------------------------------------------------------------


def use_style(pdf: FPDF, style: Style) -> None:
    font_style = "B" if style.bold else ""
    if (pdf.font_family, pdf.font_style, pdf.font_size_pt) != (_FAMILY_KEY, font_style, style.size):
        pdf.set_font(FAMILY, font_style, style.size)
    pdf.set_text_color(_device_color(style.color))


_FAMILY_KEY = FAMILY.lower()  # fpdf2 keeps the family in lower case


@cache
def _device_color(color: RGB) -> DeviceGray | DeviceRGB | DeviceCMYK:
    return convert_to_device_color(*color)  # made once per colour: fpdf2 would make it at every call


def draw_line_of_text(pdf: FPDF, x: float, y: float, line: str) -> None:
    """What ``pdf.text(x, y, line)`` writes, byte for byte, for the plain text acts print. An act has a few hundred
    lines, and fpdf2's checks and wrappers around each (for underlines, text modes, marked-up text) cost more than
    the line itself; anything else goes to ``pdf.text``."""
    font = pdf.current_font
    if (
        font is None
        or not pdf.page
        or not pdf.is_ttf_font
        or not pdf.current_font_is_set_on_page
        or pdf.text_mode != TextMode.FILL
        or pdf.underline
        or pdf.strikethrough
        or getattr(pdf, "_record_text_quad_points", True)  # fpdf2 records text positions for its own features
    ):
        pdf.text(x, y, line)
        return
    k = pdf.k
    written = f"BT {x * k:.2f} {(pdf.h - y) * k:.2f} Td {font.encode_text(line)} ET"
    if pdf.fill_color != pdf.text_color:
        written = f"q {pdf.text_color.serialize().lower()} {written} Q"
    pdf._out(written)  # noqa: SLF001 - the page's content stream, as text appends to it


def baseline(top: float, line_height: float, style: Style) -> float:
    """Where to put the baseline so the text sits in the middle of a line box starting at ``top``."""
    return top + (line_height + style.size_mm * 0.7) / 2


def draw_lines(
    pdf: FPDF,
    lines: Sequence[str],
    x: float,
    top: float,
    width: float,
    style: Style,
    line_height: float,
    align: str = "L",
) -> float:
    """Draw ``lines`` from ``top`` down, aligned L, C or R in ``width``; returns the height used."""
    use_style(pdf, style)
    for index, line in enumerate(lines):
        if not line:
            continue
        left = x
        if align != "L":
            free = width - text_width(line, style)
            left = x + (free if align == "R" else free / 2)
        draw_line_of_text(pdf, left, baseline(top + index * line_height, line_height, style), line)
    return len(lines) * line_height


def draw_text(
    pdf: FPDF, text: str, x: float, top: float, width: float, style: Style, line_height: float, align: str = "L"
) -> float:
    """Wrap ``text`` into ``width`` and draw it; returns the height used."""
    return draw_lines(pdf, wrap(text, width, style), x, top, width, style, line_height, align)


def hline(pdf: FPDF, x: float, y: float, width: float, color: RGB = RULE, thickness: float = 0.15) -> None:
    """What ``local_context(draw_color=color, line_width=thickness)`` around ``line`` writes, byte for byte: fpdf2
    copies its whole graphics state in and out for each, and a table draws one under every row."""
    if getattr(pdf, "_in_unbreakable", True):  # fpdf2 refuses local contexts there; let it say so
        with pdf.local_context(draw_color=color, line_width=thickness):
            pdf.line(x, y, x + width, y)
        return
    k, page_height = pdf.k, pdf.h
    written = ["q"]
    if thickness != pdf.line_width:
        written.append(f"{thickness * k:.2f} w")
    draw_color = _device_color(color)
    if draw_color != pdf.draw_color:
        written.append(draw_color.serialize().upper())
    written.append(f"{x * k:.2f} {(page_height - y) * k:.2f} m {(x + width) * k:.2f} {(page_height - y) * k:.2f} l S")
    written.append("Q")
    pdf._out("\n".join(written))  # noqa: SLF001 - the page's content stream, as line appends to it


def fill_rect(pdf: FPDF, x: float, y: float, width: float, height: float, color: RGB) -> None:
    """What ``local_context(fill_color=color)`` around ``rect(style="F")`` writes, byte for byte (see hline)."""
    if getattr(pdf, "_in_unbreakable", True):
        with pdf.local_context(fill_color=color):
            pdf.rect(x, y, width, height, style="F")
        return
    written = ["q"]
    fill_color = _device_color(color)
    if fill_color != pdf.fill_color:
        written.append(fill_color.serialize().lower())
    written.append(filled_rect(pdf, x, y, width, height))
    written.append("Q")
    pdf._out("\n".join(written))  # noqa: SLF001


def filled_rect(pdf: FPDF, x: float, y: float, width: float, height: float) -> str:
    """The operators ``pdf.rect(x, y, width, height, style="F")`` writes, to be written with others at once."""
    k = pdf.k
    return f"{x * k:.2f} {(pdf.h - y) * k:.2f} {width * k:.2f} {-height * k:.2f} re {RenderStyle.F.operator}"


# --- tables ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float
    align: str = "L"


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    style: Style | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """A row of cells, or a group row: one cell across the table, shaded, never left alone at a page end."""

    cells: tuple[Cell, ...]
    group: bool = False


@dataclass(frozen=True, slots=True)
class TableStyle:
    body: Style = Style(7.5)
    heading: Style = Style(7, bold=True)
    group: Style = Style(7.5, bold=True)
    line_height: float = 3.3
    pad_x: float = 1.2
    pad_y: float = 0.9


class Table:
    """Rows drawn top to bottom; a row that does not fit starts a new page, which repeats the header row."""

    def __init__(self, pdf: FPDF, x: float, columns: Sequence[Column], style: TableStyle = TableStyle()) -> None:
        self.pdf = pdf
        self.x = x
        self.columns = tuple(columns)
        self.style = style
        self.width = sum(column.width for column in self.columns)

    def height(self, rows: Iterable[Row]) -> float:
        """The height the header and ``rows`` take when drawn without a page break."""
        header = Row(tuple(Cell(column.title, self.style.heading) for column in self.columns))
        return sum(self._lay_out(row)[2] for row in (header, *rows))

    def draw(self, rows: Iterable[Row]) -> None:
        laid = [self._lay_out(row) for row in rows]
        y = self._draw_header(self.pdf.get_y())
        for index, (row, lines, height) in enumerate(laid):
            needed = height
            if row.group and index + 1 < len(laid):
                needed += laid[index + 1][2]  # keep a group row with its first row
            if y + needed > self.pdf.page_break_trigger:
                self.pdf.add_page()
                y = self._draw_header(self.pdf.get_y())
            self._draw_row(row, lines, y, height)
            y += height
        self.pdf.set_y(y)

    def _lay_out(self, row: Row) -> tuple[Row, list[list[str]], float]:
        style = self.style
        if row.group:
            cell = row.cells[0]
            lines = [wrap(cell.text, self.width - 2 * style.pad_x, cell.style or style.group)]
        else:
            lines = [
                wrap(cell.text, column.width - 2 * style.pad_x, cell.style or style.body)
                for cell, column in zip(row.cells, self.columns, strict=True)
            ]
        height = max(len(cell_lines) for cell_lines in lines) * style.line_height + 2 * style.pad_y
        return row, lines, height

    def _draw_header(self, y: float) -> float:
        style = self.style
        header = Row(tuple(Cell(column.title, style.heading) for column in self.columns))
        _, lines, height = self._lay_out(header)
        fill_rect(self.pdf, self.x, y, self.width, height, HEADING_FILL)
        self._draw_cells(header, lines, y)
        hline(self.pdf, self.x, y + height, self.width, MUTED, 0.2)
        return y + height

    def _draw_row(self, row: Row, lines: list[list[str]], y: float, height: float) -> None:
        if row.group:
            fill_rect(self.pdf, self.x, y, self.width, height, GROUP_FILL)
        self._draw_cells(row, lines, y)
        hline(self.pdf, self.x, y + height, self.width)

    def _draw_cells(self, row: Row, lines: list[list[str]], y: float) -> None:
        style = self.style
        if row.group:
            cell_style = row.cells[0].style or style.group
            draw_lines(
                self.pdf, lines[0], self.x + style.pad_x, y + style.pad_y, self.width, cell_style, style.line_height
            )
            return
        x = self.x
        for cell, column, cell_lines in zip(row.cells, self.columns, lines, strict=True):
            inner = column.width - 2 * style.pad_x
            draw_lines(
                self.pdf,
                cell_lines,
                x + style.pad_x,
                y + style.pad_y,
                inner,
                cell.style or style.body,
                style.line_height,
                column.align,
            )
            x += column.width
