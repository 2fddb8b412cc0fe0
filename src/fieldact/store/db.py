"""The database: where it is, how it is opened, checked, backed up and migrated.

The embedded default is a SQLite file in the user's data directory, in WAL mode with foreign keys on and
durable (fsync'd) commits. Any SQLAlchemy URL works instead (``--db URL`` or ``FIELDACT_DATABASE_URL``); the
SQLite-only settings live here and nowhere else.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from fieldact.text import say

ENV_URL = "FIELDACT_DATABASE_URL"
BACKUPS_KEPT = 10


class DatabaseUnavailable(Exception):
    """The database cannot be used; the message says which file and what to do."""


def data_dir() -> Path:
    """Where the database lives. On Windows one folder per machine, %ProgramData%\\fieldact: a shared tablet's
    acts do not depend on who is logged on, and the uninstaller knows where they are. The installer creates it
    and gives the kiosk account write access (installer/kiosk.ps1); elsewhere the user's data folder."""
    if sys.platform == "win32":
        return Path(os.environ.get("ProgramData") or r"C:\ProgramData") / "fieldact"
    return Path(user_data_dir("fieldact", appauthor=False))


def default_path() -> Path:
    return data_dir() / "fieldact.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """``--db`` takes a file path or a URL; without it the environment, then the default file."""
    chosen = str(db) if db is not None else os.environ.get(ENV_URL) or str(default_path())
    if chosen.startswith(("postgresql://", "postgres://")):  # with the driver the app ships (psycopg 3)
        return "postgresql+psycopg://" + chosen.split("://", 1)[1]
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    return Path(url.removeprefix("sqlite:///"))


@dataclass(frozen=True)
class Database:
    url: str
    engine: Engine

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def backups_dir(self) -> Path | None:
        return self.path.parent / "backups" if self.path else None

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a commit that returned is on disk
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_database_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_database(db: str | os.PathLike[str] | None = None, migrate: bool = True) -> Database:
    """Open, quick-check, back up when a migration is due, and migrate to the newest schema."""
    from fieldact.store.migrate import current_revision, pending_migrations, upgrade

    url = resolve_url(db)
    database = Database(url, create_database_engine(url))
    try:
        quick_check(database)
        if migrate and pending_migrations(database):
            if current_revision(database) is not None:  # a new, empty file needs no backup
                backup_before_migration(database)
            upgrade(database)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as error:
        database.dispose()
        raise DatabaseUnavailable(unusable_sentence(database, error)) from None
    return database


def quick_check(database: Database) -> None:
    if not database.url.startswith("sqlite"):
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return
    with database.engine.connect() as connection:
        result = connection.execute(text("PRAGMA quick_check")).scalar()
    if result != "ok":
        raise sqlite3.DatabaseError(f"quick_check: {result}")


def newest_backup(database: Database) -> Path | None:
    folder, path = database.backups_dir(), database.path
    if folder is None or path is None or not folder.is_dir():
        return None
    backups = sorted(folder.glob(f"{path.stem}-*.db"))
    return backups[-1] if backups else None


def unusable_sentence(database: Database, error: Exception) -> str:
    where = database.path or database.url
    backup = newest_backup(database)
    detail = str(getattr(error, "orig", error)).splitlines()[0]
    if backup:
        restore_ru = (
            f"Восстановите последнюю резервную копию: закройте программу и скопируйте {backup} на место {where}."
        )
        restore_en = f"Restore the newest backup: close the app and copy {backup} over {where}."
    else:
        restore_ru = "Резервных копий нет: обратитесь в поддержку, не удаляя файл."
        restore_en = "There is no backup: contact support and do not delete the file."
    return say(
        f"База данных {where} повреждена или недоступна ({detail}). {restore_ru}",
        f"The database {where} is damaged or cannot be opened ({detail}). {restore_en}",
    )


def backup_to(database: Database, target: Path) -> Path:
    """A consistent copy of a live SQLite database with SQLite's online backup."""
    source_path = database.path
    if source_path is None:
        raise DatabaseUnavailable(
            say(
                "Резервная копия делается только для файла SQLite; для сервера используйте его средства.",
                "Backups here are for a SQLite file; back up a server database with its own tools.",
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(source_path)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    os.replace(partial, target)
    return target


def backup_before_migration(database: Database) -> Path | None:
    path, folder = database.path, database.backups_dir()
    if path is None or folder is None or not path.exists() or path.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_to(database, folder / f"{path.stem}-{stamp}.db")
    for old in sorted(folder.glob(f"{path.stem}-*.db"))[:-BACKUPS_KEPT]:
        _remove_old_backup(old)
    return target


def _remove_old_backup(old: Path) -> None:
    """An old backup that cannot be removed now (held open by an antivirus scan) is removed at a later start."""
    try:
        old.unlink(missing_ok=True)
    except OSError:
        return
