"""The quality dashboard with its real widgets: filters, figures, charts, a number's visits, a visit's act."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from tests.office.quality_data import fill
from tests.ui.helpers import click, save_shot

from fieldact.office.quality import Measure
from fieldact.store.db import open_database
from fieldact.ui.office_window import OfficeContext, OfficeWindow
from fieldact.ui.quality_screen import QualityScreen, VisitsShown


def _figure(screen: QualityScreen, label: str) -> tuple[int, str]:
    for row in range(screen.figures.rowCount()):
        if screen.figures.item(row, 0).text() == label:
            return row, screen.figures.item(row, 1).text()
    raise AssertionError(label)


def _cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_figures_drill_down_and_act(qtbot, tmp_path: Path) -> None:
    database = open_database(tmp_path / "q.db")
    fill(database)
    screen = QualityScreen(OfficeContext(database, ZoneInfo("Asia/Yekaterinburg")))
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    screen.first.setDate(QDate(2026, 11, 2))
    screen.last.setDate(QDate(2026, 11, 15))
    click(qtbot, screen.show_button)
    qtbot.waitUntil(lambda: screen.board is not None, timeout=10000)
    assert _figure(screen, "Визитов")[1] == "5"
    assert _figure(screen, "Предзвонок в окне стандарта, %")[1] == "75"
    assert _figure(screen, "Приезд вовремя, %")[1] == "50"
    assert screen.weeks.labels == ["02.11", "09.11"]
    assert screen.people.labels == ["Андреев Антон", "Борисов Борис"]
    assert screen.people.series[0] == [66.7, 100.0]
    assert _figure(screen, "Опоздание: 1–15 мин")[1] == "1"
    assert _figure(screen, "1. Предварительный звонок, мин в среднем")[1] == "20"
    assert _cells(screen.skipped) == [["x", "1", "1"], ["y", "0", "1"]]
    assert _cells(screen.reasons) == [
        ["устранить невозможно", "11.11.2026", "v5", "Абонент отказался от платного технического специалиста: кабель"],
        ["отказ от подписи", "10.11.2026", "v3", "дорого"],
        ["перенос", "10.11.2026", "v4", "на завтра"],
    ]
    for tab in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        shown = screen.tabs.currentWidget()
        assert not shown.horizontalScrollBar().isVisible(), f"tab {screen.tabs.tabText(tab)} scrolls sideways"
        save_shot(screen, f"quality_1280x720_{tab}")
    screen.tabs.setCurrentIndex(0)
    screen.resize(1920, 1080)
    QApplication.processEvents()
    save_shot(screen, "quality_1920x1080")

    row, _ = _figure(screen, "Приезд вовремя, %")
    with qtbot.waitSignal(screen.visits_shown) as shown:
        screen.figures.cellClicked.emit(row, 1)
    assert shown.args == [VisitsShown(Measure.LATE, 2)]
    assert sorted(screen.visits.item(r, 0).text() for r in range(screen.visits.rowCount())) == ["v2", "v3"]
    assert {screen.visits.item(r, 4).text() for r in range(screen.visits.rowCount())} == {
        "подписан",
        "отказ от подписи",
    }
    v3 = next(r for r in range(screen.visits.rowCount()) if screen.visits.item(r, 0).text() == "v3")
    screen.visits.cellDoubleClicked.emit(v3, 0)
    assert screen.act_dialog.isVisible() and "A-3" in screen.act_dialog.windowTitle()
    v2 = next(r for r in range(screen.visits.rowCount()) if screen.visits.item(r, 0).text() == "v2")
    screen.visits.cellDoubleClicked.emit(v2, 0)
    assert "v2" in screen.status.text()  # no act: a sentence
    screen.act_dialog.close()
    refused = next(r for r in range(screen.reasons.rowCount()) if screen.reasons.item(r, 2).text() == "v3")
    screen.reasons.cellDoubleClicked.emit(refused, 0)
    assert screen.act_dialog.isVisible() and "A-3" in screen.act_dialog.windowTitle()
    screen.act_dialog.close()
    database.dispose()


def test_the_office_window_offers_the_dashboard_after_the_password(qtbot, tmp_path: Path) -> None:
    database = open_database(tmp_path / "q.db")
    fill(database)
    window = OfficeWindow(OfficeContext(database, ZoneInfo("Asia/Yekaterinburg")))
    qtbot.addWidget(window)
    window.show()
    assert not window.screens.isVisible(), "nothing before the office password"
    window._open_acts()
    assert window.screens.isVisible()
    quality = next(a for a in window.screens.actions() if a.text() == "Качество")
    quality.trigger()
    assert window.stack.currentWidget() is window.quality_page and window.quality_page.widget() is window.quality
    qtbot.waitUntil(lambda: window.quality.board is not None, timeout=10000)
    database.dispose()
