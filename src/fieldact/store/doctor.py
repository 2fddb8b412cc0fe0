"""A full check of the database: SQLite's own checks and every act's hashes, re-verified."""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlmodel import Session, select

from fieldact.act.pdf import CONTENT_FILE
from fieldact.act.verify import embedded_files, verify_pdf
from fieldact.store import tables
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


def act_problems(act: tables.Act) -> list[str]:
    label = f"{act.number} v{act.version}"
    found = []
    if hashlib.sha256(act.pdf).hexdigest() != act.pdf_sha256:
        found.append(
            say(f"Акт {label}: PDF не совпадает со своим хешем.", f"Act {label}: the PDF does not match its hash.")
        )
    if hashlib.sha256(act.content.encode("utf-8")).hexdigest() != act.content_sha256:
        found.append(
            say(
                f"Акт {label}: содержание не совпадает со своим хешем.",
                f"Act {label}: the content does not match its hash.",
            )
        )
    if not found:
        found += [f"{say('Акт', 'Act')} {label}: {problem}" for problem in verify_pdf(act.pdf)]
        embedded = embedded_files(act.pdf).get(CONTENT_FILE)
        if embedded is not None and embedded != act.content.encode("utf-8"):
            found.append(
                say(
                    f"Акт {label}: содержание внутри PDF не совпадает с сохранённым.",
                    f"Act {label}: the content inside the PDF differs from the stored content.",
                )
            )
    return found
