"""A full check of the database: SQLite's own checks and every act's hashes, re-verified."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from fieldact.act.content import parse_content
from fieldact.hashing import sha256_hex
from fieldact.store import tables
from fieldact.store.db import Database
from fieldact.store.sealing import SealPolicy
from fieldact.text import say


def full_check(database: Database) -> list[str]:
    """Every problem found, one sentence each; empty when all is well."""
    from fieldact.standard import load_brand
    from fieldact.store.sealing import seal_policy

    problems = _engine_checks(database)
    policy = seal_policy(database, load_brand())
    with Session(database.engine) as session:
        purged = set(session.exec(select(tables.Visit.id).where(tables.Visit.purged_at.is_not(None))))  # type: ignore[union-attr]
        for act in session.exec(select(tables.Act)):
            if act.visit_id in purged and not act.pdf:
                continue  # removed after the retention period; the registry's receipt stays (service/retention.py)
            problems += act_problems(act, policy)
            problems += source_problems(session, act)
        problems += photo_hash_problems(session)
    return problems


def photo_hash_problems(session: Session) -> list[str]:
    """Photos whose bytes no longer hash to what was stored when they were taken."""
    found = []
    for photo in session.exec(select(tables.PhotoRecord).order_by(col(tables.PhotoRecord.taken_at))):
        if sha256_hex(photo.jpeg) != photo.sha256:
            found.append(
                say(
                    f"Фото «{photo.item_key}» визита {photo.visit_id}: снимок подменён или повреждён "
                    "(не совпадает с хешем, записанным при съёмке).",
                    f"Photo '{photo.item_key}' of visit {photo.visit_id}: swapped or damaged "
                    "(it does not match the hash taken at capture).",
                )
            )
    return found


def _engine_checks(database: Database) -> list[str]:
    if not database.url.startswith("sqlite"):
        return []
    problems = []
    with database.engine.connect() as connection:
        integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            problems += [say(f"Целостность файла: {line}", f"File integrity: {line}") for line in integrity]
        for row in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(
                say(
                    f"Ссылка без записи: таблица {row[0]}, строка {row[1]}",
                    f"Dangling reference: {row[0]} row {row[1]}",
                )
            )
    return problems


def act_label(act: tables.Act) -> str:
    return f"{act.number} v{act.version}"


def act_problems(act: tables.Act, policy: SealPolicy | None = None) -> list[str]:
    """Every reason not to trust a stored act; empty when it is the act that was signed."""
    return stored_hash_problems(act) or pdf_problems(act, policy)


def stored_hash_problems(act: tables.Act) -> list[str]:
    """The cheap half: the PDF and the content still hash to what was stored at signing."""
    label = act_label(act)
    found = []
    if sha256_hex(act.pdf) != act.pdf_sha256:
        found.append(
            say(f"Акт {label}: PDF не совпадает со своим хешем.", f"Act {label}: the PDF does not match its hash.")
        )
    if sha256_hex(act.content.encode("utf-8")) != act.content_sha256:
        found.append(
            say(
                f"Акт {label}: содержание не совпадает со своим хешем.",
                f"Act {label}: the content does not match its hash.",
            )
        )
    return found


def pdf_problems(act: tables.Act, policy: SealPolicy | None = None) -> list[str]:
    """The PDF checks itself (the whole ``fieldact verify``, read once) and carries the stored content."""
    return pdf_bytes_problems(act.pdf, act.content, act_label(act), policy)


def pdf_bytes_problems(pdf: bytes, content: str, label: str, policy: SealPolicy | None = None) -> list[str]:
    """``pdf_problems`` from plain values, so that it can run in another process; held to ``policy``'s level
    (the content level without one)."""
    policy = policy or SealPolicy()
    from fieldact.act.pdf import CONTENT_FILE  # verifying loads pyHanko and pypdf: only when an act is checked
    from fieldact.act.verify import inspect_act

    verification = inspect_act(pdf, policy.trust, level=policy.level, revoked=policy.revoked)
    found = [f"{say('Акт', 'Act')} {label}: {problem}" for problem in verification.problems]
    if not found and verification.embedded.get(CONTENT_FILE) != content.encode("utf-8"):
        found.append(
            say(
                f"Акт {label}: содержание внутри PDF не совпадает с сохранённым.",
                f"Act {label}: the content inside the PDF differs from the stored content.",
            )
        )
    return found


# --- the act against the rows it was made from ------------------------------------------------------------------


def source_problems(session: Session, act: tables.Act) -> list[str]:
    """Where the rows the act was made from (visit, answers, materials, payment, stage and branch events) no
    longer say what the act says: someone changed them past the database's triggers."""
    try:
        content = parse_content(act.content.encode("utf-8"))
    except ValueError:
        return []  # not act content at all: the hash and PDF checks say so
    visit = session.get(tables.Visit, act.visit_id)
    label = act_label(act)
    if visit is None:
        return [say(f"Акт {label}: визита акта нет в базе.", f"Act {label}: the act's visit is missing.")]
    found = [
        say(f"Акт {label}: в базе расходится с актом — {ru}.", f"Act {label}: the stored {en} differs from the act.")
        for ru, en, differs in _comparisons(session, act, visit, content)
        if differs
    ]
    return found


