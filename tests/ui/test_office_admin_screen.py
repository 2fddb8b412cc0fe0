"""The administration screen with its real widgets: a wrong PIN is a sentence, a new PIN and an unlock are audited."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from tests.office.quality_data import fill
from tests.ui.helpers import click, save_shot, type_text

from fieldact.store.db import open_database
from fieldact.ui.office_window import OfficeContext, OfficeWindow

from ..store.pg import central_fixture  # noqa: F401


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
    assert shown[:2] == ["техник разблокирован", "задан новый PIN"]
    assert "tech-b" in admin.actions.item(0, 2).text()
    save_shot(window, "office_admin_1280x720")
    database.dispose()


def test_tablets_are_enrolled_and_revoked_from_the_office(qtbot, central, tmp_path: Path) -> None:
    """On the central database the office gives a technician's tablet its one-time code and revokes a lost one;
    both are audited and shown in words."""
    import re

    from sqlalchemy import text
    from tests.service.server import make_company_ca

    from fieldact.service import devices
    from fieldact.service.ca import FileCA
    from fieldact.service.device import certificate_request, new_key, public_pem

    database = central.database()
    fill(database)
    window = OfficeWindow(OfficeContext(database, ZoneInfo("Asia/Yekaterinburg")))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window._open_acts()
    next(a for a in window.screens.actions() if a.text() == "Администрирование").trigger()
    admin = window.admin
    assert admin.tablets_box.isVisible(), "the central database keeps the tablets"
    admin.technician.setCurrentIndex(admin.technician.findText("Борисов Борис"))
    click(qtbot, admin.enrol)
    code = admin.code.text()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code), code
    assert "Борисов Борис" in admin.message.text() and "12" in admin.message.text()

    # the tablet enrols with that code, as the service does for it
    certificate, key = make_company_ca(tmp_path / "ca")
    device_key = new_key()
    with database.engine.begin() as connection:
        enrolled = devices.enrol(
            connection,
            FileCA(certificate, key),
            code,
            certificate_request(device_key, "tech-b"),
            public_pem(device_key),
        )
    admin.refresh()
    assert admin.devices.rowCount() == 1 and admin.devices.item(0, 1).text() == "Борисов Борис"

    click(qtbot, admin.revoke)
    assert "выберите в списке" in admin.message.text(), "nothing chosen: a sentence"
    admin.devices.selectRow(0)
    click(qtbot, admin.revoke)
    assert "причину" in admin.message.text(), "no reason: a sentence, nothing revoked"
    type_text(admin.revoke_reason, "планшет утерян")
    click(qtbot, admin.revoke)
    assert enrolled.device_id in admin.message.text() and "отозван" in admin.message.text()
    assert "планшет утерян" in admin.devices.item(0, 3).text()
    with database.engine.connect() as connection:
        revoked = connection.execute(text("SELECT count(*) FROM revoked_device")).scalar()
    assert revoked == 1, "its certificate is withdrawn too"
    shown = [admin.actions.item(row, 1).text() for row in range(admin.actions.rowCount())]
    assert shown[:2] == ["планшет отозван", "выдан код подключения планшета"], shown
    save_shot(window, "office_admin_tablets_1280x720")
    window.resize(1920, 1080)
    save_shot(window, "office_admin_tablets_1920x1080")
    database.dispose()
