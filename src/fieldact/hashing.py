"""The one SHA-256 the app writes down: lowercase hex over bytes (acts, photos, files)."""

from __future__ import annotations

import hashlib


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_sha256_hex(text: str) -> bool:
    """Whether ``text`` is a SHA-256 as ``sha256_hex`` writes it: 64 lowercase hex digits."""
    return len(text) == 64 and all(char in "0123456789abcdef" for char in text)
