"""The quality department's figures: is the standard kept, for a period, a technician, a team or everyone, a kind.

The figures come from quality_day, quality_stage_day and quality_item_day, the sums per planned day, technician and
kind that the database's triggers keep as visits arrive (migrations 0007 and 0010), so a year reads a few thousand
rows whatever the number of visits. Drill-downs read visit_quality, the per-visit rows behind the sums. Same SQL on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, case, desc, func, literal, select

from fieldact.store import tables
from fieldact.store.db import Database

DAY = tables.QualityDay.__table__  # type: ignore[attr-defined]
STAGE_DAY = tables.QualityStageDay.__table__  # type: ignore[attr-defined]
VISIT_QUALITY = tables.VisitQuality.__table__  # type: ignore[attr-defined]
ITEM_DAY = tables.QualityItemDay.__table__  # type: ignore[attr-defined]
BRANCH = tables.BranchEvent.__table__  # type: ignore[attr-defined]
ACT = tables.Act.__table__  # type: ignore[attr-defined]
TECHNICIAN = tables.Technician.__table__  # type: ignore[attr-defined]
SUMS = tuple(column.name for column in DAY.columns if column.name not in ("day", "technician_id", "kind"))
LATENESS = ("late_1_15", "late_16_30", "late_31_60", "late_over_60")
OUTLIER_TIMES = 3
RESCHEDULE_BRANCHES = ("another_time", "not_home")
DRILL_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class QualityFilter:
    """A period of planned days (both included), the technicians (none: everyone; several: a team), a kind."""

    first: date
    last: date
    technician_ids: tuple[str, ...] = ()
    kind: str | None = None

    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class Figures:
    """The sums of a selection of visits and the percentages the standard is judged by."""

    sums: Mapping[str, int]
    working_days: int = 0  # technician-days with at least one visit
    stage_minutes: Mapping[str, float] = field(default_factory=dict)  # average minutes per stage

    def __getitem__(self, name: str) -> int:
        return int(self.sums.get(name, 0) or 0)

    @staticmethod
    def share(part: int, whole: int) -> float | None:
        return round(100 * part / whole, 1) if whole else None

    @property
    def precall_pct(self) -> float | None:
        """Pre-calls made in the standard's window, of the visits whose summary was written."""
        return self.share(self["precall_on_time"], self["kept"])

    @property
    def arrival_pct(self) -> float | None:
        return self.share(self["arrival_on_time"], self["arrival_measured"])

    @property
    def required_pct(self) -> float | None:
        return self.share(self["required_done"], self["kept"])

    @property
    def closing_pct(self) -> float | None:
        return self.share(self["closing_done"], self["kept"])

    @property
    def lateness(self) -> dict[str, int]:
        """Arrivals by minutes late: on time (0) and the four bands."""
        late = {name: self[name] for name in LATENESS}
        return {"late_0": self["arrival_measured"] - sum(late.values()), **late}

    @property
    def visits_per_day(self) -> float | None:
        return round(self["visits"] / self.working_days, 2) if self.working_days else None

    @property
    def materials_per_visit(self) -> float | None:
        return round(self["materials"] / self["visits"], 2) if self["visits"] else None

    @property
    def materials_limit(self) -> float | None:
        """Above this many material lines a visit is flagged: three times the average, and at least three more."""
        if not self["visits"]:
            return None
        mean = self["materials"] / self["visits"]
        return max(OUTLIER_TIMES * mean, mean + 3)

    @property
    def rating_avg(self) -> float | None:
        return round(self["rating_sum"] / self["rated"], 2) if self["rated"] else None


class Measure(StrEnum):
    """A number on the dashboard, as the visits behind it."""

    VISITS = "visits"
    PRECALL_MISSED = "precall_missed"
    LATE = "late"
    REQUIRED_MISSED = "required_missed"
    CLOSING_MISSED = "closing_missed"
    ITEMS_FAILED = "items_failed"
    ITEMS_NOT_NEEDED = "items_not_needed"
    REFUSED = "refused"
    RESCHEDULED = "rescheduled"
    CANNOT_FIX = "cannot_fix"
    CREDITED = "credited"
    RATED = "rated"
    MATERIALS_OUTLIER = "materials_outlier"


@dataclass(frozen=True, slots=True)
class VisitLine:
    visit_id: str
    day: str
    technician_id: str
    kind: str
    status: str
    late_minutes: int | None
    materials: int
    rating: int | None


@dataclass(frozen=True, slots=True)
class SkippedItem:
    item_key: str
    not_needed: int
    failed: int


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a visit ended as it did: refused to sign, rescheduled, or the fault could not be fixed there."""

    what: str  # refused | rescheduled | cannot_fix
    visit_id: str
    day: str
    text: str  # the refusal's reason, or what the technician wrote in the branch
    branch_key: str = ""  # the branch of the standard taken (none for a refusal)
    outcome: str = ""  # the branch outcome's key

    def said(self, outcomes: Mapping[tuple[str, str], str]) -> str:
        """The outcome in the standard's words (``outcomes``: branch and outcome key → text), then the text."""
        outcome = outcomes.get((self.branch_key, self.outcome), self.outcome)
        return ": ".join(part for part in (outcome, self.text) if part)


