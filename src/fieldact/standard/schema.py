"""The service standard as typed data.

The TOML files in ``resources/standards`` and ``resources/brand`` are validated against these models.
Every model forbids unknown keys so a misspelt key is an error, not a silently ignored line.
"""

from __future__ import annotations

import re
from datetime import date, time
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Service(StrEnum):
    TV = "tv"
    INTERNET = "internet"
    PHONE = "phone"


class VisitKind(StrEnum):
    CONNECTION = "connection"
    SERVICE = "service"


class Requirement(StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"
    CONDITIONAL = "conditional"


class EvidenceKind(StrEnum):
    """What a technician records to prove an item was done."""

    CHECK = "check"  # done, nothing more to record
    SPEED = "speed"  # download and upload in Mbit/s
    CHANNELS = "channels"  # names of the TV channels shown
    TEST_CALL = "test_call"  # incoming and outgoing call both made
    CABLE_LABELS = "cable_labels"  # number of labels applied
    CABLE_ROUTE = "cable_route"  # the agreed route, as text
    DEBRIS_REMOVED = "debris_removed"  # confirmation that the debris is gone
    HOLES_FILLED = "holes_filled"  # number of drilled holes filled (0: none drilled)
    TARIFF = "tariff"  # the tariff activated
    APPS = "apps"  # which of the listed applications were installed
    PHONE_NUMBER = "phone_number"  # the number bound to the contract
    TEXT = "text"  # a free description (the problem, the cause found)


ALL_SERVICES: tuple[Service, ...] = (Service.TV, Service.INTERNET, Service.PHONE)


def _parse_services(value: object) -> tuple[Service, ...]:
    """``"all"`` or a list of service names, as written in the TOML."""
    if value == "all":
        return ALL_SERVICES
    if isinstance(value, tuple) and all(isinstance(v, Service) for v in value):
        return value
    if not isinstance(value, list):
        raise ValueError('write "all" or a list such as ["tv", "internet"]')
    if not value:
        raise ValueError('empty list of services; write "all" or name tv, internet or phone')
    known = {service.value for service in Service}
    for name in value:
        if name not in known:
            raise ValueError(f"unknown service {name!r}; use tv, internet or phone")
    return tuple(Service(name) for name in value)


Services = Annotated[tuple[Service, ...], BeforeValidator(_parse_services)]


def _one_or_many(value: object) -> object:
    """``script = "x"`` or ``script = ["x", "y"]`` in the TOML."""
    return (value,) if isinstance(value, str) else value


ScriptKeys = Annotated[tuple[Key, ...], BeforeValidator(_one_or_many)]

_PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")


def placeholders(template: str) -> list[str]:
    """Names of the ``{placeholders}`` in a script template, in order of appearance."""
    return _PLACEHOLDER.findall(template)


class Script(Strict):
    """A speech module (РМ): the words the technician says."""

    key: Key
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    services: Services = ALL_SERVICES
    plan: Literal["exact", "window"] | None = None  # said only for a visit with an exact time, or without one
    only_signed: bool = False  # said only when the act was signed (not after a refusal)

    @field_validator("text")
    @classmethod
    def _known_placeholders(cls, text: str) -> str:
        unknown = [name for name in placeholders(text) if name not in PLACEHOLDER_NAMES]
        if unknown:
            raise ValueError(f"unknown placeholder {{{unknown[0]}}}; known: {', '.join(sorted(PLACEHOLDER_NAMES))}")
        return text


PLACEHOLDER_NAMES: frozenset[str] = frozenset(
    {
        "greeting",  # «доброе утро» in the middle of a sentence
        "Greeting",  # «Доброе утро» at the start of one
        "subscriber_io",  # the subscriber's first name and patronymic
        "technician_name",  # the technician's first name
        "technician_surname_name",  # «Фамилия Имя» of the technician
        "brand",
        "hotline",
        "planned_hour",  # «14 часов», «14:30»
        "planned_date",  # «сегодня», «завтра», «2 декабря»
        "planned_time",  # «14 часов», «14:30»
        "planned_at",  # «на 14 часов», «на 14:30»
        "planned_day",  # «на сегодня», «на 2 декабря»
        "window_from",  # «14», «14:30»
        "window_to",  # «15», «15:30»
        "request_number",  # the request's number as the subscriber knows it
        "expected_arrival",  # «к 11:30 сегодня»: when the technician expects to arrive
    }
)


class Condition(Strict):
    """A fact about the visit that makes a conditional item apply."""

    key: Key
    question: str = Field(min_length=1)


COUNTED_EVIDENCE = frozenset({EvidenceKind.CABLE_LABELS, EvidenceKind.HOLES_FILLED})


class PhotoRule(Strict):
    """How many photos an item takes: at least ``min`` (0: photos allowed, not needed), at most ``max``."""

    caption: str = Field(min_length=1, max_length=60)  # short name stamped on the photo and printed under it
    min: int = Field(default=0, ge=0, le=10)
    max: int = Field(ge=1, le=10)
    if_any: bool = False  # needed only when the item's count is above zero (holes drilled, labels applied)

    @model_validator(mode="after")
    def _ordered(self) -> PhotoRule:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) must not be below min ({self.min})")
        if self.if_any and self.min == 0:
            raise ValueError("if_any says when photos are needed; give min of at least 1")
        return self


