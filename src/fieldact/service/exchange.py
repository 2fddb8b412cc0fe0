"""The service's side of sync: a technician's orders, and one visit stored per transaction after its acts
are fully checked. Row mapping and the visit's upsert are ``store/sync.py``'s, shared with the direct sync.

Every transaction first says whose it is (``set_config('fieldact.technician', ...)``, local to it): the
row-level security of the central database then lets the service's login see and add only that technician's
rows, a second wall behind the service's own checks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from fieldact.act.content import parse_content
from fieldact.act.pdf import CONTENT_FILE
from fieldact.act.verify import inspect_act
from fieldact.hashing import sha256_hex
from fieldact.service import registry
from fieldact.store.sync import (
    OFFICE_NOTICE,
    PULL_DAYS_BACK,
    PULL_QUERY,
    REVOKED,
    TECHNICIAN,
    VisitNotStorable,
    VisitPayload,
    now_utc,
    push_visit,
)
from fieldact.text import say

PAYLOAD_KEYS = ("visit", "contract", "subscriber", "children", "acts", "audit")


def as_technician(connection: Connection, technician_id: str) -> None:
    connection.execute(text("SELECT set_config('fieldact.technician', :t, true)"), {"t": technician_id})


# --- pull ---------------------------------------------------------------------------------------------------------


def orders_for(engine: Engine, technician_id: str, days_back: int = PULL_DAYS_BACK) -> dict[str, Any]:
    """The technician's record, his orders and the company's revoked device certificates, read as him (row-level
    security applies). "Since" is the server's now() less the days (PULL_QUERY)."""
    with engine.begin() as connection:
        as_technician(connection, technician_id)
        technician = connection.execute(select(TECHNICIAN).where(TECHNICIAN.c.id == technician_id)).mappings().one()
        orders = [
            dict(row) for row in connection.execute(PULL_QUERY, {"me": technician_id, "days": days_back}).mappings()
        ]
        revoked = [dict(row) for row in connection.execute(select(REVOKED)).mappings()]
    return {"technician": dict(technician), "orders": orders, "revoked": revoked}


def tell_office(engine: Engine, technician_id: str, notices: Sequence[dict[str, Any]]) -> int:
    """Notices the tablet found on pull (an order changed after work began); a repeated one adds nothing."""
    rows = []
    for notice in notices:
        key, message = str(notice.get("key", ""))[:120], str(notice.get("message", ""))[:2000]
        if not key.startswith("order-") or not message:
            continue
        rows.append(
            {
                "key": key,
                "at": now_utc(),
                "technician_id": technician_id,
                "visit_id": str(notice.get("visit_id", ""))[:36] or None,
                "kind": str(notice.get("kind", "order_notice"))[:40],
                "message": message,
            }
        )
    if rows:
        with engine.begin() as connection:
            as_technician(connection, technician_id)
            connection.execute(pg_insert(OFFICE_NOTICE).on_conflict_do_nothing(index_elements=["key"]), rows)
    return len(rows)


# --- push ---------------------------------------------------------------------------------------------------------


@dataclass
class VisitResult:
    visit_id: str
    status: str  # stored | already | failed
    message: str = ""
    receipts: list[dict[str, Any]] | None = None
    refused: list[str] | None = None
    kept_aside: list[str] | None = None

    def wire(self) -> dict[str, Any]:
        return {
            "visit_id": self.visit_id,
            "status": self.status,
            "message": self.message,
            "receipts": self.receipts or [],
            "refused": self.refused or [],
            "kept_aside": self.kept_aside or [],
        }


def act_problems(
    act: dict[str, Any],
    visit: dict[str, Any],
    trust_roots: Sequence[bytes],
    children: dict[str, Any] | None = None,
) -> list[str]:
    """Everything wrong with an act as the tablet sent it: the PDF verifies, and its content is this very row's,
    this very visit's, and lists the visit's photos and equipment as sent."""
    pdf = act.get("pdf")
    if not isinstance(pdf, bytes):
        return [say("акт без PDF", "an act without its PDF")]
    verification = inspect_act(pdf, trust_roots)
    problems = list(verification.problems)
    if sha256_hex(pdf) != act.get("pdf_sha256"):
        problems.append(say("хэш PDF не совпадает с записью акта", "the PDF's hash does not match the act's row"))
    embedded = verification.embedded.get(CONTENT_FILE)
    if embedded is None:
        return problems or [say("в PDF нет содержания акта", "the PDF carries no act content")]
    row_content = act.get("content", "")
    row_bytes = row_content.encode("utf-8") if isinstance(row_content, str) else bytes(row_content)
    if embedded != row_bytes or sha256_hex(embedded) != act.get("content_sha256"):
        problems.append(
            say("содержание в PDF не совпадает с записью акта", "the content in the PDF does not match the act's row")
        )
    try:
        content = parse_content(embedded)
    except ValueError:
        return problems
    header, visit_record = content.get("act", {}), content.get("visit", {})
    if (header.get("id"), header.get("number"), header.get("version")) != (
        act.get("id"),
        act.get("number"),
        act.get("version"),
    ):
        problems.append(say("номер или версия в PDF — не этого акта", "the PDF's number or version is another act's"))
    if visit_record.get("id") != visit.get("id") or act.get("visit_id") != visit.get("id"):
        problems.append(say("акт другого визита", "the act of another visit"))
    return problems + evidence_problems(content, children or {})


