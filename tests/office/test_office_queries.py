"""Finding acts: every filter, sorting and pages, on SQLite and (when FIELDACT_TEST_PG_URL is set) on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import make_url

from fieldact.office.queries import (
    ActFilter,
    ActStatus,
    Sorting,
    SortKey,
    act_ids,
    audit_trail,
    count,
    search,
    technicians,
)
from fieldact.standard import Service, VisitKind
from fieldact.store.db import Database, open_database
from fieldact.store.demo import demo_id
from fieldact.store.repository import Store

from .seed import Seeded, seed_office

PG_ENV = "FIELDACT_TEST_PG_URL"


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def searched(request, database: Database, seeded: Seeded, standard, brand) -> Iterator[tuple[Database, Seeded]]:
    if request.param == "sqlite":
        yield database, seeded
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to run the office queries against")
    from fieldact.store.central import init_central

    name = f"fieldact_office_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_plain(server), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        init_central(url)
        store = Store(open_database(url), standard, brand)
        yield store.database, seed_office(store)
        store.database.dispose()
    finally:
        with psycopg.connect(_plain(server), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


NEWEST_FIRST = Sorting()


def numbers(database: Database, wanted: ActFilter, zone, sorting: Sorting = NEWEST_FIRST) -> list[tuple[str, int]]:
    return [(row.number, row.version) for row in search(database, wanted, zone, sorting).rows]


def test_everything_is_listed_newest_first_with_status(searched, office_zone) -> None:
    database, seeded = searched
    rows = search(database, ActFilter(), office_zone).rows
    assert len(rows) == 8 == count(database, ActFilter(), office_zone)
    assert [r.signed_at for r in rows] == sorted((r.signed_at for r in rows), reverse=True)
    statuses = {(r.number, r.version): r.status for r in rows}
    assert statuses[(seeded.superseded.number, 1)] is ActStatus.SUPERSEDED
    assert statuses[(seeded.correction.number, 2)] is ActStatus.SIGNED
    assert statuses[(seeded.refused.number, 1)] is ActStatus.REFUSED
    first = rows[0]
    assert first.subscriber.count(" ") == 2 and first.contract.isdigit() and first.technician


def test_date_range_is_local_and_inclusive(searched, office_zone) -> None:
    database, seeded = searched
    on_25th = ActFilter(date_from=date(2026, 11, 25), date_to=date(2026, 11, 25))
    rows = search(database, on_25th, office_zone).rows
    assert rows and all(r.signed_at.date() == date(2026, 11, 25) for r in rows)
    assert count(database, ActFilter(date_from=date(2026, 11, 26)), office_zone) == 1  # today: the refusal
    assert count(database, ActFilter(date_to=date(2026, 11, 23)), office_zone) == 0


def test_technician_contract_and_subscriber(searched, office_zone) -> None:
    database, seeded = searched
    anna = demo_id("technician", "Смирнова", "Анна")
    rows = search(database, ActFilter(technician_id=anna), office_zone).rows
    assert rows and {r.technician for r in rows} == {"Смирнова Анна"}
    assert {t.name for t in technicians(database)} >= {"Смирнова Анна", "Петров Пётр"}

    contract = rows[0].contract
    exact = search(database, ActFilter(contract=contract), office_zone).rows
    assert exact and {r.contract for r in exact} == {contract}
    assert count(database, ActFilter(contract=contract[:6]), office_zone) >= len(exact)
    assert count(database, ActFilter(contract="59%"), office_zone) == 0, "LIKE wildcards are taken literally"

    surname = rows[0].subscriber.split()[0]
    for typed in (surname, surname.lower(), surname.upper(), surname[:3].lower()):
        found = search(database, ActFilter(subscriber=typed), office_zone).rows
        assert found and all(r.subscriber.startswith(surname[:3]) for r in found), typed
    full = " ".join(rows[0].subscriber.split()[:2]).lower()
    by_name = search(database, ActFilter(subscriber=full), office_zone).rows
    assert by_name and all(r.subscriber.lower().startswith(full) for r in by_name)
    assert count(database, ActFilter(subscriber="Нетакого"), office_zone) == 0


def test_kind_service_and_status(searched, office_zone) -> None:
    database, seeded = searched
    for kind in VisitKind:
        rows = search(database, ActFilter(kind=kind), office_zone).rows
        assert all(r.kind is kind for r in rows)
    assert (
        count(database, ActFilter(kind=VisitKind.CONNECTION), office_zone)
        + count(database, ActFilter(kind=VisitKind.SERVICE), office_zone)
        == 8
    )
    for service in Service:
        rows = search(database, ActFilter(service=service), office_zone).rows
        assert all(service in r.services for r in rows)
        assert count(database, ActFilter(service=service), office_zone) == len(rows)
    assert numbers(database, ActFilter(status=ActStatus.SUPERSEDED), office_zone) == [(seeded.superseded.number, 1)]
    assert numbers(database, ActFilter(status=ActStatus.REFUSED), office_zone) == [(seeded.refused.number, 1)]
    signed = numbers(database, ActFilter(status=ActStatus.SIGNED), office_zone)
    assert len(signed) == 6 and (seeded.superseded.number, 1) not in signed


def test_sorting_and_pages(searched, office_zone) -> None:
    database, _ = searched
    by_number = numbers(database, ActFilter(), office_zone, Sorting(SortKey.NUMBER, descending=False))
    assert by_number == sorted(by_number)
    for key in SortKey:
        for descending in (True, False):
            rows = search(database, ActFilter(), office_zone, Sorting(key, descending)).rows
            assert len(rows) == 8, key
    contracts = [r.contract for r in search(database, ActFilter(), office_zone, Sorting(SortKey.CONTRACT, False)).rows]
    assert contracts == sorted(contracts)
    pages, offset = [], 0
    while True:
        page = search(database, ActFilter(), office_zone, offset=offset, limit=3)
        pages.append(page.rows)
        offset += 3
        if not page.more:
            break
    assert [len(p) for p in pages] == [3, 3, 2]
    everything = [r.act_id for page in pages for r in page]
    assert everything == act_ids(database, ActFilter(), office_zone) and len(set(everything)) == 8


def test_audit_trail_of_an_act(searched, office_zone) -> None:
    database, seeded = searched
    trail = audit_trail(database, seeded.refused.visit_id)
    actions = [event.action for event in trail]
    assert actions[0] == "visit_created" and "act_refused" in actions


def test_an_office_login_reads_acts_and_keeps_the_password_on_postgresql(searched, office_zone) -> None:
    """Row security lets the office login read every act; the setting table takes its password hash."""
    database, seeded = searched
    if database.path is not None:
        pytest.skip("PostgreSQL only: a tablet's file has no logins")
    import secrets

    from fieldact.office import password
    from fieldact.office.access import open_office_database
    from fieldact.store.central import save_login

    role, secret = f"fa_off_{secrets.token_hex(4)}", secrets.token_hex(12)
    save_login(database, role, secret, "office")
    office_url = make_url(database.url).set(username=role, password=secret).render_as_string(hide_password=False)
    office = open_office_database(office_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        assert count(office, ActFilter(), office_zone) == 8
        assert numbers(office, ActFilter(status=ActStatus.REFUSED), office_zone) == [(seeded.refused.number, 1)]
        password.set_first(office, "пароль-офиса", "пароль-офиса")
        assert password.check(office, "пароль-офиса")
    finally:
        office.dispose()
        with psycopg.connect(_plain(database.url), autocommit=True) as admin:  # logins outlive the database
            admin.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
