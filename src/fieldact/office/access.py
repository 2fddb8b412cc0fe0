"""The database the office works on: a tablet's SQLite file, or the central PostgreSQL database by URL."""

from __future__ import annotations

from fieldact.store.db import Database, open_database


def office_url(db: str | None) -> str | None:
    """A PostgreSQL URL gets the psycopg driver and the password from the environment or the config file, as the
    central database's own commands do; a file path or any other URL is used as given."""
    if db is None or not db.startswith(("postgresql:", "postgres:", "postgresql+")):
        return db
    from fieldact.store.central import central_url

    return central_url(db)


def open_office_database(db: str | None) -> Database:
    """Open (and, for a file, migrate) the database; raises ``DatabaseUnavailable`` or ``CentralUnavailable`` with a
    sentence."""
    return open_database(office_url(db))


def shown_source(database: Database) -> str:
    """Where the acts came from, as a manifest may say it: never with a password."""
    if database.path is not None:
        return str(database.path)
    from sqlalchemy import make_url

    return make_url(database.url).render_as_string(hide_password=True)
