"""demo, doctor and backup given a server database (``--db postgresql://…``), in a real subprocess against a real
PostgreSQL: the password kept apart (FIELDACT_CENTRAL_PASSWORD) is used, and nothing calls a server a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import make_url

from .pg import Central, central_fixture  # noqa: F401


def fieldact(*args: str, password: str | None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("FIELDACT_", "PG"))}
    if password is not None:
        environment["FIELDACT_CENTRAL_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "fieldact", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env=environment,
    )


def without_password(url: str) -> tuple[str, str]:
    parsed = make_url(url)
    bare = f"postgresql://{parsed.username}@{parsed.host}:{parsed.port}/{parsed.database}"
    return bare, str(parsed.password)


def test_server_database_commands_use_the_password_kept_apart(central: Central, tmp_path: Path) -> None:
    url, password = without_password(central.admin_url)
    demo = fieldact("demo", "--db", url, password=password)
    assert demo.returncode == 0, demo.stderr
    assert "Петров Пётр: PIN 1111" in demo.stdout and password not in demo.stdout
    assert central.query("SELECT count(*) FROM technician")[0][0] == 3
    doctor = fieldact("doctor", "--db", url, password=password)
    assert doctor.returncode == 0 and doctor.stdout.strip().endswith("OK"), doctor.stdout + doctor.stderr
    backup = fieldact("backup", "--db", url, "--to", str(tmp_path / "copy.db"), password=password)
    assert backup.returncode == 2 and "для сервера используйте его средства" in backup.stderr
    assert not (tmp_path / "copy.db").exists()


def test_a_wrong_or_missing_password_is_a_sentence_about_the_server(central: Central, tmp_path: Path) -> None:
    url, password = without_password(central.admin_url)
    for given in ("not-the-password", None):
        for command in (("doctor",), ("demo",), ("backup", "--to", str(tmp_path / "copy.db"))):
            result = fieldact(*command, "--db", url, password=given)
            assert result.returncode == 2, (command, result.stderr)
            err = result.stderr
            assert "Сервер базы данных" in err and "FIELDACT_CENTRAL_PASSWORD" in err, err
            assert "повреждена" not in err and "файл" not in err and "Traceback" not in err, err
            assert "not-the-password" not in err and password not in err
