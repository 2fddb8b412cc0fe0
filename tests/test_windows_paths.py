"""The Windows code paths, run on Linux with ``sys.platform`` and ``ctypes.windll`` patched: the console a
windowed exe attaches to, a missing stdin or stdout, press-and-hold, the app mutex, restart registration, and
self-check without an interactive desktop."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldact import __main__ as entry
from fieldact import cli, selfcheck
from fieldact.text import InputError, set_language


class Recorder:
    """One DLL of the fake ``ctypes.windll``: every call is recorded, answers come from ``results``."""

    def __init__(self, results: dict[str, Any]) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.results = results

    def __getattr__(self, name: str) -> Any:
        recorder = self

        class Function:
            argtypes: Any = None
            restype: Any = None

            def __call__(self, *args: Any) -> Any:
                recorder.calls.append((name, args))
                result = recorder.results.get(name, 1)
                return result(*args) if callable(result) else result

        function = Function()
        object.__setattr__(self, name, function)
        return function


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch):
    kernel32, user32 = Recorder({}), Recorder({})
    fake = type("WinDLL", (), {"kernel32": kernel32, "user32": user32})()
    monkeypatch.setattr(ctypes, "windll", fake, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    return fake


def test_a_windowed_exe_run_from_a_terminal_prints_there(windows, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # "CONOUT$" is the console on Windows; here a file in this folder
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    entry._attach_parent_console()
    assert windows.kernel32.calls == [("AttachConsole", (-1,))]
    print("Самопроверка", file=sys.stdout, flush=True)
    assert (tmp_path / "CONOUT$").read_text(encoding="utf-8") == "Самопроверка\n"


def test_without_a_parent_console_nothing_is_opened(windows, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdout", None)
    windows.kernel32.results["AttachConsole"] = 0  # started from Explorer or the Start menu
    entry._attach_parent_console()
    assert sys.stdout is None and not (tmp_path / "CONOUT$").exists()


def test_the_console_exe_keeps_its_own_streams(windows) -> None:
    entry._attach_parent_console()
    assert windows.kernel32.calls == [], "fieldact-cli.exe has a console: nothing to attach"


def test_a_secret_without_stdin_is_a_sentence(monkeypatch) -> None:
    set_language("en")
    monkeypatch.delenv("FIELDACT_PIN", raising=False)
    monkeypatch.setattr(sys, "stdin", None)  # what a windowed exe gets
    with pytest.raises(InputError, match="FIELDACT_PIN"):
        cli._secret("FIELDACT_PIN", "PIN: ")
    monkeypatch.setenv("FIELDACT_PIN", "2580")
    assert cli._secret("FIELDACT_PIN", "PIN: ") == "2580"


def test_self_check_without_stdout_still_answers_by_exit_code(monkeypatch) -> None:
    set_language("en")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)

    step = selfcheck.Step("one", "один", "one", lambda state: "")
    monkeypatch.setattr(selfcheck, "run_steps", lambda options: [selfcheck.Finding(step, selfcheck.FAILED, "broken")])
    assert selfcheck.self_check(selfcheck.Options(language="en")) == 1, "no crash on flush(), and the code tells"


def test_press_and_hold_is_turned_off_on_the_signature_pad(windows, qapp) -> None:
    from PySide6.QtWidgets import QWidget

    from fieldact.ui.signature_pad import _PEN_SERVICE_PROPERTY, _TABLET_DISABLE_FLAGS, set_press_and_hold

    window = QWidget()
    set_press_and_hold(window, enabled=False)
    set_press_and_hold(window, enabled=True)
    hwnd = int(window.winId())
    assert windows.user32.calls == [
        ("SetPropW", (hwnd, _PEN_SERVICE_PROPERTY, _TABLET_DISABLE_FLAGS)),
        ("RemovePropW", (hwnd, _PEN_SERVICE_PROPERTY)),
    ]
    assert _TABLET_DISABLE_FLAGS & 0x1, "TABLET_DISABLE_PRESSANDHOLD"
    window.deleteLater()


def test_the_app_mutex_is_the_one_setup_looks_for(windows, monkeypatch) -> None:
    from fieldact.ui import instance

    monkeypatch.setattr(instance, "_held_mutexes", [])
    windows.kernel32.results["CreateMutexW"] = lambda attributes, owner, name: 100 + len(name)
    handles = instance.hold_app_mutex()
    names = [args[2] for name, args in windows.kernel32.calls if name == "CreateMutexW"]
    assert names == ["fieldact-app", "Global\\fieldact-app"]
    assert all(args[1] is False for name, args in windows.kernel32.calls), "not owned: only its name matters"
    assert len(handles) == 2
    iss = (Path(__file__).resolve().parents[1] / "installer" / "fieldact.iss").read_text(encoding="utf-8")
    assert '#define AppMutexes "fieldact-app,Global\\fieldact-app"' in iss and "AppMutex={#AppMutexes}" in iss


def test_restart_after_an_upgrade_is_registered(windows) -> None:
    from fieldact.ui.instance import RESTART_NO_CRASH, RESTART_NO_HANG, register_restart

    windows.kernel32.results["RegisterApplicationRestart"] = 0  # S_OK
    assert register_restart("run")
    assert windows.kernel32.calls == [("RegisterApplicationRestart", ("run", RESTART_NO_CRASH | RESTART_NO_HANG))]


def test_a_second_start_may_raise_the_first(windows) -> None:
    from fieldact.ui.instance import ASFW_ANY, allow_foreground

    allow_foreground()
    assert windows.user32.calls == [("AllowSetForegroundWindow", (ASFW_ANY,))]


@pytest.mark.parametrize(("flags", "offscreen"), [(0x0001, False), (0x0000, True)])
def test_self_check_without_an_interactive_desktop_runs_offscreen(windows, flags: int, offscreen: bool) -> None:
    def information(station, index, buffer, size, needed) -> int:
        buffer._obj.dwFlags = flags  # the USEROBJECTFLAGS passed by reference
        return 1

    windows.user32.results["GetProcessWindowStation"] = 7
    windows.user32.results["GetUserObjectInformationW"] = information
    environ: dict[str, str] = {}
    assert selfcheck.use_offscreen_without_display(environ) is offscreen
    assert environ.get("QT_QPA_PLATFORM") == ("offscreen" if offscreen else None)
    assert selfcheck.use_offscreen_without_display({"QT_QPA_PLATFORM": "windows"}) is False


def test_no_window_station_at_all_is_not_a_desktop(windows) -> None:
    windows.user32.results["GetProcessWindowStation"] = 0
    assert not selfcheck.windows_desktop_visible()


def test_qt_options_reach_qt_and_not_our_parser() -> None:
    ours, qt = cli.split_qt_options(["-platform", "windows:darkmode=0", "--lang", "en", "run", "-reverse", "--db", "x"])
    assert ours == ["--lang", "en", "run", "--db", "x"]
    assert qt == ["-platform", "windows:darkmode=0", "-reverse"]
    assert cli.split_qt_options(["--platform=offscreen", "self-check"]) == (["self-check"], ["--platform=offscreen"])
