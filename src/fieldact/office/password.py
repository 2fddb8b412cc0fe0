"""The office password: set at first use, kept only as a salted scrypt hash in the ``setting`` table."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from sqlmodel import Session

from fieldact.store import tables
from fieldact.store.db import Database
from fieldact.text import InputError, say

KEY = "office_password"
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


def is_set(database: Database) -> bool:
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
    with Session(database.engine) as session:
        if session.get(tables.Setting, KEY) is not None:
            raise InputError(
                say("Пароль офиса уже задан: войдите с ним.", "The office password is set already; sign in with it.")
            )
        session.add(tables.Setting(key=KEY, value=encode(password), updated_at=datetime.now(UTC)))
        session.commit()


def check(database: Database, password: str) -> bool:
    with Session(database.engine) as session:
        row = session.get(tables.Setting, KEY)
    return row is not None and matches(password, row.value)


def change(database: Database, old: str, new: str, repeated: str) -> None:
    if not check(database, old):
        raise InputError(say("Старый пароль неверен.", "The old password is wrong."))
    check_strength(new, repeated)
    with Session(database.engine) as session:
        row = session.get(tables.Setting, KEY)
        assert row is not None
        row.value, row.updated_at = encode(new), datetime.now(UTC)
        session.add(row)
        session.commit()
