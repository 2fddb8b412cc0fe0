"""The central service over HTTPS (uvicorn with TLS, a real PostgreSQL). Prints one JSON line:

- ``push_40_rtt100_s``: a tablet pushes 40 finished visits (real signed acts) through a local proxy that adds
  100 ms of round trip (50 ms each way, and one round trip for the TCP handshake), from a cold connection;
- ``pull_day_rtt100_ms``: a day's orders pulled through the same proxy, a cold connection each time (median);
- ``p99_ms``: the 99th percentile of a push's latency as the tablet saw it (from its first attempt), while
  LATENCY_TABLETS tablets (default 500), each with its own enrolled device key and its own connection, push a day's
  8 visits each, one request per visit as each visit is finished, the finishes spread at random over a window that
  offers RATE visits a second (default 20, the rate the service must sustain);
- ``tablets``, ``visits_per_s``: the evening rush. TABLETS other tablets (default 500) all push their day's 8 visits
  at once, each visit as soon as the answer to the one before arrives; ``visits_per_s`` is what the server stored
  per second from the first request to the last answer. Their latencies (``rush_p99_ms``) only say how long the
  queue of 500 was.
- ``stored_once`` says every visit, act and registry entry of both is there once.

The service runs as deployed on one host: one process with a checking process per core (FIELDACT_BENCH_WORKERS
sets more processes). The acts are made once and cached (benchmarks/service_payloads.py). FIELDACT_BENCH_PG_URL
names a PostgreSQL login that may create databases and roles (`.ci/postgres-up`); a scratch database is made and
dropped. Every address is 127.0.0.1; every loop is bounded in count and time.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import ssl
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "service"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import aiohttp  # noqa: E402
import uvloop  # noqa: E402
from bench_sync import drop, scratch_database  # noqa: E402
from server import start_service  # noqa: E402
from service_payloads import make_all, make_tablet, technician_id  # noqa: E402
from sqlalchemy import text  # noqa: E402

from fieldact.service import devices, registry, wire  # noqa: E402
from fieldact.service.ca import FileCA  # noqa: E402
from fieldact.service.client import (  # noqa: E402
    SETTING_ETAG,
    enrol_tablet,
    enrolled_client,
    pull_via_service,
    push_via_service,
)
from fieldact.service.device import DeviceIdentity, certificate_request, new_key, public_pem  # noqa: E402
from fieldact.standard import load_brand  # noqa: E402
from fieldact.store.central import init_central, open_central, save_login  # noqa: E402
from fieldact.store.db import Database, open_database  # noqa: E402
from fieldact.store.orders import load_orders, parse_orders  # noqa: E402
from fieldact.store.sync import read_payload  # noqa: E402

TABLETS = int(os.environ.get("FIELDACT_BENCH_TABLETS", "500"))
LATENCY_TABLETS = int(os.environ.get("FIELDACT_BENCH_LATENCY_TABLETS", "500"))
RATE = float(os.environ.get("FIELDACT_BENCH_RATE", "20"))
VISITS = 8
PUSH_TABLET = 99_999
ONE_WAY_S = 0.050
PULLS = 5
WORKERS = int(os.environ.get("FIELDACT_BENCH_WORKERS", "1"))  # service processes, each with a checker per core
DEADLINE_S = 900.0


# --- a proxy adding latency ---------------------------------------------------------------------------------------


class DelayProxy:
    """127.0.0.1 TCP proxy adding ONE_WAY_S to every chunk in each direction, and a round trip before a
    connection carries anything (the TCP handshake a real link would cost)."""

    def __init__(self, target_port: int, one_way_s: float = ONE_WAY_S) -> None:
        self.target_port, self.one_way_s = target_port, one_way_s
        self.loop = asyncio.new_event_loop()
        self.port = 0
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait(10)

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(2 * self.one_way_s)
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        await asyncio.gather(self._pump(reader, upstream_writer), self._pump(upstream_reader, writer))

    async def _pump(self, source: asyncio.StreamReader, target: asyncio.StreamWriter) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def forward() -> None:
            while True:
                due, chunk = await queue.get()
                if not chunk:
                    target.close()
                    return
                await asyncio.sleep(max(0.0, due - self.loop.time()))
                target.write(chunk)
                await target.drain()

        forwarding = asyncio.ensure_future(forward())
        try:
            while True:
                chunk = await source.read(65536)
                await queue.put((self.loop.time() + self.one_way_s, chunk))
                if not chunk:
                    break
            await forwarding
        except (ConnectionError, OSError):
            forwarding.cancel()
            target.close()


# --- set-up -------------------------------------------------------------------------------------------------------


def central_with_technicians(server: str, technicians: list[str]) -> tuple[str, str, str]:
    url = scratch_database(server)
    init_central(url)
    database = open_central(url)
    role, password = f"fa_svc_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    try:
        save_login(database, role, password, "service")
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO technician (id, surname, first_name, pin_salt, pin_hash, failed_attempts, active) "
                    "VALUES (:id, 'Петров', 'Пётр', '', '', 0, true)"
                ),
                [{"id": technician} for technician in technicians],
            )
    finally:
        database.dispose()
    from sqlalchemy import make_url

    return url, make_url(url).set(username=role, password=password).render_as_string(hide_password=False), role


def enrol_directly(url: str, ca: FileCA, technicians: list[str]) -> list[DeviceIdentity]:
    """Devices for the simulated tablets, recorded as an enrolment would (enrolment itself is tested apart)."""
    identities, rows = [], []
    for technician in technicians:
        key, device = new_key(), str(uuid.uuid4())
        certificate = ca.issue(certificate_request(key, technician), device, technician)
        rows.append({"d": device, "t": technician, "k": public_pem(key), "c": certificate})
        identities.append(DeviceIdentity(device, key))
    database = open_central(url)
    try:
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO device (id, technician_id, public_key, certificate, enrolled_at) "
                    "VALUES (:d, :t, :k, :c, now())"
                ),
                rows,
            )
    finally:
        database.dispose()
    return identities


def day_orders(url: str, technician: str) -> None:
    brand = load_brand()
    day = datetime.now(ZoneInfo(brand.timezone)).date()
    lines = ["request_number,kind,services,planned_start,subscriber,contract,address,phone,technician"]
    for n in range(8):
        lines.append(
            f"P{n},connection,tv;internet,{day:%Y-%m-%d} {9 + n:02d}:00,Сидоров Иван Петрович,{580000000000 + n},"
            f'"г. Пермь, ул. Мира, д. 1, кв. {n + 1}",+7 912 000-00-00,{technician}'
        )
    database = open_central(url)
    try:
        with database.engine.begin() as connection:
            load_orders(connection, parse_orders("\n".join(lines) + "\n", brand, [technician]))
    finally:
        database.dispose()


def tablet_copy(tablet: int, visits: int, folder: Path) -> Database:
    source = make_tablet((tablet, visits))
    target = folder / f"t{tablet}" / "fieldact.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    _bring_up_to_date(target)
    return open_database(target)


def _bring_up_to_date(path: Path) -> None:
    """Cached databases made before the last columns of migration 0006 get them here."""
    import sqlite3

    with sqlite3.connect(path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(visit)")}
        if "purged_at" not in columns:
            connection.execute("ALTER TABLE visit ADD COLUMN purged_at DATETIME")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS act_copy (act_id VARCHAR(36) NOT NULL PRIMARY KEY, token VARCHAR(64) NOT NULL, "
            "made_at DATETIME NOT NULL)"
        )


# --- the measurements ---------------------------------------------------------------------------------------------


def measure_pull_and_push(admin_url: str, url: str, tls_ca: str, folder: Path) -> tuple[float, float]:
    tablet = tablet_copy(PUSH_TABLET, 40, folder)
    database = open_central(admin_url)
    try:
        code = devices.new_enrolment(database, technician_id(PUSH_TABLET), "bench")
    finally:
        database.dispose()
    enrol_tablet(tablet, url, code, tls_ca)
    pulls = []
    for _ in range(PULLS):
        with tablet.engine.begin() as connection:
            connection.execute(text("DELETE FROM setting WHERE key = :k"), {"k": SETTING_ETAG})
        client = enrolled_client(tablet)
        assert client is not None
        started = time.perf_counter()
        pull_via_service(tablet, client)
        pulls.append(time.perf_counter() - started)
        client.close()
    client = enrolled_client(tablet)
    assert client is not None
    started = time.perf_counter()
    report = push_via_service(tablet, client)
    pushed = time.perf_counter() - started
    client.close()
    tablet.dispose()
    if report.pushed != 40 or report.failed:
        raise SystemExit(f"push of 40 failed: {report}")
    return pushed, statistics.median(pulls) * 1000


def tablet_requests(tablets: list[int], folder: Path) -> list[list[bytes]]:
    bodies = []
    for tablet in tablets:
        database = tablet_copy(tablet, VISITS, folder)
        with database.engine.connect() as connection:
            device = connection.execute(text("SELECT device_id FROM sync_state")).scalar() or str(uuid.uuid4())
            ids = [row[0] for row in connection.execute(text("SELECT visit_id FROM outbox ORDER BY queued_at"))]
            payloads = [read_payload(connection, visit_id, device) for visit_id in ids]
        database.dispose()
        bodies.append([wire.pack({"visits": [{key: getattr(p, key) for key in wire_keys()}]}) for p in payloads])
    return bodies


def wire_keys() -> tuple[str, ...]:
    return ("visit", "contract", "subscriber", "children", "acts", "audit")


async def load(
    url: str, tls_ca: str, identities: list[DeviceIdentity], bodies: list[list[bytes]], rate: float | None
) -> dict:
    """Every tablet pushes its visits in order on its own connection: each at a random moment of the window that
    offers ``rate`` visits a second, or, without a rate, each as soon as the one before is answered."""
    context = ssl.create_default_context(cafile=tls_ca)
    window = len(identities) * VISITS / rate if rate else 0.0
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    rng = random.Random(7)
    deadline = time.monotonic() + window + DEADLINE_S

    async def tablet(identity: DeviceIdentity, requests: list[bytes], session: aiohttp.ClientSession) -> None:
        moments = sorted(rng.uniform(0, window) for _ in requests)
        for moment, body in zip(moments, requests, strict=True):
            await asyncio.sleep(max(0.0, begun + moment - time.monotonic()))
            if time.monotonic() > deadline:
                statuses["timeout"] = statuses.get("timeout", 0) + 1
                return
            started = time.monotonic()
            for attempt in range(2):  # a keep-alive connection the server closed meanwhile: once more, fresh
                headers = {"Content-Type": wire.PACKED_TYPE} | identity.headers("POST", "/v1/push", body)
                try:
                    async with session.post(url + "/v1/push", data=body, headers=headers, ssl=context) as answer:
                        data = await answer.read()
                    break
                except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError):
                    if attempt:
                        raise
            latencies.append(time.monotonic() - started)  # from the first attempt
            if answer.status != 200:
                statuses[f"http_{answer.status}"] = statuses.get(f"http_{answer.status}", 0) + 1
                continue
            for result in wire.loads(data)["results"]:
                statuses[result["status"]] = statuses.get(result["status"], 0) + 1

    sessions = [
        aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=1, ssl=context), timeout=aiohttp.ClientTimeout(total=DEADLINE_S)
        )
        for _ in identities
    ]
    begun = time.monotonic()
    try:
        await asyncio.gather(*(tablet(i, b, s) for i, b, s in zip(identities, bodies, sessions, strict=True)))
    finally:
        for session in sessions:
            await session.close()
    elapsed = time.monotonic() - begun
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
    stored = statuses.get("stored", 0)
    return {"elapsed": elapsed, "p99": p99, "statuses": statuses, "window": window, "per_s": stored / elapsed}


def stored_once(admin_url: str, technicians: list[str]) -> bool:
    database = open_central(admin_url)
    try:
        with database.engine.connect() as connection:
            wanted = {"ts": technicians}
            visits = connection.execute(
                text("SELECT count(*), count(DISTINCT id) FROM visit WHERE technician_id = ANY(:ts)"), wanted
            ).one()
            acts = connection.execute(
                text("SELECT count(*) FROM act JOIN visit v ON v.id = act.visit_id WHERE v.technician_id = ANY(:ts)"),
                wanted,
            ).scalar()
            entries = connection.execute(
                text("SELECT count(*), count(DISTINCT act_id) FROM registry WHERE technician_id = ANY(:ts)"), wanted
            ).one()
            chain = registry.check_chain(connection)
    finally:
        database.dispose()
    expected = len(technicians) * VISITS
    once = visits == (expected, expected) and acts == expected and entries == (expected, expected) and chain.ok
    if not once:  # say what differs, for whoever reads the run
        print(f"expected {expected}: visits {visits}, acts {acts}, registry {entries}, chain {chain}", file=sys.stderr)
    return once


def main() -> None:
    server = os.environ.get("FIELDACT_BENCH_PG_URL")
    if not server:
        raise SystemExit('FIELDACT_BENCH_PG_URL is not set (eval "$(.ci/postgres-up DIR)")')
    steady = list(range(TABLETS, TABLETS + LATENCY_TABLETS))  # their visits are not the rush's: each is new
    rush = list(range(TABLETS))
    make_all([*rush, *steady], VISITS)
    technicians = [technician_id(tablet) for tablet in [*rush, *steady]]
    admin_url, service_url, role = central_with_technicians(server, [*technicians, technician_id(PUSH_TABLET)])
    folder = Path(tempfile.mkdtemp(prefix="fieldact-bench-service-"))
    try:
        day_orders(admin_url, technician_id(PUSH_TABLET))
        running = start_service(folder / "service", service_url, workers=WORKERS, rate=600.0, pool=10, startup_s=300)
        service = next(running)
        try:
            proxy = DelayProxy(int(service.url.rsplit(":", 1)[1]))
            push_s, pull_ms = measure_pull_and_push(
                admin_url, f"https://127.0.0.1:{proxy.port}", service.tls_ca, folder
            )
            identities = enrol_directly(
                admin_url, FileCA(service.company_ca, service.company_ca.with_suffix(".key")), technicians
            )
            bodies = tablet_requests([*rush, *steady], folder)
            # The simulated tablets share the machine with the service: they run on uvloop, as the service does,
            # so that the simulation takes as little of its CPU as it can.
            at_rate = uvloop.run(load(service.url, service.tls_ca, identities[TABLETS:], bodies[TABLETS:], RATE))
            rushed = uvloop.run(load(service.url, service.tls_ca, identities[:TABLETS], bodies[:TABLETS], None))
        finally:
            for _ in running:
                pass
        once = stored_once(admin_url, technicians)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        drop(server, admin_url, [role])
    print(
        json.dumps(
            {
                "push_40_rtt100_s": round(push_s, 2),
                "pull_day_rtt100_ms": round(pull_ms, 1),
                "tablets": TABLETS,
                "visits_per_s": round(rushed["per_s"], 1),
                "p99_ms": round(at_rate["p99"] * 1000, 1),
                "stored_once": once,
                "offered_visits_per_s": RATE,
                "latency_tablets": LATENCY_TABLETS,
                "stored_per_s_at_rate": round(at_rate["per_s"], 1),
                "rush_s": round(rushed["elapsed"], 1),
                "rush_p99_ms": round(rushed["p99"] * 1000, 1),
                "results": {"at_rate": at_rate["statuses"], "rush": rushed["statuses"]},
                "server_workers": WORKERS,
            }
        )
    )


if __name__ == "__main__":
    main()
