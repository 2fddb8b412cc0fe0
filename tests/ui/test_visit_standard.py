"""The visit as the standard says it, through the real widgets: nothing lost, no dead ends, measured."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from fieldact.store import tables
from fieldact.store.acts import act_of_visit, versions
from fieldact.store.signing import sign_demo_visit
from fieldact.ui.day_screen import VisitCard
from fieldact.ui.precall_panel import PrecallPanel
from fieldact.visit import ItemState, VisitStatus

from .helpers import (
    Clock,
    click,
    draw_signature,
    enter_pin,
    local,
    make_shell,
    make_store,
    save_shot,
    sign_in,
    type_text,
)
from .test_signing_flow import close_visit, review_and_hand_over, to_documents


def open_card(shell, predicate) -> str:
    summary = next(v for v in shell.day.visits if predicate(v))
    shell.day.open_visit.emit(summary.id)
    QApplication.processEvents()
    return summary.id


def test_a_condition_tick_keeps_what_was_typed(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T09:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    open_card(shell, lambda v: v.planned_start.hour == 9)
    shell.visit.rail.setCurrentRow(3)
    QApplication.processEvents()
    channels = shell.visit.rows["demonstration.tv_channels"]
    type_text(channels.editor.field, "Первый, НТВ")
    speed = shell.visit.rows["demonstration.internet_speed"]
    assert speed.isHidden()
    shell.visit.condition_boxes["speed_requested"].setChecked(True)
    QApplication.processEvents()
    assert shell.visit.rows["demonstration.tv_channels"] is channels, "the stage is not rebuilt"
    assert channels.editor.field.text() == "Первый, НТВ", "typed but not saved: still there"
    assert not speed.isHidden()
    assert store.load_visit(shell.visit.current.id).checklist.conditions["speed_requested"] is True


def test_a_refused_answer_is_a_sentence_and_never_counted(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T09:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    visit_id = open_card(shell, lambda v: v.planned_start.hour == 9)
    shell.visit.rail.setCurrentRow(2)
    QApplication.processEvents()
    before = shell.visit.visit.checklist.progress("installation")
    row = shell.visit.rows["installation.holes_filled"]
    click(qtbot, row.not_applicable)
    row.reason.setText("стены не\x07 сверлили")
    click(qtbot, row.save_reason)
    assert "управляющие символы" in row.message.text()
    assert row.reason.text() == "стены не\x07 сверлили", "what was typed stays"
    assert shell.visit.visit.checklist.answer("installation.holes_filled").state is ItemState.PENDING
    assert shell.visit.visit.checklist.progress("installation") == before
    assert store.load_visit(visit_id).checklist.answer("installation.holes_filled").state is ItemState.PENDING


def test_opening_a_card_only_shows_it_and_the_arrival_is_explicit(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T09:07")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    visit_id = open_card(shell, lambda v: v.planned_start.hour == 9)
    assert shell.visit.arrive_button.isVisible()
    click(qtbot, shell.visit.phone_button)
    assert QGuiApplication.clipboard().text() == "+7 912 000-00-01"
    click(qtbot, shell.visit.day_button)
    visit = store.load_visit(visit_id)
    assert visit.status is VisitStatus.PLANNED and visit.arrived_at is None
    technician = shell.context.technician.id
    assert store.visit_in_progress(technician) is None

    open_card(shell, lambda v: v.planned_start.hour == 9)
    click(qtbot, shell.visit.arrive_button)
    assert not shell.visit.arrive_button.isVisible()
    assert "На месте 9:07" not in shell.visit.arrival.text()
    assert shell.visit.arrival.text() == "На месте 09:07 — опоздание 7 мин"
    visit = store.load_visit(visit_id)
    assert visit.status is VisitStatus.IN_PROGRESS and store.visit_in_progress(technician) == visit_id
    assert visit.checklist.answer("precall.arrive_on_time").reason == "Опоздание на 7 мин."
    save_shot(shell, "visit_arrived_late")


def test_precall_outcomes_on_the_day_screen(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    clock = Clock(local(brand, "2026-11-26T08:45"))
    shell = make_shell(qtbot, store, clock)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    panel = shell.day.precall_panel
    assert panel is not None and shell.day.precall.isVisible()
    assert [b.text() for b in panel.branch_buttons.values()] == [
        "Абонент просит другое время",
        "Абонента не будет дома",
    ]
    click(qtbot, panel.missed)
    panel = shell.day.precall_panel
    assert panel.state.text() == "Не дозвонился: 1 раз(а). Позвоните ещё раз."
    save_shot(shell, "day_precall_not_reached")
    clock.moment = local(brand, "2026-11-26T08:47")
    click(qtbot, panel.reached)
    assert not shell.day.precall.isVisible()
    visit = store.load_visit(shell.day.visits[0].id)
    assert visit.precall_attempts == 1 and visit.precall_at == local(brand, "2026-11-26T08:47")
    assert visit.status is VisitStatus.PLANNED
    assert visit.checklist.answer("precall.call_before").state is ItemState.DONE
    sign_out_and_in = shell.day.sign_out_button
    click(qtbot, sign_out_and_in)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    assert shell.stack.currentWidget() is shell.day, "a pre-call does not jump into the visit at sign-in"
    open_card(shell, lambda v: v.planned_start.hour == 9)
    precall = shell.visit.findChild(PrecallPanel)
    assert precall.state.text() == "Звонок в 08:47, вовремя по стандарту"


def test_another_time_from_the_connection_precall(qtbot, tmp_path: Path, standard, brand) -> None:
    from fieldact.ui.branch_panel import BranchPanel

    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T08:45")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    panel = shell.day.precall_panel
    click(qtbot, panel.branch_buttons["another_time"])
    assert shell.stack.currentWidget() is shell.visit
    branch = next(p for p in shell.visit.findChildren(BranchPanel) if p.branch.key == "another_time")
    assert branch.details_box.isVisible()
    headings = [label.text() for label in branch.findChildren(type(shell.visit.header), "heading2")]
    assert "Позвоните сейчас: Менеджер по качеству, +7 342 219-51-02" in headings, "before working hours"
    click(qtbot, branch.record)
    click(qtbot, branch.confirm)
    visit = store.load_visit(shell.visit.current.id)
    assert visit.status is VisitStatus.RESCHEDULED and visit.precall_at is not None
    # reopened: only shown, nothing can be signed
    shell.open_visit(str(visit.id))
    assert not shell.visit.editable and "Перенесён (Абонент просит другое время)" in shell.visit.outcome.text()
    assert not shell.visit.review_button.isVisible()
    assert not any(row.isEnabled() for row in shell.visit.rows.values())


def test_a_window_visit_asks_the_arrival_and_calls_an_hour_before(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    clock = Clock(local(brand, "2026-11-26T12:00"))
    shell = make_shell(qtbot, store, clock)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    card = next(c for c in shell.day.findChildren(VisitCard) if hasattr(c, "set_arrival"))
    assert any("Когда Вы рассчитываете прийти?" in label.text() for label in card.findChildren(QLabel))

    card.arrival.setTime(QTime(16, 30))
    click(qtbot, card.set_arrival)
    window = next(v for v in shell.day.visits if not v.planned_exact)
    assert window.expected_arrival == local(brand, "2026-11-26T16:30")
    assert shell.day.due_precall() is None or shell.day.due_precall().id != window.id
    clock.moment = local(brand, "2026-11-26T15:30")
    shell.day.refresh()
    QApplication.processEvents()  # the earlier card's widgets are deleted
    assert shell.day.due_precall() is not None and shell.day.due_precall().id == window.id
    save_shot(shell, "day_window_precall")
    script = next(label for label in shell.day.precall.findChildren(QLabel, "script") if label.isVisible()).text()
    assert "Вы оставляли сервисную заявку 2611-15" in script


def test_day_rules_are_confirmed_per_technician_per_day(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T08:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    assert shell.day.rules.isVisible()
    assert "Быть опрятным" in shell.day.always.text() and not shell.day.always.isVisible()
    click(qtbot, shell.day.always_toggle)
    assert shell.day.always.isVisible() and shell.day.always_toggle.text() == "Правила на весь день (3)"
    done = [b for b in shell.day.rules.findChildren(type(shell.day.sign_out_button)) if b.text()][-1]
    click(qtbot, done)
    assert not shell.day.rules.isVisible()
    click(qtbot, shell.day.sign_out_button)
    sign_in(qtbot, shell, "Смирнова Анна", "2222")
    assert shell.day.rules.isVisible(), "another technician on the same tablet still confirms his"
    click(qtbot, shell.day.sign_out_button)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    assert not shell.day.rules.isVisible()
    assert store.day_rules_confirmed(shell.context.technician.id, local(brand, "2026-11-26T08:00").date())
    assert not store.day_rules_confirmed(shell.context.technician.id, local(brand, "2026-11-27T08:00").date())


def test_a_signed_visit_opens_read_only_and_is_corrected(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T18:00")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    first = shell.day.visits[0]
    sign_demo_visit(store, first.id, local(brand, "2026-11-26T10:10"))
    old_act = act_of_visit(store, first.id)
    open_card(shell, lambda v: v.id == first.id)
    save_shot(shell, "visit_signed_read_only")
    assert "Подписан: акт" in shell.visit.outcome.text()
    assert not shell.visit.review_button.isVisible() and not shell.visit.arrive_button.isVisible()
    assert "Можно подписывать" not in shell.visit.blockers.text()
    assert not any(row.isEnabled() for row in shell.visit.rows.values())
    # the closing stage comes after the act: left undone on the done screen, it is answered here
    shell.visit.rail.setCurrentRow(5)
    QApplication.processEvents()
    thank = shell.visit.rows["closing.thank"]
    assert thank.isEnabled()
    click(qtbot, thank.done)
    assert store.load_visit(first.id).checklist.answer("closing.thank").state is ItemState.DONE
    assert shell.visit.rail.item(5).text().endswith("1/4")
    click(qtbot, shell.visit.act_button)
    assert shell.stack.currentWidget() is shell.review and not shell.review.hand_button.isVisible()
    assert shell.review.viewer.page_count() >= 1 and old_act.number in shell.review.title.text()
    click(qtbot, shell.review.back_button)
    click(qtbot, shell.visit.correct_button)
    enter_pin(qtbot, shell.unlock.pin_pad, "1111")
    QApplication.processEvents()
    assert shell.stack.currentWidget() is shell.visit
    correction = shell.visit.current
    assert correction.id != first.id and correction.editable
    to_documents(qtbot, shell)
    review_and_hand_over(qtbot, shell, "correction")
    draw_signature(qtbot, shell.signing.field.pad)
    click(qtbot, shell.signing.sign_button)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.done, timeout=20000)
    chain = versions(store, old_act.number)
    assert [a.version for a in chain] == [1, 2] and chain[1].supersedes_id == old_act.id
    shell.open_visit(first.id)
    assert not shell.visit.correct_button.isVisible(), "the superseded act is corrected through its new version"


def test_the_standard_kept_is_measured_stored_and_shown(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    clock = Clock(local(brand, "2026-11-26T16:45"))
    shell = make_shell(qtbot, store, clock)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    click(qtbot, shell.day.precall_panel.reached)
    visit_id = open_card(shell, lambda v: v.planned_start.hour == 17)
    clock.moment = local(brand, "2026-11-26T17:20")
    to_documents(qtbot, shell)
    from .test_signing_flow import pay

    pay(qtbot, shell)
    review_and_hand_over(qtbot, shell, "measured")
    draw_signature(qtbot, shell.signing.field.pad)
    click(qtbot, shell.signing.sign_button)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.done, timeout=20000)
    close_visit(qtbot, shell)
    save_shot(shell, "done_standard_kept")
    assert shell.done.kept.text() == (
        "Стандарт:\n✓ звонок вовремя\n✗ опоздание 20 мин\n✗ обязательные пункты выполнены\n"
        "✓ завершение контакта выполнено\nМинут по этапам: 35 · 0 · 0 · 0 · 0 · 0"
    )
    with store.session() as session:
        row = session.get(tables.Visit, visit_id)
        kept = json.loads(row.standard_kept)
    assert kept["precall_on_time"] is True and kept["arrival_late_minutes"] == 20
    assert kept["closing_done"] is True and kept["required_done"] is False  # arrival failed: late
    assert kept["stage_minutes"]["precall"] == 35, "from the call at 16:45 to leaving stage 1 at 17:20"
    visit = store.load_visit(visit_id)
    assert visit.closing_blockers() == [], "the closing answers come back after a restart"
    assert visit.checklist.progress("closing") == (4, 4)
    act = act_of_visit(store, visit_id)
    assert "звонок вовремя" not in act.content and "standard_kept" not in act.content


def test_service_not_home_from_the_precall_card(qtbot, tmp_path: Path, standard, brand) -> None:
    from fieldact.ui.branch_panel import BranchPanel

    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T10:30")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    panel = shell.day.precall_panel
    assert panel.current.visit.kind.value == "service"
    click(qtbot, panel.branch_buttons["not_home"])
    branch = next(p for p in shell.visit.findChildren(BranchPanel) if p.branch.key == "not_home")
    assert branch.details_box.isVisible()
    save_shot(shell, "visit_branch_not_home")
    click(qtbot, branch.record)
    assert branch.message.text() == "Опишите ситуацию подробно — это попадёт в заявку."
    type_text(branch.details, "будет на работе до вечера, линию в подъезде проверю")
    click(qtbot, branch.record)
    click(qtbot, branch.confirm)
    assert shell.stack.currentWidget() is shell.day
    visit = store.load_visit(panel.current.id)
    assert visit.status is VisitStatus.RESCHEDULED and visit.precall_at == local(brand, "2026-11-26T10:30")
    assert visit.branches[0].key == "not_home" and "подъезде" in visit.branches[0].details
    assert shell.day.due_precall() is None or shell.day.due_precall().id != visit.id
