"""How fast a 12 MP camera frame becomes an evidence photo, and how large the stored photos are.

``process_12mp_ms``: a 4000×3000 JPEG as a camera writes it (EXIF orientation 6) made upright, downscaled to
1,600 px, stamped, encoded and hashed; median of repeated runs (bar <= 300 ms). ``photo_kb``: median stored
size over frames of different detail (bar <= 300 KB). The frames are synthetic scenes: smooth walls and
light, hard edges (a cable, a door), fine texture and sensor noise, which is what a JPEG spends bytes on.
``act_with_6_photos_kb``: the stored PDF of a connection act with six such photos embedded and on the
appendix, sealed (bar <= 2,000 KB). ``sign_with_6_photos_ms``: ``sign_visit`` on a stored visit with six
photos, warm: load, render, seal with a throw-away certificate, store (median; bar <= 400 ms).

Prints one JSON line. Run: .venv/bin/python benchmarks/bench_photo.py
"""

from __future__ import annotations

import gc
import io
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

try:
    import fieldact.photo  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from datetime import timedelta
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw, ImageFilter

from fieldact.act.sample import complete_up_to_signing, sample_signature
from fieldact.photo import Photo, Stamp, process_bytes
from fieldact.standard import Brand, Service, VisitKind, load_brand, load_standard
from fieldact.standard.schema import SealSettings
from fieldact.store.db import open_database
from fieldact.store.open_visit import OpenVisit
from fieldact.store.repository import Store
from fieldact.store.signing import sign_visit
from fieldact.visit import PaymentLine, Plan, Subscriber, settle

WIDTH, HEIGHT = 4000, 3000
RUNS = 7
SIGN_WARMUP, SIGN_RUNS = 2, 7
STAMP = Stamp("2026-000123", "Бирки на кабеле", datetime(2026, 12, 3, 10, 15))


def scene(seed: int, noise: float) -> Image.Image:
    """A wall with light falling off, a door frame, a cable along it, textured plaster and sensor noise."""
    light = Image.radial_gradient("L").resize((WIDTH, HEIGHT)).point(lambda v: 235 - v // 3)
    image = Image.merge("RGB", (light, light.point(lambda v: v - 8), light.point(lambda v: v - 20)))
    draw = ImageDraw.Draw(image)
    draw.rectangle((2600 + seed * 40, 300, 3400, HEIGHT), fill=(120, 80, 50), outline=(40, 30, 20), width=25)
    draw.line((0, 900 + seed * 60, WIDTH, 1100), fill=(250, 250, 250), width=30)
    draw.line((0, 930 + seed * 60, WIDTH, 1130), fill=(60, 60, 60), width=6)
    draw.rectangle((1000, 1800, 1700, 2400), fill=(230, 230, 220), outline=(90, 90, 90), width=8)
    texture = Image.effect_noise((WIDTH // 8, HEIGHT // 8), 60).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((WIDTH, HEIGHT), noise)
    mixed = Image.merge("RGB", [Image.blend(texture, grain, 0.5)] * 3)
    return Image.blend(image, mixed, 0.18).filter(ImageFilter.SMOOTH)


def camera_jpeg(image: Image.Image) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Tablet camera"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()


def sealed_brand(folder: Path, brand: Brand) -> Brand:
    """The brand with a seal: a throw-away EC certificate in a PKCS#12 file (as the seal tests make one)."""
    from datetime import UTC, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Печать актов (бенчмарк)")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    archive = folder / "seal.p12"
    archive.write_bytes(
        pkcs12.serialize_key_and_certificates(b"s", key, certificate, None, serialization.NoEncryption())
    )
    return brand.model_copy(update={"seal": SealSettings(pkcs12=str(archive))})


def visit_with_photos(store: Store, technician: str, number: int, photos: list[Photo]) -> str:
    zone = ZoneInfo(store.brand.timezone)
    visit_id = store.create_visit(
        VisitKind.CONNECTION,
        frozenset(Service),
        Subscriber("Иванов", "Иван", "Петрович", f"5900000{number:05d}", "г. Пермь, ул. Ленина, 50", ""),
        technician,
        Plan(datetime(2026, 11, 26, 9 + number % 9, tzinfo=zone)),
        request_number=f"2611-{number:02d}",
    )
    opened = OpenVisit.load(store, visit_id, "Петров")
    keys = ["installation.debris_removed", "installation.holes_filled", "demonstration.cable_labels"]
    keys += ["installation.route_agreed"] * 3
    for key, photo in zip(keys, photos, strict=True):
        opened.add_photo(key, photo)
    visit = store.load_visit(visit_id)
    complete_up_to_signing(visit)
    for key, answer in visit.checklist.answers.items():
        store.save_answer(visit_id, key, answer, "Петров")
    store.save_payment(visit_id, settle((PaymentLine("Подключение", 1, 100_000),), 100_000, 0, "АБ 1"), "Петров")
    return visit_id


def signing(frames: list[bytes]) -> tuple[float, float]:
    """(median ms of sign_visit, KB of the stored PDF) over visits with six photos each."""
    standard = load_standard()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(open_database(Path(folder) / "bench.db"), standard, sealed_brand(Path(folder), load_brand()))
        technician = store.add_technician("Петров", "Пётр", "1234")
        photos = [
            process_bytes(frames[n % len(frames)], Stamp("2611-01", f"Фото {n}", STAMP.taken_at)) for n in range(6)
        ]
        visits = [visit_with_photos(store, technician, n, photos) for n in range(SIGN_WARMUP + SIGN_RUNS)]
        timings, size = [], 0
        for index, visit_id in enumerate(visits):
            gc.collect()
            at = datetime(2026, 11, 26, 15, tzinfo=ZoneInfo(store.brand.timezone)) + timedelta(minutes=index)
            start = time.perf_counter()
            act = sign_visit(store, visit_id, sample_signature(started_at=at), "Иванов Иван Петрович", at, "Петров")
            if index >= SIGN_WARMUP:
                timings.append(time.perf_counter() - start)
            size = len(act.pdf)
        store.database.dispose()
    return statistics.median(timings) * 1000, size / 1024


def main() -> int:
    frames = [camera_jpeg(scene(seed, noise)) for seed, noise in ((0, 20), (2, 40), (4, 60))]
    for _ in range(2):
        process_bytes(frames[0], STAMP)
    timings = []
    for index in range(RUNS):
        gc.collect()
        start = time.perf_counter()
        process_bytes(frames[index % len(frames)], STAMP)
        timings.append(time.perf_counter() - start)
    sizes = [len(process_bytes(frame, STAMP).jpeg) / 1024 for frame in frames]
    sign_ms, act_kb = signing(frames)
    figures = {
        "process_12mp_ms": round(statistics.median(timings) * 1000, 1),
        "photo_kb": round(statistics.median(sizes), 1),
        "act_with_6_photos_kb": round(act_kb, 1),
        "sign_with_6_photos_ms": round(sign_ms, 1),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
