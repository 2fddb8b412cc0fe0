"""Inputs for a finger: steppers, the reschedule time picker, check boxes that answer on their whole row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fieldact.ui.branch_panel import BranchPanel
from fieldact.ui.widgets.evidence import CountEditor
from fieldact.ui.widgets.stepper import Stepper
from fieldact.visit import VisitStatus

from .helpers import Clock, click, local, make_shell, make_store, save_shot, sign_in, type_text


def open_visit(shell, predicate) -> str:  # type: ignore[no-untyped-def]
    summary = next(v for v in shell.day.visits if predicate(v))
    shell.open_visit(summary.id)
    QApplication.processEvents()
    return summary.id


def test_a_count_is_set_with_large_steppers_and_a_long_press_repeats(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T16:50")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    open_visit(shell, lambda v: len(v.services) == 3)
    editors = []
    for index in range(len(shell.visit.visit.stages)):
        shell.visit._move_to(index, completed=None)
        QApplication.processEvents()
        editors = [r.editor for r in shell.visit.rows.values() if isinstance(r.editor, CountEditor)]
        if editors:
            break
    editor = editors[0]
    stepper = editor.findChild(Stepper)
    for button in (stepper.minus, stepper.plus):
        assert button.width() >= 48 and button.height() >= 48
    assert editor.spin.lineEdit().width() > 40, "the number between the buttons is drawn, not squeezed to nothing"
    start = editor.spin.value()
    click(qtbot, stepper.plus)
    assert editor.spin.value() == start + 1
    click(qtbot, stepper.minus)
    assert editor.spin.value() == start
    QTest.mousePress(stepper.plus, Qt.MouseButton.LeftButton)
    QTest.qWait(1200)
    QTest.mouseRelease(stepper.plus, Qt.MouseButton.LeftButton)
    assert editor.spin.value() >= start + 4, "holding + keeps counting"


def test_a_check_box_answers_a_tap_at_the_far_end_of_its_row(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T16:50")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    open_visit(shell, lambda v: len(v.services) == 3)
    shell.visit._move_to(3, completed=None)
    QApplication.processEvents()
    box = next(iter(shell.visit.condition_boxes.values()))
    assert box.width() > 600, "the box spans its row"
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 10, box.height() // 2))
    assert box.isChecked()


def test_another_time_is_picked_with_a_likely_answer(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T18:30")), size=(800, 1280))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    visit_id = open_visit(shell, lambda v: v.kind.value == "service" and v.planned_start.hour == 11)
    branch = next(p for p in shell.visit.findChildren(BranchPanel) if p.branch.key == "another_time")
    click(qtbot, branch.open_button)
    picker = branch.requested
    click(qtbot, picker.quick["Завтра утром"])
    assert picker.summary.text() == "Выбрано: завтра 27.11, 09:00"
    click(qtbot, picker.hours.button(15))
    click(qtbot, picker.minutes.button(30))
    assert picker.summary.text() == "Выбрано: завтра 27.11, 15:30"
    for button in picker.findChildren(type(branch.record)):
        if button.isVisible():
            assert button.height() >= 48, button.text()
    shell.visit.scroll.ensureWidgetVisible(picker)
    save_shot(shell, "time_picker_portrait")
    type_text(branch.details, "просит перенести на после обеда")
    click(qtbot, branch.record)
    assert store.load_visit(visit_id).status is not VisitStatus.RESCHEDULED, "not before the confirmation"
    click(qtbot, branch.confirm)
    visit = store.load_visit(visit_id)
    assert visit.status is VisitStatus.RESCHEDULED
    requested = visit.branches[0].requested_time.astimezone(local(brand, "2026-11-27T00:00").tzinfo)
    assert (requested.day, requested.hour, requested.minute) == (27, 15, 30)
