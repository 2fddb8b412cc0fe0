"""Payment at the visit, in integer kopecks, by the standard's rules for the receipt (BSO).

The subscriber is never asked for the exact sum. When the technician has no change, the receipt is written for
the whole sum received and everything above the total is credited to the subscriber's personal account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldact.text import InputError, say

_AMOUNT = re.compile(r"^(\d+)(?:[.,](\d{1,2}))?$")
_BSO = re.compile(r"^[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё \-/№]{0,23}$")
MAX_KOPECKS = 100_000_000  # a million roubles: far above any visit, low enough to catch a typo


def parse_rubles(text: str) -> int:
    """«1 234,50» -> 123450 kopecks; refuses negative, non-numeric and more than two decimals."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").removesuffix("₽").removesuffix("руб.")
    if cleaned.startswith("-"):
        raise InputError(
            say(
                f"Сумма «{text}» отрицательная — введите сумму без минуса.",
                f"'{text}' is negative; enter it without a minus.",
            )
        )
    match = _AMOUNT.match(cleaned)
    if not match:
        raise InputError(
            say(
                f"«{text}» — не сумма. Введите рубли и, если нужно, копейки через запятую, например 1500 или 1500,50.",
                f"'{text}' is not an amount. Enter roubles and, if needed, kopecks after a comma: 1500 or 1500,50.",
            )
        )
    rubles, kopecks = match.group(1), (match.group(2) or "0").ljust(2, "0")
    value = int(rubles) * 100 + int(kopecks)
    _check_range(value, text)
    return value


def _check_range(kopecks: int, label: str) -> None:
    if kopecks < 0:
        raise InputError(say(f"Сумма «{label}» отрицательная.", f"'{label}' is negative."))
    if kopecks > MAX_KOPECKS:
        raise InputError(
            say(
                f"Сумма «{label}» слишком велика — проверьте, нет ли лишних цифр.",
                f"'{label}' is too large; check the digits.",
            )
        )


def format_rubles(kopecks: int) -> str:
    """123450 -> «1 234,50 ₽» (narrow no-break space between thousands)."""
    rubles, rest = divmod(kopecks, 100)
    grouped = f"{rubles:,}".replace(",", "\u202f")
    return f"{grouped},{rest:02d} ₽"


@dataclass(frozen=True, slots=True)
class PaymentLine:
    description: str
    quantity: int
    unit_price: int  # kopecks

    def __post_init__(self) -> None:
        if not self.description.strip():
            raise InputError(say("Укажите, за что платёж.", "Say what the payment is for."))
        if self.quantity < 1:
            raise InputError(say("Количество — не меньше 1.", "The quantity must be at least 1."))
        _check_range(self.unit_price, self.description)

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price


@dataclass(frozen=True, slots=True)
class Payment:
    lines: tuple[PaymentLine, ...]
    received: int
    change: int
    bso_number: str

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def credited(self) -> int:
        """What goes to the personal account beyond the total: whatever was received and not given back."""
        return self.received - self.total - self.change

    @property
    def bso_amount(self) -> int:
        """The receipt is written for everything kept: the total plus what is credited."""
        return self.received - self.change


def settle(lines: tuple[PaymentLine, ...], received: int, change: int, bso_number: str) -> Payment:
    """A payment that balances: total + change + credited == received, nothing negative."""
    if not lines:
        raise InputError(say("Добавьте хотя бы одну строку оплаты.", "Add at least one payment line."))
    total = sum(line.amount for line in lines)
    _check_range(total, say("итого", "total"))
    _check_range(received, say("получено", "received"))
    if received < total:
        raise InputError(
            say(
                f"Получено {format_rubles(received)}, а к оплате {format_rubles(total)} — "
                f"примите не меньше {format_rubles(total)}.",
                f"Received {format_rubles(received)} but {format_rubles(total)} is due; "
                f"take at least {format_rubles(total)}.",
            )
        )
    if change < 0:
        raise InputError(say("Сдача не может быть отрицательной.", "Change cannot be negative."))
    if change > received - total:
        raise InputError(
            say(
                f"Сдача не может быть больше {format_rubles(received - total)}.",
                f"Change cannot exceed {format_rubles(received - total)}.",
            )
        )
    number = bso_number.strip()
    if not _BSO.match(number):
        raise InputError(
            say(
                "Укажите номер бланка строгой отчётности (БСО) — серию и номер, как на бланке.",
                "Enter the strict-reporting receipt (BSO) number, series and number as on the form.",
            )
        )
    return Payment(tuple(lines), received, change, number)
