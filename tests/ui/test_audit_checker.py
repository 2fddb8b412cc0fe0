"""The UI audit itself, on small windows built to be wrong in one way each: every check must be able to fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .audit import SIZES, Bars, Screen, audit, contrast_ratio, english_words, object_path

SMALL = Screen("small", 640, 400)


class Page(QWidget):
    """A window with one good label and button, and room for the widget under test."""

    def __init__(self, *extra: QWidget) -> None:
        super().__init__()
        self.title = QLabel("Акты за ноябрь")
        self.ok_button = QPushButton("Готово")
        self.ok_button.setMinimumSize(120, 56)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.ok_button)
        for widget in extra:
            layout.addWidget(widget)
        layout.addStretch(1)


@pytest.fixture
def show(qapp, qtbot):
    def shown(window: QWidget) -> QWidget:
        qtbot.addWidget(window)
        window.resize(SMALL.width, SMALL.height)
        window.show()
        qtbot.waitExposed(window)
        return window

    return shown


def checks(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted({finding.check for finding in findings})


def test_a_plain_russian_window_passes(show) -> None:
    page = show(Page())
    assert audit(page, SMALL) == []


def test_a_label_wider_than_its_room_is_cut_unless_it_elides_on_purpose(show) -> None:
    label = QLabel("Подпись абонента получена и сохранена в акте")
    label.setFixedWidth(120)
    page = show(Page(label))
    findings = audit(page, SMALL)
    assert checks(findings) == ["cut"]
    assert findings[0].path == "Page/QLabel[1]" and "Подпись абонента" in findings[0].detail
    label.setProperty("elides", True)
    assert audit(page, SMALL) == []


def test_a_wrapped_label_lower_than_its_text_is_cut(show) -> None:
    label = QLabel("Первая строка длинного текста, который переносится на несколько строк в узкой колонке")
    label.setWordWrap(True)
    label.setFixedSize(200, 30)
    page = show(Page(label))
    assert checks(audit(page, SMALL)) == ["cut"]


def test_a_button_narrower_than_its_text_is_cut(show) -> None:
    button = QPushButton("Выгрузить все найденные акты")
    button.setFixedSize(120, 56)
    page = show(Page(button))
    findings = audit(page, SMALL)
    assert checks(findings) == ["cut"] and "Выгрузить" in findings[0].detail


def test_a_button_off_the_window_edge_is_cut(show) -> None:
    row = QWidget()
    row.setMinimumHeight(60)
    page = show(Page(row))
    button = QPushButton("Сбросить", row)
    button.setGeometry(SMALL.width - 60, 0, 140, 56)
    button.show()
    findings = audit(page, SMALL)
    assert checks(findings) == ["cut"] and "cut off" in findings[0].detail


def test_a_window_that_cannot_shrink_to_the_screen(show) -> None:
    wide = QLabel("Широкая строка")
    wide.setMinimumWidth(900)
    page = show(Page(wide))
    findings = audit(page, SMALL)
    assert "window" in checks(findings)
    assert any("needs 9" in f.detail and "640×400" in f.detail for f in findings if f.check == "window")


def test_a_horizontal_scroll_bar(show) -> None:
    area = QScrollArea()
    inner = QLabel("Содержимое шире области")
    inner.setMinimumWidth(1200)
    area.setWidget(inner)
    area.setMinimumHeight(120)
    page = show(Page(area))
    findings = audit(page, SMALL)
    assert checks(findings) == ["scrollbar"] and findings[0].path.endswith("QScrollArea")


def test_small_buttons_and_inputs_fail_the_size_bar(show) -> None:
    button = QPushButton("ОК")
    button.setStyleSheet("min-height: 0; padding: 0;")
    button.setFixedSize(40, 40)
    line = QLineEdit()
    line.setStyleSheet("min-height: 0;")
    line.setFixedHeight(30)
    box = QCheckBox("Кабель промаркирован")
    box.setStyleSheet("QCheckBox { min-height: 20px; } QCheckBox::indicator { width: 16px; height: 16px; }")
    box.setFixedHeight(24)
    page = show(Page(button, line, box))
    findings = [f for f in audit(page, SMALL) if f.check == "target"]
    assert len(findings) == 3, findings
    assert findings[0].detail.startswith("40×") and "under the 48 px bar" in findings[0].detail
    assert audit(page, SMALL, bars=Bars(target_px=20)) == []


def test_low_contrast_text_from_the_stylesheet_and_the_palette(show) -> None:
    pale = QLabel("Бледный текст")
    pale.setStyleSheet("color: #a0a6ad;")
    placeholder = QLineEdit()
    placeholder.setStyleSheet("QLineEdit { placeholder-text-color: #b0b6bc; }")  # a pale example, as often seen
    placeholder.setPlaceholderText("Номер договора")
    disabled = QPushButton("Недоступно")
    disabled.setMinimumSize(200, 56)
    disabled.setStyleSheet("QPushButton:disabled { color: #c8ccd0; }")
    disabled.setEnabled(False)
    on_card = QLabel("Тёмный текст на тёмной карточке")
    card = QWidget()
    card.setObjectName("dark")
    card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    card.setStyleSheet("QWidget#dark { background: #2f3a45; } QLabel { color: #1f2933; }")
    QHBoxLayout(card).addWidget(on_card)
    page = show(Page(pale, placeholder, disabled, card))
    findings = [f for f in audit(page, SMALL) if f.check == "contrast"]
    texts = " ".join(f.detail for f in findings)
    assert len(findings) == 4, findings
    assert "Бледный текст» #a0a6ad on #f4f5f7" in texts  # the window's palette ground under a transparent label
    assert "Номер договора» #b0b6bc on #ffffff is 2.05:1" in texts
    assert "Недоступно» #c8ccd0" in texts
    assert "Тёмный текст на тёмной карточке» #1f2933 on #2f3a45" in texts


def test_large_text_has_the_lower_bar(show) -> None:
    big = QLabel("Крупно")
    big.setStyleSheet("color: #7b8794;")  # 3.5:1 on the window's ground
    font = big.font()
    font.setPixelSize(28)
    big.setFont(font)
    page = show(Page(big))
    assert audit(page, SMALL) == []
    font.setPixelSize(18)
    big.setFont(font)
    assert checks(audit(page, SMALL)) == ["contrast"]


class Cells(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 2

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.DisplayRole:
            return ["подписан", "заменён"][index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.row() == 1:
            return QColor("#b8bec6")
        return None


def test_table_cells_are_checked(show) -> None:
    table = QTableView()
    model = Cells(table)
    table.setModel(model)
    table.setMinimumHeight(150)
    page = show(Page(table))
    findings = [f for f in audit(page, SMALL) if f.check == "contrast"]
    assert len(findings) == 1 and "row 2: заменён" in findings[0].detail


def test_english_left_in_the_russian_ui(show) -> None:
    english = QLabel("Save the report")
    button = QPushButton("Экспорт PDF и XLSX")
    button.setMinimumSize(260, 56)
    page = show(Page(english, button))
    findings = audit(page, SMALL)
    assert checks(findings) == ["english"] and "Save, the, report" in findings[0].detail
    assert audit(page, SMALL, bars=Bars(russian=False)) == []
    assert english_words("Акт 20261126-C64B45 v2, SHA-256 4f3afa09bfff…, https://lk.dom.ru", Bars()) == []
    assert english_words("Покажите приложение Shareman и оплату картой Visa", Bars()) == []  # names
    assert english_words("Technician", Bars()) == ["Technician"]
    words = english_words("Дом.ru: item: contact.greet_first, state: done", Bars())
    assert words == ["item", "contact", "greet", "first", "state", "done"]


def test_table_cells_cut_without_a_tooltip(show) -> None:
    table = QTableWidget(1, 2)
    table.setMinimumHeight(150)
    table.setItem(0, 0, QTableWidgetItem("Морозова Елена Павловна, г. Пермь"))
    table.setItem(0, 1, QTableWidgetItem("Морозова Елена Павловна, г. Пермь"))
    table.item(0, 1).setToolTip(table.item(0, 1).text())
    table.setColumnWidth(0, 90)
    table.setColumnWidth(1, 90)
    page = show(Page(table))
    findings = audit(page, SMALL)
    assert [f.check for f in findings] == ["cut"] and "cell «Морозова" in findings[0].detail


def test_paths_name_the_attribute_that_holds_the_widget(show) -> None:
    page = show(Page())
    assert object_path(page.ok_button) == "Page/QPushButton.ok_button"


def test_screenshots_at_the_physical_size(show, tmp_path: Path) -> None:
    page = show(Page())
    for screen in SIZES:
        shot = tmp_path / f"{screen.name}.png"
        assert audit(page, screen, shot) == []
        image = QImage(str(shot))
        assert (image.width(), image.height()) == (screen.width, screen.height)
        assert page.width() == round(screen.width / screen.scale)


def test_contrast_ratio_matches_wcag() -> None:
    assert round(contrast_ratio(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert round(contrast_ratio(QColor("#767676"), QColor("#ffffff")), 2) == 4.54
