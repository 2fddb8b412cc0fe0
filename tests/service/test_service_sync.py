"""The central service end to end: a real uvicorn with TLS in a subprocess, a real PostgreSQL, the tablet's
client. Enrolment, pull, push, a retry after a lost answer, revocation, a forged act, another technician's data,
and the registry's hash chain."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from fieldact.service import devices, registry
from fieldact.service.client import ServiceClient, ServiceError, enrol_tablet, enrolled_client, sync_via_service
from fieldact.service.exchange import PAYLOAD_KEYS
from fieldact.standard import Brand
from fieldact.store.central import central_engine
from fieldact.store.orders import import_orders
from fieldact.store.repository import Store
from fieldact.store.signing import sign_demo_visit
from fieldact.store.sync import VisitPayload, device_id, read_payload

from .conftest import Central, service_login
from .server import RunningService

pytest.importorskip("uvicorn")


def load_orders(central: Central, folder: Path, brand: Brand, lines: list[str]) -> None:
    from pg import orders_file

    admin = central.database()
    try:
        import_orders(admin, orders_file(folder, lines, f"orders-{len(list(folder.glob('orders-*')))}.csv"), brand)
    finally:
        admin.dispose()


def day_of(brand: Brand, count: int, technician: str, prefix: str) -> list[str]:
    from pg import order_line, today_at

    return [order_line(f"{prefix}-{n}", technician, start=today_at(brand, 8 + n % 12)) for n in range(count)]


def enrolled(
    central: Central, service: RunningService, tablet: Store, technician: str = "7001", url: str = ""
) -> ServiceClient:
    """The tablet enrolled for ``technician`` with the service at ``url`` (default: the service itself)."""
    admin = central.database()
    try:
        code = devices.new_enrolment(admin, technician, "office")
    finally:
        admin.dispose()
    assert enrol_tablet(tablet.database, url or service.url, code, service.tls_ca) == technician
    client = enrolled_client(tablet.database)
    assert client is not None
    return client


def payload_of(tablet: Store, visit_id: str) -> VisitPayload:
    with tablet.database.engine.connect() as reader:
        return read_payload(reader, visit_id, device_id(tablet.database))


def wire_of(payload: VisitPayload) -> dict[str, Any]:
    """A visit as a push carries it."""
    return {key: getattr(payload, key) for key in PAYLOAD_KEYS}


def setup_two(central: Central, tmp_path: Path, brand: Brand) -> None:
    from pg import Central as _  # noqa: F401

    admin = central.database()
    try:
        from fieldact.store.central import save_technician

        save_technician(admin, "7001", "Петров", "Пётр", "1234")
        save_technician(admin, "7002", "Смирнова", "Анна", "5678")
    finally:
        admin.dispose()
    load_orders(central, tmp_path, brand, day_of(brand, 3, "7001", "R") + day_of(brand, 2, "7002", "S"))


def planned(tablet: Store) -> list[str]:
    with tablet.database.engine.connect() as connection:
        return [row[0] for row in connection.execute(text("SELECT id FROM visit ORDER BY planned_start"))]


def sign_some(tablet: Store, visit_ids: list[str]) -> None:
    for visit_id in visit_ids:
        sign_demo_visit(tablet, visit_id, datetime.now(UTC) - timedelta(minutes=5))


def one_signed_visit(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> tuple[ServiceClient, str]:
    """Two technicians' orders centrally; this tablet enrolled, its day pulled and its first visit signed."""
    setup_two(central, tmp_path, brand)
    client = enrolled(central, service, tablet)
    sync_via_service(tablet.database, client)
    visit_id = planned(tablet)[0]
    sign_some(tablet, [visit_id])
    return client, visit_id


def execute(central: Central, statement: str) -> None:
    from pg import _plain

    with psycopg.connect(_plain(central.admin_url)) as connection:
        connection.execute(statement)


def count(central: Central, table: str) -> int:
    return int(central.query(f"SELECT count(*) FROM {table}")[0][0])


