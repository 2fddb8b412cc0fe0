"""The office's administration, each action in the audit log: unlock a technician locked out by wrong PINs, give
him a new PIN, change the office password; and the list of the office's own actions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from fieldact.office import password
from fieldact.store import audit, tables
from fieldact.store.db import Database
from fieldact.store.pins import hash_pin
from fieldact.text import InputError, say

AUDIT = tables.AuditEvent.__table__  # type: ignore[attr-defined]
PIN_DIGITS = 4


def _technician(session: Session, technician_id: str) -> tables.Technician:
    row = session.get(tables.Technician, technician_id)
    if row is None:
        raise InputError(say(f"Нет техника с id {technician_id}.", f"No technician with id {technician_id}."))
    return row


def unlock_technician(database: Database, technician_id: str) -> None:
    with Session(database.engine) as session:
        row = _technician(session, technician_id)
        tries = row.failed_attempts
        row.failed_attempts, row.locked_until, row.lock_boot, row.lock_started = 0, None, None, None
        session.add(row)
        audit.record(session, password.OFFICE, "technician_unlocked", technician=technician_id, wrong_tries=tries)
        session.commit()


def reset_pin(database: Database, technician_id: str, pin: str, repeated: str) -> None:
    """A new PIN the office tells the technician; his lockout ends with it."""
    if not (pin.isdigit() and pin.isascii() and len(pin) >= PIN_DIGITS):
        raise InputError(say("PIN — не меньше 4 цифр.", "The PIN is at least 4 digits."))
    if pin != repeated:
        raise InputError(say("PIN и повтор не совпадают.", "The PIN and its repetition differ."))
    salt, digest = hash_pin(pin)
    with Session(database.engine) as session:
        row = _technician(session, technician_id)
        row.pin_salt, row.pin_hash = salt, digest
        row.failed_attempts, row.locked_until, row.lock_boot, row.lock_started = 0, None, None, None
        session.add(row)
        audit.record(session, password.OFFICE, "pin_reset", technician=technician_id)
        session.commit()


def change_office_password(database: Database, old: str, new: str, repeated: str) -> None:
    password.change(database, old, new, repeated)
    with Session(database.engine) as session:
        audit.record(session, password.OFFICE, "office_password_changed")
        session.commit()


@dataclass(frozen=True, slots=True)
class OfficeAction:
    at: datetime
    action: str
    details: str


def office_actions(database: Database, limit: int = 500) -> list[OfficeAction]:
    """The office's actions, newest first: exports, prints, unlocks, PIN resets, password changes, sign-ins."""
    query = (
        select(AUDIT.c.at, AUDIT.c.action, AUDIT.c.details)
        .where(AUDIT.c.actor == password.OFFICE)
        .order_by(AUDIT.c.at.desc(), AUDIT.c.id.desc())
        .limit(limit)
    )
    with database.engine.connect() as connection:
        return [OfficeAction(row.at, row.action, _details(row.details)) for row in connection.execute(query)]


def _details(text: str) -> str:
    try:
        values = json.loads(text)
    except ValueError:
        return text
    if not isinstance(values, dict):
        return text
    return ", ".join(f"{key}: {value}" for key, value in values.items())
