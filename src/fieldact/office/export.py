"""Exporting stored acts to a folder or a ZIP: checked, named safely, written atomically, with a manifest.

Each act's stored bytes are written as they are (never rendered again) after its hashes and the PDF itself are
checked; an act that fails is left out and reported. The ZIP is written to a temporary file renamed at the end; a
folder export is staged in a hidden folder inside the target and moved in at the end; so a cancelled or failed
export leaves nothing half written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session

from fieldact.act.content import parse_content
from fieldact.hashing import sha256_hex
from fieldact.office.checks import CheckedDigests, act_label, check_acts, checker_pool
from fieldact.office.names import UniqueNames, act_file_stem
from fieldact.office.queries import CONTRACT, VISIT, ActStatus, superseded
from fieldact.office.register import ExportedAct, RegisterFormat, equipment_text, register_bytes, register_name
from fieldact.standard import load_brand
from fieldact.store import tables
from fieldact.store.db import Database
from fieldact.store.sealing import SealPolicy, seal_policy
from fieldact.text import say

MANIFEST_FORMAT = "fieldact-export/1"
CHUNK = 50  # acts read and checked at a time: memory stays small however many are exported
Progress = Callable[[int, int], None]


class ExportError(Exception):
    """The export could not be written; the message says why and what to do. Nothing was left half written."""


@dataclass(frozen=True, slots=True)
class RefusedAct:
    act_id: str
    label: str
    problems: list[str]


@dataclass
class ExportReport:
    target: Path
    exported: list[ExportedAct] = field(default_factory=list)
    refused: list[RefusedAct] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # ids asked for that are not in the database
    cancelled: bool = False
    seconds: float = 0.0
    extra_files: list[str] = field(default_factory=list)  # manifest, checksums, register

    @property
    def ok(self) -> bool:
        return not self.cancelled and not self.refused and not self.missing

    def summary(self) -> str:
        if self.cancelled:
            return say("Выгрузка отменена: ничего не записано.", "The export was cancelled: nothing was written.")
        text = say(
            f"Выгружено актов: {len(self.exported)} в {self.target} за {self.seconds:.1f} с.",
            f"Exported {len(self.exported)} act(s) to {self.target} in {self.seconds:.1f} s.",
        )
        if self.refused:
            text += " " + say(
                f"Не выгружено из-за несовпадения хешей: {len(self.refused)}.",
                f"Not exported because their hashes do not match: {len(self.refused)}.",
            )
        if self.missing:
            text += " " + say(
                f"Не найдено в базе: {len(self.missing)}.", f"Not found in the database: {len(self.missing)}."
            )
        return text


# --- where the files go ---------------------------------------------------------------------------------------


class ZipSink:
    """A ZIP written to a temporary file beside the target and renamed over it at the end."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
        self.names = UniqueNames()
        self.zip = zipfile.ZipFile(self.partial, "w", allowZip64=True)

    def add_act(self, stem: str, data: bytes, moment: datetime) -> str:
        name = self.names.claim(stem, ".pdf")
        info = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
        info.compress_type = zipfile.ZIP_STORED  # a PDF is compressed already
        self.zip.writestr(info, data)
        return name

    def add_file(self, name: str, data: bytes) -> str:
        self.names.taken.add(name.casefold())
        info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        return name

    def commit(self) -> None:
        self.zip.close()
        with self.partial.open("rb+") as file:
            os.fsync(file.fileno())
        os.replace(self.partial, self.target)

    def discard(self) -> None:
        try:
            self.zip.close()  # writes the central directory: on a full disk it fails again (the file is closed)
        except OSError:
            pass
        self.partial.unlink(missing_ok=True)


class FolderSink:
    """Files staged in a hidden folder inside the target, moved in when all of them are written.

    A name already in the target is reused only for the same bytes (the same act exported again)."""

    def __init__(self, target: Path) -> None:
        self.target = target
        target.mkdir(parents=True, exist_ok=True)
        self.staging = target / f".fieldact-export-{uuid.uuid4().hex[:8]}"
        self.staging.mkdir()
        self.names = UniqueNames()
        self.staged: list[str] = []

    def add_act(self, stem: str, data: bytes, moment: datetime) -> str:
        name = self.names.claim(stem, ".pdf")
        while self._clashes(name, data):
            self.names.taken.add(name.casefold())
            name = self.names.claim(stem, ".pdf")
        return self._stage(name, data)

    def add_file(self, name: str, data: bytes) -> str:
        self.names.taken.add(name.casefold())
        return self._stage(name, data)

    def _clashes(self, name: str, data: bytes) -> bool:
        existing = self.target / name
        if not existing.exists():
            return False
        return hashlib.sha256(existing.read_bytes()).digest() != hashlib.sha256(data).digest()

    def _stage(self, name: str, data: bytes) -> str:
        (self.staging / name).write_bytes(data)
        self.staged.append(name)
        return name

    def commit(self) -> None:
        for name in self.staged:
            os.replace(self.staging / name, self.target / name)
        self.staging.rmdir()

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def is_zip(target: Path) -> bool:
    return target.suffix.lower() == ".zip"


