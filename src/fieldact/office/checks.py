"""Is a stored act exactly the one that was signed? Checked before it leaves the database.

The checks are the ones ``fieldact doctor`` makes (``store.doctor.act_problems``): the stored hashes, recomputed
for every act every time, then the whole ``fieldact verify`` of the PDF. That full check costs tens of
milliseconds an act; its result is a function of the bytes and of the checker alone, so this office PC remembers
the SHA-256 of bytes that passed it, with the checker's version, in a file of its own (never in the database, where
whoever could change an act could also mark it as checked). Only a full check that passed is remembered; a new
checker (another program version or verify code) finds nothing remembered and checks again.

Many acts are checked on every core: ``check_acts`` hands the full checks to a pool of processes.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from functools import cache
from pathlib import Path

from fieldact.hashing import sha256_hex
from fieldact.store import tables
from fieldact.store.doctor import act_label, pdf_bytes_problems, stored_hash_problems
from fieldact.store.sealing import SealPolicy

__all__ = ["CheckedDigests", "act_label", "check_act", "check_acts", "checker_pool", "checker_version"]

POOL_FROM = 8  # fewer full checks than this run in the calling process: starting workers costs more


@cache
def checker_version() -> str:
    """The program's version and a digest of the act package's code, which is what verify runs."""
    from fieldact import __version__

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1] / "act"
    for source in sorted(package.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


class CheckedDigests:
    """Acts that passed the full check on this PC, by (checker version, PDF SHA-256, content SHA-256);
    an append-only text file, one key a line."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._known: set[str] = set()
        self._lock = threading.Lock()
        if path is not None and path.is_file():
            self._known = {line.strip() for line in path.read_text(encoding="ascii", errors="ignore").splitlines()}

    @staticmethod
    def key(act: tables.Act, policy: SealPolicy | None = None) -> str:
        held_to = f"+{policy.digest}" if policy is not None else ""
        return f"{checker_version()}{held_to}:{sha256_hex(act.pdf)}:{sha256_hex(act.content.encode('utf-8'))}"

    def knows(self, act: tables.Act, policy: SealPolicy | None = None) -> bool:
        return self.key(act, policy) in self._known

    def remember(self, act: tables.Act, policy: SealPolicy | None = None) -> None:
        key = self.key(act, policy)
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


def check_act(
    act: tables.Act, checked: CheckedDigests | None = None, recheck: bool = False, policy: SealPolicy | None = None
) -> list[str]:
    """Every reason not to trust the stored act, as sentences; empty when it is the act that was signed."""
    return check_acts([act], checked, recheck, policy=policy)[0]


def check_acts(
    acts: Sequence[tables.Act],
    checked: CheckedDigests | None = None,
    recheck: bool = False,
    pool: Executor | None = None,
    policy: SealPolicy | None = None,
) -> list[list[str]]:
    """``check_act`` for each act, in order; the full checks on ``pool`` when given, held to ``policy`` (the
    seal level, company CA and revoked certificates; the content level without one).

    An act whose bytes passed the full check with the same policy on this PC before is only hashed, unless
    ``recheck``."""
    results: list[list[str] | None] = []
    wanted: list[int] = []
    for index, act in enumerate(acts):
        problems = stored_hash_problems(act)
        if problems or (checked is not None and not recheck and checked.knows(act, policy)):
            results.append(problems)
        else:
            results.append(None)
            wanted.append(index)
    arguments = [(acts[i].pdf, acts[i].content, act_label(acts[i]), policy) for i in wanted]
    if pool is not None and len(wanted) > 1:
        found = list(pool.map(_full_check, arguments, chunksize=max(1, len(arguments) // 16)))
    else:
        found = [_full_check(argument) for argument in arguments]
    for index, problems in zip(wanted, found, strict=True):
        results[index] = problems
        if not problems and checked is not None:
            checked.remember(acts[index], policy)
    return [problems or [] for problems in results]


def _full_check(argument: tuple[bytes, str, str, SealPolicy | None]) -> list[str]:
    return pdf_bytes_problems(*argument)


def checker_pool(full_checks: int) -> ProcessPoolExecutor | None:
    """A pool with a worker per core when there are enough full checks to pay for starting it; else None.

    Workers are spawned, not forked: the caller may be the office window, with Qt and threads running."""
    cores = os.cpu_count() or 1
    if cores < 2 or full_checks < POOL_FROM:
        return None
    return ProcessPoolExecutor(max_workers=cores, mp_context=multiprocessing.get_context("spawn"))
