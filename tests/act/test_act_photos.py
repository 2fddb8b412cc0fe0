"""Photos and equipment on the act: the appendix renders, the full JPEGs are embedded and listed by hash, and a
swapped photo is caught by verify (in the PDF) and by doctor (in the database)."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from pypdf import PdfReader

from fieldact.act import sign_act
from fieldact.act.content import build_content
from fieldact.act.pdf import ActRenderError, render_pdf
from fieldact.act.photo_records import photo_problems
from fieldact.act.sample import add_sample_evidence, sample_meta, sample_signature, sample_visit
from fieldact.act.verify import verify_pdf
from fieldact.hashing import sha256_hex
from fieldact.photo.sample import sample_photo


@pytest.fixture(scope="module")
def signed(standard, brand):  # type: ignore[no-untyped-def]
    visit = sample_visit(standard, brand)
    add_sample_evidence(visit, photos=6)
    return visit, sign_act(visit, sample_meta(brand), sample_signature())


def test_the_act_lists_embeds_and_shows_the_photos_and_the_equipment(signed) -> None:
    visit, act = signed
    assert verify_pdf(act.pdf) == []
    photos = act.content["photos"]
    assert [p["sha256"] for p in photos] == [p.sha256 for p in visit.photos] and len(photos) == 6
    assert photos[0]["caption"] == "Путь кабеля" and photos[0]["taken_at"].startswith("2026-11-26T14:20")
    reader = PdfReader(io.BytesIO(act.pdf))
    attachments = {name: data[0] for name, data in reader.attachments.items()}
    for photo in photos:
        assert sha256_hex(attachments[photo["file"]]) == photo["sha256"]
    text = [page.extract_text() for page in reader.pages]
    appendix = text[-1]
    assert "Приложение. Фотографии выполненных работ" in appendix
    assert "Путь кабеля, 26.11.2026 14:20" in appendix and "Мусор убран, 26.11.2026 14:27" in appendix
    assert "Оборудование" in " ".join(text) and "HWTC1A2B3C4D" in " ".join(text)
    assert "Снято у Абонента" in " ".join(text)
    page = pypdfium2.PdfDocument(act.pdf)[len(text) - 1]
    assert len([obj for obj in page.get_objects() if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]) == 6
    assert len(act.pdf) < 2_000_000


def test_a_swapped_photo_in_the_pdf_is_caught(signed) -> None:
    visit, act = signed
    reader = PdfReader(io.BytesIO(act.pdf))
    attachments = {name: data[0] for name, data in reader.attachments.items()}
    victim = act.content["photos"][1]
    forged = sample_photo("2611-01", victim["caption"], visit.plan.start, 3).jpeg
    swapped = {**attachments, victim["file"]: forged}
    [problem] = photo_problems(act.content, swapped)
    assert f"Фото «Мусор убран» ({victim['file']}) подменено" in problem
    missing = {name: data for name, data in attachments.items() if name != victim["file"]}
    assert "нет вложенного фото" in photo_problems(act.content, missing)[0]
    # the same swap written into the file: verify names the photo (and the broken whole-file digest)
    forged_pdf = act.pdf.replace(
        attachments[victim["file"]],
        forged[: len(attachments[victim["file"]])].ljust(len(attachments[victim["file"]]), b"\0"),
    )
    problems = verify_pdf(forged_pdf)
    assert any("подменено" in p for p in problems), problems


def test_the_photo_bytes_must_be_given_and_be_those_named(signed, brand) -> None:
    visit, act = signed
    content = build_content(visit, sample_meta(brand), sample_signature())
    with pytest.raises(ActRenderError, match="bytes of the photos"):
        render_pdf(content, sample_signature())
    wrong = {photo["sha256"]: b"\xff\xd8\xffnot it" for photo in content["photos"]}
    with pytest.raises(ActRenderError, match="is not the one the content names"):
        render_pdf(content, sample_signature(), photos=wrong)
