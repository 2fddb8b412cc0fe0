"""The checklist built from kind and services, answers, conditions, progress and blockers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldact.standard import Service, VisitKind
from fieldact.text import InputError
from fieldact.visit import ItemState, Plan, Visit, subscriber_from_name, technician_from_name
from fieldact.visit.evidence import (
    Apps,
    CableLabels,
    CableRoute,
    Channels,
    DebrisRemoved,
    HolesFilled,
    Note,
    PhoneNumber,
    Speed,
    Tariff,
    TestCall,
)


def make_visit(standard, brand, local, kind=VisitKind.CONNECTION, services=(Service.TV, Service.INTERNET)):
    return Visit(
        standard,
        brand,
        kind,
        frozenset(services),
        subscriber_from_name("Иванов Иван Петрович", contract="590000000001"),
        technician_from_name("Петров Пётр"),
        Plan(local("2026-11-26T14:00")),
    )


EVIDENCE = {
    "demonstration.tv_channels": Channels(("Первый", "Россия 1")),
    "demonstration.internet_session_tariff": Tariff("Интернет 100"),
    "demonstration.internet_multimedia_apps": Apps(("Shareman", "Peers")),
    "demonstration.internet_speed": Speed(Decimal("94.2"), Decimal("91.0")),
    "demonstration.phone_test_call": TestCall(True, True),
    "demonstration.phone_bind_number": PhoneNumber("3422195195"),
    "demonstration.cable_labels": CableLabels(2),
    "installation.route_agreed": CableRoute("по площадке в кабель-канале, в квартире по плинтусу"),
    "installation.debris_removed": DebrisRemoved(True),
    "installation.holes_filled": HolesFilled(1),
    "diagnostics.listen_clarify": Note("нет сигнала на ТВ"),
    "diagnostics.diagnose": Note("окислен разъём"),
    "diagnostics.fix": Note("переобжат разъём"),
    "diagnostics.debris_removed": DebrisRemoved(True),
    "check.tv_channels": Channels(("Первый", "НТВ")),
    "check.internet_speed": Speed(Decimal("50"), Decimal("50")),
    "check.phone_test_call": TestCall(True, True),
}


def complete(visit: Visit, up_to_stage: int = 6) -> None:
    for entry in visit.checklist.entries:
        if entry.stage.number <= up_to_stage and visit.checklist.is_shown(entry):
            if entry.item.photos:
                visit.checklist.photos[entry.key] = entry.item.photos.min
            visit.checklist.mark_done(entry.key, EVIDENCE.get(entry.key))


def test_items_follow_the_services(standard, brand, local) -> None:
    tv_only = make_visit(standard, brand, local, services=(Service.TV,))
    keys = {entry.key for entry in tv_only.checklist.entries}
    assert "demonstration.tv_channels" in keys and "demonstration.cable_labels" in keys
    assert not any("internet" in key or "phone" in key for key in keys)
    everything = make_visit(standard, brand, local, services=tuple(Service))
    assert len(everything.checklist.entries) > len(tv_only.checklist.entries)


def test_service_visit_has_its_own_stages(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local, VisitKind.SERVICE, (Service.INTERNET,))
    assert [stage.key for stage in visit.stages] == [
        "precall",
        "greeting",
        "diagnostics",
        "check",
        "documents",
        "closing",
    ]
    assert "check.internet_speed" in {entry.key for entry in visit.checklist.entries}


def test_no_services_is_refused(standard, brand, local) -> None:
    with pytest.raises(InputError, match="хотя бы одну услугу"):
        make_visit(standard, brand, local, services=())


def test_complete_visit_has_no_blockers(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local, services=tuple(Service))
    assert visit.signing_blockers()
    complete(visit, up_to_stage=5)
    assert visit.signing_blockers() == []
    assert visit.closing_blockers(), "the closing stage comes after signing and is still open"
    complete(visit)
    assert visit.closing_blockers() == []


def test_blockers_say_what_and_where_in_stage_order(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local, services=(Service.PHONE,))
    complete(visit, up_to_stage=5)
    visit.checklist.reset("demonstration.phone_test_call")
    visit.checklist.reset("contact.greet_first")
    sentences = [b.sentence for b in visit.signing_blockers()]
    assert sentences == [
        "Этап 2 «Установление контакта»: не отмечено «Первым поприветствовать Абонента "
        "в зависимости от времени суток».",
        "Этап 4 «Демонстрация возможностей»: не отмечено «Произвести тестовый звонок, проверив входящую и "
        "исходящую телефонную связь».",
    ]
    assert visit.signing_blockers()[1].entry.key == "demonstration.phone_test_call"


def test_conditional_items_never_block_while_hidden(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local, services=(Service.INTERNET, Service.PHONE))
    complete(visit, up_to_stage=5)
    hidden = {"demonstration.internet_speed", "demonstration.phone_bind_number"}
    assert not hidden & {e.key for e in visit.checklist.in_stage("demonstration")}
    assert visit.signing_blockers() == []
    visit.checklist.set_condition("phone_adapter", True)
    assert [b.entry.key for b in visit.signing_blockers()] == ["demonstration.phone_bind_number"]
    visit.checklist.mark_done("demonstration.phone_bind_number", PhoneNumber("3422195195"))
    assert visit.signing_blockers() == []
    visit.checklist.set_condition("speed_requested", True)
    assert [b.entry.key for b in visit.signing_blockers()] == ["demonstration.internet_speed"]


def test_optional_items_never_block(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local)
    complete(visit, up_to_stage=5)
    visit.checklist.reset("documents.bso_filled")
    assert visit.signing_blockers() == []


def test_not_applicable_needs_a_reason(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local)
    with pytest.raises(InputError, match="Укажите причину"):
        visit.checklist.mark_not_applicable("installation.holes_filled", "  ")
    answer = visit.checklist.mark_not_applicable("installation.holes_filled", "кабель проложен по старой трассе")
    assert answer.state is ItemState.NOT_APPLICABLE and answer.reason == "кабель проложен по старой трассе"
    assert "installation.holes_filled" not in {b.entry.key for b in visit.signing_blockers() if b.entry}


@pytest.mark.parametrize(
    ("key", "evidence", "message"),
    [
        ("demonstration.tv_channels", Channels(("Первый",)), "не меньше 2"),
        ("demonstration.phone_test_call", TestCall(True, False), "исходящий звонок"),
        ("demonstration.phone_test_call", TestCall(False, False), "входящий и исходящий"),
        ("demonstration.cable_labels", CableLabels(0), "хотя бы одну бирку"),
        ("installation.route_agreed", CableRoute(" "), "Заполните поле"),
        ("installation.debris_removed", DebrisRemoved(False), "уберите мусор"),
        ("demonstration.internet_multimedia_apps", Apps(("Skype",)), "Неизвестное приложение"),
        ("demonstration.internet_multimedia_apps", Apps(()), "Отметьте"),
        ("demonstration.tv_channels", CableLabels(2), "другие данные"),
        ("demonstration.cable_labels", None, "другие данные"),
    ],
)
def test_evidence_must_prove_the_item(standard, brand, local, key, evidence, message) -> None:
    visit = make_visit(standard, brand, local, services=tuple(Service))
    with pytest.raises(InputError, match=message):
        visit.checklist.mark_done(key, evidence)
    assert visit.checklist.answer(key).state is ItemState.PENDING


def test_progress_per_stage(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local, services=(Service.TV,))
    assert visit.checklist.progress("contact") == (0, 4)
    visit.checklist.mark_done("contact.greet_first")
    visit.checklist.mark_failed("contact.outerwear_shoes", "Абонент настоял, бахил не было")
    assert visit.checklist.progress("contact") == (2, 4)
    done, total = visit.checklist.progress()
    assert (done, total) == (2, sum(1 for e in visit.checklist.entries if visit.checklist.is_required(e)))


def test_failed_repair_needs_the_cannot_fix_branch(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local, VisitKind.SERVICE, (Service.INTERNET,))
    complete(visit, up_to_stage=5)
    visit.checklist.mark_failed("diagnostics.fix", "неисправна сетевая карта компьютера Абонента")
    assert [b.sentence for b in visit.signing_blockers()] == [
        "Этап 3 «Диагностика и решение вопроса»: пункт не выполнен — пройдите «Устранить на месте невозможно» "
        "и запишите, чем закончилось."
    ]
    with pytest.raises(InputError, match="чем закончилось"):
        visit.take_branch("cannot_fix", local("2026-11-26T15:00"), outcome="maybe", details="подробно")
    record = visit.take_branch(
        "cannot_fix", local("2026-11-26T15:00"), outcome="refused_terminate", details="готов расторгнуть договор"
    )
    # «менеджер по качеству НТП» of the standard: not the quality manager who takes reschedules
    assert record.called is not None and record.called.role == "Менеджер по качеству НТП"
    assert record.called != brand.quality_manager and record.called.phone
    assert visit.signing_blockers() == []


def test_another_time_branch_names_whom_to_call(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local, VisitKind.SERVICE, (Service.TV,))
    with pytest.raises(InputError, match="время, которое просит Абонент"):
        visit.take_branch("another_time", local("2026-11-26T10:00"))
    weekday = visit.take_branch("another_time", local("2026-11-26T10:00"), requested_time=local("2026-11-27T19:00"))
    weekend = visit.take_branch("another_time", local("2026-11-28T10:00"), requested_time=local("2026-11-29T12:00"))
    assert weekday.called.role == "Ведущий специалист по качеству"
    assert weekend.called.role == "Менеджер по качеству"


def test_stage_navigation(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local)
    assert visit.stage.key == "precall"
    assert visit.next_stage().key == "contact"
    assert visit.go_to("closing").number == 6
    assert visit.next_stage().key == "closing", "the last stage stays the last"
    scripts = {s.key for s in visit.scripts(visit.go_to("demonstration"))}
    assert scripts == {"infochannel", "multimedia", "agent_app", "autopay"}
    tv_visit = make_visit(standard, brand, local, services=(Service.TV,))
    assert {s.key for s in tv_visit.scripts(tv_visit.go_to("demonstration"))} == {"infochannel"}


def test_restore_drops_unknown_items(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local, services=(Service.TV,))
    done = visit.checklist.mark_done("contact.greet_first")
    visit.checklist.restore({"contact.greet_first": done, "demonstration.phone_test_call": done}, {"x": True})
    assert set(visit.checklist.answers) == {"contact.greet_first"}


def test_an_item_needing_a_photo_is_not_done_without_it(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local)
    labels = "demonstration.cable_labels"
    with pytest.raises(InputError, match="сфотографируйте «Наклеить бирки.*не хватает фото: 1"):
        visit.checklist.mark_done(labels, CableLabels(2))
    visit.checklist.photos[labels] = 1
    assert visit.checklist.mark_done(labels, CableLabels(2)).state is ItemState.DONE
    visit.checklist.photos[labels] = 0  # the photo was removed afterwards
    assert any("не хватает фото: 1" in b.sentence for b in visit.checklist.blockers())


def test_optional_photos_and_zero_holes_need_none(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local)
    visit.checklist.mark_done("installation.route_agreed", CableRoute("по плинтусу"))
    visit.checklist.mark_done("installation.holes_filled", HolesFilled(0))
    with pytest.raises(InputError, match="не хватает фото: 1"):
        visit.checklist.mark_done("installation.holes_filled", HolesFilled(1))


def test_pending_items_that_need_photos_say_so(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local)
    sentences = {b.entry.key: b.sentence for b in visit.signing_blockers() if b.entry}
    assert sentences["installation.debris_removed"].endswith("и нет фото.")
    assert sentences["installation.holes_filled"].endswith("».")  # no holes may have been drilled
    assert sentences["contact.greet_first"].endswith("».")


def test_photo_count_is_capped_by_the_rule(standard, brand, local) -> None:
    visit = make_visit(standard, brand, local)
    visit.checklist.check_photo("installation.route_agreed", 3)
    with pytest.raises(InputError, match="уже 4 фото"):
        visit.checklist.check_photo("installation.route_agreed", 4)
    with pytest.raises(InputError, match="фото не прикладывают"):
        visit.checklist.check_photo("contact.greet_first", 0)
