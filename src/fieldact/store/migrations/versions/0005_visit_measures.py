"""The visit as measured: pre-call attempts, the arrival the technician expects (a visit without an exact time),
the closing stage's answers (given after the act is frozen) and the "standard kept" summary.

All are columns of the visit, so the central sync carries them with it.

Revision ID: 0005_visit_measures
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005_visit_measures"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN: a batch copy of the visit table would drop its outbox triggers on SQLite
    op.add_column("visit", sa.Column("precall_attempts", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("visit", sa.Column("expected_arrival", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.add_column("visit", sa.Column("closing", sa.Text(), nullable=False, server_default="{}"))
    op.add_column("visit", sa.Column("standard_kept", sa.Text(), nullable=False, server_default="{}"))


def downgrade() -> None:
    for name in ("standard_kept", "closing", "expected_arrival", "precall_attempts"):
        op.drop_column("visit", name)
