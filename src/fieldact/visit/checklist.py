"""The checklist of one visit, built from the standard for its kind and services."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from fieldact.standard.schema import Item, Requirement, Service, Stage, Standard, VisitKind
from fieldact.text import InputError, say
from fieldact.visit.evidence import Check, Evidence, problems


class ItemState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Answer:
    state: ItemState = ItemState.PENDING
    evidence: Evidence | None = None
    reason: str = ""


PENDING = Answer()


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of the visit's checklist with the stage it belongs to."""

    stage: Stage
    item: Item

    @property
    def key(self) -> str:
        """Unique within a visit: ``stage.item``."""
        return f"{self.stage.key}.{self.item.key}"


@dataclass(frozen=True, slots=True)
class Blocker:
    stage: Stage
    entry: Entry | None
    sentence: str


@dataclass
class Checklist:
    """Items of the visit's kind for its services, with the answers given so far."""

    stages: list[Stage]
    entries: list[Entry]
    answers: dict[str, Answer] = field(default_factory=dict)
    conditions: dict[str, bool] = field(default_factory=dict)
    photos: dict[str, int] = field(default_factory=dict)  # photos stored per item key

    @classmethod
    def build(cls, standard: Standard, kind: VisitKind, services: frozenset[Service]) -> Checklist:
        if not services:
            raise InputError(say("Выберите хотя бы одну услугу визита.", "Choose at least one service for the visit."))
        stages = list(standard.kind(kind).stages)
        entries = [Entry(stage, item) for stage in stages for item in stage.items if item.applies_to(services)]
        return cls(stages, entries)

    def entry(self, key: str) -> Entry:
        for entry in self.entries:
            if entry.key == key:
                return entry
        raise KeyError(key)

    def answer(self, key: str) -> Answer:
        return self.answers.get(key, PENDING)

    def in_stage(self, stage_key: str) -> Iterator[Entry]:
        return (entry for entry in self.entries if entry.stage.key == stage_key and self.is_shown(entry))

    def is_shown(self, entry: Entry) -> bool:
        """A conditional item is shown only while its condition holds; a hidden item never blocks."""
        if entry.item.requirement is Requirement.CONDITIONAL:
            return self.conditions.get(entry.item.condition or "", False)
        return True

    def is_required(self, entry: Entry) -> bool:
        return entry.item.requirement is not Requirement.OPTIONAL and self.is_shown(entry)

    # --- answering --------------------------------------------------------------------------------------

    def validated(
        self,
        key: str,
        state: ItemState,
        evidence: Evidence | None = None,
        reason: str = "",
        photos: int | None = None,
    ) -> Answer:
        """The answer ``state`` would give, checked against the item's rule; nothing changes here.

        InputError with a sentence when it is not enough: "done" needs its evidence and the photos the item
        needs (``photos``: how many are stored, when the caller counted them itself), the others a reason.
        """
        entry = self.entry(key)
        if state is ItemState.DONE:
            evidence = Check() if evidence is None else evidence
            found = problems(entry.item, evidence)
            if found:
                raise InputError(found[0])
            missing = photos_needed(entry.item, evidence) - (self.photo_count(key) if photos is None else photos)
            if missing > 0:
                raise InputError(_photo_sentence(entry, missing))
            return Answer(ItemState.DONE, evidence)
        if state is ItemState.NOT_APPLICABLE:
            return Answer(ItemState.NOT_APPLICABLE, None, _reason(reason))
        if state is ItemState.FAILED:
            return Answer(ItemState.FAILED, evidence, _reason(reason))
        return PENDING

    def check(self, key: str, answer: Answer, photos: int | None = None) -> None:
        """InputError when ``answer`` breaks the item's rule (whoever built it)."""
        self.validated(key, answer.state, answer.evidence, answer.reason, photos)

    def check_photo(self, key: str, stored: int) -> None:
        """InputError when the item takes no photos, or already has as many as it allows."""
        entry = self.entry(key)
        rule = entry.item.photos
        if rule is None:
            raise InputError(
                say(f"К пункту «{entry.item.text}» фото не прикладывают.", f"'{entry.item.text}' takes no photos.")
            )
        if stored >= rule.max:
            raise InputError(
                say(
                    f"К пункту «{entry.item.text}» уже {stored} фото — больше нельзя. Переснимите одно из них.",
                    f"'{entry.item.text}' already has {stored} photos, the most it takes. Retake one of them.",
                )
            )

    def photo_count(self, key: str) -> int:
        return self.photos.get(key, 0)

    def photos_missing(self, key: str) -> int:
        """Photos a done item still lacks (one was removed after it was marked)."""
        answer = self.answer(key)
        if answer.state is not ItemState.DONE:
            return 0
        return max(0, photos_needed(self.entry(key).item, answer.evidence) - self.photo_count(key))

    def put(self, key: str, answer: Answer) -> Answer:
        """Keep an answer already checked (and stored)."""
        self.entry(key)
        if answer.state is ItemState.PENDING:
            self.answers.pop(key, None)
        else:
            self.answers[key] = answer
        return answer

    def mark_done(self, key: str, evidence: Evidence | None = None) -> Answer:
        return self.apply(key, ItemState.DONE, evidence)

    def mark_not_applicable(self, key: str, reason: str) -> Answer:
        return self.apply(key, ItemState.NOT_APPLICABLE, None, reason)

    def mark_failed(self, key: str, reason: str, evidence: Evidence | None = None) -> Answer:
        return self.apply(key, ItemState.FAILED, evidence, reason)

    def apply(self, key: str, state: ItemState, evidence: Evidence | None = None, reason: str = "") -> Answer:
        """Give ``state`` to an item, with what that state needs; InputError with a sentence when it is not enough."""
        return self.put(key, self.validated(key, state, evidence, reason))

    def reset(self, key: str) -> Answer:
        return self.put(key, PENDING)

    def set_condition(self, condition: str, value: bool) -> None:
        self.conditions[condition] = value

    def restore(
        self, answers: Mapping[str, Answer], conditions: Mapping[str, bool], photos: Mapping[str, int] | None = None
    ) -> None:
        """Put back what was stored; answers of items this visit no longer has are dropped."""
        known = {entry.key for entry in self.entries}
        self.answers = {key: answer for key, answer in answers.items() if key in known}
        self.conditions = dict(conditions)
        self.photos = dict(photos or {})

    # --- progress and blockers -----------------------------------------------------------------------------

    def is_resolved(self, entry: Entry) -> bool:
        return self.answer(entry.key).state is not ItemState.PENDING

    def progress(self, stage_key: str | None = None) -> tuple[int, int]:
        """(resolved, total) of the required items shown, in one stage or in all."""
        required = [
            entry
            for entry in self.entries
            if self.is_required(entry) and (stage_key is None or entry.stage.key == stage_key)
        ]
        return sum(self.is_resolved(entry) for entry in required), len(required)

    def blockers(self, up_to_stage: int = 6) -> list[Blocker]:
        """Required items still pending, in stage order, each as a sentence."""
        found = []
        for entry in self.entries:
            if entry.stage.number > up_to_stage or not self.is_shown(entry):
                continue
            missing = self.photos_missing(entry.key)
            if missing:
                found.append(Blocker(entry.stage, entry, _photo_sentence(entry, missing)))
            if not self.is_required(entry) or self.is_resolved(entry):
                continue
            photo = bool(entry.item.photos and entry.item.photos.min and not entry.item.photos.if_any)
            found.append(
                Blocker(
                    entry.stage,
                    entry,
                    say(
                        f"Этап {entry.stage.number} «{entry.stage.title}»: не отмечено «{entry.item.text}»"
                        + (" и нет фото." if photo else "."),
                        f"Stage {entry.stage.number} '{entry.stage.title}': '{entry.item.text}' is not marked"
                        + (" and has no photo." if photo else "."),
                    ),
                )
            )
        return found


def photos_needed(item: Item, evidence: Evidence | None) -> int:
    """Photos an item needs to be done with this evidence: none without a rule, none for zero holes."""
    rule = item.photos
    if rule is None:
        return 0
    if rule.if_any and not getattr(evidence, "count", 0):
        return 0
    return rule.min


def _photo_sentence(entry: Entry, missing: int) -> str:
    stage, item = entry.stage, entry.item
    return say(
        f"Этап {stage.number} «{stage.title}»: сфотографируйте «{item.text}» — не хватает фото: {missing}.",
        f"Stage {stage.number} '{stage.title}': take a photo of '{item.text}'; {missing} missing.",
    )


def _reason(reason: str) -> str:
    cleaned = reason.strip()
    if len(cleaned) < 3:
        raise InputError(say("Укажите причину — хотя бы несколько слов.", "Give the reason, a few words at least."))
    return cleaned
