"""Resumable pushes through a real uvicorn with TLS and a real PostgreSQL: a link cut in the middle of a large push
(a TCP proxy that drops the connection) costs nothing that arrived: the tablet sends the rest from where it stopped,
in the same sync or the next one; bytes are never stored twice, and the body must hash to its name."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from fieldact.hashing import sha256_hex
from fieldact.service import client as service_client
from fieldact.service import wire
from fieldact.service.client import ServiceClient, ServiceError, enrolled_client, sync_via_service
from fieldact.standard import Brand
from fieldact.store.db import open_database
from fieldact.store.repository import Store

from .conftest import Central
from .server import RunningService
from .test_service_sync import count, enrolled, planned, setup_two, sign_some

pytest.importorskip("uvicorn")


class CutProxy:
    """127.0.0.1 TCP proxy to the service. ``cut_after(n)``: the connection that carries the n-th byte towards the
    service from then on is closed there, in both directions (TLS stays end to end). ``down``: refuses everyone."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.down = False
        self._budget: int | None = None
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, count: int) -> None:
        with self._lock:
            self._budget = count

    def _accept(self) -> None:
        while True:
            try:
                tablet, _ = self.listener.accept()
            except OSError:
                return
            if self.down:
                tablet.close()
                continue
            server = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pump, args=(tablet, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, tablet, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, upstream: bool) -> None:
        try:
            while data := source.recv(16384):
                if upstream:
                    with self._lock:
                        if self._budget is not None and len(data) >= self._budget:
                            data, cut = data[: self._budget], True
                            self._budget = None
                        else:
                            self._budget = None if self._budget is None else self._budget - len(data)
                            cut = False
                    target.sendall(data)
                    if cut:
                        time.sleep(0.3)  # a link dies some time after its last byte got through
                        break
                else:
                    target.sendall(data)
        except OSError:
            pass
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def proxy(service: RunningService):
    running = CutProxy(int(service.url.rsplit(":", 1)[1]))
    yield running
    running.close()


