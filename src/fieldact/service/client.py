"""The tablet's side of the service: enrolment, then sync over HTTPS with signed requests.

Pull is one request (``If-None-Match`` with the last ETag); push sends the outbox in batches, one gzip request
each, reading every visit with ``store/sync.py``'s ``read_payload`` and marking it with the same outbox rules.
The registry entry of each accepted act comes back and is kept in ``act_receipt``.
"""

from __future__ import annotations

import http.client
import json
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import insert, select, text

from fieldact.hashing import sha256_hex
from fieldact.service import keys, wire
from fieldact.service.device import DeviceIdentity, certificate_request, key_pem, load_key, new_key, public_pem
from fieldact.store import tables
from fieldact.store.db import Database
from fieldact.store.sync import (
    OUTBOX,
    Delivered,
    PushReport,
    ServerTime,
    SyncLoop,
    SyncReport,
    _confirmed,
    _due,
    _failed,
    _remember,
    apply_pull,
    device_id,
    next_attempt_in,
    now_utc,
    office_notices,
    office_told,
    read_payload,
    sync_status,
)
from fieldact.text import say
from fieldact.visit.clock import SYSTEM_CLOCK

TIMEOUT_S = 60.0
BATCH_VISITS = 20
BATCH_BYTES = 8 * 1024 * 1024
RESUMABLE_FROM = 512 * 1024  # a push body larger than this survives a dropped link
RESUME_TRIES = 4  # drops survived within one sync; after that the next sync goes on from what arrived
RESUME_PAUSE_S = 1.0  # times the drops so far: a wait before asking how much arrived
SETTING_UPLOAD = "service.upload"  # the SHA-256 of a large push body begun and not yet answered
SETTING_URL = "service.url"
SETTING_DEVICE = "service.device_id"
SETTING_CERT = "service.certificate"
SETTING_CA = "service.ca_certificate"
SETTING_TLS_CA = "service.tls_ca_file"
SETTING_ETAG = "service.orders_etag"
RECEIPT = tables.ActReceipt.__table__  # type: ignore[attr-defined]
SETTING = tables.Setting.__table__  # type: ignore[attr-defined]


class ServiceError(Exception):
    """The service refused or could not be reached; ``offline`` when it is the network."""

    def __init__(self, message: str, offline: bool = False, code: str = "") -> None:
        super().__init__(message)
        self.offline, self.code = offline, code


def _unreachable(url: str, error: Exception) -> ServiceError:
    if isinstance(error, ssl.SSLCertVerificationError):
        return ServiceError(
            say(
                f"Сервер {url} не подтвердил, что он сервер компании: его сертификат не проверен "
                f"({error.verify_message}). Проверьте адрес; если офис дал файл сертификата сервера, укажите его.",
                f"The server {url} did not prove it is the company's: its certificate does not check out "
                f"({error.verify_message}). Check the address; if the office gave a server certificate file, "
                "give it.",
            ),
            offline=False,
        )
    return ServiceError(
        say(
            f"Сервер {url} недоступен ({error}). Всё сохранённое на планшете остаётся на месте; синхронизация "
            "повторится.",
            f"The server {url} cannot be reached ({error}). Everything on the tablet stays; sync will retry.",
        ),
        offline=True,
    )


