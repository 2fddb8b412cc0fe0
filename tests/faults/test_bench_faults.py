"""The fault-injection script, small: every 7th write of the visit-to-export path fails once, each in its own run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_faults.py"


def test_every_fault_tried_is_a_sentence_and_nothing_acknowledged_is_lost() -> None:
    with_server = bool(os.environ.get("FIELDACT_TEST_PG_URL"))
    if not with_server and os.environ.get("CI") == "true":
        pytest.fail("FIELDACT_TEST_PG_URL is not set under CI: the sync's faults must be tried too")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--limit", "90"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.strip().splitlines()
    result = json.loads(line)
    assert result["write_calls"] > 60, "the path writes the database, the act, the exports (and the sync)"
    assert {"sqlite-sql", "sqlite-commit", "write", "rename"} <= set(result["write_sites"])
    assert result["faults_tried"] >= 10
    assert {"answer", "sign", "export"} <= set(result["faults_by_step"])
    assert result["tracebacks"] == 0, result["examples"]
    assert result["acknowledged_lost"] == 0, result["examples"]
    assert result["misleading_sentences"] == 0, result["examples"]
    assert result["not_recovered"] == 0 and result["leftovers"] == 0, result["examples"]
    assert result["faults_with_sentence"] + result["faults_absorbed"] == result["faults_tried"]
    assert result["bar_met"] is True
    if with_server:
        assert result["sync"] is True and "postgresql-sql" in result["write_sites"]
