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


def test_the_office_prints_the_selected_acts_in_one_job_and_audits_it(qtbot, tmp_path: Path, monkeypatch) -> None:
    from zoneinfo import ZoneInfo

    from sqlalchemy import text
    from tests.office.quality_data import fill

    from fieldact.store.db import open_database
    from fieldact.ui import act_printing
    from fieldact.ui.office_window import OfficeContext, OfficeWindow

    database = open_database(tmp_path / "q.db")
    fill(database)
    window = OfficeWindow(OfficeContext(database, ZoneInfo("Asia/Yekaterinburg")))
    qtbot.addWidget(window)
    jobs: list[list[bytes]] = []
    monkeypatch.setattr(act_printing, "print_with_dialog", lambda pdfs, parent, preview=False: jobs.append(pdfs) or 3)
    monkeypatch.setattr(window.acts, "selected_ids", lambda: ["act3"])
    assert window.print_selected() == 3
    assert jobs == [[b"%PDF"]], "the stored bytes, one job"
    with database.engine.connect() as connection:
        details = connection.execute(text("SELECT details FROM audit_event WHERE action = 'acts_printed'")).scalar()
    assert '"act3"' in details and '"pages": 3' in details
    database.dispose()
