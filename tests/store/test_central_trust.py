"""Against a real PostgreSQL: a signed visit is frozen for its own tablet and for dispatch, no tablet supersedes an
act, and a tablet that knows another contract's number learns nothing about its subscriber — by any function,
view, insert-then-read, or ordinary sync."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import make_url

from fieldact.standard import Brand, Service, VisitKind
from fieldact.store.central import central_engine
from fieldact.store.db import open_database
from fieldact.store.orders import import_orders, order_visit_id
from fieldact.store.repository import Store
from fieldact.store.sync import pull_orders, push_finished
from fieldact.visit import Plan, Subscriber

from .pg import Central, central_fixture, finish, order_line, orders_file, today_at  # noqa: F401

SECRET = ("Секретова", "Тайна", "Скрытовна")
SECRET_PHONE = "+7 912 777-77-77"
SECRET_CONTRACT = "590000000777"
SECRET_STREET = "ул. Тайная"


def plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def tablets(central: Central, store: Store, tmp_path: Path, brand: Brand) -> tuple[str, str]:
    """7001's tablet has pushed a signed visit for a subscriber named SECRET; 7002 has an order of his own."""
    first, second = central.technician("7001"), central.technician("7002", "Смирнова", "Анна")
    secret = order_line("R-1", "7001", start=today_at(brand, 10), contract=SECRET_CONTRACT)
    secret = secret.replace("Иванов Иван Петрович", " ".join(SECRET)).replace("+7 912 000-00-01", SECRET_PHONE)
    secret = secret.replace("ул. Ленина", SECRET_STREET)
    lines = [secret, order_line("S-1", "7002", start=today_at(brand, 11))]
    admin = central.database()
    import_orders(admin, orders_file(tmp_path, lines), brand)
    admin.dispose()
    engine = central_engine(first)
    pull_orders(store.database, engine)
    finish(store, order_visit_id("R-1", "7001"))
    assert push_finished(store.database, engine).pushed == 1
    engine.dispose()
    return first, second


SIGNED = order_visit_id("R-1", "7001")


def fails(url: str, statement: str, *params: object) -> None:
    with (
        psycopg.connect(plain(url)) as connection,
        pytest.raises((errors.InsufficientPrivilege, errors.RaiseException)),
    ):
        connection.execute(statement, params or None)  # type: ignore[arg-type]


# --- frozen ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO material_use (visit_id, code, name, quantity, unit, recorded_at) "
        "VALUES (%s, 'K-5E', 'Кабель UTP 5e', '999', 'м', now())",
        "INSERT INTO branch_event (visit_id, branch_key, at, outcome, details, called_role) "
        "VALUES (%s, 'reschedule', now(), 'agreed', 'x', '')",
        "INSERT INTO stage_event (visit_id, stage_key, completed_at) VALUES (%s, 'closing', now())",
        "INSERT INTO answer (visit_id, item_key, state, reason, answered_at) VALUES (%s, 'x.y', 'done', '', now())",
    ],
)
def test_a_tablet_adds_nothing_to_its_signed_visit(tablets: tuple[str, str], central: Central, statement: str) -> None:
    first, _ = tablets
    table = statement.split()[2]
    before = central.query(f"SELECT count(*) FROM {table}")
    fails(first, statement, SIGNED)
    assert central.query(f"SELECT count(*) FROM {table}") == before


def test_a_tablet_cannot_supersede_or_double_an_act(tablets: tuple[str, str], central: Central) -> None:
    first, _ = tablets
    copy = (
        "INSERT INTO act (id, number, version, supersedes_id, visit_id, outcome, refusal_reason, signed_at, "
        "signer_name, pdf, pdf_sha256, content, content_sha256, ink, ink_sha256, created_at) "
        "SELECT %s, number, {version}, {supersedes}, visit_id, outcome, '', signed_at, 'Подставной', "
        "'\\x00', encode(sha256('\\x00'), 'hex'), '{{}}', '', NULL, '', now() FROM act"
    )
    fails(first, copy.format(version="version + 1", supersedes="id"), str(uuid.uuid4()))
    fails(first, copy.format(version="version", supersedes="NULL").replace("%s, number,", "%s, number || 'B',"), "x")
    assert central.query("SELECT version, signer_name FROM act") == [(1, "Иванов Иван Петрович")]


