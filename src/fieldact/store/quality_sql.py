"""The SQL that keeps the quality department's tables current, for both dialects.

visit_quality holds one row per visit, rebuilt by triggers whenever the visit, its answers, payment, materials,
branches or rating change; quality_day, quality_stage_day and quality_item_day hold its sums per planned day,
technician and kind, kept by triggers on visit_quality. Each visit_quality row carries everything its sums are made
of (its stage minutes, its skipped items), so taking a row away subtracts exactly what adding it added, whatever
changed in between.

The migrations build their functions and triggers from here: 0007 without the per-item sums (``items=False``),
0010 with them; 0011 makes PostgreSQL refresh a visit once per statement on its source tables rather than once per
row, so a visit pushed with fifty answers in one INSERT is summed once, not fifty times.
"""

from __future__ import annotations

FINISHED = "('signed', 'refused', 'rescheduled')"
SOURCES = ("answer", "payment", "material_use", "branch_event", "visit_rating")
VISIT_COLUMNS = (
    "visit_id, technician_id, kind, day, status, finished, kept, precall_on_time, arrival_measured, arrival_on_time, "
    "late_minutes, required_done, closing_done, items_done, items_not_needed, items_failed, refused, rescheduled, "
    "cannot_fix, credited, materials, rating, stage_minutes"
)
KEY = ("day", "technician_id", "kind")
SKIPPED_STATES = "('not_applicable', 'failed')"

# quality_day's counters as expressions of one visit_quality row (R): the trigger adds or takes away one row,
# the rebuild sums them over all rows.
DAY_SUMS: dict[str, str] = {
    "visits": "1",
    "finished": "R.finished",
    "kept": "R.kept",
    "precall_on_time": "R.precall_on_time",
    "arrival_measured": "R.arrival_measured",
    "arrival_on_time": "R.arrival_on_time",
    "late_1_15": "CASE WHEN R.late_minutes BETWEEN 1 AND 15 THEN 1 ELSE 0 END",
    "late_16_30": "CASE WHEN R.late_minutes BETWEEN 16 AND 30 THEN 1 ELSE 0 END",
    "late_31_60": "CASE WHEN R.late_minutes BETWEEN 31 AND 60 THEN 1 ELSE 0 END",
    "late_over_60": "CASE WHEN R.late_minutes > 60 THEN 1 ELSE 0 END",
    "required_done": "R.required_done",
    "closing_done": "R.closing_done",
    "items_done": "R.items_done",
    "items_not_needed": "R.items_not_needed",
    "items_failed": "R.items_failed",
    "refused": "R.refused",
    "rescheduled": "R.rescheduled",
    "cannot_fix": "R.cannot_fix",
    "credited": "R.credited",
    "materials": "R.materials",
    "materials_sq": "R.materials * R.materials",
    "rated": "CASE WHEN R.rating IS NULL THEN 0 ELSE 1 END",
    "rating_sum": "COALESCE(R.rating, 0)",
}


class _Json:
    """The JSON fragments of one dialect, over the visit's standard-kept summary (invalid JSON counts as {})."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres
        self.kept = (
            "fieldact_json(v.standard_kept)"
            if postgres
            else ("iif(json_valid(v.standard_kept), v.standard_kept, '{}')")
        )

    def flag(self, key: str) -> str:
        if self.postgres:
            return f"CASE WHEN {self.kept}->>'{key}' = 'true' THEN 1 ELSE 0 END"
        return f"CASE WHEN json_type({self.kept}, '$.{key}') = 'true' THEN 1 ELSE 0 END"

    def number(self, key: str) -> str:
        if self.postgres:
            return (
                f"CASE WHEN jsonb_typeof({self.kept}->'{key}') = 'number' "
                f"THEN ({self.kept}->>'{key}')::numeric::int END"
            )
        return (
            f"CASE WHEN json_type({self.kept}, '$.{key}') IN ('integer', 'real') "
            f"THEN CAST(json_extract({self.kept}, '$.{key}') AS INTEGER) END"
        )

    def has(self, key: str) -> str:
        if self.postgres:
            return f"CASE WHEN {self.kept} ? '{key}' THEN 1 ELSE 0 END"
        return f"CASE WHEN json_type({self.kept}, '$.{key}') IS NOT NULL THEN 1 ELSE 0 END"

    def stages(self) -> str:
        if self.postgres:
            return (
                f"CASE WHEN jsonb_typeof({self.kept}->'stage_minutes') = 'object' "
                f"THEN ({self.kept}->'stage_minutes')::text ELSE '{{}}' END"
            )
        return (
            f"CASE WHEN json_type({self.kept}, '$.stage_minutes') = 'object' "
            f"THEN json_extract({self.kept}, '$.stage_minutes') ELSE '{{}}' END"
        )

    def day(self) -> str:
        if self.postgres:
            return "to_char(v.planned_start AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        return "substr(v.planned_start, 1, 10)"


def visit_columns(items: bool) -> str:
    return f"{VISIT_COLUMNS}, skipped" if items else VISIT_COLUMNS


def _answers(state: str) -> str:
    return f"(SELECT count(*) FROM answer a WHERE a.visit_id = v.id AND a.state = '{state}')"


def _skipped(postgres: bool) -> str:
    """The visit's items answered «не требуется» or «не выполнено», as a JSON object of item key → state."""
    picked = f"FROM answer a WHERE a.visit_id = v.id AND a.state IN {SKIPPED_STATES}"
    if postgres:
        return f"COALESCE((SELECT json_object_agg(a.item_key, a.state) {picked})::text, '{{}}')"
    return f"(SELECT json_group_object(a.item_key, a.state) {picked})"


