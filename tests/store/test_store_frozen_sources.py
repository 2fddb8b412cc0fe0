"""Everything an act was made from stays as it was signed, in SQL too: no INSERT OR REPLACE over an act or the
audit log, no material, payment, stage or branch added to a signed visit, no status or time moved; and when
someone gets past the triggers (drops them), ``doctor`` names what no longer matches the act."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from fieldact.store.doctor import full_check
from fieldact.store.repository import Store
from fieldact.store.signing import sign_demo_visit
from fieldact.text import language, set_language
from fieldact.visit import Material

from .conftest import reopen

ACT_COLUMNS = (
    "id, number, version, supersedes_id, visit_id, outcome, refusal_reason, signed_at, signer_name, pdf, pdf_sha256, "
    "content, content_sha256, ink, ink_sha256, created_at"
)


@pytest.fixture
def signed(store: Store, visit_id: str, local) -> str:
    """A visit done by the book with a material and a payment, signed for real."""
    store.add_material(visit_id, Material("K-5E", "Кабель UTP 5e", 12, "м"), "Петров")
    sign_demo_visit(store, visit_id, local("2026-11-26T15:00"))
    return visit_id


def refused(store: Store, statement: str, **params: object) -> None:
    with pytest.raises(DatabaseError, match="fieldact: "), store.database.engine.begin() as connection:
        connection.execute(text(statement), params)


def one(store: Store, query: str, **params: object) -> object:
    with store.database.engine.connect() as connection:
        return connection.execute(text(query), params).scalar()


def test_insert_or_replace_cannot_rewrite_an_act(store: Store, signed: str) -> None:
    before = one(store, "SELECT number || '|' || signer_name || '|' || outcome || '|' || signed_at FROM act")
    refused(
        store,
        f"INSERT OR REPLACE INTO act ({ACT_COLUMNS}) SELECT id, 'FORGED-1', version, supersedes_id, visit_id, "
        "'refused', 'не хотел', '2020-01-01 00:00:00', 'Другой Человек', pdf, pdf_sha256, content, content_sha256, "
        "ink, ink_sha256, created_at FROM act",
    )
    refused(
        store,
        f"INSERT INTO act ({ACT_COLUMNS}) SELECT id, number, version, supersedes_id, visit_id, outcome, "
        "refusal_reason, signed_at, 'Другой', pdf, pdf_sha256, content, content_sha256, ink, ink_sha256, created_at "
        "FROM act WHERE true ON CONFLICT (id) DO UPDATE SET signer_name = excluded.signer_name",
    )
    restarted = reopen(store)
    after = one(restarted, "SELECT number || '|' || signer_name || '|' || outcome || '|' || signed_at FROM act")
    assert after == before
    restarted.database.dispose()


def test_insert_or_replace_cannot_rewrite_the_audit_log(store: Store, signed: str) -> None:
    count = one(store, "SELECT count(*) FROM audit_event")
    refused(
        store,
        "INSERT OR REPLACE INTO audit_event (id, at, actor, action, visit_id, details) "
        "SELECT id, at, 'someone', 'nothing', visit_id, '{}' FROM audit_event WHERE action = 'act_signed'",
    )
    assert one(store, "SELECT count(*) FROM audit_event WHERE action = 'act_signed'") == 1
    assert one(store, "SELECT count(*) FROM audit_event") == count


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO material_use (visit_id, code, name, quantity, unit, recorded_at) "
        "VALUES (:visit, 'K-5E', 'Кабель UTP 5e', '999', 'м', '2026-11-26 15:00:00')",
        "UPDATE material_use SET quantity = '999'",
        "DELETE FROM material_use",
        "UPDATE payment SET total = total * 10",
        "DELETE FROM payment",
        "INSERT OR REPLACE INTO payment SELECT visit_id, lines, 1, 1, 0, 0, bso_number, recorded_at FROM payment",
        "INSERT INTO stage_event (visit_id, stage_key, completed_at) VALUES (:visit, 'closing', '2026-11-26 15:00:00')",
        "INSERT INTO branch_event (visit_id, branch_key, at, outcome, details, called_role) "
        "VALUES (:visit, 'reschedule', '2026-11-26 15:00:00', 'agreed', 'x', '')",
        "UPDATE visit SET status = 'in_progress'",
        "UPDATE visit SET arrived_at = '2026-11-26 09:00:00'",
        "UPDATE visit SET precall_at = '2026-11-26 08:00:00'",
        "UPDATE visit SET signed_at = '2026-11-27 08:00:00'",
        "UPDATE visit SET planned_start = '2026-11-26 08:00:00'",
        "UPDATE visit SET services = 'phone'",
        "UPDATE visit SET contract_id = 'other'",
        "INSERT OR REPLACE INTO visit SELECT * FROM visit",
        "DELETE FROM visit",
    ],
)
def test_what_an_act_was_made_from_is_frozen(store: Store, signed: str, statement: str) -> None:
    refused(store, statement, visit=signed)
    assert one(store, "SELECT group_concat(quantity) FROM material_use") == "12"
    assert one(store, "SELECT status FROM visit") == "signed"
    assert full_check(store.database) == []


def test_a_visit_without_an_act_keeps_its_rows_editable(store: Store, visit_id: str) -> None:
    store.add_material(visit_id, Material("K-5E", "Кабель UTP 5e", 12, "м"), "Петров")
    with store.database.engine.begin() as connection:
        connection.execute(text("UPDATE material_use SET quantity = '13'"))
        connection.execute(text("UPDATE visit SET arrived_at = '2026-11-26 09:00:00'"))
    assert one(store, "SELECT quantity FROM material_use") == "13"


@pytest.fixture
def english() -> Iterator[None]:
    before = language()
    set_language("en")
    yield
    set_language(before)


def drop_triggers(store: Store) -> None:
    """What someone with the file and the sqlite3 tool can do: the triggers are only a first line."""
    with store.database.engine.begin() as connection:
        names = [row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))]
        for name in names:
            connection.execute(text(f"DROP TRIGGER {name}"))


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        (
            "INSERT INTO material_use (visit_id, code, name, quantity, unit, recorded_at) "
            "VALUES (:visit, 'K-5E', 'Кабель UTP 5e', '999', 'м', '2026-11-26 15:00:00')",
            "list of materials",
        ),
        ("UPDATE payment SET total = total * 10", "payment"),
        ("UPDATE answer SET state = 'failed' WHERE item_key = 'contact.greet_first'", "checklist answers"),
        ("UPDATE visit SET status = 'in_progress'", "visit status"),
        ("UPDATE visit SET signed_at = '2020-01-01 00:00:00'", "signing time"),
        ("UPDATE visit SET services = 'phone'", "list of services"),
        (
            "INSERT INTO stage_event (visit_id, stage_key, completed_at) "
            "VALUES (:visit, 'closing', '2026-11-26 15:00:00')",
            "stage marks",
        ),
        (
            "INSERT INTO branch_event (visit_id, branch_key, at, outcome, details, called_role) "
            "VALUES (:visit, 'reschedule', '2026-11-26 15:00:00', 'agreed', 'x', '')",
            "branch events",
        ),
        ("UPDATE contract SET number = '590000000999'", "contract number"),
    ],
)
def test_doctor_reports_rows_that_no_longer_match_the_act(
    store: Store, signed: str, statement: str, named: str, english: None
) -> None:
    assert full_check(store.database) == []
    drop_triggers(store)
    with store.database.engine.begin() as connection:
        connection.execute(text(statement), {"visit": signed})
    problems = full_check(store.database)
    assert len(problems) == 1 and named in problems[0] and "differs from the act" in problems[0], problems
