"""How far an act is checked, and the device certificates the company withdrew: the words the tablet's sealing
policy and the office share with ``verify``, without loading what verifying needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum


class Level(IntEnum):
    CONTENT = 1
    SEALED = 2
    TRUSTED = 3


LEVEL_NAMES = {"content": Level.CONTENT, "sealed": Level.SEALED, "trusted": Level.TRUSTED}


@dataclass(frozen=True, slots=True)
class Revoked:
    """A device certificate the company withdrew: acts it sealed at or after ``revoked_at`` do not count."""

    certificate_sha256: str
    revoked_at: datetime
    device: str = ""
