"""The standard browser driven through its real widgets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fieldact.standard import Service
from fieldact.ui.standard_screen import StandardScreen

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def test_stage_scripts_follow_kind_services_and_time(qtbot, standard, brand) -> None:
    evening = datetime(2026, 11, 26, 18, 0, tzinfo=ZoneInfo(brand.timezone))
    screen = StandardScreen(standard, brand, now=evening)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    assert screen.stage_list.count() == 7
    assert "Иван Петрович, добрый вечер. Служба подключений Дом.ru. Пётр." in screen.body.text()

    screen.stage_list.setCurrentRow(3)
    assert "Нашим Абонентам мы предлагаем собственный информационный канал" in screen.body.text()
    screen.service_boxes[Service.TV].setChecked(False)
    assert "информационный канал" not in screen.body.text()
    assert "Автоплатёж" in screen.body.text()
    SHOTS.mkdir(exist_ok=True)
    screen.grab().save(str(SHOTS / "standard_screen_demonstration.png"))

    screen.kind_box.setCurrentIndex(1)
    assert screen.back_button.text() == "‹ Назад"
    assert screen.stage_list.item(2).text() == "3. Диагностика и решение вопроса"
    screen.stage_list.setCurrentRow(1)
    assert "Добрый вечер!" in screen.body.text()
    assert "Технический специалист Дом.ru. Петров Пётр." in screen.body.text()


def test_general_rules_are_in_the_browser(qtbot, standard, brand) -> None:
    screen = StandardScreen(standard, brand)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.stage_list.item(6).text() == "Общие правила"
    screen.stage_list.setCurrentRow(6)
    text = screen.body.text()
    assert "Весь день" in text and "фирменную спецодежду" in text
    assert "В начале дня" in text and "Спланировать новый день." in text
