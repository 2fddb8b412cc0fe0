"""What travels between the tablet and the service: JSON with tagged bytes and times, gzip-compressed.

Rows keep their Python types across the wire (``datetime`` and ``bytes`` are tagged), so the rows the tablet
reads with ``store/sync.py`` reach ``push_visit`` on the server exactly as a direct database push gave them.
"""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from datetime import datetime
from decimal import Decimal
from typing import Any

MAX_INFLATED = 256 * 1024 * 1024  # a gzip bomb stops here


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
