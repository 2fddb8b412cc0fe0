"""The visit as measured: pre-call attempts, the arrival the technician expects (a visit without an exact time),
the closing stage's answers (given after the act is frozen) and the "standard kept" summary.

All are columns of the visit, so the central sync carries them with it.

Revision ID: 0005_visit_measures
Revises: 0005_trust_store_frozen_private
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005_visit_measures"
down_revision = "0005_trust_store_frozen_private"
branch_labels = None
depends_on = None


# A visit with an act is frozen for the tablet on the central database (0003's policies). What comes after the act
# (the closing stage's answers and the measured summary) goes up through this function, which changes those two
# columns of the tablet's own visit and nothing else.
AFTER_ACT = """
CREATE FUNCTION fieldact_visit_after_act(p_visit text, p_closing text, p_kept text, p_changed timestamptz)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE visit SET closing = p_closing, standard_kept = p_kept, updated_at = p_changed
   WHERE id = p_visit AND technician_id = fieldact_technician() AND updated_at IS DISTINCT FROM p_changed;
  RETURN FOUND;
END $$;
COMMENT ON FUNCTION fieldact_visit_after_act(text, text, text, timestamptz) IS
  'After the act: only the closing answers and the standard-kept summary of the tablet''s own visit change.';
REVOKE EXECUTE ON FUNCTION fieldact_visit_after_act(text, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fieldact_visit_after_act(text, text, text, timestamptz) TO fieldact_tablet;
"""


MEASURE_COLUMNS = ("precall_attempts", "expected_arrival", "closing", "standard_kept")


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN: a batch copy of the visit table would drop its outbox triggers on SQLite
    op.add_column("visit", sa.Column("precall_attempts", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("visit", sa.Column("expected_arrival", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.add_column("visit", sa.Column("closing", sa.Text(), nullable=False, server_default="{}"))
    op.add_column("visit", sa.Column("standard_kept", sa.Text(), nullable=False, server_default="{}"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AFTER_ACT)
        # tablets update only the visit columns granted to them by name (0005_trust_store_frozen_private)
        op.execute(f"GRANT UPDATE ({', '.join(MEASURE_COLUMNS)}) ON visit TO fieldact_tablet")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION fieldact_visit_after_act(text, text, text, timestamptz)")
    for name in reversed(MEASURE_COLUMNS):
        op.drop_column("visit", name)
