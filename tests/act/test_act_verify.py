"""An act verifies from its bytes alone, and any change to those bytes is found and told in words."""

from __future__ import annotations

import hashlib
import random
from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter

from fieldact.act import CONTENT_FILE, INK_FILE, canonical_json, inspect_act, verify_pdf
from fieldact.act import pdf as act_pdf_module
from fieldact.act.digest import DIGEST_FILE, stamp
from fieldact.act.sample import sample_signature
from fieldact.ink import encode
from fieldact.text import set_language


def test_a_fresh_act_verifies(act_pdf: bytes, content) -> None:
    result = inspect_act(act_pdf)
    assert result.ok, result.problems
    assert result.facts == [
        f"Акт № 20261126-0042, версия 1, SHA-256 содержания {hashlib.sha256(canonical_json(content)).hexdigest()}."
    ]


def test_a_long_act_verifies(long_pdf: bytes) -> None:
    assert verify_pdf(long_pdf) == []


def flipped(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def positions(data: bytes, count: int) -> list[int]:
    """Byte positions all over the file, plus the places a forger would aim at."""
    chosen = set(random.Random(5).sample(range(len(data)), count))
    for marker in (b"%PDF", b"fieldact-pdf-digest/1 sha256=", b"/Type /EmbeddedFile", b"startxref", b"%%EOF"):
        at = data.find(marker)
        assert at >= 0, marker
        chosen.update({at, min(at + len(marker) + 3, len(data) - 1)})
    chosen.add(len(data) - 1)
    return sorted(chosen)


def test_one_changed_byte_anywhere_fails(act_pdf: bytes) -> None:
    for at in positions(act_pdf, 60):
        problems = verify_pdf(flipped(act_pdf, at))
        assert problems, f"a change at byte {at} of {len(act_pdf)} went unnoticed"
        assert all(isinstance(problem, str) and problem.endswith(".") for problem in problems)


def test_a_changed_byte_says_the_file_was_changed(act_pdf: bytes) -> None:
    font_stream = act_pdf.find(b"/Length1")  # inside the embedded font's dictionary: nothing else would notice
    problems = verify_pdf(flipped(act_pdf, font_stream + 12))
    assert "Файл акта изменён после создания: SHA-256 его байтов не совпадает с записанным в нём." in problems


def rewrite_attachment(pdf: bytes, name: str, data: bytes) -> bytes:
    """The act rewritten by a PDF tool with one embedded file replaced."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    names = writer.root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[names.index(name) + 1].get_object()
    spec["/EF"]["/F"].get_object().set_data(data)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_tampered_content_json_fails(act_pdf: bytes, content) -> None:
    forged = {**content, "payment": {**content["payment"], "total": 1}}
    problems = verify_pdf(rewrite_attachment(act_pdf, CONTENT_FILE, canonical_json(forged)))
    assert any("напечатано не то, что записано в содержании акта" in problem for problem in problems)
    assert any("переписан после создания" in problem or "изменён после создания" in problem for problem in problems)


def test_content_swapped_by_a_forger_who_restamps_the_digest_still_fails(content, signature) -> None:
    """A file made with fieldact's own code, drawing one content and carrying another, is caught by drawing it again."""
    forged = {**content, "subscriber": {**content["subscriber"], "name": "Петров Пётр Петрович"}}
    document = act_pdf_module.ActDocument(content, hashlib.sha256(canonical_json(content)).hexdigest())
    document.add_page()
    act_pdf_module.draw_title(document, content)
    act_pdf_module.draw_parties(document, content)
    act_pdf_module.embed_files(document, forged, canonical_json(forged), encode(signature))
    problems = verify_pdf(stamp(bytes(document.output())))
    assert any("стр., а по его содержанию должно быть" in problem for problem in problems), problems


def test_content_not_in_canonical_form_fails(act_pdf: bytes, content) -> None:
    pretty = canonical_json(content).replace(b'{"account_url"', b'{ "account_url"', 1)
    problems = verify_pdf(rewrite_attachment(act_pdf, CONTENT_FILE, pretty))
    assert any("не в каноническом виде" in problem for problem in problems)


def test_another_signature_fails(act_pdf: bytes) -> None:
    problems = verify_pdf(rewrite_attachment(act_pdf, INK_FILE, encode(sample_signature(599))))
    assert any(problem.startswith("Подпись не та, что в содержании акта") for problem in problems)


def test_damaged_ink_fails(act_pdf: bytes) -> None:
    problems = verify_pdf(rewrite_attachment(act_pdf, INK_FILE, b"FINK\x01garbage"))
    assert any(problem.startswith("Данные подписи повреждены") for problem in problems)


def test_bytes_appended_without_a_seal_fail(act_pdf: bytes) -> None:
    problems = verify_pdf(act_pdf + b"\n% appended\n")
    assert problems == ["После создания к файлу акта дописано 12 байт, и их не заверяет печать."]


def test_a_truncated_act_fails(act_pdf: bytes) -> None:
    assert verify_pdf(act_pdf[:-200])


def test_a_removed_page_number_or_page_fails(long_pdf: bytes) -> None:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(long_pdf)))
    writer.remove_page(1)
    out = BytesIO()
    writer.write(out)
    problems = verify_pdf(out.getvalue())
    assert any("страницы добавлены или потеряны" in problem for problem in problems)


@pytest.mark.parametrize("data", [b"", b"hello", b"%PDF-1.7\n%%EOF\n", bytes(range(256)) * 4])
def test_what_is_not_an_act_gives_sentences(data: bytes) -> None:
    problems = verify_pdf(data)
    assert problems
    assert all("Traceback" not in problem for problem in problems)


def test_a_pdf_that_is_not_an_act_names_the_missing_files() -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = BytesIO()
    writer.write(out)
    problems = verify_pdf(out.getvalue())
    for name in (CONTENT_FILE, INK_FILE, DIGEST_FILE):
        assert any(f"нет вложения {name}" in problem for problem in problems)


def test_problems_in_english(act_pdf: bytes) -> None:
    set_language("en")
    problems = verify_pdf(act_pdf + b"xx")
    assert problems == ["2 bytes were added to the act's file after it was made, and no seal covers them."]
