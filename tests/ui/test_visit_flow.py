"""A technician's day through the real widgets: sign in, the day, a visit stage by stage, resume."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldact.visit import ItemState

from .helpers import (
    Clock,
    click,
    enter_pin,
    local,
    make_shell,
    make_store,
    rows,
    save_shot,
    sign_in,
    take_photos,
    type_text,
)


def precall_and_arrive(qtbot, shell) -> None:
    """Stage 1 is measured: the pre-call's outcome and «I am here», never ticked by hand."""
    from fieldact.ui.precall_panel import PrecallPanel

    panel = shell.visit.findChild(PrecallPanel)
    if panel.reached.isVisible():
        click(qtbot, panel.reached)
    if shell.visit.arrive_button.isVisible():
        click(qtbot, shell.visit.arrive_button)


def answer_stage(qtbot, shell) -> None:
    """Fill every item of the current stage as a technician would."""
    QApplication.processEvents()
    if shell.visit.visit.stage_index == 0:
        precall_and_arrive(qtbot, shell)
    for row in rows(shell):
        if row.undo.isVisible() or not row.isEnabled() or row.isHidden():
            continue  # answered, measured (the pre-call, the arrival) or hidden by a condition
        editor = row.editor
        kind = row.entry.item.evidence.value
        if kind == "channels":
            type_text(editor.field, "Первый, Россия 1, НТВ")
        elif kind == "speed":
            type_text(editor.down, "94,2")
            type_text(editor.up, "91")
        elif kind == "test_call":
            editor.incoming.setChecked(True)
            editor.outgoing.setChecked(True)
        elif kind == "cable_labels":
            editor.spin.setValue(2)
        elif kind in ("cable_route", "text"):
            type_text(editor.field, "по площадке в кабель-канале, в квартире по плинтусу")
        elif kind == "tariff":
            type_text(editor.field, "Интернет 100")
        elif kind == "debris_removed":
            editor.removed.setChecked(True)
        elif kind == "apps":
            assert not any(box.isChecked() for box in editor.boxes.values()), "nothing pre-answered"
            for box in editor.boxes.values():
                box.setChecked(True)
        elif kind == "phone_number":
            type_text(editor.field, "+7 342 219-51-95")
        photos = row.entry.item.photos
        if photos and photos.min and not (photos.if_any and getattr(editor, "spin", None) and not editor.spin.value()):
            take_photos(qtbot, shell, row.entry.key, photos.min)
        assert row.done.isVisible(), (row.entry.key, row.isVisible(), row.state_label.text())
        click(qtbot, row.done)
        assert row.undo.isVisible(), row.message.text()


def test_sign_in_day_and_connection_visit_to_ready(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    clock = Clock(local(brand, "2026-11-26T08:46"))
    shell = make_shell(qtbot, store, clock)
    save_shot(shell, "login_landscape")
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    assert shell.stack.currentWidget() is shell.day
    assert shell.day.precall.isVisible(), "09:00 connection: the pre-call reminder at 08:45"
    assert (
        "Иван Петрович, доброе утро. Служба подключений Дом.ru. Пётр."
        in shell.day.precall.findChild(type(shell.day.title), "script").text()
    )
    save_shot(shell, "day_landscape")
    first = shell.day.visits[0]
    assert first.planned_start.hour == 9
    click(qtbot, shell.day.precall_panel.reached)
    assert not shell.day.precall.isVisible()

    shell.day.open_visit.emit(first.id)
    assert shell.stack.currentWidget() is shell.visit
    visit = shell.visit.visit
    assert visit.stage.key == "precall"
    assert visit.checklist.answer("precall.call_before").state is ItemState.DONE
    click(qtbot, shell.visit.arrive_button)
    assert visit.checklist.answer("precall.arrive_on_time").state is ItemState.DONE
    answer_stage(qtbot, shell)
    save_shot(shell, "visit_precall_landscape")
    for expected in ("contact", "installation", "demonstration", "documents"):
        click(qtbot, shell.visit.next_button)
        assert shell.visit.visit.stage.key == expected
        if expected == "demonstration":
            save_shot(shell, "visit_demonstration_before_landscape")
        answer_stage(qtbot, shell)
    save_shot(shell, "visit_documents_landscape")
    assert shell.visit.blockers.text() == "Можно подписывать."
    assert shell.visit.review_button.isEnabled()

    # a restart in the middle: every answer and the stage are back
    stored = store.load_visit(first.id)
    assert stored.stage.key == "documents"
    assert stored.checklist.answer("demonstration.tv_channels").state is ItemState.DONE


def test_bad_evidence_keeps_the_input_and_says_what_to_do(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    shell.open_visit(shell.day.visits[0].id)
    shell.visit.rail.setCurrentRow(3)
    QApplication.processEvents()
    row = shell.visit.rows["demonstration.tv_channels"]
    type_text(row.editor.field, "Первый")
    click(qtbot, row.done)
    assert row.message.text() == "Укажите не меньше 2 показанных каналов (сейчас 1)."
    assert row.editor.field.text() == "Первый"
    assert not row.undo.isVisible()


def test_blockers_are_a_tap_away(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    shell.open_visit(shell.day.visits[0].id)
    click(qtbot, shell.visit.show_blockers)
    assert shell.visit.blocker_list.count() > 10
    target = shell.visit.blocker_list.item(5)
    key = target.data(Qt.ItemDataRole.UserRole + 1)
    shell.visit.blocker_list.itemClicked.emit(target)
    QApplication.processEvents()
    assert shell.visit.visit.stage.key == key.split(".")[0]
    assert key in shell.visit.rows


def test_pin_lockout(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:00")))
    for _ in range(5):
        sign_in(qtbot, shell, "Петров Пётр", "9999") if shell.login.people_box.isVisible() else None
        if not shell.login.people_box.isVisible():
            enter_pin(qtbot, shell.login.pin_pad, "9999")
    assert "Слишком много неверных PIN" in shell.login.message.text()
    enter_pin(qtbot, shell.login.pin_pad, "1111")
    assert shell.stack.currentWidget() is shell.login, "locked even with the right PIN"
