"""Between domain objects (visit engine) and table rows."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from fieldact.standard.schema import EvidenceKind
from fieldact.store import tables
from fieldact.visit.checklist import Answer, ItemState
from fieldact.visit.evidence import Evidence, from_json, to_json
from fieldact.visit.payment import Payment, PaymentLine
from fieldact.visit.visit import Material


def evidence_column(evidence: Evidence | None, kind: EvidenceKind) -> str | None:
    if evidence is None:
        return None
    return json.dumps({"kind": kind.value, "data": to_json(evidence)}, ensure_ascii=False, sort_keys=True)


def evidence_value(column: str | None) -> Evidence | None:
    if not column:
        return None
    stored = json.loads(column)
    return from_json(EvidenceKind(stored["kind"]), stored["data"])


def answer_value(row: tables.Answer) -> Answer:
    return Answer(ItemState(row.state), evidence_value(row.evidence), row.reason)


def payment_row(visit_id: str, payment: Payment, at: datetime) -> tables.PaymentRecord:
    lines = [
        {"description": line.description, "quantity": line.quantity, "unit_price": line.unit_price}
        for line in payment.lines
    ]
    return tables.PaymentRecord(
        visit_id=visit_id,
        lines=json.dumps(lines, ensure_ascii=False),
        total=payment.total,
        received=payment.received,
        change=payment.change,
        credited=payment.credited,
        bso_number=payment.bso_number,
        recorded_at=at,
    )


def payment_value(row: tables.PaymentRecord) -> Payment:
    lines: list[dict[str, Any]] = json.loads(row.lines)
    return Payment(
        tuple(PaymentLine(item["description"], int(item["quantity"]), int(item["unit_price"])) for item in lines),
        row.received,
        row.change,
        row.bso_number,
    )


def material_value(row: tables.MaterialUse) -> Material:
    return Material(row.code, row.name, Decimal(row.quantity), row.unit)


def closing_values(column: str) -> dict[str, Answer]:
    """The closing stage's answers kept on the visit row."""
    stored: dict[str, dict[str, str]] = json.loads(column or "{}")
    return {key: Answer(ItemState(value["state"]), None, value.get("reason", "")) for key, value in stored.items()}
