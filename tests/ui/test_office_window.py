"""The office window through its real widgets: the password, filters, the list, an act, its trail, the exports."""

from __future__ import annotations

import json
import shutil
import time
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from fieldact.office.checks import CheckedDigests
from fieldact.store.db import open_database
from fieldact.ui.office_context import OfficeContext
from fieldact.ui.office_window import OfficeWindow

from .helpers import click, save_shot, type_text
from .office_helpers import november, sign_in_first_time


@pytest.fixture
def window(office_window: OfficeWindow) -> OfficeWindow:
    return office_window


def test_password_filters_act_and_trail(qtbot, window: OfficeWindow) -> None:
    sign_in_first_time(qtbot, window)
    acts = window.acts
    november(window)
    qtbot.waitUntil(lambda: acts.found.text() == "Найдено актов: 8", timeout=5000)
    assert acts.model.rowCount() == 8
    assert acts.model.headerData(0, Qt.Orientation.Horizontal) == "Подписан"
    statuses = {acts.model.data(acts.model.index(r, 2)) for r in range(8)}
    assert statuses == {"подписан", "отказ от подписи", "заменён исправленным"}

    acts.filters.status.setCurrentIndex(acts.filters.status.findText("отказ от подписи"))
    qtbot.waitUntil(lambda: acts.model.rowCount() == 1, timeout=3000)
    acts.filters.status.setCurrentIndex(0)
    type_text(acts.filters.subscriber, "иван")
    qtbot.waitUntil(lambda: 0 < acts.model.rowCount() < 8, timeout=3000)
    assert all(acts.model.rows[r].subscriber.startswith("Иван") for r in range(acts.model.rowCount()))
    acts.filters.subscriber.clear()
    acts.filters.kind.setCurrentIndex(acts.filters.kind.findText("Подключение"))
    qtbot.waitUntil(lambda: all(row.kind.value == "connection" for row in acts.model.rows), timeout=3000)
    acts.filters.kind.setCurrentIndex(0)
    acts.filters.subscriber.returnPressed.emit()
    qtbot.waitUntil(lambda: acts.model.rowCount() == 8, timeout=3000)

    acts.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.AscendingOrder)  # by contract, as a click does
    contracts = [row.contract for row in acts.model.rows]
    assert contracts == sorted(contracts)

    # the standard as measured on the tablet is shown with the act (it is not on the act itself)
    from sqlalchemy import text

    with window.context.database.engine.begin() as connection:
        visit_id = connection.execute(
            text("SELECT visit_id FROM act WHERE id = :id"), {"id": acts.model.rows[0].act_id}
        ).scalar()
        kept = {"precall_on_time": True, "arrival_on_time": False, "arrival_late_minutes": 12, "required_done": True}
        connection.execute(
            text("UPDATE visit SET standard_kept = :kept WHERE id = :id"), {"kept": json.dumps(kept), "id": visit_id}
        )
    acts.table.selectRow(0)
    qtbot.waitUntil(lambda: acts.panel.viewer.page_count() >= 1, timeout=10000)
    qtbot.waitUntil(lambda: acts.panel.check.objectName() == "checkOk", timeout=10000)
    assert "те, что подписаны" in acts.panel.check.text()
    assert acts.panel.kept.text() == (
        "Стандарт:\n✓ звонок вовремя\n✗ опоздание 12 мин\n✓ обязательные пункты выполнены\n"
        "✗ завершение контакта выполнено"
    )
    qtbot.wait(700)  # QPdfView renders pages on its own thread
    save_shot(window, "office_acts")
    acts.panel.setCurrentWidget(acts.panel.trail)
    assert acts.panel.trail.rowCount() >= 3
    sentences = acts.panel.trail.sentences()
    assert sentences[0].startswith("Визит создан: ")
    assert "«Первым поприветствовать Абонента в зависимости от времени суток»: выполнено" in sentences
    assert any(s.startswith("Абонент подписал акт ") for s in sentences)
    assert not [s for s in sentences if "greet_first" in s or "state:" in s], "no raw keys"
    assert acts.panel.trail.item(0, 1).text() == "приложение"
    save_shot(window, "office_audit")


