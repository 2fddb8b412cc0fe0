"""Autosave latency with durable commits, and seeding 100,000 visits. Prints one JSON line."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from fieldact.standard import Service, VisitKind, load_brand, load_standard  # noqa: E402
from fieldact.store.db import open_database  # noqa: E402
from fieldact.store.demo import seed_many  # noqa: E402
from fieldact.store.repository import Store  # noqa: E402
from fieldact.visit import Answer, ItemState, Plan, Subscriber  # noqa: E402
from fieldact.visit.evidence import Channels  # noqa: E402

SAVES = 1000


def autosave(folder: Path) -> list[float]:
    brand = load_brand()
    store = Store(open_database(folder / "autosave.db"), load_standard(), brand)
    technician = store.add_technician("Петров", "Пётр", "1234")
    visit_id = store.create_visit(
        VisitKind.CONNECTION,
        frozenset(Service),
        Subscriber("Иванов", "Иван", "Петрович", "590000000001", "ул. Ленина, 50", ""),
        technician,
        Plan(datetime(2026, 11, 26, 14, tzinfo=ZoneInfo(brand.timezone))),
    )
    keys = [entry.key for entry in store.load_visit(visit_id).checklist.entries]
    timings = []
    for n in range(SAVES):
        key = keys[n % len(keys)]
        answer = (
            Answer(ItemState.DONE, Channels(("Первый", "НТВ")))
            if key.endswith("tv_channels")
            else Answer(ItemState.FAILED, None, f"причина {n}")
        )
        started = time.perf_counter()
        store.save_answer(visit_id, key, answer, "bench")
        timings.append((time.perf_counter() - started) * 1000)
    store.database.dispose()
    return timings


def seed(folder: Path) -> float:
    store = Store(open_database(folder / "seed.db"), load_standard(), load_brand())
    started = time.perf_counter()
    seed_many(store, 100_000)
    elapsed = time.perf_counter() - started
    store.database.dispose()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        timings = sorted(autosave(Path(folder)))
        seconds = seed(Path(folder))
    figures = {
        "autosave_p50_ms": round(statistics.median(timings), 2),
        "autosave_p99_ms": round(timings[int(len(timings) * 0.99) - 1], 2),
        "autosave_max_ms": round(timings[-1], 2),
        "seed_100k_s": round(seconds, 2),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