@dataclass
class ServiceClient:
    """One keep-alive HTTPS connection to the service; requests signed by the device when it has one."""

    url: str
    identity: DeviceIdentity | None = None
    tls_ca_file: str | None = None
    timeout_s: float = TIMEOUT_S
    clock_offset_s: float = 0.0
    server_clock: ServerTime | None = None  # the server's time from its last answer, carried on the monotonic clock
    _connection: http.client.HTTPConnection | None = field(default=None, repr=False)

    def server_now(self) -> datetime:
        """Now on the server's clock: retries are planned on it, so a wrong tablet clock never parks a visit."""
        if self.server_clock is not None:
            return self.server_clock.now(SYSTEM_CLOCK)
        return now_utc() + timedelta(seconds=self.clock_offset_s)

    def _read_server_clock(self, headers: dict[str, str], sent_at: float, wall: datetime) -> None:
        """Every answer's ``Date``: the server's second, taken halfway through the round trip."""
        try:
            at = parsedate_to_datetime(headers["date"]).astimezone(UTC)
        except (KeyError, TypeError, ValueError):
            return
        middle = sent_at + (SYSTEM_CLOCK.monotonic() - sent_at) / 2
        self.server_clock = ServerTime(at, middle, wall + timedelta(seconds=middle - sent_at) - at)

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            parts = urlsplit(self.url)
            if parts.scheme == "https":
                context = ssl.create_default_context(cafile=self.tls_ca_file)
                self._connection = http.client.HTTPSConnection(
                    parts.hostname or "", parts.port or 443, timeout=self.timeout_s, context=context
                )
            else:
                self._connection = http.client.HTTPConnection(
                    parts.hostname or "", parts.port or 80, timeout=self.timeout_s
                )
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        signed: bool = True,
        *,
        gzipped: bytes | None = None,
        packed: bytes | None = None,
        octets: bytes | None = None,
        accept: tuple[int, ...] = (404,),
        sign_body: bool = True,
    ) -> tuple[int, dict[str, str], Any]:
        """``body`` as JSON, or a JSON body already made and gzipped, or one ``packed`` (wire.pack), or ``octets``
        as they are (signed over the address alone without ``sign_body``); a status of 400 and over that is not in
        ``accept`` raises ServiceError with the server's sentence."""
        extra = dict(headers or {})
        if octets is not None:
            raw = octets
            extra |= {"Content-Type": "application/octet-stream", "Content-Encoding": "identity"}
        elif packed is not None:
            raw = packed
            extra |= {"Content-Type": wire.PACKED_TYPE, "Content-Encoding": "identity"}
        else:
            raw = gzipped if gzipped is not None else wire.compress(wire.dumps(body)) if body is not None else b""
        for attempt in range(2):
            status, answer_headers, data = self._send(method, path, raw, extra, signed, sign_body)
            answer = wire.loads(data) if data and "json" in answer_headers.get("content-type", "") else None
            if status == 401 and isinstance(answer, dict) and answer.get("error") == "clock" and attempt == 0:
                self.clock_offset_s = float(answer["server_time"]) - time.time()
                continue
            break
        if status >= 400 and status not in accept:
            message = answer.get("message") if isinstance(answer, dict) else ""
            code = answer.get("error", "") if isinstance(answer, dict) else ""
            raise ServiceError(
                message or say(f"Сервер ответил {status}.", f"The server answered {status}."),
                offline=status in (502, 503, 504),
                code=code,
            )
        return status, answer_headers, answer

    def _send(
        self, method: str, path: str, raw: bytes, extra: dict[str, str], signed: bool, sign_body: bool = True
    ) -> tuple[int, dict[str, str], bytes]:
        headers = {"Accept-Encoding": "gzip", "Content-Type": "application/json"}
        headers |= ({"Content-Encoding": "gzip"} if raw else {}) | extra
        if headers.get("Content-Encoding") == "identity":
            del headers["Content-Encoding"]
        if signed and self.identity is not None:
            headers |= self.identity.headers(method, path, raw if sign_body else b"", self.clock_offset_s)
        for attempt in range(2):  # a keep-alive connection the server closed meanwhile: once more, fresh
            connection = self._connect()
            try:
                wall, sent_at = now_utc(), SYSTEM_CLOCK.monotonic()
                connection.request(method, path, body=raw or None, headers=headers)
                response = connection.getresponse()
                data = response.read()
                answer_headers = {key.lower(): value for key, value in response.getheaders()}
                self._read_server_clock(answer_headers, sent_at, wall)
                if answer_headers.get("content-encoding") == "gzip":
                    data = wire.inflate(data)
                return response.status, answer_headers, data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as error:
                self.close()
                if attempt or method == "PUT":  # a PUT's body goes on from what arrived (push_body), never again whole
                    raise _unreachable(self.url, error) from None
            except (OSError, http.client.HTTPException) as error:
                self.close()
                raise _unreachable(self.url, error) from None
        raise AssertionError("unreachable")


# --- the tablet's settings ----------------------------------------------------------------------------------------


