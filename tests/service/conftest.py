from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))  # the central-database helpers (pg.py)

from pg import Central, central_fixture  # noqa: E402, F401

from fieldact.store.central import save_login  # noqa: E402
from fieldact.store.db import open_database  # noqa: E402
from fieldact.store.repository import Store  # noqa: E402

from .server import RunningService, start_service  # noqa: E402


def service_login(central: Central) -> str:
    """The service's own database login (kind service), as a URL."""
    import secrets

    role, password = f"fa_svc_{secrets.token_hex(5)}", secrets.token_hex(12)
    database = central.database()
    try:
        save_login(database, role, password, "service")
    finally:
        database.dispose()
    central.logins.append(role)
    return central.login_url(role, password)


@pytest.fixture
def service(central: Central, tmp_path: Path) -> Iterator[RunningService]:
    yield from start_service(tmp_path / "service", service_login(central))


@pytest.fixture
def tablet(tmp_path: Path, standard, brand) -> Iterator[Store]:
    opened = Store(open_database(tmp_path / "tablet" / "fieldact.db"), standard, brand)
    yield opened
    opened.database.dispose()
