"""fieldact demo, doctor and backup, in a real subprocess; a damaged file gives a sentence, not a traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from fieldact.store.db import open_database
from fieldact.store.doctor import full_check


def fieldact(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldact", *args], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_demo_twice_adds_nothing_twice_and_doctor_is_happy(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    first = fieldact("demo", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "Петров Пётр: PIN 1111" in first.stdout
    second = fieldact("demo", "--db", db)
    assert "0 visit(s) added" in second.stdout
    with sqlite3.connect(db) as connection:
        visits = connection.execute("SELECT count(*) FROM visit").fetchone()[0]
        kinds = {row[0] for row in connection.execute("SELECT DISTINCT kind FROM visit")}
        technicians = connection.execute("SELECT count(*) FROM technician").fetchone()[0]
    assert visits == int(first.stdout.split(": ")[1].split()[0]) and kinds == {"connection", "service"}
    assert technicians == 3
    doctor = fieldact("doctor", "--db", db)
    assert doctor.returncode == 0 and doctor.stdout.strip() == "OK"


def test_doctor_finds_a_tampered_act(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    fieldact("demo", "--db", str(db))
    with sqlite3.connect(db) as connection:
        visit = connection.execute("SELECT id FROM visit LIMIT 1").fetchone()[0]
        connection.execute(
            "INSERT INTO act (id, number, version, visit_id, outcome, refusal_reason, signed_at, signer_name, pdf, "
            "pdf_sha256, content, content_sha256, ink, ink_sha256, created_at) VALUES ('a1', 'N1', 1, ?, 'signed', '', "
            "'2026-11-26 10:00:00', 'X', X'255044462D', ?, '{}', ?, NULL, '', '2026-11-26 10:00:00')",
            (visit, "0" * 64, "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"),
        )
    result = fieldact("doctor", "--db", str(db))
    assert result.returncode == 1
    assert "Акт N1 v1: PDF не совпадает со своим хешем." in result.stdout
    assert "1 problem(s)" in result.stdout
    database = open_database(db)
    assert len(full_check(database)) == 1
    database.dispose()


def test_damaged_file_is_a_sentence_with_the_newest_backup(tmp_path: Path) -> None:
    db = tmp_path / "work.db"
    fieldact("demo", "--db", str(db))
    backup = tmp_path / "backups" / "work-20261126-090000-000000.db"
    assert fieldact("backup", "--db", str(db), "--to", str(backup)).returncode == 0
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT count(*) FROM technician").fetchone()[0] == 3
    for leftover in tmp_path.glob("work.db-*"):
        leftover.unlink()
    db.write_bytes(b"this is not a database at all " * 200)
    result = fieldact("doctor", "--db", str(db))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"База данных {db} повреждена или недоступна" in result.stderr
    assert str(backup) in result.stderr
    # going back to the backup loses what was not sent since: the sentence says so, and what to do first
    assert "акты, не отправленные в офис с тех пор, при возврате к ней пропадут" in result.stderr
    assert "Не удаляйте и не заменяйте файл, сначала обратитесь в поддержку" in result.stderr
    assert "Только если поддержка недоступна и все акты уже в офисе" in result.stderr


def test_damaged_file_without_backup(tmp_path: Path) -> None:
    db = tmp_path / "lost.db"
    db.write_bytes(b"\x00garbage" * 1000)
    result = fieldact("--lang", "en", "demo", "--db", str(db))
    assert result.returncode == 2 and "There is no backup" in result.stderr and "Traceback" not in result.stderr
