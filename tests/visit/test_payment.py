"""Payment in integer kopecks: totals, change and the seed's rule when there is no change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldact.text import InputError
from fieldact.visit import PaymentLine, format_rubles, parse_rubles, settle


@pytest.mark.parametrize(
    ("text", "kopecks"),
    [("1500", 150000), ("1 500,5", 150050), ("1500.05", 150005), ("0", 0), ("99,99 ₽", 9999), ("1\u00a0000", 100000)],
)
def test_parse_rubles(text: str, kopecks: int) -> None:
    assert parse_rubles(text) == kopecks


@pytest.mark.parametrize(
    ("text", "message"),
    [("-100", "отрицательная"), ("сто", "не сумма"), ("10,555", "не сумма"), ("", "не сумма"), ("1e3", "не сумма")],
)
def test_parse_rubles_refuses(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_rubles(text)


def test_format_rubles() -> None:
    assert format_rubles(123450) == "1\u202f234,50 ₽"
    assert format_rubles(5) == "0,05 ₽"


LINES = (PaymentLine("Подключение", 1, 50000), PaymentLine("Кабель, м", 12, 1500))


def test_change_given() -> None:
    payment = settle(LINES, received=100000, change=32000, bso_number="АБ 012345")
    assert (payment.total, payment.change, payment.credited, payment.bso_amount) == (68000, 32000, 0, 68000)


def test_no_change_credits_the_rest_to_the_account() -> None:
    payment = settle(LINES, received=100000, change=0, bso_number="АБ 012345")
    assert payment.credited == 32000
    assert payment.bso_amount == 100000, "the receipt is written for the whole sum received"


@pytest.mark.parametrize(
    ("received", "change", "bso", "message"),
    [
        (60000, 0, "АБ 1", "примите не меньше 680,00 ₽"),
        (100000, -1, "АБ 1", "Сдача не может быть отрицательной"),
        (100000, 40000, "АБ 1", "Сдача не может быть больше 320,00 ₽"),
        (100000, 0, "  ", "номер бланка строгой отчётности"),
        (100000, 0, "АБ<1>", "номер бланка строгой отчётности"),
    ],
)
def test_refusals(received: int, change: int, bso: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        settle(LINES, received, change, bso)


def test_line_refusals() -> None:
    with pytest.raises(InputError, match="за что платёж"):
        PaymentLine(" ", 1, 100)
    with pytest.raises(InputError, match="не меньше 1"):
        PaymentLine("Кабель", 0, 100)
    with pytest.raises(InputError, match="отрицательная"):
        PaymentLine("Кабель", 1, -100)
    with pytest.raises(InputError, match="хотя бы одну строку"):
        settle((), 0, 0, "АБ 1")


@given(
    lines=st.lists(st.tuples(st.integers(1, 20), st.integers(0, 500_000)), min_size=1, max_size=8),
    extra=st.integers(0, 10_000_000),
    change_share=st.floats(0, 1),
)
def test_payments_always_balance(lines: list[tuple[int, int]], extra: int, change_share: float) -> None:
    payment_lines = tuple(PaymentLine(f"строка {i}", q, p) for i, (q, p) in enumerate(lines))
    total = sum(q * p for q, p in lines)
    received = total + extra
    change = int(extra * change_share)
    payment = settle(payment_lines, received, change, "АБ 000001")
    assert payment.total == total
    assert payment.total + payment.change + payment.credited == payment.received
    assert min(payment.total, payment.change, payment.credited, payment.bso_amount) >= 0
    assert payment.bso_amount == payment.total + payment.credited
