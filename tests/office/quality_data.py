"""Generated visits whose quality figures are counted by hand (tests of the quality department)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import insert

from fieldact.store import tables
from fieldact.store.db import Database

A, B = "tech-a", "tech-b"
NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


def _kept(precall: bool, late: int | None, on_time: bool, required: bool, closing: bool, stages: dict) -> str:
    return json.dumps(
        {
            "precall_on_time": precall,
            "arrival_late_minutes": late,
            "arrival_on_time": on_time,
            "required_done": required,
            "closing_done": closing,
            "stage_minutes": stages,
        }
    )


# id, technician, kind, planned day, status, standard-kept summary
VISITS = [
    ("v1", A, "connection", 2, "signed", _kept(True, 0, True, True, True, {"precall": 10, "arrival": 20})),
    ("v2", A, "connection", 3, "signed", _kept(False, 20, False, False, True, {"precall": 30})),
    ("v3", A, "service", 10, "refused", _kept(True, 70, False, True, False, {})),
    ("v4", B, "service", 10, "rescheduled", "{}"),
    ("v5", B, "service", 11, "signed", _kept(True, 5, True, True, True, {})),
    ("v6", B, "connection", 20, "signed", _kept(True, 0, True, True, True, {"precall": 99})),  # after the period
]


def fill(database: Database) -> None:
    """Visits v1..v6 of two technicians in November 2026, each with what the hand counts in the tests expect."""
    with database.engine.begin() as c:
        c.execute(
            insert(tables.Technician.__table__),
            [  # type: ignore[attr-defined]
                {
                    "id": A,
                    "surname": "Андреев",
                    "first_name": "Антон",
                    "pin_salt": "s",
                    "pin_hash": "h",
                    "failed_attempts": 0,
                    "active": True,
                },
                {
                    "id": B,
                    "surname": "Борисов",
                    "first_name": "Борис",
                    "pin_salt": "s",
                    "pin_hash": "h",
                    "failed_attempts": 0,
                    "active": True,
                },
            ],
        )
        c.execute(insert(tables.Subscriber.__table__).values(id="s1", surname="Иванов", first_name="Иван"))  # type: ignore[attr-defined]
        c.execute(insert(tables.Contract.__table__).values(id="c1", number="1", subscriber_id="s1", address="Пермь"))  # type: ignore[attr-defined]
        for visit_id, technician, kind, day, status, kept in VISITS:
            c.execute(
                insert(tables.Visit.__table__).values(  # type: ignore[attr-defined]
                    id=visit_id,
                    kind=kind,
                    services="internet",
                    contract_id="c1",
                    technician_id=technician,
                    zone="Asia/Yekaterinburg",
                    planned_start=datetime(2026, 11, day, 9, tzinfo=UTC),
                    status=status,
                    standard_kept=kept,
                    created_at=NOW,
                    updated_at=NOW,
                    precall_attempts=0,
                    closing="{}",
                    conditions="{}",
                    planned_exact=True,
                    stage_index=0,
                    request_number="",
                )
            )
        answers = [
            ("v1", "a", "done"),
            ("v1", "b", "done"),
            ("v1", "x", "not_applicable"),
            ("v2", "x", "failed"),
            ("v2", "y", "failed"),
        ]
        c.execute(
            insert(tables.Answer.__table__),
            [  # type: ignore[attr-defined]
                {"visit_id": v, "item_key": k, "state": s, "reason": "", "answered_at": NOW} for v, k, s in answers
            ],
        )
        c.execute(
            insert(tables.PaymentRecord.__table__),
            [  # type: ignore[attr-defined]
                {
                    "visit_id": v,
                    "lines": "[]",
                    "total": n,
                    "received": n,
                    "change": 0,
                    "credited": n,
                    "bso_number": "1",
                    "recorded_at": NOW,
                }
                for v, n in (("v1", 50_000), ("v5", 20_000))
            ],
        )
        c.execute(
            insert(tables.MaterialUse.__table__),
            [  # type: ignore[attr-defined]
                {"visit_id": v, "name": "Кабель", "quantity": "1", "unit": "м", "recorded_at": NOW}
                for v, n in (("v1", 2), ("v2", 2), ("v3", 12))
                for _ in range(n)
            ],
        )
        c.execute(
            insert(tables.BranchEvent.__table__),
            [  # type: ignore[attr-defined]
                {"visit_id": "v4", "branch_key": "another_time", "at": NOW, "outcome": "", "details": "на завтра"},
                {"visit_id": "v5", "branch_key": "cannot_fix", "at": NOW, "outcome": "refused", "details": "кабель"},
            ],
        )
        c.execute(
            insert(tables.Act.__table__).values(  # type: ignore[attr-defined]
                id="act3",
                number="A-3",
                version=1,
                visit_id="v3",
                outcome="refused",
                refusal_reason="дорого",
                signed_at=NOW,
                signer_name="Иванов",
                pdf=b"%PDF",
                pdf_sha256="0" * 64,
                content="{}",
                content_sha256="0" * 64,
                ink_sha256="",
                created_at=NOW,
            )
        )
        c.execute(
            insert(tables.VisitRating.__table__),
            [  # type: ignore[attr-defined]
                {"visit_id": "v1", "score": 5, "comment": "", "rated_at": NOW},
                {"visit_id": "v2", "score": 3, "comment": "долго", "rated_at": NOW},
            ],
        )
