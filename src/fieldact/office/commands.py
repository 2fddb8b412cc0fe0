"""``fieldact export`` and ``fieldact materials-report``: the office's work for scripts, without a window."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from fieldact.office import password
from fieldact.office.access import open_office_database, shown_source
from fieldact.office.checks import CheckedDigests, default_checked_path
from fieldact.office.export import ExportError, export_acts
from fieldact.office.materials import report_kind, write_materials_report
from fieldact.office.queries import ActFilter, TechnicianChoice, act_ids, technicians
from fieldact.office.register import RegisterFormat
from fieldact.standard import load_brand
from fieldact.store import audit
from fieldact.store.db import Database, DatabaseUnavailable
from fieldact.text import InputError, say

BAR_WIDTH = 30


def add_office_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], db_help: str) -> None:
    export = commands.add_parser("export", help="export the period's acts, checked, to a folder or ZIP with a manifest")
    _period_options(export, db_help)
    export.add_argument("--out", required=True, type=Path, help="a folder, or a file ending in .zip")
    export.add_argument("--register", choices=[f.value for f in RegisterFormat], help="add the register as CSV or XLSX")
    export.add_argument(
        "--recheck", action="store_true", help="check every PDF in full, even those this PC has checked before"
    )
    unlock = commands.add_parser(
        "unlock-technician", help="let a technician locked out by wrong PINs try again (office password; audited)"
    )
    unlock.add_argument("technician", help="his id, or «Фамилия [Имя]»")
    unlock.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    report = commands.add_parser("materials-report", help="materials per technician per day, as CSV or XLSX")
    _period_options(report, db_help)
    report.add_argument("--out", required=True, type=Path, help="the report file: .csv or .xlsx")


def _period_options(parser: argparse.ArgumentParser, db_help: str) -> None:
    parser.add_argument("--from", dest="first", required=True, help="first day, e.g. 2026-11-01 (local)")
    parser.add_argument("--to", dest="last", help="last day, inclusive (default: the first day)")
    parser.add_argument("--technician", help="his id, or «Фамилия [Имя]»")
    parser.add_argument("--db", default=argparse.SUPPRESS, help=db_help)


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            say(f"{option} {text!r}: укажите дату как 2026-11-01.", f"{option} {text!r}: write the date as 2026-11-01.")
        ) from None


def _period(args: argparse.Namespace) -> tuple[date, date]:
    first = _day(args.first, "--from")
    last = _day(args.last, "--to") if args.last else first
    if last < first:
        raise InputError(say("--to раньше, чем --from.", "--to is before --from."))
    return first, last


def find_technician(choices: list[TechnicianChoice], wanted: str) -> str:
    """His id, or his name or its beginning («Петров», «петров пётр»); one technician, or a sentence why not."""
    for choice in choices:
        if choice.id == wanted:
            return choice.id
    typed = " ".join(wanted.split()).casefold()
    found = [c for c in choices if c.name.casefold() == typed] or [
        c for c in choices if c.name.casefold().startswith(typed)
    ]
    if len(found) == 1:
        return found[0].id
    if not found:
        raise InputError(say(f"Техник «{wanted}» не найден.", f"No technician '{wanted}'."))
    names = ", ".join(f"{c.name} ({c.id})" for c in found)
    raise InputError(
        say(f"«{wanted}» подходит нескольким: {names}. Укажите id.", f"'{wanted}' fits several: {names}. Give the id.")
    )


class TerminalProgress:
    """A bar redrawn in place on a terminal; a line every tenth of the way otherwise (logs, pipes)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last_tenth = -1
        self.last_draw = 0.0

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            now = time.monotonic()
            if done < total and now - self.last_draw < 0.1:
                return
            self.last_draw = now
            filled = BAR_WIDTH * done // max(total, 1)
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            self.stream.write(f"\r{bar} {done}/{total}")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()
            return
        tenth = 10 * done // max(total, 1)
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(say(f"Акты: {done} из {total}\n", f"Acts: {done} of {total}\n"))
            self.stream.flush()


def _open(db: str | None) -> Database:
    from fieldact.store.central import CentralUnavailable

    try:
        return open_office_database(db)
    except CentralUnavailable as error:
        raise DatabaseUnavailable(str(error)) from None


