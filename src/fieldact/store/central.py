"""The central office database (PostgreSQL): where it is, how it is created, and who may log in to it.

Its address and credentials come from ``--url``, else ``FIELDACT_CENTRAL_URL``, else the config file
(``FIELDACT_CONFIG`` or ``central.toml`` in the user's config folder); a password kept apart from the URL comes
from ``FIELDACT_CENTRAL_PASSWORD`` or the file's ``password`` key (libpq's ``~/.pgpass`` works as well).

Who may do what is enforced by PostgreSQL itself (migration 0003): each technician's tablet logs in with a
role of its own, a member of ``fieldact_tablet``, and ``technician.login`` maps that role to the technician;
row-level security lets it read only his orders and visits and add only his own rows. ``fieldact_office`` reads
everything; ``fieldact_dispatch`` loads orders.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_config_dir
from psycopg import sql
from sqlalchemy import Connection, Engine, create_engine, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError

from fieldact.store.db import Database, batched_inserts, data_dir
from fieldact.store.pins import hash_pin
from fieldact.store.validation import clean_text
from fieldact.text import InputError, say

ENV_CENTRAL_URL = "FIELDACT_CENTRAL_URL"
ENV_CENTRAL_PASSWORD = "FIELDACT_CENTRAL_PASSWORD"
ENV_CONFIG = "FIELDACT_CONFIG"
CONNECT_TIMEOUT_S = 10
LoginKind = Literal["tablet", "office", "dispatch", "service"]
GROUP_ROLES: dict[str, str] = {
    "tablet": "fieldact_tablet",
    "office": "fieldact_office",
    "dispatch": "fieldact_dispatch",
    "service": "fieldact_service",  # the central service's own login (service/app.py)
}


class CentralUnavailable(Exception):
    """The central database cannot be reached or used; the message says why and what to do."""


def config_path() -> Path:
    chosen = os.environ.get(ENV_CONFIG)
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":  # next to the per-machine database: the kiosk account and IT see the same file
        return data_dir() / "central.toml"
    return Path(user_config_dir("fieldact", appauthor=False)) / "central.toml"


def _config() -> dict[str, Any]:
    path = config_path()
    if not path.is_file():
        return {}
    try:
        loaded = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CentralUnavailable(
            say(f"Файл настроек {path} не читается ({error}): исправьте его.", f"Cannot read {path} ({error}); fix it.")
        ) from None
    central = loaded.get("central", loaded)
    return central if isinstance(central, dict) else {}


def central_url(url: str | None = None) -> str:
    """The SQLAlchemy URL of the central database, with the psycopg driver and the password filled in."""
    config = _config()
    chosen = url or os.environ.get(ENV_CENTRAL_URL) or config.get("url")
    if not chosen:
        raise CentralUnavailable(
            say(
                f"Адрес центральной базы не задан: укажите --url, переменную {ENV_CENTRAL_URL} "
                f"или url в файле {config_path()}.",
                f"The central database is not configured: give --url, set {ENV_CENTRAL_URL}, "
                f"or put url in {config_path()}.",
            )
        )
    chosen = str(chosen)
    if chosen.startswith("postgres://"):  # libpq's short scheme, which SQLAlchemy does not take
        chosen = "postgresql://" + chosen.removeprefix("postgres://")
    try:
        parsed = make_url(chosen)
        parsed.port  # noqa: B018 - a port that is not a number fails here, not deep inside the driver
    except (ArgumentError, ValueError):
        raise CentralUnavailable(
            say(
                "Адрес центральной базы должен выглядеть так: postgresql://пользователь@сервер/база.",
                "The central database address must look like postgresql://user@host/database.",
            )
        ) from None
    if parsed.get_backend_name() != "postgresql":
        raise CentralUnavailable(
            say(
                f"Центральная база — это PostgreSQL, а указано «{parsed.get_backend_name()}».",
                f"The central database is PostgreSQL, not '{parsed.get_backend_name()}'.",
            )
        )
    parsed = parsed.set(drivername="postgresql+psycopg")
    password = os.environ.get(ENV_CENTRAL_PASSWORD) or config.get("password")
    if parsed.password is None and password:
        parsed = parsed.set(password=str(password))
    return parsed.render_as_string(hide_password=False)


def shown(url: str | URL) -> str:
    """The URL as it may be printed: never with the password."""
    return make_url(url).render_as_string(hide_password=True)


def central_engine(url: str) -> Engine:
    return batched_inserts(
        create_engine(
            url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "fieldact"},
        )
    )


def unreachable_sentence(url: str, error: Exception) -> str:
    detail = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return say(
        f"Центральная база {shown(url)} недоступна ({detail}). Проверьте сеть и учётные данные; "
        "всё сохранённое на планшете остаётся на месте.",
        f"The central database {shown(url)} cannot be reached ({detail}). Check the network and the credentials; "
        "everything saved on the tablet stays there.",
    )


def open_central(url: str | None = None) -> Database:
    """The central database as a ``Database`` (for the office tools); not migrated here."""
    resolved = central_url(url)
    database = Database(resolved, central_engine(resolved))
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        database.dispose()
        raise CentralUnavailable(unreachable_sentence(resolved, error)) from None
    return database


def init_central(url: str | None = None) -> str:
    """Create or upgrade the central schema, roles and row-level security; returns the revision reached.

    Run it with a login that owns the database and may create roles.
    """
    from fieldact.store.migrate import current_revision, upgrade

    database = open_central(url)
    try:
        upgrade(database)
        return current_revision(database) or ""
    except DBAPIError as error:
        raise CentralUnavailable(
            say(
                f"Не удалось создать или обновить центральную базу: {_detail(error)}. Запустите команду от имени "
                "владельца базы с правом создавать роли.",
                f"Could not create or upgrade the central database: {_detail(error)}. Run it as the database's "
                "owner with the right to create roles.",
            )
        ) from None
    finally:
        database.dispose()


def _detail(error: Exception) -> str:
    return str(getattr(error, "orig", error)).strip().splitlines()[0]


def save_technician(
    database: Database, technician_id: str, surname: str, first_name: str, pin: str | None = None
) -> None:
    """Add a technician to the central database or rename him; a PIN given replaces his PIN on every tablet."""
    identifier = clean_text(technician_id, "Табельный номер", "Technician id", 36)
    if not identifier:
        raise InputError(say("Укажите табельный номер техника.", "Give the technician's id."))
    values: dict[str, Any] = {
        "id": identifier,
        "surname": clean_text(surname, "Фамилия", "Surname", 100),
        "first_name": clean_text(first_name, "Имя", "First name", 100),
    }
    salt, digest = hash_pin(pin) if pin else ("", "")
    with database.engine.begin() as connection:
        exists = connection.execute(text("SELECT 1 FROM technician WHERE id = :id"), {"id": identifier}).first()
        if exists:
            connection.execute(
                text("UPDATE technician SET surname = :surname, first_name = :first_name WHERE id = :id"), values
            )
        else:
            connection.execute(
                text(
                    "INSERT INTO technician (id, surname, first_name, pin_salt, pin_hash, failed_attempts, active) "
                    "VALUES (:id, :surname, :first_name, '', '', 0, true)"
                ),
                values,
            )
        if pin:
            connection.execute(
                text("UPDATE technician SET pin_salt = :salt, pin_hash = :digest WHERE id = :id"),
                {"salt": salt, "digest": digest, "id": identifier},
            )


def save_login(database: Database, role: str, password: str, kind: LoginKind, technician_id: str | None = None) -> None:
    """Create a database login of the given kind, or change one this command made (its password, its kind, its
    technician). Any other role (a superuser, a group, a login made by hand) is refused. The password reaches
    PostgreSQL only as a SCRAM-SHA-256 verifier computed here, never as text in a statement or the server's log."""
    if kind not in GROUP_ROLES:
        raise InputError(
            say("Вид входа: tablet, office, dispatch или service.", "A login is tablet, office, dispatch or service.")
        )
    if not role or len(role) > 63 or not role.replace("_", "").isalnum():
        raise InputError(
            say(
                "Имя входа — до 63 латинских букв, цифр и подчёркиваний.",
                "A login name is up to 63 Latin letters, digits and underscores.",
            )
        )
    if len(password) < 12:
        raise InputError(say("Пароль — не короче 12 знаков.", "A password has at least 12 characters."))
    try:
        _save_login(database, role, password, kind, technician_id)
    except DBAPIError as error:
        raise CentralUnavailable(
            say(
                f"Вход {role} не сохранён: {_detail(error)}. Обновите центральную базу (fieldact central init) и "
                "запустите команду от имени её владельца с правом создавать роли.",
                f"Login {role} was not saved: {_detail(error)}. Upgrade the central database (fieldact central init) "
                "and run the command as its owner with the right to create roles.",
            )
        ) from None


