"""Who may do what on the central database is enforced by PostgreSQL itself (grants and row-level security),
checked with plain SQL on each login, not through our code."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import make_url

from fieldact.act import ActMeta, sign_act
from fieldact.act.sample import complete_up_to_signing, sample_signature
from fieldact.standard import Brand
from fieldact.store.acts import NewAct, act_number, store_act
from fieldact.store.central import central_engine
from fieldact.store.orders import import_orders, order_visit_id
from fieldact.store.photos import add_sample_photos
from fieldact.store.repository import Store
from fieldact.store.sealing import store_sealer
from fieldact.store.sync import pull_orders, push_finished

from .pg import Central, central_fixture, finish, order_line, orders_file, today_at  # noqa: F401


def plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def two_technicians(central: Central, store: Store, tmp_path: Path, brand: Brand) -> tuple[str, str]:
    """7001's tablet has pushed one signed visit; 7002 has an order of his own. Returns both tablet URLs."""
    first, second = central.technician("7001"), central.technician("7002", "Смирнова", "Анна")
    lines = [order_line("R-1", "7001", start=today_at(brand, 10)), order_line("S-1", "7002", start=today_at(brand, 11))]
    admin = central.database()
    import_orders(admin, orders_file(tmp_path, lines), brand)
    admin.dispose()
    engine = central_engine(first)
    pull_orders(store.database, engine)
    finish(store, order_visit_id("R-1", "7001"))
    assert push_finished(store.database, engine).pushed == 1
    engine.dispose()
    return first, second


def test_a_tablet_sees_only_its_technicians_rows(two_technicians: tuple[str, str]) -> None:
    first, second = two_technicians
    with psycopg.connect(plain(second)) as connection:
        assert connection.execute("SELECT request_number FROM visit").fetchall() == [("S-1",)]
        assert connection.execute("SELECT count(*) FROM visit WHERE technician_id = '7001'").fetchone() == (0,)
        for table in ("act", "answer", "payment", "material_use"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        audited = connection.execute("SELECT DISTINCT visit_id FROM audit_event").fetchall()
        assert audited == [(order_visit_id("S-1", "7002"),)], "only the audit of his own order"
        assert connection.execute("SELECT id FROM technician").fetchall() == [("7002",)]
        assert connection.execute("SELECT count(*) FROM work_order").fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM contract").fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM subscriber").fetchone() == (1,)
    with psycopg.connect(plain(first)) as connection:
        assert connection.execute("SELECT count(*) FROM act").fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM visit").fetchone() == (1,)


def test_a_tablet_cannot_write_for_another_technician(two_technicians: tuple[str, str]) -> None:
    _, second = two_technicians
    with psycopg.connect(plain(second)) as connection, pytest.raises(errors.InsufficientPrivilege, match="row-level"):
        connection.execute(
            "INSERT INTO visit (id, request_number, kind, services, contract_id, technician_id, zone, planned_start, "
            "planned_exact, status, stage_index, conditions, created_at, updated_at) SELECT %s, 'X', 'service', 'tv', "
            "contract_id, '7001', zone, planned_start, true, 'planned', 0, '{}', now(), now() FROM visit",
            (str(uuid.uuid4()),),
        )
    with psycopg.connect(plain(second)) as connection:
        assert connection.execute("UPDATE visit SET status = 'cancelled' WHERE technician_id = '7001'").rowcount == 0


@pytest.mark.parametrize(
    "statement",
    ["UPDATE act SET signer_name = 'Другой'", "DELETE FROM act", "UPDATE audit_event SET actor = 'x'", "TRUNCATE act"],
)
def test_a_tablet_cannot_change_a_stored_act_or_the_audit_log(
    two_technicians: tuple[str, str], central: Central, statement: str
) -> None:
    first, _ = two_technicians
    with psycopg.connect(plain(first)) as connection, pytest.raises(errors.InsufficientPrivilege):
        connection.execute(statement)
    assert central.query("SELECT signer_name FROM act") == [("Иванов Иван Петрович",)]


