"""A visit's quality row is refreshed once per transaction, when it commits, on PostgreSQL.

0011 refreshed a visit once per statement. A push writes a visit with one statement per table (the visit, its
answers, its payment, ...), so a pushed visit's quality row and its sums were rebuilt three times or more in one
transaction, and only the last one counted: about a tenth of what PostgreSQL spent storing a visit. Now the
triggers only note the visits they touch (quality_pending, one row per visit), and a deferred trigger on that
table refreshes each noted visit once, at commit, after every statement of the transaction. The writing
transaction itself does not see its visits' new quality rows; every reader (the dashboard, the reports) reads
committed ones. SQLite (the tablet) keeps its row triggers.

Revision ID: 0015_quality_at_commit
Revises: 0014_frozen_per_statement
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

from fieldact.store.quality_sql import POSTGRES_QUALITY_AT_COMMIT, POSTGRES_STATEMENT_TOUCH, postgres_functions

revision = "0015_quality_at_commit"
down_revision = "0014_frozen_per_statement"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(POSTGRES_QUALITY_AT_COMMIT)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(postgres_functions(items=True))  # 0010's functions, the visit's immediate refresh among them
    op.execute(POSTGRES_STATEMENT_TOUCH)
    op.execute("DROP TABLE quality_pending")
    op.execute("DROP FUNCTION fieldact_quality_settle()")
    op.execute("DROP FUNCTION fieldact_quality_note(text)")
