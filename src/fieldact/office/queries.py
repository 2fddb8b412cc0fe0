"""Finding acts: filters, sorting and pages that stay fast on 100,000 visits.

Queries are SQLAlchemy Core over the tables (no ORM objects per row) and portable between SQLite and PostgreSQL.
The list never reads an act's ``pdf`` or ``content``; only opening or exporting an act does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from fieldact.standard import Service, VisitKind
from fieldact.store import tables
from fieldact.store.db import Database

ACT = tables.Act.__table__  # type: ignore[attr-defined]
VISIT = tables.Visit.__table__  # type: ignore[attr-defined]
CONTRACT = tables.Contract.__table__  # type: ignore[attr-defined]
SUBSCRIBER = tables.Subscriber.__table__  # type: ignore[attr-defined]
TECHNICIAN = tables.Technician.__table__  # type: ignore[attr-defined]
PAGE_SIZE = 200
LIKE_ESCAPE = "\\"


class ActStatus(StrEnum):
    SIGNED = "signed"
    REFUSED = "refused"
    SUPERSEDED = "superseded"  # a corrected version of the act exists


class SortKey(StrEnum):
    SIGNED_AT = "signed_at"
    NUMBER = "number"
    CONTRACT = "contract"
    SUBSCRIBER = "subscriber"
    TECHNICIAN = "technician"
    KIND = "kind"


@dataclass(frozen=True, slots=True)
class ActFilter:
    """What the office looks for; every field left empty matches everything. Dates are local and inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    technician_id: str | None = None
    contract: str = ""  # the number or its beginning
    subscriber: str = ""  # «Фамилия [Имя [Отчество]]», each word or its beginning
    kind: VisitKind | None = None
    service: Service | None = None
    status: ActStatus | None = None


@dataclass(frozen=True, slots=True)
class Sorting:
    key: SortKey = SortKey.SIGNED_AT
    descending: bool = True


@dataclass(frozen=True, slots=True)
class ActRow:
    """A line of the office list."""

    act_id: str
    number: str
    version: int
    status: ActStatus
    signed_at: datetime  # in the visit's zone
    contract: str
    subscriber: str
    address: str
    technician: str
    technician_id: str
    kind: VisitKind
    services: tuple[Service, ...]
    visit_id: str


@dataclass(frozen=True, slots=True)
class TechnicianChoice:
    id: str
    name: str
    active: bool


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[ActRow] = field(default_factory=list)
    more: bool = False


def superseded() -> ColumnElement[bool]:
    newer = aliased(ACT, name="newer")
    return exists().where(newer.c.supersedes_id == ACT.c.id)


