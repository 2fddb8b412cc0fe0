"""The quality department's figures on generated visits, each against a hand count, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from tests.office.quality_data import A, B, fill
from tests.store.pg import Central, central_fixture  # noqa: F401  (the fixture)

from fieldact.office.quality import Measure, QualityFilter, by_technician, dashboard, figures, visits_behind, weekly
from fieldact.store.db import Database, open_database

NOVEMBER_FIRST_HALF = QualityFilter(date(2026, 11, 2), date(2026, 11, 15))


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        found = open_database(tmp_path / "q.db")
    else:
        central = request.getfixturevalue("central")
        found = central.database()
    fill(found)
    yield found
    found.dispose()


def test_every_figure_matches_the_hand_count(database: Database) -> None:
    total = figures(database, NOVEMBER_FIRST_HALF)
    assert total["visits"] == 5  # v6 is after the period
    assert total["kept"] == 4  # v4 was rescheduled before any summary
    assert total.precall_pct == 75.0  # v1, v3, v5 of 4
    assert total.arrival_pct == 50.0  # v1, v5 of v1, v2, v3, v5
    assert total.lateness == {"late_0": 1, "late_1_15": 1, "late_16_30": 1, "late_31_60": 0, "late_over_60": 1}
    assert total.required_pct == 75.0  # v1, v3, v5
    assert total.closing_pct == 75.0  # v1, v2, v5
    assert (total["items_done"], total["items_not_needed"], total["items_failed"]) == (2, 1, 2)
    assert (total["refused"], total["rescheduled"], total["cannot_fix"]) == (1, 1, 1)
    assert total["credited"] == 70_000
    assert total.materials_per_visit == 3.2  # 16 lines over 5 visits
    assert total.rating_avg == 4.0 and total["rated"] == 2
    assert total.visits_per_day == 1.0  # five technician-days, one visit each
    assert total.stage_minutes == {"precall": 20.0, "arrival": 20.0}


def test_weeks_technicians_kind_and_team(database: Database) -> None:
    weeks = weekly(database, NOVEMBER_FIRST_HALF)
    assert [(monday, week["visits"]) for monday, week in weeks] == [(date(2026, 11, 2), 2), (date(2026, 11, 9), 3)]
    assert weeks[0][1].precall_pct == 50.0 and weeks[1][1].precall_pct == 100.0
    side_by_side = by_technician(database, NOVEMBER_FIRST_HALF)
    assert [(name, f["visits"], f.precall_pct) for _, name, f in side_by_side] == [
        ("Андреев Антон", 3, 66.7),
        ("Борисов Борис", 2, 100.0),
    ]
    only_b = QualityFilter(NOVEMBER_FIRST_HALF.first, NOVEMBER_FIRST_HALF.last, (B,))
    assert (figures(database, only_b)["visits"], figures(database, only_b)["rescheduled"]) == (2, 1)
    service = QualityFilter(NOVEMBER_FIRST_HALF.first, NOVEMBER_FIRST_HALF.last, (A, B), "service")
    assert figures(database, service)["visits"] == 3


def test_numbers_open_the_visits_behind_them(database: Database) -> None:
    def ids(measure: Measure) -> list[str]:
        return sorted(line.visit_id for line in visits_behind(database, NOVEMBER_FIRST_HALF, measure))

    assert ids(Measure.PRECALL_MISSED) == ["v2"]
    assert ids(Measure.LATE) == ["v2", "v3"]
    assert ids(Measure.MATERIALS_OUTLIER) == ["v3"]  # 12 lines against 3.2 a visit
    assert ids(Measure.RESCHEDULED) == ["v4"]
    assert ids(Measure.CREDITED) == ["v1", "v5"]
    assert ids(Measure.VISITS) == ["v1", "v2", "v3", "v4", "v5"]
    board = dashboard(database, NOVEMBER_FIRST_HALF)
    assert [(item.item_key, item.not_needed, item.failed) for item in board.skipped] == [("x", 1, 1), ("y", 0, 1)]
    assert [(r.what, r.visit_id, r.said({})) for r in board.reasons] == [
        ("cannot_fix", "v5", "refused: кабель"),
        ("refused", "v3", "дорого"),
        ("rescheduled", "v4", "на завтра"),
    ]


def test_the_sums_follow_every_change_at_once(database: Database) -> None:
    kept = json.dumps({"precall_on_time": True, "required_done": True, "stage_minutes": {"precall": 50}})
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE visit SET standard_kept = :k WHERE id = 'v2'"), {"k": kept})
        connection.execute(text("DELETE FROM material_use WHERE visit_id = 'v2'"))
        connection.execute(
            text("UPDATE visit SET planned_start = planned_start + interval '10 days' WHERE id = 'v1'")
            if database.engine.dialect.name == "postgresql"
            else text("UPDATE visit SET planned_start = '2026-11-12 09:00:00.000000' WHERE id = 'v1'")
        )
    total = figures(database, NOVEMBER_FIRST_HALF)
    assert total.precall_pct == 100.0
    assert total["materials"] == 14  # v2's two lines gone
    assert total.stage_minutes == {"precall": 30.0, "arrival": 20.0}  # (10 + 50) / 2
    assert [week["visits"] for _, week in weekly(database, NOVEMBER_FIRST_HALF)] == [1, 4]


def test_the_most_skipped_items_follow_answers_and_visits(database: Database) -> None:
    def skipped() -> list[tuple[str, int, int]]:
        return [(i.item_key, i.not_needed, i.failed) for i in dashboard(database, NOVEMBER_FIRST_HALF).skipped]

    with database.engine.begin() as connection:
        connection.execute(text("UPDATE answer SET state = 'done' WHERE visit_id = 'v2' AND item_key = 'y'"))
        connection.execute(text("UPDATE answer SET state = 'failed' WHERE visit_id = 'v1' AND item_key = 'x'"))
        connection.execute(
            text("INSERT INTO answer (visit_id, item_key, state, reason, answered_at) VALUES (:v, :k, :s, '', :at)"),
            {"v": "v4", "k": "z", "s": "not_applicable", "at": "2026-11-10 09:00:00"},
        )
    assert skipped() == [("x", 0, 2), ("z", 1, 0)]
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM answer WHERE visit_id = 'v4'"))
        connection.execute(
            text("UPDATE visit SET planned_start = :day WHERE id = 'v2'"), {"day": "2026-12-20 09:00:00"}
        )
    assert skipped() == [("x", 0, 1)]  # only v1's; v2 now falls in December
    december = QualityFilter(date(2026, 12, 1), date(2026, 12, 31))
    assert [(i.item_key, i.failed) for i in dashboard(database, december).skipped] == [("x", 1)]


def test_a_hostile_summary_counts_as_none_and_the_rating_never_changes(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE visit SET standard_kept = 'not json' WHERE id = 'v1'"))
    assert figures(database, NOVEMBER_FIRST_HALF)["kept"] == 3
    for statement in ("UPDATE visit_rating SET score = 5 WHERE visit_id = 'v2'", "DELETE FROM visit_rating"):
        with pytest.raises(DBAPIError), database.engine.begin() as connection:
            connection.execute(text(statement))
    assert figures(database, NOVEMBER_FIRST_HALF).rating_avg == 4.0


def test_one_statement_over_several_visits_refreshes_each_of_them(database: Database) -> None:
    """A pushed visit's answers arrive in one INSERT; an UPDATE may move rows between visits; a DELETE may span
    visits. Each visit the statement touched is summed again, old and new side alike."""

    def skipped() -> list[tuple[str, int, int]]:
        found = dashboard(database, NOVEMBER_FIRST_HALF).skipped
        return sorted((i.item_key, i.not_needed, i.failed) for i in found)

    assert skipped() == [("x", 1, 1), ("y", 0, 1)]
    at = "2026-11-10 09:00:00"
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO answer (visit_id, item_key, state, reason, answered_at) VALUES "
                "('v4', 'z', 'not_applicable', '', :at), ('v4', 'w', 'failed', '', :at), ('v1', 'w', 'failed', '', :at)"
            ),
            {"at": at},
        )
    assert skipped() == [("w", 0, 2), ("x", 1, 1), ("y", 0, 1), ("z", 1, 0)]
    failed = {line.visit_id for line in visits_behind(database, NOVEMBER_FIRST_HALF, Measure.ITEMS_FAILED)}
    assert failed == {"v1", "v2", "v4"}
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE answer SET visit_id = 'v4' WHERE visit_id = 'v2' AND item_key = 'y'"))
        connection.execute(text("DELETE FROM answer WHERE item_key = 'w'"))
    assert skipped() == [("x", 1, 1), ("y", 0, 1), ("z", 1, 0)]
    failed = {line.visit_id for line in visits_behind(database, NOVEMBER_FIRST_HALF, Measure.ITEMS_FAILED)}
    assert failed == {"v2", "v4"}


def test_postgres_refreshes_per_statement_not_per_row(database: Database) -> None:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite keeps its row triggers: the tablet writes one answer at a time")
    with database.engine.connect() as connection:
        levels = connection.execute(
            text(
                "SELECT c.relname, t.tgname, (t.tgtype & 1) = 1 AS per_row FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'quality_touch%' AND c.relname <> 'visit'"
            )
        ).all()
    assert {table for table, _, _ in levels} == {"answer", "payment", "material_use", "branch_event", "visit_rating"}
    assert len(levels) == 15 and not any(per_row for _, _, per_row in levels)


def test_postgres_refreshes_a_visit_once_at_commit_however_many_statements_touch_it(database: Database) -> None:
    """A push writes a visit with a statement per table; its quality row is rebuilt once, when the push commits."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite keeps its row triggers: the tablet writes one answer at a time")
    with database.engine.begin() as connection:  # count the rebuilds of each visit's quality row
        connection.execute(text("CREATE TABLE rebuilt (visit_id text)"))
        connection.execute(
            text(
                "CREATE FUNCTION count_rebuild() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN INSERT INTO rebuilt VALUES (NEW.visit_id); RETURN NULL; END $$"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER count_rebuild AFTER INSERT ON visit_quality "
                "FOR EACH ROW EXECUTE FUNCTION count_rebuild()"
            )
        )
    at = "2026-11-10 09:00:00"
    with database.engine.begin() as connection:
        for key, state in (("z", "not_applicable"), ("w", "failed")):
            connection.execute(
                text(
                    "INSERT INTO answer (visit_id, item_key, state, reason, answered_at) VALUES ('v4', :k, :s, '', :at)"
                ),
                {"k": key, "s": state, "at": at},
            )
        connection.execute(text("UPDATE visit SET standard_kept = :k WHERE id = 'v4'"), {"k": json.dumps({})})
        assert connection.execute(text("SELECT visit_id FROM quality_pending")).scalars().all() == ["v4"]
        assert connection.execute(text("SELECT count(*) FROM rebuilt")).scalar() == 0
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT visit_id FROM rebuilt")).scalars().all() == ["v4"]
        assert connection.execute(text("SELECT count(*) FROM quality_pending")).scalar() == 0
    skipped = dashboard(database, NOVEMBER_FIRST_HALF).skipped
    assert {(i.item_key, i.not_needed, i.failed) for i in skipped} >= {("z", 1, 0), ("w", 0, 1)}


