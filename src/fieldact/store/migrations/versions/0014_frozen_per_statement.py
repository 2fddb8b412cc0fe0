"""A visit's rows are refused once its act exists: checked per INSERT statement, no longer per row inserted.

Migrations 0002, 0005 and 0009 refuse any row added to, changed in or removed from a visit that has an act, with
a trigger run for each row. A push adds a visit's thirty answers and its other rows with one statement per table,
and the per-row check was a twentieth of what PostgreSQL spent storing the visit. Adding rows is now checked
once per statement, over the rows it added (a transition table), after they are in and before the statement
ends: the statement still fails whole. Changing and removing stay checked per row (0002, 0005, 0009).

Revision ID: 0014_frozen_per_statement
Revises: 0013_resumable_uploads
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0014_frozen_per_statement"
down_revision = "0013_resumable_uploads"
branch_labels = None
depends_on = None

# Each table with the function its per-row trigger runs (answers have their own words since 0002).
FROZEN = {
    "answer": "fieldact_refuse_frozen_answer",
    "payment": "fieldact_refuse_frozen_child",
    "material_use": "fieldact_refuse_frozen_child",
    "stage_event": "fieldact_refuse_frozen_child",
    "branch_event": "fieldact_refuse_frozen_child",
    "photo": "fieldact_refuse_frozen_child",
    "equipment": "fieldact_refuse_frozen_child",
}

REFUSE_ADDED = """
CREATE FUNCTION fieldact_refuse_frozen_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM added JOIN act ON act.visit_id = added.visit_id) THEN
    RAISE EXCEPTION 'fieldact: the % of a visit with an act is frozen', TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the tablet's SQLite keeps its row triggers: it writes a row at a time
    op.execute(REFUSE_ADDED)
    for table, function in FROZEN.items():
        op.execute(f"DROP TRIGGER {table}_frozen ON {table}")
        op.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_frozen_added AFTER INSERT ON {table} REFERENCING NEW TABLE AS added "
            "FOR EACH STATEMENT EXECUTE FUNCTION fieldact_refuse_frozen_added()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, function in FROZEN.items():
        op.execute(f"DROP TRIGGER {table}_frozen_added ON {table}")
        op.execute(f"DROP TRIGGER {table}_frozen ON {table}")
        op.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
    op.execute("DROP FUNCTION fieldact_refuse_frozen_added()")
