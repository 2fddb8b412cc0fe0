"""A fault at every write of the visit-to-export path: each one a sentence, nothing acknowledged lost. One JSON line.

The path, as on the tablet and in the office: open a visit and arrive, answer every item up to signing, record the
payment, sign (the act rendered and stored), export the act to a folder (its PDF file) and to a ZIP with the
register, and sync to PostgreSQL when FIELDACT_TEST_PG_URL (or FIELDACT_BENCH_PG_URL) names a server that may
create databases and roles.

A clean run counts the path's write calls: SQL statements that change data and commits (SQLite on the tablet,
PostgreSQL in the sync), file writes, fsyncs and renames. Then, for each write call N, a fresh run fails exactly
the Nth one (ENOSPC on a file write, EIO on an fsync, EACCES on a rename; a full, failing, locked or read-only
SQLite; a full disk or a dropped connection on PostgreSQL), handles the failure as the product does (the screen's
sentence, the export's sentence, the sync report), lifts the fault, retries the failed step as the technician
would, and finishes the path. Then the tablet's database is reopened (a restart) and checked.

Printed: faults_tried; faults_with_sentence (the failure was shown as a specific sentence); faults_absorbed (no
error reached anyone and everything is intact); tracebacks (an error the product does not handle where it
happens); acknowledged_lost (something shown as saved — an answer, the payment, the act, an exported file, a
visit reported as sent — missing after the restart); not_recovered (the path could not be finished once the fault
was lifted); leftovers (partial files left behind). The bar: every fault a sentence or absorbed, nothing
acknowledged lost, no traceback. ``--quick`` tries every 7th write only (the test runs it); ``--limit S`` stops
trying new faults after S seconds (default 110) and says so.
"""

from __future__ import annotations

import argparse
import builtins
import errno
import io
import json
import os
import secrets
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from sqlalchemy import Engine, make_url, text  # noqa: E402
from sqlalchemy.engine.default import DefaultDialect  # noqa: E402

from fieldact.act.sample import SAMPLE_EVIDENCE, sample_signature  # noqa: E402
from fieldact.office.checks import CheckedDigests  # noqa: E402
from fieldact.office.export import ExportError, export_acts  # noqa: E402
from fieldact.office.register import RegisterFormat  # noqa: E402
from fieldact.photo.sample import sample_photo  # noqa: E402
from fieldact.standard import Service, VisitKind, load_brand, load_standard  # noqa: E402
from fieldact.store.central import (  # noqa: E402
    central_engine,
    central_url,
    init_central,
    open_central,
    save_login,
    save_technician,
)
from fieldact.store.db import open_database  # noqa: E402
from fieldact.store.open_visit import OpenVisit  # noqa: E402
from fieldact.store.repository import Store  # noqa: E402
from fieldact.store.signing import sign_visit  # noqa: E402
from fieldact.store.sync import SyncReport, sync_once  # noqa: E402
from fieldact.text import InputError  # noqa: E402
from fieldact.ui.errors import sentence_for  # noqa: E402
from fieldact.visit import ItemState, PaymentLine, Plan, Subscriber, settle  # noqa: E402

TECHNICIAN = "7001"
GENERIC = "Something went wrong"  # the fallback sentence of the screen: an error nobody foresaw
WRITE_SQL = ("INSERT", "UPDATE", "DELETE", "REPLACE")


# --- the faults ---------------------------------------------------------------------------------------------------


def sqlite_faults() -> list[Exception]:
    return [
        sqlite3.OperationalError("database or disk is full"),
        sqlite3.OperationalError("disk I/O error"),
        sqlite3.OperationalError("database is locked"),
        sqlite3.OperationalError("attempt to write a readonly database"),
    ]


def postgres_faults() -> list[Exception]:
    return [
        psycopg.errors.DiskFull("could not extend file: No space left on device"),
        psycopg.OperationalError("server closed the connection unexpectedly"),
    ]


