"""``fieldact serve``: the ASGI app (Starlette) in front of the central PostgreSQL.

Stateless: everything lasting is in PostgreSQL, so any number of processes or hosts run it behind a load
balancer. Per process: a SQLAlchemy connection pool, a rate limit per device (a token bucket; with N processes a
device gets at most N times the rate), one JSON access-log line per request on stderr, and request size limits.

Endpoints (all JSON; request bodies gzip when they say ``Content-Encoding: gzip``):

- ``GET /health``: the process answers. ``GET /ready``: the database answers and its schema is the app's.
- ``POST /v1/enrol``: a one-time code and a certificate request in, the device certificate out.
- ``GET /v1/orders`` (signed): the technician's orders; ``If-None-Match`` with the last ETag gives 304.
- ``POST /v1/notices`` (signed): office notices the tablet found on pull.
- ``POST /v1/push`` (signed): a batch of finished visits, each stored in its own transaction.
- ``PUT /v1/uploads/{sha256}?length=N&start=K``, ``GET /v1/uploads/{sha256}`` (signed): a large push body that a
  dropped link does not lose; the tablet sends the rest from where it stopped (service/uploads.py).
- ``GET /v1/registry/{pdf_sha256}``: the registry entry of an act, for ``fieldact verify --registry``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fieldact.hashing import is_sha256_hex, sha256_hex
from fieldact.service import copy_page, devices, exchange, uploads, wire
from fieldact.service.ca import DeviceIssuer, FileCA
from fieldact.service.checkers import (
    CHECK_MEMORY_BYTES,
    CHECK_SECONDS,
    CheckerPool,
    CheckOverrun,
    CheckUnavailable,
    settle_collector,
)
from fieldact.service.device import HEADER_DEVICE, HEADER_SIGNATURE, HEADER_TIME, BadSignature, check_signature
from fieldact.store.db import batched_inserts
from fieldact.store.migrate import head_revision
from fieldact.text import say

ENV_DB = "FIELDACT_SERVICE_DB"
ENV_CA_CERT = "FIELDACT_CA_CERT"
ENV_CA_KEY = "FIELDACT_CA_KEY"
ENV_POOL = "FIELDACT_SERVICE_POOL"
ENV_RATE = "FIELDACT_SERVICE_RATE"  # requests per minute per device
ENV_CHECKERS = "FIELDACT_SERVICE_CHECKERS"  # processes checking acts, per service process
ENV_CHECK_SECONDS = "FIELDACT_SERVICE_CHECK_SECONDS"  # longest check of one visit's acts
ENV_CHECK_MEMORY_MB = "FIELDACT_SERVICE_CHECK_MEMORY_MB"  # address space of one checking process
MAX_BODY = 64 * 1024 * 1024  # compressed; a batch of visits with their acts
MAX_SMALL_BODY = 64 * 1024
MAX_VISITS_PER_PUSH = 100
STORING_AT_ONCE = 1  # visits in their database transaction at once (Service.storing)

access_log = logging.getLogger("fieldact.access")


@dataclass
class TokenBucket:
    """``rate`` requests per minute with bursts of ``burst``, per key."""

    rate: float
    burst: float
    _state: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, at = self._state.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - at) * self.rate / 60.0)
            if tokens < 1.0:
                self._state[key] = (tokens, now)
                return False
            self._state[key] = (tokens - 1.0, now)
            if len(self._state) > 100_000:  # forget idle keys rather than grow without end
                self._state.clear()
            return True


@dataclass
class Service:
    engine: Engine
    issuer: DeviceIssuer | None
    trust_roots: tuple[bytes, ...]
    per_device: TokenBucket
    per_address: TokenBucket
    checkers: CheckerPool | None = None  # acts are checked here, on every core, within limits; None: in a thread
    copy_days: int = 60  # the brand's period for the subscriber's link
    zone: str = "Europe/Moscow"
    # Visits stored at once. Their transactions take turns at the registry's lock anyway; measured, two at once
    # stored no more per second than one and cost PostgreSQL and this process some 2 ms of CPU each more per visit
    # (ten at once, half as much again). One store is not held up by the checks: they run below it in priority
    # (checkers.CHECK_NICENESS).
    storing: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(STORING_AT_ONCE))

    async def check(self, visit: Any) -> list[list[str]]:
        """The problems of each act of the visit; an act whose check overran its limits is refused in words.
        Raises CheckUnavailable when no worker could answer (the visit is to be sent again)."""
        if self.checkers is None:
            return await run_in_threadpool(exchange.check_acts, visit, self.trust_roots)
        try:
            return await self.checkers.run(exchange.check_acts, visit, self.trust_roots)
        except CheckOverrun as overrun:
            return _overran(visit, overrun.what, self.checkers.seconds)


def _overran(visit: Any, what: str, seconds: float) -> list[list[str]]:
    if what == "time":
        sentence = say(f"проверка акта заняла больше {seconds:g} с", f"checking the act took longer than {seconds:g} s")
    else:
        sentence = say("проверке акта не хватило памяти", "checking the act ran out of memory")
    acts = visit.get("acts") if isinstance(visit, dict) else None
    return [[sentence] for _ in acts] if isinstance(acts, list) else []


class Refusal(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, "server_time": time.time()}, status_code=status)


# --- request bodies and signatures -------------------------------------------------------------------------------


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise Refusal(413, "too_large", say("Запрос слишком велик.", "The request is too large."))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refusal(413, "too_large", say("Запрос слишком велик.", "The request is too large."))
        chunks.append(chunk)
    return b"".join(chunks)


def decode_body(request: Request, body: bytes, gzipped: bool = False) -> Any:
    """A body packed (service/wire.py), or JSON, gzipped when its header or its upload says so."""
    try:
        if wire.is_packed(body):
            return wire.unpack(body)
        if gzipped or request.headers.get("content-encoding", "").lower() == "gzip":
            body = wire.inflate(body)
        return wire.loads(body)
    except wire.WireError:
        raise Refusal(400, "bad_body", say("Тело запроса не читается.", "The request body cannot be read.")) from None


def _target(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


async def authenticate(service: Service, request: Request, body: bytes) -> devices.DeviceRecord:
    device_id = request.headers.get(HEADER_DEVICE, "")
    if not device_id or len(device_id) > 64:
        raise Refusal(401, "unsigned", say("Запрос не подписан устройством.", "The request is not signed."))
    if not service.per_device.allow(device_id):
        raise Refusal(429, "rate", say("Слишком много запросов: подождите минуту.", "Too many requests; wait."))
    record = await run_in_threadpool(_find_device, service.engine, device_id)
    if record is None or record.revoked:
        raise Refusal(
            403,
            "revoked" if record else "unknown_device",
            say(
                "Это устройство отозвано или не подключено: обратитесь в офис.",
                "This device is revoked or not enrolled: contact the office.",
            ),
        )
    try:
        check_signature(
            record.public_key,
            request.method,
            _target(request),
            request.headers.get(HEADER_TIME, ""),
            request.headers.get(HEADER_SIGNATURE, ""),
            body,
        )
    except BadSignature as error:
        code = "clock" if str(error) == "clock" else "bad_signature"
        raise Refusal(
            401,
            code,
            say("Часы планшета расходятся с сервером.", "The tablet's clock is off.")
            if code == "clock"
            else say("Подпись запроса не сходится.", "The request's signature does not hold."),
        ) from None
    request.state.device = record.device_id
    return record


def _find_device(engine: Engine, device_id: str) -> devices.DeviceRecord | None:
    with engine.connect() as connection:
        return devices.find_device(connection, device_id)


# --- endpoints ----------------------------------------------------------------------------------------------------


def _service(request: Request) -> Service:
    return request.app.state.service  # type: ignore[no-any-return]


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


async def ready(request: Request) -> Response:
    try:
        revision = await run_in_threadpool(_revision, _service(request).engine)
    except DBAPIError as error:
        return _error(503, "database", f"database: {type(error.orig).__name__ if error.orig else 'unreachable'}")
    if revision != head_revision():
        return _error(503, "schema", f"database at {revision}, the service needs {head_revision()}")
    return JSONResponse({"status": "ready", "revision": revision})


async def enrol(request: Request) -> Response:
    service = _service(request)
    address = request.client.host if request.client else "?"
    if not service.per_address.allow("enrol:" + address):
        raise Refusal(429, "rate", say("Слишком много попыток: подождите.", "Too many attempts; wait."))
    if service.issuer is None:
        raise Refusal(503, "no_ca", say("Сервис не настроен выдавать сертификаты.", "The service has no CA set."))
    body = decode_body(request, await read_body(request, MAX_SMALL_BODY))
    if not isinstance(body, dict) or not all(isinstance(body.get(k), str) for k in ("code", "csr", "public_key")):
        raise Refusal(400, "bad_body", say("Нужны код, запрос сертификата и ключ.", "Code, CSR and key needed."))
    issuer = service.issuer

    def work() -> devices.Enrolled:
        with service.engine.begin() as connection:
            return devices.enrol(connection, issuer, body["code"], body["csr"], body["public_key"])

    try:
        enrolled = await run_in_threadpool(work)
    except devices.EnrolmentRefused as error:
        raise Refusal(403, "enrolment", str(error)) from None
    return JSONResponse(
        {
            "device_id": enrolled.device_id,
            "technician_id": enrolled.technician_id,
            "certificate": enrolled.certificate,
            "ca_certificate": enrolled.ca_certificate,
        }
    )


async def orders(request: Request) -> Response:
    service = _service(request)
    record = await authenticate(service, request, b"")
    pulled = await run_in_threadpool(exchange.orders_for, service.engine, record.technician_id)
    body = wire.dumps(pulled)
    etag = '"' + sha256_hex(body)[:32] + '"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"etag": etag})
    return Response(body, media_type="application/json", headers={"etag": etag})


async def notices(request: Request) -> Response:
    service = _service(request)
    raw = await read_body(request, MAX_SMALL_BODY * 16)
    record = await authenticate(service, request, raw)
    body = decode_body(request, raw)
    if not isinstance(body, dict) or not isinstance(body.get("notices"), list):
        raise Refusal(400, "bad_body", say("Нужен список уведомлений.", "A list of notices is needed."))
    told = await run_in_threadpool(exchange.tell_office, service.engine, record.technician_id, body["notices"])
    return JSONResponse({"told": told})


async def push(request: Request) -> Response:
    service = _service(request)
    raw = await read_body(request, MAX_BODY)
    record = await authenticate(service, request, raw)
    return await _push_visits(service, record, decode_body(request, raw))


async def _push_visits(service: Service, record: devices.DeviceRecord, body: Any) -> Response:
    visits = body.get("visits") if isinstance(body, dict) else None
    if not isinstance(visits, list) or len(visits) > MAX_VISITS_PER_PUSH:
        raise Refusal(
            400, "bad_body", say(f"Нужен список до {MAX_VISITS_PER_PUSH} визитов.", "A list of visits is needed.")
        )

    # Every act of the batch is checked at once on the pool's processes; each visit is stored, in order, as soon
    # as its own check is done, so storing overlaps the checking of the visits after it.
    checks = [asyncio.ensure_future(service.check(visit)) for visit in visits]
    results = []
    try:
        for visit, checking in zip(visits, checks, strict=True):
            try:
                problems = await checking
            except CheckUnavailable:
                results.append(exchange.not_checked(visit).wire())
                continue
            async with service.storing:
                stored = await run_in_threadpool(
                    exchange.accept_visit,
                    service.engine,
                    record.device_id,
                    record.technician_id,
                    visit,
                    service.trust_roots,
                    problems,
                )
            results.append(stored.wire())
    finally:
        for checking in checks:
            checking.cancel()
    return Response(wire.dumps({"results": results}), media_type="application/json")


# --- resumable push bodies (service/uploads.py) ------------------------------------------------------------------


def _described_wrongly() -> Refusal:
    return Refusal(400, "bad_body", say("Отправка описана неверно.", "The upload is described wrongly."))


def _upload_digest(request: Request) -> str:
    digest = request.path_params["sha256"]
    if not is_sha256_hex(digest):
        raise _described_wrongly()
    return digest  # type: ignore[no-any-return]


def _upload_target(request: Request) -> tuple[str, int, int]:
    """The body's SHA-256, its whole length and where this request's bytes start, from the address."""
    digest = _upload_digest(request)
    length, start = request.query_params.get("length", ""), request.query_params.get("start", "0")
    if not length.isdigit() or not start.isdigit():
        raise _described_wrongly()
    if not 0 < int(length) <= MAX_BODY:
        raise Refusal(413, "too_large", say("Запрос слишком велик.", "The request is too large."))
    if int(start) >= int(length):
        raise _described_wrongly()
    return digest, int(length), int(start)


async def upload_state(request: Request) -> Response:
    service = _service(request)
    record = await authenticate(service, request, b"")
    digest = _upload_digest(request)
    kept = await run_in_threadpool(uploads.received, service.engine, record.device_id, digest)
    return JSONResponse({"received": kept})


async def upload_put(request: Request) -> Response:
    """A push body from ``start`` on. Whole (with what was kept before): pushed, answered as ``POST /v1/push``.
    Cut off by a dropped link: what arrived is kept for the rest to follow. The request is signed over its
    address (the body's SHA-256, length and start) and no body: the bytes answer to the SHA-256 when whole."""
    service = _service(request)
    digest, length, start = _upload_target(request)
    record = await authenticate(service, request, b"")
    kept = await run_in_threadpool(uploads.received, service.engine, record.device_id, digest) if start else 0
    if start != kept:
        return JSONResponse(
            {"error": "offset", "received": kept, "message": say("Продолжите с полученного.", "Go on from the kept.")},
            status_code=409,
        )
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if start + size > length:
                raise Refusal(413, "too_large", say("Запрос длиннее объявленного.", "The request is over its length."))
            chunks.append(chunk)
    except ClientDisconnect:
        arrived = b"".join(chunks)
        await run_in_threadpool(uploads.keep, service.engine, record.device_id, digest, length, start, arrived)
        return Response(status_code=400)  # nobody is there to read it
    arrived = b"".join(chunks)
    if start + len(arrived) < length:  # a shorter request on purpose: kept like a cut one
        kept = await run_in_threadpool(uploads.keep, service.engine, record.device_id, digest, length, start, arrived)
        return JSONResponse({"received": kept})
    body = await run_in_threadpool(uploads.kept_bytes, service.engine, record.device_id, digest) if start else b""
    body += arrived
    if sha256_hex(body) != digest:
        await run_in_threadpool(uploads.forget, service.engine, record.device_id, digest)
        damaged = say("Отправка пришла искажённой: она будет отправлена заново.", "The body arrived damaged.")
        raise Refusal(400, "bad_hash", damaged)
    try:
        return await _push_visits(service, record, decode_body(request, body, gzipped=True))
    finally:  # answered, or refused as unreadable: either way the kept bytes served their purpose
        await run_in_threadpool(uploads.forget, service.engine, record.device_id, digest)


async def registry_entry(request: Request) -> Response:
    digest = request.path_params["pdf_sha256"].lower()
    if not is_sha256_hex(digest):
        raise Refusal(400, "bad_hash", say("Нужен SHA-256 PDF.", "A PDF's SHA-256 is needed."))
    entry = await run_in_threadpool(exchange.registry_entry, _service(request).engine, digest)
    if entry is None:
        raise Refusal(404, "not_registered", say("Акт в реестре не найден.", "The act is not in the registry."))
    return JSONResponse(entry)


async def act_copy_page(request: Request) -> Response:
    service, token = _service(request), request.path_params["token"]
    if not service.per_address.allow("copy:" + (request.client.host if request.client else "?")):
        raise Refusal(429, "rate", say("Слишком много запросов: подождите.", "Too many requests; wait."))
    found = await run_in_threadpool(copy_page.find_copy, service.engine, token)
    headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex"}
    if found is None:
        return HTMLResponse(copy_page.not_yet_page(), headers=headers)
    if copy_page.expired(found, service.copy_days):
        return HTMLResponse(copy_page.expired_page(service.copy_days), status_code=410, headers=headers)
    return HTMLResponse(copy_page.copy_page(found, token, service.zone), headers=headers)


async def act_copy_pdf(request: Request) -> Response:
    service, token = _service(request), request.path_params["token"]
    if not service.per_address.allow("copy:" + (request.client.host if request.client else "?")):
        raise Refusal(429, "rate", say("Слишком много запросов: подождите.", "Too many requests; wait."))
    found = await run_in_threadpool(copy_page.find_copy, service.engine, token)
    if found is None or copy_page.expired(found, service.copy_days):
        raise Refusal(404, "no_copy", say("Акта по этой ссылке нет.", "No act at this link."))
    return Response(
        found.pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="act-{found.number}-v{found.version}.pdf"',
            "Cache-Control": "no-store",
        },
    )


