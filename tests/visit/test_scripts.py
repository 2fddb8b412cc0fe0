"""Scripts rendered with the subscriber's ИО, the technician's name, the greeting and times."""

from __future__ import annotations

import pytest

from fieldact.standard import VisitKind
from fieldact.text import set_language
from fieldact.visit import Plan, ScriptValueMissing, render, subscriber_from_name, technician_from_name
from fieldact.visit.scripts import ScriptContext, render_script
from fieldact.visit.spoken import at_time, by_time, clock, day_name, on_day


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
        "Вы оставляли заявку на сегодня на 10:30. Всё верно?"
    )
    assert window == "Мы подойдём к Вам в течение часа с 10:30 до 11:30"
    tomorrow = context(standard, brand, local, VisitKind.SERVICE, "2026-11-25T18:30", planned="2026-11-26T10:00")
    call = render_script(stage_script(standard, VisitKind.SERVICE, "precall", "precall_with_time"), tomorrow, standard)
    assert "Вы оставляли заявку на завтра на 10 часов. Всё верно?" in call
    window = render_script(stage_script(standard, VisitKind.SERVICE, "precall", "arrival_window"), tomorrow, standard)
    assert window.endswith("с 10 до 11")


def test_missing_value_is_an_error_that_names_it(standard, brand, local) -> None:
    ctx = context(standard, brand, local, VisitKind.SERVICE, "2026-11-26T09:30", exact=False)
    script = stage_script(standard, VisitKind.SERVICE, "precall", "precall_with_time")
    with pytest.raises(ScriptValueMissing, match="точное плановое время визита") as caught:
        render_script(script, ctx, standard)
    assert caught.value.placeholder == "planned_at"
    # without an exact time the subscriber is reminded of the request by its number, not by a date
    without_time = stage_script(standard, VisitKind.SERVICE, "precall", "precall_without_time")
    with pytest.raises(ScriptValueMissing, match="номер заявки"):
        render_script(without_time, ctx, standard)
    numbered = ScriptContext(
        ctx.brand, ctx.kind, ctx.at, ctx.subscriber, ctx.technician, ctx.plan, request_number="26-11-07"
    )
    assert "Вы оставляли сервисную заявку 26-11-07. Всё верно?" in render_script(without_time, numbered, standard)


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


def test_times_as_a_person_says_them(local) -> None:
    today = local("2026-11-26T08:00").date()
    assert at_time(local("2026-11-26T14:30")) == "на 14:30", "never «на 14:30 часов»"
    assert at_time(local("2026-11-26T14:00")) == "на 14 часов"
    assert clock(local("2026-11-26T21:00")) == "21 час"
    assert clock(local("2026-11-26T22:00")) == "22 часа"
    assert clock(local("2026-11-26T11:00")) == "11 часов"
    assert clock(local("2026-11-26T09:05")) == "9:05"
    assert by_time(local("2026-11-26T11:30"), today) == "к 11:30 сегодня"
    assert by_time(local("2026-11-27T09:00"), today) == "к 9 часам завтра"
    assert by_time(local("2026-11-26T21:00"), today) == "к 21 часу сегодня"
    assert on_day(local("2026-11-26T10:00"), today) == "на сегодня"
    assert on_day(local("2026-12-02T10:00"), today) == "на 2 декабря"
    assert day_name(local("2027-01-05T10:00").date(), today) == "5 января 2027 года"


def test_every_shipped_script_renders_for_a_full_visit(standard, brand, local) -> None:
    for kind in VisitKind:
        ctx = context(standard, brand, local, kind, "2026-11-26T12:00")
        ctx = ScriptContext(
            ctx.brand, ctx.kind, ctx.at, ctx.subscriber, ctx.technician, ctx.plan, "26-11-07", ctx.plan.start
        )
        definition = standard.kind(kind)
        scripts = [s for stage in definition.stages for s in stage.scripts]
        scripts += [s for branch in definition.branches for s in branch.scripts]
        for script in scripts:
            text = render_script(script, ctx, standard)
            assert "{" not in text and text.strip()
