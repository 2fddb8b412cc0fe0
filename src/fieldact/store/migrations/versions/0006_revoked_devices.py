"""Revoked device certificates: the list ``verify`` consults, kept centrally and copied to tablets.

On PostgreSQL every login reads it (tablets pull it, the office checks acts against it); only the office adds
to it (``fieldact central revoke-device``), and nobody changes or removes a row.

Revision ID: 0006_revoked_devices
Revises: 0005_faults_pin_lock
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006_revoked_devices"
down_revision = "0005_faults_pin_lock"
branch_labels = None
depends_on = None

READERS = ("fieldact_tablet", "fieldact_office", "fieldact_dispatch")


def upgrade() -> None:
    op.create_table(
        "revoked_device",
        sa.Column("certificate_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("device", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("revoked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("revoked_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.PrimaryKeyConstraint("certificate_sha256"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE revoked_device ENABLE ROW LEVEL SECURITY")
        for role in READERS:
            op.execute(f"CREATE POLICY {role}_read ON revoked_device FOR SELECT TO {role} USING (true)")
            op.execute(f"GRANT SELECT ON revoked_device TO {role}")
        op.execute(
            "CREATE POLICY fieldact_office_add ON revoked_device FOR INSERT TO fieldact_office WITH CHECK (true)"
        )
        op.execute("GRANT INSERT ON revoked_device TO fieldact_office")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY fieldact_office_add ON revoked_device")
        for role in READERS:
            op.execute(f"DROP POLICY {role}_read ON revoked_device")
        op.execute("REVOKE ALL ON revoked_device FROM fieldact_office, fieldact_tablet, fieldact_dispatch")
    op.drop_table("revoked_device")
