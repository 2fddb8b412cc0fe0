"""The office password: set at first use, kept only as a salted scrypt hash.

In a local SQLite file it is a row of ``setting``. In the central PostgreSQL no login reads it (migration 0005):
the office gets the salt and costs, computes the digest of what was typed, and a function of the database
answers yes or no, counting wrong attempts and locking the check after too many, on the server."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlmodel import Session

from fieldact.store import audit, tables
from fieldact.store.db import Database
from fieldact.store.pins import Uptime, remaining_wait, uptime
from fieldact.text import InputError, say

KEY = "office_password"
LOCK_KEY = "office_password_lock"
ENV_OFFICE_PASSWORD = "FIELDACT_OFFICE_PASSWORD"  # for scripts: `fieldact export` without a terminal
TRIES_PER_WAIT = 5
OFFICE = "office"
MIN_LENGTH = 8
_N, _R, _P = 2**14, 8, 1


def _digest(password: str, salt: bytes, n: int = _N, r: int = _R, p: int = _P) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def encode(password: str) -> str:
    """``scrypt$n$r$p$salt$hash``: the parameters travel with the hash, so they can be raised later."""
    salt = secrets.token_bytes(16)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${_digest(password, salt).hex()}"


def matches(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _digest(password, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual.hex(), digest)


def _central(database: Database) -> bool:
    return database.engine.dialect.name == "postgresql"


def _params(database: Database) -> str | None:
    with database.engine.connect() as connection:
        found = connection.execute(text("SELECT fieldact_office_password_params()")).scalar()
    return str(found) if found else None


def _digest_for(password: str, params: str) -> str:
    """The digest to try, from the stored scheme, costs and salt (never the stored hash)."""
    try:
        scheme, n, r, p, salt = params.split("$")
        if scheme != "scrypt":
            return ""
        return _digest(password, bytes.fromhex(salt), int(n), int(r), int(p)).hex()
    except ValueError:
        return ""


def _server(database: Database, statement: str, **values: str | None) -> str:
    with database.engine.begin() as connection:
        return str(connection.execute(text(statement), values).scalar())


def _locked() -> InputError:
    return InputError(
        say(
            "Слишком много неверных паролей: проверка закрыта на 15 минут. Подождите и попробуйте снова.",
            "Too many wrong passwords: the check is closed for 15 minutes. Wait and try again.",
        )
    )


def is_set(database: Database) -> bool:
    if _central(database):
        return _params(database) is not None
    with Session(database.engine) as session:
        return session.get(tables.Setting, KEY) is not None


def check_strength(password: str, repeated: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InputError(
            say(
                f"Пароль офиса — не короче {MIN_LENGTH} знаков.",
                f"The office password needs at least {MIN_LENGTH} characters.",
            )
        )
    if password != repeated:
        raise InputError(say("Пароли не совпадают: введите их ещё раз.", "The passwords differ; type them again."))


def set_first(database: Database, password: str, repeated: str) -> None:
    """Only when no password is set yet: changing one needs the old one (``change``)."""
    check_strength(password, repeated)
    already = InputError(
        say("Пароль офиса уже задан: войдите с ним.", "The office password is set already; sign in with it.")
    )
    if _central(database):
        if is_set(database):
            raise already
        _server(database, "SELECT fieldact_office_password_set(:new, NULL)", new=encode(password))
        return
    with Session(database.engine) as session:
        if session.get(tables.Setting, KEY) is not None:
            raise already
        session.add(tables.Setting(key=KEY, value=encode(password), updated_at=datetime.now(UTC)))
        session.commit()


def check(database: Database, password: str) -> bool:
    """Whether the password is the office's; on the central database every wrong try is counted there, and
    after too many a sentence says to wait."""
    if _central(database):
        params = _params(database)
        if params is None:
            return False
        verdict = _server(database, "SELECT fieldact_office_password_attempt(:d)", d=_digest_for(password, params))
        if verdict == "locked":
            raise _locked()
        return verdict == "yes"
    with Session(database.engine) as session:
        row = session.get(tables.Setting, KEY)
    return row is not None and matches(password, row.value)


def change(database: Database, old: str, new: str, repeated: str) -> None:
    if _central(database):
        check_strength(new, repeated)
        params = _params(database) or ""
        verdict = _server(
            database, "SELECT fieldact_office_password_set(:new, :old)", new=encode(new), old=_digest_for(old, params)
        )
        if verdict == "locked":
            raise _locked()
        if verdict != "set":
            raise InputError(say("Старый пароль неверен.", "The old password is wrong."))
        return
    if not check(database, old):
        raise InputError(say("Старый пароль неверен.", "The old password is wrong."))
    check_strength(new, repeated)
    with Session(database.engine) as session:
        row = session.get(tables.Setting, KEY)
        assert row is not None
        row.value, row.updated_at = encode(new), datetime.now(UTC)
        session.add(row)
        session.commit()


# --- tries, kept in the database: reopening the window or rerunning a command does not reset them ----------------


@dataclass(frozen=True, slots=True)
class Attempt:
    ok: bool
    tries_left: int | None = 0  # None: the central database counts the tries and does not say how many are left
    wait_seconds: float = 0.0


def office_wait(failed: int) -> float:
    """Every fifth wrong password: 5 minutes, from the tenth on an hour (the office has nobody above to unlock it)."""
    if failed == 0 or failed % TRIES_PER_WAIT:
        return 0.0
    return 300.0 if failed < 2 * TRIES_PER_WAIT else 3600.0


def attempt(
    database: Database, password: str, clock: Uptime | None = None, action: str = "office_signed_in"
) -> Attempt:
    """Check the office password against its persistent lockout (monotonic clock, as technicians' PINs); audited."""
    if _central(database):  # the server keeps the count and the lock; its refusal is a sentence (InputError)
        return Attempt(check(database, password), None)
    clock = clock or uptime()
    with Session(database.engine) as session:
        lock = session.get(tables.Setting, LOCK_KEY)
        state = json.loads(lock.value) if lock else {"failed": 0, "boot": None, "started": None}
        wait = remaining_wait(office_wait(state["failed"]), state["boot"], state["started"], clock)
        if wait is None:
            state.update(boot=clock.boot, started=clock.seconds)
            wait = office_wait(state["failed"])
            _save_lock(session, lock, state)
            session.commit()
        if wait > 0:
            return Attempt(False, 0, wait)
        row = session.get(tables.Setting, KEY)
        if row is not None and matches(password, row.value):
            _save_lock(session, lock, {"failed": 0, "boot": None, "started": None})
            audit.record(session, OFFICE, action)
            session.commit()
            return Attempt(True)
        state["failed"] += 1
        state.update(boot=None, started=None)
        if office_wait(state["failed"]):
            state.update(boot=clock.boot, started=clock.seconds)
        _save_lock(session, lock, state)
        audit.record(session, OFFICE, "office_wrong_password", tries=state["failed"])
        session.commit()
        return Attempt(False, TRIES_PER_WAIT - state["failed"] % TRIES_PER_WAIT, office_wait(state["failed"]))


def _save_lock(session: Session, lock: tables.Setting | None, state: dict[str, object]) -> None:
    value, now = json.dumps(state), datetime.now(UTC)
    if lock is None:
        session.add(tables.Setting(key=LOCK_KEY, value=value, updated_at=now))
    else:
        lock.value, lock.updated_at = value, now
        session.add(lock)


def attempt_sentence(result: Attempt) -> str:
    if result.wait_seconds:
        minutes = max(1, round(result.wait_seconds / 60))
        return say(
            f"Слишком много неверных паролей офиса. Повторите через {minutes} мин.",
            f"Too many wrong office passwords. Try again in {minutes} min.",
        )
    if result.tries_left is None:
        return say("Пароль офиса неверен.", "Wrong office password.")
    return say(
        f"Пароль офиса неверен. Осталось попыток: {result.tries_left}.",
        f"Wrong office password. Tries left: {result.tries_left}.",
    )
