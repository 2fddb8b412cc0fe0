import math
import re
import struct
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldact.ink import (
    FORMAT_VERSION,
    CaptureContext,
    InkFormatError,
    PointerType,
    Sample,
    Signature,
    Stroke,
    canonical_bytes,
    decode,
    encode,
    sha256,
)
from fieldact.ink.codec import MAGIC

# --- strategies ------------------------------------------------------------------------------------

ANY_FLOAT = st.floats(allow_nan=False, allow_infinity=False)
FLOAT32 = st.floats(allow_nan=False, allow_infinity=False, width=32)
WHOLE = st.integers(-(2**40), 2**40).map(float)
HUNDREDTHS = st.integers(-(10**9), 10**9).map(lambda n: n / 100)
PRESSURE_LEVELS = st.integers(0, 1024).map(lambda n: n / 1024)
PHYSICAL_OVER_DPR = st.integers(0, 4000).map(lambda n: n / 1.5)

# One style per column and stroke, as real devices give: every encoding path gets exercised.
COORDINATE_STYLES = st.sampled_from([ANY_FLOAT, FLOAT32, WHOLE, HUNDREDTHS, PHYSICAL_OVER_DPR])
PRESSURE_STYLES = st.sampled_from(
    [st.floats(0, 1), st.floats(0, 1, width=32), PRESSURE_LEVELS, st.just(1.0), st.just(0.0)]
)
OPTIONAL_MODES = st.sampled_from(["none", "all", "mixed"])


@st.composite
def optional_column(draw: st.DrawFn, count: int, values: st.SearchStrategy[float]) -> list[float | None]:
    mode = draw(OPTIONAL_MODES)
    if mode == "none":
        return [None] * count
    if mode == "all":
        return draw(st.lists(values, min_size=count, max_size=count))
    return draw(st.lists(st.none() | values, min_size=count, max_size=count))


@st.composite
def strokes(draw: st.DrawFn, max_samples: int = 40) -> Stroke:
    pointer = draw(st.sampled_from(list(PointerType)))
    count = draw(st.integers(1, max_samples))
    columns = [draw(st.lists(draw(COORDINATE_STYLES), min_size=count, max_size=count)) for _ in range(3)]
    pressure = draw(optional_column(count, draw(PRESSURE_STYLES)))
    tilt_x = draw(optional_column(count, draw(COORDINATE_STYLES)))
    tilt_y = draw(optional_column(count, draw(COORDINATE_STYLES)))
    samples = [
        Sample(t, x, y, p, tx, ty, pointer)
        for t, x, y, p, tx, ty in zip(*columns, pressure, tilt_x, tilt_y, strict=True)
    ]
    return Stroke(samples, pointer)


POSITIVE = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False)


@st.composite
def signatures(draw: st.DrawFn, max_strokes: int = 5) -> Signature:
    start = draw(st.datetimes(timezones=st.just(UTC)))
    context = CaptureContext(
        pad_width_px=draw(POSITIVE),
        pad_height_px=draw(POSITIVE),
        pad_width_mm=draw(POSITIVE),
        pad_height_mm=draw(POSITIVE),
        device_pixel_ratio=draw(POSITIVE),
        pointer_types=draw(st.frozensets(st.sampled_from(list(PointerType)))),
        pressure_real=draw(st.booleans()),
        started_at_utc=start,
    )
    return Signature(context, draw(st.lists(strokes(), max_size=max_strokes)))


def float_bits(signature: Signature) -> list[bytes | None]:
    """Every float of the signature as raw bits, so -0.0 and 0.0 count as different."""
    c = signature.context
    values: list[float | None] = [
        c.pad_width_px,
        c.pad_height_px,
        c.pad_width_mm,
        c.pad_height_mm,
        c.device_pixel_ratio,
    ]
    for s in signature.samples():
        values += [s.t_ms, s.x, s.y, s.pressure, s.tilt_x, s.tilt_y]
    return [None if v is None else struct.pack(">d", v) for v in values]


# --- fixtures --------------------------------------------------------------------------------------

START = datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)


