"""Typed evidence of checklist items: what a technician records to prove the work was done.

Each kind has a value class, a parser from what a person types (with a sentence on bad input) and a
round trip to plain JSON for storage and for the act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldact.standard.schema import EvidenceKind, Item
from fieldact.text import InputError, say

MAX_SPEED_MBPS = Decimal(100_000)


@dataclass(frozen=True, slots=True)
class Check:
    pass


@dataclass(frozen=True, slots=True)
class Speed:
    down_mbps: Decimal
    up_mbps: Decimal

    def text(self) -> str:
        return f"{_comma(self.down_mbps)} / {_comma(self.up_mbps)} Мбит/с"


@dataclass(frozen=True, slots=True)
class Channels:
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TestCall:
    __test__ = False  # a domain name, not a pytest class

    incoming: bool
    outgoing: bool


@dataclass(frozen=True, slots=True)
class CableLabels:
    count: int


@dataclass(frozen=True, slots=True)
class CableRoute:
    route: str


@dataclass(frozen=True, slots=True)
class DebrisRemoved:
    removed: bool


@dataclass(frozen=True, slots=True)
class HolesFilled:
    count: int


@dataclass(frozen=True, slots=True)
class Tariff:
    name: str


@dataclass(frozen=True, slots=True)
class Apps:
    installed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    number: str  # as typed: «+7 342 219-51-95»

    @property
    def digits(self) -> str:
        return phone_digits(self.number)


@dataclass(frozen=True, slots=True)
class Note:
    text: str


Evidence = (
    Check
    | Speed
    | Channels
    | TestCall
    | CableLabels
    | CableRoute
    | DebrisRemoved
    | HolesFilled
    | Tariff
    | Apps
    | PhoneNumber
    | Note
)

EVIDENCE_CLASS: dict[EvidenceKind, type] = {
    EvidenceKind.CHECK: Check,
    EvidenceKind.SPEED: Speed,
    EvidenceKind.CHANNELS: Channels,
    EvidenceKind.TEST_CALL: TestCall,
    EvidenceKind.CABLE_LABELS: CableLabels,
    EvidenceKind.CABLE_ROUTE: CableRoute,
    EvidenceKind.DEBRIS_REMOVED: DebrisRemoved,
    EvidenceKind.HOLES_FILLED: HolesFilled,
    EvidenceKind.TARIFF: Tariff,
    EvidenceKind.APPS: Apps,
    EvidenceKind.PHONE_NUMBER: PhoneNumber,
    EvidenceKind.TEXT: Note,
}


def _comma(value: Decimal) -> str:
    return f"{value:.1f}".replace(".", ",")


# --- parsing what a person typed -------------------------------------------------------------------------


def parse_speed(down: str, up: str) -> Speed:
    return Speed(_parse_mbps(down, say("входящая", "download")), _parse_mbps(up, say("исходящая", "upload")))


def _parse_mbps(text: str, which: str) -> Decimal:
    cleaned = text.strip().replace(",", ".").replace(" ", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InputError(
            say(
                f"Скорость ({which}) «{text}» — не число. Введите число в Мбит/с, например 94,2.",
                f"Speed ({which}) '{text}' is not a number. Enter Mbit/s, e.g. 94.2.",
            )
        ) from None
    if not value.is_finite() or value <= 0 or value > MAX_SPEED_MBPS:
        raise InputError(
            say(
                f"Скорость ({which}) должна быть больше 0 и не больше {MAX_SPEED_MBPS} Мбит/с — проверьте замер.",
                f"Speed ({which}) must be above 0 and at most {MAX_SPEED_MBPS} Mbit/s; check the measurement.",
            )
        )
    return value.quantize(Decimal("0.1"))


def parse_channels(text: str) -> Channels:
    names = [name.strip() for name in re.split(r"[,;\n]", text) if name.strip()]
    unique = tuple(dict.fromkeys(names))
    return Channels(unique)


def parse_count(text: str, what_ru: str, what_en: str) -> int:
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise InputError(
            say(
                f"{what_ru}: «{text}» — не целое число. Введите число, например 3.",
                f"{what_en}: '{text}' is not a whole number. Enter a number, e.g. 3.",
            )
        )
    return int(cleaned)


def phone_digits(text: str) -> str:
    """The number's digits alone, for searching; what is kept and printed is the number as typed."""
    return re.sub(r"\D", "", text)


