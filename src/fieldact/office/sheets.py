"""Tables for people: CSV that Excel opens with Cyrillic intact, and XLSX; both written whole or not at all."""

from __future__ import annotations

import csv
import io
import os
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Union

from fieldact.text import language

Cell = Union[str, int, Decimal, datetime, date, None]  # noqa: UP007 - a type alias needs it on Python 3.11
BOM = "\ufeff"
# Excel set to Russian splits CSV columns on ";" (its list separator) and reads "1,5" as a number.
DELIMITER = ";"
# A text cell starting with one of these is read by spreadsheets as a formula (OWASP's CSV-injection rule).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """Text a spreadsheet shows as it is: one that could start a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.replace(".", ",") if language() == "ru" else text
    if isinstance(value, int):
        return str(value)
    return neutral(str(value))


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """UTF-8 with a byte order mark, so that Excel shows Cyrillic; ";" between columns; CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return (BOM + out.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[int]) -> bytes:
    """One sheet: a bold, frozen header row; numbers and dates as Excel numbers and dates, and every text as a
    string cell (never a formula), neutralised as in CSV."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = _text_cell(sheet, text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_value(sheet, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_value(sheet, value: Cell):  # type: ignore[no-untyped-def]
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value.replace(tzinfo=None))  # Excel has no time zones: local time
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if value is None or isinstance(value, int | Decimal):
        return value
    return _text_cell(sheet, str(value))


def _text_cell(sheet, text: str):  # type: ignore[no-untyped-def]
    """openpyxl turns any text starting with "=" into a formula; a string cell is written as text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=neutral(text))
    cell.data_type = "s"
    return cell


def write_atomically(path: Path, data: bytes) -> None:
    """The file appears complete or not at all: written beside it, flushed to disk, then renamed over."""
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        with partial.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
