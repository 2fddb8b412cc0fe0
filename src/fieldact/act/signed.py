"""Making the signed act in one call: content, hashes, encoded ink and PDF bytes (sealed when configured)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fieldact.act.content import ActContent, ActMeta, build_content, canonical_json
from fieldact.act.pdf import render_pdf
from fieldact.act.photo_records import photo_files
from fieldact.act.seal import Sealer, load_sealer, seal_pdf
from fieldact.hashing import sha256_hex
from fieldact.ink import Signature, encode
from fieldact.standard.schema import Brand
from fieldact.visit import Visit


@dataclass(frozen=True, slots=True)
class SignedAct:
    """Everything the store keeps for an act: the PDF bytes are final and never rendered again."""

    content: ActContent
    content_json: bytes
    content_sha256: str
    ink: bytes
    ink_sha256: str
    pdf: bytes
    pdf_sha256: str
    sealed: bool


def sign_act(visit: Visit, meta: ActMeta, signature: Signature, *, sealer: Sealer | None = None) -> SignedAct:
    """The act of ``visit`` signed with ``signature``: content built now, PDF rendered once, sealed if given."""
    return make_act(build_content(visit, meta, signature), signature, sealer=sealer, photos=photo_files(visit))


def make_act(
    content: ActContent,
    signature: Signature,
    *,
    sealer: Sealer | None = None,
    photos: Mapping[str, bytes] | None = None,
) -> SignedAct:
    """The act for content already built (``build_content``), the signature and the photo bytes it names; with a
    sealer the content names the seal the act carries, so a stripped seal shows."""
    if sealer is not None and content.get("seal") is None:
        content = {**content, "seal": sealer.record()}
    content_json = canonical_json(content)
    ink = encode(signature)
    pdf = render_pdf(content, signature, ink=ink, photos=photos)
    if sealer is not None:
        act = content["act"]
        reason = f"{act['title']} № {act['number']}"
        pdf = seal_pdf(pdf, sealer, reason=reason, location=content["company"]["city"])
    return SignedAct(
        content=content,
        content_json=content_json,
        content_sha256=sha256_hex(content_json),
        ink=ink,
        ink_sha256=content["ink"]["sha256"],
        pdf=pdf,
        pdf_sha256=sha256_hex(pdf),
        sealed=sealer is not None,
    )


def sealer_for(brand: Brand) -> Sealer | None:
    """The brand's sealer, or None when the brand names no seal; SealError when it names one that fails."""
    return load_sealer(brand.seal) if brand.seal is not None else None
