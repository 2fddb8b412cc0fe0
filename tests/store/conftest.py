from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from fieldact.standard import Service, VisitKind
from fieldact.store.db import open_database
from fieldact.store.repository import Store
from fieldact.visit import Plan, Subscriber


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "fieldact.db"


@pytest.fixture
def store(db_path: Path, standard, brand) -> Iterator[Store]:
    opened = Store(open_database(db_path), standard, brand)
    yield opened
    opened.database.dispose()


def reopen(store: Store) -> Store:
    """A restart: a new engine on the same file."""
    store.database.dispose()
    return Store(open_database(store.database.path), store.standard, store.brand)


@pytest.fixture
def technician_id(store: Store) -> str:
    return store.add_technician("Петров", "Пётр", "1234")


SUBSCRIBER = Subscriber("Иванов", "Иван", "Петрович", "590000000001", "г. Пермь, ул. Ленина, д. 50, кв. 12", "+7 912")


@pytest.fixture
def visit_id(store: Store, technician_id: str, local) -> str:
    return store.create_visit(
        VisitKind.CONNECTION,
        frozenset({Service.TV, Service.INTERNET}),
        SUBSCRIBER,
        technician_id,
        Plan(local("2026-11-26T14:00")),
        request_number="2611-01",
    )


def at(local, text: str) -> datetime:
    return local(text)