def day_bounds(first: date | None, last: date | None, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """Local days, inclusive, as a half-open UTC-comparable range."""
    start = datetime.combine(first, time(0), zone) if first else None
    end = datetime.combine(last + timedelta(days=1), time(0), zone) if last else None
    return start, end


def like_prefix(text: str) -> str:
    escaped = text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    return escaped + "%"


def _spellings(word: str) -> list[str]:
    """SQLite's LIKE folds only ASCII letters, so Cyrillic case is matched by trying the usual spellings."""
    return sorted({word, word.lower(), word.capitalize(), word.upper()})


def _name_condition(text: str) -> ColumnElement[bool] | None:
    columns = (SUBSCRIBER.c.surname, SUBSCRIBER.c.first_name, SUBSCRIBER.c.patronymic)
    conditions = []
    for word, column in zip(text.split(), columns, strict=False):
        conditions.append(or_(*(column.like(like_prefix(s), escape=LIKE_ESCAPE) for s in _spellings(word))))
    return and_(*conditions) if conditions else None


def _service_condition(service: Service) -> ColumnElement[bool]:
    # services is "internet,tv": a service is one comma-separated key, so look for ",key," in ",services,".
    padded = literal(",") + VISIT.c.services + literal(",")
    return padded.like(f"%,{service.value},%")


def _status_condition(status: ActStatus) -> ColumnElement[bool]:
    if status is ActStatus.SUPERSEDED:
        return superseded()
    return and_(ACT.c.outcome == status.value, ~superseded())


@dataclass(frozen=True, slots=True)
class _Conditions:
    act: list[ColumnElement[bool]]
    visit: list[ColumnElement[bool]]
    contract: list[ColumnElement[bool]]
    subscriber: list[ColumnElement[bool]]


def _conditions(wanted: ActFilter, zone: ZoneInfo) -> _Conditions:
    found = _Conditions([], [], [], [])
    start, end = day_bounds(wanted.date_from, wanted.date_to, zone)
    if start is not None:
        found.act.append(ACT.c.signed_at >= start)
    if end is not None:
        found.act.append(ACT.c.signed_at < end)
    if wanted.status is not None:
        found.act.append(_status_condition(wanted.status))
    if wanted.technician_id:
        found.visit.append(VISIT.c.technician_id == wanted.technician_id)
    if wanted.kind is not None:
        found.visit.append(VISIT.c.kind == wanted.kind.value)
    if wanted.service is not None:
        found.visit.append(_service_condition(wanted.service))
    if wanted.contract.strip():
        found.contract.append(CONTRACT.c.number.like(like_prefix(wanted.contract.strip()), escape=LIKE_ESCAPE))
    name = _name_condition(wanted.subscriber)
    if name is not None:
        found.subscriber.append(name)
    return found


def _filtered(statement: Select, wanted: ActFilter, zone: ZoneInfo, full: bool) -> Select:
    """Join only what the filters (or, for a full row, the columns) need."""
    found = _conditions(wanted, zone)
    need_subscriber = full or bool(found.subscriber)
    need_contract = need_subscriber or bool(found.contract)
    need_visit = need_contract or bool(found.visit)
    source = ACT
    if need_visit:
        source = source.join(VISIT, VISIT.c.id == ACT.c.visit_id)
    if need_contract:
        source = source.join(CONTRACT, CONTRACT.c.id == VISIT.c.contract_id)
    if need_subscriber:
        source = source.join(SUBSCRIBER, SUBSCRIBER.c.id == CONTRACT.c.subscriber_id)
    if full:
        source = source.join(TECHNICIAN, TECHNICIAN.c.id == VISIT.c.technician_id)
    conditions = found.act + found.visit + found.contract + found.subscriber
    return statement.select_from(source).where(*conditions)


def _order(sorting: Sorting) -> list[ColumnElement]:
    column = {
        SortKey.SIGNED_AT: ACT.c.signed_at,
        SortKey.NUMBER: ACT.c.number,
        SortKey.CONTRACT: CONTRACT.c.number,
        SortKey.SUBSCRIBER: SUBSCRIBER.c.surname,
        SortKey.TECHNICIAN: TECHNICIAN.c.surname,
        SortKey.KIND: VISIT.c.kind,
    }[sorting.key]
    direction = (lambda c: c.desc()) if sorting.descending else (lambda c: c.asc())
    keys = [direction(column)]
    if sorting.key is SortKey.NUMBER:
        keys.append(direction(ACT.c.version))
    elif sorting.key is not SortKey.SIGNED_AT:
        keys.append(ACT.c.signed_at.desc())
    keys.append(direction(ACT.c.id))  # a total order, so pages neither repeat nor skip rows
    return keys


ROW_COLUMNS = (
    ACT.c.id,
    ACT.c.number,
    ACT.c.version,
    ACT.c.outcome,
    superseded().label("superseded"),
    ACT.c.signed_at,
    ACT.c.visit_id,
    VISIT.c.kind,
    VISIT.c.services,
    VISIT.c.zone,
    VISIT.c.technician_id,
    CONTRACT.c.number.label("contract"),
    CONTRACT.c.address,
    SUBSCRIBER.c.surname,
    SUBSCRIBER.c.first_name,
    SUBSCRIBER.c.patronymic,
    TECHNICIAN.c.surname.label("technician_surname"),
    TECHNICIAN.c.first_name.label("technician_first_name"),
)


def _row(values: Sequence) -> ActRow:  # type: ignore[type-arg]
    (act_id, number, version, outcome, is_superseded, signed_at, visit_id, kind, services, zone, technician_id,
     contract, address, surname, first_name, patronymic, tech_surname, tech_first) = values  # fmt: skip
    status = ActStatus.SUPERSEDED if is_superseded else ActStatus(outcome)
    return ActRow(
        act_id=act_id,
        number=number,
        version=version,
        status=status,
        signed_at=signed_at.astimezone(ZoneInfo(zone)),
        contract=contract,
        subscriber=" ".join(p for p in (surname, first_name, patronymic) if p),
        address=address,
        technician=f"{tech_surname} {tech_first}",
        technician_id=technician_id,
        kind=VisitKind(kind),
        services=tuple(Service(s) for s in services.split(",") if s),
        visit_id=visit_id,
    )


def search(
    database: Database,
    wanted: ActFilter,
    zone: ZoneInfo,
    sorting: Sorting = Sorting(),
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of the acts found; ``more`` tells whether another page follows."""
    statement = _filtered(select(*ROW_COLUMNS), wanted, zone, full=True)
    statement = statement.order_by(*_order(sorting)).offset(offset).limit(limit + 1)
    with database.engine.connect() as connection:
        rows = [_row(values) for values in connection.execute(statement)]
    return Page(rows[:limit], len(rows) > limit)


def count(database: Database, wanted: ActFilter, zone: ZoneInfo) -> int:
    statement = _filtered(select(func.count()), wanted, zone, full=False)
    with database.engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def act_ids(database: Database, wanted: ActFilter, zone: ZoneInfo, sorting: Sorting = Sorting()) -> list[str]:
    """Every act found, in the list's order: what "export all found" exports."""
    statement = _filtered(select(ACT.c.id), wanted, zone, full=True).order_by(*_order(sorting))
    with database.engine.connect() as connection:
        return [row[0] for row in connection.execute(statement)]


def technicians(database: Database) -> list[TechnicianChoice]:
    """Everyone who may have acts, including technicians no longer active."""
    statement = select(TECHNICIAN.c.id, TECHNICIAN.c.surname, TECHNICIAN.c.first_name, TECHNICIAN.c.active).order_by(
        TECHNICIAN.c.surname, TECHNICIAN.c.first_name, TECHNICIAN.c.id
    )
    with database.engine.connect() as connection:
        return [
            TechnicianChoice(id_, f"{surname} {first}", bool(active))
            for id_, surname, first, active in connection.execute(statement)
        ]


def load_act(database: Database, act_id: str) -> tables.Act:
    from sqlmodel import Session

    with Session(database.engine, expire_on_commit=False) as session:
        row = session.get(tables.Act, act_id)
    if row is None:
        raise KeyError(act_id)
    return row


def audit_trail(database: Database, visit_id: str) -> list[tables.AuditEvent]:
    from sqlmodel import Session

    from fieldact.store import audit

    with Session(database.engine, expire_on_commit=False) as session:
        return audit.trail(session, visit_id)
