"""The one write path of an open visit: the rule, the database, then memory; a refusal changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldact.standard import Service, VisitKind
from fieldact.store.open_visit import OpenVisit
from fieldact.store.repository import FrozenVisit, Store
from fieldact.text import InputError
from fieldact.visit import Answer, ItemState, Material, Plan, VisitStatus
from fieldact.visit.evidence import Channels

from .conftest import SUBSCRIBER, reopen


def opened(store: Store, visit_id: str) -> OpenVisit:
    return OpenVisit.load(store, visit_id, "Петров Пётр")


def test_a_reason_the_database_refuses_leaves_memory_unchanged(store: Store, visit_id: str) -> None:
    current = opened(store, visit_id)
    for reason in ("стены\x07 не сверлили", "очень " * 300):
        with pytest.raises(InputError):
            current.answer("installation.holes_filled", ItemState.NOT_APPLICABLE, reason=reason)
        assert current.visit.checklist.answer("installation.holes_filled").state is ItemState.PENDING
    assert reopen(store).load_visit(visit_id).checklist.answer("installation.holes_filled").state is ItemState.PENDING


def test_done_needs_enough_evidence_even_past_the_screen(store: Store, visit_id: str) -> None:
    with pytest.raises(InputError, match="не меньше 2"):
        store.save_answer(visit_id, "demonstration.tv_channels", Answer(ItemState.DONE, Channels(("Первый",))), "t")
    with pytest.raises(InputError, match="причину"):
        store.save_answer(visit_id, "installation.holes_filled", Answer(ItemState.NOT_APPLICABLE), "t")
    current = opened(store, visit_id)
    answer = current.answer("demonstration.tv_channels", ItemState.DONE, Channels(("Первый", "НТВ")))
    assert answer.state is ItemState.DONE
    assert store.load_visit(visit_id).checklist.answer("demonstration.tv_channels") == answer


def test_a_frozen_or_rescheduled_visit_refuses_every_change(store: Store, visit_id: str, local) -> None:
    current = opened(store, visit_id)
    store.set_status(visit_id, VisitStatus.RESCHEDULED, "t")
    current = opened(store, visit_id)
    assert not current.editable
    changes = [
        lambda: current.answer("contact.greet_first", ItemState.DONE),
        lambda: current.condition("speed_requested", True),
        lambda: current.move_to(3),
        lambda: current.add_material(Material("", "Кабель UTP 5e", Decimal("3"), "м")),
        lambda: current.arrive(local("2026-11-26T14:00")),
    ]
    for change in changes:
        with pytest.raises(FrozenVisit):
            change()
    assert current.visit.checklist.answer("contact.greet_first").state is ItemState.PENDING
    assert current.visit.materials == [] and current.visit.stage_index == 0 and current.visit.arrived_at is None


def test_opening_and_the_precall_do_not_start_the_visit_the_arrival_does(
    store: Store, visit_id: str, technician_id: str, local
) -> None:
    current = opened(store, visit_id)
    current.precall_reached(local("2026-11-26T13:46"))
    assert store.visit_in_progress(technician_id) is None, "a pre-call does not resume into the visit"
    visit = reopen(store).load_visit(visit_id)
    assert visit.status is VisitStatus.PLANNED
    assert visit.checklist.answer("precall.call_before").state is ItemState.DONE
    assert visit.precall_at == local("2026-11-26T13:46")
    with store.session() as session:
        from fieldact.store import tables

        answered = session.get(tables.Answer, (visit_id, "precall.call_before"))
    assert answered is not None and answered.answered_at == local("2026-11-26T13:46"), (
        "the item carries the call's time"
    )
    current = opened(store, visit_id)
    current.arrive(local("2026-11-26T14:12"))
    visit = store.load_visit(visit_id)
    assert visit.status is VisitStatus.IN_PROGRESS and store.visit_in_progress(technician_id) == visit_id
    late = visit.checklist.answer("precall.arrive_on_time")
    assert late.state is ItemState.FAILED and late.reason == "Опоздание на 12 мин."


def test_missed_precalls_are_counted_and_branches_reschedule(store: Store, technician_id: str, local) -> None:
    visit_id = store.create_visit(
        VisitKind.CONNECTION, frozenset({Service.TV}), SUBSCRIBER, technician_id, Plan(local("2026-11-26T14:00"))
    )
    current = opened(store, visit_id)
    assert current.precall_missed(local("2026-11-26T13:45")) == 1
    assert current.precall_missed(local("2026-11-26T13:50")) == 2
    with pytest.raises(InputError, match="время"):
        current.precall_branch("another_time", local("2026-11-26T13:55"))
    assert current.visit.status is VisitStatus.PLANNED and current.visit.branches == []
    record = current.precall_branch("another_time", local("2026-11-26T13:55"), requested_time=local("2026-11-27T10:00"))
    assert record.called is not None and record.called.phone
    visit = reopen(store).load_visit(visit_id)
    assert visit.precall_attempts == 2 and visit.status is VisitStatus.RESCHEDULED
    assert visit.branches[0].key == "another_time"


def test_a_rescheduled_visit_is_never_signed_or_reopened(store: Store, visit_id: str, local) -> None:
    from fieldact.act.sample import complete_up_to_signing, sample_signature
    from fieldact.store.photos import add_sample_photos
    from fieldact.store.signing import sign_visit

    add_sample_photos(store, visit_id, "t")
    visit = store.load_visit(visit_id)
    complete_up_to_signing(visit)
    for key, answer in visit.checklist.answers.items():
        store.save_answer(visit_id, key, answer, "t")
    store.set_status(visit_id, VisitStatus.RESCHEDULED, "t", "another_time")
    with pytest.raises(FrozenVisit, match="перенесён или отменён"):
        sign_visit(store, visit_id, sample_signature(), "Иванов Иван Петрович", local("2026-11-26T15:00"), "t")
    with pytest.raises(FrozenVisit):
        store.set_status(visit_id, VisitStatus.AWAITING_SIGNATURE, "t")
    assert store.load_visit(visit_id).status is VisitStatus.RESCHEDULED


def test_stage_completions_end_with_the_act_and_the_closing(store: Store, visit_id: str, local) -> None:
    from fieldact.store.signing import sign_demo_visit

    current = opened(store, visit_id)
    current.arrive(local("2026-11-26T14:00"))
    current.move_to(1, completed="precall")
    sign_demo_visit(store, visit_id, local("2026-11-26T15:00"))
    visit = store.load_visit(visit_id)
    closing = OpenVisit(store, visit, "t")
    closing.answer_closing("closing.thank", ItemState.DONE, local("2026-11-26T15:04"))
    completed = reopen(store).stage_completions(visit_id)
    assert completed["documents"] == local("2026-11-26T15:00")
    assert completed["closing"] == local("2026-11-26T15:04")
    assert "precall" in completed
    assert reopen(store).load_visit(visit_id).checklist.answer("closing.thank").state is ItemState.DONE
    with pytest.raises(KeyError):
        store.save_closing(visit_id, "contact.greet_first", Answer(ItemState.DONE), "t", local("2026-11-26T15:05"))
