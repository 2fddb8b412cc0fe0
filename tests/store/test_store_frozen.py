"""A stored act never changes: not through the repositories, not through SQL. Corrections are new versions."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from fieldact.store.acts import (
    NewAct,
    act_number,
    act_of_visit,
    correction_of,
    sha256_hex,
    start_correction,
    store_act,
    versions,
)
from fieldact.store.repository import FrozenVisit, Store
from fieldact.visit import Answer, ItemState, Material, VisitStatus

from .conftest import reopen


def sign(store: Store, visit_id: str, version: int = 1, supersedes: str | None = None, number: str | None = None):
    signed_at = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)
    content = json.dumps({"visit": visit_id, "version": version}, sort_keys=True).encode()
    return store_act(
        store,
        NewAct(
            id=str(uuid.uuid4()),
            number=number or act_number(visit_id, signed_at),
            version=version,
            visit_id=visit_id,
            signed_at=signed_at,
            signer_name="Иванов Иван Петрович",
            pdf=b"%PDF-1.7 test " + content,
            content=content,
            ink=b"ink",
            ink_sha256=sha256_hex(b"ink"),
            supersedes_id=supersedes,
        ),
        "Петров",
    )


def test_storing_an_act_freezes_the_visit(store: Store, visit_id: str) -> None:
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), "t")
    act = sign(store, visit_id)
    assert act.pdf_sha256 == sha256_hex(act.pdf) and act.content_sha256 == sha256_hex(act.content.encode())
    restarted = reopen(store)
    assert restarted.load_visit(visit_id).status is VisitStatus.SIGNED
    for change in (
        lambda: restarted.save_answer(visit_id, "contact.greet_first", Answer(ItemState.FAILED, None, "нет"), "t"),
        lambda: restarted.save_answer(visit_id, "contact.introduce_id", Answer(ItemState.DONE), "t"),
        lambda: restarted.add_material(visit_id, Material("", "Кабель", 1, "м"), "t"),
        lambda: restarted.save_payment(visit_id, None, "t"),
        lambda: restarted.set_condition(visit_id, "phone_adapter", True, "t"),
        lambda: sign(restarted, visit_id),
    ):
        with pytest.raises(FrozenVisit):
            change()
    assert restarted.load_visit(visit_id).checklist.answer("contact.greet_first").state is ItemState.DONE
    restarted.database.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE act SET signer_name = 'Другой'",
        "UPDATE act SET pdf = X'00'",
        "DELETE FROM act",
        "UPDATE answer SET state = 'failed'",
        "DELETE FROM answer",
        "UPDATE audit_event SET actor = 'x'",
        "DELETE FROM audit_event",
    ],
)
def test_database_triggers_refuse_changes(store: Store, visit_id: str, statement: str) -> None:
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), "t")
    sign(store, visit_id)
    with pytest.raises(DatabaseError, match="fieldact: "), store.database.engine.begin() as connection:
        connection.execute(text(statement))
    with store.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM act")).scalar() == 1
        assert connection.execute(text("SELECT signer_name FROM act")).scalar() == "Иванов Иван Петрович"


def test_answers_of_a_visit_without_act_stay_editable_in_sql(store: Store, visit_id: str) -> None:
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), "t")
    with store.database.engine.begin() as connection:
        connection.execute(text("UPDATE answer SET state = 'failed'"))
    assert store.load_visit(visit_id).checklist.answer("contact.greet_first").state is ItemState.FAILED


def test_a_correction_is_a_new_signed_version_and_both_are_kept(store: Store, visit_id: str) -> None:
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), "t")
    first = sign(store, visit_id)
    correction = start_correction(store, first.id, "Петров")
    assert correction != visit_id
    copied = store.load_visit(correction)
    assert copied.checklist.answer("contact.greet_first").state is ItemState.DONE
    store.save_answer(correction, "contact.introduce_id", Answer(ItemState.DONE), "Петров")
    number, version, supersedes = correction_of(store, correction)
    assert (number, version, supersedes) == (first.number, 2, first.id)
    second = sign(store, correction, version, supersedes, number)
    assert [a.version for a in versions(store, first.number)] == [1, 2]
    assert second.supersedes_id == first.id
    assert act_of_visit(store, visit_id).id == first.id, "the first act is kept unchanged"
    with pytest.raises(FrozenVisit, match="уже есть исправленная версия 2"):
        start_correction(store, first.id, "Петров")
