"""Resumable pushes: what arrived of a large push body before the link dropped is kept, and the rest follows.

A tablet sends a large push body as ``PUT /v1/uploads/{sha256}?length=N&start=0``, in one request, as it would
``POST /v1/push``. If the link drops in a stairwell, the service keeps the bytes that arrived (here), keyed by the
device and the body's SHA-256; the tablet asks how much arrived and sends only the rest, in the same sync or the
next one. The rest is taken only at exactly the offset reached, so bytes are never stored twice, and the whole
body must give the SHA-256 it is named by before it is pushed. A body that arrives whole in one go is pushed from
memory and never stored here. A device keeps one body's beginning at most, and none older than ``KEPT_HOURS``.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

KEPT_HOURS = 24


def received(engine: Engine, device_id: str, sha256: str) -> int:
    """How much of the body has arrived and been kept (0: nothing, or no such upload)."""
    with engine.connect() as connection:
        return _received(connection, device_id, sha256)


def keep(engine: Engine, device_id: str, sha256: str, length: int, start: int, data: bytes) -> int:
    """``data``, which arrived from ``start`` on, kept if ``start`` is where the kept bytes end; how much is kept."""
    with engine.begin() as connection:
        connection.execute(
            text("DELETE FROM upload WHERE created_at < now() - make_interval(hours => :hours)"), {"hours": KEPT_HOURS}
        )
        # A tablet pushes one body at a time, so a device keeps one: what it kept of another body is gone (a
        # device cannot fill the disk with beginnings).
        others = text("DELETE FROM upload WHERE device_id = :device AND sha256 <> :sha")
        connection.execute(others, {"device": device_id, "sha": sha256})
        connection.execute(
            text(
                "INSERT INTO upload (device_id, sha256, length) VALUES (:device, :sha, :length) "
                "ON CONFLICT (device_id, sha256) DO NOTHING"
            ),
            {"device": device_id, "sha": sha256, "length": length},
        )
        kept = _received(connection, device_id, sha256, lock=True)
        if start != kept or not data or start + len(data) > length:
            return kept
        connection.execute(
            text("INSERT INTO upload_part (device_id, sha256, start, data) VALUES (:device, :sha, :start, :data)"),
            {"device": device_id, "sha": sha256, "start": start, "data": data},
        )
        connection.execute(
            text("UPDATE upload SET received = :received WHERE device_id = :device AND sha256 = :sha"),
            {"received": start + len(data), "device": device_id, "sha": sha256},
        )
    return start + len(data)


def kept_bytes(engine: Engine, device_id: str, sha256: str) -> bytes:
    with engine.connect() as connection:
        parts = connection.execute(
            text("SELECT data FROM upload_part WHERE device_id = :device AND sha256 = :sha ORDER BY start"),
            {"device": device_id, "sha": sha256},
        ).scalars()
        return b"".join(bytes(part) for part in parts)


def forget(engine: Engine, device_id: str, sha256: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text("DELETE FROM upload WHERE device_id = :device AND sha256 = :sha"), {"device": device_id, "sha": sha256}
        )


def _received(connection: Connection, device_id: str, sha256: str, lock: bool = False) -> int:
    found = connection.execute(
        text(
            "SELECT received FROM upload WHERE device_id = :device AND sha256 = :sha" + (" FOR UPDATE" if lock else "")
        ),
        {"device": device_id, "sha": sha256},
    ).scalar()
    return int(found or 0)
