"""A full check of the database: SQLite's own checks and every act's hashes, re-verified."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session, select

from fieldact.act.pdf import CONTENT_FILE
from fieldact.act.verify import inspect_act
from fieldact.store import tables
from fieldact.store.acts import sha256_hex
from fieldact.store.db import Database
from fieldact.text import say


def full_check(database: Database) -> list[str]:
    """Every problem found, one sentence each; empty when all is well."""
    problems = _engine_checks(database)
    with Session(database.engine) as session:
        for act in session.exec(select(tables.Act)):
            problems += act_problems(act)
    return problems


def _engine_checks(database: Database) -> list[str]:
    if not database.url.startswith("sqlite"):
        return []
    problems = []
    with database.engine.connect() as connection:
        integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            problems += [say(f"Целостность файла: {line}", f"File integrity: {line}") for line in integrity]
        for row in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(
                say(
                    f"Ссылка без записи: таблица {row[0]}, строка {row[1]}",
                    f"Dangling reference: {row[0]} row {row[1]}",
                )
            )
    return problems


def act_label(act: tables.Act) -> str:
    return f"{act.number} v{act.version}"


def act_problems(act: tables.Act, read_pages: bool = True) -> list[str]:
    """Every reason not to trust a stored act; empty when it is the act that was signed."""
    return stored_hash_problems(act) or pdf_problems(act, read_pages)


def stored_hash_problems(act: tables.Act) -> list[str]:
    """The cheap half: the PDF and the content still hash to what was stored at signing."""
    label = act_label(act)
    found = []
    if sha256_hex(act.pdf) != act.pdf_sha256:
        found.append(
            say(f"Акт {label}: PDF не совпадает со своим хешем.", f"Act {label}: the PDF does not match its hash.")
        )
    if sha256_hex(act.content.encode("utf-8")) != act.content_sha256:
        found.append(
            say(
                f"Акт {label}: содержание не совпадает со своим хешем.",
                f"Act {label}: the content does not match its hash.",
            )
        )
    return found


def pdf_problems(act: tables.Act, read_pages: bool = True) -> list[str]:
    """The PDF checks itself (``fieldact verify``, read once) and carries the stored content.

    ``read_pages=False`` checks every hash (embedded content and ink, the whole file as made) without reading
    the pages' text, which is most of the cost.
    """
    label = act_label(act)
    verification = inspect_act(act.pdf, read_pages=read_pages)
    found = [f"{say('Акт', 'Act')} {label}: {problem}" for problem in verification.problems]
    if not found and verification.embedded.get(CONTENT_FILE) != act.content.encode("utf-8"):
        found.append(
            say(
                f"Акт {label}: содержание внутри PDF не совпадает с сохранённым.",
                f"Act {label}: the content inside the PDF differs from the stored content.",
            )
        )
    return found
