"""Drawn colours, read back from the pixels: placeholders, disabled buttons and read-only fields stay legible."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from fieldact.ui.widgets.common import big_button


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_and_ground(widget: QWidget) -> tuple[QColor, QColor]:
    """The ground is the commonest colour inside the widget, the text the one farthest from it."""
    widget.resize(320, 56)
    widget.show()
    image: QImage = widget.grab().toImage()
    counts: dict[int, int] = {}
    pixels = [image.pixel(x, y) for x in range(20, image.width() - 20) for y in range(8, image.height() - 8)]
    for rgb in pixels:
        counts[rgb] = counts.get(rgb, 0) + 1
    ground = QColor(max(counts, key=counts.__getitem__))
    text = max((QColor(rgb) for rgb in set(pixels)), key=lambda color: contrast(color, ground))
    return text, ground


def test_placeholder_text_is_legible(qtbot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setPlaceholderText("например, Кабель UTP 5e")
    assert contrast(*text_and_ground(field)) >= 4.5


def test_disabled_buttons_and_read_only_fields_are_legible(qtbot) -> None:
    widgets: list[QWidget] = [big_button("Просмотреть акт", "primary"), big_button("Выполнено", "choice")]
    widgets += [big_button("Отменить штрих"), big_button("Другой техник", "quiet")]
    field = QLineEdit("Интернет 100")
    widgets.append(field)
    for widget in widgets:
        qtbot.addWidget(widget)
        widget.setEnabled(False)
        ratio = contrast(*text_and_ground(widget))
        name = widget.text() if isinstance(widget, QPushButton | QLineEdit) else ""
        assert ratio >= 4.5, (name, round(ratio, 2))
