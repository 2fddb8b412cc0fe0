"""A PDF hex string (``<48656c6c6f>``) read in one piece.

pyHanko and pypdf both read a hex string one byte per call. A seal's ``/Contents`` is tens of thousands of hex
digits, and every check of an act reads it with both, so most of their parsing time went there. ``read_whole``
does the same reading on the whole string: hex digits and PDF whitespace only, ended by ``>``. Anything else (a
comment, a stray byte, no end) is left to the library's own reader, which then says what is wrong exactly as
before; each library's replacement is installed once and checked against the original in the tests.
"""

from __future__ import annotations

import binascii
from typing import IO

PDF_WHITESPACE = b" \n\r\t\f\x00"
HEX_DIGITS = b"0123456789abcdefABCDEF"
LONGEST = 1 << 22  # longer than any seal; past it the library's own reader takes over


def read_whole(stream: IO[bytes]) -> bytes | None:
    """The bytes of the hex string at the stream's position (at its ``<``), the stream left after its ``>``; None
    with the stream where it was when the string is anything but plain hex digits and whitespace."""
    start = stream.tell()
    stream.read(1)  # the '<'
    digits = bytearray()
    size = 256  # most hex strings are short (a file id); a seal's grows the reads to its length
    while len(digits) <= LONGEST:
        chunk = stream.read(size)
        size = min(size * 2, 1 << 16)
        end = chunk.find(b">")
        digits += chunk if end < 0 else chunk[:end]
        if end >= 0:
            body = bytes(digits).translate(None, PDF_WHITESPACE)
            if not body.translate(None, HEX_DIGITS):
                stream.seek(start + 1 + len(digits) + 1)
                return binascii.unhexlify(body + b"0" * (len(body) % 2))  # an odd count ends as if with a 0
            break
        if not chunk:
            break
    stream.seek(start)
    return None
