"""Demo content for reviewing the act template: a realistic connection visit and a synthesized signature."""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from fieldact.act.content import ActMeta
from fieldact.ink import CaptureContext, PointerType, Sample, Signature, Stroke
from fieldact.standard import Service, VisitKind
from fieldact.standard.schema import Brand, Standard
from fieldact.visit import Material, PaymentLine, Plan, Visit, settle, subscriber_from_name, technician_from_name
from fieldact.visit.evidence import (
    Apps,
    CableLabels,
    CableRoute,
    Channels,
    DebrisRemoved,
    Evidence,
    HolesFilled,
    Note,
    PhoneNumber,
    Speed,
    Tariff,
    TestCall,
)

SAMPLE_VISIT_ID = uuid.UUID("0b8f2c4e-5d7a-4f3e-9c1b-7a6d5e4f3c2b")
SAMPLE_ACT_ID = uuid.UUID("6f1c1f0e-3c1a-4c7e-9a51-2f4d3b8e7a10")
SAMPLE_CONTRACT = "590000000001"
SAMPLE_SUBSCRIBER = "Иванов Иван Петрович"
SAMPLE_TECHNICIAN = "Петров Пётр"

# Evidence a technician would record for the items that need more than a tick.
SAMPLE_EVIDENCE: dict[str, Evidence] = {
    "installation.route_agreed": CableRoute("по площадке в кабель-канале, в квартире по плинтусу до гостиной"),
    "installation.debris_removed": DebrisRemoved(True),
    "installation.holes_filled": HolesFilled(1),
    "demonstration.tv_channels": Channels(("Первый канал", "Россия 1", "НТВ", "Дом.ru инфо")),
    "demonstration.internet_session_tariff": Tariff("Интернет 100 + ТВ «Базовый»"),
    "demonstration.internet_multimedia_apps": Apps(("Shareman", "Peers")),
    "demonstration.internet_speed": Speed(Decimal("94.2"), Decimal("91.0")),
    "demonstration.phone_test_call": TestCall(True, True),
    "demonstration.phone_bind_number": PhoneNumber("+7 342 219-51-95"),
    "demonstration.cable_labels": CableLabels(2),
    "diagnostics.listen_clarify": Note("нет сигнала на ТВ в гостиной"),
    "diagnostics.diagnose": Note("окислен F-разъём на вводе"),
    "diagnostics.fix": Note("разъём заменён, сигнал в норме"),
    "diagnostics.debris_removed": DebrisRemoved(True),
    "check.tv_channels": Channels(("Первый канал", "НТВ")),
    "check.internet_speed": Speed(Decimal("50"), Decimal("48.5")),
    "check.phone_test_call": TestCall(True, True),
}


def sample_visit(
    standard: Standard,
    brand: Brand,
    *,
    kind: VisitKind = VisitKind.CONNECTION,
    services: frozenset[Service] = frozenset(Service),
    planned: datetime | None = None,
) -> Visit:
    """A visit completed up to signing: every item shown is done with its evidence, payment taken."""
    zone = ZoneInfo(brand.timezone)
    start = planned or datetime(2026, 11, 26, 14, 0, tzinfo=zone)
    visit = Visit(
        standard,
        brand,
        kind,
        services,
        subscriber_from_name(
            SAMPLE_SUBSCRIBER,
            contract=SAMPLE_CONTRACT,
            address=f"г. {brand.city}, ул. Ленина, д. 50, кв. 12",
            phone="+7 912 000-00-00",
        ),
        technician_from_name(SAMPLE_TECHNICIAN),
        Plan(start),
        id=SAMPLE_VISIT_ID,
    )
    visit.checklist.set_condition("speed_requested", True)
    visit.checklist.set_condition("phone_adapter", True)
    complete_up_to_signing(visit)
    visit.materials = [
        Material("K-5E", "Кабель UTP 5e", Decimal("12.5"), "м"),
        Material("RG-6", "Кабель коаксиальный RG-6", Decimal("8"), "м"),
        Material("F-CON", "Разъём F", Decimal("4"), "шт."),
        Material("CLIP", "Скоба кабельная", Decimal("30"), "шт."),
    ]
    visit.payment = settle(
        (
            PaymentLine("Подключение услуг", 1, 100_000),
            PaymentLine("Кабель UTP 5e сверх нормы, м", 5, 1_500),
        ),
        received=110_000,
        change=0,
        bso_number="АБ 012345",
    )
    return visit


