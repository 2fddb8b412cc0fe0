"""The append-only audit log: every change is recorded in the same transaction as the change."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from fieldact.store.tables import AuditEvent


def record(
    session: Session,
    actor: str,
    action: str,
    visit_id: str | None = None,
    *,
    when: datetime | None = None,
    **details: Any,
) -> None:
    """``when``: the moment the recorded change itself carries (an answer's, a stage's, an act's time), which on
    the tablet is now; the demo's past visits pass their own."""
    session.add(
        AuditEvent(
            at=when or datetime.now(UTC),
            actor=actor,
            action=action,
            visit_id=visit_id,
            details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
        )
    )


def trail(session: Session, visit_id: str) -> list[AuditEvent]:
    statement = select(AuditEvent).where(AuditEvent.visit_id == visit_id).order_by(col(AuditEvent.id))
    return list(session.exec(statement))
