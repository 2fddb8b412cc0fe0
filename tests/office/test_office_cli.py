"""`fieldact export` and `fieldact materials-report` for scripts: a summary, plain progress off a terminal, exit 1
on any problem."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldact.cli import main
from fieldact.office import password
from fieldact.office.commands import TerminalProgress, find_technician
from fieldact.office.queries import TechnicianChoice
from fieldact.text import InputError


@pytest.fixture(autouse=True)
def checked_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FIELDACT_CHECKED_ACTS", str(tmp_path / "checked.txt"))


@pytest.fixture(autouse=True)
def office_password(database, monkeypatch) -> None:
    password.set_first(database, OFFICE_PASSWORD, OFFICE_PASSWORD)
    monkeypatch.setenv("FIELDACT_OFFICE_PASSWORD", OFFICE_PASSWORD)


OFFICE_PASSWORD = "пароль-офиса-1"


def test_export_a_month_to_a_zip_with_a_register(database, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out" / "ноябрь.zip"
    code = main(["export", "--from", "2026-11-01", "--to", "2026-11-30", "--db", str(database.path),
                 "--out", str(out), "--register", "csv"])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Выгружено актов: 8" in captured.out
    assert "Акты: 8 из 8" in captured.err and "\r" not in captured.err, "plain lines when not on a terminal"
    with zipfile.ZipFile(out) as archive:
        assert "register.csv" in archive.namelist()
        assert len(json.loads(archive.read("manifest.json"))["acts"]) == 8


def test_export_by_technician_and_day(database, tmp_path: Path, capsys) -> None:
    code = main(["export", "--from", "2026-11-25", "--technician", "смирнова", "--db", str(database.path),
                 "--out", str(tmp_path / "folder")])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    manifest = json.loads(next((tmp_path / "folder").glob("manifest-*.json")).read_text(encoding="utf-8"))
    assert {a["technician"] for a in manifest["acts"]} == {"Смирнова Анна"}
    assert {a["signed_at"][:10] for a in manifest["acts"]} == {"2026-11-25"}


def test_a_tampered_act_makes_the_export_fail(database, tmp_path: Path, capsys) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER act_no_update"))
        act_id, pdf = connection.execute(text("SELECT id, pdf FROM act ORDER BY id LIMIT 1")).one()
        connection.execute(text("UPDATE act SET pdf = :pdf WHERE id = :id"), {"pdf": pdf + b" ", "id": act_id})
    code = main(["--lang", "en", "export", "--from", "2026-11-01", "--to", "2026-11-30", "--db", str(database.path),
                 "--out", str(tmp_path / "a.zip")])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 1
    assert "the PDF does not match its hash" in captured.err
    assert "Not exported because their hashes do not match: 1." in captured.err


def test_bad_input_is_a_sentence_and_exit_1(database, tmp_path: Path, capsys) -> None:
    assert main(["export", "--from", "1.11.2026", "--db", str(database.path), "--out", str(tmp_path / "x")]) == 1
    assert "2026-11-01" in capsys.readouterr().err
    assert main(["export", "--from", "2026-11-01", "--technician", "Никто", "--db", str(database.path),
                 "--out", str(tmp_path / "x")]) == 1  # fmt: skip
    assert "не найден" in capsys.readouterr().err
    assert main(["materials-report", "--from", "2026-11-01", "--db", str(database.path), "--out", "x.pdf"]) == 1
    assert not (tmp_path / "x").exists()


def test_materials_report_command(database, tmp_path: Path, capsys) -> None:
    out = tmp_path / "m.xlsx"
    assert main(["materials-report", "--from", "2026-11-01", "--to", "2026-11-30", "--db", str(database.path),
                 "--out", str(out)]) == 0  # fmt: skip
    assert out.stat().st_size > 0 and "Отчёт о материалах" in capsys.readouterr().out


def test_technician_by_id_or_name() -> None:
    choices = [TechnicianChoice("t1", "Петров Пётр", True), TechnicianChoice("t2", "Петрова Анна", True)]
    assert find_technician(choices, "t2") == "t2"
    assert find_technician(choices, "петров пётр") == "t1"
    with pytest.raises(InputError, match="нескольким"):
        find_technician(choices, "Петров")


def test_progress_bar_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = TerminalProgress(stream)
    bar(1, 4)
    bar(4, 4)
    assert stream.getvalue().startswith("\r") and stream.getvalue().endswith("4/4\n") and "█" in stream.getvalue()


def test_export_needs_the_office_password_and_is_audited(database, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "acts.zip"
    arguments = ["export", "--from", "2026-11-01", "--to", "2026-11-30", "--db", str(database.path), "--out", str(out)]
    monkeypatch.delenv("FIELDACT_OFFICE_PASSWORD")
    assert main(arguments) == 1
    assert "FIELDACT_OFFICE_PASSWORD" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("FIELDACT_OFFICE_PASSWORD", "wrong-password")
    for _ in range(5):
        assert main(arguments) == 1
    assert "Повторите через 5 мин" in capsys.readouterr().err
    monkeypatch.setenv("FIELDACT_OFFICE_PASSWORD", OFFICE_PASSWORD)
    assert main(arguments) == 1, "the lock holds for the right password too, across runs"
    assert not out.exists()
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM setting WHERE key = 'office_password_lock'"))
    assert main(arguments) == 0 and out.exists()
    with database.engine.connect() as connection:
        actions = [row[0] for row in connection.execute(text("SELECT action FROM audit_event WHERE actor = 'office'"))]
    assert actions.count("office_wrong_password") == 5
    assert "office_export" in actions and "acts_exported" in actions


def test_the_office_unlocks_a_technician(database, capsys) -> None:
    with database.engine.begin() as connection:
        technician_id = connection.execute(text("SELECT id FROM technician LIMIT 1")).scalar()
        connection.execute(text("UPDATE technician SET failed_attempts = 15 WHERE id = :t"), {"t": technician_id})
    assert main(["unlock-technician", technician_id, "--db", str(database.path)]) == 0
    with database.engine.connect() as connection:
        assert (
            connection.execute(
                text("SELECT failed_attempts FROM technician WHERE id = :t"), {"t": technician_id}
            ).scalar()
            == 0
        )
        unlocked = connection.execute(
            text("SELECT details FROM audit_event WHERE action = 'technician_unlocked'")
        ).scalar()
    assert technician_id in unlocked and '"wrong_tries": 15' in unlocked