def add_sample_evidence(visit: Visit, photos: int = 6) -> None:
    """Photos of the items that take them (``photos`` in all, spread over those items) and a router and an ONT
    installed, an old set-top box taken away; as the act sample and the benchmarks show them."""
    from fieldact.photo.sample import sample_photo
    from fieldact.visit.equipment import Device, DeviceAction
    from fieldact.visit.photos import ItemPhoto, photo_counts

    keys = [e.key for e in visit.checklist.entries if e.item.photos and visit.checklist.is_shown(e)]
    captions = {e.key: e.item.photos.caption for e in visit.checklist.entries if e.item.photos}
    moment = visit.plan.start
    for number in range(photos):
        key = keys[number % len(keys)]
        taken_at = moment + timedelta(minutes=20 + 7 * number)
        photo = sample_photo(visit.request_number or "2611-01", captions[key], taken_at, number)
        visit.photos.append(
            ItemPhoto(
                str(uuid.uuid5(visit.id, str(number))),
                key,
                taken_at.astimezone(UTC),
                photo.sha256,
                photo.width,
                photo.height,
                photo.jpeg,
            )
        )
    visit.checklist.photos = photo_counts(visit.photos)
    visit.devices = [
        Device(DeviceAction.INSTALLED, "router", "ZX1234567890", "00:1A:2B:3C:4D:5E"),
        Device(DeviceAction.INSTALLED, "ont", "HWTC1A2B3C4D", "00:1A:2B:3C:4D:5F"),
        Device(DeviceAction.REMOVED, "stb", "354400123456", "00:0C:29:AA:BB:CC"),
    ]


def complete_up_to_signing(visit: Visit) -> None:
    """Every item up to the act done, as if its photos were taken (a store keeps them: store.photos)."""
    checklist = visit.checklist
    for entry in checklist.entries:
        if visit.before_act(entry.stage) and checklist.is_shown(entry):
            if entry.item.photos:
                checklist.photos.setdefault(entry.key, entry.item.photos.min)
            checklist.mark_done(entry.key, SAMPLE_EVIDENCE.get(entry.key))


def sample_meta(brand: Brand, signed_at: datetime | None = None) -> ActMeta:
    zone = ZoneInfo(brand.timezone)
    moment = signed_at or datetime(2026, 11, 26, 15, 42, 10, tzinfo=zone)
    return ActMeta(
        number=f"{moment:%Y%m%d}-0042",
        signed_at=moment,
        signer_name=SAMPLE_SUBSCRIBER,
        id=SAMPLE_ACT_ID,
    )


# --- a synthesized signature ----------------------------------------------------------------------------

Path2D = Callable[[float], tuple[float, float]]

PAD = CaptureContext(
    pad_width_px=800,
    pad_height_px=300,
    pad_width_mm=160,
    pad_height_mm=60,
    device_pixel_ratio=1.5,
    pointer_types=frozenset({PointerType.PEN}),
    pressure_real=True,
    started_at_utc=datetime(2026, 11, 26, 10, 42, 0, tzinfo=UTC),
)


def sample_signature(samples: int = 600, started_at: datetime | None = None) -> Signature:
    """A pen signature of ``samples`` samples at 200 Hz: a capital, a cursive run and an underline."""
    context = PAD if started_at is None else _context_at(started_at)
    shares = (0.3, 0.45, 0.25)
    counts = [round(samples * share) for share in shares[:-1]]
    counts.append(samples - sum(counts))
    paths: list[Path2D] = [_capital, _cursive, _underline]
    strokes = []
    t = 0.0
    for path, count in zip(paths, counts, strict=True):
        strokes.append(_stroke(path, count, t))
        t += count * 5.0 + 180.0  # 200 Hz, and a pause between strokes
    return Signature(context, tuple(strokes))


def _context_at(started_at: datetime) -> CaptureContext:
    return CaptureContext(
        PAD.pad_width_px,
        PAD.pad_height_px,
        PAD.pad_width_mm,
        PAD.pad_height_mm,
        PAD.device_pixel_ratio,
        PAD.pointer_types,
        PAD.pressure_real,
        started_at.astimezone(UTC),
    )


def _stroke(path: Path2D, count: int, t0: float) -> Stroke:
    points = []
    for i in range(count):
        u = i / max(1, count - 1)
        x, y = path(u)
        pressure = 0.25 + 0.6 * math.sin(math.pi * min(1.0, u * 1.15)) ** 0.6
        points.append(Sample(t0 + 5.0 * i, _device(x), _device(y), round(pressure * 1024) / 1024))
    return Stroke(tuple(points), PointerType.PEN)


def _device(value: float) -> float:
    """A position on the device pixel grid, in logical pixels, as a tablet reports it."""
    return round(value * 1.5) / 1.5


def _capital(u: float) -> tuple[float, float]:
    # A tall looped capital: up, over and down into a small loop.
    angle = 2 * math.pi * 1.5 * u
    x = 90 + 70 * u + 30 * math.sin(angle)
    y = 170 - 110 * math.sin(math.pi * u) + 18 * math.cos(angle)
    return x, y


def _cursive(u: float) -> tuple[float, float]:
    # Joined lower-case letters: a prolate cycloid with slowly changing height.
    angle = 2 * math.pi * 6 * u
    x = 180 + 360 * u + 22 * math.sin(angle)
    y = 165 - (30 + 12 * math.sin(3 * u)) * (1 - math.cos(angle)) / 2 - 25 * u * (1 - u)
    return x, y


def _underline(u: float) -> tuple[float, float]:
    # A quick flourish under the name, rising at the end.
    x = 110 + 520 * u
    y = 215 + 14 * math.sin(math.pi * u) - 45 * u**6
    return x, y
