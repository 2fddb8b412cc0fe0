"""Captures a stream of photos and prints each one after its commit returned; killed by test_store_photos."""

from __future__ import annotations

import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from fieldact.photo.sample import sample_photo
from fieldact.standard import Service, VisitKind, load_brand, load_standard
from fieldact.store.db import open_database
from fieldact.store.open_visit import OpenVisit
from fieldact.store.repository import Store
from fieldact.visit import Plan, Subscriber

KEY = "installation.route_agreed"  # up to 4 photos: each retake replaces the oldest


def main(path: str) -> None:
    brand = load_brand()
    store = Store(open_database(path), load_standard(), brand)
    technician = store.add_technician("Петров", "Пётр", "1234")
    visit_id = store.create_visit(
        VisitKind.CONNECTION,
        frozenset(Service),
        Subscriber("Иванов", "Иван", "Петрович", "590000000001", "ул. Ленина, 50", ""),
        technician,
        Plan(datetime(2026, 11, 26, 14, tzinfo=ZoneInfo(brand.timezone))),
    )
    opened = OpenVisit.load(store, visit_id, "writer")
    print(f"visit {visit_id}", flush=True)
    counter = 0
    while True:
        photo = sample_photo("2611-01", f"Путь кабеля {counter}", datetime.now(ZoneInfo(brand.timezone)), counter)
        oldest = opened.photos(KEY)[0].id if counter >= 4 else None
        stored = opened.add_photo(KEY, photo, replaces=oldest)
        print(f"saved {stored.id} {stored.sha256}", flush=True)
        counter += 1


if __name__ == "__main__":
    main(sys.argv[1])