def _get(database: Database, key: str) -> str | None:
    with database.engine.connect() as connection:
        return connection.execute(select(SETTING.c.value).where(SETTING.c.key == key)).scalar()


def _set(database: Database, key: str, value: str) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM setting WHERE key = :k"), {"k": key})
        connection.execute(insert(SETTING).values(key=key, value=value, updated_at=now_utc()))


def enrol_tablet(database: Database, url: str, code: str, tls_ca_file: str | None = None) -> str:
    """Make this tablet's key pair, send its certificate request with the office's code, keep what comes back.
    Returns the technician the device belongs to."""
    key = new_key()
    client = ServiceClient(url.rstrip("/"), tls_ca_file=tls_ca_file)
    try:
        _, _, answer = client.request(
            "POST",
            "/v1/enrol",
            {
                "code": code.strip(),
                "csr": certificate_request(key, f"tablet {device_id(database)}"),
                "public_key": public_pem(key),
            },
            signed=False,
        )
    finally:
        client.close()
    if not isinstance(answer, dict) or "device_id" not in answer:
        raise ServiceError(say("Сервер не подключил планшет.", "The server did not enrol the tablet."))
    assert database.path is not None
    keys.save_key(database.path, answer["device_id"], key_pem(key))
    _set(database, SETTING_URL, url.rstrip("/"))
    _set(database, SETTING_DEVICE, answer["device_id"])
    _set(database, SETTING_CERT, answer["certificate"])
    _set(database, SETTING_CA, answer["ca_certificate"])
    if tls_ca_file:
        _set(database, SETTING_TLS_CA, tls_ca_file)
    return str(answer["technician_id"])


def enrolled_client(database: Database) -> ServiceClient | None:
    """The client of an enrolled tablet (None when it has not been enrolled)."""
    url, device = _get(database, SETTING_URL), _get(database, SETTING_DEVICE)
    if not url or not device or database.path is None:
        return None
    pem = keys.load_key(Path(database.path))
    if pem is None:
        raise ServiceError(
            say(
                "Ключ устройства не найден: подключите планшет заново (новый код в офисе).",
                "The device key is missing: enrol the tablet again (a new code from the office).",
            )
        )
    return ServiceClient(url, DeviceIdentity(device, load_key(pem)), _get(database, SETTING_TLS_CA))


# --- sync ---------------------------------------------------------------------------------------------------------


def pull_via_service(local: Database, client: ServiceClient) -> Any:
    etag = _get(local, SETTING_ETAG)
    status, headers, answer = client.request("GET", "/v1/orders", headers={"If-None-Match": etag} if etag else None)
    from fieldact.store.sync import PullReport

    skew = client.server_clock.skew if client.server_clock is not None else None
    if status == 304:
        _remember(local, last_pull_at=now_utc())
        return PullReport(clock_skew=skew)
    report, started = apply_pull(local, answer["technician"], answer["orders"], answer.get("revoked", []))
    report.clock_skew = skew
    if started:
        notices = office_notices(answer["technician"]["id"], started)
        client.request("POST", "/v1/notices", {"notices": notices})
        office_told(local, started)
        report.office_told = len(started)
    if headers.get("etag") and not started:
        _set(local, SETTING_ETAG, headers["etag"])
    _remember(local, last_pull_at=now_utc())
    return report


def _batches(local: Database, due: list[str], device: str) -> list[list[tuple[str, dict[str, Any]]]]:
    batches: list[list[tuple[str, dict[str, Any]]]] = [[]]
    size = 0
    for visit_id in due:
        with local.engine.connect() as reader:
            payload = read_payload(reader, visit_id, device)
        as_dict = {
            key: getattr(payload, key) for key in ("visit", "contract", "subscriber", "children", "acts", "audit")
        }
        as_dict["copies"] = copy_tokens(local, [act["id"] for act in payload.acts])
        weight = sum(len(act["pdf"]) + len(act.get("ink") or b"") for act in payload.acts) + 4096
        if batches[-1] and (len(batches[-1]) >= BATCH_VISITS or size + weight > BATCH_BYTES):
            batches.append([])
            size = 0
        batches[-1].append((visit_id, as_dict))
        size += weight
    return [batch for batch in batches if batch]


