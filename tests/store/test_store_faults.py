"""Faults at the database: full disks, read-only files, a newer schema, a migration that fails half-way."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

import fieldact.store.migrate as migrate
from fieldact.store.db import (
    Database,
    DatabaseUnavailable,
    backup_to,
    create_database_engine,
    open_database,
    resolve_url,
)
from fieldact.store.migrate import current_revision, head_revision, upgrade


def _database_at(path: Path, revision: str) -> None:
    url = resolve_url(path)
    old = Database(url, create_database_engine(url))
    upgrade(old, revision)
    with old.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO technician (id, surname, first_name, pin_salt, pin_hash, failed_attempts, active) "
            "VALUES ('t1', 'Петров', 'Пётр', 'aa', 'bb', 0, 1)"
        )
    old.dispose()


def _schema(path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as connection:
        objects = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return objects, version


def test_a_migration_failing_half_way_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    _database_at(path, "0001")
    before = _schema(path)
    real_engine = migrate.migration_engine
    statements = {"count": 0}

    def full_after_some_ddl(url: str) -> Engine:
        engine = real_engine(url)

        def fail(_conn, _cursor, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith(("CREATE", "ALTER", "DROP")):
                statements["count"] += 1
                if statements["count"] == 6:
                    raise sqlite3.OperationalError("database or disk is full")

        event.listen(engine, "before_cursor_execute", fail)
        return engine

    monkeypatch.setattr(migrate, "migration_engine", full_after_some_ddl)
    with pytest.raises(DatabaseUnavailable) as failure:
        open_database(path)
    assert statements["count"] == 6, "the fault must hit the middle of the migrations"
    assert "нет места" in str(failure.value) and "не изменён" in str(failure.value)
    assert _schema(path) == before, "nothing of the failed migration may stay in the file"

    monkeypatch.setattr(migrate, "migration_engine", real_engine)
    database = open_database(path)  # space freed: the same file migrates
    assert current_revision(database) == head_revision()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT surname FROM technician").scalar() == "Петров"
    database.dispose()


def test_a_database_from_a_newer_version_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(path).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0042_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailable) as refused:
        open_database(path)
    assert "более новой версией" in str(refused.value) and "ничего не потеряно" in str(refused.value)
    assert path.read_bytes() == before


def test_a_read_only_database_is_refused_at_start(small_disk) -> None:
    path = small_disk.path / "fieldact.db"
    open_database(path).dispose()
    small_disk.read_only()
    with pytest.raises(DatabaseUnavailable) as refused:
        open_database(path)
    assert "записи" in str(refused.value) or "только для чтения" in str(refused.value)


def test_an_unwritable_data_folder_is_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseUnavailable) as refused:
        open_database(blocker / "data" / "fieldact.db")
    assert "Папка данных" in str(refused.value)


@pytest.fixture
def live(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "live.db")
    yield database
    database.dispose()


def test_backup_to_a_full_disk_is_a_sentence_and_leaves_nothing(live: Database, small_disk) -> None:
    small_disk.fill()
    target = small_disk.path / "copy.db"
    with pytest.raises(DatabaseUnavailable) as failed:
        backup_to(live, target)
    assert "нет места" in str(failed.value)
    assert [p.name for p in small_disk.path.iterdir()] == [".filler"], "no partial file may stay"
    small_disk.free()
    assert backup_to(live, target) == target
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)


def test_backup_to_a_read_only_folder_is_a_sentence(live: Database, small_disk) -> None:
    small_disk.read_only()
    with pytest.raises(DatabaseUnavailable) as failed:
        backup_to(live, small_disk.path / "sub" / "copy.db")
    assert "не записать" in str(failed.value)


def test_backup_to_a_directory_or_under_a_file_is_a_sentence(live: Database, tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="это папка"):
        backup_to(live, tmp_path)
    (tmp_path / "plain").write_text("x")
    with pytest.raises(DatabaseUnavailable, match="не записать"):
        backup_to(live, tmp_path / "plain" / "copy.db")
    assert not list(tmp_path.glob("**/*.partial"))


def test_a_server_url_takes_the_password_kept_apart(monkeypatch) -> None:
    monkeypatch.setenv("FIELDACT_CENTRAL_PASSWORD", "s3cret-pass")
    assert resolve_url("postgresql://office@db.example/fieldact") == (
        "postgresql+psycopg://office:s3cret-pass@db.example/fieldact"
    )
    assert "given" in resolve_url("postgresql://office:given@db.example/fieldact")


def test_an_unreachable_server_is_not_called_a_damaged_file(monkeypatch) -> None:
    monkeypatch.setenv("FIELDACT_CENTRAL_PASSWORD", "s3cret-pass")
    with pytest.raises(DatabaseUnavailable) as failed:
        open_database("postgresql://office@127.0.0.1:1/fieldact")
    assert "Сервер базы данных" in str(failed.value) and "повреждена" not in str(failed.value)
    assert "s3cret-pass" not in str(failed.value)