def visit_select(postgres: bool, where: str, items: bool = False) -> str:
    """The visit_quality rows of the visits that ``where`` picks (over the visit as ``v``)."""
    j = _Json(postgres)
    skipped = f", {_skipped(postgres)}" if items else ""
    return f"""SELECT v.id, v.technician_id, v.kind, {j.day()}, v.status,
  CASE WHEN v.status IN {FINISHED} THEN 1 ELSE 0 END, {j.has("required_done")}, {j.flag("precall_on_time")},
  CASE WHEN {j.number("arrival_late_minutes")} IS NULL THEN 0 ELSE 1 END, {j.flag("arrival_on_time")},
  {j.number("arrival_late_minutes")}, {j.flag("required_done")}, {j.flag("closing_done")},
  {_answers("done")}, {_answers("not_applicable")}, {_answers("failed")},
  CASE WHEN v.status = 'refused' THEN 1 ELSE 0 END, CASE WHEN v.status = 'rescheduled' THEN 1 ELSE 0 END,
  CASE WHEN EXISTS (SELECT 1 FROM branch_event b WHERE b.visit_id = v.id AND b.branch_key = 'cannot_fix')
       THEN 1 ELSE 0 END,
  COALESCE((SELECT p.credited FROM payment p WHERE p.visit_id = v.id), 0),
  (SELECT count(*) FROM material_use m WHERE m.visit_id = v.id),
  (SELECT r.score FROM visit_rating r WHERE r.visit_id = v.id),
  {j.stages()}{skipped}
FROM visit v WHERE {where}"""


def _refresh(postgres: bool, visit_id: str, items: bool) -> str:
    return (
        f"DELETE FROM visit_quality WHERE visit_id = {visit_id}; "
        f"INSERT INTO visit_quality ({visit_columns(items)}) {visit_select(postgres, f'v.id = {visit_id}', items)};"
    )


def _day_upsert(row: str, sign: str) -> str:
    columns = ", ".join((*KEY, *DAY_SUMS))
    values = ", ".join(
        (
            *(f"{row}.{key}" for key in KEY),
            *(f"{sign} * ({expr.replace('R.', row + '.')})" for expr in DAY_SUMS.values()),
        )
    )
    updates = ", ".join(f"{name} = quality_day.{name} + excluded.{name}" for name in DAY_SUMS)
    return (
        f"INSERT INTO quality_day ({columns}) VALUES ({values}) "
        f"ON CONFLICT (day, technician_id, kind) DO UPDATE SET {updates};"
    )


def _stage_upsert(postgres: bool, row: str, sign: str) -> str:
    if postgres:
        source = f"jsonb_each({row}.stage_minutes::jsonb) j"
        minutes = "CASE WHEN jsonb_typeof(j.value) = 'number' THEN (j.value::text)::numeric::int ELSE 0 END"
    else:
        source = f"json_each({row}.stage_minutes) j"
        minutes = "CASE WHEN j.type IN ('integer', 'real') THEN CAST(j.value AS INTEGER) ELSE 0 END"
    return (
        "INSERT INTO quality_stage_day (day, technician_id, kind, stage_key, visits, minutes) "
        f"SELECT {row}.day, {row}.technician_id, {row}.kind, j.key, {sign}, {sign} * ({minutes}) "
        f"FROM {source} WHERE true "
        "ON CONFLICT (day, technician_id, kind, stage_key) DO UPDATE SET "
        "visits = quality_stage_day.visits + excluded.visits, minutes = quality_stage_day.minutes + excluded.minutes;"
    )


