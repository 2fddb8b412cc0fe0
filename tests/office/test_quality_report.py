"""``fieldact quality-report``: the PDF and the XLSX read back, numbers and charts."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from openpyxl import load_workbook
from pypdf import PdfReader
from tests.office.quality_data import fill

from fieldact.cli import main
from fieldact.store.db import open_database

PERIOD = ["--from", "2026-11-02", "--to", "2026-11-15"]


def _filled(tmp_path: Path) -> str:
    database = open_database(tmp_path / "q.db")
    fill(database)
    database.dispose()
    return str(tmp_path / "q.db")


def test_the_pdf_has_the_figures_and_vector_charts(tmp_path: Path, capsys) -> None:
    db = _filled(tmp_path)
    out = tmp_path / "report.pdf"
    assert main(["quality-report", *PERIOD, "--db", db, "--out", str(out)]) == 0
    assert "визитов: 5" in capsys.readouterr().out
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    for shown in (
        "Предзвонок в окне стандарта, % 75",
        "Приезд вовремя, % 50",
        "Зачислено на счета, ₽ 700",
        "Андреев Антон",
        "Борисов Борис",
        "дорого",
        "на завтра",
        "Средняя оценка 4",
        "1. Предварительный звонок, мин в среднем 20",  # stage and outcome in the standard's words, not keys
        "Абонент отказался от платного технического специалиста: кабель",
    ):
        assert shown in " ".join(text.split()), shown
    document = pypdfium2.PdfDocument(out)
    try:
        paths = [
            obj
            for index in range(len(document))
            for obj in document[index].get_objects()
            if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH
        ]
        images = [
            obj
            for index in range(len(document))
            for obj in document[index].get_objects()
            if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE
        ]
    finally:
        document.close()
    assert len(paths) > 40, "bars, lines and frames are drawn as vector paths"
    assert images == [], "no chart is a picture"


def test_the_xlsx_has_the_numbers_and_a_team_filter(tmp_path: Path) -> None:
    db = _filled(tmp_path)
    out = tmp_path / "report.xlsx"
    assert main(["quality-report", *PERIOD, "--technician", "Борисов", "--db", db, "--out", str(out)]) == 0
    book = load_workbook(out)
    summary = {row[0]: row[1] for row in book["Итоги"].iter_rows(min_row=2, values_only=True) if row and row[0]}
    assert summary["Визитов"] == 2
    assert summary["Переносы"] == 1
    assert summary["Предзвонок в окне стандарта, %"] == 100.0
    assert summary["Зачислено на счета, ₽"] == 200.0
    people = list(book["Техники"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in people] == ["Борисов Борис"]


def test_a_wrong_file_kind_or_day_is_a_sentence(tmp_path: Path, capsys) -> None:
    db = _filled(tmp_path)
    assert main(["quality-report", *PERIOD, "--db", db, "--out", str(tmp_path / "r.doc")]) == 1
    assert "укажите файл .pdf или .xlsx" in capsys.readouterr().err
    assert main(["quality-report", "--from", "2026-13-01", "--db", db, "--out", str(tmp_path / "r.pdf")]) == 1
    assert "укажите дату" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()
