"""What the office screens share: the database, the brand's zone, this PC's record of checked acts, the standard."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from fieldact.office.checks import CheckedDigests, default_checked_path
from fieldact.standard import Standard, load_standard
from fieldact.store.db import Database


@dataclass
class OfficeContext:
    database: Database
    zone: ZoneInfo
    checked: CheckedDigests = field(default_factory=lambda: CheckedDigests(default_checked_path()))
    standard: Standard = field(default_factory=load_standard)  # its words name the keys of the audit trail
