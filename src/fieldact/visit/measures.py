"""The standard measured, not ticked: the pre-call and the arrival against the standard's times, stage durations,
and the "standard kept" summary of one visit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fieldact.visit.checklist import ItemState
from fieldact.visit.clock import arrival_window
from fieldact.visit.visit import Visit


@dataclass(frozen=True, slots=True)
class Timing:
    """A moment against the one the standard asks for: ``minutes`` early (<0) or late (>0), on time or not."""

    at: datetime
    expected: datetime
    minutes: int
    on_time: bool


def _minutes(delta: timedelta) -> int:
    return round(delta.total_seconds() / 60)


def precall_timing(visit: Visit, tolerance_minutes: int) -> Timing | None:
    """The call against the standard's moment (15 min / 1 hour before), ± the brand's tolerance."""
    expected = visit.precall_at_moment()
    if visit.precall_at is None or expected is None:
        return None
    minutes = _minutes(visit.precall_at - expected)
    return Timing(visit.precall_at, expected, minutes, abs(minutes) <= tolerance_minutes)


def arrival_deadline(visit: Visit) -> datetime:
    """The latest on-time arrival: the planned time, the end of the service visit's window, or the time the
    technician said for a visit without an exact time."""
    plan = visit.plan
    if not plan.exact:
        return visit.expected_arrival or plan.end or plan.start
    if visit.definition.arrival_window_minutes:
        return arrival_window(visit.definition, plan)[1]
    return plan.start


def arrival_timing(visit: Visit, tolerance_minutes: int) -> Timing | None:
    if visit.arrived_at is None:
        return None
    deadline = arrival_deadline(visit)
    minutes = _minutes(visit.arrived_at - deadline)
    return Timing(visit.arrived_at, deadline, minutes, minutes <= tolerance_minutes)


def stage_minutes(visit: Visit, completed: dict[str, datetime]) -> dict[str, int]:
    """Minutes spent in each stage, from the moment the previous one was completed (the first: from the
    arrival, or the pre-call for stage 1) to the moment this one was."""
    result: dict[str, int] = {}
    start = visit.precall_at or visit.arrived_at
    for stage in visit.stages:
        end = completed.get(stage.key)
        if stage.number == 2 and visit.arrived_at is not None:
            start = visit.arrived_at
        if end is None:
            continue
        if start is not None:
            result[stage.key] = max(0, _minutes(end - start))
        start = end
    return result


def required_done(visit: Visit) -> bool:
    """Every required item before the act answered, and none of them left "not done"."""
    if visit.signing_blockers():
        return False
    return not any(
        visit.checklist.answer(entry.key).state is ItemState.FAILED
        for entry in visit.checklist.entries
        if visit.before_act(entry.stage) and visit.checklist.is_required(entry)
    )


def closing_done(visit: Visit) -> bool:
    return not visit.closing_blockers()


def standard_kept(visit: Visit, tolerance_minutes: int, completed: dict[str, datetime]) -> dict[str, object]:
    """The per-visit summary the quality department reads (and the technician sees on the done screen)."""
    precall = precall_timing(visit, tolerance_minutes)
    arrival = arrival_timing(visit, tolerance_minutes)
    return {
        "precall_on_time": precall.on_time if precall else False,
        "precall_minutes": precall.minutes if precall else None,
        "precall_attempts": visit.precall_attempts,
        "arrival_on_time": arrival.on_time if arrival else False,
        "arrival_late_minutes": max(0, arrival.minutes) if arrival else None,
        "required_done": required_done(visit),
        "closing_done": closing_done(visit),
        "stage_minutes": stage_minutes(visit, completed),
    }
