"""The administration screen with its real widgets: a wrong PIN is a sentence, a new PIN and an unlock are audited."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from tests.office.quality_data import fill
from tests.ui.helpers import click, save_shot, type_text

from fieldact.store.db import open_database
from fieldact.ui.office_window import OfficeContext, OfficeWindow


def test_admin_actions_and_the_audit_view(qtbot, tmp_path: Path) -> None:
    database = open_database(tmp_path / "q.db")
    fill(database)
    window = OfficeWindow(OfficeContext(database, ZoneInfo("Asia/Yekaterinburg")))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window._open_acts()
    next(a for a in window.screens.actions() if a.text() == "Администрирование").trigger()
    admin = window.admin
    assert window.stack.currentWidget() is window.admin_page and window.admin_page.widget() is admin
    admin.technician.setCurrentIndex(admin.technician.findText("Борисов Борис"))
    type_text(admin.pin, "1234")
    type_text(admin.pin_again, "9999")
    click(qtbot, admin.reset)
    assert "не совпадают" in admin.message.text()
    admin.pin_again.clear()
    type_text(admin.pin_again, "1234")
    click(qtbot, admin.reset)
    assert admin.message.text() == "У Борисов Борис новый PIN."
    click(qtbot, admin.unlock)
    shown = [admin.actions.item(row, 1).text() for row in range(admin.actions.rowCount())]
    assert shown[:2] == ["technician_unlocked", "pin_reset"]
    assert "tech-b" in admin.actions.item(0, 2).text()
    save_shot(window, "office_admin_1280x720")
    database.dispose()
