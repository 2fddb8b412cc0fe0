"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 10:25:46.624683
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "subscriber",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("surname", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("first_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("patronymic", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "technician",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("surname", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("first_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("pin_salt", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("pin_hash", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "contract",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("subscriber_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscriber_id"],
            ["subscriber.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contract_number"), ["number"], unique=True)
        batch_op.create_index(batch_op.f("ix_contract_subscriber_id"), ["subscriber_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("request_number", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("services", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("contract_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("technician_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("zone", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("planned_start", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("planned_exact", sa.Boolean(), nullable=False),
        sa.Column("planned_end", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("stage_index", sa.Integer(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("corrects_visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
        sa.Column("precall_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("arrived_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("signed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contract.id"],
        ),
        sa.ForeignKeyConstraint(
            ["corrects_visit_id"],
            ["visit.id"],
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technician.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_contract_id"), ["contract_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_planned_start"), ["planned_start"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_technician_id"), ["technician_id"], unique=False)

    op.create_table(
        "act",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
        sa.Column("visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("refusal_reason", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("signed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("signer_name", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("ink", sa.LargeBinary(), nullable=True),
        sa.Column("ink_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["act.id"],
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number", "version"),
    )
    with op.batch_alter_table("act", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_act_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_act_signed_at"), ["signed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_act_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "answer",
        sa.Column("visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("item_key", sqlmodel.sql.sqltypes.AutoString(length=140), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("answered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("visit_id", "item_key"),
    )
    op.create_table(
        "branch_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("branch_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("details", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("requested_time", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("called_role", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("branch_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_branch_event_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "material_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("quantity", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("material_use", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_material_use_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "payment",
        sa.Column("visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("change", sa.Integer(), nullable=False),
        sa.Column("credited", sa.Integer(), nullable=False),
        sa.Column("bso_number", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("visit_id"),
    )
    op.create_table(
        "stage_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("stage_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("completed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("visit_id", "stage_key"),
    )
    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stage_event_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_event_visit_id"))

    op.drop_table("stage_event")
    op.drop_table("payment")
    with op.batch_alter_table("material_use", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_material_use_visit_id"))

    op.drop_table("material_use")
    with op.batch_alter_table("branch_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_branch_event_visit_id"))

    op.drop_table("branch_event")
    op.drop_table("answer")
    with op.batch_alter_table("act", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_act_visit_id"))
        batch_op.drop_index(batch_op.f("ix_act_signed_at"))
        batch_op.drop_index(batch_op.f("ix_act_number"))

    op.drop_table("act")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_technician_id"))
        batch_op.drop_index(batch_op.f("ix_visit_status"))
        batch_op.drop_index(batch_op.f("ix_visit_planned_start"))
        batch_op.drop_index(batch_op.f("ix_visit_contract_id"))

    op.drop_table("visit")
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_subscriber_id"))
        batch_op.drop_index(batch_op.f("ix_contract_number"))

    op.drop_table("contract")
    op.drop_table("technician")
    op.drop_table("subscriber")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_visit_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
