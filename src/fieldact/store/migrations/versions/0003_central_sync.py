"""Central database and sync: work orders, the tablet's outbox, acts kept aside, office notices; on PostgreSQL
the roles, grants and row-level security that let a tablet see only its technician's data.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FINISHED = "('signed', 'refused', 'rescheduled')"

# A finished visit enters the outbox in the same transaction as its status change; a visit finished again later
# (a rescheduled visit resumed and signed) is queued again.
SQLITE_OUTBOX_UPSERT = """
INSERT INTO outbox (visit_id, reason, queued_at, attempts, last_error, conflict)
VALUES (NEW.id, NEW.status, strftime('%Y-%m-%d %H:%M:%f000', 'now'), 0, '', '')
ON CONFLICT (visit_id) DO UPDATE SET reason = excluded.reason, queued_at = excluded.queued_at, attempts = 0,
  next_attempt_at = NULL, last_error = '', conflict = '', confirmed_at = NULL;
"""
SQLITE_TRIGGERS = {
    "outbox_on_finish": (
        f"AFTER UPDATE OF status ON visit WHEN NEW.status IN {FINISHED} AND NEW.status IS NOT OLD.status "
        f"BEGIN {SQLITE_OUTBOX_UPSERT} END"
    ),
    "outbox_on_insert_finished": (
        f"AFTER INSERT ON visit WHEN NEW.status IN {FINISHED} BEGIN {SQLITE_OUTBOX_UPSERT} END"
    ),
}

ROLES = ("fieldact_tablet", "fieldact_office", "fieldact_dispatch")
ME = "(SELECT fieldact_technician())"
VISIT_CHILDREN = ("answer", "material_use", "payment", "branch_event", "stage_event")
EVERY_TABLE = (
    "technician",
    "subscriber",
    "contract",
    "visit",
    "work_order",
    *VISIT_CHILDREN,
    "act",
    "audit_event",
    "act_conflict",
    "office_notice",
)
SEQUENCES = ("material_use", "branch_event", "stage_event", "audit_event", "act_conflict", "office_notice")

POSTGRES_FUNCTIONS = """
CREATE FUNCTION fieldact_technician() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT id FROM technician WHERE login = session_user AND active $$;
COMMENT ON FUNCTION fieldact_technician() IS
  'The technician whose tablet logged in (session_user, which SET ROLE cannot change); NULL for other logins.';
