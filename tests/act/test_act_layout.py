"""The act's own writes of text lines, rules and shaded rows give the bytes fpdf2's calls give, in every state."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fpdf import FPDF

from fieldact.act.fonts import FAMILY, install_fonts
from fieldact.act.layout import MUTED, RULE, TEXT, Style, draw_line_of_text, fill_rect, hline, use_style


def page_bytes(draw: Callable[[FPDF], None]) -> bytes:
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_compression(False)
    install_fonts(pdf)
    pdf.add_page()
    draw(pdf)
    return bytes(pdf.pages[1].contents)


def prepared(pdf: FPDF, line_width: float, fill: tuple[int, int, int], draw: tuple[int, int, int]) -> None:
    use_style(pdf, Style(8, color=MUTED))
    pdf.set_line_width(line_width)
    pdf.set_fill_color(*fill)
    pdf.set_draw_color(*draw)


STATES = [(0.15, RULE, RULE), (0.3, (255, 255, 255), (0, 0, 0)), (0.2, MUTED, TEXT)]


@pytest.mark.parametrize(("line_width", "fill", "draw"), STATES)
def test_a_rule_is_what_fpdf2_writes_for_a_line_in_a_local_context(
    line_width: float, fill: tuple[int, int, int], draw: tuple[int, int, int]
) -> None:
    def ours(pdf: FPDF) -> None:
        prepared(pdf, line_width, fill, draw)
        hline(pdf, 12.5, 40.25, 180.0, RULE, 0.15)
        hline(pdf, 12.5, 48.0, 100.0, MUTED, 0.2)
        pdf.line(0, 0, 10, 10)  # the state after the rules is the one before them

    def theirs(pdf: FPDF) -> None:
        prepared(pdf, line_width, fill, draw)
        for x, y, width, color, thickness in ((12.5, 40.25, 180.0, RULE, 0.15), (12.5, 48.0, 100.0, MUTED, 0.2)):
            with pdf.local_context(draw_color=color, line_width=thickness):
                pdf.line(x, y, x + width, y)
        pdf.line(0, 0, 10, 10)

    assert page_bytes(ours) == page_bytes(theirs)


@pytest.mark.parametrize(("line_width", "fill", "draw"), STATES)
def test_a_shaded_row_is_what_fpdf2_writes_for_a_filled_rect_in_a_local_context(
    line_width: float, fill: tuple[int, int, int], draw: tuple[int, int, int]
) -> None:
    def ours(pdf: FPDF) -> None:
        prepared(pdf, line_width, fill, draw)
        fill_rect(pdf, 10.0, 20.0, 150.5, 6.6, (233, 236, 239))
        pdf.rect(0, 0, 5, 5, style="F")

    def theirs(pdf: FPDF) -> None:
        prepared(pdf, line_width, fill, draw)
        with pdf.local_context(fill_color=(233, 236, 239)):
            pdf.rect(10.0, 20.0, 150.5, 6.6, style="F")
        pdf.rect(0, 0, 5, 5, style="F")

    assert page_bytes(ours) == page_bytes(theirs)


@pytest.mark.parametrize("fill", [TEXT, (255, 255, 255)])
@pytest.mark.parametrize("style", [Style(8), Style(10.5, bold=True, color=MUTED)])
def test_a_line_of_text_is_what_fpdf2_text_writes(fill: tuple[int, int, int], style: Style) -> None:
    lines = ["Акт № 20261204-0a1b2c3d4e5f", "Подпись (Абонент) — 1 234,50 ₽", "(скобки) \\ и «кавычки»"]

    def ours(pdf: FPDF) -> None:
        pdf.set_fill_color(*fill)
        use_style(pdf, style)
        for index, line in enumerate(lines):
            draw_line_of_text(pdf, 15.0, 30.0 + index * 4.4, line)

    def theirs(pdf: FPDF) -> None:
        pdf.set_fill_color(*fill)
        pdf.set_font(FAMILY, "B" if style.bold else "", style.size)
        pdf.set_text_color(*style.color)
        for index, line in enumerate(lines):
            pdf.text(15.0, 30.0 + index * 4.4, line)

    assert page_bytes(ours) == page_bytes(theirs)


def test_an_underlined_line_goes_through_fpdf2_itself() -> None:
    def ours(pdf: FPDF) -> None:
        pdf.set_font(FAMILY, "U", 9)
        draw_line_of_text(pdf, 15.0, 30.0, "подчёркнуто")

    def theirs(pdf: FPDF) -> None:
        pdf.set_font(FAMILY, "U", 9)
        pdf.text(15.0, 30.0, "подчёркнуто")

    written = page_bytes(ours)
    assert written == page_bytes(theirs)
    assert b" re f" in written  # the underline fpdf2 draws
