"""PostgreSQL stores act PDFs and photo JPEGs as they are, without trying to compress them again.

Both are compressed already (a PDF's streams are deflated, a JPEG is a JPEG), so TOAST's pglz gains nothing on
them; but it reads each value through before it gives up, on every stored act and photo. EXTERNAL storage keeps
them out of line and uncompressed. Values already stored stay as they are; SQLite has no such setting.

Revision ID: 0012_binary_storage
Revises: 0011_quality_per_statement
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0012_binary_storage"
down_revision = "0011_quality_per_statement"
branch_labels = None
depends_on = None

ALREADY_COMPRESSED = (("act", "pdf"), ("act_conflict", "pdf"), ("act_refused", "pdf"), ("photo", "jpeg"))


def _storage(kind: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in ALREADY_COMPRESSED:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET STORAGE {kind}")


def upgrade() -> None:
    _storage("EXTERNAL")


def downgrade() -> None:
    _storage("EXTENDED")
