"""Signing stores the act once, in one step; the stored bytes verify; corrections and refusals are acts too."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from fieldact.act.sample import SAMPLE_EVIDENCE, sample_signature
from fieldact.act.verify import verify_pdf
from fieldact.store.acts import act_of_visit, start_correction, versions
from fieldact.store.demo import fill
from fieldact.store.photos import add_sample_photos
from fieldact.store.repository import FrozenVisit, Store
from fieldact.store.signing import preview_pdf, refuse_visit, sign_demo_visit, sign_visit
from fieldact.text import InputError
from fieldact.visit import Answer, ItemState, VisitStatus


def complete(store: Store, visit_id: str) -> None:
    add_sample_photos(store, visit_id, "t")
    visit = store.load_visit(visit_id)
    for entry in visit.checklist.entries:
        if visit.before_act(entry.stage) and visit.checklist.is_shown(entry):
            answer = visit.checklist.mark_done(entry.key, SAMPLE_EVIDENCE.get(entry.key))
            store.save_answer(visit_id, entry.key, Answer(ItemState.DONE, answer.evidence), "t")


def test_an_open_visit_cannot_be_signed(store: Store, visit_id: str, local) -> None:
    with pytest.raises(InputError, match="Акт пока нельзя подписать: Этап 1"):
        sign_visit(store, visit_id, sample_signature(), "Иванов Иван Петрович", local("2026-11-26T15:00"), "t")
    assert act_of_visit(store, visit_id) is None


def test_signed_act_is_stored_once_and_verifies(store: Store, visit_id: str, local) -> None:
    complete(store, visit_id)
    at = local("2026-11-26T15:00")
    act = sign_visit(store, visit_id, sample_signature(started_at=at), "Иванов Иван Петрович", at, "Петров")
    stored = act_of_visit(store, visit_id)
    assert stored.pdf == act.pdf and verify_pdf(stored.pdf) == []
    content = json.loads(stored.content)
    assert content["ink"]["sha256"] == stored.ink_sha256 and content["refusal"] is None
    assert store.load_visit(visit_id).status is VisitStatus.SIGNED
    with pytest.raises(FrozenVisit):
        sign_visit(store, visit_id, sample_signature(started_at=at), "Иванов Иван Петрович", at, "Петров")


def test_preview_is_marked_and_not_stored(store: Store, visit_id: str, local) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    complete(store, visit_id)
    pdf = preview_pdf(store, visit_id, local("2026-11-26T15:00"))
    text = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert "ПРЕДВАРИТЕЛЬНЫЙ ПРОСМОТР" in text and "Иванов Иван Петрович" in text
    assert act_of_visit(store, visit_id) is None


def test_refusal_is_an_act_with_its_reason(store: Store, visit_id: str, local) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    complete(store, visit_id)
    act = refuse_visit(store, visit_id, "не согласен с суммой", "", local("2026-11-26T15:00"), "Петров")
    assert act.outcome == "refused" and act.ink is None and verify_pdf(act.pdf) == []
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(act.pdf)).pages)
    assert "Абонент отказался подписать акт." in text and "не согласен с суммой" in text
    assert store.load_visit(visit_id).status is VisitStatus.REFUSED


def test_a_correction_is_signed_as_version_two(store: Store, visit_id: str, local) -> None:
    complete(store, visit_id)
    at = local("2026-11-26T15:00")
    first = sign_visit(store, visit_id, sample_signature(started_at=at), "Иванов Иван Петрович", at, "t")
    correction = start_correction(store, first.id, "офис")
    store.save_answer(
        correction, "installation.holes_filled", Answer(ItemState.NOT_APPLICABLE, None, "стены не сверлили"), "t"
    )
    later = local("2026-11-27T10:00")
    second = sign_visit(store, correction, sample_signature(started_at=later), "Иванов Иван Петрович", later, "t")
    assert (second.number, second.version, second.supersedes_id) == (first.number, 2, first.id)
    assert json.loads(second.content)["act"]["supersedes"] == {"id": first.id, "number": first.number}
    assert [a.version for a in versions(store, first.number)] == [1, 2]
    assert verify_pdf(second.pdf) == [] and act_of_visit(store, visit_id).pdf == first.pdf


def test_demo_past_visits_have_real_signed_acts(store: Store, local) -> None:
    report = fill(store, today=local("2026-11-26T08:00").date(), sign_past=sign_demo_visit)
    assert report.acts_added == 6
    with store.session() as session:
        from sqlmodel import select

        from fieldact.store.tables import Act

        acts = list(session.exec(select(Act)))
    assert len(acts) == 6 and all(verify_pdf(act.pdf) == [] for act in acts)


def naive_utc(moment: datetime) -> datetime:
    """SQLite gives stored UTC moments back without a zone."""
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


def test_demo_past_visits_have_a_trail_with_real_times(store: Store, local) -> None:
    from fieldact.store import audit

    fill(store, today=local("2026-11-26T08:00").date(), sign_past=sign_demo_visit)
    with store.session() as session:
        from sqlmodel import select

        from fieldact.store.tables import Act

        acts = list(session.exec(select(Act)))
        trails = {act.id: audit.trail(session, act.visit_id) for act in acts}
    for act in acts:
        events = trails[act.id]
        moments = [naive_utc(event.at) for event in events]
        signed = naive_utc(act.signed_at)
        assert [e.action for e in events][:3] == ["visit_created", "precall", "arrived"]
        assert events[-1].action == "act_signed" and moments[-1] == signed
        assert moments == sorted(moments) and len(set(moments)) == len(moments), "distinct, in order"
        assert signed - moments[0] > timedelta(hours=12), "the order came the evening before"
        assert timedelta(minutes=50) < moments[-1] - moments[2] <= timedelta(hours=1), "an hour's work"


def test_act_numbers_carry_48_bits_of_the_visit_so_a_days_acts_nationally_do_not_collide() -> None:
    """A national operator signs some 80,000 acts a day; numbers are made on tablets without a network. With the
    6 hex digits numbers once had, a day of them shared a number about 190 times; with 12, about once in 250
    years (this test then fails once in some 90,000 runs)."""
    import uuid

    from fieldact.store.acts import act_number

    day = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    visit = uuid.UUID("8de542a1-b3c9-4d2e-9f00-123456789abc")
    assert act_number(str(visit), day) == "20261204-8DE542A1B3C9"
    numbers = {act_number(str(uuid.uuid4()), day) for _ in range(80_000)}
    assert len(numbers) == 80_000