# --- middleware and the app ---------------------------------------------------------------------------------------


class AccessLog:
    """One JSON line per request: time, client, method, path, status, duration, device, sizes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status, sent = time.perf_counter(), 500, 0

        async def sending(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            state = scope.get("state", {})
            access_log.info(
                json.dumps(
                    {
                        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                        "client": (scope.get("client") or ("?",))[0],
                        "method": scope["method"],
                        "path": scope["path"],
                        "status": status,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                        "device": state.get("device", ""),
                        "bytes_out": sent,
                    },
                    ensure_ascii=False,
                )
            )


async def _refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refusal)
    return _error(error.status, error.code, error.message)


def _warm(_: int) -> bool:
    return True  # the process is up, and its start (checkers.start_worker) loaded the checking code


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    service: Service = app.state.service
    if service.checkers is not None:
        checkers = service.checkers
        await asyncio.gather(*(checkers.run(_warm, n) for n in range(checkers.processes)))
    settle_collector(lambda: None)  # the app is loaded; each push makes thousands of short-lived rows
    try:
        yield
    finally:
        if service.checkers is not None:
            service.checkers.shutdown()
        service.engine.dispose()


def create_app(service: Service | None = None) -> Starlette:
    """The app; without ``service`` it is configured from the environment (what ``fieldact serve`` sets)."""
    service = service or service_from_environment()
    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route("/health", health),
            Route("/ready", ready),
            Route("/v1/enrol", enrol, methods=["POST"]),
            Route("/v1/orders", orders),
            Route("/v1/notices", notices, methods=["POST"]),
            Route("/v1/push", push, methods=["POST"]),
            Route("/v1/uploads/{sha256}", upload_state, methods=["GET"]),
            Route("/v1/uploads/{sha256}", upload_put, methods=["PUT"]),
            Route("/v1/registry/{pdf_sha256}", registry_entry),
            Route("/copy/{token}", act_copy_page),
            Route("/copy/{token}/act.pdf", act_copy_pdf),
        ],
        middleware=[Middleware(AccessLog), Middleware(GZipMiddleware, minimum_size=2048)],
        exception_handlers={Refusal: _refused},
    )
    app.state.service = service
    return app


def service_engine(url: str, pool_size: int = 10) -> Engine:
    return batched_inserts(
        create_engine(
            url,
            pool_size=pool_size,
            max_overflow=0,
            pool_pre_ping=True,
            pool_timeout=30,
            connect_args={"connect_timeout": 10, "application_name": "fieldact-service"},
        )
    )


def service_from_environment() -> Service:
    from fieldact.store.central import central_url

    _log_to_stderr()
    url = central_url(os.environ.get(ENV_DB))
    engine = service_engine(url, int(os.environ.get(ENV_POOL, "10")))
    cert, key = os.environ.get(ENV_CA_CERT), os.environ.get(ENV_CA_KEY)
    issuer = FileCA(Path(cert), Path(key)) if cert and key else None
    roots = (Path(cert).read_bytes(),) if cert else ()
    rate = float(os.environ.get(ENV_RATE, "120"))
    processes = int(os.environ.get(ENV_CHECKERS, str(os.cpu_count() or 1)))
    seconds = float(os.environ.get(ENV_CHECK_SECONDS, str(CHECK_SECONDS)))
    memory = int(float(os.environ.get(ENV_CHECK_MEMORY_MB, str(CHECK_MEMORY_BYTES // 2**20))) * 2**20)
    checkers = CheckerPool(processes, seconds, memory) if processes > 0 else None
    from fieldact.standard import load_brand

    brand = load_brand()
    copy_days = brand.act_copy.days if brand.act_copy else 60
    return Service(
        engine,
        issuer,
        roots,
        TokenBucket(rate, max(rate / 4, 10)),
        TokenBucket(60, 30),
        checkers,
        copy_days,
        brand.timezone,
    )


def _log_to_stderr() -> None:
    if not access_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_log.addHandler(handler)
        access_log.setLevel(logging.INFO)
        access_log.propagate = False
