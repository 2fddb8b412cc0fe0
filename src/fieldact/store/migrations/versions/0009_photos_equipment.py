"""Photos of checklist items and the devices a connection installs or takes away.

Both are rows of the visit, like its answers: a tablet adds them only to its own visits without an act, and
once the act exists they are frozen (SQLite triggers; PostgreSQL the frozen-child trigger of 0005).

Revision ID: 0009_photos_equipment
Revises: 0008_central_service
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009_photos_equipment"
down_revision = "0008_central_service"
branch_labels = None
depends_on = None

TABLES = ("photo", "equipment")
HAS_ACT = "EXISTS (SELECT 1 FROM act WHERE act.visit_id = {visit})"
ME = "(SELECT fieldact_technician())"


def _create_tables() -> None:
    op.create_table(
        "photo",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("visit_id", sa.String(36), sa.ForeignKey("visit.id"), nullable=False),
        sa.Column("item_key", sa.String(140), nullable=False),
        sa.Column("taken_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("jpeg", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_photo_visit_id", "photo", ["visit_id"])
    op.create_table(
        "equipment",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("visit_id", sa.String(36), sa.ForeignKey("visit.id"), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("device_type", sa.String(64), nullable=False),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("mac", sa.String(17), nullable=False, server_default=""),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )
    op.create_index("ix_equipment_visit_id", "equipment", ["visit_id"])


def _sqlite_triggers() -> dict[str, str]:
    triggers = {}
    for table in TABLES:
        refuse = f"BEGIN SELECT RAISE(ABORT, 'fieldact: the {table} of a visit with an act is frozen'); END"
        triggers[f"{table}_frozen_insert"] = f"BEFORE INSERT ON {table} WHEN {HAS_ACT.format(visit='NEW.visit_id')} "
        triggers[f"{table}_frozen_update"] = f"BEFORE UPDATE ON {table} WHEN {HAS_ACT.format(visit='OLD.visit_id')} "
        triggers[f"{table}_frozen_delete"] = f"BEFORE DELETE ON {table} WHEN {HAS_ACT.format(visit='OLD.visit_id')} "
        for kind in ("insert", "update", "delete"):
            triggers[f"{table}_frozen_{kind}"] += refuse
    return triggers


def _postgres() -> None:
    for table in TABLES:
        own = f"EXISTS (SELECT 1 FROM visit v WHERE v.id = {table}.visit_id AND v.technician_id = {ME})"
        unfrozen = f"{own} AND NOT fieldact_visit_has_act({table}.visit_id)"
        for statement in (
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY office_read ON {table} FOR SELECT TO fieldact_office USING (true)",
            f"CREATE POLICY tablet_read ON {table} FOR SELECT TO fieldact_tablet USING ({own})",
            f"CREATE POLICY tablet_add ON {table} FOR INSERT TO fieldact_tablet WITH CHECK ({unfrozen})",
            f"CREATE POLICY tablet_change ON {table} FOR UPDATE TO fieldact_tablet USING ({unfrozen}) "
            f"WITH CHECK ({own})",
            f"CREATE POLICY tablet_remove ON {table} FOR DELETE TO fieldact_tablet USING ({unfrozen})",
            f"GRANT SELECT ON {table} TO fieldact_office",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO fieldact_tablet",
            f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION fieldact_refuse_frozen_child()",
        ):
            op.execute(statement)


def upgrade() -> None:
    _create_tables()
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name, body in _sqlite_triggers().items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    elif dialect == "postgresql":
        _postgres()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _sqlite_triggers():
            op.execute(f"DROP TRIGGER {name}")
    for table in reversed(TABLES):
        op.drop_index(f"ix_{table}_visit_id", table_name=table)
        op.drop_table(table)
