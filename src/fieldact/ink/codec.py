"""Lossless, versioned, compact binary form of a signature.

Layout (format version 1)::

    b"FINK" | version (1 byte) | zlib(payload)

    payload  = context | varint stroke_count | stroke*
    context  = >5d pad_w_px pad_h_px pad_w_mm pad_h_mm dpr | u8 pointer mask | u8 pressure_real
               | zigzag varint started_at (µs since the Unix epoch, UTC)
    stroke   = u8 pointer | varint sample_count | column t | x | y | pressure | tilt_x | tilt_y
    column   = u8 presence (0 none, 1 all, 2 mixed + bitmap) [| u8 encoding | values]
    values   = >d divisor | zigzag varint delta*   (scaled)
             | XOR byte planes of >f or >d         (float32, float64)

Each column of floats is stored in the first encoding that gives back the exact same bits:
scaled (every value is n / d for integers n and one divisor d such as 100, 1024 or the device
pixel ratio; n is delta + varint coded), float32 or float64 (both XORed with the previous value and
split into byte planes, which zlib compresses well for smooth motion).
"""

from __future__ import annotations

import hashlib
import math
import struct
import zlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from .model import CaptureContext, PointerType, Sample, Signature, Stroke

MAGIC = b"FINK"
FORMAT_VERSION = 1
_ZLIB_LEVEL = 9
_MAX_PAYLOAD_BYTES = 64 * 1024 * 1024
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_CONTEXT_FLOATS = struct.Struct(">5d")

_POINTER_CODES: dict[PointerType, int] = {PointerType.PEN: 0, PointerType.TOUCH: 1, PointerType.MOUSE: 2}
_POINTERS_BY_CODE = {code: pointer for pointer, code in _POINTER_CODES.items()}

_ABSENT, _PRESENT, _MIXED = 0, 1, 2
_SCALED, _FLOAT32, _FLOAT64 = 0, 1, 2
_FLOAT64_BE = struct.Struct(">d")
_MAX_EXACT_INT = 2.0**53
_REQUIRED_COLUMNS = 3  # t, x, y are never None


class InkFormatError(ValueError):
    """The bytes are not a signature this build can read."""


# --- writing ---------------------------------------------------------------------------------------


def encode(signature: Signature) -> bytes:
    """The signature as compact bytes; deterministic: the same samples always give the same bytes."""
    return MAGIC + bytes([FORMAT_VERSION]) + zlib.compress(_payload(signature), _ZLIB_LEVEL)


def canonical_bytes(signature: Signature) -> bytes:
    """Header plus the uncompressed payload: what the fingerprint is computed over."""
    return MAGIC + bytes([FORMAT_VERSION]) + _payload(signature)


def sha256(signature: Signature) -> str:
    # Hashing the uncompressed form keeps the fingerprint stable across zlib builds, whose output
    # for the same input is not guaranteed to be byte-identical.
    return hashlib.sha256(canonical_bytes(signature)).hexdigest()


def encoded_sha256(data: bytes) -> str:
    """The fingerprint of encoded bytes without decoding the samples: for bytes made by ``encode`` it equals
    ``sha256(decode(data))``; any other bytes give a different fingerprint, never the same one."""
    return hashlib.sha256(bytes(data[: len(MAGIC) + 1]) + _unwrap(bytes(data))).hexdigest()


def _payload(signature: Signature) -> bytes:
    out = bytearray()
    _write_context(out, signature.context)
    _write_varint(out, len(signature.strokes))
    divisors = _divisors(signature.context)
    for stroke in signature.strokes:
        _write_stroke(out, stroke, divisors)
    return bytes(out)


