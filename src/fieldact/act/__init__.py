"""The signed act: canonical content, PDF, QR code, hashes, optional seal and verification. No Qt.

The names are loaded on first use: drawing (fpdf2, fontTools), sealing and verifying (pyHanko, pypdf) take
most of a second to import, and the tablet's first screen needs none of them.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "content": (
        "ActContent",
        "ActMeta",
        "ActRef",
        "build_content",
        "canonical_json",
        "content_sha256",
        "parse_content",
    ),
    "pdf": ("CONTENT_FILE", "INK_FILE", "PDFA_LEVEL", "ActRenderError", "render_pdf"),
    "seal": ("Sealer", "SealError", "SealStatus", "load_sealer", "seal_pdf", "seal_statuses", "sealing_available"),
    "signed": ("SignedAct", "make_act", "sealer_for", "sign_act"),
    "levels": ("LEVEL_NAMES", "Level", "Revoked"),
    "verify": ("Verification", "inspect_act", "verify_pdf"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "ActContent",
    "ActMeta",
    "ActRef",
    "ActRenderError",
    "CONTENT_FILE",
    "INK_FILE",
    "LEVEL_NAMES",
    "Level",
    "PDFA_LEVEL",
    "Revoked",
    "SealError",
    "SealStatus",
    "Sealer",
    "SignedAct",
    "Verification",
    "build_content",
    "canonical_json",
    "content_sha256",
    "inspect_act",
    "load_sealer",
    "make_act",
    "parse_content",
    "render_pdf",
    "seal_pdf",
    "seal_statuses",
    "sealer_for",
    "sealing_available",
    "sign_act",
    "verify_pdf",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'fieldact.act' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"fieldact.act.{module}"), name)
    globals()[name] = value
    return value
