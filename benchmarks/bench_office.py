"""Office figures: a filtered search over 100,000 visits, and exporting 1,000 stored acts to a ZIP. One JSON line.

The search database: 100,000 visits (``seed_many``) spread over 200 technicians and varied surnames, each with an
act signed at its own second, 5 % refused and 1 % corrected. The list never reads an act's PDF, so these acts carry
a small placeholder instead of a real one. A "search" is what the office window does on a filter change: the first
page of 200 rows and the count (capped at 10,000).

The export database: one act rendered and signed for real, stored again under 1,000 distinct ids, numbers, visits
and contracts (rendering 1,000 acts would take half a minute and measure the renderer, not the export). Every act is
checked before it is written: ``export_1000_s`` with the whole ``fieldact verify`` of each of them, on every core,
as on the first export from a PC; ``export_1000_checked_before_s`` when this PC has fully checked those bytes with
the same checker before, so only the stored hashes are recomputed. Both write a ZIP with the manifest, checksums
and an XLSX register.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import bindparam, select, update  # noqa: E402

from fieldact.office.checks import CheckedDigests  # noqa: E402
from fieldact.office.export import export_acts  # noqa: E402
from fieldact.office.queries import ActFilter, ActStatus, count, search, technicians  # noqa: E402
from fieldact.office.register import RegisterFormat  # noqa: E402
from fieldact.standard import Service, VisitKind, load_brand, load_standard  # noqa: E402
from fieldact.store import tables  # noqa: E402
from fieldact.store.acts import act_of_visit  # noqa: E402
from fieldact.store.db import open_database  # noqa: E402
from fieldact.store.demo import demo_id, seed_many  # noqa: E402
from fieldact.store.repository import Store  # noqa: E402
from fieldact.store.signing import sign_demo_visit  # noqa: E402

VISITS = 100_000
TECHNICIANS = 200
EXPORTED = 1000
ROUNDS = 7
ROOTS = ["Иван", "Петр", "Сидор", "Кузнец", "Смирн", "Попов", "Соколов", "Лебед", "Козл", "Новик", "Морозов",
         "Волков", "Алексе", "Павл", "Семён", "Голуб", "Виноград", "Богдан", "Ворон", "Фёдор"]  # fmt: skip
ENDINGS = ["ов", "ин", "ский", "ев", "цев", "ых", "енко", "ук"]
VISIT = tables.Visit.__table__  # type: ignore[attr-defined]
ACT = tables.Act.__table__  # type: ignore[attr-defined]
SUBSCRIBER = tables.Subscriber.__table__  # type: ignore[attr-defined]
TECHNICIAN = tables.Technician.__table__  # type: ignore[attr-defined]


def varied(store: Store) -> None:
    """An office's spread: many technicians, many surnames (the demo has three and six)."""
    rows = [dict(id=f"bench-tech-{n:03d}", surname=f"{ROOTS[n % 20]}{ENDINGS[n % 8]}", first_name="Техник",
                 pin_salt="", pin_hash="", failed_attempts=0, active=True) for n in range(TECHNICIANS)]  # fmt: skip
    with store.database.engine.begin() as connection:
        connection.execute(TECHNICIAN.insert(), rows)
        visits = [row[0] for row in connection.execute(select(VISIT.c.id).order_by(VISIT.c.id))]
        connection.execute(
            update(VISIT).where(VISIT.c.id == bindparam("v")).values(technician_id=bindparam("t")),
            [dict(v=v, t=f"bench-tech-{n % TECHNICIANS:03d}") for n, v in enumerate(visits)],
        )
        people = [row[0] for row in connection.execute(select(SUBSCRIBER.c.id).order_by(SUBSCRIBER.c.id))]
        connection.execute(
            update(SUBSCRIBER).where(SUBSCRIBER.c.id == bindparam("p")).values(surname=bindparam("s")),
            [dict(p=p, s=f"{ROOTS[n % 20]}{ENDINGS[n // 20 % 8]}{'а' * (n % 2)}") for n, p in enumerate(people)],
        )


def act_rows(visits: list[tuple[str, datetime]], pdf: bytes, sha: str, content: str, content_sha: str) -> list[dict]:
    rng = random.Random(7)
    now = datetime.now(ZoneInfo("UTC"))
    rows = []
    for n, (visit_id, planned) in enumerate(visits):
        rows.append(dict(
            id=str(uuid.uuid5(uuid.NAMESPACE_URL, visit_id)), number=f"B{n:08d}", version=1, supersedes_id=None,
            visit_id=visit_id, outcome="refused" if n % 20 == 0 else "signed", refusal_reason="",
            signed_at=planned + timedelta(seconds=rng.randrange(1800, 7200)), signer_name="Абонент",
            pdf=pdf, pdf_sha256=sha, content=content, content_sha256=content_sha, ink=None, ink_sha256="",
            created_at=now,
        ))  # fmt: skip
    for n in range(0, len(rows), 100):  # 1 % corrected: version 2 of the act, on the same visit, later
        old = rows[n]
        rows.append(old | dict(id=str(uuid.uuid4()), version=2, supersedes_id=old["id"],
                               signed_at=old["signed_at"] + timedelta(hours=3)))  # fmt: skip
    return rows


