"""Alembic migrations, run from code: no alembic.ini needed on a tablet."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text

from fieldact.store.db import Database, sqlite_pragmas

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Alembic takes a fifth of a second to import; a start on a database that is up to date needs none of it.
_REVISION = re.compile(r'^(down_revision|revision)\s*=\s*"([^"]+)"', re.MULTILINE)


# Tables only the central PostgreSQL has, kept by its owner and reached through functions, not app models.
CENTRAL_ONLY_TABLES = frozenset(
    {
        "fieldact_login",
        "office_password",
        # the central service (migration 0006)
        "enrolment",
        "device",
        "registry",
        "act_refused",
        "act_copy_link",
        # resumable pushes (migration 0013)
        "upload",
        "upload_part",
        # visits whose quality row is refreshed at commit (migration 0015)
        "quality_pending",
    }
)


def is_model_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """For comparing a database with the models: leaves the central-only tables out."""
    if type_ == "table":
        return name not in CENTRAL_ONLY_TABLES
    table = getattr(obj, "table", None)  # an index or constraint of a central-only table
    return getattr(table, "name", None) not in CENTRAL_ONLY_TABLES


def alembic_config(database: Database, engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    # Config values are %-interpolated: a "%" in the install folder would otherwise break the path.
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    config.attributes["engine"] = engine or database.engine
    return config


def known_revision(revision: str) -> bool:
    """False for a revision this version of the app does not ship (a database made by a newer version)."""
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False


@cache
def head_revision() -> str:
    """The newest migration: the one no other names as its ``down_revision`` (read from the files)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for key, value in _REVISION.findall(script.read_text(encoding="utf-8")):
            (revisions if key == "revision" else parents).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else ""


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def pending_migrations(database: Database) -> bool:
    return current_revision(database) != head_revision()


def upgrade(database: Database, revision: str = "head") -> None:
    """All pending migrations in one transaction: on SQLite too, a failure (a full disk) leaves the file as it was."""
    from alembic import command

    if not database.url.startswith("sqlite"):
        command.upgrade(alembic_config(database), revision)
        return
    engine = migration_engine(database.url)
    try:
        command.upgrade(alembic_config(database, engine), revision)
    finally:
        engine.dispose()


def migration_engine(url: str) -> Engine:
    """A SQLite engine whose driver never commits on its own: SQLite's DDL is then transactional.

    Python's sqlite3 module commits before DDL statements in its default mode, which would leave a half-applied
    migration behind a failure; with its own transaction handling off, SQLAlchemy's BEGIN/COMMIT is the only one.
    """
    engine = create_engine(url, connect_args={"check_same_thread": False, "isolation_level": None})
    event.listen(engine, "connect", sqlite_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")
