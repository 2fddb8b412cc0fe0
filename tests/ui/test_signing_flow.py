"""Whole visits through the real widgets to a stored act that verifies; the subscriber's screen is locked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from fieldact.act.verify import verify_pdf
from fieldact.store.acts import act_of_visit
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
from .test_visit_flow import answer_stage


def to_documents(qtbot, shell) -> None:
    answer_stage(qtbot, shell)
    while shell.visit.next_button.isVisible():
        click(qtbot, shell.visit.next_button)
        answer_stage(qtbot, shell)


def pay(qtbot, shell, received: str = "1100", change: str = "", credited: str = "100,00 ₽") -> None:
    from fieldact.ui.payment_panel import PaymentPanel

    panel = shell.visit.findChild(PaymentPanel)
    type_text(panel.description, "Подключение услуг")
    type_text(panel.price, "1000")
    click(qtbot, panel.add_line)
    type_text(panel.received, received)
    if change:
        type_text(panel.change, change)
    type_text(panel.bso, "АБ 012345")
    assert f"на лицевой счёт: {credited}" in panel.summary.text()
    click(qtbot, panel.save)
    assert panel.saved.text().startswith("Сохранено"), panel.message.text()


def close_visit(qtbot, shell) -> None:
    """The closing stage on the done screen: every item answered."""
    for row in list(shell.done.rows.values()):
        click(qtbot, row.done)
        assert row.undo.isVisible(), row.message.text()


def review_and_hand_over(qtbot, shell, name: str) -> None:
    click(qtbot, shell.visit.review_button)
    qtbot.waitUntil(lambda: shell.review.hand_button.isEnabled(), timeout=15000)
    assert shell.review.viewer.page_count() >= 1
    document = shell.review.viewer.document
    last = document.getAllText(document.pageCount() - 1).text()
    assert "Приложение. Фотографии выполненных работ" in last, "the subscriber sees the photos before he signs"
    assert "Мусор убран" in last
    qtbot.wait(700)  # QPdfView renders pages on its own thread
    save_shot(shell, f"review_{name}")
    click(qtbot, shell.review.hand_button)
    assert shell.stack.currentWidget() is shell.signing


def read_qr(widget, folder: Path) -> str:
    import zxingcpp
    from PIL import Image

    path = folder / "qr.png"
    widget.grab().save(str(path))
    found = zxingcpp.read_barcodes(Image.open(path))
    return found[0].text if found else ""


def test_connection_visit_tv_internet_phone_to_a_verified_act(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T17:05")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    summary = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.day.open_visit.emit(summary.id)
    QApplication.processEvents()
    to_documents(qtbot, shell)
    pay(qtbot, shell, received="5000", change="3000", credited="1\u202f000,00 ₽")  # part change
    save_shot(shell, "visit_documents_payment")
    review_and_hand_over(qtbot, shell, "connection")
    # the four figures the subscriber signs under add up: 5 000 = 1 000 + 3 000 + 1 000
    figures = shell.signing.summary.text().replace("\u202f", " ")
    assert "Получено 5 000,00 ₽: за услуги 1 000,00 ₽, сдача 3 000,00 ₽, на лицевой счёт 1 000,00 ₽" in figures

    # the subscriber's screen: a dot is refused with a sentence, then a real signature
    click(qtbot, shell.signing.sign_button)
    assert shell.signing.message.text() == "Подпись пустая — распишитесь, пожалуйста, в рамке"
    draw_signature(qtbot, shell.signing.field.pad)
    save_shot(shell, "signing_landscape")
    click(qtbot, shell.signing.sign_button)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.done, timeout=20000)
    save_shot(shell, "done_landscape")
    assert "подписан" in shell.done.title.text()
    assert shell.done.url.text() == "https://lk.domru.ru/?contract=" + summary.contract
    # beside it, the subscriber's own copy: the link with the token made at signing, readable as a QR code
    with store.database.engine.connect() as connection:
        token = connection.execute(text("SELECT token FROM act_copy")).scalar_one()
    link = f"https://acts.domru.ru/copy/{token}"
    assert len(token) >= 32 and shell.done.copy_link == link and shell.done.copy_box.isVisible()
    assert "Ваш экземпляр акта" in shell.done.copy_caption.text()
    assert read_qr(shell.done.copy_qr, tmp_path) == link and read_qr(shell.done.qr, tmp_path) == shell.done.url.text()

    act = act_of_visit(store, summary.id)
    assert act is not None and act.outcome == "signed" and act.ink
    assert verify_pdf(act.pdf) == []
    assert store.load_visit(summary.id).status is VisitStatus.SIGNED
    assert not shell.done.finish.isEnabled(), "the closing stage is asked for before the visit is finished"
    close_visit(qtbot, shell)
    click(qtbot, shell.done.finish)
    assert shell.stack.currentWidget() is shell.day


def test_service_visit_through_cannot_fix_to_an_act(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T11:40")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    summary = next(v for v in shell.day.visits if v.kind.value == "service" and v.planned_start.hour == 11)
    shell.day.open_visit.emit(summary.id)
    QApplication.processEvents()
    answer_stage(qtbot, shell)
    for _ in range(2):
        click(qtbot, shell.visit.next_button)
        answer_stage(qtbot, shell) if shell.visit.visit.stage.key != "diagnostics" else None
    assert shell.visit.visit.stage.key == "diagnostics"
    rows = shell.visit.rows
    for key in ("diagnostics.listen_clarify", "diagnostics.diagnose", "diagnostics.debris_removed"):
        row = rows[key]
        if row.editor is not None and hasattr(row.editor, "field"):
            type_text(row.editor.field, "медленный интернет на ноутбуке")
        elif row.editor is not None:
            row.editor.removed.setChecked(True)
        click(qtbot, row.done)
    fix = rows["diagnostics.fix"]
    click(qtbot, fix.failed)
    type_text(fix.reason, "неисправна сетевая карта ноутбука Абонента")
    click(qtbot, fix.save_reason)
    assert "пройдите «Устранить на месте невозможно»" in shell.visit.blocker_list.item(
        shell.visit.blocker_list.count() - 1
    ).text() or any(
        "Устранить на месте невозможно" in shell.visit.blocker_list.item(i).text()
        for i in range(shell.visit.blocker_list.count())
    )
    from fieldact.ui.branch_panel import BranchPanel

    branch = next(p for p in shell.visit.findChildren(BranchPanel) if p.branch.key == "cannot_fix")
    click(qtbot, branch.open_button)
    save_shot(shell, "visit_branch_cannot_fix")
    assert "Менеджер по качеству" in branch.findChild(type(shell.visit.header), "heading2").text()
    click(qtbot, branch.record)
    assert branch.message.text() == "Выберите, чем закончилось."
    branch.outcomes.button(1).setChecked(True)
    type_text(branch.details, "отказался от платного специалиста, решит сам")
    click(qtbot, branch.record)
    QApplication.processEvents()
    assert store.load_visit(summary.id).branches[0].outcome == "refused"

    to_documents(qtbot, shell)
    review_and_hand_over(qtbot, shell, "service")
    # the statement says the reasons are listed: the subscriber sees why the repair was not done
    assert "устранить неисправность (неисправна сетевая карта ноутбука абонента)" in (
        shell.signing.summary.text().lower()
    )
    draw_signature(qtbot, shell.signing.field.pad)
    click(qtbot, shell.signing.sign_button)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.done, timeout=20000)
    act = act_of_visit(store, summary.id)
    assert verify_pdf(act.pdf) == []
    assert '"result":"failed"' in act.content and "неисправна сетевая карта" in act.content


def test_signing_screen_reaches_nothing_without_the_pin(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T17:05")), kiosk=True)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    summary = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.day.open_visit.emit(summary.id)
    QApplication.processEvents()
    to_documents(qtbot, shell)
    review_and_hand_over(qtbot, shell, "lock")
    click(qtbot, shell.signing.technician_button)
    assert shell.stack.currentWidget() is shell.unlock
    enter_pin(qtbot, shell.unlock.pin_pad, "2222")
    assert "Неверный PIN" in shell.unlock.message.text()
    click(qtbot, shell.unlock.cancel)
    assert shell.stack.currentWidget() is shell.signing, "a wrong PIN or Back keeps the subscriber's screen"
    assert not shell.close(), "the kiosk does not close without the PIN"
    assert shell.isVisible() and shell.stack.currentWidget() is shell.unlock
    click(qtbot, shell.unlock.cancel)
    QTest.keyClick(shell, Qt.Key.Key_Escape)
    assert shell.stack.currentWidget() is shell.signing
    click(qtbot, shell.signing.technician_button)
    enter_pin(qtbot, shell.unlock.pin_pad, "1111")
    QApplication.processEvents()
    assert shell.stack.currentWidget() is shell.visit
    assert store.load_visit(summary.id).status is VisitStatus.IN_PROGRESS


def test_refusal_is_recorded_as_a_frozen_act(qtbot, tmp_path: Path, standard, brand) -> None:
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T17:05")))
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    summary = next(v for v in shell.day.visits if len(v.services) == 3)
    shell.day.open_visit.emit(summary.id)
    QApplication.processEvents()
    to_documents(qtbot, shell)
    review_and_hand_over(qtbot, shell, "refusal")
    click(qtbot, shell.signing.refuse_button)
    type_text(shell.signing.refusal_reason, "не согласен с трассой кабеля")
    click(qtbot, shell.signing.confirm_refusal)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.done, timeout=20000)
    act = act_of_visit(store, summary.id)
    assert act.outcome == "refused" and act.refusal_reason == "не согласен с трассой кабеля"
    assert verify_pdf(act.pdf) == []
    assert store.load_visit(summary.id).status is VisitStatus.REFUSED
    assert store.load_visit(summary.id).checklist.answer("contact.greet_first").state is ItemState.DONE
    # after a refusal nothing thanks the subscriber for using the service
    scripts = [label.text() for label in shell.done.findChildren(type(shell.done.title), "script")]
    assert scripts and not any("Благодарим, что воспользовались" in text for text in scripts)
    close_visit(qtbot, shell)
    save_shot(shell, "done_refusal")
    click(qtbot, shell.done.finish)
    shell.open_visit(summary.id)
    assert "Абонент отказался подписать" in shell.visit.outcome.text()
    assert not shell.visit.correct_button.isVisible(), "a refusal is not corrected, only a signed act"
