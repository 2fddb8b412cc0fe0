"""The tablet's own enrolment screen against a real ``fieldact serve`` with TLS and PostgreSQL: a wrong address,
a server whose certificate the tablet does not trust, a wrong code and the right one, typed into the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from fieldact.service import devices
from fieldact.service.client import is_enrolled
from fieldact.store.repository import Store
from fieldact.ui.context import AppContext
from fieldact.ui.enrol_screen import Enrolled, EnrolScreen

from .conftest import Central
from .server import RunningService

pytest.importorskip("uvicorn")


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def press_connect(qtbot, screen: EnrolScreen) -> str:
    qtbot.mouseClick(screen.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.connect_button.isEnabled(), timeout=20000)
    return screen.message.text()


def test_the_tablet_enrols_on_its_own_screen(qtbot, central: Central, service: RunningService, tablet: Store) -> None:
    from fieldact.store.central import save_technician

    admin = central.database()
    try:
        save_technician(admin, "7001", "Петров", "Пётр", "1234")
        code = devices.new_enrolment(admin, "7001", "office")
    finally:
        admin.dispose()
    screen = EnrolScreen(AppContext(tablet))
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    enrolled: list[Enrolled] = []
    screen.enrolled.connect(enrolled.append)

    type_into(screen.url, "acts.example.ru")
    type_into(screen.code, code)
    qtbot.mouseClick(screen.connect_button, Qt.MouseButton.LeftButton)
    assert "https://" in screen.message.text() and screen.message.objectName() == "error"
    assert screen.code.text() == code, "what was typed stays"

    screen.url.clear()
    type_into(screen.url, service.url)
    said = press_connect(qtbot, screen)
    assert "сертификат" in said and screen.message.objectName() == "error", said
    assert not is_enrolled(tablet.database)

    type_into(screen.tls_ca, service.tls_ca)
    screen.code.clear()
    type_into(screen.code, "AAAA-BBBB-CCCC-DDDD")
    said = press_connect(qtbot, screen)
    assert screen.message.objectName() == "error" and said, "a wrong code is refused with the server's sentence"
    assert not enrolled and not is_enrolled(tablet.database)

    screen.code.clear()
    type_into(screen.code, code)
    said = press_connect(qtbot, screen)
    assert enrolled == [Enrolled("7001", service.url)], said
    assert is_enrolled(tablet.database)
    assert screen.code.text() == "", "a used code is gone from the screen"

    type_into(screen.code, code)
    said = press_connect(qtbot, screen)
    assert screen.message.objectName() == "error", "the same code never works twice"
    assert len(enrolled) == 1


def test_a_missing_certificate_file_is_a_sentence(qtbot, tmp_path: Path, tablet: Store) -> None:
    screen = EnrolScreen(AppContext(tablet))
    qtbot.addWidget(screen)
    type_into(screen.url, "https://127.0.0.1:9")
    type_into(screen.code, "AAAA-BBBB-CCCC-DDDD")
    type_into(screen.tls_ca, str(tmp_path / "нет-такого.pem"))
    said = press_connect(qtbot, screen)
    assert "нет-такого.pem" in said and screen.message.objectName() == "error", said
