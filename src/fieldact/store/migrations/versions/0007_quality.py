"""The quality department: the subscriber's rating, and the visit as the department counts it.

visit_quality holds one row per visit, rebuilt by triggers whenever the visit, its answers, payment, materials,
branches or rating change; quality_day and quality_stage_day hold its sums per planned day, technician and kind,
kept by triggers on visit_quality (the SQL is made by store/quality_sql.py). The dashboard reads the sums, so a
year costs the same at any number of visits, and they are current the moment a visit arrives (no nightly batch).

Revision ID: 0007_quality
Revises: 0006_revoked_devices
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

from fieldact.store.quality_sql import (
    DAY_SUMS,
    POSTGRES_JSON,
    POSTGRES_RATING_FROZEN,
    POSTGRES_TRIGGERS,
    SOURCES,
    SQLITE_QUALITY_TRIGGERS,
    SQLITE_RATING_TRIGGERS,
    VISIT_COLUMNS,
    postgres_functions,
    rebuild_sums,
    sqlite_quality_triggers,
    visit_select,
)

revision = "0007_quality"
down_revision = "0006_revoked_devices"
branch_labels = None
depends_on = None


def _create_tables() -> None:
    op.create_table(
        "visit_rating",
        sa.Column("visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("rated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"]),
        sa.PrimaryKeyConstraint("visit_id"),
    )
    text = sqlmodel.sql.sqltypes.AutoString
    flags = [
        "finished",
        "kept",
        "precall_on_time",
        "arrival_measured",
        "arrival_on_time",
        "required_done",
        "closing_done",
        "items_done",
        "items_not_needed",
        "items_failed",
        "refused",
        "rescheduled",
        "cannot_fix",
        "credited",
        "materials",
    ]
    op.create_table(
        "visit_quality",
        sa.Column("visit_id", text(length=36), nullable=False),
        sa.Column("technician_id", text(length=36), nullable=False),
        sa.Column("kind", text(length=20), nullable=False),
        sa.Column("day", text(length=10), nullable=False),
        sa.Column("status", text(length=24), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in flags[:8]),
        sa.Column("late_minutes", sa.Integer(), nullable=True),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in flags[8:]),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("stage_minutes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("visit_id"),
    )
    op.create_index("ix_visit_quality_day", "visit_quality", ["day", "technician_id"])
    op.create_index("ix_visit_quality_materials", "visit_quality", ["materials"])

    def key() -> list[sa.Column]:
        return [
            sa.Column("day", text(length=10), nullable=False),
            sa.Column("technician_id", text(length=36), nullable=False),
            sa.Column("kind", text(length=20), nullable=False),
        ]

    op.create_table(
        "quality_day",
        *key(),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in DAY_SUMS),
        sa.PrimaryKeyConstraint("day", "technician_id", "kind"),
    )
    op.create_table(
        "quality_stage_day",
        *key(),
        sa.Column("stage_key", text(length=64), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "technician_id", "kind", "stage_key"),
    )


def upgrade() -> None:
    _create_tables()
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute(POSTGRES_JSON + postgres_functions(items=False) + POSTGRES_RATING_FROZEN)
        for statement in POSTGRES_TRIGGERS:
            op.execute(statement)
        op.execute("SELECT fieldact_quality_rebuild()")
        return
    op.execute(f"INSERT INTO visit_quality ({VISIT_COLUMNS}) {visit_select(False, '1')}")
    for statement in rebuild_sums(False):
        op.execute(statement)
    for statement in [*sqlite_quality_triggers(items=False), *SQLITE_RATING_TRIGGERS]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("visit", *SOURCES):
            op.execute(f"DROP TRIGGER IF EXISTS quality_touch ON {table}")
        op.execute("DROP TABLE quality_stage_day, quality_day, visit_quality, visit_rating")
        for function in (
            "fieldact_quality_rebuild()",
            "fieldact_quality_sum()",
            "fieldact_quality_touch()",
            "fieldact_quality_refresh(text)",
            "fieldact_rating_frozen()",
            "fieldact_json(text)",
        ):
            op.execute(f"DROP FUNCTION {function}")
        return
    for name in (*SQLITE_QUALITY_TRIGGERS, "rating_no_update", "rating_no_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("quality_stage_day", "quality_day", "visit_quality", "visit_rating"):
        op.drop_table(table)
