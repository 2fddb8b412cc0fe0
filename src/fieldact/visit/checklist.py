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

    def validated(self, key: str, state: ItemState, evidence: Evidence | None = None, reason: str = "") -> Answer:
        """The answer ``state`` would give, checked against the item's rule; nothing changes here.

        InputError with a sentence when it is not enough: "done" needs its evidence, the others a reason.
        """
        entry = self.entry(key)
        if state is ItemState.DONE:
            evidence = Check() if evidence is None else evidence
            found = problems(entry.item, evidence)
            if found:
                raise InputError(found[0])
            return Answer(ItemState.DONE, evidence)
        if state is ItemState.NOT_APPLICABLE:
            return Answer(ItemState.NOT_APPLICABLE, None, _reason(reason))
        if state is ItemState.FAILED:
            return Answer(ItemState.FAILED, evidence, _reason(reason))
        return PENDING

    def check(self, key: str, answer: Answer) -> None:
        """InputError when ``answer`` breaks the item's rule (whoever built it)."""
        self.validated(key, answer.state, answer.evidence, answer.reason)

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

    def restore(self, answers: Mapping[str, Answer], conditions: Mapping[str, bool]) -> None:
        """Put back what was stored; answers of items this visit no longer has are dropped."""
        known = {entry.key for entry in self.entries}
        self.answers = {key: answer for key, answer in answers.items() if key in known}
        self.conditions = dict(conditions)

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
            if entry.stage.number > up_to_stage or not self.is_required(entry) or self.is_resolved(entry):
                continue
            found.append(
                Blocker(
                    entry.stage,
                    entry,
                    say(
                        f"Этап {entry.stage.number} «{entry.stage.title}»: не отмечено «{entry.item.text}».",
                        f"Stage {entry.stage.number} '{entry.stage.title}': '{entry.item.text}' is not marked.",
                    ),
                )
            )
        return found


def _reason(reason: str) -> str:
    cleaned = reason.strip()
    if len(cleaned) < 3:
        raise InputError(say("Укажите причину — хотя бы несколько слов.", "Give the reason, a few words at least."))
    return cleaned
