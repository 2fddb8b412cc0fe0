"""Printing acts: to Qt's PDF printer, rendered again and compared page by page with the stored act."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PIL import ImageChops, ImageStat
from PySide6.QtPrintSupport import QPrinter

from fieldact.cli import main
from fieldact.ui.act_printing import print_acts


def _pages(path: Path, width: int = 595) -> list:  # type: ignore[type-arg]
    document = pypdfium2.PdfDocument(path)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=width / page.get_width()).to_pil().convert("L")
            pages.append(image)
        return pages
    finally:
        document.close()


def test_two_acts_in_one_job_print_as_stored(qapp, tmp_path: Path) -> None:
    act = tmp_path / "act.pdf"
    assert main(["act", "sample", "--out", str(act)]) == 0
    stored = act.read_bytes()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setFullPage(True)
    assert print_acts([stored, stored], printer) == 2 * len(_pages(act))
    original, copies = _pages(act), _pages(printed)
    assert len(copies) == 2 * len(original), "both acts, every page, one file (one job)"
    for index, copy in enumerate(copies):
        page = original[index % len(original)].resize(copy.size)
        difference = ImageStat.Stat(ImageChops.difference(page, copy)).mean[0]
        assert difference < 6, f"printed page {index + 1} differs from the act's ({difference:.1f})"
    other = _pages(act)[0].transpose(0).resize(copies[0].size)  # a mirrored page must not pass
    assert ImageStat.Stat(ImageChops.difference(other, copies[0])).mean[0] >= 6
