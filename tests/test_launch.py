"""The app's own start reads its options as the full command line does, and hands everything else to it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fieldact import cli
from fieldact.launch import AppStart, app_start

STARTS = [
    [],
    ["run"],
    ["run", "--demo"],
    ["--windowed", "run", "--demo", "--db", "x.db"],
    ["--lang", "en", "--db=y.db", "run", "--windowed"],
    ["-platform", "windows:darkmode=0", "run", "-reverse", "--demo"],
]


def _full(argv: list[str]) -> AppStart:
    ours, qt = cli.split_qt_options(argv)
    args = cli.build_parser().parse_args(ours)
    return AppStart(
        windowed=getattr(args, "windowed", False),
        demo=getattr(args, "demo", False),
        db=getattr(args, "db", None),
        language=args.lang,
        qt_options=tuple(qt),
    )


@pytest.mark.parametrize("argv", STARTS, ids=" ".join)
def test_the_app_start_reads_what_the_full_parser_reads(argv: list[str]) -> None:
    assert app_start(argv) == _full(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["run", "--help"],
        ["doctor"],
        ["--demo", "run"],  # --demo is run's option: the full parser says so
        ["run", "--lang", "en"],  # --lang stands before the command
        ["--lang", "de"],
        ["--db"],
        ["--windowed=yes"],
        ["--wind"],  # argparse's abbreviations are the full parser's to read
        ["run", "run"],
    ],
    ids=" ".join,
)
def test_anything_else_goes_to_the_full_command_line(argv: list[str]) -> None:
    assert app_start(argv) is None


def test_starting_the_app_loads_none_of_the_other_commands() -> None:
    """``fieldact run`` reads its options without importing the database tools, the office's commands or the
    central service's: what ``python -m fieldact run`` imports before Qt."""
    probe = (
        "import sys, fieldact.__main__, fieldact.launch\n"
        "assert fieldact.launch.app_start(['run', '--demo']) is not None\n"
        "others = ('fieldact.cli', 'fieldact.office.commands', 'fieldact.service.commands', 'sqlalchemy', 'argparse')\n"
        "print(' '.join(name for name in others if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""