def search_database(folder: Path) -> Store:
    store = Store(open_database(folder / "search.db"), load_standard(), load_brand())
    seed_many(store, VISITS)
    varied(store)
    with store.database.engine.begin() as connection:
        visits = [(v, p) for v, p in connection.execute(select(VISIT.c.id, VISIT.c.planned_start))]
        rows = act_rows(visits, b"%PDF-placeholder" * 64, "0" * 64, "{}", "0" * 64)
        for start in range(0, len(rows), 5000):
            connection.execute(ACT.insert(), rows[start : start + 5000])
    return store


def searches(store: Store) -> dict[str, list[float]]:
    zone = ZoneInfo(store.brand.timezone)
    today = datetime.now(zone).date()
    month = dict(date_from=today - timedelta(days=30), date_to=today)
    tech = [t for t in technicians(store.database) if t.id.startswith("bench-tech")][17].id
    with store.database.engine.connect() as connection:
        contract = connection.execute(select(tables.Contract.number).limit(1).offset(4242)).scalar_one()
    cases = {
        "month": ActFilter(**month),
        "week_technician": ActFilter(date_from=today - timedelta(days=7), date_to=today, technician_id=tech),
        "contract": ActFilter(contract=contract),
        "surname": ActFilter(subscriber="волков"),
        "surname_name_month": ActFilter(subscriber="Смирнова Мария", **month),
        "month_service_signed": ActFilter(kind=VisitKind.SERVICE, status=ActStatus.SIGNED, **month),
        "month_phone": ActFilter(service=Service.PHONE, **month),
        "refused": ActFilter(status=ActStatus.REFUSED, **month),
    }
    timings: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(ROUNDS):
        for name, wanted in cases.items():
            started = time.perf_counter()
            search(store.database, wanted, zone)
            count(store.database, wanted, zone)
            timings[name].append((time.perf_counter() - started) * 1000)
    return timings


def export_database(folder: Path) -> tuple[Store, list[str]]:
    store = Store(open_database(folder / "export.db"), load_standard(), load_brand())
    seed_many(store, EXPORTED + 1)
    signed_visit = demo_id("bulk-visit", EXPORTED)
    sign_demo_visit(store, signed_visit, datetime.now(ZoneInfo(store.brand.timezone)))
    real = act_of_visit(store, signed_visit)
    assert real is not None
    with store.database.engine.begin() as connection:
        bulk = [(v, p) for v, p in connection.execute(
            select(VISIT.c.id, VISIT.c.planned_start).where(VISIT.c.id != signed_visit))]  # fmt: skip
        rows = act_rows(bulk, real.pdf, real.pdf_sha256, real.content, real.content_sha256)[:EXPORTED]
        connection.execute(ACT.insert(), rows)
    return store, [row["id"] for row in rows]


def export_seconds(store: Store, ids: list[str], target: Path, checked: CheckedDigests | None) -> float:
    started = time.perf_counter()
    report = export_acts(store.database, ids, target, RegisterFormat.XLSX, checked)
    elapsed = time.perf_counter() - started
    assert report.ok and len(report.exported) == len(ids), report.summary()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = search_database(Path(folder))
        timings = searches(store)
        store.database.dispose()
        export_store, ids = export_database(Path(folder))
        cold = export_seconds(export_store, ids, Path(folder) / "cold.zip", None)
        checked = CheckedDigests(None)
        export_seconds(export_store, ids[:1], Path(folder) / "one.zip", checked)  # this PC checks those bytes once
        warm = export_seconds(export_store, ids, Path(folder) / "warm.zip", checked)
        size = (Path(folder) / "warm.zip").stat().st_size
        export_store.database.dispose()
    every = [t for values in timings.values() for t in values]
    print(
        json.dumps(
            {
                "search_median_ms": round(statistics.median(every), 1),
                "search_p90_ms": round(statistics.quantiles(every, n=10)[-1], 1),
                "search_median_ms_by_filter": {k: round(statistics.median(v), 1) for k, v in timings.items()},
                "visits": VISITS,
                "export_1000_s": round(cold, 2),
                "export_cores": os.cpu_count(),
                "export_1000_checked_before_s": round(warm, 2),
                "export_zip_mb": round(size / 1e6, 1),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
