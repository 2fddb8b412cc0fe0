"""Realistic demo data: technicians with PINs, today's visits of both kinds, past visits.

Identifiers are derived from names and dates, so running it again adds nothing twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from fieldact.standard import Service, VisitKind
from fieldact.store import tables
from fieldact.store.repository import Store
from fieldact.visit import Plan, Subscriber

NAMESPACE = uuid.UUID("6f1c2a52-3d1e-4c59-9a8e-2b1f0c7d9e10")

TECHNICIANS = [("Петров", "Пётр", "1111"), ("Смирнова", "Анна", "2222"), ("Кузнецов", "Алексей", "3333")]

SUBSCRIBERS = [
    ("Иванов", "Иван", "Петрович", "590000000001", "г. Пермь, ул. Ленина, д. 50, кв. 12", "+7 912 000-00-01"),
    ("Соколова", "Мария", "Сергеевна", "590000000002", "г. Пермь, ул. Сибирская, д. 27, кв. 3", "+7 912 000-00-02"),
    ("Попов", "Дмитрий", "Андреевич", "590000000003", "г. Пермь, Комсомольский пр., д. 34, кв. 78", "+7 912 000-00-03"),
    ("Лебедева", "Ольга", "Викторовна", "590000000004", "г. Пермь, ул. Куйбышева, д. 95, кв. 41", "+7 912 000-00-04"),
    ("Новиков", "Сергей", "Игоревич", "590000000005", "г. Пермь, ул. Пушкина, д. 80, кв. 15", "+7 912 000-00-05"),
    ("Морозова", "Елена", "Павловна", "590000000006", "г. Пермь, ул. Революции, д. 12, кв. 104", "+7 912 000-00-06"),
]

# (hour, minute or None for a visit without exact time, kind, services)
DAY_PLAN = [
    (9, 0, VisitKind.CONNECTION, (Service.TV, Service.INTERNET)),
    (11, 30, VisitKind.SERVICE, (Service.INTERNET,)),
    (13, 0, VisitKind.CONNECTION, (Service.INTERNET, Service.PHONE)),
    (15, None, VisitKind.SERVICE, (Service.TV,)),
    (17, 0, VisitKind.CONNECTION, (Service.TV, Service.INTERNET, Service.PHONE)),
    (19, 0, VisitKind.SERVICE, (Service.PHONE,)),
]


def demo_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


@dataclass(frozen=True)
class DemoReport:
    technicians: list[tuple[str, str]]  # (name, PIN)
    visits_added: int
    acts_added: int


# Signs a past visit: given the store and the visit id, stores its act. Provided by the act package's caller.
PastVisitSigner = Callable[[Store, str, datetime], None]


def fill(store: Store, today: date | None = None, sign_past: PastVisitSigner | None = None) -> DemoReport:
    zone = ZoneInfo(store.brand.timezone)
    today = today or datetime.now(zone).date()
    technician_ids = _technicians(store)
    added = acts = 0
    for index, technician_id in enumerate(technician_ids):
        for slot, (hour, minute, kind, services) in enumerate(DAY_PLAN):
            person = SUBSCRIBERS[(slot + index) % len(SUBSCRIBERS)]
            added += _visit(store, technician_id, today, hour, minute, kind, services, person, zone)
        for days_back in (1, 2):
            day = today - timedelta(days=days_back)
            hour, minute, kind, services = DAY_PLAN[(index + days_back) % len(DAY_PLAN)]
            person = SUBSCRIBERS[(index + days_back + 3) % len(SUBSCRIBERS)]
            if _visit(store, technician_id, day, hour, minute or 0, kind, services, person, zone):
                added += 1
                if sign_past is not None:
                    visit_id = demo_id("visit", technician_id, day, hour)
                    finished = datetime.combine(day, time(hour, minute or 0), zone) + timedelta(hours=1)
                    sign_past(store, visit_id, finished)
                    acts += 1
    names = [f"{surname} {first}" for surname, first, _ in TECHNICIANS]
    return DemoReport(list(zip(names, [pin for *_, pin in TECHNICIANS], strict=True)), added, acts)


def _technicians(store: Store) -> list[str]:
    ids = []
    for surname, first_name, pin in TECHNICIANS:
        technician_id = demo_id("technician", surname, first_name)
        with store.session() as session:
            exists = session.get(tables.Technician, technician_id) is not None
        if not exists:
            store.add_technician(surname, first_name, pin, technician_id)
        ids.append(technician_id)
    return ids


def _visit(
    store: Store,
    technician_id: str,
    day: date,
    hour: int,
    minute: int | None,
    kind: VisitKind,
    services: tuple[Service, ...],
    person: tuple[str, ...],
    zone: ZoneInfo,
) -> bool:
    visit_id = demo_id("visit", technician_id, day, hour)
    with store.session() as session:
        if session.get(tables.Visit, visit_id) is not None:
            return False
    surname, first_name, patronymic, contract, address, phone = person
    start = datetime.combine(day, time(hour, minute or 0), zone)
    plan = Plan(start) if minute is not None else Plan(start, exact=False, end=start + timedelta(hours=3))
    store.create_visit(
        kind,
        frozenset(services),
        Subscriber(surname, first_name, patronymic, contract, address, phone),
        technician_id,
        plan,
        request_number=f"{day:%d%m}-{hour:02d}{technician_id[:2].upper()}",
        visit_id=visit_id,
        created_at=_dispatched(day, zone),
    )
    return True


def _dispatched(day: date, zone: ZoneInfo) -> datetime | None:
    """The order came the evening before the visit (now, if that evening has not come yet)."""
    moment = datetime.combine(day - timedelta(days=1), time(17, 30), zone)
    return moment if moment < datetime.now(zone) else None


def seed_many(store: Store, visits: int, days: int = 60, batch: int = 5000) -> None:
    """Many visits at once, for the office benchmarks: bulk inserts, one transaction per batch."""
    zone = ZoneInfo(store.brand.timezone)
    technician_ids = _technicians(store)
    today = datetime.now(zone).date()
    moment = datetime.now(zone)
    for start in range(0, visits, batch):
        persons, contracts, rows = [], [], []
        for n in range(start, min(start + batch, visits)):
            person_id, contract_id = demo_id("bulk-person", n), demo_id("bulk-contract", n)
            surname, first_name, patronymic, _, address, phone = SUBSCRIBERS[n % len(SUBSCRIBERS)]
            persons.append(
                dict(id=person_id, surname=surname, first_name=first_name, patronymic=patronymic, phone=phone)
            )
            contracts.append(dict(id=contract_id, number=f"59{n:010d}", subscriber_id=person_id, address=address))
            hour, minute, kind, services = DAY_PLAN[n % len(DAY_PLAN)]
            planned = datetime.combine(today - timedelta(days=n % days), time(hour, minute or 0), zone)
            rows.append(
                dict(
                    id=demo_id("bulk-visit", n),
                    request_number=f"B{n}",
                    kind=kind.value,
                    services=",".join(sorted(s.value for s in services)),
                    contract_id=contract_id,
                    technician_id=technician_ids[n % len(technician_ids)],
                    zone=zone.key,
                    planned_start=planned,
                    planned_exact=minute is not None,
                    status="planned",
                    stage_index=0,
                    conditions="{}",
                    created_at=moment,
                    updated_at=moment,
                )
            )
        with store.session() as session:
            session.execute(tables.Subscriber.__table__.insert(), persons)  # type: ignore[attr-defined]
            session.execute(tables.Contract.__table__.insert(), contracts)  # type: ignore[attr-defined]
            session.execute(tables.Visit.__table__.insert(), rows)  # type: ignore[attr-defined]
            session.commit()
