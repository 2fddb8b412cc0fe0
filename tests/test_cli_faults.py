"""The command line on full disks and with wrong files: a sentence and an exit code, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import OperationalError

from fieldact.cli import main
from fieldact.store.db import open_database


def test_act_sample_on_a_full_disk_leaves_no_empty_file(small_disk, capsys) -> None:
    small_disk.fill()
    out = small_disk.path / "act.pdf"
    assert main(["act", "sample", "--out", str(out)]) == 1
    assert "не записать" in capsys.readouterr().err
    assert [p.name for p in small_disk.path.iterdir()] == [".filler"]


def test_demo_on_a_full_disk_is_a_sentence_and_a_second_run_completes_it(small_disk, capsys) -> None:
    db = small_disk.path / "demo.db"
    open_database(db).dispose()
    small_disk.fill()
    assert main(["demo", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "нет места" in err and "повреждена" not in err and "Traceback" not in err
    small_disk.free()
    assert main(["demo", "--db", str(db)]) == 0
    assert "PIN" in capsys.readouterr().out


def test_demo_cut_off_half_way_says_so_and_how_to_finish(tmp_path: Path, monkeypatch, capsys) -> None:
    import fieldact.cli as cli

    def full(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT INTO visit", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(cli, "fill_demo", full)
    assert main(["demo", "--db", str(tmp_path / "f.db")]) == 2
    err = capsys.readouterr().err
    assert "на диске нет места" in err and "запустите demo снова" in err


def test_backup_into_a_folder_is_a_sentence(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.db"
    open_database(db).dispose()
    assert main(["backup", "--db", str(db), "--to", str(tmp_path)]) == 2
    assert "это папка" in capsys.readouterr().err


def test_a_wrong_trust_file_is_blamed_on_the_file_not_the_act(tmp_path: Path, capsys) -> None:
    act = tmp_path / "act.pdf"
    assert main(["act", "sample", "--out", str(act)]) == 0
    wrong = tmp_path / "not-a-certificate.pem"
    wrong.write_text("hello")
    assert main(["verify", str(act), "--trust", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert "not-a-certificate.pem: в файле нет сертификата" in err and "акт не прошёл проверку" not in err


def test_a_server_database_is_not_called_a_damaged_file(monkeypatch, capsys) -> None:
    monkeypatch.setenv("FIELDACT_CENTRAL_PASSWORD", "hidden-pass")
    for command in ("doctor", "demo"):
        assert main([command, "--db", "postgresql://office@127.0.0.1:1/fieldact"]) == 2
        err = capsys.readouterr().err
        assert "Сервер базы данных" in err and "повреждена" not in err and "hidden-pass" not in err