def test_dispatch_cannot_touch_a_signed_visit(tablets: tuple[str, str], central: Central) -> None:
    dispatch = central.login("dispatch")
    with psycopg.connect(plain(dispatch)) as connection:
        assert connection.execute("UPDATE visit SET status = 'planned' WHERE id = %s", (SIGNED,)).rowcount == 0
        assert (
            connection.execute("UPDATE work_order SET state = 'cancelled' WHERE visit_id = %s", (SIGNED,)).rowcount == 0
        )
        other = order_visit_id("S-1", "7002")
        assert connection.execute("UPDATE visit SET zone = zone WHERE id = %s", (other,)).rowcount == 1
    assert central.query("SELECT status FROM visit WHERE id = %s", SIGNED) == [("signed",)]
    assert central.query("SELECT state FROM work_order WHERE visit_id = %s", SIGNED) == [("assigned",)]


def test_even_the_owner_cannot_add_rows_to_a_signed_visit_and_a_statement_is_refused_whole(
    tablets: tuple[str, str], central: Central
) -> None:
    before = central.query("SELECT count(*) FROM answer")[0][0]
    other = order_visit_id("S-1", "7002")  # an unsigned visit: its row in the same statement is refused with it
    for statement in (
        "INSERT INTO answer SELECT visit_id, 'x.y', 'done', NULL, '', now() FROM act",
        "INSERT INTO stage_event (visit_id, stage_key, completed_at) SELECT visit_id, 'extra', now() FROM act",
        "INSERT INTO material_use (visit_id, code, name, quantity, unit, recorded_at) "
        "SELECT visit_id, 'M1', 'Кабель', '1', 'м', now() FROM act",
        f"INSERT INTO answer SELECT v.id, 'x.z', 'done', NULL, '', now() FROM visit v WHERE v.id IN ('{other}', "
        f"'{SIGNED}')",
    ):
        with pytest.raises(psycopg.errors.RaiseException, match="of a visit with an act is frozen"):
            central.query(statement)
    assert central.query("SELECT count(*) FROM answer")[0][0] == before
    central.query(f"INSERT INTO answer VALUES ('{other}', 'x.z', 'done', NULL, '', now()) RETURNING visit_id")
    assert central.query("SELECT count(*) FROM answer")[0][0] == before + 1


def test_even_the_owner_cannot_change_what_a_signed_visit_was_made_from(
    tablets: tuple[str, str], central: Central
) -> None:
    for statement in (
        "UPDATE payment SET total = total * 10",
        "DELETE FROM material_use",
        "UPDATE visit SET arrived_at = now() - interval '5 hours'",
        "UPDATE visit SET status = 'in_progress'",
    ):
        with pytest.raises(psycopg.errors.RaiseException, match="frozen"):
            central.query(statement)


# --- privacy --------------------------------------------------------------------------------------------------------


def leaks(url: str) -> list[str]:
    """Everything of the secret subscriber this login can read in any table or view."""
    found = []
    with psycopg.connect(plain(url)) as connection:
        relations = connection.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm') "
            "AND has_table_privilege(c.oid, 'SELECT')"
        ).fetchall()
        for (name,) in relations:
            for row in connection.execute(f'SELECT t::text FROM "{name}" t').fetchall():
                if any(part in row[0] for part in (SECRET[0], SECRET_PHONE, SECRET_STREET, SECRET_CONTRACT)):
                    found.append(f"{name}: {row[0]}")
    return found


def test_owners_rights_functions_open_to_a_tablet_reveal_nothing(tablets: tuple[str, str], central: Central) -> None:
    _, second = tablets
    with psycopg.connect(plain(second)) as connection:
        definers = connection.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = current_schema() AND p.prosecdef AND has_function_privilege(p.oid, 'EXECUTE') "
            "ORDER BY 1"
        ).fetchall()
    assert [name for (name,) in definers] == [
        "fieldact_contract_state",
        "fieldact_technician",
        "fieldact_visit_after_act",
        "fieldact_visit_has_act",
    ]
    with psycopg.connect(plain(second)) as connection:  # another technician's visit: nothing changes, nothing said
        ((visit_id,),) = central.query(
            "SELECT v.id FROM visit v JOIN contract c ON c.id = v.contract_id WHERE c.number = %s", SECRET_CONTRACT
        )
        changed = connection.execute(
            "SELECT fieldact_visit_after_act(%s, '{\"x\": 1}', '{}', now())", (visit_id,)
        ).fetchone()
        assert changed == (False,)
    assert central.query("SELECT closing FROM visit WHERE id = %s", visit_id) == [("{}",)]
    with psycopg.connect(plain(second)) as connection, pytest.raises(errors.UndefinedFunction):
        connection.execute("SELECT fieldact_contract_id(%s)", (SECRET_CONTRACT,))
    with psycopg.connect(plain(second)) as connection:  # that the number is taken: what a unique index says anyway
        state = connection.execute("SELECT fieldact_contract_state(%s, %s)", (SECRET_CONTRACT, str(uuid.uuid4())))
        assert state.fetchone() == ("taken",)
    assert leaks(second) == []


