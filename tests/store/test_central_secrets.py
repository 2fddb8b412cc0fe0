"""Roles administered safely and secrets kept from every login, against a real PostgreSQL: ``central login``
changes only roles it made, moves a login between kinds cleanly, and sends only SCRAM verifiers; no office or
dispatch login reads a PIN hash, and none reads the office password, which is checked by the server with the
attempts counted there."""

from __future__ import annotations

import secrets

import psycopg
import pytest
from psycopg import errors, sql
from sqlalchemy import make_url

from fieldact.office import password
from fieldact.store.central import open_central, save_login
from fieldact.text import InputError

from .pg import Central, central_fixture  # noqa: F401


def plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def login(central: Central, role: str, secret: str, kind: str, technician: str | None = None) -> None:
    database = central.database()
    try:
        save_login(database, role, secret, kind, technician)  # type: ignore[arg-type]
    finally:
        database.dispose()
    central.logins.append(role)


def run(central: Central, statement: str) -> None:
    with psycopg.connect(plain(central.admin_url)) as connection:
        connection.execute(statement)  # type: ignore[arg-type]


def groups_of(central: Central, role: str) -> set[str]:
    rows = central.query(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = %s",
        role,
    )
    return {name for (name,) in rows}


def test_central_login_refuses_roles_it_did_not_make(central: Central) -> None:
    admin = make_url(central.admin_url).username
    outsider = f"fa_hand_{secrets.token_hex(4)}"
    run(central, f"CREATE ROLE {outsider} LOGIN PASSWORD 'made-by-hand-1'")
    central.logins.append(outsider)
    for role in (admin, "fieldact_office", "fieldact_tablet", outsider):
        with pytest.raises(InputError, match="не этой командой"):
            login(central, role, "a-new-password-123", "office")
    assert groups_of(central, outsider) == set()
    assert central.query("SELECT count(*) FROM fieldact_login") == [(0,)]


def test_changing_a_logins_kind_leaves_only_the_new_membership(central: Central) -> None:
    role = f"fa_mov_{secrets.token_hex(4)}"
    login(central, role, "first-password-123", "office")
    assert groups_of(central, role) == {"fieldact_office"}
    login(central, role, "second-password-123", "dispatch")
    assert groups_of(central, role) == {"fieldact_dispatch"}
    url = central.login_url(role, "second-password-123")
    with psycopg.connect(plain(url)) as connection, pytest.raises(errors.InsufficientPrivilege):
        connection.execute("SELECT count(*) FROM act")


def test_passwords_reach_the_server_only_as_scram_verifiers(central: Central, monkeypatch) -> None:
    sent: list[str] = []
    execute = psycopg.Cursor.execute

    def spy(self, query, params=None, **kwargs):  # type: ignore[no-untyped-def]
        sent.append(query.as_string(self) if isinstance(query, sql.Composable) else str(query))
        sent.append(repr(params))
        return execute(self, query, params, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", spy)
    role, secret = f"fa_scr_{secrets.token_hex(4)}", "Plain-Text-Secret-42"
    login(central, role, secret, "office")
    monkeypatch.undo()
    assert sent and not any(secret in statement for statement in sent)
    assert any("SCRAM-SHA-256$" in statement for statement in sent)
    (stored,) = central.query("SELECT rolpassword FROM pg_authid WHERE rolname = %s", role)[0]
    assert stored.startswith("SCRAM-SHA-256$4096:")
    with psycopg.connect(plain(central.login_url(role, secret))) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)


def test_no_office_or_dispatch_login_reads_a_pin_hash(central: Central) -> None:
    central.technician("7001")
    for kind in ("office", "dispatch"):
        url = central.login(kind)
        with psycopg.connect(plain(url)) as connection:
            assert connection.execute("SELECT id, surname FROM technician").fetchall() == [("7001", "Петров")]
        for column in ("pin_hash", "pin_salt", "*"):
            with psycopg.connect(plain(url)) as connection, pytest.raises(errors.InsufficientPrivilege):
                connection.execute(f"SELECT {column} FROM technician")


def test_the_office_password_is_read_by_no_login_and_checked_with_counted_attempts(central: Central) -> None:
    office_url = central.login("office")
    office = open_central(office_url)
    try:
        assert not password.is_set(office)
        password.set_first(office, "офис-пароль-1", "офис-пароль-1")
        assert password.is_set(office) and password.check(office, "офис-пароль-1")
        for kind, url in (("office", office_url), ("dispatch", central.login("dispatch"))):
            for statement in (
                "SELECT * FROM office_password",
                "UPDATE office_password SET encoded = 'x'",
                "SELECT * FROM fieldact_login",
            ):
                with psycopg.connect(plain(url)) as connection, pytest.raises(errors.InsufficientPrivilege):
                    connection.execute(statement)
            assert kind
        with psycopg.connect(plain(office_url)) as connection:
            assert connection.execute("SELECT count(*) FROM setting WHERE key = 'office_password'").fetchone() == (0,)
        for _ in range(4):
            assert not password.check(office, "не-тот-пароль")
        assert central.query("SELECT failures FROM office_password") == [(4,)]
        assert not password.check(office, "не-тот-пароль")
        with pytest.raises(InputError, match="15 минут"):
            password.check(office, "офис-пароль-1")
        with pytest.raises(InputError, match="15 минут"):
            password.change(office, "офис-пароль-1", "новый-пароль-2", "новый-пароль-2")
        run(central, "UPDATE office_password SET locked_until = now() - interval '1 second'")
        password.change(office, "офис-пароль-1", "новый-пароль-2", "новый-пароль-2")
        assert password.check(office, "новый-пароль-2") and not password.check(office, "офис-пароль-1")
    finally:
        office.dispose()


def test_the_central_migration_goes_down_and_up_again(central: Central) -> None:
    from alembic import command

    from fieldact.store.migrate import alembic_config, head_revision, upgrade

    database = central.database()
    try:
        office = open_central(central.login("office"))
        password.set_first(office, "офис-пароль-1", "офис-пароль-1")
        office.dispose()
        command.downgrade(alembic_config(database), "0004")
        assert central.query("SELECT count(*) FROM setting WHERE key = 'office_password'") == [(1,)]
        upgrade(database)
        assert central.query("SELECT version_num FROM alembic_version") == [(head_revision(),)]
        assert central.query("SELECT count(*) FROM office_password") == [(1,)]
    finally:
        database.dispose()


def test_the_command_refuses_the_superuser_in_a_sentence(central: Central) -> None:
    import os
    import subprocess
    import sys

    admin = make_url(central.admin_url).username
    before = central.query("SELECT rolpassword FROM pg_authid WHERE rolname = %s", admin)
    result = subprocess.run(
        [sys.executable, "-m", "fieldact", "central", "login", str(admin), "--kind", "office"]
        + ["--url", central.admin_url],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"FIELDACT_LOGIN_PASSWORD": "attacker-password-1"},
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "создана не этой командой" in result.stdout + result.stderr
    assert central.query("SELECT rolpassword FROM pg_authid WHERE rolname = %s", admin) == before
