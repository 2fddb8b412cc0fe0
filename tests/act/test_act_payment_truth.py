"""The act and the subscriber's screen tell the truth about money: every sentence agrees with the figures."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from fieldact.act.content import ActContent
from fieldact.act.pdf import amount, payment_sentences, render_pdf
from fieldact.ink import Signature
from fieldact.visit.payment import PaymentLine, settle


@st.composite
def payments(draw: st.DrawFn):
    """Every payment the model allows: any total, anything received above it, any change up to the surplus."""
    total = draw(st.integers(min_value=1, max_value=5_000_000))
    received = total + draw(st.integers(min_value=0, max_value=1_000_000))
    change = draw(st.integers(min_value=0, max_value=received - total))
    return settle((PaymentLine("Подключение", 1, total),), received, change, "АБ 1")


def sums(text: str) -> list[str]:
    return re.findall(r"\d[\d\u202f]*,\d\d ₽", text)


@given(payments())
def test_the_payment_note_agrees_with_its_figures(payment) -> None:
    note = payment_sentences(payment.bso_number, payment.received, payment.change, payment.credited, "5900001")
    assert f"на сумму {amount(payment.received - payment.change)}." in note, "the receipt is for what was kept"
    if payment.change:
        assert "не выдавалась" not in note and "не требовалась" not in note
        assert f"выдана сдача {amount(payment.change)}" in note
    else:
        assert "выдана сдача" not in note
    if payment.credited:
        assert f"{amount(payment.credited)} сверх оплаты зачислены на лицевой счёт" in note
    else:
        assert "зачислены" not in note
    # no other figure slips in: every sum named is received, change, credited or the receipt's
    named = {amount(v) for v in (payment.received, payment.change, payment.credited, payment.bso_amount)}
    assert set(sums(note)) <= named


def test_part_change_reads_true_on_the_act(content: ActContent, signature: Signature, look) -> None:
    """Received 5 000, total 1 075, change 3 000: the rest is credited, and the act says so, not «no change»."""
    payment = dict(content["payment"] or {})
    total = payment["total"]
    payment.update(received=500_000, change=300_000, credited=500_000 - total - 300_000, bso_amount=200_000)
    changed: ActContent = {**content, "payment": payment}  # type: ignore[typeddict-item]
    text = look.flat(" ".join(look.page_texts(render_pdf(changed, signature))))
    assert "Сдача не выдавалась" not in text
    assert look.flat(f"выдана сдача {amount(300_000)}") in text
    assert look.flat(f"{amount(500_000 - total - 300_000)} сверх оплаты зачислены") in text


def test_a_preview_says_the_signature_is_still_to_come(content: ActContent, signature: Signature, look) -> None:
    preview = look.flat(" ".join(look.page_texts(render_pdf(content, signature, preview=True))))
    signed = look.flat(" ".join(look.page_texts(render_pdf(content, signature))))
    assert "будет поставлена при подписании" in preview and "поставлена " not in preview.replace("будет поставлена", "")
    assert "подпись Абонента, поставлена" in signed
