"""A database with real signed acts for the office tests: demo technicians and visits, signed, refused, corrected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import text

from fieldact.store.acts import act_of_visit, start_correction
from fieldact.store.demo import demo_id, fill
from fieldact.store.repository import Store
from fieldact.store.signing import refuse_visit, sign_demo_visit
from fieldact.store.tables import Act
from fieldact.visit import Answer, ItemState, Material

DAY = date(2026, 11, 26)
CABLE = Material("K-5E", "Кабель UTP 5e", Decimal("12.5"), "м")
CONNECTOR = Material("RJ45", "Коннектор RJ-45", Decimal(2), "шт")


@dataclass(frozen=True)
class Seeded:
    signed: list[Act]  # in force, one per past visit, the corrected one at its version 2
    refused: Act
    superseded: Act
    correction: Act


def sign_with_materials(store: Store, visit_id: str, finished_at: datetime) -> None:
    store.add_material(visit_id, CABLE, "Петров", at=finished_at - timedelta(minutes=20))
    store.add_material(visit_id, CONNECTOR, "Петров", at=finished_at - timedelta(minutes=19))
    sign_demo_visit(store, visit_id, finished_at)


def complete_for_refusal(store: Store, visit_id: str, refused_at: datetime) -> None:
    from fieldact.act.sample import SAMPLE_EVIDENCE
    from fieldact.store.photos import add_sample_photos

    add_sample_photos(store, visit_id, "Петров")
    visit = store.load_visit(visit_id)
    at = refused_at - timedelta(minutes=50)
    for entry in visit.checklist.entries:
        if visit.before_act(entry.stage) and visit.checklist.is_shown(entry):
            answer = visit.checklist.mark_done(entry.key, SAMPLE_EVIDENCE.get(entry.key))
            at += timedelta(seconds=97)
            store.save_answer(visit_id, entry.key, Answer(ItemState.DONE, answer.evidence), "Петров", at=at)
    if visit.kind.value == "connection":
        from fieldact.visit import PaymentLine, settle

        store.save_payment(visit_id, settle((PaymentLine("Подключение", 1, 50_000),), 50_000, 0, "АБ 7"), "Петров")


def seed_office(store: Store) -> Seeded:
    zone = ZoneInfo(store.brand.timezone)
    fill(store, today=DAY, sign_past=sign_with_materials)
    with store.session() as session:
        past = [row[0] for row in session.execute(text("SELECT id FROM act ORDER BY signed_at, id"))]
    # one of today's visits: the subscriber refused to sign
    technician = demo_id("technician", "Смирнова", "Анна")
    refused_visit = demo_id("visit", technician, DAY, 11)
    refused_at = datetime.combine(DAY, time(12, 40), zone)
    complete_for_refusal(store, refused_visit, refused_at)
    refused = refuse_visit(store, refused_visit, "Не согласен с суммой", "", refused_at, "Смирнова")
    # the oldest act corrected: its version 2 supersedes it
    with store.session() as session:
        superseded = session.get(Act, past[0])
    assert superseded is not None
    copy = start_correction(store, superseded.id, "Петров")
    sign_demo_visit(store, copy, superseded.signed_at + timedelta(hours=2))
    correction = act_of_visit(store, copy)
    assert correction is not None and correction.version == 2
    with store.session() as session:
        signed = [session.get(Act, act_id) for act_id in past[1:]]
    return Seeded([a for a in signed if a is not None] + [correction], refused, superseded, correction)
