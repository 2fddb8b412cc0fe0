"""What travels between the tablet and the service: JSON with tagged bytes and times, gzip-compressed.

Rows keep their Python types across the wire (``datetime`` and ``bytes`` are tagged), so the rows the tablet
reads with ``store/sync.py`` reach ``push_visit`` on the server exactly as a direct database push gave them.

A push is mostly acts and photos, bytes that are compressed already. In base64 inside gzipped JSON they cost
the tablet a third more to send and both ends a pass of base64 and of gzip over every byte, which was a quarter of
the service's own work per visit. So a push travels packed (``pack``): the gzipped JSON with each bytes value
replaced by where it lies, then the bytes themselves, as they are::

    FAW1 | length of the gzipped JSON (4 bytes, big-endian) | gzipped JSON | the bytes, one after another

The service reads both forms (``unpack`` tells them apart by the first bytes), so a tablet not yet updated
still pushes.
"""

from __future__ import annotations

import base64
import gzip
import json
import struct
import zlib
from datetime import datetime
from decimal import Decimal
from typing import Any

MAX_INFLATED = 256 * 1024 * 1024  # a gzip bomb stops here
PACKED = b"FAW1"
PACKED_TYPE = "application/vnd.fieldact.packed"
_LENGTH = struct.Struct(">I")


class WireError(ValueError):
    """A body that is not what the protocol sends."""


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    raise TypeError(f"cannot send {type(value).__name__}")


def _hook(value: dict[str, Any]) -> Any:
    if len(value) == 1:
        if "$t" in value:
            return datetime.fromisoformat(value["$t"])
        if "$b" in value:
            return base64.b64decode(value["$b"], validate=True)
        if "$d" in value:
            return Decimal(value["$d"])
    return value


def dumps(value: Any) -> bytes:
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes) -> Any:
    try:
        return json.loads(data, object_hook=_hook)
    except (ValueError, TypeError) as error:
        raise WireError(f"not a fieldact message: {error}") from None


def compress(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=5, mtime=0)


def inflate(data: bytes, limit: int = MAX_INFLATED) -> bytes:
    """gunzip, refusing more than ``limit`` bytes out."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, limit)
    except zlib.error as error:
        raise WireError(f"not gzip: {error}") from None
    if inflater.unconsumed_tail:
        raise WireError("the body inflates past the limit")
    return out


def pack(value: Any) -> bytes:
    """``value`` packed: its JSON gzipped, its bytes values after it as they are."""
    blobs: list[bytes] = []
    offset = 0

    def place(item: Any) -> Any:
        nonlocal offset
        if isinstance(item, bytes | bytearray | memoryview):
            data = bytes(item)
            blobs.append(data)
            offset += len(data)
            return {"$r": [offset - len(data), len(data)]}
        return _default(item)

    text = json.dumps(value, default=place, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    head = compress(text)
    return b"".join((PACKED, _LENGTH.pack(len(head)), head, *blobs))


def is_packed(data: bytes) -> bool:
    return data[: len(PACKED)] == PACKED


def unpack(data: bytes, limit: int = MAX_INFLATED) -> Any:
    """A packed value read back; anything that is not what ``pack`` makes is a WireError."""
    if not is_packed(data) or len(data) < len(PACKED) + _LENGTH.size:
        raise WireError("not a packed fieldact message")
    (length,) = _LENGTH.unpack_from(data, len(PACKED))
    start = len(PACKED) + _LENGTH.size
    if start + length > len(data):
        raise WireError("the packed message ends inside its head")
    blobs = memoryview(data)[start + length :]
    taken = 0

    def hook(value: dict[str, Any]) -> Any:
        # Each bytes value is where the one before it ends, as pack lays them out: no part is read twice, so a
        # body never unpacks to more than its own size (a thousand references to one megabyte would be a gigabyte).
        nonlocal taken
        if len(value) == 1 and "$r" in value:
            where = value["$r"]
            if (
                not isinstance(where, list)
                or len(where) != 2
                or not all(type(n) is int for n in where)
                or where[0] != taken
                or not 0 <= where[1] <= len(blobs) - taken
            ):
                raise WireError("a packed message points outside its bytes, or to bytes taken already")
            taken += where[1]
            return bytes(blobs[where[0] : taken])
        return _hook(value)

    head = inflate(bytes(data[start : start + length]), limit)
    try:
        value = json.loads(head, object_hook=hook)
    except WireError:
        raise
    except (ValueError, TypeError) as error:
        raise WireError(f"not a fieldact message: {error}") from None
    if taken != len(blobs):
        raise WireError("a packed message carries bytes nothing points to")
    return value
