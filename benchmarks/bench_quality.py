"""The quality dashboard over 1,000,000 visits in PostgreSQL and 100,000 in SQLite, and the PDF report. One JSON line.

PostgreSQL (FIELDACT_TEST_PG_URL, a login that may create databases): a throw-away central database, 1,000,000
visits of 100 technicians over two years generated with generate_series (bulk loaded with the triggers off, then
the per-visit rows and their sums built by fieldact_quality_rebuild(), which is what the triggers would have kept),
each with two answers, a payment for every third, a branch for every fiftieth and a refused act for every
twentieth. ``dashboard_1m_ms``: the slower of the whole dashboard (figures, weeks, technicians, skipped items,
reasons, outliers) for the last month and for the last year, the median of five rounds each.

SQLite: 100,000 visits inserted through the triggers as a tablet's or office file keeps them; the same dashboard
for a year. ``report_pdf_ms``: the PDF report of that year.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from sqlalchemy import make_url  # noqa: E402

from fieldact.office.quality import QualityFilter, dashboard  # noqa: E402
from fieldact.store.central import init_central, open_central  # noqa: E402
from fieldact.store.db import Database, open_database  # noqa: E402

ROUNDS = 5
MONTH = QualityFilter(date(2026, 10, 1), date(2026, 10, 31))
YEAR = QualityFilter(date(2025, 11, 1), date(2026, 10, 31))

KEPT = """json_build_object(
  'precall_on_time', i % 10 <> 0, 'arrival_on_time', i % 7 <> 0, 'arrival_late_minutes', (i % 7) * 9,
  'required_done', i % 13 <> 0, 'closing_done', i % 11 <> 0,
  'stage_minutes', json_build_object('precall', 5 + i % 20, 'arrival', 10 + i % 30, 'work', 30 + i % 60))::text"""

# One statement per table; {start} is the first planned day, visits spread over 730 days.
FILL = [
    "INSERT INTO technician (id, surname, first_name, pin_salt, pin_hash, failed_attempts, active) "
    "SELECT 't' || t, 'Техник' || t, 'Имя', 's', 'h', 0, true FROM generate_series(1, 100) t",
    "INSERT INTO subscriber (id, surname, first_name, patronymic, phone) VALUES ('s1', 'Иванов', 'Иван', '', '')",
    "INSERT INTO contract (id, number, subscriber_id, address) VALUES ('c1', '1', 's1', 'Пермь')",
    "INSERT INTO visit (id, request_number, kind, services, contract_id, technician_id, zone, planned_start, "
    "planned_exact, status, stage_index, conditions, precall_attempts, closing, standard_kept, created_at, updated_at) "
    "SELECT 'v' || i, '', CASE WHEN i % 3 = 0 THEN 'service' ELSE 'connection' END, 'internet', 'c1', "
    "'t' || (1 + i % 100), 'Asia/Yekaterinburg', timestamptz '2024-11-01 04:00Z' + (i % 730) * interval '1 day' "
    "+ (i % 9) * interval '1 hour', true, CASE WHEN i % 20 = 0 THEN 'refused' WHEN i % 29 = 0 THEN 'rescheduled' "
    f"ELSE 'signed' END, 5, '{{}}', 0, '{{}}', {KEPT}, now(), now() FROM generate_series(1, %(visits)s) i",
    "INSERT INTO answer (visit_id, item_key, state, reason, answered_at) "
    "SELECT 'v' || i, 'item.' || (i % 40), CASE WHEN i % 5 = 0 THEN 'failed' WHEN i % 5 = 1 THEN 'not_applicable' "
    "ELSE 'done' END, '', now() FROM generate_series(1, %(visits)s) i "
    "UNION ALL SELECT 'v' || i, 'greet', 'done', '', now() FROM generate_series(1, %(visits)s) i",
    "INSERT INTO payment (visit_id, lines, total, received, change, credited, bso_number, recorded_at) "
    "SELECT 'v' || i, '[]', 100000, 100000, 0, 100000, 'А' || i, now() FROM generate_series(3, %(visits)s, 3) i",
    "INSERT INTO material_use (visit_id, code, name, quantity, unit, recorded_at) "
    "SELECT 'v' || i, '', 'Кабель', '1', 'м', now() FROM generate_series(1, %(visits)s, 2) i",
    "INSERT INTO branch_event (visit_id, branch_key, at, outcome, details, called_role) "
    "SELECT 'v' || i, 'cannot_fix', now(), 'agreed', 'кабель', '' FROM generate_series(50, %(visits)s, 50) i",
    "INSERT INTO act (id, number, version, visit_id, outcome, refusal_reason, signed_at, signer_name, pdf, pdf_sha256, "
    "content, content_sha256, ink_sha256, created_at) SELECT 'a' || i, 'N' || i, 1, 'v' || i, 'refused', 'дорого', "
    "now(), 'Иванов', '\\x00', '', '{}', '', '', now() FROM generate_series(20, %(visits)s, 20) i",
]


def _median_ms(action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def postgres_ms(server: str, visits: int = 1_000_000) -> dict[str, float]:
    name = f"fieldact_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_plain(server), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        init_central(url)
        with psycopg.connect(_plain(url), autocommit=True) as connection:
            connection.execute("SET session_replication_role = replica")
            for statement in FILL:
                connection.execute(statement.replace("%(visits)s", str(visits)))  # type: ignore[arg-type]
            connection.execute("SET session_replication_role = DEFAULT")
            connection.execute("SELECT fieldact_quality_rebuild()")
            connection.execute("VACUUM ANALYZE")
        database = open_central(url)
        try:
            month = _median_ms(lambda: dashboard(database, MONTH))
            year = _median_ms(lambda: dashboard(database, YEAR))
        finally:
            database.dispose()
        return {"dashboard_1m_month_ms": month, "dashboard_1m_year_ms": year}
    finally:
        with psycopg.connect(_plain(server), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def sqlite_database(folder: Path, visits: int = 100_000) -> Database:
    database = open_database(folder / "quality.db")
    sqlite_fill = [
        statement.replace("%(visits)s", str(visits))
        .replace("true", "1")
        .replace("now()", "'2026-11-30 00:00:00.000000'")
        .replace("'\\x00'", "x'00'")
        for statement in FILL
    ]
    with database.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TEMP TABLE series (i INTEGER PRIMARY KEY)")
        connection.exec_driver_sql(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {visits}) "
            "INSERT INTO series SELECT i FROM n"
        )
        for statement in sqlite_fill:
            connection.exec_driver_sql(_sqlite(statement))
    return database


def _sqlite(statement: str) -> str:
    """The PostgreSQL fill in SQLite's words, over a table of the numbers 1..n."""
    statement = statement.replace("generate_series(1, 100) t", "(SELECT i AS t FROM series WHERE i <= 100)")
    statement = statement.replace(KEPT, SQLITE_KEPT)
    statement = statement.replace(
        "timestamptz '2024-11-01 04:00Z' + (i % 730) * interval '1 day' + (i % 9) * interval '1 hour'",
        "strftime('%Y-%m-%d %H:%M:%f000', '2024-11-01 04:00', (i % 730) || ' days', (i % 9) || ' hours')",
    )
    statement = re.sub(r"generate_series\((\d+), \d+, (\d+)\) i", r"series WHERE i % \2 = 0", statement)
    return re.sub(r"generate_series\(1, \d+\) i", "series", statement)