def test_the_answers_and_visit_of_a_signed_act_are_frozen_for_its_own_tablet(
    two_technicians: tuple[str, str], central: Central
) -> None:
    first, _ = two_technicians
    with psycopg.connect(plain(first)) as connection:
        assert connection.execute("UPDATE answer SET state = 'failed'").rowcount == 0
        assert connection.execute("DELETE FROM payment").rowcount == 0
        assert connection.execute("UPDATE visit SET status = 'planned'").rowcount == 0
    # Refused by its row-level policy (no row of a visit with an act), and behind it by the frozen check.
    with (
        psycopg.connect(plain(first)) as connection,
        pytest.raises((errors.InsufficientPrivilege, errors.RaiseException), match="row-level security|frozen"),
    ):
        connection.execute("INSERT INTO answer SELECT visit_id, 'x.y', 'done', NULL, '', now() FROM act")
    assert central.query("SELECT status FROM visit WHERE request_number = 'R-1'") == [("signed",)]


def test_the_office_reads_everything_and_writes_nothing(two_technicians: tuple[str, str], central: Central) -> None:
    office = central.login("office")
    with psycopg.connect(plain(office)) as connection:
        assert connection.execute("SELECT count(*) FROM visit").fetchone() == (2,)
        assert connection.execute("SELECT count(*) FROM act").fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM technician").fetchone() == (2,)
    for statement in (
        "UPDATE visit SET status = 'planned'",
        "DELETE FROM answer",
        "INSERT INTO office_notice DEFAULT VALUES",
    ):
        with psycopg.connect(plain(office)) as connection, pytest.raises(errors.InsufficientPrivilege):
            connection.execute(statement)


def test_the_office_exports_acts_that_pass_verify(central: Central, store: Store, tmp_path: Path, brand: Brand) -> None:
    tablet = central_engine(central.technician("7001"))
    admin = central.database()
    import_orders(admin, orders_file(tmp_path, [order_line("R-1", "7001", start=today_at(brand, 10))]), brand)
    admin.dispose()
    pull_orders(store.database, tablet)
    visit_id = order_visit_id("R-1", "7001")
    add_sample_photos(store, visit_id, "Петров")
    visit = store.load_visit(visit_id)
    complete_up_to_signing(visit)
    for key, answer in visit.checklist.answers.items():  # as the app saves each answer before signing
        store.save_answer(visit_id, key, answer, "Петров")
    signed_at = datetime.now(ZoneInfo(brand.timezone))
    meta = ActMeta(number=act_number(visit_id, signed_at), signed_at=signed_at, signer_name="Иванов Иван Петрович")
    signed = sign_act(visit, meta, sample_signature(), sealer=store_sealer(store.database, store.brand))
    store_act(
        store,
        NewAct(
            id=str(meta.id),
            number=meta.number,
            version=1,
            visit_id=visit_id,
            signed_at=signed_at,
            signer_name=meta.signer_name,
            pdf=signed.pdf,
            content=signed.content_json,
            ink=signed.ink,
            ink_sha256=signed.ink_sha256,
        ),
        "Петров",
    )
    assert push_finished(store.database, tablet).pushed == 1
    tablet.dispose()

    office = central.login("office")
    with psycopg.connect(plain(office)) as connection:
        (pdf,) = connection.execute("SELECT pdf FROM act").fetchone()
    exported = tmp_path / "act.pdf"
    exported.write_bytes(bytes(pdf))
    verify = subprocess.run(
        [sys.executable, "-m", "fieldact", "verify", str(exported)], capture_output=True, text=True, timeout=120
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    doctor = subprocess.run(
        [sys.executable, "-m", "fieldact", "doctor", "--db", plain(office)], capture_output=True, text=True, timeout=120
    )
    assert doctor.returncode == 0 and doctor.stdout.strip() == "OK", doctor.stdout + doctor.stderr
