"""Frozen means frozen, and a tablet sees only its own subscribers.

SQLite: ``INSERT OR REPLACE`` deletes the old row without firing its delete triggers, so a stored act or audit
row is refused by a BEFORE INSERT trigger as well; everything an act was made from (payment, materials, stage
and branch events, the visit's status, times and parties) is frozen once the act exists.

PostgreSQL: a tablet adds rows only to its own visits without an act, never an act that supersedes another; it
reads a subscriber or contract only through an order given to its technician, and cannot move a visit to another
contract; the owner's-rights contract lookup is gone. Dispatch cannot change a visit that has an act. PIN hashes
are readable only by the tablet of their technician, the office password by no login: the office checks it
through functions that answer yes or no and count the attempts. ``fieldact_login`` lists the logins ``central
login`` made, the only roles it will change.

Revision ID: 0005_trust_store_frozen_private
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0005_trust_store_frozen_private"
down_revision = "0004"
branch_labels = None
depends_on = None

HAS_ACT = "EXISTS (SELECT 1 FROM act WHERE act.visit_id = {visit})"
FINISHED = "('signed', 'refused')"
# What an act is made from, on the visit row: changing any of these after signing would make the act lie.
VISIT_FACTS = (
    "status",
    "kind",
    "services",
    "contract_id",
    "technician_id",
    "zone",
    "planned_start",
    "planned_exact",
    "planned_end",
    "conditions",
    "corrects_visit_id",
    "precall_at",
    "arrived_at",
    "signed_at",
    "created_at",
    "request_number",
)
FROZEN_CHILDREN = ("payment", "material_use", "stage_event", "branch_event")


def _refuse(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, 'fieldact: {message}'); END"


def _sqlite_triggers() -> dict[str, str]:
    triggers = {
        "act_no_replace": (
            "BEFORE INSERT ON act WHEN EXISTS (SELECT 1 FROM act WHERE id = NEW.id "
            "OR (number = NEW.number AND version = NEW.version)) " + _refuse("a stored act cannot be replaced")
        ),
        "audit_no_replace": (
            "BEFORE INSERT ON audit_event WHEN EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.id "
            "OR (NEW.origin IS NOT NULL AND origin = NEW.origin AND origin_id = NEW.origin_id)) "
            + _refuse("the audit log is append-only")
        ),
        "visit_frozen_replace": (
            f"BEFORE INSERT ON visit WHEN {HAS_ACT.format(visit='NEW.id')} " + _refuse("a visit with an act is frozen")
        ),
        "visit_frozen_delete": (
            f"BEFORE DELETE ON visit WHEN {HAS_ACT.format(visit='OLD.id')} " + _refuse("a visit with an act is frozen")
        ),
        "visit_frozen_update": (
            f"BEFORE UPDATE ON visit WHEN OLD.status IN {FINISHED} AND {HAS_ACT.format(visit='OLD.id')} AND ("
            + " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in VISIT_FACTS)
            + ") "
            + _refuse("a visit with an act is frozen")
        ),
    }
    for table in FROZEN_CHILDREN:
        message = f"the {table} of a visit with an act is frozen"
        triggers[f"{table}_frozen_insert"] = f"BEFORE INSERT ON {table} WHEN {HAS_ACT.format(visit='NEW.visit_id')} "
        triggers[f"{table}_frozen_update"] = f"BEFORE UPDATE ON {table} WHEN {HAS_ACT.format(visit='OLD.visit_id')} "
        triggers[f"{table}_frozen_delete"] = f"BEFORE DELETE ON {table} WHEN {HAS_ACT.format(visit='OLD.visit_id')} "
        for kind in ("insert", "update", "delete"):
            triggers[f"{table}_frozen_{kind}"] += _refuse(message)
    return triggers


ME = "(SELECT fieldact_technician())"
GIVEN_TO_ME = (
    "EXISTS (SELECT 1 FROM work_order w JOIN visit v ON v.id = w.visit_id "
    "WHERE v.contract_id = {contract} AND w.technician_id = " + ME + ")"
)
TABLET_VISIT_COLUMNS = (
    "kind, services, zone, planned_start, planned_exact, planned_end, status, stage_index, conditions, "
    "corrects_visit_id, precall_at, arrived_at, signed_at, updated_at"
)
TECHNICIAN_PUBLIC = "id, surname, first_name, failed_attempts, locked_until, active, login"


def _own(table: str) -> str:
    return f"EXISTS (SELECT 1 FROM visit v WHERE v.id = {table}.visit_id AND v.technician_id = {ME})"


POSTGRES_FROZEN = """
CREATE FUNCTION fieldact_refuse_frozen_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM act WHERE act.visit_id = COALESCE(NEW.visit_id, OLD.visit_id)) THEN
    RAISE EXCEPTION 'fieldact: the % of a visit with an act is frozen', TG_TABLE_NAME;
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE FUNCTION fieldact_refuse_frozen_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM act WHERE act.visit_id = OLD.id) THEN
    RAISE EXCEPTION 'fieldact: a visit with an act is frozen';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status IN ('signed', 'refused') AND EXISTS (SELECT 1 FROM act WHERE act.visit_id = OLD.id)
     AND ({changed}) THEN
    RAISE EXCEPTION 'fieldact: a visit with an act is frozen';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER visit_frozen BEFORE UPDATE OR DELETE ON visit
  FOR EACH ROW EXECUTE FUNCTION fieldact_refuse_frozen_visit();
