"""Is a stored act exactly the one that was signed? Checked before it leaves the database.

The checks are the ones ``fieldact doctor`` makes (``store.doctor.act_problems``). The stored hashes are
recomputed for every act, every time. The full check of the PDF reads every page's text and costs about 30 ms an
act (exports skip the pages' text and still check every hash, a few ms); a result is a function of the bytes
alone, so this office PC remembers the SHA-256 of bytes that passed it, in a file of its own (never in the
database, where whoever could change an act could also mark it as checked).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from fieldact.store import tables
from fieldact.store.doctor import act_label, pdf_problems, stored_hash_problems

__all__ = ["CheckedDigests", "act_label", "check_act"]


class CheckedDigests:
    """SHA-256 pairs (PDF, content) of acts that passed the full check on this PC; an append-only text file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._known: set[str] = set()
        self._lock = threading.Lock()
        if path is not None and path.is_file():
            self._known = {line.strip() for line in path.read_text(encoding="ascii", errors="ignore").splitlines()}

    @staticmethod
    def key(act: tables.Act) -> str:
        return f"{act.pdf_sha256}:{act.content_sha256}"

    def knows(self, act: tables.Act) -> bool:
        return self.key(act) in self._known

    def remember(self, act: tables.Act) -> None:
        key = self.key(act)
        with self._lock:
            if key in self._known:
                return
            self._known.add(key)
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="ascii") as file:
                    file.write(key + "\n")


def default_checked_path() -> Path:
    from fieldact.store.db import data_dir

    return Path(os.environ.get("FIELDACT_CHECKED_ACTS", data_dir() / "office-checked-acts.txt"))


def check_act(act: tables.Act, checked: CheckedDigests | None = None, read_pages: bool = True) -> list[str]:
    """Every reason not to trust the stored act, as sentences; empty when it is the act that was signed.

    ``read_pages=False`` (exports) checks every hash — stored, embedded and of the whole file as made — but does
    not read the pages' text, which is most of the cost.
    """
    problems = stored_hash_problems(act)
    if problems:
        return problems
    if checked is not None and checked.knows(act):
        return []
    problems = pdf_problems(act, read_pages)
    if not problems and checked is not None:
        checked.remember(act)
    return problems
