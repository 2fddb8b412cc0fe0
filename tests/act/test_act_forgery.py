"""Forgeries built with fieldact's own drawing code: what the pages show differs from what the act carries.

Each keeps the embedded content and ink of the genuine act, so every hash and the whole-file digest are
right, and draws something else. Drawing the act again from what it carries shows the difference.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from fieldact.act import CONTENT_FILE, ActContent, Level, canonical_json, inspect_act, render_pdf, verify_pdf
from fieldact.act import pdf as act_pdf_module
from fieldact.act.digest import stamp
from fieldact.ink import Signature, encode

GOLDEN = Path(__file__).parent / "golden" / "act-template-1.pdf"
GOLDEN_2 = Path(__file__).parent / "golden" / "act-template-2.pdf"  # with two photos and the equipment table
GOLDEN_3 = Path(__file__).parent / "golden" / "act-template-3.pdf"  # fonts cut to the act repertoire
DRAWN_OTHERWISE = "напечатано не то, что записано в содержании акта и подписано Абонентом"


def drawn_as(shown: dict[str, Any], carried: ActContent, signature: Signature) -> bytes:
    """A PDF whose pages show ``shown`` while it carries ``carried`` (its hash in the footer too), re-stamped."""
    document = act_pdf_module.ActDocument(shown, hashlib.sha256(canonical_json(carried)).hexdigest())  # type: ignore[arg-type]
    document.add_page()
    act_pdf_module.draw_title(document, shown)  # type: ignore[arg-type]
    act_pdf_module.draw_parties(document, shown)  # type: ignore[arg-type]
    act_pdf_module.draw_items(document, shown["items"])
    act_pdf_module.draw_materials(document, shown)  # type: ignore[arg-type]
    act_pdf_module.draw_payment(document, shown)  # type: ignore[arg-type]
    act_pdf_module.draw_signing(document, shown, signature)  # type: ignore[arg-type]
    act_pdf_module.embed_files(document, carried, canonical_json(carried), encode(signature))
    return stamp(act_pdf_module.fixed_xmp_dates(bytes(document.output()), carried))


def edited(content: ActContent, change: str) -> dict[str, Any]:
    shown: dict[str, Any] = copy.deepcopy(dict(content))
    if change == "total":
        shown["payment"]["total"] *= 10
        shown["payment"]["lines"][0]["amount"] *= 10
    elif change == "statement":
        shown["statement"] = "Работы не выполнены, претензии имею."
    elif change == "results":
        for item in shown["items"]:
            if item["result"] == "done":
                item["result"] = "failed"
    elif change == "address":
        shown["subscriber"]["address"] = "г. Пермь, ул. Ленина, д. 1, кв. 1"
    return shown


def test_the_honest_drawing_helper_makes_the_genuine_act(content, signature, act_pdf: bytes) -> None:
    """The forger's tool is exact: drawing the genuine content gives the genuine file, so a failure below
    is the edit being caught, not the tool being different."""
    assert drawn_as(dict(content), content, signature) == act_pdf
    assert verify_pdf(act_pdf) == []


@pytest.mark.parametrize("change", ["total", "statement", "results", "address"])
def test_a_visible_only_edit_with_a_restamped_digest_fails(content, signature, change: str) -> None:
    forged = drawn_as(edited(content, change), content, signature)
    problems = verify_pdf(forged)
    assert any(DRAWN_OTHERWISE in problem for problem in problems), problems
    assert not any("SHA-256 его байтов" in problem for problem in problems), "the digest was re-stamped"


def test_a_white_signature_fails(content, signature, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(act_pdf_module, "INK_COLOR", (255, 255, 255))
    forged = render_pdf(content, signature)
    monkeypatch.undo()
    problems = verify_pdf(forged)
    assert any(DRAWN_OTHERWISE in problem for problem in problems), problems


def test_a_re_render_with_transplanted_ink_is_consistent_but_not_sealed(content, signature) -> None:
    """Another subscriber's name over the real subscriber's ink, rendered by fieldact itself: every hash holds,
    so only a seal can tell it from the genuine act, and an unsealed act is a failure past the content level."""
    other = copy.deepcopy(dict(content))
    other["subscriber"]["name"] = "Петров Пётр Петрович"
    other["payment"]["total"] *= 10
    forged = render_pdf(other, signature)  # type: ignore[arg-type]
    result = inspect_act(forged, level=Level.SEALED)
    assert result.problems_at(Level.CONTENT) == []
    assert result.problems == [
        "Акт не заверен печатью: кто сделал этот файл, не проверить, такой акт мог собрать кто угодно."
    ]


def test_a_golden_act_of_template_1_still_verifies_and_draws_the_same() -> None:
    """An act drawn with template version 1 when the version was introduced: verify must still draw it again
    byte for byte. When a library update or a layout change breaks this, keep version 1 drawing as it did."""
    golden = GOLDEN.read_bytes()
    result = inspect_act(golden)
    assert result.problems == [], result.problems
    assert result.reached() == Level.CONTENT


def test_a_golden_act_of_template_2_still_verifies_and_draws_the_same() -> None:
    """An act with photos and equipment drawn with template version 2, the last version that cut its fonts down
    to the glyphs used: verify must still draw it again byte for byte, photo thumbnails and font cuts included."""
    result = inspect_act(GOLDEN_2.read_bytes())
    assert result.problems == [], result.problems
    assert result.reached() == Level.CONTENT
    content = json.loads(result.embedded[CONTENT_FILE])
    assert content["template"] == 2 and len(content["photos"]) == 2 and content["devices"]


def test_a_golden_act_of_template_3_still_verifies_and_draws_the_same() -> None:
    """Template 3 embeds each font cut to ``fonts.ACT_REPERTOIRE``: a change of that repertoire, or of how the cut
    is made, draws other bytes, and must be a new template rather than a change of this one."""
    result = inspect_act(GOLDEN_3.read_bytes())
    assert result.problems == [], result.problems
    assert result.reached() == Level.CONTENT
    assert json.loads(result.embedded[CONTENT_FILE])["template"] == 3