FILE_FAULTS = {
    "write": lambda: OSError(errno.ENOSPC, "No space left on device"),
    "fsync": lambda: OSError(errno.EIO, "Input/output error"),
    "rename": lambda: OSError(errno.EACCES, "Permission denied"),
}


@dataclass
class Faults:
    """Counts write calls; fails the ``fail_at``-th one (1-based) with a fault fitting the call."""

    fail_at: int | None = None
    calls: int = 0
    fired: str = ""
    sites: Counter[str] = field(default_factory=Counter)

    def hit(self, site: str) -> None:
        self.calls += 1
        self.sites[site] += 1
        if self.calls != self.fail_at:
            return
        if site.startswith("sqlite"):
            choices = sqlite_faults()
        elif site.startswith("postgresql"):
            choices = postgres_faults()
        else:
            choices = [FILE_FAULTS[site]()]
        error = choices[self.calls % len(choices)]
        self.fired = f"{site}: {error}"
        raise error

    def arm(self, fail_at: int | None) -> None:
        self.fail_at, self.calls, self.fired = fail_at, 0, ""
        self.sites.clear()

    def lift(self) -> None:
        self.fail_at = None


FAULTS = Faults()


class _WriteProxy:
    """A file opened for writing whose every write is a fault point."""

    def __init__(self, file: Any) -> None:
        self._file = file

    def write(self, data: Any) -> int:
        FAULTS.hit("write")
        return int(self._file.write(data))

    def writelines(self, lines: Any) -> None:
        FAULTS.hit("write")
        self._file.writelines(lines)

    def __enter__(self) -> _WriteProxy:
        self._file.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._file.__exit__(*exc)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._file)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def install() -> None:
    """Every write the path makes goes through a fault point: Python's files, fsync, rename and the database's
    statements and commits (SQLite's own file writes happen in C, so its faults come at the statement)."""
    real_open, real_fsync, real_replace = io.open, os.fsync, os.replace

    def opened(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        return _WriteProxy(handle) if any(flag in mode for flag in "wax+") else handle

    def fsync(descriptor: Any) -> None:
        FAULTS.hit("fsync")
        real_fsync(descriptor)

    def replace(source: Any, target: Any, **kwargs: Any) -> None:
        FAULTS.hit("rename")
        real_replace(source, target, **kwargs)

    io.open = builtins.open = opened  # type: ignore[assignment]
    os.fsync, os.replace = fsync, replace  # type: ignore[assignment]

    real_execute, real_many, real_commit = (
        DefaultDialect.do_execute,
        DefaultDialect.do_executemany,
        DefaultDialect.do_commit,
    )

    def writes(statement: str) -> bool:
        return statement.lstrip().upper().startswith(WRITE_SQL)

    def do_execute(self: DefaultDialect, cursor: Any, statement: str, parameters: Any, context: Any = None) -> None:
        if writes(statement):
            FAULTS.hit(f"{self.name}-sql")
        real_execute(self, cursor, statement, parameters, context)

    def do_executemany(self: DefaultDialect, cursor: Any, statement: str, parameters: Any, context: Any = None) -> None:
        if writes(statement):
            FAULTS.hit(f"{self.name}-sql")
        real_many(self, cursor, statement, parameters, context)

    def do_commit(self: DefaultDialect, connection: Any) -> None:
        FAULTS.hit(f"{self.name}-commit")
        real_commit(self, connection)

    DefaultDialect.do_execute = do_execute  # type: ignore[method-assign]
    DefaultDialect.do_executemany = do_executemany  # type: ignore[method-assign]
    DefaultDialect.do_commit = do_commit  # type: ignore[method-assign]


# --- the central database -----------------------------------------------------------------------------------------


def plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@dataclass(frozen=True)
class Central:
    url: str  # the tablet's login
    engine: Engine  # one engine for every sync, as the app's loop keeps one process


@contextmanager
def central_database(server: str | None) -> Iterator[Central | None]:
    """A scratch central database with technician 7001 and his tablet login."""
    if not server:
        yield None
        return
    name = f"fieldact_faults_{uuid.uuid4().hex[:10]}"
    role = f"fa_faults_{secrets.token_hex(4)}"
    with psycopg.connect(plain(server), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        init_central(url)
        database = open_central(url)
        password = secrets.token_hex(12)
        save_technician(database, TECHNICIAN, "Петров", "Пётр", "1234")
        save_login(database, role, password, "tablet", TECHNICIAN)
        database.dispose()
        tablet = make_url(url).set(username=role, password=password).render_as_string(hide_password=False)
        engine = central_engine(central_url(tablet))
        try:
            yield Central(tablet, engine)
        finally:
            engine.dispose()
    finally:
        with psycopg.connect(plain(server), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def central_act(central_url: str, act_id: str) -> str | None:
    """The central copy's PDF hash, read as the tablet's login may (its own visits)."""
    with psycopg.connect(plain(central_url)) as connection:
        row = connection.execute("SELECT encode(sha256(pdf), 'hex') FROM act WHERE id = %s", [act_id]).fetchone()
    return None if row is None else str(row[0])


# --- the path -----------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    sentence: bool = False
    traceback: str = ""
    lost: list[str] = field(default_factory=list)
    recovered: bool = True
    why_not: str = ""
    leftovers: list[str] = field(default_factory=list)
    fired: str = ""
    misleading: str = ""  # a sentence that blames the wrong side (the server for the tablet's disk, or back)
    steps: list[tuple[str, int]] = field(default_factory=list)  # each step and its first write call


class Path_:
    """One run of the path in its own folder, with what each step acknowledged."""

    def __init__(self, folder: Path, template: Path, run: int, central: Central | None) -> None:
        self.folder = folder
        self.central_url = central.url if central else None
        self.central = central.engine if central else None
        self.db = folder / "tablet.db"
        folder.mkdir(parents=True)
        shutil.copyfile(template, self.db)
        self.standard, self.brand = load_standard(), load_brand()
        self.zone = ZoneInfo(self.brand.timezone)
        self.store = Store(open_database(self.db), self.standard, self.brand)
        person = Subscriber(
            "Иванов", "Иван", "Петрович", f"59{run:010d}", "г. Пермь, ул. Ленина, д. 50", "+7 912 000-00-01"
        )
        self.visit_id = self.store.create_visit(
            VisitKind.SERVICE,
            frozenset({Service.INTERNET}),
            person,
            TECHNICIAN,
            Plan(datetime.now(self.zone)),
            request_number=f"F-{run}",
        )
        self.acknowledged: dict[str, Any] = {}
        self.checked = CheckedDigests(folder / "office-checked-acts.txt")  # as the office PC remembers checks
        self.open: OpenVisit | None = None
        self.act_id = ""

    # each step returns nothing; what it acknowledges goes into self.acknowledged

    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        visit = self.store.load_visit(self.visit_id)
        keys = [
            entry.key
            for entry in visit.checklist.entries
            if visit.before_act(entry.stage) and visit.checklist.is_shown(entry)
        ]
        answers = []
        for key in keys:
            answers += [(f"photo {key}", self._photographer(key)) for _ in range(self._photos_needed(visit, key))]
            answers.append((f"answer {key}", self._answerer(key)))
        return [
            ("arrive", self.arrive),
            *answers,
            ("payment", self.payment),
            ("sign", self.sign),
            ("act file", self.act_file),
            ("export", self.export),
            *([("sync", self.sync)] if self.central_url else []),
        ]

    def arrive(self) -> None:
        self.open = OpenVisit.load(self.store, self.visit_id, "Петров Пётр")
        self.open.arrive(datetime.now(self.zone))
        self.acknowledged["arrived"] = True

    def _answerer(self, key: str) -> Callable[[], None]:
        def answer() -> None:
            assert self.open is not None
            if self.open.visit.checklist.answers.get(key) is not None:
                self.acknowledged[f"answer {key}"] = "done"
                return  # answered already (the arrival answers its own item)
            self.open.answer(key, ItemState.DONE, SAMPLE_EVIDENCE.get(key))
            self.acknowledged[f"answer {key}"] = "done"

        return answer

    @staticmethod
    def _photos_needed(visit: Any, key: str) -> int:
        rule = visit.checklist.entry(key).item.photos
        return rule.min if rule is not None else 0

    def _photographer(self, key: str) -> Callable[[], None]:
        def photograph() -> None:
            assert self.open is not None
            taken = self.open.photos(key)
            if len(taken) >= self._photos_needed(self.open.visit, key):
                return  # taken already, before the fault that made this step run again
            at = datetime.now(self.zone)
            photo = sample_photo(self.open.visit.request_number or "F", key, at, len(taken))
            stored = self.open.add_photo(key, photo)
            self.acknowledged.setdefault("photos", set()).add(stored.sha256)

        return photograph

    def payment(self) -> None:
        assert self.open is not None
        self.open.save_payment(settle((PaymentLine("Подключение услуг", 1, 100_000),), 100_000, 0, "АБ 000123"))
        self.acknowledged["payment"] = 100_000

    def sign(self) -> None:
        if self.act_id:
            return
        at = datetime.now(self.zone)
        act = sign_visit(
            self.store, self.visit_id, sample_signature(started_at=at), "Иванов Иван Петрович", at, "Петров Пётр"
        )
        self.act_id = act.id
        self.acknowledged["act"] = act.pdf_sha256

    def act_file(self) -> None:
        report = export_acts(self.store.database, [self.act_id], self.folder / "acts", checked=self.checked)
        self.acknowledged["act file"] = self.folder / "acts" / report.exported[0].file

    def export(self) -> None:
        target = self.folder / "acts.zip"
        report = export_acts(self.store.database, [self.act_id], target, RegisterFormat.CSV, checked=self.checked)
        self.acknowledged["export"] = (target, report.exported[0].file)

    def sync(self) -> None:
        """As the app's background sync and ``fieldact sync`` do: whatever it raises, nobody catches."""
        try:
            report = sync_once(self.store.database, engine=self.central)
        except Exception as error:  # noqa: BLE001
            raise Unhandled(error) from error
        if report.error or report.push.failed or report.push.waiting:
            raise SyncShown(report)
        self.acknowledged["sync"] = True

    # --- after a restart: what was acknowledged is there --------------------------------------------------------

    def check(self) -> list[str]:
        self.store.database.dispose()
        store = Store(open_database(self.db), self.standard, self.brand)
        lost = []
        try:
            visit = store.load_visit(self.visit_id)
            if self.acknowledged.get("arrived") and visit.arrived_at is None:
                lost.append("arrival")
            for key in self.acknowledged:
                if key.startswith("answer "):
                    answer = visit.checklist.answers.get(key.removeprefix("answer "))
                    if answer is None or answer.state is not ItemState.DONE:
                        lost.append(key)
            if "payment" in self.acknowledged and (visit.payment is None or visit.payment.total != 100_000):
                lost.append("payment")
            kept = {photo.sha256 for photo in visit.photos}
            lost += [f"photo {digest[:12]}" for digest in sorted(self.acknowledged.get("photos", set()) - kept)]
            lost += self._check_files(store)
        finally:
            store.database.dispose()
        return lost

    def _check_files(self, store: Store) -> list[str]:
        lost = []
        with store.database.engine.connect() as connection:
            row = connection.execute(text("SELECT pdf FROM act WHERE id = :id"), {"id": self.act_id}).first()
        pdf = bytes(row[0]) if row else b""
        if "act" in self.acknowledged and (not pdf or sha256(pdf) != self.acknowledged["act"]):
            lost.append("act")
        file = self.acknowledged.get("act file")
        if file is not None and (not file.is_file() or file.read_bytes() != pdf):
            lost.append("act file")
        if "export" in self.acknowledged:
            target, name = self.acknowledged["export"]
            try:
                with zipfile.ZipFile(target) as archive:
                    if archive.testzip() is not None or archive.read(name) != pdf:
                        lost.append("export")
            except (OSError, zipfile.BadZipFile, KeyError):
                lost.append("export")
        if self.acknowledged.get("sync") and self.central_url:
            if central_act(self.central_url, self.act_id) != sha256(pdf):
                lost.append("sync")
        return lost

    def leftovers(self) -> list[str]:
        return [
            str(path.relative_to(self.folder))
            for path in self.folder.rglob("*")
            if path.name.endswith(".partial") or path.name.startswith(".fieldact-export-")
        ]


class Unhandled(Exception):
    """An error that escapes where the product has no handler: a traceback on stderr, or a thread that dies."""


class SyncShown(Exception):
    """The sync's report shown to the technician: its sentences are what he reads."""

    def __init__(self, report: SyncReport) -> None:
        self.report = report
        super().__init__(" ".join(report.lines() + report.warnings()))


def sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def shown_sentence(error: BaseException) -> str | None:
    """What the product shows for this failure where it happens; None when it would be a traceback."""
    if isinstance(error, Unhandled):
        return None
    if isinstance(error, SyncShown):
        return str(error) or None
    if isinstance(error, ExportError | InputError):
        return str(error)
    sentence = sentence_for(error)
    return None if sentence.startswith(GENERIC) else sentence


CENTRAL_WORDS = ("Центральная база", "central database")
TABLET_WORDS = ("планшета не записала", "tablet's database", "storage is full", "на диске нет места")


def blames_the_wrong_side(fired: str, sentence: str) -> bool:
    on_server = fired.startswith("postgresql")
    blamed = TABLET_WORDS if on_server else CENTRAL_WORDS
    return any(words in sentence for words in blamed)


# --- running ------------------------------------------------------------------------------------------------------


def run_path(folder: Path, template: Path, run: int, central: Central | None, fail_at: int | None) -> Outcome:
    path = Path_(folder, template, run, central)
    outcome = Outcome()
    FAULTS.arm(fail_at)
    try:
        for name, step in path.steps():
            outcome.steps.append((name.split(" ")[0], FAULTS.calls + 1))
            try:
                step()
            except Exception as error:  # noqa: BLE001 - judged below: a sentence, or a traceback
                FAULTS.lift()
                sentence = shown_sentence(error)
                if sentence is None:
                    outcome.traceback = f"{type(error).__name__}: {error}"
                    if os.environ.get("FIELDACT_BENCH_TRACE"):
                        import traceback

                        traceback.print_exc()
                elif blames_the_wrong_side(FAULTS.fired, sentence):
                    outcome.misleading = f"{sentence}"
                else:
                    outcome.sentence = True
                try:
                    step()  # the technician tries again once the disk is freed
                except Exception as again:  # noqa: BLE001
                    outcome.recovered = False
                    outcome.why_not = f"{type(again).__name__}: {again}"
                    break
    finally:
        outcome.fired = FAULTS.fired
        FAULTS.lift()
        outcome.lost += path.check()
        outcome.leftovers = path.leftovers()
    return outcome


def spread(points: range) -> list[int]:
    """Every point once, in an order that covers the whole path early: a run stopped by the time limit has
    still tried faults in every step."""
    items = list(points)
    stride = 8
    return [items[index] for start in range(stride) for index in range(start, len(items), stride)]


def step_of(clean: Outcome, call: int) -> str:
    """The step of the clean run that made write call ``call``."""
    name = clean.steps[0][0]
    for step, first in clean.steps:
        if first > call:
            break
        name = step
    return name


def build_template(folder: Path) -> Path:
    template = folder / "template.db"
    store = Store(open_database(template), load_standard(), load_brand())
    store.add_technician("Петров", "Пётр", "1234", technician_id=TECHNICIAN)
    store.database.dispose()
    return template


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every 7th write only (for the test)")
    parser.add_argument("--limit", type=float, default=110.0, help="seconds before no new fault is tried")
    parser.add_argument("--step", help="only this step's writes: arrive, answer, payment, sign, act, export, sync")
    args = parser.parse_args()
    server = os.environ.get("FIELDACT_TEST_PG_URL") or os.environ.get("FIELDACT_BENCH_PG_URL")
    started = time.perf_counter()
    install()
    results: dict[str, Any] = {"benchmark": "faults", "sync": bool(server)}
    # in memory where there is a tmpfs: durable commits cost an fsync each, and durability is not what is measured
    memory = "/dev/shm" if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else None
    scratch_dir = tempfile.TemporaryDirectory(prefix="fieldact-faults-", dir=memory)
    with scratch_dir as scratch, central_database(server) as central:
        root = Path(scratch)
        template = build_template(root)
        clean = run_path(root / "clean", template, 0, central, None)
        writes, sites = FAULTS.calls, dict(FAULTS.sites)
        assert not clean.lost and not clean.traceback, (clean.lost, clean.traceback)
        points = spread(range(1, writes + 1, 7 if args.quick else 1))
        if args.step:
            points = [n for n in points if step_of(clean, n) == args.step]
        tried = sentences = absorbed = tracebacks = lost = not_recovered = leftovers = misleading = 0
        examples: dict[str, list[str]] = {
            "traceback": [],
            "misleading": [],
            "lost": [],
            "not_recovered": [],
            "leftovers": [],
        }
        by_step: Counter[str] = Counter()
        for n in points:
            if time.perf_counter() - started > args.limit:
                results["stopped_at_limit"] = True
                break
            outcome = run_path(root / f"run-{n}", template, n, central, n)
            if not outcome.fired:
                continue  # this run made fewer writes than the clean one: nothing was injected
            by_step[step_of(clean, n)] += 1
            tried += 1
            sentences += outcome.sentence
            absorbed += not (outcome.sentence or outcome.traceback or outcome.misleading or outcome.lost)
            fired = f"#{n} {outcome.fired} ->"
            if outcome.misleading:
                misleading += 1
                examples["misleading"].append(f"{fired} {outcome.misleading}"[:300])
            if outcome.traceback:
                tracebacks += 1
                examples["traceback"].append(f"{fired} {outcome.traceback}"[:300])
            if outcome.lost:
                lost += 1
                examples["lost"].append(f"{fired} {outcome.lost}"[:300])
            if not outcome.recovered:
                not_recovered += 1
                examples["not_recovered"].append(f"{fired} {outcome.why_not}"[:300])
            if outcome.leftovers:
                leftovers += 1
                examples["leftovers"].append(f"{fired} {outcome.leftovers}"[:300])
            shutil.rmtree(root / f"run-{n}", ignore_errors=True)
    results |= {
        "write_calls": writes,
        "write_sites": sites,
        "faults_tried": tried,
        "faults_by_step": dict(by_step),
        "faults_with_sentence": sentences,
        "faults_absorbed": absorbed,
        "misleading_sentences": misleading,
        "acknowledged_lost": lost,
        "tracebacks": tracebacks,
        "not_recovered": not_recovered,
        "leftovers": leftovers,
        "seconds": round(time.perf_counter() - started, 1),
        "bar_met": tried > 0 and sentences + absorbed == tried and lost == 0 and tracebacks == 0 and not misleading,
        "examples": {key: value[:5] for key, value in examples.items() if value},
    }
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
