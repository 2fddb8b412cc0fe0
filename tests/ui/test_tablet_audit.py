"""The UI audit (``audit.py``) on the tablet at its four sizes: the login and PIN pad, the day, every stage of a
service visit and of a connection visit, the «cannot fix» and reschedule branches, the blockers, the camera,
payment, the act preview, the subscriber's signing screen and his view of the act, and the done screen.
Screenshots land in ``screenshots/audit``."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldact.ui.branch_panel import BranchPanel

from .audit import SIZES, Finding, Screen, audit, report
from .helpers import SHOTS, Clock, click, draw_signature, local, make_shell, make_store, sign_in, type_text
from .test_signing_flow import pay
from .test_visit_flow import answer_stage

AUDIT_SHOTS = SHOTS / "audit"


def names(screens: tuple[Screen, ...]) -> list[str]:
    return [screen.name for screen in screens]


class Walk:
    """Audits the shell at one screen size, each view under its own screenshot name."""

    def __init__(self, shell, screen: Screen) -> None:  # type: ignore[no-untyped-def]
        self.shell, self.screen = shell, screen
        self.found: list[Finding] = []

    def __call__(self, view: str) -> None:
        found = audit(self.shell, self.screen, AUDIT_SHOTS / f"tablet-{view}-{self.screen.name}.png")
        self.found += [Finding(f.check, f"{view}: {f.path}", f.detail) for f in found]


@pytest.mark.parametrize("screen", SIZES, ids=names(SIZES))
def test_a_service_visit_passes_the_audit(qtbot, tmp_path: Path, standard, brand, screen: Screen) -> None:
    store = make_store(tmp_path / "s.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T11:40")))
    walk = Walk(shell, screen)
    walk("login")
    click(qtbot, next(b for b in shell.login.person_buttons() if b.text() == "Петров Пётр"))
    walk("pin")
    sign_in_again = shell.login.pin_pad
    for digit in "1111":
        click(qtbot, sign_in_again.keys[digit])
    click(qtbot, sign_in_again.keys["OK"])
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.day, timeout=10000)
    walk("day")
    summary = next(v for v in shell.day.visits if v.kind.value == "service" and v.planned_start.hour == 11)
    shell.open_visit(summary.id)
    stage = 1
    while True:
        walk(f"service-stage{stage}")
        if shell.visit.visit.stage.key == "diagnostics":
            break
        answer_stage(qtbot, shell)
        click(qtbot, shell.visit.next_button)
        stage += 1
    fix = shell.visit.rows["diagnostics.fix"]
    click(qtbot, fix.failed)
    type_text(fix.reason, "неисправна сетевая карта ноутбука Абонента")
    click(qtbot, fix.save_reason)
    click(qtbot, shell.visit.show_blockers)
    walk("blockers")
    click(qtbot, shell.visit.show_blockers)
    for key in ("cannot_fix", "reschedule"):
        panels = [p for p in shell.visit.findChildren(BranchPanel) if p.branch.key == key]
        if not panels:
            continue
        click(qtbot, panels[0].open_button)
        shell.visit.scroll.ensureWidgetVisible(panels[0].record)
        walk(f"branch-{key}")
    assert not walk.found, "\n" + report(walk.found)


@pytest.mark.parametrize("screen", SIZES, ids=names(SIZES))
def test_a_connection_visit_passes_the_audit(qtbot, tmp_path: Path, standard, brand, screen: Screen) -> None:
    store = make_store(tmp_path / "c.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T17:05")))
    walk = Walk(shell, screen)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    summary = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.open_visit(summary.id)
    stage = 1
    walk(f"connection-stage{stage}")
    answer_stage(qtbot, shell)
    while shell.visit.next_button.isVisible():
        click(qtbot, shell.visit.next_button)
        stage += 1
        walk(f"connection-stage{stage}")
        if stage == 4:  # the camera over the visit, for an item that takes photos
            key = next(
                (k for k, strip in shell.visit.photo_strips.items() if strip.isVisible()),
                None,
            )
            if key is not None:
                click(qtbot, shell.visit.photo_strips[key].open_camera)
                walk("camera")
                click(qtbot, shell.visit.photo_screen.done)
        answer_stage(qtbot, shell)
    pay(qtbot, shell, received="5000", change="3000", credited="1\u202f000,00 ₽")
    walk("payment")
    click(qtbot, shell.visit.review_button)
    qtbot.waitUntil(lambda: shell.review.hand_button.isEnabled(), timeout=15000)
    qtbot.wait(300)
    walk("review")
    click(qtbot, shell.review.hand_button)
    walk("signing")
    click(qtbot, shell.signing.open_act)
    qtbot.wait(300)
    walk("signing-act")
    click(qtbot, shell.signing.back_to_signing)
    draw_signature(qtbot, shell.signing.field.pad)
    click(qtbot, shell.signing.sign_button)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.done, timeout=20000)
    walk("done")
    assert not walk.found, "\n" + report(walk.found)
