"""Repositories: every answer and state change is committed (durably) the moment it is made.

A visit that has an act is frozen: its answers, payment, materials and branches can no longer be changed
through here, and the database triggers refuse it too.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, func, select

from fieldact.standard import Brand, Service, Standard, VisitKind
from fieldact.store import audit, tables
from fieldact.store.db import Database
from fieldact.store.mapping import (
    answer_value,
    closing_values,
    evidence_column,
    material_value,
    payment_row,
    payment_value,
)
from fieldact.store.pins import (
    OFFICE_UNLOCK_AT,
    Uptime,
    hash_pin,
    lock_seconds,
    pin_matches,
    remaining_wait,
    tries_before_next_lock,
    uptime,
)
from fieldact.store.validation import check_contract, clean_text
from fieldact.text import InputError, say
from fieldact.visit import Answer, BranchRecord, Material, Payment, Plan, Subscriber, Technician, Visit, VisitStatus
from fieldact.visit.checklist import Checklist, ItemState
from fieldact.visit.clock import now_utc
from fieldact.visit.equipment import Device, DeviceAction
from fieldact.visit.photos import ItemPhoto, photo_counts

MAX_PIN_TRIES = 5  # before the first wait


CLOSED_STATUSES = frozenset(
    status.value for status in (VisitStatus.RESCHEDULED, VisitStatus.CANCELLED, VisitStatus.SIGNED, VisitStatus.REFUSED)
)


class FrozenVisit(InputError):
    """The visit already has an act; a change needs a correction (a new act version)."""


@dataclass(frozen=True, slots=True)
class VisitSummary:
    """A line of the day screen or the office list."""

    id: str
    kind: VisitKind
    services: frozenset[Service]
    status: VisitStatus
    planned_start: datetime
    planned_exact: bool
    subscriber_name: str
    contract: str
    address: str
    request_number: str
    precalled: bool = False
    expected_arrival: datetime | None = None


@dataclass(frozen=True, slots=True)
class PinCheck:
    ok: bool
    tries_left: int = MAX_PIN_TRIES
    locked_until: datetime | None = None
    office_must_unlock: bool = False


class Store:
    def __init__(self, database: Database, standard: Standard, brand: Brand) -> None:
        self.database, self.standard, self.brand = database, standard, brand
        self._checklists: dict[tuple[VisitKind, str], Checklist] = {}

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.database.engine, expire_on_commit=False) as session:
            yield session

    # --- technicians ----------------------------------------------------------------------------------------

    def add_technician(self, surname: str, first_name: str, pin: str, technician_id: str | None = None) -> str:
        salt, digest = hash_pin(pin)
        row = tables.Technician(
            id=technician_id or str(uuid.uuid4()),
            surname=clean_text(surname, "Фамилия", "Surname", 100),
            first_name=clean_text(first_name, "Имя", "First name", 100),
            pin_salt=salt,
            pin_hash=digest,
        )
        with self.session() as session:
            session.add(row)
            audit.record(session, "system", "technician_added", technician=row.id)
            session.commit()
        return row.id

    def technicians(self) -> list[tables.Technician]:
        with self.session() as session:
            statement = (
                select(tables.Technician)
                .where(col(tables.Technician.active))
                .order_by(col(tables.Technician.surname), col(tables.Technician.first_name))
            )
            return list(session.exec(statement))

    def technician(self, technician_id: str) -> tables.Technician:
        with self.session() as session:
            row = session.get(tables.Technician, technician_id)
        if row is None:
            raise KeyError(technician_id)
        return row

    def check_pin(
        self, technician_id: str, pin: str, at: datetime | None = None, clock: Uptime | None = None
    ) -> PinCheck:
        """Wrong tries escalate: 5 wait 5 minutes, 10 wait an hour, 15 need the office (``unlock_technician``).

        The waits run on the monotonic clock (``clock``, read now when not given); see store/pins.py.
        """
        at, clock = at or now_utc(), clock or uptime()
        with self.session() as session:
            row = session.get(tables.Technician, technician_id)
            if row is None:
                raise KeyError(technician_id)
            if row.failed_attempts >= OFFICE_UNLOCK_AT:
                return PinCheck(False, 0, None, office_must_unlock=True)
            wait = remaining_wait(lock_seconds(row.failed_attempts), row.lock_boot, row.lock_started, clock)
            if wait is None:  # another boot: the wait starts again in full
                row.lock_boot, row.lock_started = clock.boot, clock.seconds
                wait = lock_seconds(row.failed_attempts)
                row.locked_until = at + timedelta(seconds=wait)
                session.commit()
            if wait > 0:
                return PinCheck(False, 0, at + timedelta(seconds=wait))
            if pin_matches(pin, row.pin_salt, row.pin_hash):
                row.failed_attempts, row.locked_until, row.lock_boot, row.lock_started = 0, None, None, None
                audit.record(session, row.id, "signed_in")
                session.commit()
                return PinCheck(True)
            row.failed_attempts += 1
            row.lock_boot, row.lock_started, row.locked_until = None, None, None
            wait = lock_seconds(row.failed_attempts)
            if wait:
                row.lock_boot, row.lock_started = clock.boot, clock.seconds
                row.locked_until = at + timedelta(seconds=wait)
            audit.record(session, row.id, "wrong_pin", tries=row.failed_attempts)
            session.commit()
            if row.failed_attempts >= OFFICE_UNLOCK_AT:
                return PinCheck(False, 0, None, office_must_unlock=True)
            return PinCheck(False, tries_before_next_lock(row.failed_attempts), row.locked_until)

    def unlock_technician(self, technician_id: str, actor: str) -> None:
        """The office lets a locked-out technician try again; recorded in the audit log."""
        with self.session() as session:
            row = session.get(tables.Technician, technician_id)
            if row is None:
                raise InputError(say(f"Нет техника с id {technician_id}.", f"No technician with id {technician_id}."))
            tries = row.failed_attempts
            row.failed_attempts, row.locked_until, row.lock_boot, row.lock_started = 0, None, None, None
            audit.record(session, actor, "technician_unlocked", technician=technician_id, wrong_tries=tries)
            session.commit()

    # --- visits ---------------------------------------------------------------------------------------------

    def create_visit(
        self,
        kind: VisitKind,
        services: frozenset[Service],
        subscriber: Subscriber,
        technician_id: str,
        plan: Plan,
        request_number: str = "",
        visit_id: str | None = None,
        actor: str = "system",
        created_at: datetime | None = None,
    ) -> str:
        """``created_at``: when the order was dispatched; now, unless the demo fills in past days."""
        if not services:
            raise InputError(say("Выберите хотя бы одну услугу визита.", "Choose at least one service."))
        contract_number = check_contract(subscriber.contract, self.brand.contract_pattern)
        visit_id = visit_id or str(uuid.uuid4())
        with self.session() as session:
            contract = self._contract(session, subscriber, contract_number)
            moment = created_at or now_utc()
            session.add(
                tables.Visit(
                    id=visit_id,
                    request_number=clean_text(request_number, "Номер заявки", "Request number", 40),
                    kind=kind.value,
                    services=",".join(sorted(s.value for s in services)),
                    contract_id=contract.id,
                    technician_id=technician_id,
                    zone=str(getattr(plan.start.tzinfo, "key", "UTC")),
                    planned_start=plan.start,
                    planned_exact=plan.exact,
                    planned_end=plan.end,
                    created_at=moment,
                    updated_at=moment,
                )
            )
            audit.record(session, actor, "visit_created", visit_id, when=moment, kind=kind.value)
            session.commit()
        return visit_id

    def _contract(self, session: Session, subscriber: Subscriber, number: str) -> tables.Contract:
        contract = session.exec(select(tables.Contract).where(tables.Contract.number == number)).first()
        if contract is not None:
            return contract
        person = tables.Subscriber(
            id=str(uuid.uuid4()),
            surname=clean_text(subscriber.surname, "Фамилия Абонента", "Subscriber's surname", 100),
            first_name=clean_text(subscriber.first_name, "Имя Абонента", "Subscriber's first name", 100),
            patronymic=clean_text(subscriber.patronymic, "Отчество Абонента", "Subscriber's patronymic", 100),
            phone=clean_text(subscriber.phone, "Телефон", "Phone", 32),
        )
        contract = tables.Contract(
            id=str(uuid.uuid4()),
            number=number,
            subscriber_id=person.id,
            address=clean_text(subscriber.address, "Адрес", "Address", 300),
        )
        session.add(person)
        session.flush()
        session.add(contract)
        session.flush()
        return contract

    def load_visit(self, visit_id: str) -> Visit:
        """The visit as the engine knows it, with every answer given so far."""
        with self.session() as session:
            row = self._visit_row(session, visit_id)
            contract = session.get(tables.Contract, row.contract_id)
            person = session.get(tables.Subscriber, contract.subscriber_id) if contract else None
            technician = session.get(tables.Technician, row.technician_id)
            answers = session.exec(select(tables.Answer).where(tables.Answer.visit_id == visit_id)).all()
            payment = session.get(tables.PaymentRecord, visit_id)
            materials = session.exec(
                select(tables.MaterialUse)
                .where(tables.MaterialUse.visit_id == visit_id)
                .order_by(col(tables.MaterialUse.id))
            ).all()
            branches = session.exec(
                select(tables.BranchEvent)
                .where(tables.BranchEvent.visit_id == visit_id)
                .order_by(col(tables.BranchEvent.id))
            ).all()
            devices = session.exec(select(tables.DeviceRecord).where(tables.DeviceRecord.visit_id == visit_id)).all()
            photos = session.exec(
                select(tables.PhotoRecord)
                .where(tables.PhotoRecord.visit_id == visit_id)
                .order_by(col(tables.PhotoRecord.taken_at), col(tables.PhotoRecord.id))
            ).all()
        assert contract is not None and person is not None and technician is not None
        zone = ZoneInfo(row.zone)
        visit = Visit(
            self.standard,
            self.brand,
            VisitKind(row.kind),
            frozenset(Service(s) for s in row.services.split(",")),
            Subscriber(
                person.surname, person.first_name, person.patronymic, contract.number, contract.address, person.phone
            ),
            Technician(technician.surname, technician.first_name),
            Plan(
                row.planned_start.astimezone(zone),
                row.planned_exact,
                row.planned_end.astimezone(zone) if row.planned_end else None,
            ),
            id=uuid.UUID(row.id),
            status=VisitStatus(row.status),
            stage_index=row.stage_index,
            request_number=row.request_number,
            precall_at=row.precall_at.astimezone(zone) if row.precall_at else None,
            precall_attempts=row.precall_attempts,
            arrived_at=row.arrived_at.astimezone(zone) if row.arrived_at else None,
            expected_arrival=row.expected_arrival.astimezone(zone) if row.expected_arrival else None,
        )
        stored = {a.item_key: answer_value(a) for a in answers}
        stored.update(closing_values(row.closing))
        visit.photos = [ItemPhoto(p.id, p.item_key, p.taken_at, p.sha256, p.width, p.height, p.jpeg) for p in photos]
        visit.checklist.restore(stored, json.loads(row.conditions), photo_counts(visit.photos))
        visit.payment = payment_value(payment) if payment else None
        visit.materials = [material_value(m) for m in materials]
        visit.devices = [
            Device(DeviceAction(d.action), d.device_type, d.serial, d.mac)
            for d in sorted(devices, key=lambda d: (d.recorded_at, d.id))
        ]
        visit.branches = [
            BranchRecord(b.branch_key, b.at.astimezone(zone), b.outcome, b.details, b.requested_time, None)
            for b in branches
        ]
        return visit

    def _visit_row(self, session: Session, visit_id: str) -> tables.Visit:
        row = session.get(tables.Visit, visit_id)
        if row is None:
            raise KeyError(visit_id)
        return row

    def _has_act(self, session: Session, visit_id: str) -> bool:
        return session.exec(select(tables.Act.id).where(tables.Act.visit_id == visit_id)).first() is not None

    def _writable(self, session: Session, visit_id: str, starts: bool = True) -> tables.Visit:
        """The visit's row, refused when it has an act or is finished; ``starts`` puts a planned visit in work."""
        row = self._visit_row(session, visit_id)
        if self._has_act(session, visit_id):
            raise FrozenVisit(
                say(
                    "По этому визиту уже есть акт — изменить его нельзя. Оформите исправленный акт.",
                    "This visit already has an act and cannot change. Make a corrected act instead.",
                )
            )
        if row.status in CLOSED_STATUSES:
            raise FrozenVisit(
                say(
                    "Этот визит закрыт (перенесён или отменён) — изменить его нельзя.",
                    "This visit is closed (rescheduled or cancelled) and cannot change.",
                )
            )
        row.updated_at = now_utc()
        if starts and row.status == VisitStatus.PLANNED.value:
            row.status = VisitStatus.IN_PROGRESS.value
        session.add(row)
        return row

    def save_answer(
        self,
        visit_id: str,
        key: str,
        answer: Answer,
        actor: str,
        at: datetime | None = None,
        starts: bool = True,
    ) -> None:
        """Commit one answer now; an earlier answer to the same item is replaced. ``at``: when it was done (the
        pre-call's time); ``starts``: the answer puts a planned visit in work (not the pre-call's).

        The item's rule is checked here too ("done" needs its evidence, the others a reason), so no caller
        can store an answer the visit engine would refuse.
        """
        reason = clean_text(answer.reason, "Причина", "Reason", 1000, multiline=True)
        with self.session() as session:
            checklist = self._checklist(self._writable(session, visit_id, starts))
            checklist.check(key, answer, photos=_photos_of_item(session, visit_id, key))
            entry = checklist.entry(key)
            existing = session.get(tables.Answer, (visit_id, key))
            if answer.state is ItemState.PENDING:
                if existing is not None:
                    session.delete(existing)
            else:
                row = existing or tables.Answer(visit_id=visit_id, item_key=key, state="", answered_at=now_utc())
                row.state = answer.state.value
                row.evidence = evidence_column(answer.evidence, entry.item.evidence)
                row.reason = reason
                row.answered_at = at or now_utc()
                session.add(row)
            audit.record(session, actor, "answer", visit_id, when=at, item=key, state=answer.state.value)
            session.commit()

    def _checklist(self, row: tables.Visit) -> Checklist:
        """The shape of the visit's checklist (from its kind and services), without answers; cached."""
        kind, services = VisitKind(row.kind), row.services
        cached = self._checklists.get((kind, services))
        if cached is None:
            cached = Checklist.build(self.standard, kind, frozenset(Service(s) for s in services.split(",")))
            self._checklists[(kind, services)] = cached
        return cached

    def set_condition(self, visit_id: str, condition: str, value: bool, actor: str) -> None:
        known = {c.key for c in self.standard.conditions}
        if condition not in known:
            raise KeyError(condition)
        with self.session() as session:
            row = self._writable(session, visit_id)
            conditions = json.loads(row.conditions)
            conditions[condition] = value
            row.conditions = json.dumps(conditions, sort_keys=True)
            audit.record(session, actor, "condition", visit_id, condition=condition, value=value)
            session.commit()

    def set_stage(
        self, visit_id: str, stage_index: int, actor: str, completed: str | None = None, at: datetime | None = None
    ) -> None:
        """Move to a stage; ``completed`` names the stage just finished, whose moment is kept."""
        with self.session() as session:
            row = self._writable(session, visit_id)
            row.stage_index = stage_index
            if completed:
                exists = session.exec(
                    select(tables.StageEvent).where(
                        tables.StageEvent.visit_id == visit_id, tables.StageEvent.stage_key == completed
                    )
                ).first()
                if exists is None:
                    session.add(tables.StageEvent(visit_id=visit_id, stage_key=completed, completed_at=at or now_utc()))
            audit.record(session, actor, "stage", visit_id, when=at, stage_index=stage_index, completed=completed)
            session.commit()

    def mark(self, visit_id: str, moment: str, actor: str, at: datetime | None = None) -> None:
        """Record the pre-call or the arrival moment; only the arrival puts the visit in work."""
        if moment not in ("precall_at", "arrived_at"):
            raise KeyError(moment)
        with self.session() as session:
            row = self._writable(session, visit_id, starts=moment == "arrived_at")
            setattr(row, moment, at or now_utc())
            audit.record(session, actor, moment.removesuffix("_at"), visit_id, when=at)
            session.commit()

    def stage_completions(self, visit_id: str) -> dict[str, datetime]:
        """When each stage of the visit was completed: the stage events; the signing stage ends with the act,
        the closing stage with its last answer."""
        with self.session() as session:
            row = self._visit_row(session, visit_id)
            events = session.exec(select(tables.StageEvent).where(tables.StageEvent.visit_id == visit_id)).all()
        completed = {event.stage_key: event.completed_at for event in events}
        stages = self.standard.kind(VisitKind(row.kind)).stages
        signing = next(stage for stage in stages if stage.signing)
        if row.signed_at is not None:
            completed.setdefault(signing.key, row.signed_at)
        closing = [datetime.fromisoformat(value["at"]) for value in json.loads(row.closing or "{}").values()]
        if closing:
            completed.setdefault(stages[-1].key, max(closing))
        return completed

    def precall_missed(self, visit_id: str, actor: str, at: datetime) -> int:
        """A pre-call that did not reach the subscriber; returns the attempts so far."""
        with self.session() as session:
            row = self._writable(session, visit_id, starts=False)
            row.precall_attempts += 1
            audit.record(session, actor, "precall_missed", visit_id, at=at.isoformat(), attempt=row.precall_attempts)
            session.commit()
            return row.precall_attempts

    def set_expected_arrival(self, visit_id: str, at: datetime, actor: str) -> None:
        with self.session() as session:
            row = self._writable(session, visit_id, starts=False)
            row.expected_arrival = at
            audit.record(session, actor, "expected_arrival", visit_id, at=at.isoformat())
            session.commit()

    def save_closing(self, visit_id: str, key: str, answer: Answer, actor: str, at: datetime) -> None:
        """The closing stage follows the frozen act: its answers are kept on the visit row (synced with it)."""
        reason = clean_text(answer.reason, "Причина", "Reason", 1000, multiline=True)
        with self.session() as session:
            row = self._visit_row(session, visit_id)
            checklist = self._checklist(row)
            checklist.check(key, answer)
            if checklist.entry(key).stage.number <= self.standard.kind(VisitKind(row.kind)).signing_stage.number:
                raise KeyError(key)
            closing = json.loads(row.closing or "{}")
            if answer.state is ItemState.PENDING:
                closing.pop(key, None)
            else:
                closing[key] = {"state": answer.state.value, "reason": reason, "at": at.isoformat()}
            row.closing = json.dumps(closing, ensure_ascii=False, sort_keys=True)
            row.updated_at = now_utc()
            session.add(row)
            _send_again(session, visit_id)
            audit.record(
                session, actor, "closing", visit_id, when=at, item=key, state=answer.state.value, reason=reason
            )
            session.commit()

    def save_standard_kept(self, visit_id: str, summary: dict[str, object], actor: str) -> None:
        with self.session() as session:
            row = self._visit_row(session, visit_id)
            row.standard_kept = json.dumps(summary, ensure_ascii=False, sort_keys=True)
            row.updated_at = now_utc()
            session.add(row)
            _send_again(session, visit_id)
            audit.record(session, actor, "standard_kept", visit_id, **summary)
            session.commit()

    def set_status(self, visit_id: str, status: VisitStatus, actor: str, reason: str = "") -> None:
        with self.session() as session:
            row = self._visit_row(session, visit_id)
            if self._has_act(session, visit_id) and status not in (VisitStatus.SIGNED, VisitStatus.REFUSED):
                raise FrozenVisit(say("По визиту уже есть акт.", "The visit already has an act."))
            reopened = status in (VisitStatus.IN_PROGRESS, VisitStatus.AWAITING_SIGNATURE)
            if reopened and row.status in (VisitStatus.RESCHEDULED.value, VisitStatus.CANCELLED.value):
                raise FrozenVisit(
                    say(
                        "Этот визит закрыт (перенесён или отменён) — продолжить его нельзя.",
                        "This visit is closed (rescheduled or cancelled) and cannot go on.",
                    )
                )
            row.status, row.updated_at = status.value, now_utc()
            session.add(row)
            audit.record(session, actor, "status", visit_id, status=status.value, reason=reason)
            session.commit()

    def save_payment(self, visit_id: str, payment: Payment | None, actor: str, at: datetime | None = None) -> None:
        with self.session() as session:
            self._writable(session, visit_id)
            existing = session.get(tables.PaymentRecord, visit_id)
            if existing is not None:
                session.delete(existing)
                session.flush()
            if payment is not None:
                session.add(payment_row(visit_id, payment, at or now_utc()))
            audit.record(
                session,
                actor,
                "payment",
                visit_id,
                when=at,
                total=payment.total if payment else None,
                received=payment.received if payment else None,
            )
            session.commit()

    def add_material(self, visit_id: str, material: Material, actor: str, at: datetime | None = None) -> None:
        with self.session() as session:
            self._writable(session, visit_id)
            session.add(
                tables.MaterialUse(
                    visit_id=visit_id,
                    code=clean_text(material.code, "Код материала", "Material code", 40),
                    name=clean_text(material.name, "Материал", "Material", 200),
                    quantity=str(material.quantity),
                    unit=clean_text(material.unit, "Единица", "Unit", 20),
                    recorded_at=at or now_utc(),
                )
            )
            audit.record(
                session, actor, "material", visit_id, when=at, name=material.name, quantity=str(material.quantity)
            )
            session.commit()

    def remove_material(self, visit_id: str, index: int, actor: str) -> None:
        with self.session() as session:
            self._writable(session, visit_id)
            rows = session.exec(
                select(tables.MaterialUse)
                .where(tables.MaterialUse.visit_id == visit_id)
                .order_by(col(tables.MaterialUse.id))
            ).all()
            session.delete(rows[index])
            audit.record(session, actor, "material_removed", visit_id, name=rows[index].name)
            session.commit()

    def record_branch(self, visit_id: str, record: BranchRecord, actor: str) -> None:
        with self.session() as session:
            self._writable(session, visit_id)
            session.add(
                tables.BranchEvent(
                    visit_id=visit_id,
                    branch_key=record.key,
                    at=record.at,
                    outcome=record.outcome,
                    details=clean_text(record.details, "Описание", "Details", 4000, multiline=True),
                    requested_time=record.requested_time,
                    called_role=record.called.role if record.called else "",
                )
            )
            audit.record(session, actor, "branch", visit_id, branch=record.key, outcome=record.outcome)
            session.commit()

    # --- lists ----------------------------------------------------------------------------------------------

    def visits_of_day(self, technician_id: str, day: date, zone: ZoneInfo) -> list[VisitSummary]:
        start = datetime.combine(day, time(0), zone)
        end = start + timedelta(days=1)
        with self.session() as session:
            statement = (
                select(tables.Visit, tables.Contract, tables.Subscriber)
                .join(tables.Contract, col(tables.Visit.contract_id) == col(tables.Contract.id))
                .join(tables.Subscriber, col(tables.Contract.subscriber_id) == col(tables.Subscriber.id))
                .where(
                    tables.Visit.technician_id == technician_id,
                    col(tables.Visit.planned_start) >= start,
                    col(tables.Visit.planned_start) < end,
                )
                .order_by(col(tables.Visit.planned_start))
            )
            return [self._summary(v, c, s) for v, c, s in session.exec(statement)]

    def visit_in_progress(self, technician_id: str) -> str | None:
        """The visit to resume after a restart: the newest one started and not finished."""
        open_states = (VisitStatus.IN_PROGRESS.value, VisitStatus.AWAITING_SIGNATURE.value)
        with self.session() as session:
            statement = (
                select(tables.Visit.id)
                .where(tables.Visit.technician_id == technician_id, col(tables.Visit.status).in_(open_states))
                .order_by(col(tables.Visit.updated_at).desc())
            )
            return session.exec(statement).first()

    @staticmethod
    def _summary(visit: tables.Visit, contract: tables.Contract, person: tables.Subscriber) -> VisitSummary:
        name = " ".join(p for p in (person.surname, person.first_name, person.patronymic) if p)
        zone = ZoneInfo(visit.zone)
        return VisitSummary(
            visit.id,
            VisitKind(visit.kind),
            frozenset(Service(s) for s in visit.services.split(",")),
            VisitStatus(visit.status),
            visit.planned_start.astimezone(zone),
            visit.planned_exact,
            name,
            contract.number,
            contract.address,
            visit.request_number,
            visit.precall_at is not None,
            visit.expected_arrival.astimezone(zone) if visit.expected_arrival else None,
        )

    # --- the day's rules ------------------------------------------------------------------------------------

    def day_rules_confirmed(self, technician_id: str, day: date) -> bool:
        """Whether this technician confirmed the start-of-day rules on this (local) day."""
        with self.session() as session:
            statement = select(tables.AuditEvent.details).where(
                tables.AuditEvent.action == "day_rules_confirmed", tables.AuditEvent.actor == technician_id
            )
            return any(json.loads(details).get("day") == day.isoformat() for details in session.exec(statement))

    def confirm_day_rules(self, technician_id: str, day: date) -> None:
        with self.session() as session:
            audit.record(session, technician_id, "day_rules_confirmed", day=day.isoformat())
            session.commit()

    def audit_trail(self, visit_id: str) -> list[tables.AuditEvent]:
        with self.session() as session:
            return audit.trail(session, visit_id)


def _photos_of_item(session: Session, visit_id: str, key: str) -> int:
    return int(
        session.exec(
            select(func.count())
            .select_from(tables.PhotoRecord)
            .where(tables.PhotoRecord.visit_id == visit_id, tables.PhotoRecord.item_key == key)
        ).one()
    )


def _send_again(session: Session, visit_id: str) -> None:
    """A finished visit changed after it went up (the closing stage, the measures): queue it once more."""
    queued = session.get(tables.Outbox, visit_id)
    if queued is not None and queued.confirmed_at is not None:
        queued.confirmed_at, queued.queued_at, queued.attempts = None, now_utc(), 0
        queued.next_attempt_at, queued.last_error = None, ""
        session.add(queued)