def _item_counts(states: str) -> tuple[str, str]:
    return (
        f"CASE WHEN {states} = 'not_applicable' THEN 1 ELSE 0 END",
        f"CASE WHEN {states} = 'failed' THEN 1 ELSE 0 END",
    )


def _items_of(postgres: bool, row: str) -> str:
    return f"jsonb_each_text({row}.skipped::jsonb) j" if postgres else f"json_each({row}.skipped) j"


def _item_upsert(postgres: bool, row: str, sign: str) -> str:
    not_needed, failed = _item_counts("j.value")
    return (
        "INSERT INTO quality_item_day (day, technician_id, kind, item_key, not_needed, failed) "
        f"SELECT {row}.day, {row}.technician_id, {row}.kind, j.key, {sign} * ({not_needed}), {sign} * ({failed}) "
        f"FROM {_items_of(postgres, row)} WHERE true "
        "ON CONFLICT (day, technician_id, kind, item_key) DO UPDATE SET "
        "not_needed = quality_item_day.not_needed + excluded.not_needed, "
        "failed = quality_item_day.failed + excluded.failed;"
    )


def _sum_row(postgres: bool, row: str, sign: str, items: bool) -> str:
    """What adding (sign 1) or taking away (sign -1) one visit_quality row does to the sums."""
    found = f"{_day_upsert(row, sign)} {_stage_upsert(postgres, row, sign)}"
    return f"{found} {_item_upsert(postgres, row, sign)}" if items else found


def rebuild_sums(postgres: bool, items: bool = False) -> list[str]:
    """Set-wise: the sums from every visit_quality row (the migration's fill, and the benchmark's after a bulk load)."""
    sums = ", ".join(f"sum({expr.replace('R.', 'q.')})" for expr in DAY_SUMS.values())
    if postgres:
        source = "visit_quality q, jsonb_each(q.stage_minutes::jsonb) j"
        minutes = "CASE WHEN jsonb_typeof(j.value) = 'number' THEN (j.value::text)::numeric::int ELSE 0 END"
    else:
        source = "visit_quality q, json_each(q.stage_minutes) j"
        minutes = "CASE WHEN j.type IN ('integer', 'real') THEN CAST(j.value AS INTEGER) ELSE 0 END"
    stages = (
        "INSERT INTO quality_stage_day (day, technician_id, kind, stage_key, visits, minutes) "
        f"SELECT q.day, q.technician_id, q.kind, j.key, count(*), sum({minutes}) FROM {source} "
        "GROUP BY q.day, q.technician_id, q.kind, j.key"
    )
    found = [
        "DELETE FROM quality_day",
        "DELETE FROM quality_stage_day",
        f"INSERT INTO quality_day ({', '.join((*KEY, *DAY_SUMS))}) "
        f"SELECT q.day, q.technician_id, q.kind, {sums} FROM visit_quality q GROUP BY q.day, q.technician_id, q.kind",
        stages,
    ]
    if items:
        not_needed, failed = _item_counts("j.value")
        found += [
            "DELETE FROM quality_item_day",
            "INSERT INTO quality_item_day (day, technician_id, kind, item_key, not_needed, failed) "
            f"SELECT q.day, q.technician_id, q.kind, j.key, sum({not_needed}), sum({failed}) "
            f"FROM visit_quality q, {_items_of(postgres, 'q')} GROUP BY q.day, q.technician_id, q.kind, j.key",
        ]
    return found


POSTGRES_JSON = """
CREATE FUNCTION fieldact_json(p text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE WHEN jsonb_typeof(p::jsonb) = 'object' THEN p::jsonb ELSE '{}'::jsonb END;
EXCEPTION WHEN others THEN
  RETURN '{}'::jsonb;
END $$;
"""


