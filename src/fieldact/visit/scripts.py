"""Scripts (speech modules) rendered with the visit's names, the greeting and times."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from fieldact.standard.schema import Brand, Kind, Script, Standard
from fieldact.text import say
from fieldact.visit.clock import Plan, arrival_window, capitalized, greeting_for
from fieldact.visit.people import Subscriber, Technician
from fieldact.visit.spoken import at_time, by_time, clock, day_name, on_day, short_clock

_PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")

# What each placeholder needs, for the sentence that says it is missing.
_NEEDS: dict[str, tuple[str, str]] = {
    "subscriber_io": ("имя и отчество Абонента", "the subscriber's first name and patronymic"),
    "technician_name": ("имя техника", "the technician's first name"),
    "technician_surname_name": ("фамилия и имя техника", "the technician's surname and first name"),
    "greeting": ("время, по которому выбирается приветствие", "the time that decides the greeting"),
    "Greeting": ("время, по которому выбирается приветствие", "the time that decides the greeting"),
    "brand": ("название компании (файл бренда)", "the company name (brand file)"),
    "hotline": ("телефон информационного центра (файл бренда)", "the hotline number (brand file)"),
    "planned_hour": ("плановое время визита", "the planned time of the visit"),
    "planned_date": ("плановая дата визита", "the planned date of the visit"),
    "planned_time": ("точное плановое время визита", "the exact planned time of the visit"),
    "window_from": ("точное плановое время визита", "the exact planned time of the visit"),
    "window_to": ("точное плановое время визита", "the exact planned time of the visit"),
    "planned_at": ("точное плановое время визита", "the exact planned time of the visit"),
    "planned_day": ("плановая дата визита", "the planned date of the visit"),
    "request_number": ("номер заявки", "the request number"),
    "expected_arrival": ("когда техник рассчитывает прийти", "when the technician expects to arrive"),
}


class ScriptValueMissing(ValueError):
    def __init__(self, placeholder: str, script: str) -> None:
        ru, en = _NEEDS.get(placeholder, (placeholder, placeholder))
        super().__init__(
            say(
                f"Сценарий «{script}» не заполнить: нет значения «{ru}» ({{{placeholder}}}). Укажите его в визите.",
                f"Script '{script}' cannot be filled in: {en} ({{{placeholder}}}) is missing. Enter it in the visit.",
            )
        )
        self.placeholder = placeholder


def render(template: str, values: Mapping[str, str], script: str = "") -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name)
        if not value:
            raise ScriptValueMissing(name, script or template[:40])
        return value

    return _PLACEHOLDER.sub(fill, template)


@dataclass(frozen=True, slots=True)
class ScriptContext:
    """Everything a script can mention; any part may be missing until the visit knows it.

    ``at`` is the local time of the tablet: the greeting is chosen by it.
    """

    brand: Brand
    kind: Kind
    at: datetime | None = None
    subscriber: Subscriber | None = None
    technician: Technician | None = None
    plan: Plan | None = None
    request_number: str = ""
    expected_arrival: datetime | None = None

    def values(self, standard: Standard) -> dict[str, str]:
        values = {"brand": self.brand.name, "hotline": self.brand.hotline}
        if self.at is not None:
            greeting = greeting_for(self.at.time(), standard.greeting)
            values |= {"greeting": greeting, "Greeting": capitalized(greeting)}
        if self.subscriber is not None and self.subscriber.io:
            values["subscriber_io"] = self.subscriber.io
        if self.technician is not None:
            values |= {
                "technician_name": self.technician.first_name,
                "technician_surname_name": self.technician.surname_name,
            }
        if self.plan is not None:
            values |= _plan_values(self.kind, self.plan, self.at.date() if self.at else None)
        if self.request_number:
            values["request_number"] = self.request_number
        if self.expected_arrival is not None:
            values["expected_arrival"] = by_time(self.expected_arrival, self.at.date() if self.at else None)
        return values


def _plan_values(kind: Kind, plan: Plan, today: date | None) -> dict[str, str]:
    """The plan as it is said: «на 14:30», «на сегодня», «с 11 до 12»."""
    values = {"planned_date": day_name(plan.start.date(), today), "planned_day": on_day(plan.start, today)}
    if plan.exact:
        window_from, window_to = arrival_window(kind, plan)
        values |= {
            "planned_hour": clock(plan.start),
            "planned_time": clock(plan.start),
            "planned_at": at_time(plan.start),
            "window_from": short_clock(window_from),
            "window_to": short_clock(window_to),
        }
    return values


def render_script(script: Script, context: ScriptContext, standard: Standard) -> str:
    return render(script.text, context.values(standard), script.title)


def render_title(script: Script, context: ScriptContext, standard: Standard) -> str:
    return render(script.title, context.values(standard), script.key)