@dataclass(frozen=True, slots=True)
class Dashboard:
    wanted: QualityFilter
    total: Figures
    weeks: list[tuple[date, Figures]]
    technicians: list[tuple[str, str, Figures]]  # id, name, figures
    skipped: list[SkippedItem]
    reasons: list[Reason]
    outliers: list[VisitLine]


def _day_text(day: date) -> str:
    return day.isoformat()


def _conditions(table, wanted: QualityFilter) -> list[ColumnElement[bool]]:  # type: ignore[no-untyped-def]
    found = [table.c.day >= _day_text(wanted.first), table.c.day <= _day_text(wanted.last)]
    if wanted.technician_ids:
        found.append(table.c.technician_id.in_(wanted.technician_ids))
    if wanted.kind:
        found.append(table.c.kind == wanted.kind)
    return found


def _sums(group: ColumnElement | None, database: Database, wanted: QualityFilter) -> dict[object, dict[str, int]]:
    columns = [func.sum(DAY.c[name]).label(name) for name in SUMS]
    key = group if group is not None else literal("all")
    query = select(key.label("key"), *columns).where(*_conditions(DAY, wanted)).group_by(key)
    with database.engine.connect() as connection:
        return {row.key: {name: int(row._mapping[name] or 0) for name in SUMS} for row in connection.execute(query)}


def _working_days(group: ColumnElement | None, database: Database, wanted: QualityFilter) -> dict[object, int]:
    key = group if group is not None else literal("all")
    pairs = (
        select(DAY.c.day, DAY.c.technician_id, key.label("key"))
        .where(*_conditions(DAY, wanted), DAY.c.visits > 0)
        .distinct()
        .subquery()
    )
    query = select(pairs.c.key, func.count()).group_by(pairs.c.key)
    with database.engine.connect() as connection:
        return {row[0]: int(row[1]) for row in connection.execute(query)}


def _stage_minutes(group: ColumnElement | None, database: Database, wanted: QualityFilter) -> dict[object, dict]:
    key = group if group is not None else literal("all")
    query = (
        select(key.label("key"), STAGE_DAY.c.stage_key, func.sum(STAGE_DAY.c.visits), func.sum(STAGE_DAY.c.minutes))
        .where(*_conditions(STAGE_DAY, wanted))
        .group_by(key, STAGE_DAY.c.stage_key)
    )
    found: dict[object, dict[str, float]] = {}
    with database.engine.connect() as connection:
        for row in connection.execute(query):
            if row[2]:
                found.setdefault(row[0], {})[row[1]] = round(int(row[3]) / int(row[2]), 1)
    return found


def figures(database: Database, wanted: QualityFilter) -> Figures:
    sums = _sums(None, database, wanted).get("all", {})
    return Figures(
        sums, _working_days(None, database, wanted).get("all", 0), _stage_minutes(None, database, wanted).get("all", {})
    )


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(database: Database, wanted: QualityFilter) -> list[tuple[date, Figures]]:
    """The figures per week (Monday first): each day's sums folded into its week."""
    per_day = _sums(DAY.c.day, database, wanted)
    days = _working_days(DAY.c.day, database, wanted)
    weeks: dict[date, dict[str, int]] = {}
    week_days: dict[date, int] = {}
    for day_text, sums in per_day.items():
        monday = week_start(date.fromisoformat(str(day_text)))
        total = weeks.setdefault(monday, dict.fromkeys(SUMS, 0))
        for name, value in sums.items():
            total[name] += value
        week_days[monday] = week_days.get(monday, 0) + days.get(day_text, 0)
    return [(monday, Figures(weeks[monday], week_days[monday])) for monday in sorted(weeks)]


def technician_names(database: Database) -> dict[str, str]:
    query = select(TECHNICIAN.c.id, TECHNICIAN.c.surname, TECHNICIAN.c.first_name)
    with database.engine.connect() as connection:
        return {row.id: f"{row.surname} {row.first_name}".strip() for row in connection.execute(query)}


def by_technician(database: Database, wanted: QualityFilter) -> list[tuple[str, str, Figures]]:
    """Technicians side by side, by name."""
    group = DAY.c.technician_id
    sums, days = _sums(group, database, wanted), _working_days(group, database, wanted)
    stages = _stage_minutes(STAGE_DAY.c.technician_id, database, wanted)
    names = technician_names(database)
    found = [
        (str(key), names.get(str(key), str(key)), Figures(value, days.get(key, 0), stages.get(key, {})))
        for key, value in sums.items()
    ]
    return sorted(found, key=lambda entry: entry[1])