def evidence_problems(content: dict[str, Any], children: dict[str, Any]) -> list[str]:
    """The visit's photo and equipment rows as sent are exactly the ones its act lists (acts of template 1 list
    neither): a photo swapped in the rows, or bytes that are not their hash, is not stored."""
    problems = []
    photos = [row for row in children.get("photo") or [] if isinstance(row, dict)]
    if "photos" in content:
        sent = sorted((row.get("item_key"), row.get("sha256")) for row in photos)
        listed = sorted((photo.get("item"), photo.get("sha256")) for photo in content["photos"])
        if sent != listed:
            problems.append(say("фото визита не те, что в акте", "the visit's photos are not the ones in its act"))
    if any(not isinstance(row.get("jpeg"), bytes) or sha256_hex(row["jpeg"]) != row.get("sha256") for row in photos):
        problems.append(say("байты фото не дают его SHA-256", "a photo's bytes do not give its SHA-256"))
    if "devices" in content:
        rows = [row for row in children.get("equipment") or [] if isinstance(row, dict)]
        sent_devices = sorted(
            (row.get("action"), row.get("device_type"), row.get("serial"), row.get("mac")) for row in rows
        )
        listed_devices = sorted(
            (device.get("action"), device.get("type"), device.get("serial"), device.get("mac"))
            for device in content["devices"]
        )
        if sent_devices != listed_devices:
            problems.append(
                say("оборудование визита не то, что в акте", "the visit's equipment is not the one in its act")
            )
    return problems


def payload_from(wire: Any) -> VisitPayload:
    if not isinstance(wire, dict) or any(key not in wire for key in PAYLOAD_KEYS):
        raise ValueError("not a visit")
    if not isinstance(wire["visit"], dict) or not isinstance(wire["acts"], list):
        raise ValueError("not a visit")
    children = wire["children"]
    if not isinstance(children, dict) or not all(
        isinstance(rows, list) and all(isinstance(row, dict) for row in rows) for rows in children.values()
    ):
        raise ValueError("not a visit")
    return VisitPayload(**{key: wire[key] for key in PAYLOAD_KEYS})


def check_acts(wire: Any, trust_roots: Sequence[bytes]) -> list[list[str]]:
    """The problems of each act of one visit as sent (CPU only, no database: the service runs it in a pool of
    processes, so the acts of a batch are checked on every core)."""
    if not isinstance(wire, dict) or not isinstance(wire.get("acts"), list) or not isinstance(wire.get("visit"), dict):
        return []
    return [
        act_problems(
            act, wire["visit"], trust_roots, wire.get("children") if isinstance(wire.get("children"), dict) else {}
        )
        if isinstance(act, dict)
        else ["not an act"]
        for act in wire["acts"]
    ]


def not_checked(wire: Any) -> VisitResult:
    """A visit whose acts no checking process could answer for: nothing stored, the tablet sends it again."""
    visit = wire.get("visit") if isinstance(wire, dict) else None
    return VisitResult(
        str(visit.get("id", "?")) if isinstance(visit, dict) else "?",
        "failed",
        say(
            "сервер не успел проверить акты визита; визит будет отправлен снова",
            "the server could not check the visit's acts in time; the visit will be sent again",
        ),
    )


