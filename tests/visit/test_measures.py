"""The standard measured: the pre-call and the arrival against the standard's times, stage durations, summary."""

from __future__ import annotations

from datetime import timedelta

from fieldact.standard import Service, VisitKind
from fieldact.visit import Plan, Visit
from fieldact.visit.measures import arrival_timing, precall_timing, stage_minutes, standard_kept
from fieldact.visit.people import subscriber_from_name, technician_from_name


def make(standard, brand, local, kind: VisitKind, plan: Plan) -> Visit:
    return Visit(
        standard,
        brand,
        kind,
        frozenset({Service.INTERNET}),
        subscriber_from_name("Иванов Иван Петрович"),
        technician_from_name("Петров Пётр"),
        plan,
    )


def test_precall_window_and_tolerance(standard, brand, local) -> None:
    visit = make(standard, brand, local, VisitKind.CONNECTION, Plan(local("2026-11-26T14:00")))
    assert precall_timing(visit, 5) is None, "no call recorded: nothing to measure"
    visit.precall_at = local("2026-11-26T13:49")
    timing = precall_timing(visit, 5)
    assert timing is not None and timing.minutes == 4 and timing.on_time, "15 min before ± 5"
    visit.precall_at = local("2026-11-26T13:30")
    assert precall_timing(visit, 5).minutes == -15 and not precall_timing(visit, 5).on_time
    service = make(standard, brand, local, VisitKind.SERVICE, Plan(local("2026-11-26T14:00")))
    service.precall_at = local("2026-11-26T13:00")
    assert precall_timing(service, 0).on_time, "service: one hour before"


def test_arrival_against_the_plan_the_window_and_the_expected_time(standard, brand, local) -> None:
    connection = make(standard, brand, local, VisitKind.CONNECTION, Plan(local("2026-11-26T14:00")))
    connection.arrived_at = local("2026-11-26T14:09")
    assert arrival_timing(connection, 5).minutes == 9 and not arrival_timing(connection, 5).on_time
    service = make(standard, brand, local, VisitKind.SERVICE, Plan(local("2026-11-26T14:00")))
    service.arrived_at = local("2026-11-26T14:50")
    assert arrival_timing(service, 5).on_time, "within the hour's window"
    service.arrived_at = local("2026-11-26T15:20")
    assert arrival_timing(service, 5).minutes == 20
    window = make(
        standard, brand, local, VisitKind.SERVICE, Plan(local("2026-11-26T15:00"), False, local("2026-11-26T18:00"))
    )
    window.expected_arrival = local("2026-11-26T16:30")
    assert window.precall_at_moment() == local("2026-11-26T15:30"), "an hour before the expected arrival"
    window.arrived_at = local("2026-11-26T16:40")
    assert arrival_timing(window, 5).minutes == 10 and not arrival_timing(window, 5).on_time


def test_stage_durations_from_stage_events(standard, brand, local) -> None:
    visit = make(standard, brand, local, VisitKind.CONNECTION, Plan(local("2026-11-26T14:00")))
    visit.precall_at = local("2026-11-26T13:45")
    visit.arrived_at = local("2026-11-26T14:00")
    start = local("2026-11-26T14:00")
    completed = {
        "precall": local("2026-11-26T13:59"),
        "contact": start + timedelta(minutes=5),
        "installation": start + timedelta(minutes=65),
        "demonstration": start + timedelta(minutes=85),
    }
    assert stage_minutes(visit, completed) == {"precall": 14, "contact": 5, "installation": 60, "demonstration": 20}


def test_the_summary_says_what_was_kept(standard, brand, local) -> None:
    visit = make(standard, brand, local, VisitKind.CONNECTION, Plan(local("2026-11-26T14:00")))
    summary = standard_kept(visit, 5, {})
    assert summary["precall_on_time"] is False and summary["arrival_on_time"] is False
    assert summary["required_done"] is False and summary["closing_done"] is False
    for entry in visit.checklist.entries:
        if visit.checklist.is_required(entry):
            visit.checklist.mark_done(entry.key) if entry.item.evidence.value == "check" else None
    assert standard_kept(visit, 5, {})["closing_done"] is True
