"""Office: the setting table (the office password's hash) and the indexes the office search needs.

On PostgreSQL the office login may read and write settings; tablets and dispatch never see them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NOT_SUPERSEDING = "supersedes_id IS NOT NULL"


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_subscriber_surname", "subscriber", ["surname"])
    op.create_index(
        "ix_act_supersedes_id",
        "act",
        ["supersedes_id"],
        sqlite_where=sa.text(NOT_SUPERSEDING),
        postgresql_where=sa.text(NOT_SUPERSEDING),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE setting ENABLE ROW LEVEL SECURITY")
        op.execute("CREATE POLICY office_all ON setting FOR ALL TO fieldact_office USING (true) WITH CHECK (true)")
        op.execute("GRANT SELECT, INSERT, UPDATE ON setting TO fieldact_office")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY office_all ON setting")
        op.execute("REVOKE ALL ON setting FROM fieldact_office")
    op.drop_index("ix_act_supersedes_id", "act")
    op.drop_index("ix_subscriber_surname", "subscriber")
    op.drop_table("setting")
