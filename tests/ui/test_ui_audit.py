"""The UI audit (``audit.py``) on the office window and the standard browser, at the four tablet sizes; the office
also at 1280×720, the smallest desktop screen it must work on, and at 1920×1080. The screenshots land in
``screenshots/audit``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fieldact.ui.office_window import OfficeWindow
from fieldact.ui.standard_screen import StandardScreen

from .audit import SIZES, Finding, Screen, audit, report
from .helpers import SHOTS, click, type_text
from .office_helpers import november, sign_in_first_time

AUDIT_SHOTS = SHOTS / "audit"
OFFICE_SIZES = (*SIZES, Screen("1280x720", 1280, 720), Screen("1920x1080", 1920, 1080))


def names(screens: tuple[Screen, ...]) -> list[str]:
    return [screen.name for screen in screens]


@pytest.mark.parametrize("screen", OFFICE_SIZES, ids=names(OFFICE_SIZES))
def test_the_office_passes_the_audit(qtbot, office_window: OfficeWindow, screen: Screen, tmp_path: Path) -> None:
    window = office_window
    found: list[Finding] = []
    found += audit(window, screen, AUDIT_SHOTS / f"office-password-{screen.name}.png")
    sign_in_first_time(qtbot, window)
    acts = window.acts
    november(window)
    qtbot.waitUntil(lambda: acts.found.text() == "Найдено актов: 8", timeout=5000)
    acts.table.selectRow(0)
    qtbot.waitUntil(lambda: acts.panel.check.objectName() == "checkOk", timeout=10000)
    qtbot.waitUntil(lambda: acts.panel.viewer.page_count() >= 1, timeout=10000)
    qtbot.wait(500)  # QPdfView renders its pages on its own thread
    found += audit(window, screen, AUDIT_SHOTS / f"office-acts-{screen.name}.png")
    acts.panel.setCurrentIndex(acts.panel.indexOf(acts.panel.photos))
    found += audit(window, screen, AUDIT_SHOTS / f"office-photos-{screen.name}.png")
    acts.panel.setCurrentIndex(acts.panel.indexOf(acts.panel.trail))
    found += audit(window, screen, AUDIT_SHOTS / f"office-trail-{screen.name}.png")
    assert acts.panel.trail.rowCount() >= 3

    click(qtbot, acts.export_selected)  # the opened act: one act's full check is quick even on a busy machine
    dialog = acts.export_dialog
    assert dialog is not None and dialog.ids == [acts.model.rows[0].act_id]
    found += audit(dialog, screen, AUDIT_SHOTS / f"office-export-{screen.name}.png", fill=False)
    type_text(dialog.target, str(tmp_path / "выгрузка.zip"))
    click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60000)
    assert dialog.report is not None and dialog.report.ok
    found += audit(dialog, screen, AUDIT_SHOTS / f"office-export-done-{screen.name}.png", fill=False)
    click(qtbot, dialog.close_button)

    click(qtbot, acts.materials)
    materials = acts.materials_dialog
    assert materials is not None
    qtbot.waitExposed(materials)
    click(qtbot, materials.save)  # no file chosen: the sentence saying so must fit too
    assert materials.message.objectName() == "error"
    found += audit(materials, screen, AUDIT_SHOTS / f"office-materials-{screen.name}.png", fill=False)
    assert not found, "\n" + report(found)


@pytest.mark.parametrize("screen", SIZES, ids=names(SIZES))
def test_the_standard_browser_passes_the_audit(qtbot, standard, brand, screen: Screen) -> None:
    evening = datetime(2026, 11, 26, 18, 0, tzinfo=ZoneInfo(brand.timezone))
    browser = StandardScreen(standard, brand, now=evening)
    qtbot.addWidget(browser)
    browser.show()
    found: list[Finding] = []
    for row in (0, 3, 6):  # the pre-call, the demonstration (the longest), the general rules
        browser.stage_list.setCurrentRow(row)
        found += audit(browser, screen, AUDIT_SHOTS / f"standard-{row + 1}-{screen.name}.png")
    browser.kind_box.setCurrentIndex(1)
    found += audit(browser, screen, AUDIT_SHOTS / f"standard-service-{screen.name}.png")
    assert not found, "\n" + report(found)


@pytest.mark.parametrize("screen", SIZES, ids=names(SIZES))
def test_the_enrolment_screen_passes_the_audit(qtbot, tmp_path: Path, standard, brand, screen: Screen) -> None:
    from .helpers import Clock, local, make_shell, make_store

    store = make_store(tmp_path / "e.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    assert shell.login.enrol_button.isVisible(), "a tablet not yet connected offers it on its first screen"
    click(qtbot, shell.login.enrol_button)
    assert shell.stack.currentWidget() is shell.enrol
    found = audit(shell, screen, AUDIT_SHOTS / f"enrol-{screen.name}.png")
    type_text(shell.enrol.url, "acts.example.ru")
    click(qtbot, shell.enrol.connect_button)
    assert shell.enrol.message.objectName() == "error"
    found += audit(shell, screen, AUDIT_SHOTS / f"enrol-error-{screen.name}.png")
    click(qtbot, shell.enrol.back_button)
    assert shell.stack.currentWidget() is shell.login
    assert not found, "\n" + report(found)
