"""An item's look says its state: to do, then the chosen answer filled in its colour, the others quiet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from fieldact.ui.labels import STATE_COLORS
from fieldact.visit import ItemState

from .helpers import Clock, click, local, make_shell, make_store, save_shot, sign_in, type_text


def middle_color(widget: QWidget) -> QColor:
    """The ground of a widget: the most common colour on its middle line, letters being the minority."""
    image = widget.grab().toImage()
    y = image.height() // 2
    counts: dict[int, int] = {}
    for x in range(4, image.width() - 4):
        rgb = image.pixel(x, y)
        counts[rgb] = counts.get(rgb, 0) + 1
    return QColor(max(counts, key=counts.__getitem__))


def test_unanswered_then_each_answer_has_its_own_look(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T16:50")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    summary = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.open_visit(summary.id)
    shell.visit._move_to(3, completed=None)
    QApplication.processEvents()
    open_rows = [r for r in shell.visit.rows.values() if r.isVisible() and r.done.isEnabled()]
    first, second, third = open_rows[:3]
    grounds = {middle_color(button).name() for button in first.choices}
    assert grounds == {"#ffffff"}, "nothing chosen: three equal outlined choices"
    assert first.todo.isVisible() and first.todo.text() == "Нужно ответить"

    click(qtbot, second.not_applicable)
    type_text(second.reason, "нет такой услуги")
    click(qtbot, second.save_reason)
    click(qtbot, third.failed)
    type_text(third.reason, "абонент отказался")
    click(qtbot, third.save_reason)
    QApplication.processEvents()
    shell.visit.scroll.ensureWidgetVisible(third)
    QApplication.processEvents()
    save_shot(shell, "item_states")
    for row, state in ((second, ItemState.NOT_APPLICABLE), (third, ItemState.FAILED)):
        assert not row.todo.isVisible()
        chosen = next(b for b in row.choices if b.property("choice") == state.value)
        assert middle_color(chosen).name() == STATE_COLORS[state], (state, middle_color(chosen).name())
        for other in (b for b in row.choices if b is not chosen):
            assert middle_color(other).name() != STATE_COLORS[state] and not other.isEnabled()
        assert row.state_label.property("state") == state.value
    rail = shell.visit.rail.item(3)
    assert rail.foreground().color().name() == STATE_COLORS[ItemState.FAILED]
    assert "не выполнено: 1" in rail.text()
