"""How fast a full act PDF is made, warm and in a fresh process, and how large it is.

The act: the demo connection visit cut to 20 checklist rows, with its payment, a synthesized 600-sample pen
signature drawn as vector ink and the personal-account QR code. ``warm_median_ms`` is the median of repeated
renders in one process after the fonts are loaded; ``first_act_s`` is a fresh interpreter from its start to
the first PDF bytes (imports, standard and brand files, fonts, render). Bars: <= 40 ms, <= 1.5 s, <= 60 KB.

``verify_ms`` is the median of full checks of one sealed act (drawn again and compared, seal validated and
chained to the brand's CA, revocation list consulted), warm; bar <= 100 ms. ``sign_sealed_ms`` is the median of
signing a visit as the tablet does: content, render, device seal and the act stored in SQLite; bar <= 150 ms.

Prints one JSON line. Run: .venv/bin/python benchmarks/bench_act.py
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import select

try:
    import fieldact.act  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from fieldact.act import ActContent, build_content, render_pdf
from fieldact.act.sample import sample_meta, sample_signature, sample_visit
from fieldact.ink import Signature
from fieldact.standard import load_brand, load_standard

SRC = Path(__file__).resolve().parents[1] / "src"
ROWS = 20
SAMPLES = 600
WARMUP = 3
RUNS = 40
FRESH_RUNS = 3

# The child builds the same act from nothing and says when its PDF bytes exist.
FRESH_CHILD = f"""
import sys
sys.path.insert(0, {str(SRC)!r})
from fieldact.act import build_content, render_pdf
from fieldact.act.sample import sample_meta, sample_signature, sample_visit
from fieldact.standard import load_brand, load_standard
standard, brand = load_standard(), load_brand()
signature = sample_signature({SAMPLES})
content = build_content(sample_visit(standard, brand), sample_meta(brand), signature)
content = {{**content, "items": content["items"][:{ROWS}]}}
pdf = render_pdf(content, signature)
print(len(pdf), flush=True)
"""


def full_act() -> tuple[ActContent, Signature]:
    standard, brand = load_standard(), load_brand()
    signature = sample_signature(SAMPLES)
    content = build_content(sample_visit(standard, brand), sample_meta(brand), signature)
    items = content["items"]
    if len(items) < ROWS:
        raise SystemExit(f"the demo visit has only {len(items)} checklist rows, {ROWS} are needed")
    return {**content, "items": items[:ROWS]}, signature


def warm_median_ms(content: ActContent, signature: Signature) -> tuple[float, int]:
    for _ in range(WARMUP):
        pdf = render_pdf(content, signature)
    timings = []
    for _ in range(RUNS):
        gc.collect()
        start = time.perf_counter()
        pdf = render_pdf(content, signature)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000, len(pdf)


def first_act_s() -> float:
    """Best of a few fresh interpreters, from spawning to the line that reports the PDF's size."""
    timings = []
    for _ in range(FRESH_RUNS):
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", FRESH_CHILD], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        child.wait(timeout=60)
        if child.returncode != 0 or not line.strip().isdigit():
            raise SystemExit("the fresh process did not make the act")
        timings.append(elapsed)
    return min(timings)


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    for _ in range(WARMUP):
        action()
    timings = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def verify_and_sign_ms(folder: Path) -> tuple[float, float]:
    """Full verify of a sealed act, and a tablet's sign-seal-store, both warm, in a fresh data folder."""
    from datetime import datetime, timedelta

    from fieldact.act import Level, inspect_act
    from fieldact.act.sample import complete_up_to_signing
    from fieldact.standard import Service, VisitKind
    from fieldact.store import tables
    from fieldact.store.db import open_database
    from fieldact.store.photos import add_sample_photos
    from fieldact.store.repository import Store
    from fieldact.store.sealing import seal_policy
    from fieldact.store.signing import sign_visit
    from fieldact.visit import Plan, Subscriber

    standard, brand = load_standard(), load_brand()
    store = Store(open_database(folder / "fieldact.db"), standard, brand)
    technician = store.add_technician("Петров", "Пётр", "1234")
    signature = sample_signature(SAMPLES)
    zone = ZoneInfo(brand.timezone)
    at = datetime(2026, 11, 26, 10, tzinfo=zone)
    visits = []
    for number in range(WARMUP + RUNS // 2):
        subscriber = Subscriber("Иванов", "Иван", "Петрович", f"59{number:010d}", "г. Пермь, ул. Ленина, 1", "+7")
        visit_id = store.create_visit(
            VisitKind.SERVICE,
            frozenset({Service.INTERNET}),
            subscriber,
            technician,
            Plan(at + timedelta(minutes=number)),
        )
        add_sample_photos(store, visit_id, "bench")  # the standard's photos: the act carries them (template 2)
        visit = store.load_visit(visit_id)
        complete_up_to_signing(visit)
        for key, answer in visit.checklist.answers.items():
            store.save_answer(visit_id, key, answer, "bench")
        visits.append(visit_id)
    pending = iter(visits)
    signing = median_ms(
        lambda: sign_visit(store, next(pending), signature, "Иванов Иван Петрович", at + timedelta(hours=2), "bench"),
        RUNS // 2,
    )
    with store.session() as session:
        act = session.exec(select(tables.Act)).first()
    policy = seal_policy(store.database, brand)
    assert act is not None and inspect_act(act.pdf, policy.trust, level=Level.TRUSTED).ok, "the act must verify"
    verifying = median_ms(lambda: inspect_act(act.pdf, policy.trust, level=policy.level, revoked=policy.revoked))
    store.database.dispose()
    return verifying, signing


def main() -> int:
    content, signature = full_act()
    warm_ms, size = warm_median_ms(content, signature)
    with tempfile.TemporaryDirectory() as folder:
        verify_ms, sign_sealed_ms = verify_and_sign_ms(Path(folder))
    figures = {
        "warm_median_ms": round(warm_ms, 2),
        "first_act_s": round(first_act_s(), 3),
        "pdf_bytes": size,
        "verify_ms": round(verify_ms, 2),
        "sign_sealed_ms": round(sign_sealed_ms, 2),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
