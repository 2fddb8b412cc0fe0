"""``fieldact quality-report``: the quality department's report for a period, as PDF or XLSX, without a window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldact.office.commands import _open, _period, find_technician
from fieldact.office.quality import QualityFilter, dashboard
from fieldact.office.queries import technicians
from fieldact.standard import load_standard
from fieldact.store.db import DatabaseUnavailable
from fieldact.text import InputError, say


def add_quality_command(commands: argparse._SubParsersAction[argparse.ArgumentParser], db_help: str) -> None:
    report = commands.add_parser("quality-report", help="is the standard kept: figures and charts as PDF or XLSX")
    report.add_argument("--from", dest="first", required=True, help="first planned day, e.g. 2026-11-01")
    report.add_argument("--to", dest="last", help="last planned day, inclusive (default: the first day)")
    report.add_argument("--technician", action="append", help="his id or «Фамилия [Имя]»; repeat for a team")
    report.add_argument("--kind", help="connection or service (default: both)")
    report.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    report.add_argument("--out", required=True, type=Path, help="the report file: .pdf or .xlsx")


def quality_report_command(args: argparse.Namespace) -> int:
    try:
        first, last = _period(args)
        if args.out.suffix.lower() not in (".pdf", ".xlsx"):
            raise InputError(
                say(f"{args.out}: укажите файл .pdf или .xlsx.", f"{args.out}: name a .pdf or .xlsx file.")
            )
        database = _open(getattr(args, "db", None))
    except (InputError, DatabaseUnavailable) as error:
        print(error, file=sys.stderr)
        return 1
    try:
        choices = technicians(database)
        team = tuple(find_technician(choices, wanted) for wanted in args.technician or ())
        board = dashboard(database, QualityFilter(first, last, team, args.kind))
        from fieldact.office.quality_report import standard_names, write_report  # loaded only for a report

        write_report(board, args.out, standard_names(load_standard()))
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
    print(
        say(
            f"Отчёт о качестве: {args.out}, визитов: {board.total['visits']}.",
            f"Quality report: {args.out}, visits: {board.total['visits']}.",
        )
    )
    return 0
