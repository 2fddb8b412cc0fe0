"""Finding acts: filters, sorting and pages that stay fast on 100,000 visits.

Queries are SQLAlchemy Core over the tables (no ORM objects per row) and portable between SQLite and PostgreSQL.
The list never reads an act's ``pdf`` or ``content``; only opening or exporting an act does.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, Table, and_, case, exists, func, literal, or_, select
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
COUNT_CAP = 1000
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


NEWEST_FIRST = Sorting()


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


def starts_with(column: ColumnElement[str], prefix: str, binary: bool) -> ColumnElement[bool]:
    """``column`` begins with ``prefix``. Under a binary collation (SQLite's) a range as well, so that an index
    can serve it: SQLite's LIKE cannot use one. A linguistic collation (PostgreSQL's, often) may sort the range's
    end before some matches, so there LIKE alone decides."""
    matches = column.like(like_prefix(prefix), escape=LIKE_ESCAPE)
    if not binary:
        return matches
    successor = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < successor, matches)


def _name_condition(person: Table, text: str, binary: bool) -> ColumnElement[bool] | None:
    columns = (person.c.surname, person.c.first_name, person.c.patronymic)
    conditions = []
    for word, column in zip(text.split(), columns, strict=False):
        conditions.append(or_(*(starts_with(column, s, binary) for s in _spellings(word))))
    return and_(*conditions) if conditions else None


def _service_condition(service: Service) -> ColumnElement[bool]:
    # services is "internet,tv": a service is one comma-separated key, so look for ",key," in ",services,".
    padded = literal(",") + VISIT.c.services + literal(",")
    return padded.like(f"%,{service.value},%")


def _status_condition(status: ActStatus) -> ColumnElement[bool]:
    if status is ActStatus.SUPERSEDED:
        return superseded()
    return and_(ACT.c.outcome == status.value, ~superseded())


def _visits_of(wanted: ActFilter, binary: bool) -> Select | None:
    """The visits a selective filter (technician, contract, subscriber) leaves, as a subquery of visit ids.

    As ``act.visit_id IN (…)`` it makes the database start from these few visits whether or not it has
    statistics; joined instead, SQLite without ANALYZE walks every act by date and tests each one."""
    visit, contract, person = VISIT.alias("key_visit"), CONTRACT.alias("key_contract"), SUBSCRIBER.alias("key_person")
    conditions: list[ColumnElement[bool]] = []
    source = visit
    if wanted.technician_id:
        conditions.append(visit.c.technician_id == wanted.technician_id)
    name = _name_condition(person, wanted.subscriber, binary)
    if wanted.contract.strip() or name is not None:
        source = source.join(contract, contract.c.id == visit.c.contract_id)
        if wanted.contract.strip():
            conditions.append(starts_with(contract.c.number, wanted.contract.strip(), binary))
        if name is not None:
            source = source.join(person, person.c.id == contract.c.subscriber_id)
            conditions.append(name)
    if not conditions:
        return None
    return select(visit.c.id).select_from(source).where(*conditions)


def _act_conditions(wanted: ActFilter, zone: ZoneInfo, binary: bool) -> list[ColumnElement[bool]]:
    conditions = []
    start, end = day_bounds(wanted.date_from, wanted.date_to, zone)
    if start is not None:
        conditions.append(ACT.c.signed_at >= start)
    if end is not None:
        conditions.append(ACT.c.signed_at < end)
    if wanted.status is not None:
        conditions.append(_status_condition(wanted.status))
    visits = _visits_of(wanted, binary)
    if visits is not None:
        conditions.append(ACT.c.visit_id.in_(visits))
    return conditions


def _visit_conditions(wanted: ActFilter) -> list[ColumnElement[bool]]:
    """Filters that keep about half the visits each: cheaper tested on every act than looked up."""
    conditions = []
    if wanted.kind is not None:
        conditions.append(VISIT.c.kind == wanted.kind.value)
    if wanted.service is not None:
        conditions.append(_service_condition(wanted.service))
    return conditions


def binary_collation(database: Database) -> bool:
    return database.engine.dialect.name == "sqlite"


def _filtered(
    statement: Select, wanted: ActFilter, zone: ZoneInfo, binary: bool, sort: SortKey | None = None, full: bool = False
) -> Select:
    """Join only what the filters, the sort key (or, for a full row, the columns) need."""
    visit_conditions = _visit_conditions(wanted)
    person = full or sort is SortKey.SUBSCRIBER
    contract = person or sort is SortKey.CONTRACT
    technician = full or sort is SortKey.TECHNICIAN
    source = ACT
    if contract or technician or visit_conditions or sort is SortKey.KIND:
        source = source.join(VISIT, VISIT.c.id == ACT.c.visit_id)
    if contract:
        source = source.join(CONTRACT, CONTRACT.c.id == VISIT.c.contract_id)
    if person:
        source = source.join(SUBSCRIBER, SUBSCRIBER.c.id == CONTRACT.c.subscriber_id)
    if technician:
        source = source.join(TECHNICIAN, TECHNICIAN.c.id == VISIT.c.technician_id)
    return statement.select_from(source).where(*_act_conditions(wanted, zone, binary), *visit_conditions)


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


FULL_ROW = (
    ACT.join(VISIT, VISIT.c.id == ACT.c.visit_id)
    .join(CONTRACT, CONTRACT.c.id == VISIT.c.contract_id)
    .join(SUBSCRIBER, SUBSCRIBER.c.id == CONTRACT.c.subscriber_id)
    .join(TECHNICIAN, TECHNICIAN.c.id == VISIT.c.technician_id)
)
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


def signed_parties(database: Database) -> ColumnElement[str]:
    """The act's own subscriber record and technician's name, as a small JSON array text extracted by the
    database (the list shows what was signed, not rows dispatch may have changed since); NULL when the content is
    not JSON. About 10 µs a row: the page's rows only, never the whole content sent over."""
    if binary_collation(database):
        extracted = func.json_extract(ACT.c.content, "$.subscriber", "$.technician.name")
        return case((func.json_valid(ACT.c.content), extracted), else_=None)
    return func.fieldact_signed_parties(ACT.c.content)


