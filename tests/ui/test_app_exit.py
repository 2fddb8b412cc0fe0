"""The real app starts and quits cleanly, every time: no crash in interpreter shutdown (a crash dialog on Windows)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fieldact.cli import main

from .helpers import make_store

RUNS = 30
CHILD = """
import sqlite3, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from fieldact.ui import app as app_module

app_module.create_application("ru")
pdf = open(sys.argv[2], "rb").read()

def leave():
    shell = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "Shell")
    shell.review.show_preview(pdf)  # a loaded QPdfDocument must be torn down too
    shell.show_screen(shell.review)
    QApplication.processEvents()
    with sqlite3.connect(sys.argv[1]) as connection:
        visit_id = connection.execute("SELECT id FROM visit LIMIT 1").fetchone()[0]
    shell.open_review(visit_id)  # and an act still rendering in the background when the app quits
    QApplication.quit()

QTimer.singleShot(0, leave)
sys.exit(app_module.run(windowed=True, db=sys.argv[1]))
"""


def _start_and_quit(db: Path, pdf: Path, home: Path) -> subprocess.CompletedProcess[str]:
    source = str(Path(__file__).resolve().parents[2] / "src")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(home), "PYTHONPATH": source}
    environment.pop("FIELDACT_CENTRAL_URL", None)
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(pdf)], env=environment, capture_output=True, text=True, timeout=120
    )


def test_the_app_quits_with_exit_code_zero_thirty_times_in_a_row(tmp_path: Path, standard, brand) -> None:
    db = tmp_path / "tiny.db"
    make_store(db, standard, brand).database.dispose()
    pdf = tmp_path / "act.pdf"
    assert main(["act", "sample", "--out", str(pdf)]) == 0
    copies = [tmp_path / f"tiny-{n}.db" for n in range(RUNS)]  # one copy runs per database: each start has its own
    for copy in copies:
        shutil.copyfile(db, copy)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda copy: _start_and_quit(copy, pdf, tmp_path / "data"), copies))
    broken = ("Traceback", "Error calling Python override")  # a job cut off by the interpreter's shutdown
    failures = [(r.returncode, r.stderr[-400:]) for r in results if r.returncode or any(b in r.stderr for b in broken)]
    assert failures == [], f"{len(failures)} of {RUNS} runs did not exit cleanly: {failures[:3]}"
    assert (tmp_path / "data" / "fieldact" / "logs" / "fieldact.log").exists(), "the app keeps its log"
