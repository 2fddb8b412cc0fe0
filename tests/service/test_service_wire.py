"""A push travels packed: gzipped JSON and then the acts' and photos' bytes as they are. Read back whole, or refused."""

from __future__ import annotations

import random
import struct
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from fieldact.service import wire
from fieldact.standard import Brand
from fieldact.store.repository import Store

from .conftest import Central
from .server import RunningService
from .test_service_sync import count, one_signed_visit, payload_of, wire_of

VALUE = {
    "visits": [
        {
            "pdf": b"%PDF-1.7 " + random.Random(1).randbytes(10_000),  # compressed streams look random
            "rows": [
                {
                    "jpeg": b"\xff\xd8\xff" + random.Random(2).randbytes(5_000),
                    "at": datetime(2026, 12, 4, 9, 30, tzinfo=UTC),
                }
            ],
            "total": Decimal("1250.50"),
            "empty": b"",
            "name": "Иванова Анна",
        }
    ]
}


def test_a_packed_value_reads_back_as_it_was_and_its_bytes_are_not_in_the_json() -> None:
    packed = wire.pack(VALUE)
    assert wire.is_packed(packed) and wire.unpack(packed) == VALUE
    (head,) = struct.unpack_from(">I", packed, 4)
    text = wire.inflate(packed[8 : 8 + head]).decode()
    assert "$r" in text and "$b" not in text and "%PDF" not in text  # the bytes follow the JSON, not inside it
    assert packed.endswith(VALUE["visits"][0]["rows"][0]["jpeg"])
    assert len(packed) < len(wire.compress(wire.dumps(VALUE)))  # smaller than base64 in gzipped JSON


def hostile_bodies() -> list[bytes]:
    good = wire.pack(VALUE)
    (head,) = struct.unpack_from(">I", good, 4)
    outside = wire.compress(b'{"pdf":{"$r":[0,999999]}}')
    negative = wire.compress(b'{"pdf":{"$r":[-1,4]}}')
    shaped = wire.compress(b'{"pdf":{"$r":"0-4"}}')
    again = wire.compress(b'{"a":{"$r":[0,4]},"b":{"$r":[0,4]}}')  # the same bytes twice: a memory bomb's way
    return [
        b"FAW1",  # no length
        b"FAW1" + struct.pack(">I", 10**6) + b"short",  # a head longer than the body
        b"FAW1" + struct.pack(">I", len(outside)) + outside + b"abc",  # bytes pointed past the end
        b"FAW1" + struct.pack(">I", len(negative)) + negative + b"abcd",
        b"FAW1" + struct.pack(">I", len(shaped)) + shaped + b"abcd",
        b"FAW1" + struct.pack(">I", 5) + b"notgz" + b"abcd",
        good[: 8 + head // 2],  # cut inside its head
        b"FAW1" + struct.pack(">I", len(again)) + again + b"abcd",
        good + b"trailing",  # bytes nothing points to
    ]


@pytest.mark.parametrize("body", hostile_bodies(), ids=range(9))
def test_a_damaged_or_forged_packed_body_is_a_wire_error(body: bytes) -> None:
    with pytest.raises(wire.WireError):
        wire.unpack(body)


def test_the_service_takes_packed_pushes_and_refuses_a_forged_one_in_words(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    client, visit_id = one_signed_visit(central, service, tablet, tmp_path, brand)
    packed = wire.pack({"visits": [wire_of(payload_of(tablet, visit_id))]})
    forged = packed[: len(packed) // 2]  # the act's bytes cut off: the head points past the end
    status, _, answer = client.request("POST", "/v1/push", packed=forged, accept=(400,))
    assert status == 400 and answer["message"] and "Traceback" not in str(answer)
    assert count(central, "act") == 0 and count(central, "registry") == 0
    status, _, answer = client.request("POST", "/v1/push", packed=packed, accept=())
    assert status == 200 and answer["results"][0]["status"] == "stored"
    assert count(central, "act") == 1
