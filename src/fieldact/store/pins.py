"""Technician PINs: salted scrypt hashes, never the PIN itself."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

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


# --- lockout ------------------------------------------------------------------------------------------------------
#
# Wrong tries count up until a right PIN or the office's unlock; they are never forgotten with time. At 5 and 10
# wrong tries the technician waits (5 minutes, then 1 hour); at 15 only the office can unlock him.
#
# The wait is measured on the tablet's monotonic clock, never on its wall clock (which anyone can set forward).
# A monotonic clock restarts at boot, so the lock stores the boot it started in with the monotonic reading; after
# a reboot (or when the boot cannot be told apart) the wait starts again in full. Changing the clock or
# restarting the tablet can therefore only lengthen a lock, never shorten it.

LOCKS = {5: 5 * 60.0, 10: 60 * 60.0}
OFFICE_UNLOCK_AT = 15


@dataclass(frozen=True, slots=True)
class Uptime:
    """Which boot of the tablet, and seconds on its monotonic clock."""

    boot: str
    seconds: float


def uptime() -> Uptime:
    return Uptime(_boot_key(), time.monotonic())


def _boot_key() -> str:
    boot_id = Path("/proc/sys/kernel/random/boot_id")
    try:
        return boot_id.read_text().strip()
    except OSError:
        # Elsewhere the boot moment, to 10 minutes: a wall clock moved by hand changes it, which only restarts a wait.
        return str(round((time.time() - time.monotonic()) / 600))


def lock_seconds(failed: int) -> float:
    """The wait owed after ``failed`` wrong tries (only at a threshold)."""
    return LOCKS.get(failed, 0.0)


def tries_before_next_lock(failed: int) -> int:
    for threshold in (*LOCKS, OFFICE_UNLOCK_AT):
        if failed < threshold:
            return threshold - failed
    return 0


def remaining_wait(owed: float, lock_boot: str | None, lock_started: float | None, now: Uptime) -> float | None:
    """Seconds still to wait of ``owed``; None when the wait must (re)start now (another boot, a clock gone back)."""
    if lock_started is None:
        return 0.0
    if lock_boot != now.boot or now.seconds < lock_started:
        return None
    return max(0.0, owed - (now.seconds - lock_started))
