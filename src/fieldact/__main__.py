"""``python -m fieldact`` and the ``fieldact`` gui-script."""

from __future__ import annotations

import sys


def _attach_parent_console() -> None:
    """A Windows gui-script has no console; a subcommand run from a terminal still prints there."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    attach_parent_process = -1
    if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
        sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the office's act checks run in spawned workers, also from the bundle
    _attach_parent_console()
    from fieldact.launch import app_start, start_app

    start = app_start(sys.argv[1:])
    if start is not None:  # the app itself: straight to it, without the other commands' modules
        return start_app(start)
    from fieldact.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
