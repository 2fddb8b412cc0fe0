"""A lost tablet carries little: once the central registry holds a visit's acts (the tablet has their receipts)
and the brand's retention period has passed since signing, the tablet removes the visit's personal data
(the subscriber's name and phone, the contract's address, the signer's name on the act) and the act's bytes
(PDF, content, ink), keeping the act's number, hashes and the registry receipt. The company keeps the act; the
subscriber keeps his link. BitLocker is the disk layer beneath this."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import Connection, text

from fieldact.store.db import Database
from fieldact.store.sync import now_utc

# Signed or refused, every act received by the registry, not purged yet, the newest act older than the period.
DUE = text(
    "SELECT v.id, v.contract_id FROM visit v WHERE v.purged_at IS NULL AND v.status IN ('signed', 'refused') "
    "AND EXISTS (SELECT 1 FROM act a WHERE a.visit_id = v.id) "
    "AND NOT EXISTS (SELECT 1 FROM act a WHERE a.visit_id = v.id "
    "  AND (a.signed_at > :before OR NOT EXISTS (SELECT 1 FROM act_receipt r WHERE r.act_id = a.id)))"
)


def purge_expired(database: Database, retention_days: int, now: datetime | None = None) -> int:
    """Purge every visit that is due; returns how many. Each visit in its own transaction."""
    before = (now or now_utc()) - timedelta(days=retention_days)
    with database.engine.connect() as connection:
        due = [tuple(row) for row in connection.execute(DUE, {"before": before})]
    for visit_id, contract_id in due:
        with database.engine.begin() as connection:
            _purge(connection, visit_id, contract_id)
    return len(due)


def _purge(connection: Connection, visit_id: str, contract_id: str) -> None:
    moment = now_utc()
    connection.execute(
        text("UPDATE act SET pdf = X'', content = '', ink = NULL, signer_name = '' WHERE visit_id = :v"),
        {"v": visit_id},
    )
    connection.execute(text("UPDATE visit SET purged_at = :at WHERE id = :v"), {"at": moment, "v": visit_id})
    # The contract and its subscriber may have a newer visit still open on this tablet: then they stay.
    others = connection.execute(
        text("SELECT count(*) FROM visit WHERE contract_id = :c AND purged_at IS NULL"), {"c": contract_id}
    ).scalar()
    if not others:
        connection.execute(text("UPDATE contract SET address = '' WHERE id = :c"), {"c": contract_id})
        connection.execute(
            text(
                "UPDATE subscriber SET surname = '', first_name = '', patronymic = '', phone = '' "
                "WHERE id = (SELECT subscriber_id FROM contract WHERE id = :c)"
            ),
            {"c": contract_id},
        )
    connection.execute(
        text("INSERT INTO audit_event (at, actor, action, visit_id, details) VALUES (:at, 'system', :a, :v, :d)"),
        {"at": moment, "a": "visit_purged", "v": visit_id, "d": json.dumps({"reason": "retention"})},
    )