class Item(Strict):
    key: Key
    text: str = Field(min_length=1)
    services: Services = ALL_SERVICES
    requirement: Requirement = Requirement.REQUIRED
    condition: Key | None = None
    evidence: EvidenceKind = EvidenceKind.CHECK
    script: ScriptKeys = ()
    min_channels: int | None = Field(default=None, ge=1)
    options: list[str] = Field(default_factory=list)
    hint: str | None = None
    photos: PhotoRule | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Item:
        if self.requirement is Requirement.CONDITIONAL and self.condition is None:
            raise ValueError("a conditional item needs a condition")
        if self.requirement is not Requirement.CONDITIONAL and self.condition is not None:
            raise ValueError(f"only a conditional item takes a condition, this one is {self.requirement.value}")
        if self.evidence is EvidenceKind.APPS and not self.options:
            raise ValueError("an item with apps evidence needs its options")
        if self.min_channels is not None and self.evidence is not EvidenceKind.CHANNELS:
            raise ValueError("min_channels applies only to channels evidence")
        if self.photos and self.photos.if_any and self.evidence not in COUNTED_EVIDENCE:
            counted = ", ".join(sorted(kind.value for kind in COUNTED_EVIDENCE))
            raise ValueError(f"photos.if_any needs counted evidence ({counted}), this item has {self.evidence.value}")
        return self

    def applies_to(self, services: frozenset[Service]) -> bool:
        return bool(services.intersection(self.services))


class Stage(Strict):
    key: Key
    number: int = Field(ge=1, le=6)
    title: str = Field(min_length=1)
    goals: list[str] = Field(min_length=1)
    tools: list[str] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)
    important: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    wishes: list[str] = Field(default_factory=list)
    scripts: list[Script] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)
    panels: list[Literal["materials", "payment", "equipment"]] = Field(default_factory=list)  # shown below the items
    signing: bool = False  # the act is signed at the end of this stage; later stages come after it


class Outcome(Strict):
    key: Key
    text: str = Field(min_length=1)


class Branch(Strict):
    """A fork of the service visit the standard prescribes (not at home, another time, cannot fix)."""

    key: Key
    stage: Key
    title: str = Field(min_length=1)
    when: str = Field(min_length=1)
    steps: list[str] = Field(default_factory=list)
    scripts: list[Script] = Field(default_factory=list)
    call: Literal["reschedule_contact", "quality_manager", "ntp_quality_manager"] | None = None
    outcomes: list[Outcome] = Field(default_factory=list)
    needs_time: bool = False
    needs_details: bool = False


