"""Technician PINs: salted scrypt hashes, never the PIN itself."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fieldact.text import InputError, say

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str, salt: bytes | None = None) -> tuple[str, str]:
    """(salt hex, hash hex) for a PIN of 4 to 8 digits."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise InputError(say("PIN — от 4 до 8 цифр.", "A PIN is 4 to 8 digits."))
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return salt.hex(), digest.hex()


def pin_matches(pin: str, salt_hex: str, hash_hex: str) -> bool:
    if not pin.isdigit():
        return False
    digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt_hex), n=_N, r=_R, p=_P, dklen=32)
    return hmac.compare_digest(digest.hex(), hash_hex)