CREATE FUNCTION fieldact_contract_id(contract_number text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path FROM CURRENT AS $$ SELECT id FROM contract WHERE number = contract_number $$;
REVOKE EXECUTE ON FUNCTION fieldact_contract_id(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fieldact_contract_id(text) TO fieldact_tablet;
CREATE FUNCTION fieldact_visit_has_act(visit text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path FROM CURRENT AS $$ SELECT EXISTS (SELECT 1 FROM act WHERE act.visit_id = visit) $$;
COMMENT ON FUNCTION fieldact_visit_has_act(text) IS
  'For the policies: a visit with an act is frozen. As definer, so the visit and act policies do not recurse.';
"""


def _own(table: str) -> str:
    # Correlated, so that checking one row is one index lookup, however many visits the technician has had.
    return f"EXISTS (SELECT 1 FROM visit v WHERE v.id = {table}.visit_id AND v.technician_id = {ME})"


def _tablet_policies() -> list[str]:
    no_act = "NOT fieldact_visit_has_act({column})"
    statements = [
        f"CREATE POLICY tablet_read ON technician FOR SELECT TO fieldact_tablet USING (id = {ME})",
        "CREATE POLICY tablet_read ON subscriber FOR SELECT TO fieldact_tablet USING (EXISTS (SELECT 1 FROM contract c "
        f"JOIN visit v ON v.contract_id = c.id WHERE c.subscriber_id = subscriber.id AND v.technician_id = {ME}))",
        "CREATE POLICY tablet_add ON subscriber FOR INSERT TO fieldact_tablet WITH CHECK (true)",
        "CREATE POLICY tablet_read ON contract FOR SELECT TO fieldact_tablet "
        f"USING (EXISTS (SELECT 1 FROM visit v WHERE v.contract_id = contract.id AND v.technician_id = {ME}))",
        "CREATE POLICY tablet_add ON contract FOR INSERT TO fieldact_tablet WITH CHECK (true)",
        f"CREATE POLICY tablet_read ON visit FOR SELECT TO fieldact_tablet USING (technician_id = {ME})",
        f"CREATE POLICY tablet_add ON visit FOR INSERT TO fieldact_tablet WITH CHECK (technician_id = {ME})",
        "CREATE POLICY tablet_change ON visit FOR UPDATE TO fieldact_tablet "
        f"USING (technician_id = {ME} AND {no_act.format(column='visit.id')}) WITH CHECK (technician_id = {ME})",
        f"CREATE POLICY tablet_read ON work_order FOR SELECT TO fieldact_tablet USING (technician_id = {ME})",
    ]
    for table in ("act", "audit_event"):
        statements += [
            f"CREATE POLICY tablet_read ON {table} FOR SELECT TO fieldact_tablet USING ({_own(table)})",
            f"CREATE POLICY tablet_add ON {table} FOR INSERT TO fieldact_tablet WITH CHECK ({_own(table)})",
        ]
    for table in ("act_conflict", "office_notice"):
        statements += [
            f"CREATE POLICY tablet_read ON {table} FOR SELECT TO fieldact_tablet USING (technician_id = {ME})",
            f"CREATE POLICY tablet_add ON {table} FOR INSERT TO fieldact_tablet WITH CHECK (technician_id = {ME})",
        ]
    for table in VISIT_CHILDREN:
        own = _own(table)
        unfrozen = f"{own} AND {no_act.format(column=f'{table}.visit_id')}"
        statements += [
            f"CREATE POLICY tablet_read ON {table} FOR SELECT TO fieldact_tablet USING ({own})",
            f"CREATE POLICY tablet_add ON {table} FOR INSERT TO fieldact_tablet WITH CHECK ({own})",
            f"CREATE POLICY tablet_change ON {table} FOR UPDATE TO fieldact_tablet USING ({unfrozen}) "
            f"WITH CHECK ({own})",
            f"CREATE POLICY tablet_remove ON {table} FOR DELETE TO fieldact_tablet USING ({unfrozen})",
        ]
    return statements


def _grants() -> list[str]:
    children = ", ".join(VISIT_CHILDREN)
    sequences = ", ".join(f"{table}_id_seq" for table in SEQUENCES)
    return [
        f"GRANT USAGE ON SCHEMA {_schema()} TO {', '.join(ROLES)}",
        f"GRANT SELECT ON alembic_version TO {', '.join(ROLES)}",
        f"GRANT SELECT ON {', '.join(EVERY_TABLE)} TO fieldact_office",
        "GRANT SELECT ON technician, work_order TO fieldact_tablet",
        "GRANT SELECT, INSERT ON subscriber, contract, act, audit_event, act_conflict, office_notice "
        "TO fieldact_tablet",
        "GRANT SELECT, INSERT, UPDATE ON visit TO fieldact_tablet",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {children} TO fieldact_tablet",
        f"GRANT USAGE ON SEQUENCE {sequences} TO fieldact_tablet",
        "GRANT SELECT ON technician TO fieldact_dispatch",
        "GRANT SELECT, INSERT, UPDATE ON subscriber, contract, visit, work_order TO fieldact_dispatch",
        "GRANT INSERT ON audit_event TO fieldact_dispatch",
        "GRANT USAGE ON SEQUENCE audit_event_id_seq TO fieldact_dispatch",
    ]


def _schema() -> str:
    return str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar())


def _postgres_security() -> None:
    for role in ROLES:
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
            f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
        )
    op.execute(POSTGRES_FUNCTIONS)
    for table in EVERY_TABLE:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY office_read ON {table} FOR SELECT TO fieldact_office USING (true)")
    op.execute("CREATE POLICY dispatch_read ON technician FOR SELECT TO fieldact_dispatch USING (true)")
    for table in ("subscriber", "contract", "visit", "work_order"):
        op.execute(f"CREATE POLICY dispatch_all ON {table} FOR ALL TO fieldact_dispatch USING (true) WITH CHECK (true)")
    op.execute("CREATE POLICY dispatch_add ON audit_event FOR INSERT TO fieldact_dispatch WITH CHECK (true)")
    for statement in _tablet_policies() + _grants():
        op.execute(statement)


def _drop_postgres_security() -> None:
    for table in EVERY_TABLE:
        policies = op.get_bind().exec_driver_sql(f"SELECT policyname FROM pg_policies WHERE tablename = '{table}'")
        for (name,) in policies.fetchall():
            op.execute(f"DROP POLICY {name} ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute(f"REVOKE ALL ON {table} FROM {', '.join(ROLES)}")
    op.execute(f"REVOKE ALL ON alembic_version FROM {', '.join(ROLES)}")
    op.execute("DROP FUNCTION fieldact_contract_id(text); DROP FUNCTION fieldact_technician();")
    op.execute("DROP FUNCTION fieldact_visit_has_act(text)")


def upgrade() -> None:
    _create_tables()
    op.add_column("audit_event", sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True))
    op.add_column("audit_event", sa.Column("origin_id", sa.Integer(), nullable=True))
    op.create_index("ux_audit_event_origin", "audit_event", ["origin", "origin_id"], unique=True)
    op.add_column("technician", sa.Column("login", sqlmodel.sql.sqltypes.AutoString(length=63), nullable=True))
    op.create_index(op.f("ix_technician_login"), "technician", ["login"], unique=True)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        op.execute(
            "INSERT INTO outbox (visit_id, reason, queued_at, attempts, last_error, conflict) "
            f"SELECT id, status, updated_at, 0, '', '' FROM visit WHERE status IN {FINISHED}"
        )
    elif dialect == "postgresql":
        _postgres_security()


def _create_tables() -> None:
    string = sqlmodel.sql.sqltypes.AutoString
    moment = sqlmodel.sql.sqltypes.UTCDateTime
    op.create_table(
        "act_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_at", moment(), nullable=False),
        sa.Column("technician_id", string(length=36), nullable=False),
        sa.Column("origin", string(length=36), nullable=False),
        sa.Column("act_id", string(length=36), nullable=False),
        sa.Column("visit_id", string(length=36), nullable=False),
        sa.Column("number", string(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("signed_at", moment(), nullable=False),
        sa.Column("signer_name", string(length=300), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", string(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_sha256", string(length=64), nullable=False),
        sa.Column("ink", sa.LargeBinary(), nullable=True),
        sa.Column("ink_sha256", string(length=64), nullable=False),
        sa.Column("reason", string(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("act_id", "pdf_sha256"),
    )
    op.create_index(op.f("ix_act_conflict_technician_id"), "act_conflict", ["technician_id"], unique=False)
    op.create_table(
        "office_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", string(length=120), nullable=False),
        sa.Column("at", moment(), nullable=False),
        sa.Column("technician_id", string(length=36), nullable=False),
        sa.Column("visit_id", string(length=36), nullable=True),
        sa.Column("kind", string(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index(op.f("ix_office_notice_at"), "office_notice", ["at"], unique=False)
    op.create_index(op.f("ix_office_notice_technician_id"), "office_notice", ["technician_id"], unique=False)
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", string(length=36), nullable=False),
        sa.Column("last_pull_at", moment(), nullable=True),
        sa.Column("last_push_at", moment(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("last_error_at", moment(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "outbox",
        sa.Column("visit_id", string(length=36), nullable=False),
        sa.Column("reason", string(length=24), nullable=False),
        sa.Column("queued_at", moment(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", moment(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("confirmed_at", moment(), nullable=True),
        sa.Column("conflict", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"]),
        sa.PrimaryKeyConstraint("visit_id"),
    )
    op.create_index(op.f("ix_outbox_confirmed_at"), "outbox", ["confirmed_at"], unique=False)
    op.create_table(
        "work_order",
        sa.Column("visit_id", string(length=36), nullable=False),
        sa.Column("request_number", string(length=40), nullable=False),
        sa.Column("technician_id", string(length=36), nullable=False),
        sa.Column("state", string(length=16), nullable=False),
        sa.Column("changed_at", moment(), nullable=False),
        sa.Column("office_told", string(length=16), nullable=False),
        sa.ForeignKeyConstraint(["technician_id"], ["technician.id"]),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"]),
        sa.PrimaryKeyConstraint("visit_id"),
    )
    op.create_index(op.f("ix_work_order_request_number"), "work_order", ["request_number"], unique=False)
    op.create_index(op.f("ix_work_order_technician_id"), "work_order", ["technician_id"], unique=False)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    elif dialect == "postgresql":
        _drop_postgres_security()
    op.drop_index(op.f("ix_technician_login"), "technician")
    op.drop_index("ux_audit_event_origin", "audit_event")
    # In place, not by rebuilding the tables: visits refer to technicians, and audit_event has its triggers.
    op.execute("ALTER TABLE technician DROP COLUMN login")
    op.execute("ALTER TABLE audit_event DROP COLUMN origin_id")
    op.execute("ALTER TABLE audit_event DROP COLUMN origin")
    for table in ("work_order", "outbox", "sync_state", "office_notice", "act_conflict"):
        op.drop_table(table)
