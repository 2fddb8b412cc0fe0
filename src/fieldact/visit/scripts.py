"""Scripts (speech modules) rendered with the visit's names, the greeting and times."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from fieldact.standard.schema import Brand, Kind, Script, Standard
from fieldact.text import say
from fieldact.visit.clock import Plan, arrival_window, capitalized, greeting_for
from fieldact.visit.people import Subscriber, Technician

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


def hours_text(moment: datetime) -> str:
    """«14 ч.» or «14 ч. 30 мин.», as the standard writes times."""
    if moment.minute:
        return f"{moment.hour} ч. {moment.minute:02d} мин."
    return f"{moment.hour} ч."


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
            values |= _plan_values(self.kind, self.plan)
        return values


def _plan_values(kind: Kind, plan: Plan) -> dict[str, str]:
    values = {"planned_date": plan.start.strftime("%d.%m.%Y")}
    if plan.exact:
        window_from, window_to = arrival_window(kind, plan)
        values |= {
            "planned_hour": str(plan.start.hour) if not plan.start.minute else plan.start.strftime("%H:%M"),
            "planned_time": hours_text(plan.start),
            "window_from": hours_text(window_from),
            "window_to": hours_text(window_to),
        }
    return values


def render_script(script: Script, context: ScriptContext, standard: Standard) -> str:
    return render(script.text, context.values(standard), script.title)


def render_title(script: Script, context: ScriptContext, standard: Standard) -> str:
    return render(script.title, context.values(standard), script.key)