def realistic_signature(samples: int = 600, strokes_count: int = 3) -> Signature:
    """A pen signature at 200 Hz with float32 values, as an Android tablet reports them."""

    def f32(value: float) -> float:
        return struct.unpack(">f", struct.pack(">f", value))[0]

    strokes_: list[Stroke] = []
    per_stroke = samples // strokes_count
    for k in range(strokes_count):
        points = []
        for i in range(per_stroke):
            u = i / per_stroke
            x = 100 + 200 * k + 150 * u + 40 * math.sin(18 * u)
            y = 150 + 60 * math.sin(11 * u + k) * math.cos(3 * u)
            pressure = 0.3 + 0.5 * abs(math.sin(7 * u))
            t = 1_000_000.0 + 5 * (k * per_stroke + i) + 300 * k
            points.append(Sample(t, f32(x), f32(y), f32(pressure), f32(20 * math.sin(u)), f32(30 * math.cos(u))))
        strokes_.append(Stroke(points, PointerType.PEN))
    context = CaptureContext(800, 300, 160, 60, 1.5, {PointerType.PEN}, True, START)
    return Signature(context, strokes_)


# --- round trip ------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signatures())
def test_round_trip_is_exact_to_the_bit(signature: Signature) -> None:
    decoded = decode(encode(signature))
    assert decoded == signature
    assert float_bits(decoded) == float_bits(signature)
    assert decoded.context.started_at_utc == signature.context.started_at_utc
    assert [s.pointer for s in decoded.strokes] == [s.pointer for s in signature.strokes]


@settings(max_examples=100, deadline=None)
@given(signatures(max_strokes=2))
def test_encoding_is_deterministic_and_the_fingerprint_is_stable(signature: Signature) -> None:
    rebuilt = decode(encode(signature))
    assert encode(rebuilt) == encode(signature)
    assert sha256(rebuilt) == sha256(signature)
    assert re.fullmatch(r"[0-9a-f]{64}", sha256(signature))


def test_negative_zero_survives_the_round_trip() -> None:
    signature = Signature(realistic_signature().context, [Stroke([Sample(-0.0, -0.0, 0.0, -0.0, -0.0, None)], "pen")])
    sample = decode(encode(signature)).strokes[0].samples[0]
    assert [math.copysign(1, v) for v in (sample.t_ms, sample.x, sample.y, sample.pressure, sample.tilt_x)] == [
        -1,
        -1,
        1,
        -1,
        -1,
    ]


def test_fingerprint_changes_with_the_smallest_change_of_one_sample() -> None:
    signature = realistic_signature()
    first = signature.strokes[0]
    samples = list(first.samples)
    samples[7] = replace(samples[7], x=math.nextafter(samples[7].x, math.inf))
    changed = Signature(signature.context, [Stroke(samples, PointerType.PEN), *signature.strokes[1:]])
    assert changed != signature
    assert sha256(changed) != sha256(signature)


def test_fingerprint_covers_the_context() -> None:
    signature = realistic_signature()
    later = Signature(
        CaptureContext(800, 300, 160, 60, 1.5, {PointerType.PEN}, True, START + timedelta(microseconds=1)),
        signature.strokes,
    )
    assert sha256(later) != sha256(signature)


def test_fingerprint_is_the_hash_of_the_uncompressed_canonical_form() -> None:
    signature = realistic_signature()
    encoded = encode(signature)
    assert canonical_bytes(signature) == encoded[:5] + zlib.decompress(encoded[5:])


def test_encoded_form_starts_with_magic_and_version() -> None:
    encoded = encode(realistic_signature(30, 1))
    assert encoded[:4] == MAGIC
    assert encoded[4] == FORMAT_VERSION


def test_typical_600_sample_signature_is_small() -> None:
    signature = realistic_signature()
    assert signature.sample_count == 600
    # 600 samples x 6 floats would be 28,800 bytes as plain float64.
    assert len(encode(signature)) < 6_000


def test_whole_pixel_mouse_signature_is_very_small() -> None:
    samples = [
        Sample(float(8 * i), float(100 + i), float(100 + round(40 * math.sin(i / 9))), pointer=PointerType.MOUSE)
        for i in range(600)
    ]
    context = CaptureContext(800, 300, 160, 60, 1.0, {PointerType.MOUSE}, False, START)
    signature = Signature(context, [Stroke(samples, PointerType.MOUSE)])
    assert decode(encode(signature)) == signature
    assert len(encode(signature)) < 800


def test_empty_signature_round_trips() -> None:
    signature = Signature(realistic_signature().context)
    assert decode(encode(signature)) == signature


# --- bad data --------------------------------------------------------------------------------------


def _payload_of(signature: Signature) -> bytes:
    return canonical_bytes(signature)[5:]