def postgres_functions(items: bool) -> str:
    """The functions that refresh a visit's row, keep the sums and rebuild everything (created or replaced)."""
    sums = "; ".join(rebuild_sums(True, items))
    return f"""
CREATE OR REPLACE FUNCTION fieldact_quality_refresh(p_visit text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
  {_refresh(True, "p_visit", items)}
END $$;
REVOKE EXECUTE ON FUNCTION fieldact_quality_refresh(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION fieldact_quality_touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_TABLE_NAME = 'visit' THEN
    IF TG_OP = 'DELETE' THEN
      DELETE FROM visit_quality WHERE visit_id = OLD.id;
    ELSE
      PERFORM fieldact_quality_refresh(NEW.id);
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM fieldact_quality_refresh(OLD.visit_id);
  ELSE
    PERFORM fieldact_quality_refresh(NEW.visit_id);
    IF TG_OP = 'UPDATE' AND OLD.visit_id IS DISTINCT FROM NEW.visit_id THEN
      PERFORM fieldact_quality_refresh(OLD.visit_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fieldact_quality_sum() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    {_sum_row(True, "OLD", "-1", items)}
  ELSE
    {_sum_row(True, "NEW", "1", items)}
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fieldact_quality_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
  ALTER TABLE visit_quality DISABLE TRIGGER quality_sum;
  DELETE FROM visit_quality;
  INSERT INTO visit_quality ({visit_columns(items)}) {visit_select(True, "true", items)};
  {sums};
  ALTER TABLE visit_quality ENABLE TRIGGER quality_sum;
END $$;
REVOKE EXECUTE ON FUNCTION fieldact_quality_rebuild() FROM PUBLIC;
-- Trigger functions run with the owner's rights whoever fires them (EXECUTE is checked only when a trigger is
-- created), so no login needs to be able to call them.
REVOKE EXECUTE ON FUNCTION fieldact_quality_touch() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION fieldact_quality_sum() FROM PUBLIC;
"""


POSTGRES_RATING_FROZEN = """
CREATE FUNCTION fieldact_rating_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the subscriber''s rating is never changed or removed';
END $$;
"""


def postgres_row_triggers() -> list[str]:
    """0007's triggers on the source tables: a refresh per row changed (0011 replaces them)."""
    return [
        f"CREATE TRIGGER quality_touch AFTER INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION fieldact_quality_touch()"
        for table in SOURCES
    ]


POSTGRES_TRIGGERS = [
    "CREATE TRIGGER quality_touch AFTER INSERT OR UPDATE OR DELETE ON visit "
    "FOR EACH ROW EXECUTE FUNCTION fieldact_quality_touch()",
    *postgres_row_triggers(),
    "CREATE TRIGGER quality_sum AFTER INSERT OR DELETE ON visit_quality "
    "FOR EACH ROW EXECUTE FUNCTION fieldact_quality_sum()",
    "CREATE TRIGGER rating_frozen BEFORE UPDATE OR DELETE ON visit_rating "
    "FOR EACH ROW EXECUTE FUNCTION fieldact_rating_frozen()",
    "GRANT SELECT ON visit_rating, visit_quality, quality_day, quality_stage_day TO fieldact_office",
    "GRANT SELECT, INSERT ON visit_rating TO fieldact_tablet",
    "ALTER TABLE visit_rating ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY tablet_read ON visit_rating FOR SELECT TO fieldact_tablet USING (EXISTS (SELECT 1 FROM visit v "
    "WHERE v.id = visit_id AND v.technician_id = fieldact_technician()))",
    "CREATE POLICY tablet_add ON visit_rating FOR INSERT TO fieldact_tablet WITH CHECK (EXISTS (SELECT 1 FROM visit v "
    "WHERE v.id = visit_id AND v.technician_id = fieldact_technician()))",
    "CREATE POLICY office_read ON visit_rating FOR SELECT TO fieldact_office USING (true)",
]


# A trigger with transition tables may name one event only (PostgreSQL's rule), hence three per source table.
def statement_touch(action: str) -> str:
    """The statement triggers' function: ``action`` (a function of a visit id) for each visit a statement touched."""
    return f"""
CREATE OR REPLACE FUNCTION fieldact_quality_touch_rows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM {action}(touched.visit_id) FROM (SELECT DISTINCT visit_id FROM changed_new) AS touched;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM {action}(touched.visit_id) FROM (SELECT DISTINCT visit_id FROM changed_old) AS touched;
  ELSE
    PERFORM {action}(touched.visit_id)
      FROM (SELECT visit_id FROM changed_old UNION SELECT visit_id FROM changed_new) AS touched;
  END IF;
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION fieldact_quality_touch_rows() FROM PUBLIC;
"""


