"""The tablet's screens at the four sizes: no horizontal scrollbar, no cut sentence; screenshots of each.

Run once as is (1280×800 and 800×1280) and once with QT_SCALE_FACTOR=1.5 (1920×1280 and 1280×1920 at 150 %,
that is 1280×853 and 853×1280 logical pixels); the screenshots carry the size in their names.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget

from fieldact.ui.branch_panel import BranchPanel

from .helpers import Clock, click, local, make_shell, make_store, save_shot, sign_in, type_text
from .test_signing_flow import pay, to_documents
from .test_visit_flow import answer_stage

SCALE = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
SIZES = (
    {"1920x1280@150": (1280, 853), "1280x1920@150": (853, 1280)}
    if SCALE == 1.5
    else {"1280x800": (1280, 800), "800x1280": (800, 1280)}
)


def holds(window: QWidget, where: str) -> None:
    """No visible horizontal scrollbar; every shown wrapped label as tall as its text needs."""
    QApplication.processEvents()
    for area in window.findChildren(QAbstractScrollArea):
        if area.isVisible():
            bar = area.horizontalScrollBar()
            assert not (bar.isVisible() and bar.maximum() > 0), f"{where}: horizontal scrollbar on {area}"
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text() and label.width() > 40:
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed - 2, f"{where}: «{label.text()[:60]}» cut ({label.height()}<{needed})"


def shoot(shell, name: str, size: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    holds(shell, f"{name} at {size}")
    save_shot(shell, f"{name}_{size}")


@pytest.mark.parametrize("size", list(SIZES))
def test_service_visit_screens_hold(qtbot, tmp_path: Path, standard, brand, size: str) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T11:40")), size=SIZES[size])
    shoot(shell, "login", size)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    shoot(shell, "day", size)
    summary = next(v for v in shell.day.visits if v.kind.value == "service" and v.planned_start.hour == 11)
    shell.open_visit(summary.id)
    answer_stage(qtbot, shell)
    for _ in range(2):
        click(qtbot, shell.visit.next_button)
        if shell.visit.visit.stage.key != "diagnostics":
            answer_stage(qtbot, shell)
    shoot(shell, "stage_materials", size)
    fix = shell.visit.rows["diagnostics.fix"]
    click(qtbot, fix.failed)
    type_text(fix.reason, "неисправна сетевая карта ноутбука Абонента")
    click(qtbot, fix.save_reason)
    click(qtbot, shell.visit.show_blockers)
    shoot(shell, "blockers", size)
    click(qtbot, shell.visit.show_blockers)
    branch = next(p for p in shell.visit.findChildren(BranchPanel) if p.branch.key == "cannot_fix")
    click(qtbot, branch.open_button)
    shell.visit.scroll.ensureWidgetVisible(branch.record)
    shoot(shell, "branch_cannot_fix", size)


@pytest.mark.parametrize("size", list(SIZES))
def test_connection_visit_screens_hold(qtbot, tmp_path: Path, standard, brand, size: str) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T17:05")), size=SIZES[size])
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    summary = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.open_visit(summary.id)
    answer_stage(qtbot, shell)
    to_documents(qtbot, shell)
    pay(qtbot, shell, received="5000", change="3000", credited="1\u202f000,00 ₽")
    shoot(shell, "stage_payment", size)
    click(qtbot, shell.visit.review_button)
    qtbot.waitUntil(lambda: shell.review.hand_button.isEnabled(), timeout=15000)
    qtbot.wait(500)
    shoot(shell, "review", size)
    click(qtbot, shell.review.hand_button)
    shoot(shell, "signing", size)
    signing = shell.signing
    assert "Выполнено пунктов" not in signing.summary.text()
    assert (
        "Проверено вместе с вами: " in signing.summary.text()
        and "Каналы: Первый, Россия 1, НТВ" in signing.summary.text()
    )
    # the subscriber opens the act he signs, zooms, and comes back to sign
    click(qtbot, signing.open_act)
    assert signing.pages.currentIndex() == 1 and signing.act_viewer.page_count() >= 1
    qtbot.wait(500)
    shoot(shell, "signing_act", size)
    click(qtbot, signing.zoom_in)
    view = signing.act_viewer.view
    assert view.zoomMode() is view.ZoomMode.Custom and view.zoomFactor() > 1.0
    click(qtbot, signing.fit_width)
    assert view.zoomMode() is view.ZoomMode.FitToWidth
    click(qtbot, signing.back_to_signing)
    assert signing.pages.currentIndex() == 0 and signing.sign_button.isVisible()
    from .helpers import draw_signature

    draw_signature(qtbot, shell.signing.field.pad)
    click(qtbot, shell.signing.sign_button)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.done, timeout=20000)
    shoot(shell, "done", size)