def test_export_all_found_to_a_zip_and_a_cancel(qtbot, window: OfficeWindow, tmp_path: Path, monkeypatch) -> None:
    sign_in_first_time(qtbot, window)
    acts = window.acts
    november(window)
    qtbot.waitUntil(lambda: acts.found.text() == "Найдено актов: 8", timeout=5000)
    click(qtbot, acts.export_all)
    dialog = acts.export_dialog
    assert dialog is not None and dialog.isVisible() and "8" in dialog.title.text()
    click(qtbot, dialog.start)
    assert "Выберите папку" in dialog.message.text()
    target = tmp_path / "out" / "ноябрь.zip"
    type_text(dialog.target, str(target))
    click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    assert dialog.report is not None and dialog.report.ok, dialog.message.text()
    assert dialog.progress.value() == 8 and "Выгружено актов: 8" in dialog.message.text()
    save_shot(dialog, "office_export_done")
    with zipfile.ZipFile(target) as archive:
        assert len(json.loads(archive.read("manifest.json"))["acts"]) == 8
        assert "register.xlsx" in archive.namelist()

    # a slow export (a pause before each act) cancelled after its first act: nothing is left behind
    from fieldact.ui import office_dialogs

    real_export = office_dialogs.export_acts

    def slow_export(*args, progress, **kwargs):
        def paced(done: int, total: int) -> None:
            time.sleep(0.2)
            progress(done, total)

        return real_export(*args, progress=paced, **kwargs)

    monkeypatch.setattr(office_dialogs, "export_acts", slow_export)
    dialog.target.clear()
    cancelled_target = tmp_path / "out" / "отмена.zip"
    type_text(dialog.target, str(cancelled_target))
    click(qtbot, dialog.start)
    assert dialog.cancel.isVisible() and not dialog.close_button.isEnabled()
    save_shot(dialog, "office_export_running")
    click(qtbot, dialog.cancel)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    assert dialog.report is not None and dialog.report.cancelled
    assert dialog.message.text() == "Выгрузка отменена: ничего не записано."
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ноябрь.zip"], "no partial file"
    assert not dialog.cancel.isVisible()
    click(qtbot, dialog.close_button)


def test_export_selected_reports_a_tampered_act(qtbot, window: OfficeWindow, tmp_path: Path) -> None:
    from sqlalchemy import text

    sign_in_first_time(qtbot, window)
    acts = window.acts
    november(window)
    qtbot.waitUntil(lambda: acts.found.text() == "Найдено актов: 8", timeout=5000)
    victim = acts.model.rows[1].act_id
    with window.context.database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER act_no_update"))
        pdf = connection.execute(text("SELECT pdf FROM act WHERE id = :id"), {"id": victim}).scalar_one()
        connection.execute(text("UPDATE act SET pdf = :pdf WHERE id = :id"), {"pdf": pdf + b"\n", "id": victim})
    acts.table.selectRow(0)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    acts.table.selectionModel().select(acts.model.index(1, 0), flags)
    assert len(acts.selected_ids()) == 2
    click(qtbot, acts.export_selected)
    dialog = acts.export_dialog
    type_text(dialog.target, str(tmp_path / "folder"))
    click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    assert dialog.report is not None and len(dialog.report.exported) == 1 and len(dialog.report.refused) == 1
    assert dialog.message.objectName() == "error" and dialog.problems.isVisible()
    assert "не совпадает со своим хешем" in dialog.problems.toPlainText()
    save_shot(dialog, "office_export_refused")
    acts.table.selectRow(1)
    qtbot.waitUntil(lambda: acts.panel.check.objectName() == "error", timeout=10000)
    assert "не совпадает" in acts.panel.check.text()


def test_materials_report_dialog(qtbot, window: OfficeWindow, tmp_path: Path) -> None:
    sign_in_first_time(qtbot, window)
    november(window)
    click(qtbot, window.acts.materials)
    dialog = window.acts.materials_dialog
    target = tmp_path / "материалы.xlsx"
    type_text(dialog.target, str(target))
    click(qtbot, dialog.save)
    qtbot.waitUntil(lambda: dialog.message.objectName() == "saved", timeout=10000)
    assert target.exists() and "Сохранено" in dialog.message.text()
    save_shot(dialog, "office_materials")