def _write_context(out: bytearray, context: CaptureContext) -> None:
    out += _CONTEXT_FLOATS.pack(
        context.pad_width_px,
        context.pad_height_px,
        context.pad_width_mm,
        context.pad_height_mm,
        context.device_pixel_ratio,
    )
    out.append(sum(1 << _POINTER_CODES[p] for p in context.pointer_types))
    out.append(1 if context.pressure_real else 0)
    _write_varint(out, _zigzag((context.started_at_utc - _EPOCH) // timedelta(microseconds=1)))


def _write_stroke(out: bytearray, stroke: Stroke, divisors: Sequence[float]) -> None:
    samples = stroke.samples
    out.append(_POINTER_CODES[stroke.pointer])
    _write_varint(out, len(samples))
    for column in _columns(samples):
        _write_column(out, column, divisors)


def _columns(samples: Sequence[Sample]) -> list[list[float | None]]:
    return [
        [s.t_ms for s in samples],
        [s.x for s in samples],
        [s.y for s in samples],
        [s.pressure for s in samples],
        [s.tilt_x for s in samples],
        [s.tilt_y for s in samples],
    ]


def _write_column(out: bytearray, column: list[float | None], divisors: Sequence[float]) -> None:
    values = [v for v in column if v is not None]
    if not values:
        out.append(_ABSENT)
        return
    if len(values) == len(column):
        out.append(_PRESENT)
    else:
        out.append(_MIXED)
        out += _bitmap([v is not None for v in column])
    _write_floats(out, values, divisors)


def _write_floats(out: bytearray, values: list[float], divisors: Sequence[float]) -> None:
    divisor = _exact_divisor(values, divisors)
    if divisor is not None:
        out.append(_SCALED)
        out += _FLOAT64_BE.pack(divisor)
        previous = 0
        for value in values:
            n = round(value * divisor)
            _write_varint(out, _zigzag(n - previous))
            previous = n
    elif _fits_float32(values):
        out.append(_FLOAT32)
        out += _xor_planes(values, "f", "I")
    else:
        out.append(_FLOAT64)
        out += _xor_planes(values, "d", "Q")


def _divisors(context: CaptureContext) -> list[float]:
    """Candidate steps, as divisors, that captured values are often whole multiples of.

    Decimal steps cover integers and rounded values, binary ones pressure levels like k/1024,
    and the device pixel ratio covers device pixels mapped to logical ones.
    """
    candidates = {10.0**k for k in range(7)} | {2.0**e for e in range(1, 17)}
    candidates.add(context.device_pixel_ratio)
    return sorted(candidates)


def _exact_divisor(values: list[float], divisors: Sequence[float]) -> float | None:
    """The first divisor d for which every value is n / d for an integer n, bit for bit."""
    if any(v == 0.0 and math.copysign(1.0, v) < 0 for v in values):
        return None  # -0.0 has no integer form
    for divisor in divisors:
        if all(abs(v * divisor) < _MAX_EXACT_INT and round(v * divisor) / divisor == v for v in values):
            return divisor
    return None


def _fits_float32(values: list[float]) -> bool:
    try:
        packed = struct.pack(f">{len(values)}f", *values)
    except OverflowError:
        return False
    return list(struct.unpack(f">{len(values)}f", packed)) == values


def _xor_planes(values: list[float], float_code: str, int_code: str) -> bytes:
    count = len(values)
    width = struct.calcsize(float_code)
    bits = struct.unpack(f">{count}{int_code}", struct.pack(f">{count}{float_code}", *values))
    deltas = [b ^ a for a, b in zip((0, *bits), bits, strict=False)]
    raw = struct.pack(f">{count}{int_code}", *deltas)
    return b"".join(raw[plane::width] for plane in range(width))


def _bitmap(flags: list[bool]) -> bytes:
    out = bytearray((len(flags) + 7) // 8)
    for index, flag in enumerate(flags):
        if flag:
            out[index >> 3] |= 1 << (index & 7)
    return bytes(out)


def _zigzag(n: int) -> int:
    return n << 1 if n >= 0 else ((-n) << 1) - 1


def _write_varint(out: bytearray, n: int) -> None:
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


# --- reading ---------------------------------------------------------------------------------------


def decode(data: bytes) -> Signature:
    """The signature encoded in data; raises InkFormatError for anything else."""
    payload = _unwrap(bytes(data))
    reader = _Reader(payload)
    try:
        signature = _read_signature(reader)
    except InkFormatError:
        raise
    except (ValueError, TypeError, OverflowError) as error:
        reason = str(error).rstrip(".")
        raise InkFormatError(f"The signature data holds invalid values ({reason}).") from error
    if reader.remaining:
        raise InkFormatError(f"The signature data has {reader.remaining} unexpected bytes at the end.")
    return signature


def _unwrap(data: bytes) -> bytes:
    header = len(MAGIC) + 1
    if len(data) < header or not data.startswith(MAGIC):
        raise InkFormatError("These bytes are not signature ink data (the FINK header is missing).")
    version = data[len(MAGIC)]
    if version != FORMAT_VERSION:
        raise InkFormatError(
            f"The signature data is in format version {version}; this build reads version {FORMAT_VERSION}."
        )
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(data[header:], _MAX_PAYLOAD_BYTES)
    except zlib.error as error:
        raise InkFormatError(f"The signature data is corrupt and cannot be unpacked ({error}).") from error
    if inflater.unconsumed_tail:
        raise InkFormatError("The signature data expands beyond the size limit and was rejected.")
    if not inflater.eof:
        raise InkFormatError("The signature data is truncated: the compressed stream ends early.")
    if inflater.unused_data:
        raise InkFormatError("The signature data has unexpected bytes after the compressed stream.")
    return payload


class _Reader:
    __slots__ = ("_data", "_pos")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    @property
    def remaining(self) -> int:
        return len(self._data) - self._pos

    def take(self, count: int) -> bytes:
        if count > self.remaining:
            raise InkFormatError("The signature data is truncated: a field runs past the end.")
        chunk = self._data[self._pos : self._pos + count]
        self._pos += count
        return chunk

    def u8(self) -> int:
        return self.take(1)[0]

    def varint(self) -> int:
        result = shift = 0
        while True:
            byte = self.u8()
            result |= (byte & 0x7F) << shift
            if byte < 0x80:
                return result
            shift += 7
            if shift > 640:
                raise InkFormatError("The signature data holds a number that is impossibly long.")

    def zigzag(self) -> int:
        n = self.varint()
        return -((n + 1) >> 1) if n & 1 else n >> 1

    def zigzags(self, count: int) -> list[int]:
        """``count`` zigzag varints: what ``zigzag`` reads, in one pass (a signature holds thousands)."""
        data, pos, end = self._data, self._pos, len(self._data)
        values: list[int] = []
        append = values.append
        for _ in range(count):
            n = shift = 0
            while True:
                if pos >= end:
                    raise InkFormatError("The signature data is truncated: a field runs past the end.")
                byte = data[pos]
                pos += 1
                n |= (byte & 0x7F) << shift
                if byte < 0x80:
                    break
                shift += 7
                if shift > 640:
                    raise InkFormatError("The signature data holds a number that is impossibly long.")
            append(-((n + 1) >> 1) if n & 1 else n >> 1)
        self._pos = pos
        return values


def _read_signature(reader: _Reader) -> Signature:
    context = _read_context(reader)
    stroke_count = reader.varint()
    if stroke_count > reader.remaining:
        raise InkFormatError("The signature data claims more strokes than it can hold.")
    return Signature(context, tuple(_read_stroke(reader) for _ in range(stroke_count)))


def _read_context(reader: _Reader) -> CaptureContext:
    width_px, height_px, width_mm, height_mm, ratio = _CONTEXT_FLOATS.unpack(reader.take(_CONTEXT_FLOATS.size))
    mask = reader.u8()
    if mask >> len(_POINTER_CODES):
        raise InkFormatError(f"The signature data names an unknown pointer type (mask {mask:#04x}).")
    pressure_real = reader.u8()
    if pressure_real > 1:
        raise InkFormatError(f"The signature data has an invalid pressure flag ({pressure_real}).")
    try:
        started = _EPOCH + timedelta(microseconds=reader.zigzag())
    except OverflowError as error:
        raise InkFormatError("The signature data has a start time out of range.") from error
    return CaptureContext(
        pad_width_px=width_px,
        pad_height_px=height_px,
        pad_width_mm=width_mm,
        pad_height_mm=height_mm,
        device_pixel_ratio=ratio,
        pointer_types=frozenset(p for p, code in _POINTER_CODES.items() if mask & (1 << code)),
        pressure_real=bool(pressure_real),
        started_at_utc=started,
    )


def _read_stroke(reader: _Reader) -> Stroke:
    code = reader.u8()
    pointer = _POINTERS_BY_CODE.get(code)
    if pointer is None:
        raise InkFormatError(f"The signature data names an unknown pointer type (code {code}).")
    count = reader.varint()
    # Every sample costs at least one byte in each required column, so this bounds allocations.
    if count > reader.remaining:
        raise InkFormatError("The signature data claims more samples than it can hold.")
    columns = [_read_column(reader, count, required=i < _REQUIRED_COLUMNS) for i in range(6)]
    return Stroke(
        tuple(
            Sample(t, x, y, pressure, tilt_x, tilt_y, pointer)
            for t, x, y, pressure, tilt_x, tilt_y in zip(*columns, strict=True)
        ),
        pointer,
    )


def _read_column(reader: _Reader, count: int, *, required: bool) -> list[float | None]:
    presence = reader.u8()
    if presence == _ABSENT and not required:
        return [None] * count
    if presence == _PRESENT:
        return list(_read_floats(reader, count))
    if presence == _MIXED and not required:
        flags = _read_bitmap(reader, count)
        values = iter(_read_floats(reader, sum(flags)))
        return [next(values) if flag else None for flag in flags]
    raise InkFormatError(f"The signature data has an invalid column marker ({presence}).")


def _read_bitmap(reader: _Reader, count: int) -> list[bool]:
    raw = reader.take((count + 7) // 8)
    return [bool(raw[i >> 3] & (1 << (i & 7))) for i in range(count)]


def _read_floats(reader: _Reader, count: int) -> list[float]:
    encoding = reader.u8()
    read = _FLOAT_READERS.get(encoding)
    if read is None:
        raise InkFormatError(f"The signature data uses an unknown number encoding ({encoding}).")
    return read(reader, count)


def _read_scaled(reader: _Reader, count: int) -> list[float]:
    (divisor,) = _FLOAT64_BE.unpack(reader.take(_FLOAT64_BE.size))
    if not (math.isfinite(divisor) and divisor > 0):
        raise InkFormatError(f"The signature data has an invalid number scale ({divisor!r}).")
    return [n / divisor for n in accumulate(reader.zigzags(count))]


def _read_xor_planes(reader: _Reader, count: int, float_code: str, int_code: str) -> list[float]:
    width = struct.calcsize(float_code)
    planes = reader.take(count * width)
    raw = bytearray(count * width)
    for plane in range(width):
        raw[plane::width] = planes[plane * count : (plane + 1) * count]
    bits = []
    previous = 0
    for delta in struct.unpack(f">{count}{int_code}", raw):
        previous ^= delta
        bits.append(previous)
    return list(struct.unpack(f">{count}{float_code}", struct.pack(f">{count}{int_code}", *bits)))


_FLOAT_READERS: dict[int, Callable[[_Reader, int], list[float]]] = {
    _SCALED: _read_scaled,
    _FLOAT32: lambda reader, count: _read_xor_planes(reader, count, "f", "I"),
    _FLOAT64: lambda reader, count: _read_xor_planes(reader, count, "d", "Q"),
}