def accept_visit(
    engine: Engine,
    device_id: str,
    technician_id: str,
    wire: Any,
    trust_roots: Sequence[bytes],
    problems: list[list[str]] | None = None,
) -> VisitResult:
    """One visit in one transaction: its acts checked first (outside it; ``problems`` when checked already),
    refused ones kept aside with the reason, the rest stored with ``push_visit``, each accepted act entered in the
    registry. A retry adds nothing."""
    try:
        payload = payload_from(wire)
    except (ValueError, TypeError):
        return VisitResult(
            str(wire.get("visit", {}).get("id", "?")) if isinstance(wire, dict) else "?",
            "failed",
            say("визит передан не полностью", "the visit did not arrive whole"),
        )
    visit_id = str(payload.visit.get("id"))
    if payload.visit.get("technician_id") != technician_id:
        return VisitResult(
            visit_id,
            "failed",
            say(
                "визит другого техника: это устройство его не отправляет.",
                "another technician's visit: this device cannot send it.",
            ),
        )
    if problems is None or len(problems) != len(payload.acts):
        problems = check_acts(wire, trust_roots)
    good = [act for act, found in zip(payload.acts, problems, strict=True) if not found]
    refused = [(act, found) for act, found in zip(payload.acts, problems, strict=True) if found]
    payload.acts = good
    try:
        with engine.begin() as connection:
            as_technician(connection, technician_id)
            delivered = push_visit(connection, payload, technician_id)
            receipts = _register(connection, payload.acts, delivered.in_place, device_id, technician_id)
            _link_copies(connection, wire.get("copies"), {entry["act_id"] for entry in receipts}, technician_id)
            refusals = [_refuse(connection, act, found, device_id, technician_id) for act, found in refused]
    except VisitNotStorable as error:
        return VisitResult(visit_id, "failed", str(error))
    except DBAPIError as error:
        detail = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
        return VisitResult(
            visit_id,
            "failed",
            say(
                f"центральная база не приняла визит ({detail}); попытка повторится позже.",
                f"the central database refused the visit ({detail}); it will be tried again.",
            ),
        )
    status = "stored" if delivered.fresh or refusals else "already"
    return VisitResult(visit_id, status, "", receipts, refusals, list(delivered.kept_aside))


def token_digest(token: str) -> str:
    return sha256_hex(token.encode("utf-8"))


def _link_copies(connection: Connection, copies: Any, accepted: set[str], me: str) -> None:
    """The subscriber's links of the acts accepted now (a retry adds nothing)."""
    if not isinstance(copies, list):
        return
    for copy in copies:
        if not isinstance(copy, dict) or copy.get("act_id") not in accepted:
            continue
        token = str(copy.get("token", ""))
        if not 16 <= len(token) <= 64:
            continue
        connection.execute(
            text(
                "INSERT INTO act_copy_link (token_sha256, act_id, technician_id, added_at) "
                "VALUES (:h, :a, :t, :at) ON CONFLICT DO NOTHING"
            ),
            {"h": token_digest(token), "a": copy["act_id"], "t": me, "at": now_utc()},
        )


def _register(
    connection: Connection, acts: list[dict[str, Any]], in_place: tuple[str, ...], device_id: str, me: str
) -> list[dict[str, Any]]:
    """Registry entries for the acts now stored centrally as sent (not those kept aside as conflicts)."""
    return [registry.as_wire(registry.append(connection, act, device_id, me)) for act in acts if act["id"] in in_place]


def _refuse(connection: Connection, act: dict[str, Any], problems: list[str], device_id: str, me: str) -> str:
    reason = "; ".join(problems)[:4000]
    pdf = act.get("pdf") if isinstance(act.get("pdf"), bytes) else b""
    connection.execute(
        text(
            "INSERT INTO act_refused (received_at, device_id, technician_id, act_id, visit_id, number, version, pdf, "
            "pdf_sha256, reason) VALUES (:at, :d, :t, :a, :v, :n, :ver, :pdf, :sha, :why) "
            "ON CONFLICT (act_id, pdf_sha256) DO NOTHING"
        ),
        {
            "at": now_utc(),
            "d": device_id,
            "t": me,
            "a": str(act.get("id", ""))[:36],
            "v": str(act.get("visit_id", ""))[:36],
            "n": str(act.get("number", ""))[:40],
            "ver": int(act.get("version") or 0),
            "pdf": pdf,
            "sha": sha256_hex(pdf),
            "why": reason,
        },
    )
    message = say(
        f"Акт {act.get('number')} v{act.get('version')} не принят центром: {reason}. Он отложен, офис уведомлён.",
        f"Act {act.get('number')} v{act.get('version')} was not accepted: {reason}. It is kept aside; the office "
        "is told.",
    )
    connection.execute(
        pg_insert(OFFICE_NOTICE)
        .values(
            key=f"act-refused:{str(act.get('id'))[:36]}:{sha256_hex(pdf)[:16]}",
            at=now_utc(),
            technician_id=me,
            visit_id=str(act.get("visit_id", ""))[:36] or None,
            kind="act_refused",
            message=message,
        )
        .on_conflict_do_nothing()
    )
    return message


def registry_entry(engine: Engine, pdf_sha256: str) -> dict[str, Any] | None:
    with engine.connect() as connection:
        found = registry.find_by_pdf(connection, pdf_sha256)
    return registry.as_wire(found) if found else None


def notice_json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
