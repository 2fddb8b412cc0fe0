"""What the keys in a visit's audit trail stand for: the standard's own words for items, stages, conditions and
branches, so the office reads «Первым поприветствовать Абонента…», not ``greeting.greet_first``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldact.standard import Standard, VisitKind
from fieldact.store.tables import AuditEvent


@dataclass(frozen=True)
class TrailNames:
    items: dict[str, str] = field(default_factory=dict)  # "stage.item" -> the item's text
    stages: dict[str, str] = field(default_factory=dict)  # stage key -> "2. Приветствие"
    stage_order: tuple[str, ...] = ()  # stage keys by index
    conditions: dict[str, str] = field(default_factory=dict)  # condition key -> its question
    branches: dict[str, str] = field(default_factory=dict)  # branch key -> its title
    outcomes: dict[tuple[str, str], str] = field(default_factory=dict)  # (branch, outcome) -> its text
    equipment: dict[str, str] = field(default_factory=dict)  # equipment type key -> «Роутер»

    def item(self, key: str) -> str:
        return self.items.get(key, key)

    def stage(self, key: str | None = None, index: int | None = None) -> str:
        if key is None and index is not None and 0 <= index < len(self.stage_order):
            key = self.stage_order[index]
        if key is None:
            return str(index + 1) if index is not None else ""
        return self.stages.get(key, key)

    def device(self, key: str) -> str:
        return self.equipment.get(key, key)


def trail_names(
    standard: Standard,
    events: list[AuditEvent],
    signed_items: list[dict[str, Any]],
    equipment: Mapping[str, str] | None = None,
) -> TrailNames:
    """Names from the standard for the visit's kind (read from its ``visit_created`` event; both kinds when it
    is not there), the item texts as they stand on the signed act taking precedence; ``equipment``: the names
    of the brand's equipment types by key."""
    kinds = [_kind(events)] if _kind(events) else list(standard.kinds)
    items: dict[str, str] = {}
    stages: dict[str, str] = {}
    order: list[str] = []
    branches: dict[str, str] = {}
    outcomes: dict[tuple[str, str], str] = {}
    for kind in reversed(kinds):  # the first kind's names win
        definition = standard.kind(kind)  # type: ignore[arg-type]
        order = [stage.key for stage in definition.stages]
        for stage in definition.stages:
            stages[stage.key] = f"{stage.number}. {stage.title}"
            items.update({f"{stage.key}.{item.key}": item.text for item in stage.items})
        for branch in definition.branches:
            branches[branch.key] = branch.title
            outcomes.update({(branch.key, outcome.key): outcome.text for outcome in branch.outcomes})
    items.update({entry["key"]: entry["text"] for entry in signed_items if "key" in entry and "text" in entry})
    conditions = {condition.key: condition.question for condition in standard.conditions}
    return TrailNames(items, stages, tuple(order), conditions, branches, outcomes, dict(equipment or {}))


def event_details(event: AuditEvent) -> dict[str, Any]:
    try:
        details = json.loads(event.details or "{}")
    except ValueError:
        return {}
    return details if isinstance(details, dict) else {}


def _kind(events: list[AuditEvent]) -> VisitKind | None:
    for event in events:
        if event.action == "visit_created":
            try:
                return VisitKind(event_details(event).get("kind"))
            except ValueError:
                return None
    return None
