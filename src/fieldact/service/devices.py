"""Enrolment codes, devices and their revocation, in the central database."""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, text

from fieldact.hashing import sha256_hex
from fieldact.service.ca import DeviceIssuer
from fieldact.store.db import Database
from fieldact.text import InputError, say
from fieldact.trust import certificate_sha256, load_chain

CODE_HOURS = 12
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def _now() -> datetime:
    return datetime.now(UTC)


def code_digest(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return sha256_hex(cleaned.encode("ascii", "ignore"))


def new_enrolment(database: Database, technician_id: str, actor: str, hours: float = CODE_HOURS) -> str:
    """A one-time code for a tablet of this technician; only its hash is stored."""
    if not 0 < hours <= 72:
        raise InputError(say("Срок кода — от 0 до 72 часов.", "A code lasts between 0 and 72 hours."))
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
    with database.engine.begin() as connection:
        known = connection.execute(
            text("SELECT 1 FROM technician WHERE id = :t AND active"), {"t": technician_id}
        ).first()
        if not known:
            raise InputError(
                say(
                    f"Техника {technician_id} нет в центральной базе (или он не работает): сначала добавьте его.",
                    f"There is no active technician {technician_id} in the central database; add him first.",
                )
            )
        moment = _now()
        connection.execute(
            text(
                "INSERT INTO enrolment (code_sha256, technician_id, created_at, expires_at, created_by) "
                "VALUES (:c, :t, :at, :until, :by)"
            ),
            {
                "c": code_digest(code),
                "t": technician_id,
                "at": moment,
                "until": moment + timedelta(hours=hours),
                "by": actor,
            },
        )
        _audit(connection, actor, "device_enrolment_code", technician=technician_id, hours=hours)
    return code


class EnrolmentRefused(Exception):
    """The code is unknown, used or expired, or the request is bad; the message says so."""


@dataclass(frozen=True, slots=True)
class Enrolled:
    device_id: str
    technician_id: str
    certificate: str
    ca_certificate: str


def enrol(connection: Connection, issuer: DeviceIssuer, code: str, csr_pem: str, public_key_pem: str) -> Enrolled:
    """Use the code once (row lock: two tablets racing with one code, one wins) and record the new device."""
    row = connection.execute(
        text("SELECT technician_id, expires_at, used_at FROM enrolment WHERE code_sha256 = :c FOR UPDATE"),
        {"c": code_digest(code)},
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= _now():
        raise EnrolmentRefused(
            say(
                "Код подключения неверен, уже использован или истёк: попросите в офисе новый.",
                "The enrolment code is wrong, already used or expired: ask the office for a new one.",
            )
        )
    device_id = str(uuid.uuid4())
    try:
        certificate = issuer.issue(csr_pem, device_id, row.technician_id)
    except ValueError as error:
        raise EnrolmentRefused(
            say(f"Запрос сертификата не принят: {error}.", f"Bad certificate request: {error}.")
        ) from None
    connection.execute(
        text(
            "INSERT INTO device (id, technician_id, public_key, certificate, enrolled_at) VALUES (:d, :t, :k, :c, :at)"
        ),
        {"d": device_id, "t": row.technician_id, "k": public_key_pem, "c": certificate, "at": _now()},
    )
    connection.execute(
        text("UPDATE enrolment SET used_at = :at, device_id = :d WHERE code_sha256 = :c"),
        {"at": _now(), "d": device_id, "c": code_digest(code)},
    )
    return Enrolled(device_id, row.technician_id, certificate, issuer.ca_certificate())


@dataclass(frozen=True, slots=True)
class DeviceRecord:
    device_id: str
    technician_id: str
    public_key: str
    revoked: bool


def find_device(connection: Connection, device_id: str) -> DeviceRecord | None:
    row = connection.execute(
        text("SELECT id, technician_id, public_key, revoked_at FROM device WHERE id = :d"), {"d": device_id}
    ).first()
    if row is None:
        return None
    return DeviceRecord(row.id, row.technician_id, row.public_key, row.revoked_at is not None)


def revoke_device(database: Database, device_id: str, actor: str, reason: str) -> str:
    """Stop a device at once: its next request is refused, and its certificate joins the revocation list, so the
    acts it seals from now on fail verify wherever that list is known (the office, tablets after a pull). Audited.
    Returns its technician."""
    if len(reason.strip()) < 3:
        raise InputError(say("Укажите причину отзыва.", "Give the reason for the revocation."))
    at = _now()
    with database.engine.begin() as connection:
        row = connection.execute(
            text(
                "UPDATE device SET revoked_at = :at, revoked_by = :by, revoke_reason = :why "
                "WHERE id = :d AND revoked_at IS NULL RETURNING technician_id, certificate"
            ),
            {"at": at, "by": actor, "why": reason.strip(), "d": device_id},
        ).first()
        if row is None:
            raise InputError(
                say(
                    f"Устройства {device_id} нет или оно уже отозвано.",
                    f"There is no device {device_id}, or it is revoked already.",
                )
            )
        for certificate in load_chain(str(row.certificate).encode("ascii"))[:1]:
            connection.execute(
                text(
                    "INSERT INTO revoked_device (certificate_sha256, device, revoked_at, reason, revoked_by) "
                    "VALUES (:sha, :device, :at, :why, :by) ON CONFLICT (certificate_sha256) DO NOTHING"
                ),
                {
                    "sha": certificate_sha256(certificate),
                    "device": device_id,
                    "at": at,
                    "why": reason.strip(),
                    "by": actor,
                },
            )
        _audit(connection, actor, "device_revoked", device=device_id, technician=row.technician_id, reason=reason)
    return str(row.technician_id)


def kept_here(database: Database) -> bool:
    """Whether this database keeps enrolled tablets: the central one (PostgreSQL) does, a tablet's file does not."""
    return database.engine.dialect.name == "postgresql"


def list_devices(database: Database) -> list[dict[str, object]]:
    with database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, technician_id, enrolled_at, revoked_at, revoke_reason FROM device ORDER BY enrolled_at")
        ).mappings()
        return [dict(row) for row in rows]


def _audit(connection: Connection, actor: str, action: str, **details: object) -> None:
    connection.execute(
        text("INSERT INTO audit_event (at, actor, action, details) VALUES (:at, :actor, :action, :details)"),
        {
            "at": _now(),
            "actor": actor,
            "action": action,
            "details": json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
        },
    )
