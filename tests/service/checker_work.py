"""Work for the checking processes in tests: importable by a spawned worker, as the service's own checks are."""

from __future__ import annotations

import os
import time


def quick(value: int) -> int:
    return value * 2


def slow(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def hungry(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def crash() -> None:
    os._exit(3)  # a worker killed from outside looks the same to the pool


def collector() -> tuple[int, int, bool]:
    """How the worker's garbage collector is set, and whether the act check was loaded before any work came."""
    import gc
    import sys

    return gc.get_threshold()[0], gc.get_freeze_count(), "fieldact.act.verify" in sys.modules


def niceness() -> int:
    return os.nice(0)
