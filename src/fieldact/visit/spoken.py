"""Times and days the way a person says them in Russian: «на 14:30», «на 14 часов», «к 11:30 сегодня»."""

from __future__ import annotations

from datetime import date, datetime, timedelta

MONTHS = (
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


def hours_word(hour: int) -> str:
    """«час», «часа», «часов» for the number of the hour."""
    if hour % 10 == 1 and hour % 100 != 11:
        return "час"
    if hour % 10 in (2, 3, 4) and hour % 100 not in (12, 13, 14):
        return "часа"
    return "часов"


def clock(moment: datetime) -> str:
    """«14 часов» on the hour, «14:30» otherwise (never «14:30 часов»)."""
    if moment.minute == 0:
        return f"{moment.hour} {hours_word(moment.hour)}"
    return f"{moment.hour}:{moment.minute:02d}"


def short_clock(moment: datetime) -> str:
    """«14» on the hour, «14:30» otherwise: for «с 11 до 12», «с 11:30 до 12:30»."""
    return str(moment.hour) if moment.minute == 0 else f"{moment.hour}:{moment.minute:02d}"


def day_name(day: date, today: date | None) -> str:
    """«сегодня», «завтра», or «2 декабря» (with the year when it is not this year's)."""
    if today is not None and day == today:
        return "сегодня"
    if today is not None and day == today + timedelta(days=1):
        return "завтра"
    text = f"{day.day} {MONTHS[day.month - 1]}"
    if today is not None and day.year != today.year:
        text += f" {day.year} года"
    return text


def at_time(moment: datetime) -> str:
    """«на 14:30», «на 14 часов»."""
    return f"на {clock(moment)}"


def on_day(moment: datetime, today: date | None) -> str:
    """«на сегодня», «на завтра», «на 2 декабря»."""
    return f"на {day_name(moment.date(), today)}"


def by_time(moment: datetime, today: date | None) -> str:
    """«к 11:30 сегодня», «к 9 часам завтра»."""
    if moment.minute == 0:
        hour = moment.hour
        dative = "часу" if hour % 10 == 1 and hour % 100 != 11 else "часам"
        when = f"{hour} {dative}"
    else:
        when = f"{moment.hour}:{moment.minute:02d}"
    return f"к {when} {day_name(moment.date(), today)}"
