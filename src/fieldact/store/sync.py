"""Sync a tablet's database with the central PostgreSQL: orders down, finished visits up. No Qt here.

Pull: the orders of the technician whose tablet logged in (row-level security shows no others) are copied into
the tablet's database; a cancelled or reassigned order is marked so, unless work on it has begun: then the visit
is left alone and the office is told.

Push: a visit enters the outbox when it is finished (signed, refused, rescheduled; a trigger of migration 0003
does it in the same transaction as the status change). Each visit goes up with its answers, materials, payment,
branch and stage events, acts and audit events in one PostgreSQL transaction. Pushing it again changes nothing:
rows are replaced by visit, audit events carry (device, local id), and acts are compared by their bytes. An act
that meets a different stored act with its id (or number and version) is kept aside in ``act_conflict`` and
reported, never written over. The tablet deletes nothing; an outbox row is only marked confirmed once PostgreSQL
has committed.

Time: the tablet's wall clock may be off by minutes or years. Which orders to pull and when a refused visit is
tried again are reckoned on the central database's clock (carried forward on the tablet's monotonic clock), so
a wrong date can neither hide orders nor park visits for years; a pass measures how far the tablet's clock is
from the server's, and more than ``CLOCK_SKEW_TOLERANCE`` is told to the technician (acts carry the times he
signs at).

For the app: ``sync_status`` (cheap, local) and ``SyncLoop`` (a background thread with back-off).
"""

from __future__ import annotations

import errno
import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, literal_column, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError, StatementError
from sqlalchemy.exc import InterfaceError as SAInterfaceError

from fieldact.hashing import sha256_hex
from fieldact.store import tables
from fieldact.store.central import CentralUnavailable, central_engine, central_url, unreachable_sentence
from fieldact.store.db import Database
from fieldact.store.migrate import head_revision
from fieldact.text import say
from fieldact.visit.clock import SYSTEM_CLOCK, Clock, now_utc

PULL_DAYS_BACK = 2
RETRY_FIRST_S = 30.0
RETRY_MAX_S = 3600.0
LOOP_INTERVAL_S = 300.0
OFFLINE_FIRST_S = 5.0
OFFLINE_MAX_S = 600.0
CLOCK_SKEW_TOLERANCE = timedelta(minutes=5)
FINISHED = ("signed", "refused", "rescheduled")
NOT_STARTED = ("planned", "cancelled")


def _table(model: type[Any]) -> Table:
    return model.__table__  # type: ignore[no-any-return]


VISIT = _table(tables.Visit)
CONTRACT = _table(tables.Contract)
SUBSCRIBER = _table(tables.Subscriber)
ACT = _table(tables.Act)
AUDIT = _table(tables.AuditEvent)
OUTBOX = _table(tables.Outbox)
WORK_ORDER = _table(tables.WorkOrder)
SYNC_STATE = _table(tables.SyncState)
TECHNICIAN = _table(tables.Technician)
ACT_CONFLICT = _table(tables.ActConflict)
OFFICE_NOTICE = _table(tables.OfficeNotice)
REVOKED = _table(tables.RevokedDevice)
RATING = _table(tables.VisitRating)
CHILDREN = tuple(
    _table(model)
    for model in (
        tables.Answer,
        tables.MaterialUse,
        tables.PaymentRecord,
        tables.BranchEvent,
        tables.StageEvent,
        tables.PhotoRecord,  # within the visit's push: a visit's photos are a few hundred kilobytes each
        tables.DeviceRecord,
    )
)
SERIAL_IDS = {"material_use", "branch_event", "stage_event"}  # local ids mean nothing on the central database


@dataclass(frozen=True, slots=True)
class ServerTime:
    """The central database's time, read once a pass and carried forward on the tablet's monotonic clock."""

    at: datetime  # the server's clock (UTC) ...
    monotonic: float  # ... at this reading of the tablet's monotonic clock
    skew: timedelta  # the tablet's wall clock minus the server's: positive when the tablet is ahead

    def now(self, clock: Clock) -> datetime:
        return self.at + timedelta(seconds=clock.monotonic() - self.monotonic)


def server_time(connection: Connection, clock: Clock = SYSTEM_CLOCK) -> ServerTime:
    """The server's clock against the tablet's, taken halfway through the round trip."""
    wall, before = clock.now(), clock.monotonic()
    at = connection.execute(text("SELECT clock_timestamp()")).scalar_one().astimezone(UTC)
    middle = before + (clock.monotonic() - before) / 2
    return ServerTime(at, middle, wall + timedelta(seconds=middle - before) - at)


def clock_skew_sentence(skew: timedelta) -> str:
    """What the technician is told when his tablet's clock is off: by how much, and what to do."""
    off = describe_duration(abs(skew))
    ahead = skew > timedelta(0)
    return say(
        f"Часы планшета {'спешат' if ahead else 'отстают'} на {off} относительно сервера. Поставьте верные дату "
        "и время в настройках планшета: время визитов и подписи в актах берётся с этих часов.",
        f"The tablet's clock is {off} {'ahead of' if ahead else 'behind'} the server's. Set the right date and "
        "time in the tablet's settings: the times of visits and signatures on acts come from this clock.",
    )


