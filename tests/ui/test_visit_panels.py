"""Materials, the service visit's pre-call branches and the English interface, through the real widgets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication

from fieldact.ui.branch_panel import BranchPanel
from fieldact.ui.materials_panel import MaterialsPanel
from fieldact.visit import Material, VisitStatus

from .helpers import Clock, click, local, make_shell, make_store, save_shot, sign_in, type_text


def open_visit(qtbot, shell, predicate) -> str:
    summary = next(v for v in shell.day.visits if predicate(v))
    shell.day.open_visit.emit(summary.id)
    QApplication.processEvents()
    return summary.id


def test_materials_are_saved_and_refused_with_a_sentence(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T09:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    visit_id = open_visit(qtbot, shell, lambda v: v.kind.value == "connection")
    shell.visit.rail.setCurrentRow(2)
    QApplication.processEvents()
    panel = shell.visit.findChild(MaterialsPanel)
    type_text(panel.quantity, "3")
    click(qtbot, panel.add)
    assert panel.message.text() == "Введите название материала или выберите его из списка."
    panel.quantity.clear()
    type_text(panel.name.lineEdit(), "Кабель UTP 5e")
    type_text(panel.quantity, "двенадцать")
    click(qtbot, panel.add)
    assert panel.message.text() == "Введите количество числом, например 12,5."
    assert panel.name.currentText() == "Кабель UTP 5e", "what was typed stays"
    assert panel.unit.currentText() == "м", "the catalogue's unit"
    panel.quantity.clear()
    type_text(panel.quantity, "12,5")
    click(qtbot, panel.add)
    assert panel.lines[0].text.text() == "Кабель UTP 5e — 12,5 м"
    # the next material brings its own unit: connectors are counted in pieces, not in the cable's metres
    panel.name.setCurrentText("Коннектор RJ-45")
    type_text(panel.quantity, "4")
    click(qtbot, panel.add)
    assert panel.lines[1].text.text() == "Коннектор RJ-45 — 4 шт"
    # a material outside the catalogue needs its unit chosen: nothing is assumed
    type_text(panel.name.lineEdit(), "Дюбель-хомут")
    type_text(panel.quantity, "6")
    click(qtbot, panel.add)
    assert panel.message.text() == "Выберите единицу для «Дюбель-хомут»."
    assert store.load_visit(visit_id).materials == [
        Material("UTP5E", "Кабель UTP 5e", Decimal("12.5"), "м"),
        Material("RJ45", "Коннектор RJ-45", Decimal("4"), "шт"),
    ]
    click(qtbot, panel.lines[0].remove)  # each line has its own «Удалить»: nothing to select first
    assert [m.name for m in store.load_visit(visit_id).materials] == ["Коннектор RJ-45"]


def test_another_time_names_whom_to_call_and_reschedules(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T18:30")))  # a weekday after hours
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    visit_id = open_visit(qtbot, shell, lambda v: v.kind.value == "service" and v.planned_start.hour == 11)
    branch = next(p for p in shell.visit.findChildren(BranchPanel) if p.branch.key == "another_time")
    click(qtbot, branch.open_button)
    headings = [label.text() for label in branch.findChildren(type(shell.visit.header), "heading2")]
    assert "Позвоните сейчас: Менеджер по качеству, +7 342 219-51-02" in headings, "after hours the quality manager"
    save_shot(shell, "visit_branch_another_time")
    type_text(branch.details, "просит перенести на вечер")
    click(qtbot, branch.record)
    assert branch.confirm.isVisible() and shell.stack.currentWidget() is shell.visit, "ending the visit is asked"
    click(qtbot, branch.confirm)
    assert shell.stack.currentWidget() is shell.day
    visit = store.load_visit(visit_id)
    assert visit.status is VisitStatus.RESCHEDULED
    assert visit.branches[0].key == "another_time" and visit.branches[0].requested_time is not None


def test_english_interface_on_request(qtbot, tmp_path: Path, standard, brand) -> None:
    from fieldact.text import set_language
    from fieldact.ui.i18n import install_translation

    install_translation(QApplication.instance(), "en")
    set_language("en")
    try:
        store = make_store(tmp_path / "f.db", standard, brand)
        shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
        assert shell.login.title.text() == "Who is working today?"
        sign_in(qtbot, shell, "Петров Пётр", "1111")
        assert shell.day.sign_out_button.text() == "Sign out"
    finally:
        install_translation(QApplication.instance(), "ru")
        set_language("ru")


def test_each_script_is_shown_once_with_its_item(qtbot, tmp_path: Path, standard, brand) -> None:
    from fieldact.ui.widgets.item_row import ItemRow

    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    open_visit(qtbot, shell, lambda v: len(v.services) == 3)
    shell.visit.rail.setCurrentRow(3)
    QApplication.processEvents()
    boxes = [
        label
        for label in shell.visit.findChildren(type(shell.visit.header), "script")
        if "информационный канал" in label.text()
    ]
    assert len(boxes) == 1
    assert isinstance(boxes[0].parent().parent(), ItemRow), "the infochannel script sits in its item's row"
