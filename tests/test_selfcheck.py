"""``fieldact self-check`` as support runs it, in a real subprocess, and its step runner in-process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
import sqlalchemy

from fieldact.resources import resource_path
from fieldact.selfcheck import FAILED, NOT_RUN, OK, CheckFailed, Options, State, Step, run_steps
from fieldact.selfcheck import use_offscreen_without_display as offscreen
from fieldact.text import set_language


def self_check(*args: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "fieldact", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
    )


def test_self_check_passes_on_this_installation() -> None:
    result = self_check("--lang", "en", "self-check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "OK"
    steps = [line for line in lines if line.startswith("  ")]
    assert len(steps) == 13 and all(line.startswith("  ok  ") for line in steps), result.stdout
    assert "database: a temporary database migrated to" in result.stdout
    versions = next(line for line in lines if line.startswith("versions: "))
    assert f"PySide6 {PySide6.__version__}" in versions and f"sqlalchemy {sqlalchemy.__version__}" in versions
    assert " -," not in versions and "?" not in versions, versions
    assert "act No. 20261126-0042 signed and verified" in result.stdout
    # The QR code was read back from QtPdf's render of the page and from the screen widget, not only built.
    url = "https://lk.domru.ru/?contract=590000000001"
    assert f"the QR code on page 2 reads: {url}" in result.stdout
    assert f"the signing screen's QR code reads: {url}" in result.stdout
    assert "Self-check failed" not in result.stderr and "Traceback" not in result.stderr


def test_a_broken_standard_fails_with_a_sentence(tmp_path: Path) -> None:
    text = resource_path("standards/service-standard.toml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('services = ["tv"]', 'services = ["radio"]', 1), encoding="utf-8")
    result = self_check("--lang", "en", "self-check", "--standard", str(broken))
    assert result.returncode == 1
    assert f"  FAIL  standard: the file is not accepted ({broken}: kinds.connection.stages[3]" in result.stdout
    assert "unknown service 'radio'" in result.stdout and "Fix the file or reinstall fieldact." in result.stdout
    assert "  skip  act: not run, needs standard" in result.stdout
    assert "  ok    database:" in result.stdout  # what does not need the standard is still checked
    assert result.stderr.strip() == (
        "Self-check failed: standard (4 more not run because of it). The FAIL lines above say what to do."
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_a_missing_brand_fails_in_russian_by_default(tmp_path: Path) -> None:
    result = self_check("self-check", "--brand", str(tmp_path / "none.toml"))
    assert result.returncode == 1
    assert "  FAIL  бренд: файл не принят" in result.stdout and "file not found" in result.stdout
    assert result.stderr.startswith("Самопроверка не пройдена: бренд")


def test_a_brand_whose_seal_cannot_be_made_here_fails(tmp_path: Path) -> None:
    brand = tmp_path / "brand.toml"
    text = resource_path("brand/brand.toml").read_text(encoding="utf-8")
    brand.write_text(text + '\n[seal]\npkcs12 = "no-such-seal.p12"\n', encoding="utf-8")
    result = self_check("--lang", "en", "self-check", "--brand", str(brand))
    assert result.returncode == 1
    # Acts of such a brand could not be signed on this tablet: without pyHanko, or, as here, without the key.
    assert "  FAIL  seal: The seal file " in result.stdout and "no-such-seal.p12 cannot be read" in result.stdout
    assert "  ok    act: act No. 20261126-0042 signed and verified" in result.stdout


# --- the step runner --------------------------------------------------------------------------------------


def steps(*runs: Step) -> tuple[Step, ...]:
    return runs


def passes(state: State) -> str:
    return "fine"


def fails(state: State) -> str:
    raise CheckFailed("the thing is broken. Reinstall fieldact.")


def lacks_a_module(state: State) -> str:
    import fieldact_no_such_module  # type: ignore[import-not-found]  # noqa: F401

    return "unreachable"


def crashes(state: State) -> str:
    raise ZeroDivisionError("division by zero\nsecond line")


def test_steps_that_need_a_failed_step_are_not_run() -> None:
    set_language("en")
    findings = run_steps(
        Options(),
        steps(
            Step("a", "а", "a", fails),
            Step("b", "б", "b", passes, ("a",)),
            Step("c", "в", "c", passes),
        ),
    )
    assert [(finding.step.key, finding.status) for finding in findings] == [("a", FAILED), ("b", NOT_RUN), ("c", OK)]
    assert findings[1].detail == "not run, needs a"


@pytest.mark.parametrize(
    ("run", "sentence"),
    [
        (lacks_a_module, "part of the program is missing (No module named 'fieldact_no_such_module'). Reinstall"),
        (crashes, "unexpected ZeroDivisionError: division by zero. Report it to support."),
    ],
)
def test_an_error_becomes_one_line(run, sentence: str) -> None:  # noqa: ANN001 - a step function
    set_language("en")
    (finding,) = run_steps(Options(), steps(Step("x", "х", "x", run)))
    assert finding.status == FAILED
    assert finding.detail.startswith(sentence)
    assert "\n" not in finding.detail


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Linux chooses a platform by the display")
def test_offscreen_only_without_a_display() -> None:
    headless: dict[str, str] = {}
    assert offscreen(headless) and headless["QT_QPA_PLATFORM"] == "offscreen"
    for environment in ({"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "xcb"}):
        before = dict(environment)
        assert not offscreen(environment) and environment == before