def _signed(found: str | None) -> tuple[dict[str, str], str] | None:
    if not found:
        return None
    try:
        subscriber, technician = json.loads(found)
        names = {key: str(subscriber[key]) for key in ("name", "contract", "address")}
    except (ValueError, TypeError, KeyError):
        return None
    return (names, str(technician)) if technician else None


def _row(values: Sequence) -> ActRow:  # type: ignore[type-arg]
    (act_id, number, version, outcome, is_superseded, signed_at, visit_id, kind, services, zone, technician_id,
     contract, address, surname, first_name, patronymic, tech_surname, tech_first, parties) = values  # fmt: skip
    status = ActStatus.SUPERSEDED if is_superseded else ActStatus(outcome)
    signed = _signed(parties)
    if signed is not None:
        return ActRow(
            act_id=act_id,
            number=number,
            version=version,
            status=status,
            signed_at=signed_at.astimezone(ZoneInfo(zone)),
            contract=signed[0]["contract"],
            subscriber=signed[0]["name"],
            address=signed[0]["address"],
            technician=signed[1],
            technician_id=technician_id,
            kind=VisitKind(kind),
            services=tuple(Service(s) for s in services.split(",") if s),
            visit_id=visit_id,
        )
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
    sorting: Sorting = NEWEST_FIRST,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of the acts found; ``more`` tells whether another page follows.

    In two steps: the page's act ids, found with only the joins the filter and the sort need, then the full rows
    of those ids alone; joined at once, a filter that keeps thousands of acts would join all of them to sort."""
    binary = binary_collation(database)
    ids = _filtered(select(ACT.c.id), wanted, zone, binary, sorting.key).order_by(*_order(sorting))
    with database.engine.connect() as connection:
        page_ids = [row[0] for row in connection.execute(ids.offset(offset).limit(limit + 1))]
        more, page_ids = len(page_ids) > limit, page_ids[:limit]
        if not page_ids:
            return Page([], False)
        columns = (*ROW_COLUMNS, signed_parties(database))
        full = select(*columns).select_from(FULL_ROW).where(ACT.c.id.in_(page_ids))
        found = {row.act_id: row for row in (_row(values) for values in connection.execute(full))}
    return Page([found[act_id] for act_id in page_ids if act_id in found], more)


def count(database: Database, wanted: ActFilter, zone: ZoneInfo, cap: int = COUNT_CAP) -> int:
    """How many acts match, up to ``cap`` + 1: past that the list says "more than ``cap``", and counting on would
    cost as much as reading every match."""
    found = _filtered(select(ACT.c.id), wanted, zone, binary_collation(database)).limit(cap + 1).subquery()
    with database.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(found)).scalar_one())


def act_ids(database: Database, wanted: ActFilter, zone: ZoneInfo, sorting: Sorting = NEWEST_FIRST) -> list[str]:
    """Every act found, in the list's order: what "export all found" exports."""
    statement = _filtered(select(ACT.c.id), wanted, zone, binary_collation(database), sorting.key)
    statement = statement.order_by(*_order(sorting))
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


def standard_kept(database: Database, visit_id: str) -> dict[str, object]:
    """The visit's "standard kept" summary (empty before the visit is finished)."""
    import json

    from sqlmodel import Session

    with Session(database.engine) as session:
        row = session.get(tables.Visit, visit_id)
    kept: dict[str, object] = json.loads(row.standard_kept) if row is not None and row.standard_kept else {}
    return kept
