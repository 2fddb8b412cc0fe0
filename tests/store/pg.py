"""A real PostgreSQL for the central-database tests: a fresh database per test, migrated by `central init`.

The server is named by FIELDACT_TEST_PG_URL (a login that may create databases and roles; `.ci/postgres-up`
starts one). Without it the tests skip with that reason, except under CI, where they must run.
"""

from __future__ import annotations

import json
import os
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import make_url

from fieldact.standard import Brand
from fieldact.store.acts import NewAct, act_number, sha256_hex, store_act
from fieldact.store.central import init_central, open_central, save_login, save_technician
from fieldact.store.db import Database
from fieldact.store.repository import Store
from fieldact.visit import Answer, BranchRecord, ItemState, Material, VisitStatus
from fieldact.visit.payment import PaymentLine, settle

ENV = "FIELDACT_TEST_PG_URL"


def server_url() -> str:
    url = os.environ.get(ENV)
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(f"{ENV} is not set under CI: .ci/run must start PostgreSQL for these tests")
    pytest.skip(f"{ENV} is not set: no PostgreSQL server to test against (start one with .ci/postgres-up)")


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@dataclass
class Central:
    """One throw-away central database, and the logins made for it."""

    admin_url: str
    logins: list[str] = field(default_factory=list)

    def database(self) -> Database:
        return open_central(self.admin_url)

    def login_url(self, role: str, password: str) -> str:
        return make_url(self.admin_url).set(username=role, password=password).render_as_string(hide_password=False)

    def login(self, kind: str, technician_id: str | None = None) -> str:
        role, password = f"fa_{kind[:3]}_{secrets.token_hex(5)}", secrets.token_hex(12)
        database = self.database()
        try:
            save_login(database, role, password, kind, technician_id)  # type: ignore[arg-type]
        finally:
            database.dispose()
        self.logins.append(role)
        return self.login_url(role, password)

    def technician(
        self, technician_id: str, surname: str = "Петров", first_name: str = "Пётр", pin: str = "1234"
    ) -> str:
        """A technician with a tablet login; returns that login's URL."""
        database = self.database()
        try:
            save_technician(database, technician_id, surname, first_name, pin)
        finally:
            database.dispose()
        return self.login("tablet", technician_id)

    def query(self, statement: str, *params: object) -> list[tuple]:
        with psycopg.connect(_plain(self.admin_url)) as connection:
            return connection.execute(statement, params or None).fetchall()  # type: ignore[arg-type]


@pytest.fixture(name="central")
def central_fixture() -> Iterator[Central]:
    server = server_url()
    name = f"fieldact_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_plain(server), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    made = Central(make_url(server).set(database=name).render_as_string(hide_password=False))
    try:
        init_central(made.admin_url)
        yield made
    finally:
        with psycopg.connect(_plain(server), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            for role in made.logins:
                admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


# --- orders files -----------------------------------------------------------------------------------------------

HEADER = "request_number,kind,services,planned_start,planned_end,subscriber,contract,address,phone,technician,status\n"


def order_line(
    number: str,
    technician: str,
    start: str = "2026-11-26 14:00",
    contract: str | None = None,
    status: str = "",
    kind: str = "connection",
    services: str = "tv;internet",
    end: str = "",
) -> str:
    contract = contract or f"59{abs(hash(number)) % 10**10:010d}"
    return (
        f"{number},{kind},{services},{start},{end},Иванов Иван Петрович,{contract},"
        f'"г. Пермь, ул. Ленина, д. 50, кв. {len(number)}",+7 912 000-00-01,{technician},{status}\n'
    )


def orders_file(folder: Path, lines: list[str], name: str = "orders.csv") -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def today_at(brand: Brand, hour: int, days: int = 0) -> str:
    """A local planned time today (or ``days`` from now): orders the tablet pulls must not be in the past."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    day = datetime.now(ZoneInfo(brand.timezone)).date() + timedelta(days=days)
    return f"{day:%Y-%m-%d} {hour:02d}:00"


# --- finishing visits on the tablet -------------------------------------------------------------------------------


def work_on(store: Store, visit_id: str, actor: str = "Петров") -> None:
    """Answers, a material, a payment, a branch and a stage: everything a push carries besides the act."""
    store.mark(visit_id, "precall_at", actor)
    store.save_answer(visit_id, "contact.greet_first", Answer(ItemState.DONE), actor)
    store.save_answer(visit_id, "contact.introduce_id", Answer(ItemState.FAILED, None, "забыл удостоверение"), actor)
    store.add_material(visit_id, Material("K-5E", "Кабель UTP 5e", 12, "м"), actor)
    store.save_payment(
        visit_id,
        settle((PaymentLine("Подключение", 1, 100_000),), received=100_000, change=0, bso_number="АБ 1"),
        actor,
    )
    store.record_branch(visit_id, BranchRecord("reschedule", datetime.now(UTC), "agreed", "перенос на завтра"), actor)
    store.set_stage(visit_id, 2, actor, completed="precall")


def sign(store: Store, visit_id: str, act_id: str | None = None, pdf_extra: bytes = b"") -> NewAct:
    signed_at = datetime.now(UTC)
    content = json.dumps({"visit": visit_id, "extra": pdf_extra.decode()}, sort_keys=True).encode()
    act = NewAct(
        id=act_id or str(uuid.uuid4()),
        number=act_number(visit_id, signed_at),
        version=1,
        visit_id=visit_id,
        signed_at=signed_at,
        signer_name="Иванов Иван Петрович",
        pdf=b"%PDF-1.7 test act " + content + secrets.token_bytes(2000) + pdf_extra,
        content=content,
        ink=b"ink-" + visit_id.encode(),
        ink_sha256=sha256_hex(b"ink-" + visit_id.encode()),
    )
    store_act(store, act, "Петров")
    return act


def finish(store: Store, visit_id: str, outcome: VisitStatus = VisitStatus.SIGNED) -> NewAct | None:
    work_on(store, visit_id)
    if outcome is VisitStatus.RESCHEDULED:
        store.set_status(visit_id, VisitStatus.RESCHEDULED, "Петров", "абонент попросил")
        return None
    return sign(store, visit_id)
