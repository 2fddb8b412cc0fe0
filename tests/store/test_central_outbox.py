"""The tablet's side of sync, without a server: the outbox fills itself, the status reads it, and a central
database that cannot be reached gives a sentence, keeps everything, and is retried with growing pauses."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import make_url, text

from fieldact.store.central import CentralUnavailable, central_url
from fieldact.store.migrate import alembic_config, current_revision
from fieldact.store.repository import Store
from fieldact.store.sync import backoff, sync_status, sync_with_retries
from fieldact.visit import VisitStatus

from .pg import finish, sign


def outbox(store: Store) -> list[tuple[str, str]]:
    with store.database.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text("SELECT visit_id, reason FROM outbox"))]


def test_a_finished_visit_enters_the_outbox_with_its_status_change(store: Store, visit_id: str) -> None:
    store.set_status(visit_id, VisitStatus.IN_PROGRESS, "t")
    assert outbox(store) == [] and sync_status(store.database).waiting == 0
    finish(store, visit_id, VisitStatus.RESCHEDULED)
    assert outbox(store) == [(visit_id, "rescheduled")]
    with store.database.engine.begin() as connection:
        connection.execute(text("UPDATE outbox SET confirmed_at = CURRENT_TIMESTAMP"))
    assert sync_status(store.database).waiting == 0
    with store.database.engine.begin() as connection:  # dispatch plans it again (a pull of its new time)
        connection.execute(text("UPDATE visit SET status = 'planned' WHERE id = :id"), {"id": visit_id})
    store.set_status(visit_id, VisitStatus.IN_PROGRESS, "t")
    sign(store, visit_id)
    assert outbox(store) == [(visit_id, "signed")]
    status = sync_status(store.database)
    assert (status.waiting, status.last_sync_at, status.conflicts) == (1, None, 0), "queued again once signed"


def test_an_unreachable_central_database_keeps_everything_and_backs_off(
    store: Store, visit_id: str, unused_tcp_port: int
) -> None:
    finish(store, visit_id)
    pauses: list[float] = []
    url = f"postgresql://tablet:secret@127.0.0.1:{unused_tcp_port}/fieldact"
    report = sync_with_retries(store.database, url, attempts=4, sleep=pauses.append)
    assert report.offline and pauses == [5.0, 10.0, 20.0]
    assert "недоступна" in report.error and "secret" not in report.error
    status = sync_status(store.database)
    assert status.waiting == 1 and "недоступна" in status.last_error
    assert outbox(store) == [(visit_id, "signed")]
    assert [backoff(n) for n in (1, 2, 3, 12)] == [5.0, 10.0, 20.0, 600.0]


def test_the_url_comes_from_the_environment_or_the_config_file_never_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FIELDACT_CENTRAL_URL", raising=False)
    monkeypatch.delenv("FIELDACT_CENTRAL_PASSWORD", raising=False)
    monkeypatch.setenv("FIELDACT_CONFIG", str(tmp_path / "central.toml"))
    with pytest.raises(CentralUnavailable, match="не задан"):
        central_url()
    (tmp_path / "central.toml").write_text('[central]\nurl = "postgresql://tab@db.local/fa"\npassword = "p w"\n')
    url = make_url(central_url())
    assert (url.drivername, url.username, url.password, url.host) == ("postgresql+psycopg", "tab", "p w", "db.local")
    monkeypatch.setenv("FIELDACT_CENTRAL_URL", "postgres://other@db2/fa")
    monkeypatch.setenv("FIELDACT_CENTRAL_PASSWORD", "envpw")
    assert central_url() == "postgresql+psycopg://other:envpw@db2/fa"
    with pytest.raises(CentralUnavailable, match="PostgreSQL"):
        central_url("sqlite:///x.db")


def test_migration_0003_goes_down_and_up_on_sqlite(store: Store, visit_id: str) -> None:
    finish(store, visit_id)
    config = alembic_config(store.database)
    command.downgrade(config, "0002")
    assert current_revision(store.database) == "0002"
    command.upgrade(config, "head")
    assert outbox(store) == [(visit_id, "signed")], "visits finished before the upgrade are queued"
    with pytest.raises(Exception, match="append-only"), store.database.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_event"))


@pytest.fixture
def unused_tcp_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_postgresql_url_given_as_db_uses_the_shipped_driver() -> None:
    from fieldact.store.db import resolve_url

    assert resolve_url("postgresql://office@db/fa") == "postgresql+psycopg://office@db/fa"
    assert resolve_url("postgres://office@db/fa") == "postgresql+psycopg://office@db/fa"
    assert resolve_url("postgresql+psycopg://office@db/fa") == "postgresql+psycopg://office@db/fa"
