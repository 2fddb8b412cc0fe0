"""Quality rows refreshed once per statement on PostgreSQL: a pushed visit's answers are summed once, not per row.

0007's row triggers on the source tables (answers, payment, materials, branches, rating) rebuilt a visit's
visit_quality row, and moved its sums, for every row written: a visit pushed with fifty answers was summed fifty
times inside its transaction. Statement triggers with transition tables refresh each visit a statement touched
once. SQLite (the tablet, one answer at a time) keeps its row triggers.

Revision ID: 0011_quality_per_statement
Revises: 0010_quality_items
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

from fieldact.store.quality_sql import (
    POSTGRES_STATEMENT_TOUCH,
    SOURCES,
    STATEMENT_TOUCH_EVENTS,
    postgres_row_triggers,
    postgres_statement_triggers,
)

revision = "0011_quality_per_statement"
down_revision = "0010_quality_items"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(POSTGRES_STATEMENT_TOUCH)
    for table in SOURCES:
        op.execute(f"DROP TRIGGER IF EXISTS quality_touch ON {table}")
    for statement in postgres_statement_triggers():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in SOURCES:
        for event in STATEMENT_TOUCH_EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS quality_touch_{event} ON {table}")
    for statement in postgres_row_triggers():
        op.execute(statement)
    op.execute("DROP FUNCTION IF EXISTS fieldact_quality_touch_rows()")