def parse_phone_number(text: str) -> PhoneNumber:
    """The number as typed (trimmed), once it has 5 to 15 digits and nothing but digits, spaces, ( ) + -."""
    typed = " ".join(text.split())
    digits = re.sub(r"[\s()+\-]", "", typed)
    if not digits.isdigit() or not 5 <= len(digits) <= 15:
        raise InputError(
            say(
                f"Номер «{text}» не похож на телефонный: нужно от 5 до 15 цифр.",
                f"'{text}' does not look like a phone number: it needs 5 to 15 digits.",
            )
        )
    return PhoneNumber(typed)


# --- what makes evidence sufficient for "done" --------------------------------------------------------------


def problems(item: Item, evidence: Evidence) -> list[str]:
    """Why this evidence does not prove the item done; empty when it does."""
    expected = EVIDENCE_CLASS[item.evidence]
    if not isinstance(evidence, expected):
        return [say("Для этого пункта нужны другие данные.", "This item needs other evidence.")]
    match evidence:
        case Channels(names) if len(names) < (item.min_channels or 1):
            need = item.min_channels or 1
            return [
                say(
                    f"Укажите не меньше {need} показанных каналов (сейчас {len(names)}).",
                    f"Name at least {need} channels shown (now {len(names)}).",
                )
            ]
        case TestCall(incoming, outgoing) if not (incoming and outgoing):
            missing = [say("входящий", "incoming")] * (not incoming) + [say("исходящий", "outgoing")] * (not outgoing)
            return [say(f"Проверьте {' и '.join(missing)} звонок.", f"Make the {' and '.join(missing)} call.")]
        case CableLabels(count) if count < 1:
            return [say("Наклейте хотя бы одну бирку на кабель.", "Apply at least one cable label.")]
        case HolesFilled(count) if count < 0:
            return [say("Число отверстий не может быть отрицательным.", "The number of holes cannot be negative.")]
        case DebrisRemoved(removed) if not removed:
            return [say("Сначала уберите мусор.", "Remove the debris first.")]
        case Apps(installed) if not installed:
            return [say("Отметьте установленные приложения.", "Tick the applications installed.")]
        case Apps(installed) if set(installed) - set(item.options):
            unknown = ", ".join(sorted(set(installed) - set(item.options)))
            return [say(f"Неизвестное приложение: {unknown}.", f"Unknown application: {unknown}.")]
        case PhoneNumber(number) if not 5 <= len(phone_digits(number)) <= 15:
            return [say("Номер телефона: нужно от 5 до 15 цифр.", "Phone number: it needs 5 to 15 digits.")]
        case CableRoute(route) | Tariff(route) | Note(route) if len(route.strip()) < 2:
            return [say("Заполните поле — хотя бы пару слов.", "Fill in the field, a few words at least.")]
    return []


# --- storage ------------------------------------------------------------------------------------------------


def to_json(evidence: Evidence) -> dict[str, Any]:
    match evidence:
        case Speed(down, up):
            return {"down_mbps": str(down), "up_mbps": str(up)}
        case Channels(names):
            return {"channels": list(names)}
        case Apps(installed):
            return {"apps": list(installed)}
        case Check():
            return {}
    return {name: getattr(evidence, name) for name in evidence.__slots__}  # type: ignore[union-attr]


def from_json(kind: EvidenceKind, data: dict[str, Any]) -> Evidence:
    cls = EVIDENCE_CLASS[kind]
    match kind:
        case EvidenceKind.SPEED:
            return Speed(Decimal(data["down_mbps"]), Decimal(data["up_mbps"]))
        case EvidenceKind.CHANNELS:
            return Channels(tuple(data["channels"]))
        case EvidenceKind.APPS:
            return Apps(tuple(data["apps"]))
        case EvidenceKind.CHECK:
            return Check()
    evidence: Evidence = cls(**data)
    return evidence


def describe(evidence: Evidence) -> str:
    """The evidence as one line for the act and the review screen, in Russian like the act."""
    match evidence:
        case Speed():
            return f"Скорость: {evidence.text()}"
        case Channels(names):
            return "Каналы: " + ", ".join(names)
        case TestCall(incoming, outgoing):
            return f"Входящий: {'да' if incoming else 'нет'}, исходящий: {'да' if outgoing else 'нет'}"
        case CableLabels(count):
            return f"Бирок: {count}"
        case CableRoute(route):
            return f"Трасса: {route}"
        case DebrisRemoved(removed):
            return "Мусор убран" if removed else "Мусор не убран"
        case HolesFilled(count):
            return f"Замазано отверстий: {count}" if count else "Сквозных отверстий не сверлили"
        case Tariff(name):
            return f"Тариф: {name}"
        case Apps(installed):
            return "Установлено: " + ", ".join(installed)
        case PhoneNumber(number):
            return f"Номер: {number}"
        case Note(text):
            return text
    return ""