def test_insert_then_read_reveals_nothing(tablets: tuple[str, str], central: Central) -> None:
    _, second = tablets
    ((contract_id,),) = central.query("SELECT id FROM contract WHERE number = %s", SECRET_CONTRACT)  # leaked somehow
    own = order_visit_id("S-1", "7002")
    with psycopg.connect(plain(second)) as connection:
        connection.execute(
            "INSERT INTO visit (id, request_number, kind, services, contract_id, technician_id, zone, planned_start, "
            "planned_exact, status, stage_index, conditions, created_at, updated_at) SELECT %s, 'X', kind, services, "
            "%s, technician_id, zone, planned_start, true, 'planned', 0, '{}', now(), now() FROM visit WHERE id = %s",
            (str(uuid.uuid4()), contract_id, own),
        )
    assert leaks(second) == []
    fails(second, "UPDATE visit SET contract_id = %s WHERE id = %s", contract_id, own)
    assert leaks(second) == []


def test_ordinary_sync_with_a_known_contract_number_reveals_nothing(
    tablets: tuple[str, str], central: Central, tmp_path: Path, standard, brand: Brand, local
) -> None:
    _, second = tablets
    other = Store(open_database(tmp_path / "second.db"), standard, brand)
    engine = central_engine(second)
    try:
        pull_orders(other.database, engine)
        guess = Subscriber("Угадай", "Кто", "Такой", SECRET_CONTRACT, "где-то", "+7 900")
        visit = other.create_visit(
            VisitKind.CONNECTION, frozenset({Service.TV}), guess, "7002", Plan(local("2026-11-26T14:00"))
        )
        finish(other, visit)
        report = push_finished(other.database, engine)
        pull_orders(other.database, engine)
    finally:
        engine.dispose()
    assert report.pushed == 0 and len(report.failed) == 1
    assert SECRET_CONTRACT in report.failed[0][1]
    with other.database.engine.connect() as connection:
        names = {row[0] for row in connection.exec_driver_sql("SELECT surname FROM subscriber")}
    assert SECRET[0] not in names
    assert leaks(second) == []
    assert central.query("SELECT surname FROM subscriber s JOIN contract c ON c.subscriber_id = s.id "
                         "WHERE c.number = %s", SECRET_CONTRACT) == [(SECRET[0],)]  # fmt: skip
    other.database.dispose()


def test_the_register_from_the_central_database_shows_the_act_not_dispatchs_later_edits(
    central: Central, store: Store, tmp_path: Path, brand: Brand
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from fieldact.office.export import export_acts
    from fieldact.office.queries import ActFilter, search
    from fieldact.office.register import RegisterFormat
    from fieldact.store.central import open_central
    from fieldact.store.signing import sign_demo_visit

    tablet = central_engine(central.technician("7001"))
    line = order_line("R-1", "7001", start=today_at(brand, 10), contract=SECRET_CONTRACT)
    admin = central.database()
    import_orders(admin, orders_file(tmp_path, [line.replace("Иванов Иван Петрович", " ".join(SECRET))]), brand)
    admin.dispose()
    pull_orders(store.database, tablet)
    sign_demo_visit(store, SIGNED, datetime.now(ZoneInfo(brand.timezone)))
    assert push_finished(store.database, tablet).pushed == 1
    tablet.dispose()
    dispatch = central.login("dispatch")
    with psycopg.connect(plain(dispatch)) as connection:
        assert connection.execute("UPDATE subscriber SET surname = 'Подменов'").rowcount == 1
        assert connection.execute("UPDATE contract SET address = 'ул. Другая, 1'").rowcount == 1
    office = open_central(central.login("office"))
    try:
        ids = [row[0] for row in central.query("SELECT id FROM act")]
        report = export_acts(office, ids, tmp_path / "out.zip", RegisterFormat.CSV)
        (row,) = search(office, ActFilter(), ZoneInfo(brand.timezone)).rows
    finally:
        office.dispose()
    assert report.ok, report.refused
    (exported,) = report.exported
    assert exported.subscriber == " ".join(SECRET) and "Ленина" in exported.address
    assert row.subscriber == " ".join(SECRET) and "Ленина" in row.address
    run_as_owner(central, "ALTER TABLE act DISABLE TRIGGER USER; UPDATE act SET content = 'not json {'")
    office = open_central(central.login("office"))
    try:
        (row,) = search(office, ActFilter(), ZoneInfo(brand.timezone)).rows
    finally:
        office.dispose()
    assert row.subscriber == "Подменов Тайна Скрытовна", "an act that is not JSON falls back to the live rows"


def run_as_owner(central: Central, statement: str) -> None:
    with psycopg.connect(plain(central.admin_url)) as connection:
        connection.execute(statement)  # type: ignore[arg-type]