def skipped_items(database: Database, wanted: QualityFilter, limit: int = 10) -> list[SkippedItem]:
    """The items most often answered «не требуется» or «не выполнено»."""
    not_needed, failed = func.sum(ITEM_DAY.c.not_needed), func.sum(ITEM_DAY.c.failed)
    query = (
        select(ITEM_DAY.c.item_key, not_needed, failed)
        .where(*_conditions(ITEM_DAY, wanted))
        .group_by(ITEM_DAY.c.item_key)
        .having(not_needed + failed > 0)
        .order_by(desc(not_needed + failed), ITEM_DAY.c.item_key)
        .limit(limit)
    )
    with database.engine.connect() as connection:
        return [SkippedItem(row[0], int(row[1]), int(row[2])) for row in connection.execute(query)]


def reasons(database: Database, wanted: QualityFilter, limit: int = 200) -> list[Reason]:
    """Refusals to sign, reschedules and faults that could not be fixed, each with what was said."""
    where = _conditions(VISIT_QUALITY, wanted)
    refusals = (
        select(literal("refused"), ACT.c.visit_id, VISIT_QUALITY.c.day, ACT.c.refusal_reason, literal(""), literal(""))
        .join(VISIT_QUALITY, VISIT_QUALITY.c.visit_id == ACT.c.visit_id)
        .where(*where, ACT.c.outcome == "refused")
    )
    branch_what = case((BRANCH.c.branch_key == "cannot_fix", "cannot_fix"), else_="rescheduled")
    branches = (
        select(
            branch_what, BRANCH.c.visit_id, VISIT_QUALITY.c.day, BRANCH.c.details, BRANCH.c.branch_key, BRANCH.c.outcome
        )
        .join(VISIT_QUALITY, VISIT_QUALITY.c.visit_id == BRANCH.c.visit_id)
        .where(*where, BRANCH.c.branch_key.in_(("cannot_fix", *RESCHEDULE_BRANCHES)))
    )
    query = refusals.union_all(branches).limit(limit)
    with database.engine.connect() as connection:
        found = [
            Reason(str(row[0]), row[1], row[2], row[3] or "", row[4] or "", row[5] or "")
            for row in connection.execute(query)
        ]
    return sorted(found, key=lambda reason: (reason.what, reason.day, reason.visit_id))


_MEASURES: dict[Measure, ColumnElement[bool]] = {
    Measure.VISITS: literal(True),
    Measure.PRECALL_MISSED: and_(VISIT_QUALITY.c.kept == 1, VISIT_QUALITY.c.precall_on_time == 0),
    Measure.LATE: and_(VISIT_QUALITY.c.arrival_measured == 1, VISIT_QUALITY.c.arrival_on_time == 0),
    Measure.REQUIRED_MISSED: and_(VISIT_QUALITY.c.kept == 1, VISIT_QUALITY.c.required_done == 0),
    Measure.CLOSING_MISSED: and_(VISIT_QUALITY.c.kept == 1, VISIT_QUALITY.c.closing_done == 0),
    Measure.ITEMS_FAILED: VISIT_QUALITY.c.items_failed > 0,
    Measure.ITEMS_NOT_NEEDED: VISIT_QUALITY.c.items_not_needed > 0,
    Measure.REFUSED: VISIT_QUALITY.c.refused == 1,
    Measure.RESCHEDULED: VISIT_QUALITY.c.rescheduled == 1,
    Measure.CANNOT_FIX: VISIT_QUALITY.c.cannot_fix == 1,
    Measure.CREDITED: VISIT_QUALITY.c.credited > 0,
    Measure.RATED: VISIT_QUALITY.c.rating.is_not(None),
}


def visits_behind(
    database: Database,
    wanted: QualityFilter,
    measure: Measure,
    limit: int = DRILL_LIMIT,
    total: Figures | None = None,
) -> list[VisitLine]:
    """The visits a number counts, newest planned day first (``total``: the period's figures, if already read)."""
    if measure is Measure.MATERIALS_OUTLIER:
        threshold = (total or figures(database, wanted)).materials_limit
        if threshold is None:
            return []
        # Whole numbers of materials: compared with a whole number, the index on them serves the query.
        condition: ColumnElement[bool] = VISIT_QUALITY.c.materials > math.floor(threshold)
    else:
        condition = _MEASURES[measure]
    q = VISIT_QUALITY.c
    query = (
        select(q.visit_id, q.day, q.technician_id, q.kind, q.status, q.late_minutes, q.materials, q.rating)
        .where(*_conditions(VISIT_QUALITY, wanted), condition)
        .order_by(q.day.desc(), q.visit_id)
        .limit(limit)
    )
    with database.engine.connect() as connection:
        return [VisitLine(*row) for row in connection.execute(query)]


def dashboard(database: Database, wanted: QualityFilter) -> Dashboard:
    """Everything the dashboard and the report show, in one go."""
    total = figures(database, wanted)
    return Dashboard(
        wanted,
        total,
        weekly(database, wanted),
        by_technician(database, wanted),
        skipped_items(database, wanted),
        reasons(database, wanted),
        visits_behind(database, wanted, Measure.MATERIALS_OUTLIER, limit=50, total=total),
    )
