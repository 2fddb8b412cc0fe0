"""A photo of a checklist item as the visit holds it: stored bytes, their SHA-256 and when it was taken."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ItemPhoto:
    id: str
    item_key: str
    taken_at: datetime  # UTC
    sha256: str  # over ``jpeg``
    width: int
    height: int
    jpeg: bytes = field(repr=False)


def photo_counts(photos: list[ItemPhoto]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for photo in photos:
        counts[photo.item_key] = counts.get(photo.item_key, 0) + 1
    return counts
