"""Alembic migrations, run from code: no alembic.ini needed on a tablet."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from fieldact.store.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# Tables only the central PostgreSQL has, kept by its owner and reached through functions, not app models.
CENTRAL_ONLY_TABLES = frozenset({"fieldact_login", "office_password"})


def is_model_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """For comparing a database with the models: leaves the central-only tables out."""
    return not (type_ == "table" and name in CENTRAL_ONLY_TABLES)


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    config.attributes["engine"] = database.engine
    return config


def head_revision() -> str:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head() or ""


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def pending_migrations(database: Database) -> bool:
    return current_revision(database) != head_revision()


def upgrade(database: Database, revision: str = "head") -> None:
    command.upgrade(alembic_config(database), revision)
