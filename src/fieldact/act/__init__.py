"""The signed act: canonical content, PDF, QR code, hashes, optional seal and verification. No Qt."""

from fieldact.act.content import (
    ActContent,
    ActMeta,
    ActRef,
    build_content,
    canonical_json,
    content_sha256,
    parse_content,
)
from fieldact.act.pdf import CONTENT_FILE, INK_FILE, PDFA_LEVEL, ActRenderError, render_pdf
from fieldact.act.seal import Sealer, SealError, SealStatus, load_sealer, seal_pdf, seal_statuses, sealing_available
from fieldact.act.signed import SignedAct, make_act, sealer_for, sign_act
from fieldact.act.verify import LEVEL_NAMES, Level, Revoked, Verification, inspect_act, verify_pdf

__all__ = [
    "CONTENT_FILE",
    "LEVEL_NAMES",
    "INK_FILE",
    "PDFA_LEVEL",
    "ActContent",
    "ActMeta",
    "ActRef",
    "ActRenderError",
    "Level",
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