def export_command(args: argparse.Namespace) -> int:
    try:
        first, last = _period(args)
        database = _open(getattr(args, "db", None))
    except (InputError, DatabaseUnavailable) as error:
        print(error, file=sys.stderr)
        return 1
    try:
        office_password(database, "office_export")
        return _export(database, args, first, last)
    except InputError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        database.dispose()


def office_password(database: Database, action: str) -> None:
    """Office work from the command line needs the office password, as the window does: from
    $FIELDACT_OFFICE_PASSWORD (for scripts) or typed at the terminal. Wrong tries count toward the same lockout."""
    import getpass
    import os

    if not password.is_set(database):
        raise InputError(
            say(
                "Пароль офиса ещё не задан: задайте его в окне офиса (fieldact office).",
                "No office password is set yet: choose one in the office window (fieldact office).",
            )
        )
    typed = os.environ.get(password.ENV_OFFICE_PASSWORD)
    if typed is None:
        if not sys.stdin.isatty():
            raise InputError(
                say(
                    f"Нужен пароль офиса: задайте переменную {password.ENV_OFFICE_PASSWORD} или запустите в терминале.",
                    f"The office password is needed: set {password.ENV_OFFICE_PASSWORD} or run this in a terminal.",
                )
            )
        typed = getpass.getpass(say("Пароль офиса: ", "Office password: "))
    result = password.attempt(database, typed, action=action)
    if not result.ok:
        raise InputError(password.attempt_sentence(result))


def unlock_command(args: argparse.Namespace) -> int:
    try:
        database = _open(getattr(args, "db", None))
    except (InputError, DatabaseUnavailable) as error:
        print(error, file=sys.stderr)
        return 1
    try:
        office_password(database, "office_signed_in")
        technician = find_technician(technicians(database), args.technician)
        from fieldact.standard import load_standard
        from fieldact.store.repository import Store

        Store(database, load_standard(), load_brand()).unlock_technician(technician, password.OFFICE)
    except InputError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(say(f"Техник {technician} может снова входить по PIN.", f"Technician {technician} may sign in again."))
    return 0


def _export(database: Database, args: argparse.Namespace, first: date, last: date) -> int:
    zone = ZoneInfo(load_brand().timezone)
    try:
        technician = find_technician(technicians(database), args.technician) if args.technician else None
        ids = act_ids(database, ActFilter(date_from=first, date_to=last, technician_id=technician), zone)
        checked = CheckedDigests(default_checked_path())
        register = RegisterFormat(args.register) if args.register else None
        report = export_acts(
            database,
            ids,
            args.out,
            register,
            checked,
            TerminalProgress(sys.stderr),
            source=shown_source(database),
            recheck=args.recheck,
        )
    except (InputError, ExportError) as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(say("Прервано: ничего не записано.", "Interrupted: nothing was written."), file=sys.stderr)
        return 1
    _record_export(database, report.target, len(report.exported), first, last)
    for refused in report.refused:
        for problem in refused.problems:
            print(problem, file=sys.stderr)
    for act_id in report.missing:
        print(say(f"Акта {act_id} нет в базе.", f"There is no act {act_id}."), file=sys.stderr)
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def _record_export(database: Database, target: Path, count: int, first: date, last: date) -> None:
    from sqlmodel import Session

    with Session(database.engine) as session:
        audit.record(
            session, password.OFFICE, "acts_exported", target=str(target), acts=count, period=f"{first}..{last}"
        )
        session.commit()


def materials_command(args: argparse.Namespace) -> int:
    try:
        first, last = _period(args)
        report_kind(args.out)
        database = _open(getattr(args, "db", None))
    except (InputError, DatabaseUnavailable) as error:
        print(error, file=sys.stderr)
        return 1
    try:
        zone = ZoneInfo(load_brand().timezone)
        technician = find_technician(technicians(database), args.technician) if args.technician else None
        lines = write_materials_report(database, args.out, first, last, zone, technician)
    except InputError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(
            say(f"{args.out}: не записать ({error.strerror}).", f"{args.out}: cannot write ({error.strerror})."),
            file=sys.stderr,
        )
        return 1
    finally:
        database.dispose()
    print(say(f"Отчёт о материалах: {args.out}, строк: {len(lines)}.", f"Materials report: {args.out}: {len(lines)}."))
    return 0


OFFICE_COMMANDS = {
    "export": export_command,
    "materials-report": materials_command,
    "unlock-technician": unlock_command,
}
