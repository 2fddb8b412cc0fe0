"""Time rules of the standard (the greeting, the pre-call moment, whom to call to reschedule), and the clock.

The tablet's wall clock is what the technician set: it may be minutes or years off. ``Clock`` gives it together
with a monotonic clock, so that waits can be measured without it, and tests can set either.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Protocol

from fieldact.standard.schema import Brand, Contact, Greeting, Kind


class Clock(Protocol):
    def now(self) -> datetime:
        """The wall clock, timezone-aware (UTC): what the tablet believes the time is."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that only moves forward, whatever is done to the wall clock."""
        ...


def now_utc() -> datetime:
    """Now on this machine's wall clock, in UTC: the one name for it everywhere."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return _time.monotonic()


SYSTEM_CLOCK = SystemClock()


def greeting_for(local: time, greeting: Greeting) -> str:
    """The greeting in lower case, for the middle of a sentence («…, доброе утро.»).

    «Доброе утро» до 12.00, «Добрый день» с 12.00 до 18.00, «Добрый вечер» после 18.00: the ranges are
    half-open, so 12:00 is already day and 18:00 is already evening.
    """
    if local < greeting.day_from:
        return greeting.morning
    if local < greeting.evening_from:
        return greeting.day
    return greeting.evening


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class Plan:
    """When a visit is planned, in local time: an exact time, or only a window without an exact time."""

    start: datetime
    exact: bool = True
    end: datetime | None = None

    def __post_init__(self) -> None:
        if self.start.tzinfo is None:
            raise ValueError("a plan needs a time zone")
        if self.end is not None and self.end <= self.start:
            raise ValueError("a plan's window must end after it starts")


def precall_moment(kind: Kind, plan: Plan, expected_arrival: datetime | None = None) -> datetime | None:
    """When the technician calls ahead.

    Connection: 15 minutes before the planned time. Service: 1 hour before it; a visit without an exact time
    is called 1 hour before the technician expects to arrive, which only he knows (None until he says).
    """
    if plan.exact:
        return plan.start - timedelta(minutes=kind.precall_minutes_before)
    if expected_arrival is None:
        return None
    minutes = kind.precall_minutes_before_without_time
    if minutes is None:
        minutes = kind.precall_minutes_before
    return expected_arrival - timedelta(minutes=minutes)


def arrival_window(kind: Kind, plan: Plan) -> tuple[datetime, datetime]:
    """«Мы подойдём к Вам в течение часа с ХХ ч. до ХХ ч.»: from the planned time, for the kind's window."""
    minutes = kind.arrival_window_minutes or 60
    return plan.start, plan.start + timedelta(minutes=minutes)


def is_working_time(local: datetime, brand: Brand) -> bool:
    hours = brand.working_hours
    if local.weekday() not in hours.weekdays or local.date() in hours.holidays:
        return False
    return hours.start <= local.time() < hours.end


def reschedule_contact(local: datetime, brand: Brand) -> Contact:
    """Whom to call at once when the subscriber asks for another time.

    The lead quality specialist on weekdays in working hours, the quality manager at weekends, on holidays
    and off-hours.
    """
    if is_working_time(local, brand):
        return brand.lead_quality_specialist
    return brand.quality_manager
