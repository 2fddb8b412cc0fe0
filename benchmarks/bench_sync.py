"""Sync to the central PostgreSQL: 1,000 finished visits with their acts pushed from one tablet database, and a
technician's day of orders pulled. Prints one JSON line.

FIELDACT_BENCH_PG_URL names a PostgreSQL login that may create databases and roles (`.ci/postgres-up` starts
a throw-away server; run it without --fast so commits are durable, as in production). A scratch database is made
and dropped.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from sqlalchemy import insert, make_url  # noqa: E402

from fieldact.standard import Brand, load_brand, load_standard  # noqa: E402
from fieldact.store import tables  # noqa: E402
from fieldact.store.central import central_engine, init_central, open_central, save_login, save_technician  # noqa: E402
from fieldact.store.db import Database, open_database  # noqa: E402
from fieldact.store.orders import load_orders, parse_orders  # noqa: E402
from fieldact.store.repository import Store  # noqa: E402
from fieldact.store.sync import pull_orders, push_finished, sync_status  # noqa: E402

VISITS = 1000
ANSWERS_PER_VISIT = 20
PDF_BYTES = 45_000  # a full act is <= 60 KB
INK_BYTES = 12_000
CITY_TECHNICIANS = 200
ORDERS_PER_DAY = 20
PULLS = 7
TECHNICIAN = "7001"


def plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def scratch_database(server: str) -> str:
    name = f"fieldact_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(plain(server), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop(server: str, url: str, roles: list[str]) -> None:
    with psycopg.connect(plain(server), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(make_url(url).database)))
        for role in roles:
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def city_orders(brand: Brand) -> str:
    """Today's orders of a city: CITY_TECHNICIANS technicians with ORDERS_PER_DAY orders each."""
    day = datetime.now(ZoneInfo(brand.timezone)).date()
    lines = ["request_number,kind,services,planned_start,subscriber,contract,address,phone,technician"]
    for t in range(CITY_TECHNICIANS):
        for n in range(ORDERS_PER_DAY):
            number = t * ORDERS_PER_DAY + n
            start = f"{day:%Y-%m-%d} {8 + n % 12:02d}:{(n * 7) % 60:02d}"
            lines.append(
                f"R{number},connection,tv;internet,{start},Иванов Иван Петрович,{590000000000 + number},"
                f'"г. Пермь, ул. Ленина, д. {t}, кв. {n}",+7 912 000-00-00,{7001 + t}'
            )
    return "\n".join(lines) + "\n"


def finished_visits(local: Database, zone: ZoneInfo) -> None:
    """VISITS signed visits of TECHNICIAN with answers, material, payment, branch, stage, act and audit, in bulk."""
    moment = datetime.now(UTC)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_ORDER}
    for n in range(VISITS):
        visit_id, subscriber_id, contract_id = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
        signed = moment - timedelta(minutes=n)
        person = dict(id=subscriber_id, surname="Соколова", first_name="Мария", patronymic="", phone="")
        rows["subscriber"].append(person)
        number = f"58{n:010d}"  # not among the city's orders
        rows["contract"].append(dict(id=contract_id, number=number, subscriber_id=subscriber_id, address="ул. Ленина"))
        rows["visit"].append(
            dict(
                id=visit_id, request_number=f"B{n}", kind="connection", services="internet,tv", contract_id=contract_id,
                technician_id=TECHNICIAN, zone=zone.key, planned_start=signed - timedelta(hours=1), planned_exact=True,
                status="signed", stage_index=5, conditions="{}", signed_at=signed, created_at=signed, updated_at=signed,
            )
        )  # fmt: skip
        for a in range(ANSWERS_PER_VISIT):
            rows["answer"].append(dict(visit_id=visit_id, item_key=f"stage.item_{a}", state="done", evidence=None,
                                       reason="", answered_at=signed))  # fmt: skip
        rows["material_use"].append(dict(visit_id=visit_id, code="K-5E", name="Кабель", quantity="12.5", unit="м",
                                         recorded_at=signed))  # fmt: skip
        rows["payment"].append(dict(visit_id=visit_id, lines="[]", total=100_000, received=100_000, change=0,
                                    credited=0, bso_number=f"АБ {n}", recorded_at=signed))  # fmt: skip
        rows["branch_event"].append(dict(visit_id=visit_id, branch_key="another_time", at=signed, outcome="agreed",
                                         details="", called_role=""))  # fmt: skip
        rows["stage_event"].append(dict(visit_id=visit_id, stage_key="precall", completed_at=signed))
        pdf, ink, content = secrets.token_bytes(PDF_BYTES), secrets.token_bytes(INK_BYTES), json.dumps({"n": n})
        rows["act"].append(
            dict(
                id=str(uuid.uuid4()), number=f"{signed:%Y%m%d}-{n:06d}", version=1, visit_id=visit_id,
                outcome="signed", refusal_reason="", signed_at=signed, signer_name="Соколова Мария", pdf=pdf,
                pdf_sha256=hashlib.sha256(pdf).hexdigest(), content=content,
                content_sha256=hashlib.sha256(content.encode()).hexdigest(), ink=ink,
                ink_sha256=hashlib.sha256(ink).hexdigest(), created_at=signed,
            )
        )  # fmt: skip
        for action in ("visit_created", "precall", "answer", "payment", "act_signed"):
            rows["audit_event"].append(dict(at=signed, actor="Петров", action=action, visit_id=visit_id, details="{}"))
    with local.engine.begin() as connection:
        for name in TABLE_ORDER:
            connection.execute(insert(TABLES[name]), rows[name])


