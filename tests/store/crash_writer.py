"""Writes a stream of answers and prints each one after its commit returned; killed by test_store_crash."""

from __future__ import annotations

import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from fieldact.standard import Service, VisitKind, load_brand, load_standard
from fieldact.store.db import open_database
from fieldact.store.repository import Store
from fieldact.visit import Answer, ItemState, Plan, Subscriber


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
    keys = [entry.key for entry in store.load_visit(visit_id).checklist.entries]
    print(f"visit {visit_id}", flush=True)
    counter = 0
    while True:
        key = keys[counter % len(keys)]
        store.save_answer(visit_id, key, Answer(ItemState.FAILED, None, f"n={counter}"), "writer")
        print(f"saved {key} {counter}", flush=True)
        counter += 1


if __name__ == "__main__":
    main(sys.argv[1])
