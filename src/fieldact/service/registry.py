"""The registry of accepted acts: an append-only hash chain in the central database.

Each entry holds the act's id, number, version, the SHA-256 of its PDF and of its content, the device that
sent it, the technician, the server's time, and the hash of the previous entry; its own hash is the SHA-256 of
its canonical JSON. Changing or removing an entry breaks the hash of every later one, and ``check_chain``
finds the first break. Appends are serialised by a transaction-level advisory lock.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from fieldact.hashing import sha256_hex
from fieldact.text import say

GENESIS = "0" * 64
CHAIN_LOCK = 0x46414354  # any constant: one lock for the one chain
FIELDS = (
    "seq",
    "act_id",
    "visit_id",
    "number",
    "version",
    "pdf_sha256",
    "content_sha256",
    "device_id",
    "technician_id",
    "registered_at",
    "previous_hash",
)


def _moment(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return str(value)


def entry_hash(entry: Mapping[str, Any]) -> str:
    body = {key: _moment(entry[key]) if key == "registered_at" else entry[key] for key in FIELDS}
    return sha256_hex(json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8"))


def as_wire(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The entry as the tablet keeps it and a verifier reads it: plain JSON values."""
    shown = {key: _moment(entry[key]) if key == "registered_at" else entry[key] for key in FIELDS}
    return shown | {"entry_hash": entry["entry_hash"]}


SELECT_ENTRY = "SELECT " + ", ".join(FIELDS) + ", entry_hash FROM registry"


def find(connection: Connection, act_id: str) -> dict[str, Any] | None:
    row = connection.execute(text(SELECT_ENTRY + " WHERE act_id = :a"), {"a": act_id}).mappings().first()
    return dict(row) if row else None


def find_by_pdf(connection: Connection, pdf_sha256: str) -> dict[str, Any] | None:
    row = connection.execute(text(SELECT_ENTRY + " WHERE pdf_sha256 = :p"), {"p": pdf_sha256}).mappings().first()
    return dict(row) if row else None


def append(connection: Connection, act: Mapping[str, Any], device_id: str, technician_id: str) -> dict[str, Any]:
    """The act's entry: the one already there (a retry adds nothing), or a new one at the chain's end."""
    found = find(connection, act["id"])
    if found is not None:
        return found
    connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHAIN_LOCK})
    last = connection.execute(text("SELECT seq, entry_hash FROM registry ORDER BY seq DESC LIMIT 1")).first()
    moment = connection.execute(text("SELECT clock_timestamp()")).scalar_one()
    entry: dict[str, Any] = {
        "seq": (last.seq + 1) if last else 1,
        "act_id": act["id"],
        "visit_id": act["visit_id"],
        "number": act["number"],
        "version": act["version"],
        "pdf_sha256": act["pdf_sha256"],
        "content_sha256": act["content_sha256"],
        "device_id": device_id,
        "technician_id": technician_id,
        "registered_at": moment.astimezone(UTC),
        "previous_hash": last.entry_hash if last else GENESIS,
    }
    entry["entry_hash"] = entry_hash(entry)
    columns = ", ".join((*FIELDS, "entry_hash"))
    values = ", ".join(f":{key}" for key in (*FIELDS, "entry_hash"))
    connection.execute(text(f"INSERT INTO registry ({columns}) VALUES ({values})"), entry)
    return entry


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_entries(entries: Iterable[Mapping[str, Any]]) -> ChainReport:
    """Walk the chain in order of ``seq``: every hash recomputed, every link and every number in its place."""
    problems: list[str] = []
    previous, expected_seq, count = GENESIS, 1, 0
    for entry in entries:
        count += 1
        seq = entry["seq"]
        if seq != expected_seq:
            problems.append(
                say(
                    f"Запись {expected_seq} реестра отсутствует (следующая — {seq}): реестр изменён.",
                    f"Registry entry {expected_seq} is missing (the next is {seq}): the registry was changed.",
                )
            )
        if entry["previous_hash"] != previous:
            problems.append(
                say(
                    f"Запись {seq} реестра не ссылается на предыдущую: реестр изменён.",
                    f"Registry entry {seq} does not link to the one before it: the registry was changed.",
                )
            )
        if entry_hash(entry) != entry["entry_hash"]:
            problems.append(
                say(
                    f"Запись {seq} реестра (акт {entry['number']}) изменена: её хэш не сходится.",
                    f"Registry entry {seq} (act {entry['number']}) was changed: its hash does not match.",
                )
            )
        previous, expected_seq = entry["entry_hash"], seq + 1
        if len(problems) > 20:
            break
    return ChainReport(count, tuple(problems))


def check_chain(connection: Connection) -> ChainReport:
    rows = connection.execute(text(SELECT_ENTRY + " ORDER BY seq")).mappings()
    return check_entries(dict(row) for row in rows)
