"""The one SHA-256 the app writes down: lowercase hex over bytes (acts, photos, files)."""

from __future__ import annotations

import hashlib


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