def open_sink(target: Path) -> ZipSink | FolderSink:
    if is_zip(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        return ZipSink(target)
    return FolderSink(target)


# --- reading the acts -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Loaded:
    """An act with what the register says of it: parties, address and services as the act states them (what was
    signed), never the live rows, which dispatch may change later; only its status and zone come from the rows."""

    act: tables.Act
    status: ActStatus
    zone: str
    kind: str
    services: str
    contract: str
    address: str
    subscriber: str
    technician: str


def _signed_parties(act: tables.Act) -> dict[str, str] | None:
    try:
        content = parse_content(act.content.encode("utf-8"))
        return {
            "kind": str(content["visit"]["kind"]),
            "services": ",".join(str(service["key"]) for service in content["services"]),
            "contract": str(content["subscriber"]["contract"]),
            "address": str(content["subscriber"]["address"]),
            "subscriber": str(content["subscriber"]["name"]),
            "technician": str(content["technician"]["name"]),
        }
    except (ValueError, KeyError, TypeError):
        return None  # not act content: the check refuses the act, so the register never shows it


def _load(database: Database, ids: Sequence[str]) -> dict[str, _Loaded]:
    statement = (
        select(tables.Act, superseded(), VISIT.c.zone, VISIT.c.kind, VISIT.c.services, CONTRACT.c.number)
        .join(VISIT, VISIT.c.id == tables.Act.visit_id)
        .join(CONTRACT, CONTRACT.c.id == VISIT.c.contract_id)
        .where(tables.Act.id.in_(list(ids)))  # type: ignore[attr-defined]
    )
    found = {}
    with Session(database.engine) as session:
        for act, is_old, zone, kind, services, contract in session.execute(statement):
            session.expunge(act)
            status = ActStatus.SUPERSEDED if is_old else ActStatus(act.outcome)
            signed = _signed_parties(act) or {
                "kind": kind,
                "services": services,
                "contract": contract,
                "address": "",
                "subscriber": "",
                "technician": "",
            }
            found[act.id] = _Loaded(act, status, zone, **signed)
    return found


def _acts(database: Database, ids: Sequence[str], missing: list[str]) -> Iterator[_Loaded]:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        loaded = _load(database, chunk)
        for act_id in chunk:
            if act_id in loaded:
                yield loaded[act_id]
            else:
                missing.append(act_id)


def _total(content: str) -> int | None:
    payment = json.loads(content).get("payment")
    return int(payment["total"]) if payment else None


def _exported(item: _Loaded, file: str) -> ExportedAct:
    from fieldact.standard import Service, VisitKind

    act = item.act
    return ExportedAct(
        file=file,
        act_id=act.id,
        number=act.number,
        version=act.version,
        status=item.status,
        signed_at=act.signed_at.astimezone(ZoneInfo(item.zone)),
        contract=item.contract,
        subscriber=item.subscriber,
        address=item.address,
        technician=item.technician,
        kind=VisitKind(item.kind),
        services=tuple(Service(s) for s in item.services.split(",") if s),
        total=_total(act.content),
        photos=len(json.loads(act.content).get("photos") or []),
        equipment=equipment_text(json.loads(act.content).get("devices") or []),
        pdf_sha256=act.pdf_sha256,
        content_sha256=act.content_sha256,
        ink_sha256=act.ink_sha256,
        size=len(act.pdf),
    )


# --- the export ---------------------------------------------------------------------------------------------------


def manifest_bytes(report: ExportReport, source: str, register: str | None, at: datetime) -> bytes:
    def act_entry(act: ExportedAct) -> dict[str, object]:
        entry = asdict(act)
        entry.update(
            status=act.status.value,
            signed_at=act.signed_at.isoformat(),
            kind=act.kind.value,
            services=[s.value for s in act.services],
        )
        return entry

    manifest = {
        "format": MANIFEST_FORMAT,
        "exported_at": at.astimezone(UTC).isoformat(),
        "source": source,
        "register": register,
        "acts": [act_entry(act) for act in report.exported],
        "refused": [asdict(refused) for refused in report.refused],
        "missing": report.missing,
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")


def checksums_bytes(entries: Sequence[tuple[str, str]]) -> bytes:
    """``sha256sum -c`` reads this: "<hash>  <file>" a line."""
    return "".join(f"{digest}  {name}\n" for name, digest in entries).encode("utf-8")


def export_acts(
    database: Database,
    act_ids: Sequence[str],
    target: Path,
    register: RegisterFormat | None = None,
    checked: CheckedDigests | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    source: str = "",
    recheck: bool = False,
) -> ExportReport:
    """Export the acts ``act_ids`` (in that order) to ``target``: a folder, or a ZIP when it ends in ``.zip``.

    Every act gets the whole ``fieldact verify`` unless this PC has fully checked the same bytes with the same
    checker before (``checked``); ``recheck`` checks every one again. The full checks run on every core."""
    started = time.perf_counter()
    report = ExportReport(target)
    try:
        sink = open_sink(target)
    except OSError as error:
        raise ExportError(_cannot_write(target, error)) from None
    pool = checker_pool(len(act_ids))
    try:
        checks = _Checks(checked, recheck, pool, seal_policy(database, load_brand()))
        done = _write_acts(database, act_ids, sink, report, checks, progress, should_stop)
        if not done:
            sink.discard()
            report.cancelled = True
            report.exported.clear()
            return report
        _write_extras(sink, report, register, source, stamp="" if is_zip(target) else _stamp())
        sink.commit()
    except OSError as error:
        sink.discard()
        raise ExportError(_cannot_write(target, error)) from None
    except BaseException:
        sink.discard()
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    report.seconds = time.perf_counter() - started
    return report


def _write_acts(
    database: Database,
    act_ids: Sequence[str],
    sink: ZipSink | FolderSink,
    report: ExportReport,
    checks: _Checks,
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
) -> bool:
    """False when stopped before the end."""
    total, done = len(act_ids), 0
    for chunk in _chunks(_acts(database, list(act_ids), report.missing)):
        if should_stop is not None and should_stop():
            return False
        acts = [item.act for item in chunk]
        verdicts = check_acts(acts, checks.checked, checks.recheck, checks.pool, checks.policy)
        for item, problems in zip(chunk, verdicts, strict=True):
            if should_stop is not None and should_stop():
                return False
            act = item.act
            if problems:
                report.refused.append(RefusedAct(act.id, act_label(act), problems))
            else:
                local = act.signed_at.astimezone(ZoneInfo(item.zone))
                stem = act_file_stem(local.date(), item.contract, act.number, act.version)
                report.exported.append(_exported(item, sink.add_act(stem, act.pdf, local)))
            done += 1
            if progress is not None:
                progress(done + len(report.missing), total)
    return not (should_stop is not None and should_stop())


@dataclass(frozen=True, slots=True)
class _Checks:
    checked: CheckedDigests | None
    recheck: bool
    pool: Executor | None
    policy: SealPolicy | None


def _chunks(items: Iterator[_Loaded]) -> Iterator[list[_Loaded]]:
    chunk: list[_Loaded] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _stamp() -> str:
    return datetime.now().strftime("-%Y%m%d-%H%M%S")


def _write_extras(
    sink: ZipSink | FolderSink, report: ExportReport, register: RegisterFormat | None, source: str, stamp: str
) -> None:
    sums = [(act.file, act.pdf_sha256) for act in report.exported]
    register_file = None
    if register is not None:
        data = register_bytes(report.exported, register)
        register_file = sink.add_file(register_name(register, stamp), data)
        sums.append((register_file, sha256_hex(data)))
        report.extra_files.append(register_file)
    report.extra_files.append(sink.add_file(f"SHA256SUMS{stamp}.txt", checksums_bytes(sums)))
    manifest = manifest_bytes(report, source, register_file, datetime.now(UTC))
    report.extra_files.append(sink.add_file(f"manifest{stamp}.json", manifest))


def _cannot_write(target: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return say(
        f"Не удалось записать выгрузку в {target} ({reason}). Проверьте, что папка доступна для записи и на диске "
        "есть место; ничего не записано наполовину.",
        f"Could not write the export to {target} ({reason}). Check that the folder is writable and the disk has "
        "room; nothing was left half written.",
    )
