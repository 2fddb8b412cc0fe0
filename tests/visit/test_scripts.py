"""Scripts rendered with the subscriber's ИО, the technician's name, the greeting and times."""

from __future__ import annotations

import pytest

from fieldact.standard import VisitKind
from fieldact.text import set_language
from fieldact.visit import Plan, ScriptValueMissing, render, subscriber_from_name, technician_from_name
from fieldact.visit.scripts import ScriptContext, hours_text, render_script


def stage_script(standard, kind: VisitKind, stage_key: str, script_key: str):
    stage = next(s for s in standard.kind(kind).stages if s.key == stage_key)
    return next(s for s in stage.scripts if s.key == script_key)


def context(standard, brand, local, kind, at: str, planned: str | None = "2026-11-26T14:00", exact: bool = True):
    return ScriptContext(
        brand,
        standard.kind(kind),
        local(at),
        subscriber_from_name("Иванов Иван Петрович"),
        technician_from_name("Петров Пётр"),
        Plan(local(planned), exact=exact) if planned else None,
    )


def test_connection_precall(standard, brand, local) -> None:
    script = stage_script(standard, VisitKind.CONNECTION, "precall", "precall")
    text = render_script(script, context(standard, brand, local, VisitKind.CONNECTION, "2026-11-26T13:45"), standard)
    assert text == (
        "Иван Петрович, добрый день. Служба подключений Дом.ru. Пётр. Вы запланировали подключение на 14 часов. "
        "Через 15 минут я смогу к Вам подойти. В это время Вам будет удобно?"
    )


def test_greeting_changes_at_the_boundary_minute(standard, brand, local) -> None:
    script = stage_script(standard, VisitKind.CONNECTION, "contact", "greeting")
    before = context(standard, brand, local, VisitKind.CONNECTION, "2026-11-26T17:59")
    after = context(standard, brand, local, VisitKind.CONNECTION, "2026-11-26T18:00")
    assert render_script(script, before, standard) == "Добрый день!"
    assert render_script(script, after, standard) == "Добрый вечер!"


def test_service_precall_with_time_and_window(standard, brand, local) -> None:
    ctx = context(standard, brand, local, VisitKind.SERVICE, "2026-11-26T09:30", planned="2026-11-26T10:30")
    call = render_script(stage_script(standard, VisitKind.SERVICE, "precall", "precall_with_time"), ctx, standard)
    window = render_script(stage_script(standard, VisitKind.SERVICE, "precall", "arrival_window"), ctx, standard)
    assert call == (
        "Иван Петрович, доброе утро. Технический специалист Дом.ru, Пётр. "
        "Вы оставляли заявку на 26.11.2026 на 10 ч. 30 мин. Всё верно?"
    )
    assert window == "Мы подойдём к Вам в течение часа с 10 ч. 30 мин. до 11 ч. 30 мин."


def test_missing_value_is_an_error_that_names_it(standard, brand, local) -> None:
    ctx = context(standard, brand, local, VisitKind.SERVICE, "2026-11-26T09:30", exact=False)
    script = stage_script(standard, VisitKind.SERVICE, "precall", "precall_with_time")
    with pytest.raises(ScriptValueMissing, match="точное плановое время визита") as caught:
        render_script(script, ctx, standard)
    assert caught.value.placeholder == "planned_time"
    without_time = stage_script(standard, VisitKind.SERVICE, "precall", "precall_without_time")
    assert "сервисную заявку 26.11.2026" in render_script(without_time, ctx, standard)


def test_missing_subscriber_patronymic_and_name(standard, brand, local) -> None:
    with pytest.raises(ScriptValueMissing, match="имя и отчество Абонента"):
        render("{subscriber_io}, здравствуйте", {}, "test")
    set_language("en")
    with pytest.raises(ScriptValueMissing, match="the subscriber's first name and patronymic"):
        render("{subscriber_io}, здравствуйте", {}, "test")


def test_subscriber_without_patronymic(standard, brand, local) -> None:
    ctx = ScriptContext(
        brand,
        standard.kind(VisitKind.SERVICE),
        local("2026-11-26T20:00"),
        subscriber_from_name("Smith John"),
        technician_from_name("Петров Пётр"),
    )
    farewell = stage_script(standard, VisitKind.SERVICE, "closing", "farewell")
    assert render_script(farewell, ctx, standard) == "Всего доброго, John! Приятного Вам времяпрепровождения!"


def test_hours_text(local) -> None:
    assert hours_text(local("2026-11-26T09:00")) == "9 ч."
    assert hours_text(local("2026-11-26T09:05")) == "9 ч. 05 мин."


def test_every_shipped_script_renders_for_a_full_visit(standard, brand, local) -> None:
    for kind in VisitKind:
        ctx = context(standard, brand, local, kind, "2026-11-26T12:00")
        definition = standard.kind(kind)
        scripts = [s for stage in definition.stages for s in stage.scripts]
        scripts += [s for branch in definition.branches for s in branch.scripts]
        for script in scripts:
            text = render_script(script, ctx, standard)
            assert "{" not in text and text.strip()
