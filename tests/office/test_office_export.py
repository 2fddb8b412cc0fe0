"""Exports: the stored bytes, a manifest with the hashes, the register; tampered acts refused; nothing half written."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from fieldact.office.checks import CheckedDigests, check_act
from fieldact.office.export import ExportError, FolderSink, ZipSink, export_acts
from fieldact.office.names import RESERVED, act_file_stem, safe_name, safe_part
from fieldact.office.queries import ActFilter, act_ids, load_act
from fieldact.office.register import RegisterFormat
from fieldact.store.db import Database

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


def all_ids(database: Database, zone) -> list[str]:
    return act_ids(database, ActFilter(), zone)


def unfreeze(database: Database) -> None:
    """Only a test may do this: the trigger that refuses any change to a stored act."""
    with database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER act_no_update"))


def assert_windows_safe(name: str) -> None:
    assert not WINDOWS_FORBIDDEN & set(name) and not any(ord(c) < 32 for c in name), name
    assert name == name.rstrip(" .") and not name.startswith("."), name
    assert name.split(".")[0].upper() not in RESERVED, name
    assert len(name) <= 150, name


def test_zip_holds_the_stored_bytes_a_manifest_and_a_csv_register(database, office_zone, tmp_path: Path) -> None:
    ids = all_ids(database, office_zone)
    report = export_acts(database, ids, tmp_path / "acts.zip", RegisterFormat.CSV, source="test")
    assert report.ok and len(report.exported) == 8 and not report.refused
    with zipfile.ZipFile(tmp_path / "acts.zip") as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        sums = archive.read("SHA256SUMS.txt").decode()
        register = archive.read("register.csv")
        pdfs = {name: archive.read(name) for name in names if name.endswith(".pdf")}
    assert len(pdfs) == 8 and {"manifest.json", "SHA256SUMS.txt", "register.csv"} <= set(names)
    for entry in manifest["acts"]:
        stored = load_act(database, entry["act_id"])
        assert pdfs[entry["file"]] == stored.pdf, "the export is the stored bytes, never re-rendered"
        assert entry["pdf_sha256"] == stored.pdf_sha256 == hashlib.sha256(pdfs[entry["file"]]).hexdigest()
        assert entry["content_sha256"] == stored.content_sha256
        assert f"{stored.pdf_sha256}  {entry['file']}" in sums
        assert entry["file"].startswith(entry["signed_at"][:10] + "_" + entry["contract"] + "_" + entry["number"])
    assert manifest["register"] == "register.csv" and manifest["refused"] == []
    assert f"{hashlib.sha256(register).hexdigest()}  register.csv" in sums

    assert register.startswith(b"\xef\xbb\xbf"), "a BOM, so that Excel shows Cyrillic"
    lines = list(csv.reader(io.StringIO(register.decode("utf-8-sig")), delimiter=";"))
    assert lines[0][:3] == ["№", "Файл", "Номер акта"] and len(lines) == 9
    by_file = {line[1]: line for line in lines[1:]}
    for entry in manifest["acts"]:
        line = by_file[entry["file"]]
        assert line[2] == entry["number"] and line[6] == entry["contract"] and line[-1] == entry["pdf_sha256"]
        assert line[7].count(" ") == 2  # «Фамилия Имя Отчество»
    statuses = {line[4] for line in lines[1:]}
    assert statuses == {"подписан", "отказ от подписи", "заменён исправленным"}
    assert any(line[12] == "1000,00" for line in lines[1:]), "money in rubles with a decimal comma"
    assert lines[0][13:15] == ["Фото", "Оборудование"]
    connections = [line for line in lines[1:] if line[10] == "подключение" and line[4] == "подписан"]
    assert connections and all(int(line[13]) >= 1 for line in connections), "the photos each act carries"
    assert all(line[14].startswith("Wi-Fi роутер ZX") and "(установлено)" in line[14] for line in connections)


def test_folder_export_with_an_xlsx_register(database, office_zone, tmp_path: Path) -> None:
    target = tmp_path / "Архив ноябрь"
    report = export_acts(database, all_ids(database, office_zone), target, RegisterFormat.XLSX)
    assert report.ok
    pdfs = sorted(p.name for p in target.glob("*.pdf"))
    assert pdfs == sorted(a.file for a in report.exported) and len(pdfs) == 8
    assert not [p for p in target.iterdir() if p.name.startswith(".")], "no staging folder or partial file left"
    register = next(target.glob("register-*.xlsx"))
    sheet = load_workbook(register).active
    values = list(sheet.values)
    assert values[0][0] == "№" and len(values) == 9
    assert {row[1] for row in values[1:]} == set(pdfs)
    assert hasattr(values[1][5], "year"), "the signing time is an Excel date, not text"
    manifest = json.loads(next(target.glob("manifest-*.json")).read_text(encoding="utf-8"))
    assert len(manifest["acts"]) == 8

    again = export_acts(database, all_ids(database, office_zone), target)
    assert sorted(a.file for a in again.exported) == pdfs, "the same acts again reuse their names"


def test_a_tampered_act_is_refused_and_reported(database, office_zone, tmp_path: Path) -> None:
    ids = all_ids(database, office_zone)
    victim, forged = load_act(database, ids[0]), load_act(database, ids[1])
    unfreeze(database)
    with database.engine.begin() as connection:
        altered = victim.pdf.replace(b"595.28", b"595.29", 1)
        assert altered != victim.pdf
        connection.execute(text("UPDATE act SET pdf = :pdf WHERE id = :id"), {"pdf": altered, "id": victim.id})
        # a cleverer forgery: new bytes and their hash stored together; the PDF's own digest still tells
        new = forged.pdf.replace(b"595.28", b"595.29", 1)
        connection.execute(
            text("UPDATE act SET pdf = :pdf, pdf_sha256 = :sha WHERE id = :id"),
            {"pdf": new, "sha": hashlib.sha256(new).hexdigest(), "id": forged.id},
        )
    report = export_acts(database, ids, tmp_path / "out.zip")
    assert not report.ok
    assert {r.act_id for r in report.refused} == {victim.id, forged.id}
    assert "не совпадает со своим хешем" in report.refused[0].problems[0]
    assert report.refused[1].problems, "verify_pdf finds the forgery"
    assert "хеш" in report.summary()
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == 6
    assert {r["act_id"] for r in manifest["refused"]} == {victim.id, forged.id}


def test_checked_digests_skip_only_the_slow_check(database, office_zone, tmp_path: Path) -> None:
    act = load_act(database, all_ids(database, office_zone)[0])
    checked = CheckedDigests(tmp_path / "checked.txt")
    assert check_act(act, checked) == [] and checked.knows(act)
    assert CheckedDigests(tmp_path / "checked.txt").knows(act), "remembered in the file"
    act.pdf = act.pdf + b"%"
    assert check_act(act, checked), "changed bytes no longer match the stored hash, whatever was checked before"


@pytest.mark.parametrize("target_name", ["acts.zip", "folder"])
def test_cancel_leaves_nothing(database, office_zone, tmp_path: Path, target_name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / target_name
    seen: list[int] = []
    report = export_acts(
        database,
        all_ids(database, office_zone),
        target,
        RegisterFormat.CSV,
        progress=lambda done, total: seen.append(done),
        should_stop=lambda: len(seen) >= 3,
    )
    assert report.cancelled and not report.exported and seen == [1, 2, 3]
    leftovers = list(out.rglob("*"))
    assert leftovers in ([], [target]), leftovers  # at most the (empty) folder that was asked for


def test_a_failure_midway_leaves_no_partial_file(database, office_zone, tmp_path: Path) -> None:
    def fail(done: int, total: int) -> None:
        if done == 4:
            raise OSError(28, "No space left on device")

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError, match="ничего не записано наполовину"):
        export_acts(database, all_ids(database, office_zone), out / "acts.zip", progress=fail)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("contract", ["../x", "CON", "a:b", "9" * 300, "con.txt", 'a<b>c"d|e?f*g\\h', "x. . ", "COM1"])
@pytest.mark.parametrize("sink", [FolderSink, ZipSink])
def test_hostile_contract_numbers_give_safe_unique_names(tmp_path: Path, contract, sink) -> None:
    """File names come from the contract number the act states; whatever it holds, the names stay safe."""
    from datetime import date, datetime

    target = tmp_path / ("out.zip" if sink is ZipSink else "out")
    written = sink(target)
    numbers = [contract[:32]] + [f"{contract[:20]}{n}" for n in range(7)]
    day = date(2026, 11, 26)
    names = [
        written.add_act(act_file_stem(day, number, "20261126-ABCDEF", 1), b"%PDF", datetime(2026, 11, 26))
        for number in numbers
    ]
    written.commit()
    assert len({n.casefold() for n in names}) == len(names) == 8
    for name in names:
        assert_windows_safe(name)
        assert (tmp_path / "out" / name).parent == tmp_path / "out"
    if sink is FolderSink:
        assert sorted(p.name for p in target.glob("*.pdf")) == sorted(names)
    else:
        with zipfile.ZipFile(target) as archive:
            assert sorted(archive.namelist()) == sorted(names)


def test_name_rules() -> None:
    from datetime import date

    assert safe_part("../x") == "_x" or safe_part("../x") == ".._x".lstrip(".")
    assert safe_part("CON") == "_CON" and safe_part("con.txt") == "_con.txt" and safe_part("LPT9") == "_LPT9"
    assert safe_part("a:b") == "a_b" and safe_part("x. . ") == "x"
    assert safe_part("") == "_" and safe_part("...") == "_"
    assert len(safe_part("7" * 500)) <= 60
    assert safe_name("CON", ".pdf") == "_CON.pdf"
    stem = act_file_stem(date(2026, 11, 26), "590000000001", "20261126-ABCDEF", 1)
    assert safe_name(stem, ".pdf") == "2026-11-26_590000000001_20261126-ABCDEF.pdf"
    assert act_file_stem(date(2026, 11, 26), "5", "N", 2).endswith("_v2")


def test_stored_content_rewritten_with_its_hash_is_caught_inside_the_pdf(database, office_zone) -> None:
    act = load_act(database, all_ids(database, office_zone)[0])
    forged = act.content.replace("Иванов", "Петров") if "Иванов" in act.content else act.content + " "
    act.content, act.content_sha256 = forged, hashlib.sha256(forged.encode("utf-8")).hexdigest()
    problems = check_act(act)
    assert problems == [f"Акт {act.number} v{act.version}: содержание внутри PDF не совпадает с сохранённым."]
