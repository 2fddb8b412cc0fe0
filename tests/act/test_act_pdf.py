"""The act PDF read back as a person and a program would: text, pictures, QR code, fonts, metadata, files."""

from __future__ import annotations

import json
import re
from io import BytesIO

import pytest
import zxingcpp
from pypdf import PdfReader

from fieldact.act import CONTENT_FILE, INK_FILE, ActRenderError, canonical_json, content_sha256, render_pdf
from fieldact.act.digest import DIGEST_FILE
from fieldact.act.sample import sample_signature
from fieldact.ink import decode, encode

MAX_ACT_BYTES = 60 * 1024
POINTS_PER_MM = 72 / 25.4


def test_text_holds_names_items_and_amounts(look, act_pdf: bytes) -> None:
    text = look.flat(" ".join(look.page_texts(act_pdf)))
    for expected in (
        "Акт сдачи-приёмки услуг № 20261126-0042",
        "ОАО «ЭР-Телеком», г. Пермь",  # in Perm the managed organisation, as the standard says
        "г. Пермь, 26 ноября 2026 г., 15:42 (UTC+5)",
        "Абонент Иванов Иван Петрович",
        "Договор 590000000001",
        "г. Пермь, ул. Ленина, д. 50, кв. 12",
        "Петров Пётр, техник подключения",
        "Телевидение, Интернет, Телефония",
        "Этап 4. Демонстрация возможностей",
        "Продемонстрировать качество телевизионного сигнала путём просмотра нескольких каналов",
        "Скорость: 94,2 / 91,0 Мбит/с",
        "Каналы: Первый канал, Россия 1, НТВ, Дом.ru инфо",
        "Входящий: да, исходящий: да",
        "+7 342 219-51-95",  # the bound number as it was typed, not «73422195195»
        "Кабель UTP 5e 12,5 м",
        "Подключение услуг 1 1 000,00 ₽ 1 000,00 ₽",
        "Итого к оплате 1 075,00 ₽",
        "Получено 1 100,00 ₽",
        "Сдача 0,00 ₽",
        "Зачислено на лицевой счёт 25,00 ₽",
        "Квитанция (БСО) № АБ 012345 на сумму 1 100,00 ₽",
        "«Услуги подключены и показаны мне в работе.",
        "подпись Абонента, поставлена 26.11.2026 в 15:42 (UTC+5)",
        "https://lk.domru.ru/?contract=590000000001",
        "Информационный центр, круглосуточно: 2-195-195",
    ):
        assert expected in text, expected
    assert "Правило ППП" not in text, "closing-stage items come after signing and are not in the act"


def test_every_page_has_the_footer(look, act_pdf: bytes, content) -> None:
    texts = look.page_texts(act_pdf)
    digest = content_sha256(content)
    for number, text in enumerate(texts, start=1):
        assert "Акт № 20261126-0042, версия 1" in text
        assert f"Стр. {number} из {len(texts)}" in text
        assert f"SHA-256 содержания акта: {digest}" in text


def test_the_qr_code_decodes_to_the_account_url_and_is_large_enough(look, act_pdf: bytes) -> None:
    scale = 3.0
    found = [code for image in look.page_images(act_pdf, scale) for code in zxingcpp.read_barcodes(image)]
    assert [code.text for code in found] == ["https://lk.domru.ru/?contract=590000000001"]
    code = found[0]
    assert code.format == zxingcpp.BarcodeFormat.QRCode and code.ec_level == "M"
    width_mm = (code.position.top_right.x - code.position.top_left.x) / scale / POINTS_PER_MM
    assert width_mm >= 25


def test_the_qr_code_carries_the_contract_number_and_nothing_more_personal(content) -> None:
    url = content["account_url"]
    assert url == "https://lk.domru.ru/?contract=590000000001"
    for personal in ("Иванов", "Ленина", "912"):
        assert personal not in url


def test_the_signature_is_vector_with_varying_width(act_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(act_pdf))
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject")
        assert xobjects is None or not [
            name for name, ref in xobjects.get_object().items() if ref.get_object().get("/Subtype") == "/Image"
        ], "no raster image anywhere in the act"
    stream = reader.pages[-1].get_contents().get_data().decode("latin-1")
    widths = {float(value) for value in re.findall(r"(?m)^(\d+\.\d+) w$", stream)}
    assert len(widths) >= 5, f"the ink is drawn with several line widths, got {sorted(widths)}"
    assert len(re.findall(r" l\n", stream)) > 300, "strokes are paths of many short segments"
    assert " 1 J" in stream or "/LC 1" in act_pdf.decode("latin-1"), "round caps"


def test_a_full_act_is_at_most_60_kb(act_pdf: bytes) -> None:
    assert len(act_pdf) <= MAX_ACT_BYTES