def test_no_login_notes_or_settles_a_visit_itself(central: Central) -> None:
    """Only the triggers (the owner's functions) write quality_pending: a login that could note visits or settle
    them could make the dashboard rebuild at will, or leave a visit noted and its quality row stale."""
    central.database().dispose()
    statements = (
        "INSERT INTO quality_pending VALUES ('v1')",
        "DELETE FROM quality_pending",
        "SELECT fieldact_quality_note('v1')",
        "SELECT fieldact_quality_refresh('v1')",
    )
    for kind in ("office", "dispatch", "service"):
        engine = create_engine(central.login(kind))
        try:
            for statement in statements:
                with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as connection:
                    connection.execute(text(statement))
        finally:
            engine.dispose()


def test_a_push_that_fails_part_way_leaves_nothing_noted_and_the_sums_as_they_were(database: Database) -> None:
    """A push killed or refused after its answers were written rolls back whole: the note of its visit too."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("quality_pending is PostgreSQL's")
    before = dashboard(database, NOVEMBER_FIRST_HALF).skipped
    with pytest.raises(DBAPIError), database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO answer (visit_id, item_key, state, reason, answered_at) "
                "VALUES ('v4', 'z', 'failed', '', '2026-11-10 09:00:00')"
            )
        )
        connection.execute(text("INSERT INTO answer (visit_id) VALUES ('v4')"))  # refused: no item, no state
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM quality_pending")).scalar() == 0
    assert dashboard(database, NOVEMBER_FIRST_HALF).skipped == before
