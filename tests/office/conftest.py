from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fieldact.store.db import open_database
from fieldact.store.repository import Store

from .seed import Seeded, seed_office


@pytest.fixture(scope="session")
def template(tmp_path_factory, standard, brand) -> tuple[Path, Seeded]:
    """Seeded once (real signed PDFs take a while); each test works on its own copy of the file."""
    path = tmp_path_factory.mktemp("office") / "template.db"
    store = Store(open_database(path), standard, brand)
    seeded = seed_office(store)
    store.database.dispose()
    return path, seeded


@pytest.fixture
def seeded(template) -> Seeded:
    return template[1]


@pytest.fixture
def office_store(template, tmp_path: Path, standard, brand) -> Iterator[Store]:
    path = tmp_path / "office.db"
    shutil.copyfile(template[0], path)
    store = Store(open_database(path), standard, brand)
    yield store
    store.database.dispose()


@pytest.fixture
def database(office_store: Store):
    return office_store.database


@pytest.fixture
def office_zone(brand) -> ZoneInfo:
    return ZoneInfo(brand.timezone)