VISITS_MARK = "%(visits)s"
SQLITE_KEPT = """json_object(
  'precall_on_time', json(iif(i % 10 <> 0, 'true', 'false')), 'arrival_on_time', json(iif(i % 7 <> 0, 'true', 'false')),
  'arrival_late_minutes', (i % 7) * 9, 'required_done', json(iif(i % 13 <> 0, 'true', 'false')),
  'closing_done', json(iif(i % 11 <> 0, 'true', 'false')),
  'stage_minutes', json_object('precall', 5 + i % 20, 'arrival', 10 + i % 30, 'work', 30 + i % 60))"""


def main() -> None:
    import os

    figures: dict[str, float] = {}
    server = os.environ.get("FIELDACT_TEST_PG_URL")
    if server:
        pg = postgres_ms(server)
        figures["dashboard_1m_ms"] = max(pg.values())
        figures.update(pg)
        print(json.dumps(figures), file=sys.stderr)  # what is measured so far, should a later part fail
    with tempfile.TemporaryDirectory() as folder:
        database = sqlite_database(Path(folder))
        try:
            figures["dashboard_sqlite_100k_ms"] = _median_ms(lambda: dashboard(database, YEAR))
            try:
                from fieldact.office.quality_report import standard_names, write_report
                from fieldact.standard import load_standard
            except ImportError:
                pass
            else:
                board = dashboard(database, YEAR)
                out = Path(folder) / "report.pdf"
                names = standard_names(load_standard())
                figures["report_pdf_ms"] = _median_ms(lambda: write_report(board, out, names))
        finally:
            database.dispose()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
