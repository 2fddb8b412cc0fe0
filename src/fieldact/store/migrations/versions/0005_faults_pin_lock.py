"""The PIN lockout runs on the tablet's monotonic clock: the boot and the monotonic reading a lock started at.

Revision ID: 0005_faults_pin_lock
Revises: 0005_visit_measures
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005_faults_pin_lock"
down_revision = "0005_visit_measures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD/DROP COLUMN (SQLite 3.35+): a batch copy of technician would trip the foreign keys of visits.
    op.add_column("technician", sa.Column("lock_boot", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
    op.add_column("technician", sa.Column("lock_started", sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column("technician", "lock_started")
    op.drop_column("technician", "lock_boot")
