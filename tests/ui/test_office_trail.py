"""The audit trail in the office's words: every action the app records reads as a Russian sentence."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from fieldact.office.trail import trail_names
from fieldact.store.tables import AuditEvent
from fieldact.ui.office_trail import AuditTrail, actor_name, sentence
from fieldact.visit.payment import format_rubles

from .audit import Bars, english_words

AT = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def event(action: str, **details: object) -> AuditEvent:
    return AuditEvent(at=AT, actor="Петров Пётр", action=action, visit_id="v", details=json.dumps(details))


EVENTS = [
    event("visit_created", kind="connection"),
    event("order_received", request="2511-09AB"),
    event("order_changed", request="2511-09AB"),
    event("precall"),
    event("precall_missed", at="2026-11-25T14:45:00+05:00", attempt=2),
    event("expected_arrival", at="2026-11-25T15:30:00+05:00"),
    event("arrived"),
    event("answer", item="contact.greet_first", state="done"),
    event("answer", item="contact.outerwear_shoes", state="not_applicable", reason="Абонент попросил не разуваться"),
    event("answer", item="contact.greet_first", state="pending"),
    event("condition", condition="speed_requested", value=True),
    event("stage", stage_index=2, completed="contact"),
    event("stage", stage_index=3, completed=None),
    event("material", name="Кабель UTP 5e", quantity="12.5"),
    event("material_removed", name="Кабель UTP 5e"),
    event("payment", total=150000, received=200000),
    event("payment", total=None, received=None),
    event("status", status="rescheduled", reason="Абонента не будет дома"),
    event("act_signed", act="a", number="20261125-C133B0", version=1, pdf_sha256="ab"),
    event("act_refused", act="a", number="20261125-C133B0", version=2, pdf_sha256="ab"),
    event("correction_started", act="a", corrects="b"),
    event("closing", item="closing.thank", state="done", reason=""),
    event("standard_kept", precall_on_time=True),
]


def test_every_recorded_action_is_a_russian_sentence(qapp, standard) -> None:
    names = trail_names(standard, EVENTS, [])
    sentences = [sentence(e.action, json.loads(e.details), names) for e in EVENTS]
    for text in sentences:
        assert english_words(text, Bars()) == [], text
        assert "_" not in text and "state" not in text, text
    assert sentences[0] == "Визит создан: подключение"
    assert sentences[7] == "«Первым поприветствовать Абонента в зависимости от времени суток»: выполнено"
    assert sentences[8].endswith("не требуется. Причина: Абонент попросил не разуваться")
    assert sentences[15] == f"Оплата: к оплате {format_rubles(150000)}, получено {format_rubles(200000)}"
    assert sentences[18] == "Абонент подписал акт 20261125-C133B0 в.1"
    assert actor_name("system") == "приложение" and actor_name("Петров Пётр") == "Петров Пётр"


def test_the_signed_acts_words_win_and_unknown_keys_stay_readable(qapp, standard) -> None:
    signed = [{"key": "contact.greet_first", "text": "Поприветствовать первым (как в акте)"}]
    names = trail_names(standard, EVENTS, signed)
    assert sentence("answer", {"item": "contact.greet_first", "state": "done"}, names).startswith(
        "«Поприветствовать первым (как в акте)»"
    )
    assert sentence("answer", {"item": "old.item", "state": "failed"}, names) == "«old.item»: не выполнено"
    assert sentence("new_action", {"a": 1}, names) == "new action (a: 1)"


def test_the_trail_widget_shows_local_time_and_sentences(qapp, qtbot, standard, zone) -> None:
    trail = AuditTrail(zone)
    qtbot.addWidget(trail)
    naive = AuditEvent(at=AT.replace(tzinfo=None), actor="system", action="arrived", visit_id="v", details="{}")
    trail.show_events([EVENTS[0], naive], trail_names(standard, EVENTS, []))
    assert trail.item(0, 0).text() == "25.11 15:00:00"  # Perm is UTC+5; SQLite's naive moments are UTC
    assert trail.item(1, 0).text() == "25.11 15:00:00" and trail.item(1, 1).text() == "приложение"
    assert trail.sentences() == ["Визит создан: подключение", "Техник на месте"]