def describe_duration(span: timedelta) -> str:
    """«5 лет 2 дня», «3 ч 10 мин», «7 мин»: the two largest units."""
    minutes = int(span.total_seconds() // 60)
    years, rest = divmod(minutes, 365 * 24 * 60)
    days, rest = divmod(rest, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [
        (years, say(_russian_count(years, "год", "года", "лет"), f"{years} year{'s' * (years != 1)}")),
        (days, say(_russian_count(days, "день", "дня", "дней"), f"{days} day{'s' * (days != 1)}")),
        (hours, say(f"{hours} ч", f"{hours} h")),
        (minutes, say(f"{minutes} мин", f"{minutes} min")),
    ]
    shown = [text for count, text in parts if count][:2]
    return " ".join(shown) or say("меньше минуты", "less than a minute")


def _russian_count(count: int, one: str, few: str, many: str) -> str:
    if count % 10 == 1 and count % 100 != 11:
        return f"{count} {one}"
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return f"{count} {few}"
    return f"{count} {many}"


# --- reports ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the day screen shows: when the tablet last synced, and how many finished visits wait."""

    last_sync_at: datetime | None
    waiting: int
    failing: int
    conflicts: int
    last_error: str


@dataclass
class PullReport:
    added: int = 0
    changed: int = 0
    cancelled: int = 0
    reassigned: int = 0
    office_told: int = 0
    clock_skew: timedelta | None = None  # the tablet's clock minus the server's, measured by this pull


@dataclass
class PushReport:
    pushed: int = 0
    already_there: int = 0
    kept_aside: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (visit id, sentence)
    waiting: int = 0
    next_attempt_in: timedelta | None = None  # until the soonest waiting visit is tried again (server time)


@dataclass
class SyncReport:
    pull: PullReport = field(default_factory=PullReport)
    push: PushReport = field(default_factory=PushReport)
    offline: bool = False
    error: str = ""

    @property
    def clock_off(self) -> bool:
        """Whether the tablet's clock is further from the server's than the tolerance."""
        return self.pull.clock_skew is not None and abs(self.pull.clock_skew) > CLOCK_SKEW_TOLERANCE

    @property
    def complete(self) -> bool:
        """Nothing went wrong and nothing is left waiting on the tablet."""
        return not self.error and not self.push.failed and not self.push.waiting

    def lines(self) -> list[str]:
        """What happened; ``warnings`` says what is still wrong."""
        if self.error:
            return [self.error]
        pull, push = self.pull, self.push
        lines = [
            say(
                f"Заявки: новых {pull.added}, изменённых {pull.changed}, отменённых {pull.cancelled}, "
                f"переданных другому технику {pull.reassigned}; офису сообщено: {pull.office_told}.",
                f"Orders: {pull.added} new, {pull.changed} changed, {pull.cancelled} cancelled, "
                f"{pull.reassigned} reassigned; office told: {pull.office_told}.",
            ),
            say(
                f"Визиты: отправлено {push.pushed}, уже были в центре {push.already_there}, ждут {push.waiting}.",
                f"Visits: {push.pushed} sent, {push.already_there} already there, {push.waiting} waiting.",
            ),
        ]
        lines += push.kept_aside
        lines += [say(f"Визит {visit}: {why}", f"Visit {visit}: {why}") for visit, why in push.failed]
        return lines

    def warnings(self) -> list[str]:
        """The tablet's clock when it is off, and the visits left waiting: each a sentence saying what to do."""
        skew = self.pull.clock_skew
        clock = [clock_skew_sentence(skew)] if skew is not None and self.clock_off else []
        waiting = self.push.waiting
        if not waiting:
            return clock
        when = self.push.next_attempt_in
        retry_ru = f"следующая попытка через {describe_duration(when)}" if when else "повторите синхронизацию"
        retry_en = f"the next try is in {describe_duration(when)}" if when else "sync again"
        return clock + [
            say(
                f"Не отправлено в центральную базу визитов: {waiting}. Они сохранены на планшете; {retry_ru}. "
                "Если они не уйдут до конца дня, сообщите в офис.",
                f"Visits not yet sent to the central database: {waiting}. They are kept on the tablet; {retry_en}. "
                "If they have not gone by the end of the day, tell the office.",
            )
        ]


class SyncRefused(Exception):
    """The central database answered but will not take this tablet's data as it is (wrong login, old schema)."""


# --- status and device ------------------------------------------------------------------------------------------


def sync_status(database: Database) -> SyncStatus:
    """Read only the tablet's database: quick enough for the UI thread, safe in any thread."""
    unconfirmed = OUTBOX.c.confirmed_at.is_(None)
    with database.engine.connect() as connection:
        waiting, failing, conflicts = connection.execute(
            select(
                func.count().filter(unconfirmed),
                func.count().filter(unconfirmed, OUTBOX.c.last_error != ""),
                func.count().filter(OUTBOX.c.conflict != ""),
            )
        ).one()
        state = connection.execute(select(SYNC_STATE).where(SYNC_STATE.c.id == 1)).mappings().first()
    return SyncStatus(
        last_sync_at=state["last_push_at"] if state else None,
        waiting=waiting,
        failing=failing,
        conflicts=conflicts,
        last_error=state["last_error"] if state else "",
    )


def order_states(database: Database, technician_id: str) -> dict[str, str]:
    """For the day screen: visit id -> 'assigned', 'cancelled' or 'reassigned', for visits that came as orders."""
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(WORK_ORDER.c.visit_id, WORK_ORDER.c.state).where(WORK_ORDER.c.technician_id == technician_id)
        )
        return {visit_id: state for visit_id, state in rows}


def device_id(database: Database) -> str:
    """This database's own id, made on first use; it names its audit events on the central database."""
    with database.engine.begin() as connection:
        found = connection.execute(select(SYNC_STATE.c.device_id).where(SYNC_STATE.c.id == 1)).scalar()
        if found:
            return str(found)
        made = str(uuid.uuid4())
        connection.execute(insert(SYNC_STATE).values(id=1, device_id=made, last_error=""))
        return made


def _remember(database: Database, **values: Any) -> None:
    device_id(database)
    with database.engine.begin() as connection:
        connection.execute(update(SYNC_STATE).where(SYNC_STATE.c.id == 1).values(**values))


# --- the central side's checks ------------------------------------------------------------------------------------


def tablet_technician(central: Connection) -> str:
    """The technician this login belongs to, after checking the central schema matches the app's."""
    revision = central.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision != head_revision():
        raise SyncRefused(
            say(
                f"Центральная база в версии {revision}, а программе нужна {head_revision()}: "
                "обновите её командой fieldact central init (или обновите программу).",
                f"The central database is at revision {revision} and the app needs {head_revision()}: "
                "run fieldact central init there (or update the app).",
            )
        )
    technician = central.execute(text("SELECT fieldact_technician()")).scalar()
    if not technician:
        raise SyncRefused(
            say(
                "Этот вход в центральную базу не привязан ни к одному технику: "
                "выдайте планшету его вход (fieldact central login --kind tablet).",
                "This central login belongs to no technician: give the tablet its own login "
                "(fieldact central login --kind tablet).",
            )
        )
    return str(technician)


# --- pull ---------------------------------------------------------------------------------------------------------

# "Since" is the server's now() less the days: a tablet whose clock is years ahead still gets today's orders.
PULL_QUERY = text(
    "SELECT w.visit_id, w.request_number, w.state, w.changed_at, v.kind, v.services, v.zone, v.planned_start, "
    "v.planned_exact, v.planned_end, c.id AS contract_id, c.number AS contract_number, c.address, "
    "s.id AS subscriber_id, s.surname, s.first_name, s.patronymic, s.phone "
    "FROM work_order w JOIN visit v ON v.id = w.visit_id JOIN contract c ON c.id = v.contract_id "
    "JOIN subscriber s ON s.id = c.subscriber_id "
    "WHERE w.technician_id = :me AND (v.planned_start >= now() - make_interval(days => :days) "
    "OR w.changed_at >= now() - make_interval(days => :days)) "
    "ORDER BY v.planned_start"
)


def pull_orders(
    local: Database, central: Engine, days_back: int = PULL_DAYS_BACK, clock: Clock = SYSTEM_CLOCK
) -> PullReport:
    """Bring the technician's orders down; tell the office about orders changed after work on them began."""
    with central.connect() as connection:
        me = tablet_technician(connection)
        skew = server_time(connection, clock).skew
        technician = connection.execute(select(TECHNICIAN).where(TECHNICIAN.c.id == me)).mappings().one()
        orders = [dict(row) for row in connection.execute(PULL_QUERY, {"me": me, "days": days_back}).mappings()]
        revoked = [dict(row) for row in connection.execute(select(REVOKED)).mappings()]
        connection.rollback()
    report, started = apply_pull(local, dict(technician), orders, revoked)
    report.clock_skew = skew
    if started:
        with central.begin() as connection:
            connection.execute(
                pg_insert(OFFICE_NOTICE).on_conflict_do_nothing(index_elements=["key"]), office_notices(me, started)
            )
        office_told(local, started)
        report.office_told = len(started)
    _remember(local, last_pull_at=clock.now())
    return report


def _save_revoked(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """The company's revoked device certificates, so this tablet's own checks know them too."""
    known = set(connection.execute(select(REVOKED.c.certificate_sha256)).scalars())
    for row in rows:
        if row["certificate_sha256"] not in known:
            connection.execute(insert(REVOKED).values(row))


def apply_pull(
    local: Database,
    technician: dict[str, Any],
    orders: list[dict[str, Any]],
    revoked: list[dict[str, Any]] | None = None,
) -> tuple[PullReport, list]:
    """The technician's record and orders into the tablet's database; returns the report and the orders the office
    must be told about (changed after work on them began). Shared by the direct and the service sync."""
    report = PullReport()
    with local.engine.begin() as connection:
        _save_technician(connection, technician)
        _save_revoked(connection, revoked or [])
        started = [order for order in orders if _apply_order(connection, order, technician["id"], report)]
    return report, started


def _save_technician(connection: Connection, row: dict[str, Any]) -> None:
    """The central record wins for the name and the PIN; the lock-out counters stay the tablet's."""
    known = connection.execute(select(TECHNICIAN.c.id).where(TECHNICIAN.c.id == row["id"])).first()
    central = {key: row[key] for key in ("surname", "first_name", "login", "active")}
    if row["pin_hash"]:
        central |= {"pin_salt": row["pin_salt"], "pin_hash": row["pin_hash"]}
    if known:
        connection.execute(update(TECHNICIAN).where(TECHNICIAN.c.id == row["id"]).values(**central))
    else:
        connection.execute(
            insert(TECHNICIAN).values(
                {"id": row["id"], "pin_salt": row["pin_salt"], "pin_hash": row["pin_hash"], "failed_attempts": 0}
                | central
            )
        )


def _apply_order(connection: Connection, order: dict[str, Any], me: str, report: PullReport) -> bool:
    """Apply one order to the tablet; True when the office must be told (changed after work began)."""
    visit = connection.execute(select(VISIT).where(VISIT.c.id == order["visit_id"])).mappings().first()
    copy = connection.execute(select(WORK_ORDER).where(WORK_ORDER.c.visit_id == order["visit_id"])).mappings().first()
    if visit is None:
        if order["state"] == "assigned":
            _add_order(connection, order, me)
            report.added += 1
        return False
    _save_copy(connection, order, me, copy)
    if visit["status"] not in NOT_STARTED:
        told = copy["office_told"] if copy else ""
        return order["state"] != "assigned" and told != order["state"]
    if order["state"] == "assigned":
        if _replan(connection, order, dict(visit)):
            report.changed += 1
        return False
    if visit["status"] != "cancelled":
        _set_status(connection, order["visit_id"], "cancelled", f"order_{order['state']}")
        if order["state"] == "reassigned":
            report.reassigned += 1
        else:
            report.cancelled += 1
    return False


def _save_copy(connection: Connection, order: dict[str, Any], me: str, copy: Any) -> None:
    values = {"request_number": order["request_number"], "state": order["state"], "changed_at": order["changed_at"]}
    if copy is None:
        connection.execute(
            insert(WORK_ORDER).values(visit_id=order["visit_id"], technician_id=me, office_told="", **values)
        )
    elif any(copy[key] != value for key, value in values.items()):
        connection.execute(update(WORK_ORDER).where(WORK_ORDER.c.visit_id == order["visit_id"]).values(**values))


def _plan_values(order: dict[str, Any]) -> dict[str, Any]:
    return {key: order[key] for key in ("kind", "services", "zone", "planned_start", "planned_exact", "planned_end")}


def _add_order(connection: Connection, order: dict[str, Any], me: str) -> None:
    contract_id = _local_contract(connection, order)
    moment = now_utc()
    connection.execute(
        insert(VISIT).values(
            id=order["visit_id"],
            request_number=order["request_number"],
            contract_id=contract_id,
            technician_id=me,
            status="planned",
            stage_index=0,
            conditions="{}",
            created_at=moment,
            updated_at=moment,
            **_plan_values(order),
        )
    )
    _save_copy(connection, order, me, None)
    _audit(connection, order["visit_id"], "order_received", request=order["request_number"])


def _local_contract(connection: Connection, order: dict[str, Any]) -> str:
    """The tablet's contract with this number (its own id if it made one first), brought up to date."""
    found = connection.execute(
        select(CONTRACT.c.id, CONTRACT.c.subscriber_id).where(CONTRACT.c.number == order["contract_number"])
    ).first()
    person = {key: order[key] for key in ("surname", "first_name", "patronymic", "phone")}
    if found is not None:
        connection.execute(update(SUBSCRIBER).where(SUBSCRIBER.c.id == found.subscriber_id).values(**person))
        connection.execute(update(CONTRACT).where(CONTRACT.c.id == found.id).values(address=order["address"]))
        return str(found.id)
    subscriber_id = order["subscriber_id"]
    if connection.execute(select(SUBSCRIBER.c.id).where(SUBSCRIBER.c.id == subscriber_id)).first() is None:
        connection.execute(insert(SUBSCRIBER).values(id=subscriber_id, **person))
    connection.execute(
        insert(CONTRACT).values(
            id=order["contract_id"],
            number=order["contract_number"],
            subscriber_id=subscriber_id,
            address=order["address"],
        )
    )
    return str(order["contract_id"])


def _replan(connection: Connection, order: dict[str, Any], visit: dict[str, Any]) -> bool:
    wanted = _plan_values(order)
    changed = any(_differs(visit[key], value) for key, value in wanted.items()) or visit["status"] != "planned"
    if changed:
        connection.execute(
            update(VISIT)
            .where(VISIT.c.id == order["visit_id"])
            .values(status="planned", updated_at=now_utc(), **wanted)
        )
        _audit(connection, order["visit_id"], "order_changed", request=order["request_number"])
    return changed


def _differs(stored: Any, wanted: Any) -> bool:
    if isinstance(stored, datetime) and isinstance(wanted, datetime):
        return stored.astimezone(UTC) != wanted.astimezone(UTC)
    return bool(stored != wanted)


def _set_status(connection: Connection, visit_id: str, status: str, action: str) -> None:
    connection.execute(update(VISIT).where(VISIT.c.id == visit_id).values(status=status, updated_at=now_utc()))
    _audit(connection, visit_id, action, status=status)


def _audit(connection: Connection, visit_id: str, action: str, **details: Any) -> None:
    connection.execute(
        insert(AUDIT).values(
            at=now_utc(),
            actor="dispatch",
            action=action,
            visit_id=visit_id,
            details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
        )
    )


def office_notices(me: str, orders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One notice per order and state; a repeated report adds nothing (the key is unique)."""
    notices = []
    for order in orders:
        what_ru, what_en = (
            ("отменена", "cancelled") if order["state"] == "cancelled" else ("передана другому технику", "reassigned")
        )
        notices.append(
            {
                "key": f"order-{order['state']}-after-start:{order['visit_id']}",
                "at": now_utc(),
                "technician_id": me,
                "visit_id": order["visit_id"],
                "kind": f"order_{order['state']}_after_start",
                "message": say(
                    f"Заявка {order['request_number']} {what_ru}, но техник уже начал работу по ней: "
                    "визит продолжается, решите, как быть.",
                    f"Order {order['request_number']} was {what_en} after the technician had started on it: "
                    "the visit goes on; decide what to do.",
                ),
            }
        )
    return notices


def office_told(local: Database, orders: list[dict[str, Any]]) -> None:
    with local.engine.begin() as connection:
        for order in orders:
            connection.execute(
                update(WORK_ORDER).where(WORK_ORDER.c.visit_id == order["visit_id"]).values(office_told=order["state"])
            )


# --- push ---------------------------------------------------------------------------------------------------------


@dataclass
class VisitPayload:
    visit: dict[str, Any]
    contract: dict[str, Any]
    subscriber: dict[str, Any]
    children: dict[str, list[dict[str, Any]]]
    acts: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    rating: dict[str, Any] | None = None  # the subscriber's, given after the act: sent even for a frozen visit


def read_payload(connection: Connection, visit_id: str, device: str) -> VisitPayload:
    visit = dict(connection.execute(select(VISIT).where(VISIT.c.id == visit_id)).mappings().one())
    contract = dict(connection.execute(select(CONTRACT).where(CONTRACT.c.id == visit["contract_id"])).mappings().one())
    subscriber = connection.execute(select(SUBSCRIBER).where(SUBSCRIBER.c.id == contract["subscriber_id"]))
    children = {}
    for table in CHILDREN:
        rows = [dict(row) for row in connection.execute(select(table).where(table.c.visit_id == visit_id)).mappings()]
        if table.name in SERIAL_IDS:
            for row in rows:
                row.pop("id")
        children[table.name] = rows
    acts = [dict(row) for row in connection.execute(select(ACT).where(ACT.c.visit_id == visit_id)).mappings()]
    acts.sort(key=lambda act: act["version"])
    audit = []
    for row in connection.execute(
        select(AUDIT).where(AUDIT.c.visit_id == visit_id, AUDIT.c.origin.is_(None)).order_by(AUDIT.c.id)
    ).mappings():
        event = dict(row)
        event["origin"], event["origin_id"] = device, event.pop("id")
        audit.append(event)
    rating = connection.execute(select(RATING).where(RATING.c.visit_id == visit_id)).mappings().first()
    return VisitPayload(
        visit, contract, dict(subscriber.mappings().one()), children, acts, audit, dict(rating) if rating else None
    )


@dataclass(frozen=True, slots=True)
class Delivered:
    fresh: bool  # False: the central database had all of it already (a lost acknowledgement)
    kept_aside: tuple[str, ...] = ()
    in_place: tuple[str, ...] = ()  # the ids of the acts the central database now holds exactly as sent


def push_visit(central: Connection, payload: VisitPayload, me: str) -> Delivered:
    """One visit with everything it has, inside the caller's transaction."""
    visit_id = payload.visit["id"]
    central.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:id, 0))"), {"id": visit_id})
    frozen = central.execute(select(ACT.c.id).where(ACT.c.visit_id == visit_id).limit(1)).first() is not None
    fresh = False
    if not frozen:
        contract_id = _central_contract(central, payload)
        written = central.execute(VISIT_UPSERT, payload.visit | {"contract_id": contract_id}).first()
        if written is not None:  # None: the central copy is this very version already (a lost acknowledgement)
            for table in CHILDREN:
                if not written.inserted:
                    central.execute(delete(table).where(table.c.visit_id == visit_id))
                _insert_rows(central, table, payload.children.get(table.name) or [])
            fresh = True
    else:  # after the act only the closing answers and the measures may still change
        fresh = bool(
            central.execute(
                text("SELECT fieldact_visit_after_act(:id, :closing, :kept, :changed)"),
                {
                    "id": visit_id,
                    "closing": payload.visit["closing"],
                    "kept": payload.visit["standard_kept"],
                    "changed": payload.visit["updated_at"],
                },
            ).scalar()
        )
    if payload.rating is not None:
        added = central.execute(
            pg_insert(RATING).values(payload.rating).on_conflict_do_nothing().returning(RATING.c.visit_id)
        )
        fresh = fresh or bool(added.all())
    kept_aside, in_place = [], []
    for act in payload.acts:
        verdict = _store_act(central, act)
        fresh = fresh or verdict == "stored"
        if verdict == "conflict":
            kept_aside.append(_keep_aside(central, act, me, payload.visit))
        else:
            in_place.append(act["id"])
    if payload.audit:
        added = central.execute(
            pg_insert(AUDIT).on_conflict_do_nothing(index_elements=["origin", "origin_id"]).returning(AUDIT.c.id),
            payload.audit,
        )
        fresh = fresh or bool(added.all())
    return Delivered(fresh, tuple(kept_aside), tuple(in_place))


def _insert_rows(central: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """A child table's rows, sent as one multi-row INSERT (``batched_inserts``): the quality triggers refresh the
    visit once per statement (migration 0011), and one statement is one round trip. (One array per column through
    ``unnest`` would keep the statement's text the same for any count of rows; measured, psycopg's dumping of the
    arrays, photos' bytes among them, cost the service and PostgreSQL more than the parsing it saved.)"""
    # Every row gets the same columns (a missing one is NULL, an unknown one is left out): the rows go as one
    # statement, and a row a tablet sent short must end as the database's refusal, not as a compile error.
    names = [column.name for column in table.columns if any(column.name in row for row in rows)]
    shaped = [{name: row.get(name) for name in names} for row in rows]
    if not shaped:
        return
    try:
        central.execute(insert(table), shaped)
    except StatementError as error:
        if isinstance(error, DBAPIError):
            raise
        raise RowUnfit(_unfit_sentence(table, names, shaped, central.dialect)) from None


def _unfit_sentence(table: Table, names: list[str], rows: list[dict[str, Any]], dialect: Dialect) -> str:
    """Which column's value its type could not take (a time that is not a time, one without its zone), in words."""
    unfit = "?"
    for name in names:
        process = table.c[name].type._cached_bind_processor(dialect)
        try:
            for row in rows:
                if process is not None:
                    process(row[name])
        except (AttributeError, TypeError, ValueError):
            unfit = name
            break
    return say(
        f"в строке таблицы {table.name} значение {unfit} не того вида; визит не сохранён. Сообщите в офис.",
        f"a row of {table.name} has a {unfit} of the wrong kind; the visit is not stored. Tell the office.",
    )


def _central_contract(central: Connection, payload: VisitPayload) -> str:
    """The contract the visit is pushed with: the tablet's own, added when new.

    An order's visit already has its contract centrally and keeps it (a tablet cannot move a visit to another
    contract). A tablet cannot look a contract up by its number: a new visit whose contract number the central
    database holds under another record is refused, so a tablet never reaches another subscriber that way."""
    contract = payload.contract
    state = central.execute(
        text("SELECT fieldact_contract_state(:number, :id)"), {"number": contract["number"], "id": contract["id"]}
    ).scalar()
    if state == "stored":  # an order's contract, pulled with its central id: one round trip, as before
        return str(contract["id"])
    if state == "taken" and not _visit_is_central(central, payload.visit["id"]):
        raise ContractTaken(
            say(
                f"договор {contract['number']} уже есть в центральной базе под другой записью: визит по нему должен "
                "прийти заявкой от диспетчера. Сообщите в офис.",
                f"contract {contract['number']} is held centrally under another record: a visit on it must come as "
                "an order from dispatch. Tell the office.",
            )
        )
    central.execute(pg_insert(SUBSCRIBER).values(**payload.subscriber).on_conflict_do_nothing())
    central.execute(pg_insert(CONTRACT).values(**contract).on_conflict_do_nothing())
    return str(contract["id"])


def _visit_is_central(central: Connection, visit_id: str) -> bool:
    return central.execute(select(VISIT.c.id).where(VISIT.c.id == visit_id)).first() is not None


class VisitNotStorable(Exception):
    """The visit as sent cannot be stored centrally; the exception's text says why, for the technician."""


class ContractTaken(VisitNotStorable):
    """A tablet's new visit names a contract number held centrally under another record."""


class RowUnfit(VisitNotStorable):
    """A row sent with a value its column cannot take (a time that is not a time, one without its zone)."""


# Columns a tablet may not change on a visit already stored centrally (its grants leave them out).
VISIT_IDENTITY = {"id", "created_at", "contract_id", "technician_id", "request_number"}


def _visit_upsert() -> Any:
    """Insert the visit, or update it unless the central copy has the same ``updated_at`` (every change on the
    tablet moves it); returns a row with ``inserted`` when something was written, no row when nothing was. One
    statement for every visit, its values bound at execution."""
    statement = pg_insert(VISIT)
    changes = {
        column.name: statement.excluded[column.name] for column in VISIT.columns if column.name not in VISIT_IDENTITY
    }
    return statement.on_conflict_do_update(
        index_elements=["id"],
        set_=changes,
        where=VISIT.c.updated_at.is_distinct_from(statement.excluded.updated_at),
    ).returning(literal_column("(xmax = 0)").label("inserted"))  # xmax = 0 only for a row inserted just now


VISIT_UPSERT = _visit_upsert()


ACT_DIGEST = text(
    "SELECT visit_id, number, version, encode(sha256(pdf), 'hex') AS pdf_sha256, content_sha256, ink_sha256 "
    "FROM act WHERE id = :id"
)


def _store_act(central: Connection, act: dict[str, Any]) -> str:
    """'stored', 'same' (already there, byte for byte) or 'conflict' (a different act holds its id or number)."""
    ours = {
        "visit_id": act["visit_id"],
        "number": act["number"],
        "version": act["version"],
        "pdf_sha256": sha256_hex(act["pdf"]),
        "content_sha256": act["content_sha256"],
        "ink_sha256": act["ink_sha256"],
    }
    stored = central.execute(ACT_DIGEST, {"id": act["id"]}).mappings().first()
    if stored is not None:
        return "same" if dict(stored) == ours else "conflict"
    added = central.execute(pg_insert(ACT).values(**act).on_conflict_do_nothing().returning(ACT.c.id)).first()
    return "stored" if added else "conflict"


def _keep_aside(central: Connection, act: dict[str, Any], me: str, visit: dict[str, Any]) -> str:
    kept = {key: act[key] for key in ("number", "version", "signed_at", "signer_name", "pdf", "pdf_sha256")}
    kept |= {key: act[key] for key in ("content", "content_sha256", "ink", "ink_sha256", "visit_id")}
    reason = "another act is stored with this id, or with this number and version"
    central.execute(
        pg_insert(ACT_CONFLICT)
        .values(received_at=func.now(), technician_id=me, origin=visit["id"], act_id=act["id"], reason=reason, **kept)
        .on_conflict_do_nothing()
    )
    message = say(
        f"Акт {act['number']} v{act['version']} ({act['id']}) не записан: в центральной базе уже есть другой акт "
        "с тем же номером или идентификатором. Он отложен отдельно, офис уведомлён.",
        f"Act {act['number']} v{act['version']} ({act['id']}) was not stored: the central database holds a "
        "different act with its id or number. It is kept aside and the office is told.",
    )
    central.execute(
        pg_insert(OFFICE_NOTICE)
        .values(
            key=f"act-conflict:{act['id']}:{act['pdf_sha256'][:16]}",
            at=func.now(),
            technician_id=me,
            visit_id=act["visit_id"],
            kind="act_conflict",
            message=message,
        )
        .on_conflict_do_nothing()
    )
    return message


def _due(connection: Connection, at: datetime, limit: int | None) -> list[str]:
    """Visits to try now, ``at`` on the server's clock. A next attempt further ahead than any back-off was set by
    a clock that was wrong then (or before retries ran on the server's clock): it is due now, not in years."""
    next_attempt = OUTBOX.c.next_attempt_at
    statement = (
        select(OUTBOX.c.visit_id)
        .where(OUTBOX.c.confirmed_at.is_(None))
        .where(
            or_(
                next_attempt.is_(None),
                next_attempt <= at,
                next_attempt > at + timedelta(seconds=RETRY_MAX_S + 60),
            )
        )
        .order_by(OUTBOX.c.queued_at, OUTBOX.c.visit_id)
    )
    if limit is not None:
        statement = statement.limit(limit)
    return [row[0] for row in connection.execute(statement)]


def push_finished(
    local: Database, central: Engine, limit: int | None = None, clock: Clock = SYSTEM_CLOCK
) -> PushReport:
    """Push every due visit of the outbox, each in its own central transaction.

    A lost connection stops the pass (raised, the caller backs off); a visit the central database refuses is
    marked with the reason and retried later with a growing delay (on the server's clock), and the others go on.
    """
    device = device_id(local)
    report = PushReport()
    with central.connect() as connection:
        me = tablet_technician(connection)
        server = server_time(connection, clock)
        connection.rollback()
        with local.engine.connect() as reader:
            due = _due(reader, server.now(clock), limit)
        for visit_id in due:
            with local.engine.connect() as reader:
                payload = read_payload(reader, visit_id, device)
            if payload.visit["technician_id"] != me:
                _failed(local, visit_id, _not_mine(), report, server.now(clock))
                continue
            try:
                with connection.begin():
                    delivered = push_visit(connection, payload, me)
            except DBAPIError as error:
                if _is_offline(error):
                    raise
                _failed(local, visit_id, _refused_sentence(error), report, server.now(clock))
                continue
            except VisitNotStorable as error:
                _failed(local, visit_id, str(error), report, server.now(clock))
                continue
            _confirmed(local, visit_id, delivered, report, clock)
    _remember(local, last_push_at=clock.now(), last_error="")
    report.waiting = sync_status(local).waiting
    report.next_attempt_in = next_attempt_in(local, server.now(clock)) if report.waiting else None
    return report


def next_attempt_in(local: Database, at: datetime) -> timedelta | None:
    """Until the soonest waiting visit is due again, at ``at`` on the server's clock; None when none waits."""
    with local.engine.connect() as connection:
        soonest = connection.execute(
            select(func.min(OUTBOX.c.next_attempt_at)).where(OUTBOX.c.confirmed_at.is_(None))
        ).scalar()
    if soonest is None:
        return None
    return max((soonest.replace(tzinfo=UTC) if soonest.tzinfo is None else soonest) - at, timedelta(0))


def _not_mine() -> str:
    return say(
        "визит другого техника: этот вход в центральную базу его отправить не может.",
        "another technician's visit: this central login cannot send it.",
    )


def _refused_sentence(error: DBAPIError) -> str:
    detail = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
    return say(
        f"центральная база не приняла визит ({detail}); попытка повторится позже.",
        f"the central database refused the visit ({detail}); it will be tried again later.",
    )


def _is_offline(error: DBAPIError) -> bool:
    return bool(error.connection_invalidated) or isinstance(error, OperationalError | SAInterfaceError)


def _failed(local: Database, visit_id: str, why: str, report: PushReport, server_now: datetime) -> None:
    with local.engine.begin() as connection:
        attempts = connection.execute(select(OUTBOX.c.attempts).where(OUTBOX.c.visit_id == visit_id)).scalar_one()
        delay = min(RETRY_FIRST_S * 2**attempts, RETRY_MAX_S)
        connection.execute(
            update(OUTBOX)
            .where(OUTBOX.c.visit_id == visit_id)
            .values(attempts=attempts + 1, last_error=why, next_attempt_at=server_now + timedelta(seconds=delay))
        )
    report.failed.append((visit_id, why))


def _confirmed(local: Database, visit_id: str, delivered: Delivered, report: PushReport, clock: Clock) -> None:
    with local.engine.begin() as connection:
        connection.execute(
            update(OUTBOX)
            .where(OUTBOX.c.visit_id == visit_id)
            .values(
                confirmed_at=clock.now(),
                attempts=OUTBOX.c.attempts + 1,
                last_error="",
                next_attempt_at=None,
                conflict=" ".join(delivered.kept_aside),
            )
        )
    if delivered.fresh:
        report.pushed += 1
    else:
        report.already_there += 1
    report.kept_aside += list(delivered.kept_aside)


# --- one pass, retries, the background loop ----------------------------------------------------------------------


@contextmanager
def _engine_for(url: str | None, engine: Engine | None) -> Iterator[tuple[Engine, str]]:
    if engine is not None:
        yield engine, engine.url.render_as_string(hide_password=False)
        return
    resolved = central_url(url)
    made = central_engine(resolved)
    try:
        yield made, resolved
    finally:
        made.dispose()


def sync_once(
    local: Database, url: str | None = None, engine: Engine | None = None, clock: Clock = SYSTEM_CLOCK
) -> SyncReport:
    """Pull orders, then push finished visits. Never raises for the network or the central side: the report says."""
    report = SyncReport()
    try:
        with _engine_for(url, engine) as (central, resolved):
            try:
                report.pull = pull_orders(local, central, clock=clock)
                report.push = push_finished(local, central, clock=clock)
            except DBAPIError as error:
                if _is_local(local, error):
                    raise
                report.offline = _is_offline(error)
                report.error = unreachable_sentence(resolved, error) if report.offline else _refused_sentence(error)
    except (CentralUnavailable, SyncRefused) as error:
        report.error = str(error)
    except (SQLAlchemyError, OSError) as error:  # the tablet's own database: never blamed on the central one
        report.error = local_failed_sentence(error)
    if report.error:
        _note_failure(local, report, clock)
    return report


def _is_local(local: Database, error: DBAPIError) -> bool:
    """The central database is PostgreSQL; an SQLite error can only be the tablet's own file."""
    return local.path is not None and isinstance(error.orig, sqlite3.Error)


def local_failed_sentence(error: Exception) -> str:
    detail = str(getattr(error, "orig", error)).strip().splitlines()[0]
    if "disk is full" in detail or getattr(error, "errno", None) == errno.ENOSPC:
        cause_ru, cause_en = "на диске планшета нет места", "the tablet's storage is full"
        fix_ru, fix_en = "освободите место на планшете", "free some space on the tablet"
    else:
        cause_ru = cause_en = detail
        fix_ru, fix_en = "если это повторяется, обратитесь в поддержку", "if it happens again, call support"
    return say(
        f"Синхронизация не закончена: база данных планшета не записала изменения ({cause_ru}). Всё сохранённое "
        f"остаётся на планшете; {fix_ru} — синхронизация повторится сама.",
        f"The sync did not finish: the tablet's database could not write ({cause_en}). Everything saved stays on "
        f"the tablet; {fix_en}, and the sync will run again by itself.",
    )


def _note_failure(local: Database, report: SyncReport, clock: Clock) -> None:
    try:
        _remember(local, last_error=report.error, last_error_at=clock.now())
        report.push.waiting = sync_status(local).waiting
    except (SQLAlchemyError, OSError):
        pass  # the tablet's database cannot take even this note (a full disk): the report still says why


def backoff(failures: int, first: float = OFFLINE_FIRST_S, most: float = OFFLINE_MAX_S) -> float:
    """Seconds to wait after this many failures in a row: doubling from ``first``, never above ``most``."""
    return float(min(first * 2 ** max(failures - 1, 0), most))


def sync_with_retries(
    local: Database,
    url: str | None = None,
    attempts: int = 4,
    sleep: Callable[[float], object] | None = None,
    engine: Engine | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> SyncReport:
    """``sync_once`` again after a growing pause while the network is down, at most ``attempts`` times."""
    pause = sleep or time.sleep
    report = sync_once(local, url, engine, clock)
    for failure in range(1, attempts):
        if not report.offline:
            break
        pause(backoff(failure))
        report = sync_once(local, url, engine, clock)
    return report


class SyncLoop:
    """Sync in a background thread while the app runs: every ``interval_s``, sooner on ``wake()``, backing off
    while the network is down. ``on_report`` is called from that thread (hand it to the UI thread yourself)."""

    def __init__(
        self,
        local: Database,
        url: str | None = None,
        interval_s: float = LOOP_INTERVAL_S,
        on_report: Callable[[SyncReport], None] | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.local, self.url, self.interval_s, self.on_report = local, url, interval_s, on_report
        self.clock = clock
        self.last_report: SyncReport | None = None  # the day screen reads it (the clock check) from its thread
        self._stop, self._wake = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self.run, name="fieldact-sync", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def sync(self) -> SyncReport:
        """One pass; the service's loop (service/client.py) syncs over HTTPS instead."""
        return sync_once(self.local, self.url, clock=self.clock)

    def run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            report = self._pass()
            self.last_report = report
            failures = failures + 1 if report.offline else 0
            if self.on_report is not None:
                self.on_report(report)
            self._wake.wait(backoff(failures) if failures else self.interval_s)
            self._wake.clear()

    def _pass(self) -> SyncReport:
        """One sync; whatever goes wrong is logged and reported, and the loop lives on to try again."""
        try:
            return self.sync()
        except Exception as error:  # noqa: BLE001 - a dead sync thread would leave acts on the tablet unseen
            logging.getLogger("fieldact").exception("sync pass failed")
            return SyncReport(
                offline=True,
                error=say(
                    f"Синхронизация не удалась ({type(error).__name__}: {error}); она повторится сама. "
                    "Если это повторяется, обратитесь в поддержку.",
                    f"The sync failed ({type(error).__name__}: {error}); it will run again by itself. "
                    "If it happens again, call support.",
                ),
            )