def test_enrol_pull_push_retry_and_registry(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    setup_two(central, tmp_path, brand)
    client = enrolled(central, service, tablet)

    report = sync_via_service(tablet.database, client)
    assert report.error == "" and report.pull.added == 3, report.lines()
    visits = planned(tablet)
    assert len(visits) == 3  # 7002's two orders never reach this tablet

    again = sync_via_service(tablet.database, client)  # unchanged orders: 304, nothing applied
    assert again.error == "" and again.pull.added == 0

    sign_some(tablet, visits[:2])
    pushed = sync_via_service(tablet.database, client)
    assert pushed.error == "" and pushed.push.pushed == 2 and pushed.push.waiting == 0, pushed.lines()
    assert count(central, "act") == 2 and count(central, "registry") == 2
    with tablet.database.engine.connect() as connection:
        receipts = connection.execute(text("SELECT act_id, seq, entry_hash FROM act_receipt ORDER BY seq")).all()
        local_pdfs = dict(connection.execute(text("SELECT id, pdf FROM act")).all())
    assert [row.seq for row in receipts] == [1, 2]
    central_pdfs = {row[0]: bytes(row[1]) for row in central.query("SELECT id, pdf FROM act")}
    assert central_pdfs == local_pdfs

    # The server committed but its answer was lost: the tablet sends the same visits again; nothing is added.
    before = {table: count(central, table) for table in ("visit", "answer", "act", "audit_event", "registry")}
    with tablet.database.engine.begin() as connection:
        connection.execute(text("UPDATE outbox SET confirmed_at = NULL"))
    retried = sync_via_service(tablet.database, client)
    assert retried.error == "" and retried.push.pushed == 0 and retried.push.already_there == 2
    assert {table: count(central, table) for table in before} == before

    with central.database().engine.connect() as connection:
        chain = registry.check_chain(connection)
    assert chain.ok and chain.entries == 2
    log = service.access_log()
    assert ('"path": "/v1/push"' in log or '"path": "/v1/uploads/' in log) and '"status": 200' in log
    client.close()


def test_a_lost_answer_adds_nothing(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    client, visit_id = one_signed_visit(central, service, tablet, tmp_path, brand)
    payload = payload_of(tablet, visit_id)
    wire_visit = wire_of(payload)
    status, _, answer = client.request("POST", "/v1/push", {"visits": [wire_visit]})  # the answer is "lost"
    assert status == 200 and answer["results"][0]["status"] == "stored"
    counts = {
        table: count(central, table) for table in ("visit", "answer", "act", "registry", "material_use", "audit_event")
    }
    report = sync_via_service(tablet.database, client)
    assert report.push.already_there == 1 and report.push.pushed == 0, report.lines()
    assert {table: count(central, table) for table in counts} == counts
    with tablet.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM act_receipt")).scalar() == 1


def test_a_code_works_once_and_a_revoked_device_is_stopped_at_once(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand, standard
) -> None:
    setup_two(central, tmp_path, brand)
    admin = central.database()
    try:
        code = devices.new_enrolment(admin, "7001", "office")
    finally:
        admin.dispose()
    enrol_tablet(tablet.database, service.url, code, service.tls_ca)
    from fieldact.store.db import open_database

    other = Store(open_database(tmp_path / "other.db"), standard, brand)
    with pytest.raises(ServiceError, match="использован|used"):
        enrol_tablet(other.database, service.url, code, service.tls_ca)
    other.database.dispose()

    client = enrolled_client(tablet.database)
    assert client is not None
    assert sync_via_service(tablet.database, client).error == ""
    device_id = central.query("SELECT id FROM device")[0][0]
    admin = central.database()
    try:
        devices.revoke_device(admin, device_id, "office", "планшет утерян")
    finally:
        admin.dispose()
    refused = sync_via_service(tablet.database, client)
    assert "отозвано" in refused.error and not refused.offline
    assert central.query("SELECT action FROM audit_event WHERE action = 'device_revoked'") == [("device_revoked",)]
    # One revocation stops the device and withdraws its sealing certificate: its later acts fail verify.
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    (pem,) = central.query("SELECT certificate FROM device")[0]
    der = x509.load_pem_x509_certificate(pem.encode("ascii")).public_bytes(Encoding.DER)
    assert central.query("SELECT certificate_sha256, device FROM revoked_device") == [
        (hashlib.sha256(der).hexdigest(), device_id)
    ]


def test_a_forged_act_is_refused_and_kept_aside(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    client, visit_id = one_signed_visit(central, service, tablet, tmp_path, brand)
    payload = payload_of(tablet, visit_id)
    act = payload.acts[0]
    forged = act["pdf"].replace(b"/MediaBox [0 0 595.28", b"/MediaBox [0 0 595.29", 1)
    assert forged != act["pdf"]
    import hashlib

    act["pdf"], act["pdf_sha256"] = forged, hashlib.sha256(forged).hexdigest()  # consistent hashes, altered bytes
    wire_visit = wire_of(payload)
    _, _, answer = client.request("POST", "/v1/push", {"visits": [wire_visit]})
    result = answer["results"][0]
    assert result["refused"] and result["receipts"] == []
    assert count(central, "act") == 0 and count(central, "registry") == 0
    kept = central.query("SELECT act_id, reason, length(pdf) FROM act_refused")
    assert kept[0][0] == act["id"] and kept[0][1] and kept[0][2] == len(forged)
    assert central.query("SELECT kind FROM office_notice WHERE kind = 'act_refused'") == [("act_refused",)]


def test_a_photo_swapped_in_the_visits_rows_is_refused(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    from fieldact.hashing import sha256_hex
    from fieldact.photo.sample import sample_photo

    client, visit_id = one_signed_visit(central, service, tablet, tmp_path, brand)
    payload = payload_of(tablet, visit_id)
    photos = payload.children["photo"]
    assert photos, "the standard asks for photos on every visit kind"
    other = sample_photo("X-1", "подмена", datetime.now(UTC), index=3).jpeg
    photos[0]["jpeg"], photos[0]["sha256"] = other, sha256_hex(other)  # a consistent row, not the photo signed
    wire_visit = wire_of(payload)
    _, _, answer = client.request("POST", "/v1/push", {"visits": [wire_visit]})
    result = answer["results"][0]
    assert result["refused"] and result["receipts"] == []
    assert count(central, "act") == 0 and count(central, "registry") == 0
    (reason,) = central.query("SELECT reason FROM act_refused")[0]
    assert "photos" in reason or "фото" in reason


def test_a_visit_with_malformed_or_short_rows_gets_a_sentence_and_nothing_is_stored(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    client, visit_id = one_signed_visit(central, service, tablet, tmp_path, brand)
    payload = payload_of(tablet, visit_id)
    answers = payload.children["answer"]
    assert len(answers) > 1
    malformed = wire_of(payload) | {"children": {"answer": ["not a row"]}}
    short = wire_of(payload)
    short["children"] = dict(payload.children, answer=[answers[0], {"item_key": "x", "extra": 1}])
    # a value too long for its column is refused, never cut short, and a value its column's type cannot take is
    # refused in words (it used to end as a server error)
    too_long = wire_of(payload)
    too_long["children"] = dict(payload.children, answer=[answers[0] | {"item_key": "k" * 141}, *answers[1:]])
    wrong_type = wire_of(payload)
    wrong_type["children"] = dict(payload.children, stage_event=[{"stage_key": "x", "completed_at": "вчера"}])
    _, _, answer = client.request("POST", "/v1/push", {"visits": [malformed, short, too_long, wrong_type]})
    first, *refused, unfit = answer["results"]
    assert first["status"] == "failed" and "не полностью" in first["message"]
    for result in refused:
        assert result["status"] == "failed" and "центральная база не приняла визит" in result["message"], result
    assert unfit["status"] == "failed" and "stage_event значение completed_at не того вида" in unfit["message"]
    assert count(central, "answer") == 0 and count(central, "act") == 0
    _, _, answer = client.request("POST", "/v1/push", {"visits": [wire_of(payload)]})
    assert answer["results"][0]["status"] == "stored"
    stored = central.query("SELECT item_key, state, evidence, reason, answered_at FROM answer ORDER BY item_key")
    sent = sorted((a["item_key"], a["state"], a["evidence"], a["reason"], a["answered_at"]) for a in answers)
    assert [tuple(row) for row in stored] == sent


def test_another_technicians_data_is_out_of_reach(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    client, visit_id = one_signed_visit(central, service, tablet, tmp_path, brand)
    payload = payload_of(tablet, visit_id)
    payload.visit["technician_id"] = "7002"
    wire_visit = wire_of(payload)
    _, _, answer = client.request("POST", "/v1/push", {"visits": [wire_visit]})
    assert answer["results"][0]["status"] == "failed"
    # Asking with another path or a forged device header gets nothing either.
    forged = ServiceClient(service.url, client.identity, service.tls_ca)
    assert forged.identity is not None
    stranger = type(forged.identity)("00000000-0000-4000-8000-000000000000", forged.identity.key)
    with pytest.raises(ServiceError):
        ServiceClient(service.url, stranger, service.tls_ca).request("GET", "/v1/orders")
    # The second wall: the service's own login, as technician 7001, sees only his subscribers; as nobody, none.
    engine = central_engine(service_login(central))
    with engine.begin() as connection:
        connection.execute(text("SELECT set_config('fieldact.technician', '7001', true)"))
        mine = connection.execute(text("SELECT count(*) FROM subscriber")).scalar()
        visits = connection.execute(text("SELECT DISTINCT technician_id FROM visit")).scalars().all()
    with engine.begin() as connection:
        nobody = connection.execute(text("SELECT count(*) FROM subscriber")).scalar()
    engine.dispose()
    assert mine == 3 and visits == ["7001"] and nobody == 0
    assert count(central, "subscriber") == 5


def test_the_registry_chain_finds_a_changed_or_removed_entry(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    setup_two(central, tmp_path, brand)
    client = enrolled(central, service, tablet)
    sync_via_service(tablet.database, client)
    sign_some(tablet, planned(tablet))
    assert sync_via_service(tablet.database, client).push.pushed == 3
    with pytest.raises(psycopg.Error, match="append-only"):
        execute(central, "UPDATE registry SET number = 'X' WHERE seq = 2")
    execute(central, "ALTER TABLE registry DISABLE TRIGGER registry_append_only")
    execute(central, "UPDATE registry SET number = 'X' WHERE seq = 2")
    with central.database().engine.connect() as connection:
        changed = registry.check_chain(connection)
    assert not changed.ok and any("2" in problem for problem in changed.problems)
    execute(central, "UPDATE registry SET number = (SELECT number FROM act WHERE act.id = registry.act_id)")
    with central.database().engine.connect() as connection:
        assert registry.check_chain(connection).ok  # put back as it was: whole again
    execute(central, "DELETE FROM registry WHERE seq = 2")
    with central.database().engine.connect() as connection:
        removed = registry.check_chain(connection)
    assert not removed.ok and any("отсутствует" in problem or "missing" in problem for problem in removed.problems)


def test_retries_run_on_the_servers_clock_and_a_wrong_tablet_clock_is_told(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand, monkeypatch
) -> None:
    import fieldact.service.client as client_module

    client, visit_id = one_signed_visit(central, service, tablet, tmp_path, brand)
    # A retry planned ten minutes ago on the server's clock is due now, whatever the tablet's clock says.
    with tablet.database.engine.begin() as connection:
        connection.execute(
            text("UPDATE outbox SET attempts = 1, next_attempt_at = :at WHERE visit_id = :v"),
            {"at": datetime.now(UTC) - timedelta(minutes=10), "v": visit_id},
        )
    behind = timedelta(hours=1)
    monkeypatch.setattr(client_module, "now_utc", lambda: datetime.now(UTC) - behind)
    report = sync_via_service(tablet.database, client)
    assert report.error is None or report.error == "", report.error
    assert report.push.pushed == 1, "due on the server's clock: pushed though the tablet's clock is an hour behind"
    assert count(central, "act") == 1
    skew = report.pull.clock_skew
    assert skew is not None and abs(skew + behind) < timedelta(seconds=5), skew
    assert report.clock_off, "the day screen tells the technician his clock is an hour slow"


def test_a_visit_the_service_refuses_waits_and_the_report_says_when_it_is_tried_again(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand, monkeypatch
) -> None:
    import fieldact.service.client as client_module

    client, visit_id = one_signed_visit(central, service, tablet, tmp_path, brand)
    real_read = client_module.read_payload

    def another_technicians(reader, wanted, device):  # type: ignore[no-untyped-def]
        payload = real_read(reader, wanted, device)
        payload.visit["technician_id"] = "7002"  # the service stores nothing of it: the visit fails
        return payload

    monkeypatch.setattr(client_module, "read_payload", another_technicians)
    report = sync_via_service(tablet.database, client)
    assert report.push.pushed == 0 and [failed for failed, _ in report.push.failed] == [visit_id]
    assert report.push.waiting == 1
    when = report.push.next_attempt_in
    assert when is not None and timedelta(0) < when <= timedelta(minutes=5), when
    assert any("следующая попытка через" in line or "the next try is in" in line for line in report.warnings())
    assert count(central, "act") == 0
