"""Kill the writer with SIGKILL in the middle of a stream of answers: every acknowledged answer is there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldact.store.db import open_database

WRITER = Path(__file__).with_name("crash_writer.py")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("acknowledged_before_kill", [25, 140])
def test_sigkill_loses_no_acknowledged_answer(tmp_path: Path, acknowledged_before_kill: int) -> None:
    path = tmp_path / "crash.db"
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(path)], stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )
    assert writer.stdout is not None
    visit_id = writer.stdout.readline().split()[1]
    acknowledged: dict[str, int] = {}
    count = 0
    for line in writer.stdout:
        _, key, counter = line.split()
        acknowledged[key] = int(counter)
        count += 1
        if count == acknowledged_before_kill:
            os.kill(writer.pid, signal.SIGKILL)
            break
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    database = open_database(path)
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        stored = dict(
            connection.execute(text("SELECT item_key, reason FROM answer WHERE visit_id = :v"), {"v": visit_id}).all()
        )
        logged = connection.execute(text("SELECT count(*) FROM audit_event WHERE action = 'answer'")).scalar()
    for key, counter in acknowledged.items():
        assert key in stored, f"acknowledged answer to {key} is lost"
        assert int(stored[key].removeprefix("n=")) >= counter, f"{key}: an older answer than the acknowledged one"
    assert logged >= count
    database.dispose()
