"""File names for exported acts that every system accepts, Windows included, and that never repeat."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# Windows refuses these as a name's stem whatever the extension ("CON.pdf", "com1.tar.gz"), in any case.
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
PART_LIMIT = 60  # a hostile contract number cannot make the name long
NAME_LIMIT = 150  # well inside Windows' 255 per name, leaving room for a deep target folder


def safe_part(text: str, fallback: str = "_", limit: int = PART_LIMIT) -> str:
    """One component of a name: no separators, reserved characters or device names, no trailing dots."""
    cleaned = unicodedata.normalize("NFC", text)
    cleaned = FORBIDDEN.sub("_", cleaned).strip()
    cleaned = re.sub(r"\s+", " ", cleaned)[:limit].rstrip(" .")
    cleaned = cleaned.lstrip(".")  # never a hidden file, never "." or ".."
    if not cleaned:
        return fallback
    if cleaned.split(".")[0].upper() in RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def safe_name(stem: str, extension: str) -> str:
    """A whole file name: ``stem`` made safe, cut to length, with ``extension`` (like ".pdf")."""
    cleaned = safe_part(stem, limit=NAME_LIMIT - len(extension) - 1)  # room for a "_" before a device name
    if cleaned.split(".")[0].upper() in RESERVED:
        cleaned = "_" + cleaned
    return cleaned + extension


def act_file_stem(signed_on: date, contract: str, number: str, version: int) -> str:
    """``2026-11-26_<contract>_<act number>``, and ``_v2`` for a corrected version."""
    stem = f"{signed_on:%Y-%m-%d}_{safe_part(contract)}_{safe_part(number)}"
    return stem if version <= 1 else f"{stem}_v{version}"


class UniqueNames:
    """Hands out names that differ from each other as Windows compares them (ignoring case)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken = {name.casefold() for name in taken or set()}

    def claim(self, stem: str, extension: str) -> str:
        name = safe_name(stem, extension)
        base = name.removesuffix(extension)[: NAME_LIMIT - 30]
        counter = 2
        while name.casefold() in self.taken:
            name = safe_name(f"{base}_{counter}", extension)
            counter += 1
        self.taken.add(name.casefold())
        return name