def _comparisons(
    session: Session, act: tables.Act, visit: tables.Visit, content: dict[str, Any]
) -> list[tuple[str, str, bool]]:
    contract = session.get(tables.Contract, visit.contract_id)
    status = "signed" if act.outcome == "signed" else "refused"
    return [
        ("визит", "visit", content["visit"]["id"] != visit.id or content["visit"]["kind"] != visit.kind),
        ("перечень услуг", "list of services", sorted(s["key"] for s in content["services"]) != _services(visit)),
        ("статус визита", "visit status", visit.status != status),
        ("время подписания визита", "visit's signing time", not _same_moment(visit.signed_at, act.signed_at)),
        ("номер договора", "contract number", contract is None or contract.number != content["subscriber"]["contract"]),
        ("перечень материалов", "list of materials", _materials(session, visit.id) != _act_materials(content)),
        ("оплата", "payment", _payment(session, visit.id) != _act_payment(content)),
        ("ответы чек-листа", "checklist answers", _answers(session, visit.id, content) != _act_answers(content)),
        ("отметки этапов", "stage marks", _stage_keys(session, visit.id) != _audited_stages(session, visit.id)),
        ("события ветвлений", "branch events", _branch_count(session, visit) != _audited_branches(session, visit)),
        ("фото", "photos", "photos" in content and _photos(session, visit.id) != _act_photos(content)),
        ("оборудование", "equipment", "devices" in content and _devices(session, visit.id) != _act_devices(content)),
    ]


def _photos(session: Session, visit_id: str) -> list[tuple[str, str]]:
    rows = session.exec(select(tables.PhotoRecord).where(tables.PhotoRecord.visit_id == visit_id))
    return sorted((row.item_key, row.sha256) for row in rows)


def _act_photos(content: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((photo["item"], photo["sha256"]) for photo in content["photos"])


def _devices(session: Session, visit_id: str) -> list[tuple[str, str, str, str]]:
    rows = session.exec(select(tables.DeviceRecord).where(tables.DeviceRecord.visit_id == visit_id))
    return sorted((row.action, row.device_type, row.serial, row.mac) for row in rows)


def _act_devices(content: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return sorted((device["action"], device["type"], device["serial"], device["mac"]) for device in content["devices"])


def _services(visit: tables.Visit) -> list[str]:
    return sorted(key for key in visit.services.split(",") if key)


def _same_moment(stored: datetime | None, signed: datetime) -> bool:
    if stored is None:
        return False
    return _utc(stored) == _utc(signed)


def _utc(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def _quantity(text: str) -> str:
    try:
        return format(Decimal(text).normalize(), "f")
    except InvalidOperation:
        return text


def _materials(session: Session, visit_id: str) -> list[tuple[str, str, str, str]]:
    rows = session.exec(select(tables.MaterialUse).where(tables.MaterialUse.visit_id == visit_id))
    return sorted((row.code, row.name, _quantity(row.quantity), row.unit) for row in rows)


def _act_materials(content: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return sorted((m["code"], m["name"], _quantity(m["quantity"]), m["unit"]) for m in content["materials"])


def _payment(session: Session, visit_id: str) -> tuple[int, int, int, int, str] | None:
    row = session.get(tables.PaymentRecord, visit_id)
    return None if row is None else (row.total, row.received, row.change, row.credited, row.bso_number)


def _act_payment(content: dict[str, Any]) -> tuple[int, int, int, int, str] | None:
    paid = content["payment"]
    if paid is None:
        return None
    return (paid["total"], paid["received"], paid["change"], paid["credited"], paid["bso_number"])


def _answers(session: Session, visit_id: str, content: dict[str, Any]) -> dict[str, str]:
    keys = {item["key"] for item in content["items"]}
    rows = session.exec(select(tables.Answer).where(tables.Answer.visit_id == visit_id))
    given = {row.item_key: row.state for row in rows if row.item_key in keys}
    return {key: given.get(key, "pending") for key in keys}


def _act_answers(content: dict[str, Any]) -> dict[str, str]:
    return {item["key"]: item["result"] for item in content["items"]}


def _audit_details(session: Session, visit_id: str, action: str) -> list[dict[str, Any]]:
    statement = select(tables.AuditEvent.details).where(
        tables.AuditEvent.visit_id == visit_id, tables.AuditEvent.action == action
    )
    return [json.loads(details) for details in session.exec(statement.order_by(col(tables.AuditEvent.id)))]


def _stage_keys(session: Session, visit_id: str) -> set[str]:
    rows = session.exec(select(tables.StageEvent.stage_key).where(tables.StageEvent.visit_id == visit_id))
    return set(rows)


def _audited_stages(session: Session, visit_id: str) -> set[str]:
    return {str(d["completed"]) for d in _audit_details(session, visit_id, "stage") if d.get("completed")}


def _branch_count(session: Session, visit: tables.Visit) -> int:
    return len(list(session.exec(select(tables.BranchEvent.id).where(tables.BranchEvent.visit_id == visit.id))))


def _audited_branches(session: Session, visit: tables.Visit) -> int:
    """Branch events recorded through the app; a correction also carries those of the visit it corrects."""
    count = len(_audit_details(session, visit.id, "branch"))
    if visit.corrects_visit_id:
        corrected = session.get(tables.Visit, visit.corrects_visit_id)
        if corrected is not None:
            count += _branch_count(session, corrected)
    return count
