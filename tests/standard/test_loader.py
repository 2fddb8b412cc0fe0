"""Loading the shipped standard and refusing broken ones with the file and the key named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldact.resources import resource_path
from fieldact.standard import Service, StandardError, VisitKind, load_brand, load_standard
from fieldact.standard.schema import EvidenceKind, Requirement

SHIPPED = resource_path("standards/service-standard.toml").read_text(encoding="utf-8")
SHIPPED_BRAND = resource_path("brand/brand.toml").read_text(encoding="utf-8")


def broken(tmp_path: Path, text: str, name: str = "x.toml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StandardError) as caught:
        load_standard(path) if "brand" not in name else load_brand(path)
    return caught.value.problems


def test_shipped_standard_has_both_kinds_with_six_stages(standard) -> None:
    assert set(standard.kinds) == {VisitKind.CONNECTION, VisitKind.SERVICE}
    for kind in standard.kinds.values():
        assert [stage.number for stage in kind.stages] == [1, 2, 3, 4, 5, 6]
        assert all(stage.goals and stage.items for stage in kind.stages)


def test_conditional_items_of_the_seed(standard) -> None:
    demo = standard.kind(VisitKind.CONNECTION).stages[3]
    items = {item.key: item for item in demo.items}
    assert items["internet_speed"].requirement is Requirement.CONDITIONAL
    assert items["internet_speed"].condition == "speed_requested"
    assert items["phone_bind_number"].condition == "phone_adapter"
    assert items["phone_test_call"].evidence is EvidenceKind.TEST_CALL
    assert items["cable_labels"].services == (Service.TV, Service.INTERNET, Service.PHONE)


def test_brand_is_separate_and_loads(brand) -> None:
    assert brand.hotline == "2-195-195"
    assert "{contract}" in brand.account_url_template
    assert "2-195-195" not in SHIPPED, "the hotline belongs in the brand file"
    assert "Дом.ru" not in SHIPPED.split("[kinds.connection]")[1], "the brand name belongs in the brand file"


def test_unknown_service_names_file_and_key(tmp_path: Path) -> None:
    text = SHIPPED.replace(
        'services = ["phone"]\nevidence = "test_call"', 'services = ["radio"]\nevidence = "test_call"', 1
    )
    problems = broken(tmp_path, text)
    assert problems == [
        f"{tmp_path / 'x.toml'}: kinds.connection.stages[3].items[8].services: "
        "unknown service 'radio'; use tv, internet or phone"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'key = "offer_routes"\n',
            'key = "offer_routes"\ncolour = "red"\n',
            r"stages\[2\]\.items\[0\]\.colour: unknown key",
        ),
        ('evidence = "cable_route"', 'evidence = "photo"', r"items\[3\]\.evidence: unknown value 'photo'; expected"),
        (
            'requirement = "conditional"\ncondition = "speed_requested"\n',
            'requirement = "conditional"\n',
            r"items\[7\]: a conditional item needs a condition",
        ),
        ('condition = "phone_adapter"', 'condition = "adapter"', r"unknown condition 'adapter'"),
        ('script = "infochannel"', 'script = "info"', r"unknown script 'info'"),
        (
            "подключение {planned_at}",
            "подключение {planned_hours}",
            r"stages\[0\]\.scripts\[0\]\.text: unknown placeholder",
        ),
        (
            'panels = ["payment"]\nsigning = true\n',
            'panels = ["payment"]\n',
            r"exactly one stage must have signing = true",
        ),
        (
            'panels = ["materials"]\n',
            'panels = ["materials"]\nsigning = true\n',
            r"exactly one stage must have signing",
        ),
        (
            'panels = ["materials"]\n',
            'panels = ["payments"]\n',
            r"panels\[0\]: Input should be 'materials', 'payment' or 'equipment'",
        ),
        (
            'title = "Завершение контакта"\n',
            'title = "Завершение контакта"\nsigning = true\n',
            r"exactly one stage must have signing",
        ),
        (
            'number = 4\ntitle = "Демонстрация',
            'number = 7\ntitle = "Демонстрация',
            r"stages\[3\]\.number: .*less than or equal to 6",
        ),
        ('key = "tv_channels"', 'key = "TV channels"', r"items\[0\]\.key: String should match pattern"),
        (
            'min_channels = 2\n\n[[kinds.connection.stages.items]]\nkey = "tv_infochannel"',
            'min_channels = 0\n\n[[kinds.connection.stages.items]]\nkey = "tv_infochannel"',
            r"min_channels: .*greater than or equal to 1",
        ),
        ('key = "arrive_on_time"', 'key = "call_before"', r"item key 'call_before' appears twice"),
        ('title = "Подключение"\n', "", r"kinds\.connection\.title: missing"),
        ("day_from = 12:00:00", "day_from = 19:00:00", r"greeting: day_from must come before evening_from"),
        (
            'photos = { caption = "Мусор убран", min = 1, max = 4 }',
            'photos = { caption = "Мусор убран", min = 5, max = 4 }',
            r"items\[5\]\.photos: .*max \(4\) must not be below min \(5\)",
        ),
        (
            'photos = { caption = "Путь кабеля", max = 4 }',
            'photos = { caption = "Путь кабеля", max = 4, if_any = true }',
            r"photos: .*give min of at least 1",
        ),
        (
            'photos = { caption = "Путь кабеля", max = 4 }',
            'photos = { caption = "Путь кабеля", min = 1, max = 4, if_any = true }',
            r"photos\.if_any needs counted evidence .* this item has cable_route",
        ),
        ('photos = { caption = "Путь кабеля", max = 4 }', "photos = { max = 4 }", r"photos\.caption: missing"),
        ('photos = { caption = "Путь кабеля", max = 4 }', 'photos = { caption = "Путь", max = 40 }', r"photos\.max"),
        ('photos = { caption = "Путь кабеля", max = 4 }', 'photos = { caption = "Путь", max = 4, n = 1 }', r"unknown"),
    ],
)
def test_each_kind_of_error_is_named(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in SHIPPED, old
    problems = broken(tmp_path, SHIPPED.replace(old, new, 1))
    assert any(re.search(rf"/x\.toml: .*{expected}", p) for p in problems), problems


def test_missing_kind(tmp_path: Path) -> None:
    text = SHIPPED.split("# Глава 2.")[0].rsplit("\n", 2)[0]
    problems = broken(tmp_path, text)
    assert any("missing visit kind 'service'" in p for p in problems), problems


def test_stage_missing_from_a_kind(tmp_path: Path) -> None:
    start = SHIPPED.index('[[kinds.service.stages]]\nkey = "check"')
    end = SHIPPED.index('[[kinds.service.stages]]\nkey = "documents"')
    problems = broken(tmp_path, SHIPPED[:start] + SHIPPED[end:])
    assert any("x.toml: kinds.service.stages:" in p for p in problems), problems


def test_invalid_toml_names_line(tmp_path: Path) -> None:
    problems = broken(tmp_path, SHIPPED.replace("number = 1\n", "number = = 1\n", 1))
    assert len(problems) == 1 and "x.toml: not valid TOML:" in problems[0] and "line" in problems[0]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StandardError, match="file not found"):
        load_standard(tmp_path / "nope.toml")


def test_shipped_file_is_named_relative_to_resources() -> None:
    from fieldact.resources import display_name

    assert display_name(resource_path("standards/service-standard.toml")) == "standards/service-standard.toml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("https://lk.domru.ru/?contract={contract}", "https://lk.domru.ru/", "must contain {contract}"),
        ("https://lk.domru.ru/?contract={contract}", "http://lk.domru.ru/{contract}", "must start with https://"),
        ('contract_pattern = "^[0-9]{12}$"', 'contract_pattern = "^[0-9"', "not a valid regular expression"),
        ("start = 09:00:00\n", "", "working_hours.start: missing"),
    ],
)
def test_brand_errors(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in SHIPPED_BRAND
    problems = broken(tmp_path, SHIPPED_BRAND.replace(old, new), name="brand.toml")
    assert any("brand.toml: " in p and expected in p for p in problems), problems


def test_the_signing_stage_cannot_be_the_last(tmp_path: Path) -> None:
    text = SHIPPED.replace('panels = ["payment"]\nsigning = true\n', 'panels = ["payment"]\n', 1)
    text = text.replace('title = "Завершение контакта"\n', 'title = "Завершение контакта"\nsigning = true\n', 1)
    problems = broken(tmp_path, text)
    assert any("the signing stage cannot be the last" in p for p in problems), problems


def test_the_items_a_photo_proves_say_how_many(standard) -> None:
    rules = {
        f"{kind.value}.{stage.key}.{item.key}": (item.photos.min, item.photos.max, item.photos.if_any)
        for kind, definition in standard.kinds.items()
        for stage in definition.stages
        for item in stage.items
        if item.photos
    }
    assert rules == {
        "connection.installation.route_agreed": (0, 4, False),
        "connection.installation.debris_removed": (1, 4, False),
        "connection.installation.holes_filled": (1, 4, True),
        "connection.demonstration.cable_labels": (1, 4, False),
        "service.diagnostics.debris_removed": (1, 4, False),
    }
