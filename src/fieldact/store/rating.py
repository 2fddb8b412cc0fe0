"""The subscriber's rating of the visit (1-5 and a comment), given once on the tablet after signing.

Stored with the visit, never on the act; never changed afterwards (triggers on both databases refuse it); the visit
goes back into the outbox so the rating reaches the central database with the next push.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from fieldact.store import audit, tables
from fieldact.store.db import Database
from fieldact.text import InputError, say

COMMENT_MAX = 1000
RATING = tables.VisitRating.__table__  # type: ignore[attr-defined]
OUTBOX = tables.Outbox.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Rating:
    score: int
    comment: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.score <= 5:
            raise InputError(say("Оценка — от 1 до 5.", "The rating is 1 to 5."))
        if len(self.comment) > COMMENT_MAX:
            raise InputError(
                say(
                    f"Комментарий длиннее {COMMENT_MAX} знаков: сократите его.",
                    f"The comment is longer than {COMMENT_MAX} characters: shorten it.",
                )
            )


def rating_of(database: Database, visit_id: str) -> Rating | None:
    with database.engine.connect() as connection:
        row = connection.execute(select(RATING.c.score, RATING.c.comment).where(RATING.c.visit_id == visit_id)).first()
    return Rating(row.score, row.comment) if row is not None else None


def save_rating(database: Database, visit_id: str, rating: Rating, actor: str) -> None:
    """Store the subscriber's one answer; a second one is refused with a sentence."""
    row = tables.VisitRating(
        visit_id=visit_id, score=rating.score, comment=rating.comment.strip(), rated_at=datetime.now(UTC)
    )
    with Session(database.engine) as session:
        try:
            session.add(row)
            session.flush()
            audit.record(session, actor, "subscriber_rated", visit_id, score=rating.score)
            session.execute(
                update(OUTBOX)
                .where(OUTBOX.c.visit_id == visit_id)
                .values(confirmed_at=None, attempts=0, next_attempt_at=None, last_error="")
            )
            session.commit()
        except IntegrityError:
            raise InputError(
                say(
                    "Абонент уже оценил этот визит; оценку не изменить.", "The subscriber has rated this visit already."
                )
            ) from None
