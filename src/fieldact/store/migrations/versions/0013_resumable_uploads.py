"""Resumable pushes for the central service: what arrived of a large push body before its link dropped.

PostgreSQL only (the service is stateless, so the part of a body that arrived lives in the database, and any
process of the service takes the rest): ``upload`` is a body a device began to send (its SHA-256 and length, how
much has arrived), ``upload_part`` what arrived, in order, kept as it came (its bytes are compressed already). A
body that arrives whole in one go never touches these tables.

Revision ID: 0013_resumable_uploads
Revises: 0012_binary_storage
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0013_resumable_uploads"
down_revision = "0012_binary_storage"
branch_labels = None
depends_on = None

POSTGRES_UPLOADS = """
CREATE TABLE upload (
  device_id text NOT NULL REFERENCES device (id),
  sha256 text NOT NULL,
  length integer NOT NULL CHECK (length > 0),
  received integer NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= length),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, sha256)
);
COMMENT ON TABLE upload IS 'A push body whose link dropped: its SHA-256 and length, and how much of it arrived.';
CREATE TABLE upload_part (
  device_id text NOT NULL,
  sha256 text NOT NULL,
  start integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (device_id, sha256, start),
  FOREIGN KEY (device_id, sha256) REFERENCES upload (device_id, sha256) ON DELETE CASCADE
);
ALTER TABLE upload_part ALTER COLUMN data SET STORAGE EXTERNAL;
GRANT SELECT, INSERT, UPDATE, DELETE ON upload, upload_part TO fieldact_service;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_UPLOADS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE upload_part; DROP TABLE upload;")
