"""The central service: tablets reach PostgreSQL only through it.

Both databases: ``act_receipt``, the registry entry the service gave back for an act (the tablet keeps it), and
``act_copy``, the token of the subscriber's link to his copy of an act (made at signing). The central database
keeps only each token's SHA-256 (``act_copy_link``), added when the act is accepted. ``visit.purged_at``: the
tablet removed the visit's personal data and act bytes after the brand's retention period (service/retention.py);
on SQLite the act's freeze trigger lets exactly that through, and only for an act the registry holds.

PostgreSQL only: ``fieldact_service`` (the service's login is a member; it acts as the tablet role for one
technician at a time: ``fieldact_technician()`` reads the ``fieldact.technician`` setting the service sets per
transaction, and only for members of ``fieldact_service``); enrolment codes (stored as SHA-256 only), devices,
the registry (append-only hash chain of accepted acts) and acts refused by the service's checks.

Revision ID: 0008_central_service
Revises: 0007_quality
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008_central_service"
down_revision = "0007_quality"
branch_labels = None
depends_on = None

TECHNICIAN_BY_LOGIN = "SELECT id FROM technician WHERE login = session_user AND active"

POSTGRES_SERVICE = r"""
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fieldact_service')
  THEN CREATE ROLE fieldact_service NOLOGIN; END IF; END $$;
GRANT fieldact_tablet TO fieldact_service;

CREATE OR REPLACE FUNCTION fieldact_technician() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path FROM CURRENT AS $$
  SELECT id FROM technician WHERE active AND (
    login = session_user
    OR (id = NULLIF(current_setting('fieldact.technician', true), '')
        AND pg_has_role(session_user, 'fieldact_service', 'MEMBER')))
$$;
COMMENT ON FUNCTION fieldact_technician() IS
  'The technician a tablet login belongs to; for the service''s login, the one it set for this transaction '
  '(set_config(''fieldact.technician'', id, true)). NULL for every other login.';

CREATE TABLE enrolment (
  code_sha256 text PRIMARY KEY,
  technician_id text NOT NULL REFERENCES technician (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by text NOT NULL,
  used_at timestamptz,
  device_id text
);
COMMENT ON TABLE enrolment IS 'One-time enrolment codes (their SHA-256 only): each works once, until expires_at.';

CREATE TABLE device (
  id text PRIMARY KEY,
  technician_id text NOT NULL REFERENCES technician (id),
  public_key text NOT NULL,
  certificate text NOT NULL,
  enrolled_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by text,
  revoke_reason text
);
CREATE INDEX ix_device_technician_id ON device (technician_id);

CREATE TABLE registry (
  seq bigint PRIMARY KEY,
  act_id text NOT NULL UNIQUE,
  visit_id text NOT NULL,
  number text NOT NULL,
  version integer NOT NULL,
  pdf_sha256 text NOT NULL,
  content_sha256 text NOT NULL,
  device_id text NOT NULL,
  technician_id text NOT NULL,
  registered_at timestamptz NOT NULL,
  previous_hash text NOT NULL,
  entry_hash text NOT NULL UNIQUE
);
CREATE INDEX ix_registry_pdf_sha256 ON registry (pdf_sha256);
COMMENT ON TABLE registry IS 'Accepted acts, append-only: each entry hashes the one before (service/registry.py).';
CREATE FUNCTION fieldact_registry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'fieldact: the registry is append-only'; END $$;
CREATE TRIGGER registry_append_only BEFORE UPDATE OR DELETE ON registry
  FOR EACH ROW EXECUTE FUNCTION fieldact_registry_append_only();

CREATE TABLE act_refused (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL,
  device_id text NOT NULL,
  technician_id text NOT NULL,
  act_id text NOT NULL,
  visit_id text NOT NULL,
  number text NOT NULL,
  version integer NOT NULL,
  pdf bytea NOT NULL,
  pdf_sha256 text NOT NULL,
  reason text NOT NULL,
  UNIQUE (act_id, pdf_sha256)
);
COMMENT ON TABLE act_refused IS 'Acts the service refused (failed verification), with the reason, for the office.';

CREATE TABLE act_copy_link (
  token_sha256 text PRIMARY KEY,
  act_id text NOT NULL UNIQUE,
  technician_id text NOT NULL,
  added_at timestamptz NOT NULL
);
COMMENT ON TABLE act_copy_link IS 'The subscriber''s link to his copy of an act: the token''s SHA-256 only.';

GRANT SELECT, INSERT ON act_copy_link TO fieldact_service;
GRANT UPDATE (purged_at) ON visit TO fieldact_tablet;
GRANT SELECT ON device TO fieldact_service, fieldact_office;
GRANT INSERT ON device TO fieldact_service;
GRANT SELECT, UPDATE ON enrolment TO fieldact_service;
GRANT SELECT, INSERT ON registry, act_refused TO fieldact_service;
GRANT SELECT ON registry, act_refused, enrolment TO fieldact_office;
GRANT USAGE ON SEQUENCE act_refused_id_seq TO fieldact_service;
"""

DROP_POSTGRES_SERVICE = f"""
DROP TABLE act_copy_link; DROP TABLE act_refused; DROP TABLE registry; DROP FUNCTION fieldact_registry_append_only();
DROP TABLE device; DROP TABLE enrolment;
CREATE OR REPLACE FUNCTION fieldact_technician() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path FROM CURRENT AS $$ {TECHNICIAN_BY_LOGIN} $$;
REVOKE fieldact_tablet FROM fieldact_service;
"""


ACT_COLUMNS_KEPT = (
    "id", "number", "version", "supersedes_id", "visit_id", "outcome", "refusal_reason", "signed_at", "pdf_sha256",
    "content_sha256", "ink_sha256", "created_at",
)  # fmt: skip
FROZEN_ACT = "BEFORE UPDATE ON act BEGIN SELECT RAISE(ABORT, 'fieldact: a stored act cannot be changed'); END"
PURGE_ONLY = (
    "BEFORE UPDATE ON act WHEN NOT (EXISTS (SELECT 1 FROM act_receipt r WHERE r.act_id = OLD.id) "
    "AND length(NEW.pdf) = 0 AND NEW.content = '' AND NEW.ink IS NULL AND NEW.signer_name = '' AND "
    + " AND ".join(f"NEW.{column} IS OLD.{column}" for column in ACT_COLUMNS_KEPT)
    + ") BEGIN SELECT RAISE(ABORT, 'fieldact: a stored act cannot be changed'); END"
)


def upgrade() -> None:
    op.create_table(
        "act_receipt",
        sa.Column("act_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entry_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("registered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("act_id"),
    )
    op.create_table(
        "act_copy",
        sa.Column("act_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("made_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("act_id"),
    )
    op.add_column("visit", sa.Column("purged_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_SERVICE)
    elif op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER act_no_update")
        op.execute(f"CREATE TRIGGER act_no_update {PURGE_ONLY}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DROP_POSTGRES_SERVICE)
    elif op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER act_no_update")
        op.execute(f"CREATE TRIGGER act_no_update {FROZEN_ACT}")
    op.execute("ALTER TABLE visit DROP COLUMN purged_at")
    op.drop_table("act_copy")
    op.drop_table("act_receipt")
