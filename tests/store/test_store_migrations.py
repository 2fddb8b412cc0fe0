"""Migrations: an empty database and one at the previous revision both reach the newest schema."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel
from tests.store.pg import central_fixture  # noqa: F401  (the fixture)

from fieldact.store.db import Database, create_database_engine, open_database, resolve_url
from fieldact.store.migrate import current_revision, head_revision, upgrade

PHOTOS = "0009_photos_equipment"
BEFORE_PHOTOS = "0008_central_service"


def test_empty_database_reaches_head_and_matches_the_tables(tmp_path: Path) -> None:
    database = open_database(tmp_path / "new.db")
    assert current_revision(database) == head_revision()
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == [], "the migrations must build exactly the tables of store/tables.py"
    assert not (tmp_path / "backups").exists(), "a new file needs no backup"
    database.dispose()


def test_previous_revision_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    url = resolve_url(path)
    old = Database(url, create_database_engine(url))
    upgrade(old, "0001")
    with old.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO technician (id, surname, first_name, pin_salt, pin_hash, failed_attempts, active) "
            "VALUES ('t1', 'Петров', 'Пётр', 'aa', 'bb', 0, 1)"
        )
    old.dispose()

    database = open_database(path)
    assert current_revision(database) == head_revision()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT surname FROM technician").scalar() == "Петров"
        triggers = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
    expected = {
        "act_no_update",
        "act_no_delete",
        "answer_frozen_update",
        "photo_frozen_delete",
        "equipment_frozen_insert",
    }
    assert expected <= triggers
    backups = list((tmp_path / "backups").glob("old-*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT surname FROM technician").fetchone() == ("Петров",)
    database.dispose()


def test_sqlite_is_in_wal_with_foreign_keys_and_full_sync(tmp_path: Path) -> None:
    database = open_database(tmp_path / "x.db")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    database.dispose()


def test_database_url_from_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FIELDACT_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url(tmp_path / "given.db") == f"sqlite:///{tmp_path / 'given.db'}"


def test_photos_and_devices_go_up_and_down_from_the_revision_before(tmp_path: Path) -> None:
    from alembic import command

    from fieldact.store.migrate import alembic_config

    url = resolve_url(tmp_path / "p.db")
    database = Database(url, create_database_engine(url))
    upgrade(database, BEFORE_PHOTOS)
    with database.engine.connect() as connection:
        tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "photo" not in tables and "equipment" not in tables
    upgrade(database, PHOTOS)
    with database.engine.connect() as connection:
        tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"photo", "equipment"} <= tables
    command.downgrade(alembic_config(database), BEFORE_PHOTOS)
    with database.engine.connect() as connection:
        names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert not {name for name in names if name.startswith(("photo", "equipment"))}
    database.dispose()


def test_the_head_and_current_revision_read_without_alembic_agree_with_alembic(tmp_path: Path) -> None:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from fieldact.store.migrate import MIGRATIONS, current_revision, head_revision

    assert head_revision() == ScriptDirectory(str(MIGRATIONS)).get_current_head()
    url = resolve_url(tmp_path / "h.db")
    database = Database(url, create_database_engine(url))
    assert current_revision(database) is None, "a new file has no revision yet"
    upgrade(database, BEFORE_PHOTOS)
    with database.engine.connect() as connection:
        assert current_revision(database) == MigrationContext.configure(connection).get_current_revision()
    assert current_revision(database) == BEFORE_PHOTOS
    database.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_the_item_sums_are_backfilled_and_taken_away_again(dialect: str, tmp_path: Path, request) -> None:
    from alembic import command
    from tests.office.quality_data import fill

    from fieldact.office.quality import QualityFilter, figures, skipped_items
    from fieldact.store.migrate import alembic_config

    if dialect == "sqlite":
        url = resolve_url(tmp_path / "q.db")
        database = Database(url, create_database_engine(url))
        upgrade(database, PHOTOS)
    else:
        database = request.getfixturevalue("central").database()
        command.downgrade(alembic_config(database), PHOTOS)
    fill(database)
    upgrade(database, "head")
    november = QualityFilter(date(2026, 11, 2), date(2026, 11, 15))
    assert [(i.item_key, i.not_needed, i.failed) for i in skipped_items(database, november)] == [
        ("x", 1, 1),
        ("y", 0, 1),
    ]
    command.downgrade(alembic_config(database), PHOTOS)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM answer WHERE visit_id = 'v2'")
        assert "quality_item_day" not in inspect(connection).get_table_names()
    assert figures(database, november)["items_failed"] == 0, "0007's triggers keep the sums again"
    postgres = dialect == "postgresql"
    assert _binary_storage(database) == ({"act": "x", "photo": "x"} if postgres else {})
    upgrade(database, "head")
    assert [(i.item_key, i.not_needed) for i in skipped_items(database, november)] == [("x", 1)]
    assert _binary_storage(database) == ({"act": "e", "photo": "e"} if postgres else {})  # not compressed again
    database.dispose()


def _binary_storage(database: Database) -> dict[str, str]:
    """PostgreSQL's storage of the act's PDF and the photo's JPEG (SQLite: none)."""
    if database.engine.dialect.name != "postgresql":
        return {}
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT c.relname, a.attstorage FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE (c.relname, a.attname) IN (('act', 'pdf'), ('photo', 'jpeg'))"
        ).all()
    return {table: str(storage) for table, storage in rows}
