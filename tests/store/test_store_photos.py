"""Photos of items: needed before an item is done, kept across restarts and kills, frozen with the act,
checked by doctor."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from fieldact.photo.sample import sample_photo
from fieldact.store.doctor import full_check
from fieldact.store.open_visit import OpenVisit
from fieldact.store.photos import add_sample_photos
from fieldact.store.repository import FrozenVisit, Store
from fieldact.text import InputError
from fieldact.visit import Answer, ItemState
from fieldact.visit.evidence import CableLabels, DebrisRemoved, HolesFilled

from .conftest import reopen

WRITER = Path(__file__).with_name("photo_writer.py")
DEBRIS = "installation.debris_removed"
HOLES = "installation.holes_filled"
ROUTE = "installation.route_agreed"


def _photo(local, n: int = 0):
    return sample_photo("2611-01", "Мусор убран", local("2026-11-26T14:30"), n)


def test_an_item_that_needs_a_photo_is_not_done_without_it(store: Store, visit_id: str, local) -> None:
    opened = OpenVisit.load(store, visit_id, "t")
    with pytest.raises(InputError, match="сфотографируйте «Убрать мусор.*не хватает фото: 1"):
        opened.answer(DEBRIS, ItemState.DONE, DebrisRemoved(True))
    with pytest.raises(InputError, match="не хватает фото"):  # nor through the store directly
        store.save_answer(visit_id, DEBRIS, Answer(ItemState.DONE, DebrisRemoved(True)), "t")
    assert opened.visit.checklist.answer(DEBRIS).state is ItemState.PENDING
    blockers = [b.sentence for b in opened.visit.signing_blockers() if b.entry and b.entry.key == DEBRIS]
    assert blockers and "нет фото" in blockers[0]

    stored = opened.add_photo(DEBRIS, _photo(local))
    opened.answer(DEBRIS, ItemState.DONE, DebrisRemoved(True))
    store = reopen(store)
    visit = store.load_visit(visit_id)
    assert visit.checklist.photo_count(DEBRIS) == 1
    assert visit.checklist.answer(DEBRIS).state is ItemState.DONE
    reopened = OpenVisit(store, visit, "t")
    [kept] = reopened.photos(DEBRIS)
    assert kept.sha256 == stored.sha256 and kept.jpeg == stored.jpeg

    reopened.remove_photo(kept.id)  # removed after the item was done: signing is blocked again
    sentences = [b.sentence for b in reopened.visit.signing_blockers()]
    assert any("сфотографируйте «Убрать мусор" in s for s in sentences)


def test_holes_need_a_photo_only_when_there_were_holes(store: Store, visit_id: str, local) -> None:
    opened = OpenVisit.load(store, visit_id, "t")
    opened.answer(HOLES, ItemState.DONE, HolesFilled(0))
    with pytest.raises(InputError, match="не хватает фото"):
        opened.answer(HOLES, ItemState.DONE, HolesFilled(2))
    assert store.load_visit(visit_id).checklist.answer(HOLES).evidence == HolesFilled(0)


def test_an_item_takes_at_most_its_photos_and_a_retake_replaces(store: Store, visit_id: str, local) -> None:
    opened = OpenVisit.load(store, visit_id, "t")
    for n in range(4):
        opened.add_photo(ROUTE, _photo(local, n))
    with pytest.raises(InputError, match="уже 4 фото — больше нельзя"):
        opened.add_photo(ROUTE, _photo(local, 5))
    first = opened.photos(ROUTE)[0]
    retaken = opened.add_photo(ROUTE, sample_photo("2611-01", "Путь", local("2026-11-26T14:40")), replaces=first.id)
    ids = [photo.id for photo in opened.photos(ROUTE)]
    assert len(ids) == 4 and first.id not in ids and retaken.id in ids
    with pytest.raises(InputError, match="фото не прикладывают"):
        opened.add_photo("contact.greet_first", _photo(local))
    with pytest.raises(InputError, match="Этого фото уже нет"):
        opened.remove_photo(first.id)


def test_another_visits_photo_cannot_be_replaced(store: Store, visit_id: str, technician_id: str, local) -> None:
    from fieldact.standard import Service, VisitKind
    from fieldact.visit import Plan

    from .conftest import SUBSCRIBER

    other = store.create_visit(
        VisitKind.CONNECTION, frozenset({Service.TV}), SUBSCRIBER, technician_id, Plan(local("2026-11-27T14:00"))
    )
    theirs = OpenVisit.load(store, other, "t").add_photo(ROUTE, _photo(local))
    with pytest.raises(InputError, match="Этого фото уже нет"):
        OpenVisit.load(store, visit_id, "t").add_photo(ROUTE, _photo(local), replaces=theirs.id)
    assert len(OpenVisit.load(store, other, "t").photos()) == 1


def test_photos_are_frozen_with_the_act(store: Store, visit_id: str, local) -> None:
    from fieldact.act.sample import sample_signature
    from fieldact.store.signing import sign_visit

    from .test_store_signing import complete

    complete(store, visit_id)
    opened = OpenVisit.load(store, visit_id, "t")
    opened.answer("demonstration.cable_labels", ItemState.DONE, CableLabels(2))
    at = local("2026-11-26T15:00")
    sign_visit(store, visit_id, sample_signature(started_at=at), "Иванов Иван Петрович", at, "t")
    with pytest.raises(FrozenVisit):
        OpenVisit.load(store, visit_id, "t").add_photo(ROUTE, _photo(local))
    with store.database.engine.begin() as connection:
        photo_id = connection.execute(text("SELECT id FROM photo WHERE visit_id = :v"), {"v": visit_id}).scalar()
    for statement in (
        "UPDATE photo SET jpeg = x'00' WHERE id = :p",
        "DELETE FROM photo WHERE id = :p",
        "INSERT INTO photo SELECT 'x' || id, visit_id, item_key, taken_at, sha256, width, height, jpeg "
        "FROM photo WHERE id = :p",
    ):
        with pytest.raises(DatabaseError, match="photo of a visit with an act is frozen"):
            with store.database.engine.begin() as connection:
                connection.execute(text(statement), {"p": photo_id})


def test_doctor_catches_a_swapped_photo(store: Store, visit_id: str, local) -> None:
    add_sample_photos(store, visit_id, "t")
    assert full_check(store.database) == []
    other = sample_photo("2611-01", "Чужой снимок", local("2026-11-26T18:00"), 3).jpeg
    with store.database.engine.begin() as connection:
        connection.execute(text("UPDATE photo SET jpeg = :j WHERE item_key = :k"), {"j": other, "k": DEBRIS})
    problems = full_check(store.database)
    assert len(problems) == 1 and f"Фото «{DEBRIS}»" in problems[0] and "подменён" in problems[0]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_keeps_every_acknowledged_photo(tmp_path: Path) -> None:
    from fieldact.store.db import open_database

    path = tmp_path / "crash.db"
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(path)], stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )
    assert writer.stdout is not None
    visit_id = writer.stdout.readline().split()[1]
    acknowledged: list[tuple[str, str]] = []
    for line in writer.stdout:
        _, photo_id, sha = line.split()
        acknowledged.append((photo_id, sha))
        if len(acknowledged) == 7:
            os.kill(writer.pid, signal.SIGKILL)
            break
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    database = open_database(path)
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        rows = dict(connection.execute(text("SELECT id, sha256 FROM photo WHERE visit_id = :v"), {"v": visit_id}).all())
    # each retake replaces the oldest in one transaction: always four, the newest acknowledged among them
    assert len(rows) == 4
    for photo_id, sha in acknowledged[-3:]:
        assert rows.get(photo_id) == sha, "an acknowledged photo is lost"
    assert full_check(database) == []
    database.dispose()


def test_doctor_catches_a_consistently_swapped_photo_of_a_signed_act(store: Store, visit_id: str, local) -> None:
    """A forger who gets past the triggers and writes a new photo with its own hash still differs from the act."""
    from fieldact.act.sample import sample_signature
    from fieldact.store.signing import sign_visit

    from .test_store_signing import complete

    complete(store, visit_id)
    at = local("2026-11-26T15:00")
    sign_visit(store, visit_id, sample_signature(started_at=at), "Иванов Иван Петрович", at, "t")
    assert full_check(store.database) == []
    forged = sample_photo("2611-01", "Мусор убран", local("2026-11-26T18:00"), 2)
    with store.database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER photo_frozen_update"))
        connection.execute(
            text("UPDATE photo SET jpeg = :j, sha256 = :s WHERE item_key = :k"),
            {"j": forged.jpeg, "s": forged.sha256, "k": DEBRIS},
        )
    problems = full_check(store.database)
    assert any("в базе расходится с актом — фото" in p for p in problems), problems
