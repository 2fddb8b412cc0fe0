"""The most skipped items, summed as visits arrive: the dashboard no longer counts a year of answers.

visit_quality.skipped holds the visit's items answered «не требуется» or «не выполнено» (JSON: item key → state),
and quality_item_day their sums per planned day, technician, kind and item, kept by the same trigger on
visit_quality as the other sums (store/quality_sql.py with ``items=True``).

Revision ID: 0010_quality_items
Revises: 0009_photos_equipment
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

from fieldact.store.quality_sql import (
    SQLITE_QUALITY_TRIGGERS,
    postgres_functions,
    rebuild_sums,
    sqlite_quality_triggers,
    visit_columns,
    visit_select,
)

revision = "0010_quality_items"
down_revision = "0009_photos_equipment"
branch_labels = None
depends_on = None


def _rebuild(postgres: bool, items: bool) -> None:
    """visit_quality and every sum made again from the visits (SQLite: with its triggers dropped meanwhile)."""
    if postgres:
        op.execute("SELECT fieldact_quality_rebuild()")
        return
    op.execute("DELETE FROM visit_quality")
    op.execute(f"INSERT INTO visit_quality ({visit_columns(items)}) {visit_select(False, '1', items)}")
    for statement in rebuild_sums(False, items):
        op.execute(statement)


def _swap_sqlite_triggers(items: bool) -> None:
    for name in SQLITE_QUALITY_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    _rebuild(False, items)
    for statement in sqlite_quality_triggers(items):
        op.execute(statement)


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.add_column("visit_quality", sa.Column("skipped", sa.Text(), nullable=False, server_default="{}"))
    op.create_table(
        "quality_item_day",
        sa.Column("day", text(length=10), nullable=False),
        sa.Column("technician_id", text(length=36), nullable=False),
        sa.Column("kind", text(length=20), nullable=False),
        sa.Column("item_key", text(length=140), nullable=False),
        sa.Column("not_needed", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "technician_id", "kind", "item_key"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(postgres_functions(items=True))
        op.execute("GRANT SELECT ON quality_item_day TO fieldact_office")
        _rebuild(True, items=True)
        return
    _swap_sqlite_triggers(items=True)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute(postgres_functions(items=False))
    else:
        for name in SQLITE_QUALITY_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("quality_item_day")
    with op.batch_alter_table("visit_quality") as table:
        table.drop_column("skipped")
    if postgres:
        _rebuild(True, items=False)
    else:
        _swap_sqlite_triggers(items=False)
