"""Work-arounds for defects of the Qt bindings, applied once when the application starts."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

_guarded = False


def guard_none_refcount() -> bool:
    """PySide6 6.12 on CPython 3.11 drops one reference to ``None`` on every call of a method that returns
    nothing. ``None`` starts with some tens of thousands of references, so an hour of pen input would take it
    to zero and abort the process ("none_dealloc"). When a probe call shows the leak, ``None`` gets a reference
    count no process can exhaust (as CPython 3.12 does by making it immortal). True when the guard was needed.
    """
    global _guarded
    if _guarded:
        return False
    _guarded = True
    probe = QObject()
    before = sys.getrefcount(None)
    probe.setObjectName("probe")
    leaks = sys.getrefcount(None) < before
    if leaks and sys.implementation.name == "cpython":
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48
    return leaks