POSTGRES_STATEMENT_TOUCH = statement_touch("fieldact_quality_refresh")
STATEMENT_TOUCH_EVENTS = {
    "insert": "INSERT ON {table} REFERENCING NEW TABLE AS changed_new",
    "update": "UPDATE ON {table} REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new",
    "delete": "DELETE ON {table} REFERENCING OLD TABLE AS changed_old",
}


def postgres_statement_triggers() -> list[str]:
    """0011: each source table refreshes the visits a statement touched, once each (replaces ``quality_touch``)."""
    return [
        f"CREATE TRIGGER quality_touch_{event} AFTER {on.format(table=table)} "
        "FOR EACH STATEMENT EXECUTE FUNCTION fieldact_quality_touch_rows()"
        for table in SOURCES
        for event, on in STATEMENT_TOUCH_EVENTS.items()
    ]


SQLITE_RATING_TRIGGERS = [
    "CREATE TRIGGER rating_no_update BEFORE UPDATE ON visit_rating "
    "BEGIN SELECT RAISE(ABORT, 'the subscriber''s rating is never changed'); END",
    "CREATE TRIGGER rating_no_delete BEFORE DELETE ON visit_rating "
    "BEGIN SELECT RAISE(ABORT, 'the subscriber''s rating is never removed'); END",
]


def sqlite_quality_triggers(items: bool) -> list[str]:
    """The triggers that refresh a visit's row and keep the sums (named in SQLITE_QUALITY_TRIGGERS)."""

    def refresh(visit_id: str) -> str:
        return _refresh(False, visit_id, items)

    statements = [
        f"CREATE TRIGGER quality_visit_insert AFTER INSERT ON visit BEGIN {refresh('NEW.id')} END",
        f"CREATE TRIGGER quality_visit_update AFTER UPDATE ON visit BEGIN {refresh('NEW.id')} END",
        "CREATE TRIGGER quality_visit_delete AFTER DELETE ON visit "
        "BEGIN DELETE FROM visit_quality WHERE visit_id = OLD.id; END",
        "CREATE TRIGGER quality_sum_insert AFTER INSERT ON visit_quality "
        f"BEGIN {_sum_row(False, 'NEW', '1', items)} END",
        "CREATE TRIGGER quality_sum_delete AFTER DELETE ON visit_quality "
        f"BEGIN {_sum_row(False, 'OLD', '-1', items)} END",
    ]
    for table in SOURCES:
        statements += [
            f"CREATE TRIGGER quality_{table}_insert AFTER INSERT ON {table} BEGIN {refresh('NEW.visit_id')} END",
            f"CREATE TRIGGER quality_{table}_update AFTER UPDATE ON {table} "
            f"BEGIN {refresh('OLD.visit_id')} {refresh('NEW.visit_id')} END",
            f"CREATE TRIGGER quality_{table}_delete AFTER DELETE ON {table} BEGIN {refresh('OLD.visit_id')} END",
        ]
    return statements


SQLITE_QUALITY_TRIGGERS = (
    "quality_visit_insert",
    "quality_visit_update",
    "quality_visit_delete",
    "quality_sum_insert",
    "quality_sum_delete",
    *(f"quality_{table}_{event}" for table in SOURCES for event in ("insert", "update", "delete")),
)


# 0015: the source triggers note the visits they touch, and each noted visit is refreshed once, at commit.
POSTGRES_QUALITY_AT_COMMIT = """
CREATE TABLE quality_pending (visit_id varchar PRIMARY KEY);

CREATE FUNCTION fieldact_quality_note(p_visit text) RETURNS void LANGUAGE sql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
  INSERT INTO quality_pending (visit_id) SELECT p_visit WHERE p_visit IS NOT NULL ON CONFLICT DO NOTHING
$$;
REVOKE EXECUTE ON FUNCTION fieldact_quality_note(text) FROM PUBLIC;

CREATE FUNCTION fieldact_quality_settle() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM quality_pending WHERE visit_id = NEW.visit_id;
  PERFORM fieldact_quality_refresh(NEW.visit_id);
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION fieldact_quality_settle() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER quality_settle AFTER INSERT ON quality_pending DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION fieldact_quality_settle();

CREATE OR REPLACE FUNCTION fieldact_quality_touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_TABLE_NAME = 'visit' THEN
    PERFORM fieldact_quality_note(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    IF TG_OP = 'UPDATE' AND OLD.id IS DISTINCT FROM NEW.id THEN
      PERFORM fieldact_quality_note(OLD.id);
    END IF;
  END IF;
  RETURN NULL;
END $$;

""" + statement_touch("fieldact_quality_note")
