"""Parsing evidence as typed by a technician, and its round trip through JSON."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldact.standard.schema import EvidenceKind
from fieldact.text import InputError
from fieldact.visit.evidence import (
    EVIDENCE_CLASS,
    Apps,
    CableLabels,
    Channels,
    Check,
    HolesFilled,
    Note,
    Speed,
    TestCall,
    describe,
    from_json,
    parse_channels,
    parse_count,
    parse_phone_number,
    parse_speed,
    to_json,
)


def test_speed_accepts_comma_and_rounds_to_a_tenth() -> None:
    speed = parse_speed("94,24", " 91 ")
    assert speed == Speed(Decimal("94.2"), Decimal("91.0"))
    assert describe(speed) == "Скорость: 94,2 / 91,0 Мбит/с"


@pytest.mark.parametrize("bad", ["", "быстро", "-5", "0", "1e9", "NaN"])
def test_speed_refuses_bad_input_with_a_sentence(bad: str) -> None:
    with pytest.raises(InputError, match="Мбит/с"):
        parse_speed(bad, "10")


def test_channels_split_and_deduplicated() -> None:
    assert parse_channels("Первый, Россия 1; НТВ\nПервый").names == ("Первый", "Россия 1", "НТВ")


def test_counts_and_phone_numbers() -> None:
    assert parse_count(" 3 ", "Бирки", "Labels") == 3
    with pytest.raises(InputError, match="Бирки: «три» — не целое число"):
        parse_count("три", "Бирки", "Labels")
    # kept as typed (printed on the act so); the digits alone are for searching
    number = parse_phone_number("  +7 (342)  219-51-95 ")
    assert number.number == "+7 (342) 219-51-95"
    assert number.digits == "73422195195"
    with pytest.raises(InputError, match="не похож на телефонный"):
        parse_phone_number("12")


def test_describe_holes() -> None:
    assert describe(HolesFilled(0)) == "Сквозных отверстий не сверлили"
    assert describe(HolesFilled(2)) == "Замазано отверстий: 2"
    assert describe(TestCall(True, True)) == "Входящий: да, исходящий: да"


EXAMPLES = {
    EvidenceKind.CHECK: Check(),
    EvidenceKind.SPEED: Speed(Decimal("94.2"), Decimal("91.0")),
    EvidenceKind.CHANNELS: Channels(("Первый", "НТВ")),
    EvidenceKind.TEST_CALL: TestCall(True, False),
    EvidenceKind.CABLE_LABELS: CableLabels(3),
    EvidenceKind.APPS: Apps(("Peers",)),
    EvidenceKind.TEXT: Note("окислен разъём"),
}


def test_every_kind_has_a_class() -> None:
    assert set(EVIDENCE_CLASS) == set(EvidenceKind)


@pytest.mark.parametrize(("kind", "evidence"), EXAMPLES.items())
def test_json_round_trip(kind: EvidenceKind, evidence) -> None:
    assert from_json(kind, to_json(evidence)) == evidence


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99999"), places=1))
def test_speed_round_trip_is_exact(value: Decimal) -> None:
    speed = Speed(value, value)
    assert from_json(EvidenceKind.SPEED, to_json(speed)) == speed
