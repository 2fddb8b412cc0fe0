"""Tablet databases with finished visits and real signed acts, for bench_service.py; made once and cached.

Rendering an act takes a noticeable fraction of a second, and the load test needs thousands of distinct acts (the
service checks every act belongs to its own visit), so they are made in worker processes and kept in a cache
folder (FIELDACT_BENCH_CACHE, default a folder in the system's temporary directory).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from multiprocessing import Pool
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from fieldact.standard import Service, VisitKind, load_brand, load_standard  # noqa: E402
from fieldact.store.db import open_database  # noqa: E402
from fieldact.store.repository import Store  # noqa: E402
from fieldact.store.signing import sign_demo_visit  # noqa: E402
from fieldact.visit import Plan, Subscriber  # noqa: E402

FORMAT = "v3"  # v3: acts of template 3, numbers of 12 hex digits


def cache_folder() -> Path:
    chosen = os.environ.get("FIELDACT_BENCH_CACHE")
    return Path(chosen) if chosen else Path(tempfile.gettempdir()) / "fieldact-bench-service"


def technician_id(tablet: int) -> str:
    return f"9{tablet:06d}"


def tablet_path(tablet: int, visits: int) -> Path:
    return cache_folder() / FORMAT / f"tablet-{tablet:05d}-{visits}.db"


def make_tablet(job: tuple[int, int]) -> Path:
    """A tablet database of technician ``technician_id(tablet)`` with ``visits`` signed visits (skipped if made)."""
    tablet, visits = job
    path = tablet_path(tablet, visits)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    brand = load_brand()
    store = Store(open_database(partial), load_standard(), brand)
    me = store.add_technician("Петров", "Пётр", "1234", technician_id(tablet))
    zone = ZoneInfo(brand.timezone)
    day = datetime.now(zone).replace(hour=9, minute=0, second=0, microsecond=0)
    for n in range(visits):
        subscriber = Subscriber(
            "Иванов", "Иван", "Петрович", f"{500000000000 + tablet * 1000 + n}", f"г. Пермь, ул. Ленина, д. {tablet}, "
            f"кв. {n + 1}", "+7 912 000-00-00",
        )  # fmt: skip
        visit_id = store.create_visit(
            VisitKind.CONNECTION,
            frozenset({Service.TV, Service.INTERNET}),
            subscriber,
            me,
            Plan(day + timedelta(minutes=45 * n)),
            request_number=f"B{tablet}-{n}",
        )
        sign_demo_visit(store, visit_id, datetime.now(UTC) - timedelta(minutes=visits - n))
    store.database.dispose()
    partial.rename(path)
    return path


def make_all(tablets: list[int], visits: int, processes: int = 2) -> list[Path]:
    if not tablets:
        return []
    # The first tablet alone: it enrols the one device key that seals every cached act, which two processes
    # must not write at once.
    first = make_tablet((tablets[0], visits))
    with Pool(processes) as pool:
        return [first, *pool.map(make_tablet, [(tablet, visits) for tablet in tablets[1:]], chunksize=4)]


if __name__ == "__main__":  # make the cache ahead: python benchmarks/service_payloads.py [TABLETS]
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    made = make_all(list(range(count)), 8)
    made += [make_tablet((100_000 - 1, 40))]
    print(f"{len(made)} tablet databases in {cache_folder() / FORMAT}")
