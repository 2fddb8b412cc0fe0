"""Frozen acts: stored once with their hashes, never changed; a correction is a new version."""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from fieldact.hashing import sha256_hex
from fieldact.store import audit, tables
from fieldact.store.repository import FrozenVisit, Store, now_utc
from fieldact.text import say
from fieldact.visit import VisitStatus


@dataclass(frozen=True, slots=True)
class NewAct:
    """What signing produces, ready to be stored in one transaction."""

    id: str
    number: str
    version: int
    visit_id: str
    signed_at: datetime
    signer_name: str
    pdf: bytes
    content: bytes  # canonical JSON
    ink: bytes | None = None
    ink_sha256: str = ""  # the ink hash is over canonical samples, computed by the ink package
    supersedes_id: str | None = None
    outcome: str = "signed"
    refusal_reason: str = ""


def act_number(visit_id: str, day: datetime) -> str:
    """Human readable and unique without a network: the date and the first 12 hex digits of the visit's UUID.

    Those are 48 random bits of a random UUID. The first numbers took 6 digits (24 bits): a national operator's
    80,000 acts a day would share a number some 190 times a day (the birthday bound, n² / 2N), and the central
    database keeps the second act with a number aside as a conflict. With 48 bits it is about once in 250 years.
    """
    return f"{day:%Y%m%d}-{uuid.UUID(visit_id).hex[:12].upper()}"


def store_act(store: Store, act: NewAct, actor: str) -> tables.Act:
    """PDF, content, ink and hashes, the visit's status and the audit event: all or nothing."""
    status = VisitStatus.SIGNED if act.outcome == "signed" else VisitStatus.REFUSED
    with store.session() as session:
        visit = session.get(tables.Visit, act.visit_id)
        if visit is None:
            raise KeyError(act.visit_id)
        existing = session.exec(select(tables.Act).where(tables.Act.visit_id == act.visit_id)).first()
        if existing is not None:
            raise FrozenVisit(say("По этому визиту акт уже сохранён.", "An act for this visit is already stored."))
        row = tables.Act(
            id=act.id,
            number=act.number,
            version=act.version,
            supersedes_id=act.supersedes_id,
            visit_id=act.visit_id,
            outcome=act.outcome,
            refusal_reason=act.refusal_reason,
            signed_at=act.signed_at,
            signer_name=act.signer_name,
            pdf=act.pdf,
            pdf_sha256=sha256_hex(act.pdf),
            content=act.content.decode("utf-8"),
            content_sha256=sha256_hex(act.content),
            ink=act.ink,
            ink_sha256=act.ink_sha256,
            created_at=now_utc(),
        )
        session.add(row)
        session.add(tables.ActCopy(act_id=act.id, token=secrets.token_urlsafe(24), made_at=now_utc()))
        visit.status, visit.signed_at, visit.updated_at = status.value, act.signed_at, now_utc()
        session.add(visit)
        audit.record(
            session,
            actor,
            f"act_{act.outcome}",
            act.visit_id,
            when=act.signed_at,
            act=act.id,
            number=act.number,
            version=act.version,
            pdf_sha256=row.pdf_sha256,
        )
        session.commit()
        return row


def get_act(store: Store, act_id: str) -> tables.Act:
    with store.session() as session:
        row = session.get(tables.Act, act_id)
    if row is None:
        raise KeyError(act_id)
    return row


def act_of_visit(store: Store, visit_id: str) -> tables.Act | None:
    with store.session() as session:
        return session.exec(select(tables.Act).where(tables.Act.visit_id == visit_id)).first()


def versions(store: Store, number: str) -> list[tables.Act]:
    with store.session() as session:
        statement = select(tables.Act).where(tables.Act.number == number).order_by(col(tables.Act.version))
        return list(session.exec(statement))


def versions_after(store: Store, act_id: str) -> list[tables.Act]:
    """Acts that supersede this one (a correction already signed)."""
    with store.session() as session:
        return list(session.exec(select(tables.Act).where(tables.Act.supersedes_id == act_id)))


def start_correction(store: Store, act_id: str, actor: str) -> str:
    """A new visit carrying the old one's answers, to be corrected and signed as the act's next version."""
    old_act = get_act(store, act_id)
    with store.session() as session:
        newer = session.exec(select(tables.Act).where(tables.Act.supersedes_id == act_id)).first()
        if newer is not None:
            raise FrozenVisit(
                say(
                    f"У акта уже есть исправленная версия {newer.version}: исправляйте её.",
                    f"The act already has a corrected version {newer.version}; correct that one.",
                )
            )
        original = session.get(tables.Visit, old_act.visit_id)
        assert original is not None
        copy_id = str(uuid.uuid4())
        moment = now_utc()
        copy = tables.Visit.model_validate(
            original.model_dump()
            | {
                "id": copy_id,
                "status": VisitStatus.IN_PROGRESS.value,
                "corrects_visit_id": original.id,
                "signed_at": None,
                "created_at": moment,
                "updated_at": moment,
            }
        )
        session.add(copy)
        session.flush()
        _copy_children(session, original.id, copy_id)
        audit.record(session, actor, "correction_started", copy_id, act=act_id, corrects=original.id)
        session.commit()
    return copy_id


def _copy_children(session: Session, source_id: str, target_id: str) -> None:
    for table in (tables.Answer, tables.MaterialUse, tables.BranchEvent, tables.PaymentRecord):
        for row in session.exec(select(table).where(table.visit_id == source_id)):
            data = row.model_dump() | {"visit_id": target_id}
            if "id" in data and table is not tables.PaymentRecord:
                data["id"] = None
            session.add(table.model_validate(data))
    for keyed in (tables.PhotoRecord, tables.DeviceRecord):  # ids are UUIDs: each copy gets its own
        for row in session.exec(select(keyed).where(keyed.visit_id == source_id)):
            session.add(keyed.model_validate(row.model_dump() | {"visit_id": target_id, "id": str(uuid.uuid4())}))


def correction_of(store: Store, visit_id: str) -> tuple[str, int, str] | None:
    """For a correction visit: (act number, next version, superseded act id); None for an original visit."""
    with store.session() as session:
        visit = session.get(tables.Visit, visit_id)
        if visit is None or visit.corrects_visit_id is None:
            return None
        previous = session.exec(select(tables.Act).where(tables.Act.visit_id == visit.corrects_visit_id)).first()
    if previous is None:
        return None
    return previous.number, previous.version + 1, previous.id


def content_of(act: tables.Act) -> dict[str, object]:
    content: dict[str, object] = json.loads(act.content)
    return content
