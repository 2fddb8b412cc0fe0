"""The command line as a trainer and support would use it, in a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fieldact.resources import resource_path


def fieldact(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldact", *args], capture_output=True, text=True, encoding="utf-8", timeout=60
    )


def test_standard_check_on_the_shipped_standard() -> None:
    result = fieldact("standard", "check")
    assert result.returncode == 0, result.stderr
    assert "connection: Подключение" in result.stdout and "service: Сервис" in result.stdout
    assert "4. demonstration: Демонстрация возможностей — 11 items (9 required, 2 conditional, 1 with photos)" in (
        result.stdout
    )
    assert "3. installation: Монтаж/подключение — " in result.stdout and "3 with photos" in result.stdout
    assert "branch another_time (stage precall)" in result.stdout
    assert result.stdout.rstrip().endswith("OK")


def test_standard_check_refuses_a_broken_file(tmp_path: Path) -> None:
    text = resource_path("standards/service-standard.toml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('services = ["tv"]', 'services = ["radio"]', 1), encoding="utf-8")
    result = fieldact("standard", "check", str(broken))
    assert result.returncode == 1
    assert f"{broken}: kinds.connection.stages[3].scripts[0].services: unknown service 'radio'" in result.stderr
    assert "Traceback" not in result.stderr


def test_standard_check_refuses_a_brand_without_the_numbers_the_branches_call(tmp_path: Path) -> None:
    text = resource_path("brand/brand.toml").read_text(encoding="utf-8")
    brand = tmp_path / "brand.toml"
    brand.write_text(text.replace('phone = "+7 342 219-51-03"', 'phone = ""'), encoding="utf-8")
    result = fieldact("standard", "check", "--brand", str(brand))
    assert result.returncode == 1
    assert (
        "brand: ntp_quality_manager.phone: missing; branch service.cannot_fix calls «Менеджер по качеству НТП», "
        "give the number"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_script_prints_the_seed_words_filled_in() -> None:
    result = fieldact(
        "script",
        "--kind",
        "connection",
        "--stage",
        "precall",
        "--at",
        "2026-11-26T11:59",
        "--subscriber",
        "Иванов Иван Петрович",
        "--technician",
        "Петров Пётр",
    )
    assert result.returncode == 0, result.stderr
    assert (
        "Иван Петрович, доброе утро. Служба подключений Дом.ru. Пётр. Вы запланировали подключение на 12 часов."
        in result.stdout
    )


def test_script_at_noon_and_by_stage_number() -> None:
    result = fieldact(
        "script",
        "--kind",
        "service",
        "--stage",
        "2",
        "--at",
        "2026-11-26T12:00",
        "--subscriber",
        "Иванов Иван Петрович",
        "--technician",
        "Петров Пётр",
    )
    assert result.returncode == 0, result.stderr
    assert "Добрый день!" in result.stdout
    assert "Технический специалист Дом.ru. Петров Пётр." in result.stdout


def test_script_errors_are_sentences() -> None:
    bad_time = fieldact(
        "script",
        "--kind",
        "service",
        "--stage",
        "precall",
        "--at",
        "завтра",
        "--subscriber",
        "Иванов Иван",
        "--technician",
        "Петров Пётр",
    )
    assert bad_time.returncode == 1 and "write it as 2026-11-26T11:59" in bad_time.stderr
    no_time = fieldact(
        "script",
        "--kind",
        "service",
        "--stage",
        "precall",
        "--at",
        "2026-11-26T10:00",
        "--without-time",
        "--subscriber",
        "Иванов Иван",
        "--technician",
        "Петров Пётр",
    )
    assert no_time.returncode == 1 and "точное плановое время визита" in no_time.stderr
    one_name = fieldact(
        "script",
        "--kind",
        "service",
        "--stage",
        "9",
        "--at",
        "2026-11-26T10:00",
        "--subscriber",
        "Иванов",
        "--technician",
        "Петров Пётр",
    )
    assert one_name.returncode == 1 and "Traceback" not in one_name.stderr