"""


def _postgres_frozen() -> None:
    changed = " OR ".join(f"NEW.{column} IS DISTINCT FROM OLD.{column}" for column in VISIT_FACTS)
    op.execute(POSTGRES_FROZEN.replace("{changed}", changed))
    for table in FROZEN_CHILDREN:
        op.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION fieldact_refuse_frozen_child()"
        )
    op.execute(
        "CREATE FUNCTION fieldact_refuse_act_replace() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.supersedes_id IS NULL AND EXISTS (SELECT 1 FROM act WHERE act.visit_id = NEW.visit_id) THEN "
        "RAISE EXCEPTION 'fieldact: the visit already has an act; a correction supersedes it'; END IF; "
        "RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER act_once BEFORE INSERT ON act FOR EACH ROW EXECUTE FUNCTION fieldact_refuse_act_replace()"
    )


SIGNED_PARTIES = """
CREATE FUNCTION fieldact_signed_parties(content text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN jsonb_build_array(content::jsonb -> 'subscriber', content::jsonb #> '{technician,name}')::text;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;
COMMENT ON FUNCTION fieldact_signed_parties(text) IS
  'For the office list: the act content''s subscriber record and technician name; NULL when it is not JSON.';
"""


def _postgres_private() -> None:
    op.execute(SIGNED_PARTIES)
    op.execute("DROP FUNCTION fieldact_contract_id(text)")
    op.execute(
        "CREATE FUNCTION fieldact_contract_state(contract_number text, own_id text) RETURNS text "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$ SELECT CASE "
        "WHEN EXISTS (SELECT 1 FROM contract WHERE id = own_id AND number = contract_number) THEN 'stored' "
        "WHEN EXISTS (SELECT 1 FROM contract WHERE number = contract_number) THEN 'taken' ELSE 'free' END $$"
    )
    op.execute("REVOKE EXECUTE ON FUNCTION fieldact_contract_state(text, text) FROM PUBLIC")
    op.execute("GRANT EXECUTE ON FUNCTION fieldact_contract_state(text, text) TO fieldact_tablet")
    op.execute(
        "COMMENT ON FUNCTION fieldact_contract_state(text, text) IS 'For the contract a tablet pushes, by the ids '"
        "'it already holds: stored (this very contract is there), free, or taken (the number is another record''s). '"
        "'Says only what inserting it would say, nothing of any other contract.'"
    )
    for table in ("subscriber", "contract", "visit", *FROZEN_CHILDREN, "answer", "act"):
        for policy in ("tablet_read", "tablet_add"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
    op.execute(
        "CREATE POLICY tablet_read ON subscriber FOR SELECT TO fieldact_tablet USING (EXISTS (SELECT 1 FROM contract c "
        f"WHERE c.subscriber_id = subscriber.id AND {GIVEN_TO_ME.format(contract='c.id')}))"
    )
    op.execute(
        "CREATE POLICY tablet_read ON contract FOR SELECT TO fieldact_tablet "
        f"USING ({GIVEN_TO_ME.format(contract='contract.id')})"
    )
    for table in ("subscriber", "contract"):
        op.execute(f"CREATE POLICY tablet_add ON {table} FOR INSERT TO fieldact_tablet WITH CHECK (true)")
    op.execute(f"CREATE POLICY tablet_read ON visit FOR SELECT TO fieldact_tablet USING (technician_id = {ME})")
    op.execute(
        f"CREATE POLICY tablet_add ON visit FOR INSERT TO fieldact_tablet WITH CHECK (technician_id = {ME} "
        "AND NOT fieldact_visit_has_act(id))"
    )
    op.execute("REVOKE UPDATE ON visit FROM fieldact_tablet")
    op.execute(f"GRANT UPDATE ({TABLET_VISIT_COLUMNS}) ON visit TO fieldact_tablet")
    for table in (*FROZEN_CHILDREN, "answer"):
        own = _own(table)
        op.execute(f"CREATE POLICY tablet_read ON {table} FOR SELECT TO fieldact_tablet USING ({own})")
        op.execute(
            f"CREATE POLICY tablet_add ON {table} FOR INSERT TO fieldact_tablet "
            f"WITH CHECK ({own} AND NOT fieldact_visit_has_act({table}.visit_id))"
        )
    op.execute(f"CREATE POLICY tablet_read ON act FOR SELECT TO fieldact_tablet USING ({_own('act')})")
    op.execute(
        f"CREATE POLICY tablet_add ON act FOR INSERT TO fieldact_tablet WITH CHECK ({_own('act')} "
        "AND supersedes_id IS NULL AND NOT fieldact_visit_has_act(act.visit_id))"
    )


def _postgres_dispatch() -> None:
    for table in ("visit", "work_order"):
        op.execute(f"DROP POLICY dispatch_all ON {table}")
        op.execute(f"CREATE POLICY dispatch_read ON {table} FOR SELECT TO fieldact_dispatch USING (true)")
        op.execute(f"CREATE POLICY dispatch_add ON {table} FOR INSERT TO fieldact_dispatch WITH CHECK (true)")
    op.execute(
        "CREATE POLICY dispatch_change ON visit FOR UPDATE TO fieldact_dispatch "
        "USING (NOT fieldact_visit_has_act(id)) WITH CHECK (NOT fieldact_visit_has_act(id))"
    )
    op.execute(
        "CREATE POLICY dispatch_change ON work_order FOR UPDATE TO fieldact_dispatch "
        "USING (NOT fieldact_visit_has_act(visit_id)) WITH CHECK (NOT fieldact_visit_has_act(visit_id))"
    )


POSTGRES_SECRETS = r"""
CREATE TABLE fieldact_login (
  role text PRIMARY KEY,
  kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE fieldact_login IS 'Logins made by fieldact central login: the only roles it may change.';
ALTER TABLE fieldact_login ENABLE ROW LEVEL SECURITY;
INSERT INTO fieldact_login (role, kind)
  SELECT t.login, 'tablet' FROM technician t JOIN pg_roles r ON r.rolname = t.login
  WHERE r.rolcanlogin AND NOT r.rolsuper AND pg_has_role(r.oid, 'fieldact_tablet', 'MEMBER');

CREATE TABLE office_password (
  id integer PRIMARY KEY CHECK (id = 1),
  encoded text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE office_password IS 'The office password''s scrypt hash: no login reads it; the office checks it '
  'through fieldact_office_password_attempt, which counts the attempts.';
ALTER TABLE office_password ENABLE ROW LEVEL SECURITY;
INSERT INTO office_password (id, encoded, updated_at)
  SELECT 1, value, updated_at FROM setting WHERE key = 'office_password';
DELETE FROM setting WHERE key = 'office_password';

CREATE FUNCTION fieldact_office_password_params() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path FROM CURRENT AS $$
  SELECT array_to_string((string_to_array(encoded, '$'))[1:5], '$') FROM office_password WHERE id = 1 $$;
COMMENT ON FUNCTION fieldact_office_password_params() IS
  'The scheme, costs and salt of the office password (never its hash), so the office computes the digest to try.';

CREATE FUNCTION fieldact_office_password_attempt(digest text) RETURNS text LANGUAGE plpgsql VOLATILE
SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE stored office_password;
BEGIN
  SELECT * INTO stored FROM office_password WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN RETURN 'unset'; END IF;
  IF stored.locked_until IS NOT NULL AND stored.locked_until > now() THEN RETURN 'locked'; END IF;
  IF digest IS NOT NULL AND split_part(stored.encoded, '$', 6) = digest THEN
    UPDATE office_password SET failures = 0, locked_until = NULL WHERE id = 1;
    RETURN 'yes';
  END IF;
  UPDATE office_password
    SET failures = CASE WHEN stored.failures + 1 >= {tries} THEN 0 ELSE stored.failures + 1 END,
        locked_until = CASE WHEN stored.failures + 1 >= {tries} THEN now() + interval '{lock}' ELSE NULL END
    WHERE id = 1;
  RETURN 'no';
END $$;
COMMENT ON FUNCTION fieldact_office_password_attempt(text) IS
  'yes, no, locked or unset; every wrong digest is counted here, and {tries} in a row lock the check for {lock}.';

CREATE FUNCTION fieldact_office_password_set(new_encoded text, old_digest text) RETURNS text LANGUAGE plpgsql
VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE verdict text;
BEGIN
  IF new_encoded !~ '^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[0-9a-f]{32}\$[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'fieldact: not an office password hash';
  END IF;
  verdict := fieldact_office_password_attempt(old_digest);
  IF verdict = 'unset' THEN
    INSERT INTO office_password (id, encoded) VALUES (1, new_encoded);
    RETURN 'set';
  END IF;
  IF verdict <> 'yes' THEN RETURN verdict; END IF;
  UPDATE office_password SET encoded = new_encoded, updated_at = now() WHERE id = 1;
  RETURN 'set';
END $$;
COMMENT ON FUNCTION fieldact_office_password_set(text, text) IS
  'Sets the first office password, or changes it when old_digest is right (counted as an attempt).';

REVOKE EXECUTE ON FUNCTION fieldact_office_password_params(), fieldact_office_password_attempt(text),
  fieldact_office_password_set(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fieldact_office_password_params(), fieldact_office_password_attempt(text),
  fieldact_office_password_set(text, text) TO fieldact_office;

REVOKE SELECT ON technician FROM fieldact_office, fieldact_dispatch;
GRANT SELECT ({technician}) ON technician TO fieldact_office, fieldact_dispatch;
"""
OFFICE_TRIES = 5
OFFICE_LOCK = "15 minutes"


def _postgres_secrets() -> None:
    op.execute(
        POSTGRES_SECRETS.replace("{tries}", str(OFFICE_TRIES))
        .replace("{lock}", OFFICE_LOCK)
        .replace("{technician}", TECHNICIAN_PUBLIC)
    )


def _drop_postgres_secrets() -> None:
    op.execute("REVOKE SELECT ON technician FROM fieldact_office, fieldact_dispatch")
    op.execute("GRANT SELECT ON technician TO fieldact_office, fieldact_dispatch")
    op.execute(
        "INSERT INTO setting (key, value, updated_at) SELECT 'office_password', encoded, updated_at "
        "FROM office_password WHERE id = 1"
    )
    op.execute("DROP FUNCTION fieldact_office_password_set(text, text)")
    op.execute("DROP FUNCTION fieldact_office_password_attempt(text); DROP FUNCTION fieldact_office_password_params()")
    op.execute("DROP TABLE office_password; DROP TABLE fieldact_login")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name, body in _sqlite_triggers().items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    elif dialect == "postgresql":
        _postgres_frozen()
        _postgres_private()
        _postgres_dispatch()
        _postgres_secrets()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in _sqlite_triggers():
            op.execute(f"DROP TRIGGER {name}")
        return
    if dialect == "postgresql":
        _drop_postgres_secrets()
        _drop_postgres()


def _drop_postgres() -> None:
    """Back to 0004's policies and grants (its owner's-rights contract lookup included)."""
    for table in ("visit", "work_order"):
        for policy in ("dispatch_read", "dispatch_add", "dispatch_change"):
            op.execute(f"DROP POLICY {policy} ON {table}")
        op.execute(f"CREATE POLICY dispatch_all ON {table} FOR ALL TO fieldact_dispatch USING (true) WITH CHECK (true)")
    for table in ("subscriber", "contract", "visit", *FROZEN_CHILDREN, "answer", "act"):
        for policy in ("tablet_read", "tablet_add"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
    op.execute("REVOKE UPDATE ON visit FROM fieldact_tablet")
    op.execute("GRANT UPDATE ON visit TO fieldact_tablet")
    op.execute("DROP FUNCTION fieldact_contract_state(text, text); DROP FUNCTION fieldact_signed_parties(text)")
    for table in FROZEN_CHILDREN:
        op.execute(f"DROP TRIGGER {table}_frozen ON {table}")
    op.execute("DROP TRIGGER visit_frozen ON visit; DROP TRIGGER act_once ON act")
    op.execute("DROP FUNCTION fieldact_refuse_frozen_child(); DROP FUNCTION fieldact_refuse_frozen_visit()")
    op.execute("DROP FUNCTION fieldact_refuse_act_replace()")
    op.execute(
        "CREATE FUNCTION fieldact_contract_id(contract_number text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER "
        "SET search_path FROM CURRENT AS $$ SELECT id FROM contract WHERE number = contract_number $$"
    )
    op.execute("REVOKE EXECUTE ON FUNCTION fieldact_contract_id(text) FROM PUBLIC")
    op.execute("GRANT EXECUTE ON FUNCTION fieldact_contract_id(text) TO fieldact_tablet")
    through_visit = f"EXISTS (SELECT 1 FROM visit v WHERE v.contract_id = {{}} AND v.technician_id = {ME})"
    op.execute(
        "CREATE POLICY tablet_read ON subscriber FOR SELECT TO fieldact_tablet USING (EXISTS (SELECT 1 FROM contract c "
        f"WHERE c.subscriber_id = subscriber.id AND {through_visit.format('c.id')}))"
    )
    op.execute(
        "CREATE POLICY tablet_read ON contract FOR SELECT TO fieldact_tablet "
        f"USING ({through_visit.format('contract.id')})"
    )
    for table in ("subscriber", "contract"):
        op.execute(f"CREATE POLICY tablet_add ON {table} FOR INSERT TO fieldact_tablet WITH CHECK (true)")
    op.execute(f"CREATE POLICY tablet_read ON visit FOR SELECT TO fieldact_tablet USING (technician_id = {ME})")
    op.execute(f"CREATE POLICY tablet_add ON visit FOR INSERT TO fieldact_tablet WITH CHECK (technician_id = {ME})")
    for table in (*FROZEN_CHILDREN, "answer", "act"):
        op.execute(f"CREATE POLICY tablet_read ON {table} FOR SELECT TO fieldact_tablet USING ({_own(table)})")
        op.execute(f"CREATE POLICY tablet_add ON {table} FOR INSERT TO fieldact_tablet WITH CHECK ({_own(table)})")