def push_via_service(local: Database, client: ServiceClient, limit: int | None = None) -> PushReport:
    device = device_id(local)
    report = PushReport()
    with local.engine.connect() as reader:
        due = _due(reader, client.server_now(), limit)
    for batch in _batches(local, due, device):
        answer = push_body(local, client, wire.pack({"visits": [payload for _, payload in batch]}))
        server_now = client.server_now()
        for result in answer["results"]:
            _record(local, result, report, server_now)
    _remember(local, last_push_at=now_utc(), last_error="")
    report.waiting = sync_status(local).waiting
    report.next_attempt_in = next_attempt_in(local, client.server_now()) if report.waiting else None
    return report


def push_body(local: Database, client: ServiceClient, body: bytes) -> Any:
    """One push; its body (packed, wire.pack) in one request. A large one goes where a dropped link does not lose it:
    the service keeps what arrived, and the rest follows from there, now or at the next sync."""
    if len(body) <= RESUMABLE_FROM:
        _, _, answer = client.request("POST", "/v1/push", packed=body, accept=())
        return answer
    digest = sha256_hex(body)
    address = f"/v1/uploads/{digest}"
    start = -1 if _get(local, SETTING_UPLOAD) == digest else 0  # begun before: ask how much arrived first
    _set(local, SETTING_UPLOAD, digest)
    drops = 0
    for _ in range(2 * RESUME_TRIES + 4):  # each round moves on, or counts a drop; a server going round stops here
        try:
            if start < 0:
                _, _, where = client.request("GET", address, accept=())
                start = int(where["received"])
                continue
            rest = f"{address}?length={len(body)}&start={start}"
            status, _, answer = client.request("PUT", rest, octets=body[start:], accept=(409,), sign_body=False)
        except ServiceError as error:
            drops += 1
            if not error.offline or drops > RESUME_TRIES:
                raise  # the next sync asks how much arrived and goes on from there
            time.sleep(RESUME_PAUSE_S * drops)  # the service keeps what arrived once it sees the link gone
            start = -1
            continue
        if not isinstance(answer, dict):
            break
        if status == 409 or "results" not in answer:
            start = int(answer.get("received", -1))
            continue
        _set(local, SETTING_UPLOAD, "")
        return answer
    raise ServiceError(
        say(
            "Сервер не принял отправку целиком; синхронизация повторится.",
            "The server did not take the whole upload; sync will retry.",
        ),
        offline=True,
    )


def _record(local: Database, result: dict[str, Any], report: PushReport, server_now: datetime) -> None:
    """One visit's answer: a retry planned on the server's clock (a tablet clock once ahead never parks it), or
    the receipts kept and the visit confirmed."""
    visit_id = result["visit_id"]
    if result["status"] == "failed":
        _failed(local, visit_id, result["message"], report, server_now)
        return
    save_receipts(local, result["receipts"])
    kept = tuple(result["kept_aside"]) + tuple(result["refused"])
    _confirmed(local, visit_id, Delivered(result["status"] == "stored", kept), report, SYSTEM_CLOCK)


def save_receipts(local: Database, receipts: list[dict[str, Any]]) -> None:
    with local.engine.begin() as connection:
        for entry in receipts:
            known = connection.execute(select(RECEIPT.c.act_id).where(RECEIPT.c.act_id == entry["act_id"])).first()
            if known is None:
                connection.execute(
                    insert(RECEIPT).values(
                        act_id=entry["act_id"],
                        seq=entry["seq"],
                        entry_hash=entry["entry_hash"],
                        registered_at=datetime.fromisoformat(entry["registered_at"]).astimezone(UTC),
                        entry=json.dumps(entry, ensure_ascii=False, sort_keys=True),
                    )
                )