def _save_login(database: Database, role: str, password: str, kind: LoginKind, technician_id: str | None) -> None:
    with database.engine.begin() as connection:
        exists = _check_ours(connection, role)
        if kind == "tablet":
            _map_tablet(connection, role, technician_id)
        else:
            connection.execute(text("UPDATE technician SET login = NULL WHERE login = :r"), {"r": role})
        verifier = _scram_verifier(connection, role, password)
        verb = "ALTER" if exists else "CREATE"
        _run_composed(
            connection,
            sql.SQL(verb + " ROLE {} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD {}").format(
                sql.Identifier(role), sql.Literal(verifier)
            ),
        )
        for other_kind, group in GROUP_ROLES.items():
            if other_kind != kind:
                _run_composed(
                    connection, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(role))
                )
        _run_composed(
            connection, sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP_ROLES[kind]), sql.Identifier(role))
        )
        connection.execute(
            text("INSERT INTO fieldact_login (role, kind) VALUES (:r, :k) ON CONFLICT (role) DO UPDATE SET kind = :k"),
            {"r": role, "k": kind},
        )


def _check_ours(connection: Connection, role: str) -> bool:
    """Whether the role exists; refuses one this command did not make, a superuser and a group role."""
    found = connection.execute(
        text(
            "SELECT r.rolsuper, r.rolcanlogin, r.rolcreaterole, r.rolcreatedb, "
            "EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = r.oid) AS has_members, "
            "EXISTS (SELECT 1 FROM fieldact_login l WHERE l.role = r.rolname) AS ours "
            "FROM pg_roles r WHERE r.rolname = :r"
        ),
        {"r": role},
    ).first()
    if found is None:
        return False
    powerful = found.rolsuper or found.rolcreaterole or found.rolcreatedb
    if powerful or not found.rolcanlogin or found.has_members or not found.ours:
        raise InputError(
            say(
                f"Роль {role} создана не этой командой (или это суперпользователь или группа): её пароль и права "
                "здесь не меняются. Выберите другое имя входа.",
                f"Role {role} was not made by this command (or is a superuser or a group): its password and rights "
                "are not changed here. Choose another login name.",
            )
        )
    return True


def _scram_verifier(connection: Connection, role: str, password: str) -> str:
    """libpq's own SCRAM-SHA-256 verifier of the password, computed on this side of the connection."""
    raw = connection.connection.dbapi_connection
    assert raw is not None
    verifier = raw.pgconn.encrypt_password(password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256")
    return bytes(verifier).decode("ascii")


def _map_tablet(connection: Connection, role: str, technician_id: str | None) -> None:
    if not technician_id:
        raise InputError(say("Для входа планшета укажите техника.", "A tablet login needs its technician."))
    connection.execute(text("UPDATE technician SET login = NULL WHERE login = :r"), {"r": role})
    changed = connection.execute(
        text("UPDATE technician SET login = :r WHERE id = :id"), {"r": role, "id": technician_id}
    ).rowcount
    if not changed:
        raise InputError(
            say(
                f"Техника {technician_id} нет в центральной базе: сначала добавьте его.",
                f"There is no technician {technician_id} in the central database; add him first.",
            )
        )


def _run_composed(connection: Connection, statement: sql.Composable) -> None:
    raw = connection.connection.dbapi_connection  # same connection and transaction, for psycopg's quoting
    assert raw is not None
    with raw.cursor() as cursor:
        cursor.execute(statement)