class Kind(Strict):
    title: str = Field(min_length=1)
    role: str = Field(min_length=1)
    precall_minutes_before: int = Field(ge=0, le=24 * 60)
    precall_minutes_before_without_time: int | None = Field(default=None, ge=0, le=24 * 60)
    arrival_window_minutes: int | None = Field(default=None, ge=1, le=24 * 60)
    stages: list[Stage] = Field(min_length=6, max_length=6)
    branches: list[Branch] = Field(default_factory=list)

    @model_validator(mode="after")
    def _stages_in_order(self) -> Kind:
        numbers = [stage.number for stage in self.stages]
        if numbers != list(range(1, len(self.stages) + 1)):
            raise ValueError(f"stages must be numbered 1 to 6 in order, found {numbers}")
        for stage in self.stages:
            keys = [item.key for item in stage.items]
            duplicate = next((key for key in keys if keys.count(key) > 1), None)
            if duplicate:
                raise ValueError(f"item key {duplicate!r} appears twice in stage {stage.key!r}")
        signing = [stage.key for stage in self.stages if stage.signing]
        if len(signing) != 1:
            raise ValueError(f"exactly one stage must have signing = true, found {signing or 'none'}")
        if self.stages[-1].signing:
            raise ValueError("the signing stage cannot be the last: the closing stage comes after the act")
        stage_keys = {stage.key for stage in self.stages}
        for branch in self.branches:
            if branch.stage not in stage_keys:
                raise ValueError(f"branch {branch.key!r} names unknown stage {branch.stage!r}")
        return self

    @property
    def signing_stage(self) -> Stage:
        return next(stage for stage in self.stages if stage.signing)


class Greeting(Strict):
    morning: str
    day: str
    evening: str
    day_from: time
    evening_from: time

    @model_validator(mode="after")
    def _ordered(self) -> Greeting:
        if not self.day_from < self.evening_from:
            raise ValueError("day_from must come before evening_from")
        return self


class DayRule(Strict):
    when: Literal["start_of_day", "before_leaving", "always"]
    text: str = Field(min_length=1)


