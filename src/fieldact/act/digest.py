"""The act's whole-file digest: a SHA-256 over every byte of the PDF as it was made, carried inside it.

A file cannot hold its own hash directly, so the PDF carries a small embedded file with a fixed-width record,
``fieldact-pdf-digest/1 sha256=<64 hex> length=<10 digits>``, written into the finished bytes like the
/ByteRange of a signature: the hash covers the first ``length`` bytes with the 64 hex digits read as zeros.
Any change to any other byte, or to the record itself, breaks it. Bytes after ``length`` can only be an
incremental update, such as a PAdES seal, which must then cover the whole file.

This detects accidental and careless change. It is not a signature: anyone can recompute it after a
deliberate edit. The seal is what makes an act tamper-evident against a forger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldact.hashing import sha256_hex

DIGEST_FILE = "act-digest.txt"
_PREFIX = b"fieldact-pdf-digest/1 sha256="
_LENGTH = b" length="
_HEX_DIGITS = 64
_LENGTH_DIGITS = 10
PLACEHOLDER = _PREFIX + b"0" * _HEX_DIGITS + _LENGTH + b"0" * _LENGTH_DIGITS + b"\n"
_RECORD = re.compile(
    re.escape(_PREFIX) + rb"([0-9a-f]{64})" + re.escape(_LENGTH) + rb"([0-9]{10})\n\Z",
)


class DigestError(ValueError):
    """The digest record cannot be written or read."""


@dataclass(frozen=True, slots=True)
class DigestRecord:
    sha256: str
    length: int


def stamp(pdf: bytes) -> bytes:
    """The PDF with its digest record filled in; the placeholder must appear in it exactly once."""
    at = pdf.find(PLACEHOLDER)
    if at < 0 or pdf.find(PLACEHOLDER, at + 1) >= 0:
        raise DigestError("the PDF must hold the digest placeholder exactly once")
    length = len(pdf)
    if length >= 10**_LENGTH_DIGITS:
        raise DigestError("the PDF is too large for its digest record")
    hex_at = at + len(_PREFIX)
    length_at = hex_at + _HEX_DIGITS + len(_LENGTH)
    stamped = bytearray(pdf)
    stamped[length_at : length_at + _LENGTH_DIGITS] = b"%010d" % length
    digest = sha256_hex(stamped).encode("ascii")
    stamped[hex_at : hex_at + _HEX_DIGITS] = digest
    return bytes(stamped)


def parse_record(record: bytes) -> DigestRecord:
    match = _RECORD.match(record)
    if match is None:
        raise DigestError("the digest record is not in the expected form")
    return DigestRecord(match.group(1).decode("ascii"), int(match.group(2)))


def original_digest(data: bytes, record: bytes) -> str:
    """The SHA-256 of the file as it was made, recomputed from ``data`` the way ``stamp`` computed it.

    ``record`` is the embedded digest file as read from the PDF; it must be found among the first
    ``length`` bytes, where ``stamp`` wrote it.
    """
    parsed = parse_record(record)
    original = data[: parsed.length]
    at = original.find(record)
    if at < 0:
        raise DigestError("the digest record is not where the act was made with it")
    hex_at = at + len(_PREFIX)
    blanked = bytearray(original)
    blanked[hex_at : hex_at + _HEX_DIGITS] = b"0" * _HEX_DIGITS
    return sha256_hex(blanked)
