"""The act's canonical content: what it holds, its canonical bytes and its hash."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime
from decimal import Decimal

import pytest

from fieldact.act import ActMeta, build_content, canonical_json, content_sha256, parse_content
from fieldact.act.content import STATEMENT_COMPLETE, STATEMENT_WITH_FAILURES, decimal_text
from fieldact.act.sample import sample_meta, sample_signature, sample_visit
from fieldact.ink import sha256 as ink_sha256
from fieldact.standard import Service, VisitKind


def test_content_holds_the_visit_as_signed(content, signature) -> None:
    assert content["act"] == {
        "id": "6f1c1f0e-3c1a-4c7e-9a51-2f4d3b8e7a10",
        "number": "20261126-0042",
        "version": 1,
        "supersedes": None,
        "title": "Акт сдачи-приёмки услуг",
    }
    assert content["signed_at"] == {
        "local": "2026-11-26T15:42:10+05:00",
        "utc": "2026-11-26T10:42:10Z",
        "zone": "Asia/Yekaterinburg",
    }
    assert content["company"]["city"] == "Пермь"
    assert content["subscriber"] == {
        "name": "Иванов Иван Петрович",
        "contract": "590000000001",
        "address": "г. Пермь, ул. Ленина, д. 50, кв. 12",
    }
    assert content["technician"] == {"name": "Петров Пётр", "role": "Техник подключения"}
    assert content["visit"]["kind"] == "connection" and content["visit"]["kind_title"] == "Подключение"
    assert [s["key"] for s in content["services"]] == ["tv", "internet", "phone"]
    assert content["signer"] == {"name": "Иванов Иван Петрович"}
    assert content["ink"] == {"sha256": ink_sha256(signature), "strokes": 3, "samples": 600}
    assert content["account_url"] == "https://lk.domru.ru/?contract=590000000001"


def test_items_are_those_shown_before_signing_with_typed_evidence(content) -> None:
    keys = [item["key"] for item in content["items"]]
    assert not any(key.startswith("closing.") for key in keys), "the closing stage comes after the signature"
    assert {item["stage"]["number"] for item in content["items"]} == {1, 2, 3, 4, 5}
    assert "demonstration.internet_speed" in keys, "a conditional item shown to the visit is in the act"
    speed = next(item for item in content["items"] if item["key"] == "demonstration.internet_speed")
    assert speed["result"] == "done"
    assert speed["evidence"] == {"kind": "speed", "data": {"down_mbps": "94.2", "up_mbps": "91.0"}}
    assert speed["evidence_text"] == "Скорость: 94,2 / 91,0 Мбит/с"
    assert speed["stage"] == {"number": 4, "title": "Демонстрация возможностей"}
    plain = next(item for item in content["items"] if item["key"] == "contact.greet_first")
    assert plain["evidence"] is None and plain["evidence_text"] == "" and plain["reason"] == ""


def test_hidden_items_are_left_out(standard, brand, signature) -> None:
    visit = sample_visit(standard, brand)
    visit.checklist.set_condition("speed_requested", False)
    content = build_content(visit, sample_meta(brand), signature)
    assert "demonstration.internet_speed" not in [item["key"] for item in content["items"]]


def test_payment_and_materials_are_integers_and_decimal_strings(content) -> None:
    payment = content["payment"]
    assert payment == {
        "currency": "RUB",
        "lines": [
            {"description": "Подключение услуг", "quantity": 1, "unit_price": 100000, "amount": 100000},
            {"description": "Кабель UTP 5e сверх нормы, м", "quantity": 5, "unit_price": 1500, "amount": 7500},
        ],
        "total": 107500,
        "received": 110000,
        "change": 0,
        "credited": 2500,
        "bso_number": "АБ 012345",
        "bso_amount": 110000,
    }
    assert content["materials"][0] == {"code": "K-5E", "name": "Кабель UTP 5e", "quantity": "12.5", "unit": "м"}


@pytest.mark.parametrize(("value", "text"), [(Decimal("12.50"), "12.5"), (Decimal("3"), "3"), (2.0, "2"), (1, "1")])
def test_quantities_are_plain_decimals(value, text) -> None:
    assert decimal_text(value) == text


def test_canonical_bytes_are_sorted_compact_utf8(content) -> None:
    data = canonical_json(content)
    assert data == json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    assert b"\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2" in data  # «Иванов» unescaped
    assert data.startswith(b'{"account_url":"https://') and b"\n" not in data, "sorted keys, no whitespace"
    assert content_sha256(content) == hashlib.sha256(data).hexdigest()
    assert parse_content(data) == content


def test_the_same_visit_gives_the_same_hash(standard, brand) -> None:
    signature = sample_signature(600)
    first = build_content(sample_visit(standard, brand), sample_meta(brand), signature)
    second = build_content(sample_visit(standard, brand), sample_meta(brand), sample_signature(600))
    assert content_sha256(first) == content_sha256(second)
    changed = sample_visit(standard, brand)
    changed.checklist.mark_failed("installation.holes_filled", "Абонент попросил не заделывать")
    assert content_sha256(build_content(changed, sample_meta(brand), signature)) != content_sha256(first)


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError, match="content.payment.total is a float"):
        canonical_json({"payment": {"total": 1.5}})


def test_the_statement_claims_completion_only_when_nothing_failed(standard, brand, signature) -> None:
    complete = build_content(sample_visit(standard, brand), sample_meta(brand), signature)
    assert complete["statement"] == STATEMENT_COMPLETE[VisitKind.CONNECTION]
    visit = sample_visit(standard, brand, kind=VisitKind.SERVICE, services=frozenset({Service.INTERNET}))
    visit.checklist.mark_failed("diagnostics.fix", "неисправна сетевая карта компьютера Абонента")
    failed = build_content(visit, sample_meta(brand), signature)
    assert failed["statement"] == STATEMENT_WITH_FAILURES
    fix = next(item for item in failed["items"] if item["key"] == "diagnostics.fix")
    assert fix["result"] == "failed" and fix["reason"] == "неисправна сетевая карта компьютера Абонента"
    assert failed["act"]["title"] == "Акт выполненных работ"


def test_a_correction_names_the_act_it_supersedes(brand) -> None:
    signed_at = sample_meta(brand).signed_at
    old = {"id": str(uuid.uuid4()), "number": "20261126-0042"}
    meta = ActMeta("20261126-0042", signed_at, "Иванов Иван Петрович", version=2, supersedes=old)
    assert meta.supersedes == old
    with pytest.raises(ValueError, match="must name the act it supersedes"):
        ActMeta("20261126-0042", signed_at, "Иванов Иван Петрович", version=2)
    with pytest.raises(ValueError, match="time zone"):
        ActMeta("1", datetime(2026, 11, 26, 15, 0), "Иванов Иван")
    with pytest.raises(ValueError, match="signer"):
        ActMeta("1", signed_at, "  ")


def test_parse_content_refuses_what_is_not_an_act() -> None:
    with pytest.raises(ValueError, match="not UTF-8 JSON"):
        parse_content(b"\xff{")
    with pytest.raises(ValueError, match="not act content"):
        parse_content(b'{"format":"something-else"}')