TABLES = {
    model.__tablename__: model.__table__  # type: ignore[attr-defined]
    for model in (
        tables.Subscriber,
        tables.Contract,
        tables.Visit,
        tables.Answer,
        tables.MaterialUse,
        tables.PaymentRecord,
        tables.BranchEvent,
        tables.StageEvent,
        tables.Act,
        tables.AuditEvent,
    )
}
TABLE_ORDER = list(TABLES)


def main() -> None:
    server = os.environ.get("FIELDACT_BENCH_PG_URL")
    if not server:
        sys.exit("FIELDACT_BENCH_PG_URL is not set: name a PostgreSQL login that may create databases and roles.")
    brand, standard = load_brand(), load_standard()
    url = scratch_database(server)
    role, password = f"fa_bench_{secrets.token_hex(4)}", secrets.token_hex(12)
    try:
        init_central(url)
        central = open_central(url)
        for t in range(CITY_TECHNICIANS):
            save_technician(central, str(7001 + t), "Техник", f"Номер{t}", "1234" if t == 0 else None)
        save_login(central, role, password, "tablet", TECHNICIAN)
        started = time.perf_counter()
        with central.engine.begin() as connection:
            technicians = {str(7001 + t) for t in range(CITY_TECHNICIANS)}
            load_orders(connection, parse_orders(city_orders(brand), brand, technicians))
        import_s = time.perf_counter() - started
        central.dispose()
        tablet = central_engine(make_url(url).set(username=role, password=password).render_as_string(False))
        with tempfile.TemporaryDirectory() as folder:
            pulls = []
            for n in range(PULLS):
                local = Store(open_database(Path(folder) / f"pull-{n}.db"), standard, brand).database
                started = time.perf_counter()
                report = pull_orders(local, tablet)
                pulls.append((time.perf_counter() - started) * 1000)
                assert report.added == ORDERS_PER_DAY, report
                local.dispose()
            local = open_database(Path(folder) / "tablet.db")
            pull_orders(local, tablet)  # the technician's own record, as on a real tablet
            finished_visits(local, ZoneInfo(brand.timezone))
            assert sync_status(local).waiting == VISITS
            started = time.perf_counter()
            pushed = push_finished(local, tablet)
            push_s = time.perf_counter() - started
            assert pushed.pushed == VISITS and not pushed.failed, pushed
            local.dispose()
        tablet.dispose()
    finally:
        drop(server, url, [role])
    print(
        json.dumps(
            {
                "push_1000_s": round(push_s, 2),
                "push_visit_ms": round(push_s * 1000 / VISITS, 2),
                "pull_orders_ms": round(statistics.median(pulls), 1),
                "pull_orders_max_ms": round(max(pulls), 1),
                "import_4000_orders_s": round(import_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
