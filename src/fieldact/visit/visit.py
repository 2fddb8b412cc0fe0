"""A visit: who, what, when, and where in the standard's six stages the technician is."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from fieldact.standard.schema import Branch, Brand, Contact, Kind, Script, Service, Stage, Standard, VisitKind
from fieldact.text import InputError, say
from fieldact.visit.checklist import Blocker, Checklist, ItemState
from fieldact.visit.clock import Plan, precall_moment, reschedule_contact
from fieldact.visit.equipment import Device
from fieldact.visit.payment import Payment
from fieldact.visit.people import Subscriber, Technician
from fieldact.visit.photos import ItemPhoto
from fieldact.visit.scripts import ScriptContext


class VisitStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    AWAITING_SIGNATURE = "awaiting_signature"
    SIGNED = "signed"
    REFUSED = "refused"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Material:
    code: str
    name: str
    quantity: Decimal
    unit: str

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InputError(say("Укажите название материала.", "Enter the material's name."))
        if not self.unit.strip():
            raise InputError(say(f"Укажите единицу «{self.name}».", f"Choose the unit of '{self.name}'."))
        if not self.quantity > 0:
            raise InputError(
                say(
                    f"Количество «{self.name}» должно быть больше 0.", f"The quantity of '{self.name}' must be above 0."
                )
            )


@dataclass(frozen=True, slots=True)
class BranchRecord:
    """A branch of the service visit that was taken, with what came of it."""

    key: str
    at: datetime
    outcome: str = ""
    details: str = ""
    requested_time: datetime | None = None
    called: Contact | None = None


@dataclass
class Visit:
    standard: Standard
    brand: Brand
    kind: VisitKind
    services: frozenset[Service]
    subscriber: Subscriber
    technician: Technician
    plan: Plan
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    status: VisitStatus = VisitStatus.PLANNED
    stage_index: int = 0
    checklist: Checklist = field(init=False)
    payment: Payment | None = None
    materials: list[Material] = field(default_factory=list)
    branches: list[BranchRecord] = field(default_factory=list)
    request_number: str = ""
    precall_at: datetime | None = None  # when the subscriber was reached at the pre-call
    precall_attempts: int = 0  # calls that did not reach him
    arrived_at: datetime | None = None  # «Я на месте»
    expected_arrival: datetime | None = None  # a visit without an exact time: when the technician expects to come
    devices: list[Device] = field(default_factory=list)  # installed or taken away, in the order entered
    photos: list[ItemPhoto] = field(default_factory=list)  # of the checklist's items, in the order taken

    def __post_init__(self) -> None:
        self.checklist = Checklist.build(self.standard, self.kind, self.services)

    @property
    def definition(self) -> Kind:
        return self.standard.kind(self.kind)

    @property
    def signing_stage(self) -> Stage:
        """The stage whose end is the signed act; the stages after it (the closing) come after the act."""
        return self.definition.signing_stage

    def before_act(self, stage: Stage) -> bool:
        return stage.number <= self.signing_stage.number

    @property
    def stage(self) -> Stage:
        return self.definition.stages[self.stage_index]

    @property
    def stages(self) -> list[Stage]:
        return list(self.definition.stages)

    def go_to(self, stage_key: str) -> Stage:
        for index, stage in enumerate(self.definition.stages):
            if stage.key == stage_key:
                self.stage_index = index
                return stage
        raise KeyError(stage_key)

    def next_stage(self) -> Stage:
        self.stage_index = min(self.stage_index + 1, len(self.definition.stages) - 1)
        return self.stage

    def scripts(self, stage: Stage) -> list[Script]:
        """The stage's scripts for the services of this visit and for how it is planned (exact time or not)."""
        plan = "exact" if self.plan.exact else "window"
        return [
            script
            for script in stage.scripts
            if self.services.intersection(script.services) and script.plan in (None, plan)
        ]

    def branches_of(self, stage: Stage) -> list[Branch]:
        return [branch for branch in self.definition.branches if branch.stage == stage.key]

    def precall_at_moment(self) -> datetime | None:
        """When the standard wants the pre-call (None for a visit without an exact time until the technician
        says when he expects to arrive)."""
        return precall_moment(self.definition, self.plan, self.expected_arrival)

    def script_context(self, at: datetime) -> ScriptContext:
        return ScriptContext(
            self.brand,
            self.definition,
            at,
            self.subscriber,
            self.technician,
            self.plan,
            self.request_number,
            self.expected_arrival,
        )

    # --- branches of the service visit ----------------------------------------------------------------------

    def branch(self, key: str) -> Branch:
        for branch in self.definition.branches:
            if branch.key == key:
                return branch
        raise KeyError(key)

    def take_branch(
        self,
        key: str,
        at: datetime,
        outcome: str = "",
        details: str = "",
        requested_time: datetime | None = None,
    ) -> BranchRecord:
        record = self.branch_record(key, at, outcome, details, requested_time)
        self.branches.append(record)
        return record

    def branch_record(
        self,
        key: str,
        at: datetime,
        outcome: str = "",
        details: str = "",
        requested_time: datetime | None = None,
    ) -> BranchRecord:
        """The record of taking a branch, checked against what the branch needs; the visit does not change."""
        branch = self.branch(key)
        outcomes = {o.key for o in branch.outcomes}
        if outcomes and outcome not in outcomes:
            raise InputError(say("Выберите, чем закончилось.", "Choose how it ended."))
        if branch.needs_details and len(details.strip()) < 3:
            raise InputError(
                say(
                    "Опишите ситуацию подробно — это попадёт в заявку.",
                    "Describe the situation; it goes into the request.",
                )
            )
        if branch.needs_time and requested_time is None:
            raise InputError(say("Укажите время, которое просит Абонент.", "Enter the time the subscriber asks for."))
        return BranchRecord(key, at, outcome, details.strip(), requested_time, self._contact_for(branch, at))

    def _contact_for(self, branch: Branch, at: datetime) -> Contact | None:
        if branch.call == "reschedule_contact":
            return reschedule_contact(at, self.brand)
        if branch.call == "quality_manager":
            return self.brand.quality_manager
        if branch.call == "ntp_quality_manager":
            return self.brand.ntp_quality_manager
        return None

    # --- what prevents signing ------------------------------------------------------------------------------

    def signing_blockers(self) -> list[Blocker]:
        """Everything up to the documents stage that is still open, in words; empty when the act may be signed."""
        found = self.checklist.blockers(up_to_stage=self.signing_stage.number)
        found.extend(self._branch_blockers())
        return found

    def closing_blockers(self) -> list[Blocker]:
        return [b for b in self.checklist.blockers() if not self.before_act(b.stage)]

    def _branch_blockers(self) -> list[Blocker]:
        """A repair that failed on site needs the «cannot fix» branch recorded with its outcome."""
        found = []
        taken = {record.key for record in self.branches}
        for branch in self.definition.branches:
            if not branch.outcomes or branch.key in taken:
                continue
            stage = next(s for s in self.definition.stages if s.key == branch.stage)
            failed = any(
                self.checklist.answer(entry.key).state is ItemState.FAILED
                for entry in self.checklist.in_stage(stage.key)
            )
            if failed:
                found.append(
                    Blocker(
                        stage,
                        None,
                        say(
                            f"Этап {stage.number} «{stage.title}»: пункт не выполнен — пройдите «{branch.title}» "
                            "и запишите, чем закончилось.",
                            f"Stage {stage.number} '{stage.title}': an item failed; go through '{branch.title}' "
                            "and record the outcome.",
                        ),
                    )
                )
        return found