def test_the_password_is_asked_the_next_time(qtbot, window: OfficeWindow, brand, tmp_path, monkeypatch) -> None:
    from fieldact.office import password as office_password
    from fieldact.store.pins import Uptime

    moment = {"seconds": 100.0}
    monkeypatch.setattr(office_password, "uptime", lambda: Uptime("boot", moment["seconds"]))
    sign_in_first_time(qtbot, window)
    again = OfficeWindow(window.context)
    qtbot.addWidget(again)
    again.show()
    gate = again.gate
    assert not gate.first_use and not gate.repeat.isVisible()
    for _ in range(4):
        type_text(gate.password, "неверный")
        click(qtbot, gate.submit)
    assert gate.message.text() == "Неверный пароль. Осталось попыток: 1."
    type_text(gate.password, "неверный")
    click(qtbot, gate.submit)
    assert not gate.submit.isEnabled()
    assert gate.message.text() == "Слишком много неверных паролей. Повторите через 5 мин."
    QApplication.processEvents()
    reopened = OfficeWindow(window.context)  # reopening the window does not reset the lock
    qtbot.addWidget(reopened)
    reopened.show()
    type_text(reopened.gate.password, "пароль-офиса")
    click(qtbot, reopened.gate.submit)
    assert reopened.stack.currentWidget() is not reopened.acts and not reopened.gate.submit.isEnabled()
    moment["seconds"] += 301
    gate._unlock()
    type_text(gate.password, "пароль-офиса")
    click(qtbot, gate.submit)
    assert again.stack.currentWidget() is again.acts


def test_a_password_check_closed_by_the_server_is_a_sentence(
    qapp, qtbot, office_template: Path, tmp_path: Path, brand, monkeypatch
) -> None:
    from fieldact.office import password
    from fieldact.text import InputError

    path = tmp_path / "office.db"
    shutil.copyfile(office_template, path)
    database = open_database(path)
    password.set_first(database, "пароль-офиса", "пароль-офиса")
    closed = "Слишком много неверных паролей: проверка закрыта на 15 минут. Подождите и попробуйте снова."

    def server_closed(_database, _typed: str, *_args, **_kwargs) -> bool:  # the central check, once locked
        raise InputError(closed)

    monkeypatch.setattr(password, "attempt", server_closed)
    shown = OfficeWindow(OfficeContext(database, ZoneInfo(brand.timezone), CheckedDigests(None)))
    qtbot.addWidget(shown)
    shown.show()
    type_text(shown.gate.password, "пароль-офиса")
    click(qtbot, shown.gate.submit)
    assert shown.gate.message.text() == closed and shown.stack.currentWidget() is shown.gate
    assert shown.gate.password.text() == ""
    database.dispose()


def test_the_photos_of_an_act_full_size(qtbot, window: OfficeWindow) -> None:
    sign_in_first_time(qtbot, window)
    acts = window.acts
    november(window)
    qtbot.waitUntil(lambda: acts.model.rowCount() == 8, timeout=5000)
    row = next(n for n, r in enumerate(acts.model.rows) if r.kind.value == "connection")
    acts.table.selectRow(row)
    qtbot.waitUntil(lambda: acts.panel.check.objectName() == "checkOk", timeout=10000)
    acts.panel.setCurrentWidget(acts.panel.photos)
    photos = acts.panel.photos
    assert photos.thumbs.count() >= 1 and "SHA-256" in photos.status.text()
    photos.thumbs.setCurrentRow(photos.thumbs.count() - 1)
    assert photos.full_pixmap.width() == 1600, "the photo as taken"
    viewport = photos.scroll.viewport().width()
    assert photos.full.pixmap().width() <= viewport, "fitted to the width: no sideways scrolling"
    photos.actual_size.click()
    assert photos.full.pixmap().width() == 1600, "the photo's own pixels, to read a serial number"
    photos.actual_size.click()
    assert photos.full.pixmap().width() <= viewport
    save_shot(window, "office_photos")
