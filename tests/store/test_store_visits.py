"""Visits are saved as they are answered and come back whole after a restart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from fieldact.standard import Service, VisitKind
from fieldact.store.pins import Uptime
from fieldact.store.repository import MAX_PIN_TRIES, Store
from fieldact.text import InputError
from fieldact.visit import Answer, ItemState, Material, PaymentLine, Plan, VisitStatus, settle
from fieldact.visit.evidence import Channels, Speed

from .conftest import SUBSCRIBER, reopen


def test_every_answer_survives_a_restart_and_the_visit_resumes(store: Store, visit_id: str, technician_id) -> None:
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), "t")
    store.save_answer(visit_id, "demonstration.tv_channels", Answer(ItemState.DONE, Channels(("Первый", "НТВ"))), "t")
    store.save_answer(
        visit_id, "installation.holes_filled", Answer(ItemState.NOT_APPLICABLE, None, "стены не сверлили"), "t"
    )
    store.set_condition(visit_id, "speed_requested", True, "t")
    store.save_answer(
        visit_id, "demonstration.internet_speed", Answer(ItemState.DONE, Speed(Decimal("94.2"), Decimal("91"))), "t"
    )
    store.set_stage(visit_id, 3, "t", completed="installation")
    payment = settle((PaymentLine("Подключение", 1, 50000),), 100000, 0, "АБ 012345")
    store.save_payment(visit_id, payment, "t")
    store.add_material(visit_id, Material("K-5E", "Кабель UTP 5e", Decimal("12.5"), "м"), "t")

    restarted = reopen(store)
    assert restarted.visit_in_progress(technician_id) == visit_id
    visit = restarted.load_visit(visit_id)
    assert visit.stage.key == "demonstration"
    assert visit.status is VisitStatus.IN_PROGRESS
    assert visit.checklist.answer("demonstration.tv_channels").evidence == Channels(("Первый", "НТВ"))
    assert visit.checklist.answer("demonstration.internet_speed").evidence == Speed(Decimal("94.2"), Decimal("91"))
    assert visit.checklist.answer("installation.holes_filled").reason == "стены не сверлили"
    assert visit.checklist.conditions == {"speed_requested": True}
    assert visit.payment == payment and visit.payment.credited == 50000
    assert visit.materials == [Material("K-5E", "Кабель UTP 5e", Decimal("12.5"), "м")]
    assert visit.subscriber == SUBSCRIBER
    assert visit.plan.start.hour == 14 and str(visit.plan.start.tzinfo) == store.brand.timezone
    restarted.database.dispose()


def test_an_answer_can_be_replaced_and_reset(store: Store, visit_id: str) -> None:
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.FAILED, None, "забыл"), "t")
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), "t")
    assert store.load_visit(visit_id).checklist.answer("contact.greet_first").state is ItemState.DONE
    store.save_answer(visit_id, "contact.greet_first", Answer(), "t")
    assert "contact.greet_first" not in store.load_visit(visit_id).checklist.answers


def test_every_change_is_in_the_audit_trail(store: Store, visit_id: str) -> None:
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), "Петров")
    store.mark(visit_id, "arrived_at", "Петров")
    actions = [(e.actor, e.action) for e in store.audit_trail(visit_id)]
    assert actions == [("system", "visit_created"), ("Петров", "answer"), ("Петров", "arrived")]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("contract", "59-ABC", "не похож на номер договора"),
        ("address", "ул. Ленина\x00", "управляющие символы"),
        ("surname", "И" * 101, "слишком длинно"),
    ],
)
def test_bad_input_is_refused_with_a_sentence_and_nothing_saved_is_lost(
    store: Store, visit_id: str, technician_id: str, local, field: str, value: str, message: str
) -> None:
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), "t")
    bad = replace(SUBSCRIBER, **({"contract": "590000000009"} | {field: value}))
    with pytest.raises(InputError, match=message):
        store.create_visit(
            VisitKind.SERVICE, frozenset({Service.TV}), bad, technician_id, Plan(local("2026-11-26T10:00"))
        )
    assert store.load_visit(visit_id).checklist.answer("contact.greet_first").state is ItemState.DONE
    assert (
        len(store.visits_of_day(technician_id, date(2026, 11, 26), store.load_visit(visit_id).plan.start.tzinfo)) == 1
    )


def test_over_long_reason_is_refused(store: Store, visit_id: str) -> None:
    with pytest.raises(InputError, match="слишком длинно"):
        store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.FAILED, None, "x" * 1001), "t")


def test_pin_is_hashed_and_locks_after_five_wrong_tries(store: Store, technician_id: str, local) -> None:
    with store.database.engine.connect() as connection:
        row = connection.execute(text("SELECT pin_hash, pin_salt FROM technician")).one()
    assert "1234" not in row[0] and len(row[0]) == 64 and len(row[1]) == 32
    now, boot = local("2026-11-26T09:00"), Uptime("boot-1", 1000.0)
    assert store.check_pin(technician_id, "1234", now, boot).ok
    for attempt in range(1, MAX_PIN_TRIES):
        result = store.check_pin(technician_id, "0000", now, boot)
        assert not result.ok and result.tries_left == MAX_PIN_TRIES - attempt
    locked = store.check_pin(technician_id, "0000", now, boot)
    assert locked.locked_until == now + timedelta(minutes=5)
    restarted = reopen(store)
    later = Uptime("boot-1", 1060.0)
    assert not restarted.check_pin(technician_id, "1234", now + timedelta(minutes=1), later).ok, "survives a restart"
    assert restarted.check_pin(technician_id, "1234", now + timedelta(minutes=6), Uptime("boot-1", 1361.0)).ok
    restarted.database.dispose()


def test_pin_must_be_digits() -> None:
    from fieldact.store.pins import hash_pin

    with pytest.raises(InputError, match="от 4 до 8 цифр"):
        hash_pin("12ab")


def test_visits_of_the_day_in_time_order(store: Store, technician_id: str, local, zone) -> None:
    for hour in (17, 9, 13):
        store.create_visit(
            VisitKind.SERVICE,
            frozenset({Service.TV}),
            SUBSCRIBER,
            technician_id,
            Plan(local(f"2026-11-26T{hour:02d}:00")),
        )
    store.create_visit(
        VisitKind.SERVICE, frozenset({Service.TV}), SUBSCRIBER, technician_id, Plan(local("2026-11-27T09:00"))
    )
    day = store.visits_of_day(technician_id, date(2026, 11, 26), zone)
    assert [v.planned_start.hour for v in day] == [9, 13, 17]
    assert day[0].subscriber_name == "Иванов Иван Петрович" and day[0].contract == "590000000001"
