"""Greeting by local time with both boundary minutes, the pre-call moment, and whom to call to reschedule."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from fieldact.standard import VisitKind
from fieldact.visit import Plan, greeting_for, precall_moment, reschedule_contact
from fieldact.visit.clock import arrival_window, capitalized


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (time(0, 0), "доброе утро"),
        (time(6, 30), "доброе утро"),
        (time(11, 59), "доброе утро"),
        (time(11, 59, 59), "доброе утро"),
        (time(12, 0), "добрый день"),
        (time(17, 59), "добрый день"),
        (time(17, 59, 59), "добрый день"),
        (time(18, 0), "добрый вечер"),
        (time(23, 59), "добрый вечер"),
    ],
)
def test_greeting_boundaries(standard, local: time, expected: str) -> None:
    assert greeting_for(local, standard.greeting) == expected


def test_greeting_capitalized_for_the_start_of_a_sentence() -> None:
    assert capitalized("доброе утро") == "Доброе утро"


def test_connection_precall_is_15_minutes_before(standard, local) -> None:
    plan = Plan(local("2026-11-26T14:00"))
    assert precall_moment(standard.kind(VisitKind.CONNECTION), plan) == local("2026-11-26T13:45")


def test_service_precall_is_one_hour_before(standard, local) -> None:
    plan = Plan(local("2026-11-26T14:30"))
    assert precall_moment(standard.kind(VisitKind.SERVICE), plan) == local("2026-11-26T13:30")


def test_service_without_exact_time_calls_one_hour_before_arrival(standard, local) -> None:
    kind = standard.kind(VisitKind.SERVICE)
    plan = Plan(local("2026-11-26T10:00"), exact=False, end=local("2026-11-26T14:00"))
    assert precall_moment(kind, plan) is None, "unknown until the technician says when he expects to arrive"
    assert precall_moment(kind, plan, local("2026-11-26T12:20")) == local("2026-11-26T11:20")


def test_arrival_window_is_one_hour_from_the_planned_time(standard, local) -> None:
    start, end = arrival_window(standard.kind(VisitKind.SERVICE), Plan(local("2026-11-26T14:00")))
    assert (start, end - start) == (local("2026-11-26T14:00"), timedelta(hours=1))


def test_plan_needs_a_zone_and_an_ordered_window(local) -> None:
    with pytest.raises(ValueError):
        Plan(local("2026-11-26T14:00").replace(tzinfo=None))
    with pytest.raises(ValueError):
        Plan(local("2026-11-26T14:00"), exact=False, end=local("2026-11-26T13:00"))


@pytest.mark.parametrize(
    ("moment", "role"),
    [
        ("2026-11-26T09:00", "Ведущий специалист по качеству"),  # Thursday, first working minute
        ("2026-11-26T17:59", "Ведущий специалист по качеству"),
        ("2026-11-26T08:59", "Менеджер по качеству"),  # before hours
        ("2026-11-26T18:00", "Менеджер по качеству"),  # after hours
        ("2026-11-28T11:00", "Менеджер по качеству"),  # Saturday
        ("2026-11-29T11:00", "Менеджер по качеству"),  # Sunday
        ("2026-11-04T11:00", "Менеджер по качеству"),  # a Wednesday, but a public holiday
        ("2026-11-30T11:00", "Ведущий специалист по качеству"),  # Monday
    ],
)
def test_reschedule_contact(brand, local, moment: str, role: str) -> None:
    assert reschedule_contact(local(moment), brand).role == role


def test_working_hours_are_configurable(brand, local) -> None:
    late_shift = brand.model_copy(
        update={"working_hours": brand.working_hours.model_copy(update={"end": time(20, 0), "weekdays": [5]})}
    )
    assert reschedule_contact(local("2026-11-28T19:00"), late_shift).role == "Ведущий специалист по качеству"
    assert reschedule_contact(local("2026-11-26T10:00"), late_shift).role == "Менеджер по качеству"
