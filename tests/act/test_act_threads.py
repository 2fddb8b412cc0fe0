"""Acts rendered from several threads at once come out whole (a preview and a signing can overlap)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fieldact.act.sample import sample_meta, sample_signature, sample_visit
from fieldact.act.signed import sign_act
from fieldact.act.verify import verify_pdf


def test_concurrent_renders_all_verify(standard, brand) -> None:
    visit = sample_visit(standard, brand)

    def render(_: int) -> bytes:
        return sign_act(visit, sample_meta(brand), sample_signature()).pdf

    with ThreadPoolExecutor(max_workers=4) as pool:
        pdfs = list(pool.map(render, range(12)))
    assert all(verify_pdf(pdf) == [] for pdf in pdfs)
