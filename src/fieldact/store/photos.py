"""Photos of checklist items: each committed whole at capture, in one transaction, like an answer."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from fieldact.hashing import sha256_hex
from fieldact.photo import Photo
from fieldact.photo.sample import sample_photo
from fieldact.store import audit, tables
from fieldact.store.repository import Store, now_utc
from fieldact.text import InputError, say
from fieldact.visit.photos import ItemPhoto


def add_photo(
    store: Store,
    visit_id: str,
    item_key: str,
    photo: Photo,
    actor: str,
    replaces: str | None = None,
    at: datetime | None = None,
) -> ItemPhoto:
    """Store a processed photo of an item now; ``replaces``: the id of the photo it retakes (removed with it);
    ``at``: when it was taken, for the demo's past visits (the tablet's is now)."""
    if sha256_hex(photo.jpeg) != photo.sha256:
        raise ValueError("the photo's hash is not over its bytes")
    with store.session() as session:
        checklist = store._checklist(store._writable(session, visit_id))
        old = _own_photo(session, visit_id, replaces) if replaces else None
        stored = stored_counts(session, visit_id).get(item_key, 0) - (1 if old and old.item_key == item_key else 0)
        checklist.check_photo(item_key, stored)
        if old is not None:
            session.delete(old)
        row = tables.PhotoRecord(
            id=str(uuid.uuid4()),
            visit_id=visit_id,
            item_key=item_key,
            taken_at=at or now_utc(),
            sha256=photo.sha256,
            width=photo.width,
            height=photo.height,
            jpeg=photo.jpeg,
        )
        session.add(row)
        audit.record(session, actor, "photo", visit_id, when=at, item=item_key, sha256=photo.sha256, replaces=replaces)
        session.commit()
        return _value(row)


def add_sample_photos(store: Store, visit_id: str, actor: str, at: datetime | None = None) -> int:
    """The demo's and the tests' photos: as many as each shown item of the visit needs; returns how many."""
    visit = store.load_visit(visit_id)
    added = 0
    for entry in visit.checklist.entries:
        rule = entry.item.photos
        if rule is None or not rule.min or not visit.checklist.is_shown(entry):
            continue
        for index in range(rule.min - visit.checklist.photo_count(entry.key)):
            moment = at + timedelta(seconds=5 * added) if at else None  # one after the other, as taken
            taken_at = moment or visit.plan.start
            photo = sample_photo(visit.request_number or visit_id[:8], rule.caption, taken_at, index + added)
            add_photo(store, visit_id, entry.key, photo, actor, at=moment)
            added += 1
    return added


def remove_photo(store: Store, visit_id: str, photo_id: str, actor: str) -> str:
    """Remove a photo of a visit without an act; returns the item it was of."""
    with store.session() as session:
        store._writable(session, visit_id)
        row = _own_photo(session, visit_id, photo_id)
        session.delete(row)
        audit.record(session, actor, "photo_removed", visit_id, item=row.item_key, sha256=row.sha256)
        session.commit()
        return row.item_key


def photos_of(session: Session, visit_id: str) -> list[ItemPhoto]:
    """The visit's photos in the order they were taken."""
    rows = session.exec(
        select(tables.PhotoRecord)
        .where(tables.PhotoRecord.visit_id == visit_id)
        .order_by(col(tables.PhotoRecord.taken_at), col(tables.PhotoRecord.id))
    ).all()
    return [_value(row) for row in rows]


def stored_counts(session: Session, visit_id: str) -> dict[str, int]:
    rows = session.exec(
        select(tables.PhotoRecord.item_key, func.count())
        .where(tables.PhotoRecord.visit_id == visit_id)
        .group_by(col(tables.PhotoRecord.item_key))
    ).all()
    return {key: int(count) for key, count in rows}


def _own_photo(session: Session, visit_id: str, photo_id: str) -> tables.PhotoRecord:
    row = session.get(tables.PhotoRecord, photo_id)
    if row is None or row.visit_id != visit_id:
        raise InputError(say("Этого фото уже нет — обновите экран.", "That photo is gone; refresh the screen."))
    return row


def _value(row: tables.PhotoRecord) -> ItemPhoto:
    return ItemPhoto(row.id, row.item_key, row.taken_at, row.sha256, row.width, row.height, row.jpeg)