class Standard(Strict):
    title: str
    source: str
    language: str = "ru"
    greeting: Greeting
    conditions: list[Condition] = Field(default_factory=list)
    kinds: dict[VisitKind, Kind]
    day_rules: list[DayRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> Standard:
        missing = [kind.value for kind in VisitKind if kind not in self.kinds]
        if missing:
            raise ValueError(f"missing visit kind {missing[0]!r}")
        known_conditions = {condition.key for condition in self.conditions}
        for kind_key, kind in self.kinds.items():
            for stage in kind.stages:
                scripts = {script.key for script in stage.scripts}
                for item in stage.items:
                    if item.condition and item.condition not in known_conditions:
                        raise ValueError(
                            f"{kind_key.value}.{stage.key}.{item.key}: unknown condition {item.condition!r}"
                        )
                    unknown = [key for key in item.script if key not in scripts]
                    if unknown:
                        raise ValueError(f"{kind_key.value}.{stage.key}.{item.key}: unknown script {unknown[0]!r}")
        return self

    def kind(self, kind: VisitKind) -> Kind:
        return self.kinds[kind]


CALLED_CONTACTS: dict[str, tuple[str, ...]] = {
    "reschedule_contact": ("lead_quality_specialist", "quality_manager"),
    "quality_manager": ("quality_manager",),
    "ntp_quality_manager": ("ntp_quality_manager",),
}


def missing_phones(standard: Standard, brand: Brand) -> list[str]:
    """The brand's contacts a branch of the standard tells the technician to call, without a phone number."""
    problems = []
    for kind_key, kind in standard.kinds.items():
        for branch in kind.branches:
            for name in CALLED_CONTACTS.get(branch.call or "", ()):
                contact: Contact = getattr(brand, name)
                if not contact.phone.strip():
                    problems.append(
                        f"brand: {name}.phone: missing; branch {kind_key.value}.{branch.key} calls "
                        f"«{contact.role}», give the number"
                    )
    return sorted(set(problems))


class WorkingHours(Strict):
    start: time
    end: time
    weekdays: list[int] = Field(default_factory=lambda: [0, 1, 2, 3, 4], description="0 is Monday")
    holidays: list[date] = Field(default_factory=list)


class Contact(Strict):
    role: str
    phone: str = ""


class CatalogueMaterial(Strict):
    """A material the technicians write off, with the unit it is counted in."""

    code: str = Field(default="", max_length=40)
    name: str = Field(min_length=1, max_length=200)
    unit: str = Field(min_length=1, max_length=20)


class EquipmentType(Strict):
    """A kind of device the company installs at a subscriber's: how its serial number and MAC look."""

    key: Key
    name: str = Field(min_length=1, max_length=80)  # «Роутер», as printed on the act
    serial_pattern: str  # a regular expression the whole serial must match, after spaces are removed
    serial_hint: str = Field(min_length=1, max_length=120)  # the pattern in words, for the sentence on a wrong one
    mac: bool = False  # the device has a MAC address to record

    @field_validator("serial_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"not a valid regular expression: {error}") from error
        return value


class SealSettings(Strict):
    """The company's PAdES seal on every act: a PKCS#12 file (relative paths from the brand folder)."""

    pkcs12: str = Field(min_length=1)
    password_env: str | None = Field(default=None, pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")


class TrustSettings(Strict):
    """The company CA that issues every tablet's sealing certificate (paths relative to the brand folder).

    ``demo_ca_key`` is for demonstrations only: with it a tablet enrols itself at first start. A real brand
    ships only the CA certificate; its key stays with the company, offline.
    """

    ca_certificate: str = Field(min_length=1)
    demo_ca_key: str | None = None


class ActCopySettings(Strict):
    """The subscriber's copy of his act, served by the central service (``fieldact serve``)."""

    url: str  # the service's public address; the link is {url}/copy/{token}
    days: int = Field(default=60, ge=1, le=3650)  # how long the link serves the act after signing

    @field_validator("url")
    @classmethod
    def _https(cls, value: str) -> str:
        if not value.startswith("https://"):
            raise ValueError("the act copy URL must start with https://")
        return value.rstrip("/")


class Brand(Strict):
    name: str = Field(min_length=1)
    legal_name: str = Field(min_length=1)
    city: str = Field(min_length=1)
    hotline: str = Field(min_length=1)
    account_url_template: str
    contract_pattern: str
    timezone: str = "Europe/Moscow"
    lead_quality_specialist: Contact
    quality_manager: Contact
    ntp_quality_manager: Contact = Contact(role="Менеджер по качеству НТП")  # "cannot fix on site"
    working_hours: WorkingHours
    seal: SealSettings | None = None
    trust: TrustSettings | None = None
    act_copy: ActCopySettings | None = None
    # days after signing that a tablet keeps a visit's personal data and act once the registry holds the act
    retention_days: int | None = Field(default=None, ge=1, le=3650)
    # how far a pre-call or an arrival may be off the standard's moment and still count as on time
    standard_tolerance_minutes: int = Field(default=5, ge=0, le=60)
    materials: list[CatalogueMaterial] = Field(default_factory=list)
    equipment: list[EquipmentType] = Field(default_factory=list)

    @field_validator("equipment")
    @classmethod
    def _unique_equipment(cls, value: list[EquipmentType]) -> list[EquipmentType]:
        keys = [kind.key for kind in value]
        duplicate = next((key for key in keys if keys.count(key) > 1), None)
        if duplicate:
            raise ValueError(f"equipment key {duplicate!r} appears twice")
        return value

    @field_validator("account_url_template")
    @classmethod
    def _contract_placeholder(cls, value: str) -> str:
        if "{contract}" not in value:
            raise ValueError("the personal-account URL template must contain {contract}")
        if not value.startswith("https://"):
            raise ValueError("the personal-account URL must start with https://")
        return value

    @field_validator("contract_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"not a valid regular expression: {error}") from error
        return value
