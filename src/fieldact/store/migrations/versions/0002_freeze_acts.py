"""Freeze acts, the answers of a visit that has an act, and the audit log, in the database itself.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = {
    "act_no_update": "BEFORE UPDATE ON act BEGIN SELECT RAISE(ABORT, 'fieldact: a stored act cannot be changed'); END",
    "act_no_delete": "BEFORE DELETE ON act BEGIN SELECT RAISE(ABORT, 'fieldact: a stored act cannot be deleted'); END",
    "audit_no_update": (
        "BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'fieldact: the audit log is append-only'); END"
    ),
    "audit_no_delete": (
        "BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'fieldact: the audit log is append-only'); END"
    ),
    "answer_frozen_update": (
        "BEFORE UPDATE ON answer WHEN EXISTS (SELECT 1 FROM act WHERE act.visit_id = OLD.visit_id) "
        "BEGIN SELECT RAISE(ABORT, 'fieldact: the answers of a visit with an act are frozen'); END"
    ),
    "answer_frozen_delete": (
        "BEFORE DELETE ON answer WHEN EXISTS (SELECT 1 FROM act WHERE act.visit_id = OLD.visit_id) "
        "BEGIN SELECT RAISE(ABORT, 'fieldact: the answers of a visit with an act are frozen'); END"
    ),
    "answer_frozen_insert": (
        "BEFORE INSERT ON answer WHEN EXISTS (SELECT 1 FROM act WHERE act.visit_id = NEW.visit_id) "
        "BEGIN SELECT RAISE(ABORT, 'fieldact: the answers of a visit with an act are frozen'); END"
    ),
}

POSTGRES = """
CREATE FUNCTION fieldact_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'fieldact: % on % is refused: the row is frozen', TG_OP, TG_TABLE_NAME; END $$;
CREATE FUNCTION fieldact_refuse_frozen_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM act WHERE act.visit_id = COALESCE(NEW.visit_id, OLD.visit_id)) THEN
    RAISE EXCEPTION 'fieldact: the answers of a visit with an act are frozen';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER act_frozen BEFORE UPDATE OR DELETE ON act FOR EACH ROW EXECUTE FUNCTION fieldact_refuse();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION fieldact_refuse();
CREATE TRIGGER answer_frozen BEFORE INSERT OR UPDATE OR DELETE ON answer
  FOR EACH ROW EXECUTE FUNCTION fieldact_refuse_frozen_answer();
"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    elif dialect == "postgresql":
        op.execute(POSTGRES)
    op.create_index("ix_visit_technician_planned", "visit", ["technician_id", "planned_start"])
    op.create_index("ix_act_visit_version", "act", ["visit_id", "version"])


def downgrade() -> None:
    op.drop_index("ix_act_visit_version", "act")
    op.drop_index("ix_visit_technician_planned", "visit")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER answer_frozen ON answer; DROP TRIGGER audit_append_only ON audit_event;")
        op.execute("DROP TRIGGER act_frozen ON act; DROP FUNCTION fieldact_refuse_frozen_answer();")
        op.execute("DROP FUNCTION fieldact_refuse();")
