"""How the act writes dates, times, amounts and quantities in Russian."""

from __future__ import annotations

from datetime import datetime

from fieldact.act.content import SignedAt
from fieldact.visit import format_rubles

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def local_moment(signed_at: SignedAt) -> datetime:
    return datetime.fromisoformat(signed_at["local"])


def utc_offset(moment: datetime) -> str:
    """«UTC+5», «UTC+5:30», «UTC−3»."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def long_date(moment: datetime) -> str:
    """«26 ноября 2026 г., 15:42 (UTC+5)»."""
    month = MONTHS_GENITIVE[moment.month - 1]
    return f"{moment.day} {month} {moment.year} г., {moment:%H:%M} ({utc_offset(moment)})"


def short_moment(moment: datetime) -> str:
    """«26.11.2026 в 15:42 (UTC+5)»."""
    return f"{moment:%d.%m.%Y} в {moment:%H:%M} ({utc_offset(moment)})"


def amount(kopecks: int) -> str:
    """«1 075,00 ₽» with a narrow no-break space between thousands."""
    return format_rubles(kopecks)


def quantity_text(quantity: str) -> str:
    """A decimal string of the content as Russian writes it: «12,5»."""
    return quantity.replace(".", ",")