def _wrap(payload: bytes, version: int = FORMAT_VERSION) -> bytes:
    return MAGIC + bytes([version]) + zlib.compress(payload, 9)


def assert_clear_error(data: bytes, fragment: str) -> None:
    with pytest.raises(InkFormatError) as caught:
        decode(data)
    message = str(caught.value)
    assert fragment in message
    assert message[0].isupper() and message.endswith("."), f"not a sentence: {message!r}"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "not signature ink data"),
        (b"FIN", "not signature ink data"),
        (b"%PDF-1.7 not ink at all", "not signature ink data"),
        (MAGIC + bytes([FORMAT_VERSION]) + b"garbage", "corrupt"),
        (MAGIC + bytes([FORMAT_VERSION]), "truncated"),
    ],
)
def test_foreign_and_broken_bytes_are_refused(data: bytes, fragment: str) -> None:
    assert_clear_error(data, fragment)


def test_unknown_version_is_refused_with_both_versions_named() -> None:
    payload = _payload_of(realistic_signature(30, 1))
    with pytest.raises(InkFormatError, match=r"format version 2; this build reads version 1"):
        decode(_wrap(payload, version=2))


def test_every_truncation_is_refused() -> None:
    encoded = encode(realistic_signature(60, 2))
    for length in range(len(encoded)):
        with pytest.raises(InkFormatError):
            decode(encoded[:length])


def test_every_truncation_of_the_payload_is_refused() -> None:
    payload = _payload_of(realistic_signature(60, 2))
    for length in range(len(payload)):
        with pytest.raises(InkFormatError):
            decode(_wrap(payload[:length]))


def test_trailing_bytes_are_refused() -> None:
    signature = realistic_signature(30, 1)
    assert_clear_error(_wrap(_payload_of(signature) + b"\0"), "unexpected bytes at the end")
    assert_clear_error(encode(signature) + b"\0", "after the compressed stream")


def test_invalid_values_inside_valid_framing_are_refused() -> None:
    context = realistic_signature().context
    signature = Signature(context, [Stroke([Sample(0.0, 1.0, 2.0, 0.5)], PointerType.PEN)])
    payload = _payload_of(signature)
    # With one stroke the count is still one byte, so the stroke starts where an empty one would end.
    stroke_at = len(_payload_of(Signature(context)))
    mask_at = 40  # after the five float64 of the context

    def corrupted(at: int, value: bytes) -> bytes:
        return _wrap(payload[:at] + value + payload[at + len(value) :])

    assert_clear_error(corrupted(stroke_at, b"\x09"), "unknown pointer type (code 9)")
    assert_clear_error(corrupted(mask_at, b"\xff"), "unknown pointer type (mask 0xff)")
    assert_clear_error(corrupted(mask_at + 1, b"\x02"), "invalid pressure flag")
    assert_clear_error(corrupted(0, struct.pack(">d", math.nan)), "pad_width_px must be a finite number")
    assert_clear_error(corrupted(stroke_at + 2, b"\x07"), "invalid column marker (7)")
    assert_clear_error(corrupted(stroke_at + 3, b"\x09"), "unknown number encoding (9)")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_random_payloads_fail_only_with_ink_format_error(payload: bytes) -> None:
    try:
        decode(_wrap(payload))
    except InkFormatError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_single_byte_corruption_fails_only_with_ink_format_error(data: st.DataObject) -> None:
    payload = bytearray(_payload_of(realistic_signature(40, 2)))
    index = data.draw(st.integers(0, len(payload) - 1))
    payload[index] = data.draw(st.integers(0, 255))
    try:
        decoded = decode(_wrap(bytes(payload)))
    except InkFormatError:
        return
    assert isinstance(decoded, Signature)


def test_ink_format_error_is_a_value_error() -> None:
    assert issubclass(InkFormatError, ValueError)


def test_encoded_sha256_equals_the_signature_fingerprint_without_decoding() -> None:
    from fieldact.act.sample import sample_signature
    from fieldact.ink import encode, encoded_sha256, sha256

    signature = sample_signature()
    data = encode(signature)
    assert encoded_sha256(data) == sha256(signature)
    changed = bytearray(data)
    changed[-5] ^= 0x01
    try:
        assert encoded_sha256(bytes(changed)) != sha256(signature)
    except Exception as error:  # a corrupt stream may not even unpack
        assert "corrupt" in str(error) or "signature data" in str(error)
