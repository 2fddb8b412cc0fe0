"""The database: where it is, how it is opened, checked, backed up and migrated.

The embedded default is a SQLite file in the user's data directory, in WAL mode with foreign keys on and
durable (fsync'd) commits. Any SQLAlchemy URL works instead (``--db URL`` or ``FIELDACT_DATABASE_URL``); the
SQLite-only settings live here and nowhere else.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import DatabaseError, OperationalError

from fieldact.text import say

ENV_URL = "FIELDACT_DATABASE_URL"
BACKUPS_KEPT = 10
FULL_DISK_BYTES = 1 << 20


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
        chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]
    if chosen.startswith("postgresql"):
        return _with_server_password(chosen)
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def _with_server_password(url: str) -> str:
    """A server URL without a password takes the one kept apart from it, as the central commands do."""
    from fieldact.store.central import ENV_CENTRAL_PASSWORD

    password = os.environ.get(ENV_CENTRAL_PASSWORD)
    parsed = make_url(url)
    if parsed.password is not None or not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


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

    @property
    def shown(self) -> str:
        """Where the data is, as it may be printed: the file, or the server URL without its password."""
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    def backups_dir(self) -> Path | None:
        return self.path.parent / "backups" if self.path else None

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
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
        event.listen(engine, "connect", sqlite_pragmas)
        return engine
    return batched_inserts(create_engine(url, pool_pre_ping=True))


def batched_inserts(engine: Engine) -> Engine:
    """PostgreSQL gets many rows as one INSERT (SQLAlchemy's "insertmanyvalues", as with psycopg2), not one
    statement per row: one statement is one firing of the quality triggers (migration 0011) and fewer round
    trips, and its SQL is made from the cached single-row statement."""
    if engine.dialect.name == "postgresql":
        engine.dialect.use_insertmanyvalues_wo_returning = True
    return engine


def open_database(db: str | os.PathLike[str] | None = None, migrate: bool = True) -> Database:
    """Open, quick-check, back up when a migration is due, and migrate to the newest schema."""
    from fieldact.store.migrate import current_revision, known_revision, pending_migrations, upgrade

    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None:
        _check_writable(path)
    database = Database(url, create_database_engine(url))
    try:
        quick_check(database)
        if migrate and pending_migrations(database):
            revision = current_revision(database)
            if revision is not None and not known_revision(revision):
                raise DatabaseUnavailable(newer_sentence(database, revision))
            if revision is not None:  # a new, empty file needs no backup
                backup_before_migration(database)
            upgrade(database)
    except DatabaseUnavailable:
        database.dispose()
        raise
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as error:
        database.dispose()
        raise DatabaseUnavailable(unusable_sentence(database, error)) from None
    except OSError as error:  # the backup before a migration: a full disk, a read-only folder
        database.dispose()
        raise DatabaseUnavailable(write_failed_sentence(database.path or Path(url), error)) from None
    return database


def _check_writable(path: Path) -> None:
    """The folder and file must take writes: SQLite would open a read-only file and fail at the first answer."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseUnavailable(folder_sentence(path.parent, error)) from None
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseUnavailable(folder_sentence(path.parent, PermissionError(errno.EACCES, "read-only")))
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseUnavailable(
            say(
                f"Файл базы данных {path} только для чтения: программа не сможет сохранить ответы. "
                "Снимите с файла атрибут «только чтение» или обратитесь в поддержку; файл не изменён.",
                f"The database file {path} is read-only, so no answer could be saved. Clear its read-only "
                "attribute or call support; the file is unchanged.",
            )
        )


def folder_sentence(folder: Path, error: OSError) -> str:
    return say(
        f"Папка данных {folder} недоступна для записи ({error.strerror or error}). Освободите место или дайте "
        "права на запись в неё (или укажите другую папку параметром --db), затем запустите программу снова.",
        f"The data folder {folder} cannot be written ({error.strerror or error}). Free space or give write "
        "access to it (or choose another place with --db), then start the app again.",
    )


def newer_sentence(database: Database, revision: str) -> str:
    where = database.path or database.url
    return say(
        f"База данных {where} создана более новой версией fieldact (схема {revision}). Установите новую версию "
        "программы; файл не изменён, ничего не потеряно.",
        f"The database {where} was made by a newer version of fieldact (schema {revision}). Install the newer "
        "version; the file is unchanged and nothing is lost.",
    )


def write_failed_sentence(target: Path, error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return say(
            f"{target}: на диске нет места. Освободите место и повторите; ничего не записано наполовину.",
            f"{target}: the disk is full. Free some space and try again; nothing was left half-written.",
        )
    return say(
        f"{target}: не записать ({error.strerror or error}). Выберите папку, куда можно писать, и повторите.",
        f"{target}: cannot be written ({error.strerror or error}). Choose a folder you can write to and try again.",
    )


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
    detail = str(getattr(error, "orig", error)).splitlines()[0]
    if database.path is None:
        where = database.shown
        return say(
            f"Сервер базы данных {where} недоступен или отказал ({detail}). Проверьте адрес, сеть и пароль "
            "(переменная FIELDACT_CENTRAL_PASSWORD) и повторите.",
            f"The database server {where} cannot be used ({detail}). Check the address, the network and the "
            "password (FIELDACT_CENTRAL_PASSWORD) and try again.",
        )
    where = database.path
    if _is_full_disk(error) or _disk_nearly_full(where):
        return say(
            f"На диске нет места для базы данных {where} ({detail}). Освободите место и запустите программу "
            "снова; файл не изменён.",
            f"The disk holding {where} is full ({detail}). Free some space and start the app again; the file is "
            "unchanged.",
        )
    backup = newest_backup(database)
    if backup:
        taken = _taken_at(backup)
        restore_ru = (
            "Не удаляйте и не заменяйте файл, сначала обратитесь в поддержку: файл часто можно спасти вместе с "
            f"актами, ещё не отправленными в офис. Последняя резервная копия {backup} сделана {taken}: всё, что "
            "записано после неё, в ней нет, и акты, не отправленные в офис с тех пор, при возврате к ней "
            "пропадут. Только если поддержка недоступна и все акты уже в офисе: закройте программу и скопируйте "
            f"{backup} на место {where}, сохранив повреждённый файл рядом."
        )
        restore_en = (
            "Do not delete or replace the file; call support first: it can often be rescued together with the "
            f"acts not yet sent to the office. The newest backup {backup} was taken {taken}: nothing written "
            "since is in it, and acts not sent to the office since then would be lost by going back to it. Only "
            "if support cannot help and every act is at the office: close the app and copy "
            f"{backup} over {where}, keeping the damaged file beside it."
        )
    else:
        restore_ru = "Резервных копий нет: обратитесь в поддержку, не удаляя файл."
        restore_en = "There is no backup: contact support and do not delete the file."
    return say(
        f"База данных {where} повреждена или недоступна ({detail}). {restore_ru}",
        f"The database {where} is damaged or cannot be opened ({detail}). {restore_en}",
    )


def _taken_at(backup: Path) -> str:
    try:
        moment = datetime.fromtimestamp(backup.stat().st_mtime).astimezone()
    except OSError:
        return say("неизвестно когда", "at an unknown time")
    return moment.strftime("%d.%m.%Y %H:%M")


def _disk_nearly_full(path: Path) -> bool:
    """SQLite reports a full disk while opening a WAL file as a mere "disk I/O error": look at the disk."""
    try:
        return shutil.disk_usage(path.parent).free < FULL_DISK_BYTES
    except OSError:
        return False


def _is_full_disk(error: Exception) -> bool:
    original = getattr(error, "orig", error)
    return "disk is full" in str(original) or getattr(original, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


def backup_to(database: Database, target: Path) -> Path:
    """A consistent copy of a live SQLite database with SQLite's online backup; all of it, or nothing.

    Any failure (a full disk, a read-only or missing folder, a directory as the target) is a
    ``DatabaseUnavailable`` sentence and leaves no partial file behind.
    """
    source_path = database.path
    if source_path is None:
        raise DatabaseUnavailable(
            say(
                "Резервная копия делается только для файла SQLite; для сервера используйте его средства.",
                "Backups here are for a SQLite file; back up a server database with its own tools.",
            )
        )
    if target.is_dir():
        raise DatabaseUnavailable(
            say(
                f"{target} — это папка; укажите имя файла копии, например {target / 'fieldact-backup.db'}.",
                f"{target} is a folder; give a file name for the backup, e.g. {target / 'fieldact-backup.db'}.",
            )
        )
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy_database(source_path, partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        _remove_quietly(partial)
        raise DatabaseUnavailable(write_failed_sentence(target, _as_os_error(error))) from None
    return target


def _copy_database(source_path: Path, partial: Path) -> None:
    source = sqlite3.connect(source_path)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
            destination.execute("PRAGMA user_version")  # a read back: the copy is a database
        finally:
            destination.close()
        with partial.open("rb+") as file:
            os.fsync(file.fileno())
    finally:
        source.close()


def _as_os_error(error: Exception) -> OSError:
    if isinstance(error, OSError):
        return error
    if "full" in str(error):
        return OSError(errno.ENOSPC, "the disk is full")
    return OSError(errno.EIO, str(error))


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


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