@pytest.fixture
def resumable(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every push body resumable; the (method, address) of each request the tablet makes, in order."""
    monkeypatch.setattr(service_client, "RESUMABLE_FROM", 4 * 1024)
    made: list[tuple[str, str]] = []
    original = ServiceClient.request

    def recording(client: ServiceClient, method: str, path: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append((method, path))
        return original(client, method, path, *args, **kwargs)

    monkeypatch.setattr(ServiceClient, "request", recording)
    return made


def starts(made: list[tuple[str, str]]) -> list[int]:
    return [int(path.rsplit("start=", 1)[1]) for method, path in made if method == "PUT"]


def two_signed_visits(central: Central, service, proxy, tablet: Store, tmp_path: Path, brand: Brand) -> None:
    setup_two(central, tmp_path, brand)
    enrolled(central, service, tablet, url=f"https://127.0.0.1:{proxy.port}")
    assert sync_via_service(tablet.database).error == ""
    sign_some(tablet, planned(tablet)[:2])


def test_a_link_cut_mid_push_costs_only_what_had_not_arrived(
    central: Central, service: RunningService, proxy: CutProxy, tablet: Store, tmp_path: Path, brand: Brand, resumable
) -> None:
    two_signed_visits(central, service, proxy, tablet, tmp_path, brand)
    resumable.clear()
    proxy.cut_after(120_000)
    report = sync_via_service(tablet.database)
    assert report.error == "" and report.push.pushed == 2
    assert count(central, "act") == 2 and count(central, "registry") == 2
    first, second = starts(resumable)
    assert first == 0 and 50_000 < second < 120_000, "the rest went from what the service had kept"
    assert ("GET", resumable[-2][1].split("?")[0]) in resumable, "the tablet asked how much had arrived"
    assert count(central, "upload") == 0 and count(central, "upload_part") == 0


def test_the_next_sync_goes_on_from_what_arrived(
    central: Central, service: RunningService, proxy: CutProxy, tablet: Store, tmp_path: Path, brand: Brand, resumable
) -> None:
    two_signed_visits(central, service, proxy, tablet, tmp_path, brand)
    original = ServiceClient._send

    def then_down(client, method, path, raw, extra, signed, sign_body=True):  # type: ignore[no-untyped-def]
        try:
            return original(client, method, path, raw, extra, signed, sign_body)
        finally:
            if method == "PUT":
                proxy.down = True  # the tablet walks into the stairwell

    ServiceClient._send = then_down  # type: ignore[method-assign]
    try:
        proxy.cut_after(100_000)
        report = sync_via_service(tablet.database)
    finally:
        ServiceClient._send = original  # type: ignore[method-assign]
    assert report.offline and count(central, "act") == 0
    ((kept,),) = central.query("SELECT received FROM upload")
    assert 0 < kept <= 100_000

    proxy.down = False
    resumable.clear()
    report = sync_via_service(tablet.database)
    assert report.error == "" and count(central, "act") == 2
    assert starts(resumable) == [kept], "the second sync sent only the rest"
    assert count(central, "upload") == 0


def test_kept_bytes_are_the_devices_own_taken_in_order_and_must_hash_to_the_name(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    setup_two(central, tmp_path, brand)
    mine = enrolled(central, service, tablet)
    other_tablet = Store(open_database(tmp_path / "other" / "fieldact.db"), tablet.standard, tablet.brand)
    try:
        theirs = enrolled(central, service, other_tablet, technician="7002")
        body = wire.compress(wire.dumps({"visits": []}))
        name = sha256_hex(body)
        address = f"/v1/uploads/{name}?length={len(body)}"

        def put(client: ServiceClient, start: int, octets: bytes, where: str = address):  # type: ignore[no-untyped-def]
            return client.request("PUT", f"{where}&start={start}", octets=octets, accept=(409,), sign_body=False)

        other = b"\x1f\x8b another body"
        other_name = f"/v1/uploads/{sha256_hex(other)}?length={len(other)}"
        assert put(mine, 0, other[:5], other_name)[2] == {"received": 5}, "a shorter request is kept like a cut one"
        assert put(mine, 0, body[:10])[2] == {"received": 10}
        assert central.query("SELECT sha256, received FROM upload") == [(name, 10)], "a device keeps one beginning"
        assert theirs.request("GET", f"/v1/uploads/{name}")[2] == {"received": 0}, "another device sees nothing"
        assert put(theirs, 10, body[10:])[0] == 409
        status, _, answer = put(mine, 4, body[4:])
        assert status == 409 and answer["received"] == 10, "bytes are taken only where the kept ones end"
        with pytest.raises(ServiceError):
            put(mine, 10, body[10:] + b"more")  # longer than its length
        _, _, answer = put(mine, 10, body[10:])
        assert answer == {"results": []} and count(central, "upload") == 0, "pushed whole, and the kept bytes gone"

        unreadable = b"not gzip at all, though it hashes to its name"
        unreadable_name = f"/v1/uploads/{sha256_hex(unreadable)}?length={len(unreadable)}"
        put(mine, 0, unreadable[:8], unreadable_name)
        with pytest.raises(ServiceError):
            put(mine, 8, unreadable[8:], unreadable_name)
        assert count(central, "upload") == 0, "a body that cannot be read is not kept to be sent again"

        forged = b"\x1f\x8b" + bytes(len(body) - 2)
        with pytest.raises(ServiceError, match="искажённой|damaged"):
            put(mine, 0, forged)
        too_big = f"/v1/uploads/{name}?length={65 * 1024 * 1024}"
        with pytest.raises(ServiceError):
            put(mine, 0, body, too_big)
        assert count(central, "upload") == 0 and count(central, "upload_part") == 0
        mine.close()
        assert enrolled_client(tablet.database) is not None
    finally:
        other_tablet.database.dispose()