def sync_via_service(
    local: Database, client: ServiceClient | None = None, retention_days: int | None = None
) -> SyncReport:
    """Pull, then push, over HTTPS; then, with ``retention_days``, remove what the tablet need not carry any more
    (service/retention.py). Never raises for the network or the service: the report says."""
    report = SyncReport()
    own = client is None
    try:
        client = client or enrolled_client(local)
        if client is None:
            report.error = say(
                "Планшет не подключён к серверу: введите код подключения из офиса.",
                "The tablet is not enrolled with the server: enter the enrolment code from the office.",
            )
        else:
            report.pull = pull_via_service(local, client)
            report.push = push_via_service(local, client)
            if retention_days:
                from fieldact.service.retention import purge_expired

                purge_expired(local, retention_days)
    except ServiceError as error:
        report.error, report.offline = str(error), error.offline
    except TimeoutError as error:
        report.error, report.offline = str(_unreachable(client.url if client else "?", error)), True
    finally:
        if own and client is not None:
            client.close()
    if report.error:
        _remember(local, last_error=report.error, last_error_at=now_utc())
        report.push.waiting = sync_status(local).waiting
    return report


def unconfirmed(local: Database) -> int:
    with local.engine.connect() as connection:
        return len(connection.execute(select(OUTBOX.c.visit_id).where(OUTBOX.c.confirmed_at.is_(None))).all())


class ServiceSyncLoop(SyncLoop):
    """The app's background sync, over HTTPS to the service (every ``interval_s``, sooner on ``wake()``)."""

    def sync(self) -> SyncReport:
        from fieldact.standard import load_brand

        return sync_via_service(self.local, retention_days=load_brand().retention_days)


def is_enrolled(local: Database) -> bool:
    return bool(_get(local, SETTING_URL) and _get(local, SETTING_DEVICE))


def sync_service_with_retries(
    local: Database, attempts: int = 4, sleep: Callable[[float], object] | None = None
) -> SyncReport:
    """``sync_via_service`` again after a growing pause while the network is down, at most ``attempts`` times."""
    from fieldact.standard import load_brand
    from fieldact.store.sync import backoff

    pause, retention = sleep or time.sleep, load_brand().retention_days
    report = sync_via_service(local, retention_days=retention)
    for failure in range(1, attempts):
        if not report.offline:
            break
        pause(backoff(failure))
        report = sync_via_service(local, retention_days=retention)
    return report


def registry_verdict(url: str, pdf: bytes, tls_ca_file: str | None = None) -> tuple[bool, str]:
    """(registered, sentence) for an act's PDF, asked of the service's public registry by its SHA-256."""

    client = ServiceClient(url.rstrip("/"), tls_ca_file=tls_ca_file)
    try:
        status, _, entry = client.request("GET", f"/v1/registry/{sha256_hex(pdf)}", signed=False)
    finally:
        client.close()
    if status == 404 or not isinstance(entry, dict):
        return False, say(
            "Акта нет в реестре: он не отправлялся с планшета или это не тот файл.",
            "The act is not in the registry: it has not been synced, or this is not the file that was.",
        )
    moment = datetime.fromisoformat(entry["registered_at"]).astimezone(UTC)
    return True, say(
        f"Зарегистрирован в реестре {moment:%Y-%m-%d %H:%M:%S} UTC (запись {entry['seq']}, акт {entry['number']} "
        f"v{entry['version']}, устройство {entry['device_id']}).",
        f"Registered at {moment:%Y-%m-%d %H:%M:%S} UTC (entry {entry['seq']}, act {entry['number']} "
        f"v{entry['version']}, device {entry['device_id']}).",
    )


COPY = tables.ActCopy.__table__  # type: ignore[attr-defined]


def copy_tokens(local: Database, act_ids: list[str]) -> list[dict[str, str]]:
    """The subscriber's link tokens of these acts (the service keeps only their hashes)."""
    if not act_ids:
        return []
    with local.engine.connect() as connection:
        rows = connection.execute(select(COPY.c.act_id, COPY.c.token).where(COPY.c.act_id.in_(act_ids)))
        return [{"act_id": act_id, "token": token} for act_id, token in rows]


def copy_link(local: Database, visit_id: str, base_url: str) -> str | None:
    """The subscriber's link to his copy of the visit's newest act (None when it has no act or no token)."""
    with local.engine.connect() as connection:
        token = connection.execute(
            text(
                "SELECT c.token FROM act_copy c JOIN act a ON a.id = c.act_id WHERE a.visit_id = :v "
                "ORDER BY a.version DESC LIMIT 1"
            ),
            {"v": visit_id},
        ).scalar()
    return f"{base_url.rstrip('/')}/copy/{token}" if token else None