def test_fonts_are_embedded_dejavu_subsets(act_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(act_pdf))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            fonts[font["/BaseFont"]] = descendant["/FontDescriptor"].get_object()
    assert len(fonts) == 2
    for name, descriptor in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans[A-Za-z-]*", name), name
        assert "/FontFile2" in descriptor, "TrueType program embedded"


def test_metadata_title_author_language_and_date(act_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(act_pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ru"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "Акт сдачи-приёмки услуг № 20261126-0042" in xmp
    assert "<rdf:li>ОАО «ЭР-Телеком»</rdf:li>" in xmp
    assert 'xmp:CreateDate="2026-11-26T10:42:10+00:00"' in xmp
    assert "<pdfaid:part>3</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert root["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"


def test_content_ink_and_digest_travel_inside(look, act_pdf: bytes, content, signature) -> None:
    files = look.attachments(act_pdf)
    assert set(files) == {CONTENT_FILE, INK_FILE, DIGEST_FILE}
    assert files[CONTENT_FILE] == canonical_json(content)
    assert json.loads(files[CONTENT_FILE])["subscriber"]["name"] == "Иванов Иван Петрович"
    assert files[INK_FILE] == encode(signature) and decode(files[INK_FILE]) == signature
    assert re.fullmatch(rb"fieldact-pdf-digest/1 sha256=[0-9a-f]{64} length=\d{10}\n", files[DIGEST_FILE])
    reader = PdfReader(BytesIO(act_pdf))
    relationships = {
        spec.get_object()["/F"]: spec.get_object()["/AFRelationship"] for spec in reader.trailer["/Root"]["/AF"]
    }
    assert relationships == {CONTENT_FILE: "/Source", INK_FILE: "/Data", DIGEST_FILE: "/Supplement"}


def test_the_sample_act_pages_are_saved_to_look_at(look, act_pdf: bytes) -> None:
    paths = look.save_pages(act_pdf, "act_page")
    assert len(paths) == len(look.page_texts(act_pdf)) >= 1
    assert all(path.stat().st_size > 10_000 for path in paths)


def test_a_long_checklist_flows_over_pages_with_headers_and_footers(look, long_pdf: bytes, long_content) -> None:
    texts = look.page_texts(long_pdf)
    assert len(texts) >= 2
    digest = content_sha256(long_content)
    table_pages = [text for text in texts if "Этап" in text]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "№ Пункт Результат Подтверждение" in look.flat(text), "the table header is repeated on every page"
    for number, text in enumerate(texts, start=1):
        assert f"Стр. {number} из {len(texts)}" in text and digest in text
    for text in texts[1:]:
        assert "Акт сдачи-приёмки услуг № 20261126-0042 — продолжение" in text
    rows = sum(look.flat(text).count("Выполнено") for text in texts)
    assert rows == len(long_content["items"]), "no row is lost or repeated at a page break"
    look.save_pages(long_pdf, "act_long_page")


def test_a_signature_other_than_the_one_in_the_content_is_refused(content) -> None:
    with pytest.raises(ActRenderError, match="not the one"):
        render_pdf(content, sample_signature(300))


def test_the_service_act_has_its_own_title(look, standard, brand, signature) -> None:
    from fieldact.act import build_content
    from fieldact.act.sample import sample_meta, sample_visit
    from fieldact.standard import Service, VisitKind

    visit = sample_visit(standard, brand, kind=VisitKind.SERVICE, services=frozenset({Service.PHONE}))
    visit.payment = None
    visit.materials = []
    pdf = render_pdf(build_content(visit, sample_meta(brand), signature), signature)
    text = look.flat(" ".join(look.page_texts(pdf)))
    assert "Акт выполненных работ № 20261126-0042" in text
    assert "Оплата при визите не принималась." in text
    assert "Использованные материалы" not in text
    look.save_pages(pdf, "act_service_page")


def test_items_not_done_show_their_result_and_reason(look, standard, brand, signature) -> None:
    from fieldact.act import build_content
    from fieldact.act.sample import sample_meta, sample_visit

    visit = sample_visit(standard, brand)
    visit.checklist.mark_not_applicable("installation.holes_filled", "кабель проложен по существующим отверстиям")
    visit.checklist.mark_failed(
        "demonstration.internet_multimedia_apps", "телевизор Абонента не поддерживает приложения", None
    )
    visit.checklist.reset("documents.explain_sum")
    content = build_content(visit, sample_meta(brand), signature)
    pdf = render_pdf(content, signature)
    text = look.flat(" ".join(look.page_texts(pdf)))
    assert "Не требуется Причина: кабель проложен по существующим отверстиям" in text
    assert "Не выполнено Причина: телевизор Абонента не поддерживает приложения" in text
    assert "Не отмечено" in text, "an optional item left open is shown as such, not hidden"
    assert "в том числе с невыполненными пунктами и их причинами, ознакомлен(а)" in text
    look.save_pages(pdf, "act_with_failures_page")
