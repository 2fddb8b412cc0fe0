"""The one way to change an open visit: the domain rule first, then the database, then the visit in memory.

Every screen changes a visit through an ``OpenVisit``. A change the rule or the database refuses raises
InputError with a sentence and leaves the visit in memory as it was, so a screen never shows what was not stored.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from fieldact.photo import Photo, Stamp
from fieldact.store.devices import add_device, devices_of, remove_device
from fieldact.store.photos import add_photo, photos_of, remove_photo
from fieldact.store.repository import CLOSED_STATUSES, Store
from fieldact.text import InputError, say
from fieldact.visit import Answer, BranchRecord, ItemState, Material, Payment, Visit, VisitStatus
from fieldact.visit.equipment import Device, DeviceAction, make_device
from fieldact.visit.evidence import Evidence
from fieldact.visit.measures import arrival_timing
from fieldact.visit.photos import ItemPhoto, photo_counts

PRECALL_ITEM = "call_before"  # stage 1's item the pre-call answers
ARRIVAL_ITEM = "arrive_on_time"  # stage 1's item the arrival answers
PRECALL_BRANCHES = {"another_time", "not_home"}  # the pre-call branches close the visit: it is rescheduled


class PrecallOutcome(StrEnum):
    REACHED = "reached"  # the subscriber is home and expects the technician
    ANOTHER_TIME = "another_time"  # asks for another time: whom to call now
    NOT_HOME = "not_home"  # will not be home at the time
    NOT_REACHED = "not_reached"  # no answer: try again


class OpenVisit:
    def __init__(self, store: Store, visit: Visit, actor: str) -> None:
        self.store, self.visit, self.actor = store, visit, actor

    @classmethod
    def load(cls, store: Store, visit_id: str, actor: str) -> OpenVisit:
        return cls(store, store.load_visit(visit_id), actor)

    @property
    def id(self) -> str:
        return str(self.visit.id)

    @property
    def editable(self) -> bool:
        """A signed, refused, rescheduled or cancelled visit is only shown."""
        return self.visit.status.value not in CLOSED_STATUSES

    # --- the checklist --------------------------------------------------------------------------------------

    def answer(
        self, key: str, state: ItemState, evidence: Evidence | None = None, reason: str = "", at: datetime | None = None
    ) -> Answer:
        answer = self.visit.checklist.validated(key, state, evidence, reason)
        self.store.save_answer(self.id, key, answer, self.actor, at)
        self._started()
        return self.visit.checklist.put(key, answer)

    def answer_closing(
        self, key: str, state: ItemState, at: datetime, evidence: Evidence | None = None, reason: str = ""
    ) -> Answer:
        """The closing stage, after the act: kept on the visit, not in the frozen answers."""
        answer = self.visit.checklist.validated(key, state, evidence, reason)
        self.store.save_closing(self.id, key, answer, self.actor, at)
        return self.visit.checklist.put(key, answer)

    # --- photos of items ------------------------------------------------------------------------------------

    def stamp(self, key: str, at: datetime) -> Stamp:
        """What is burned into a photo of ``key`` taken at ``at`` (local time)."""
        item = self.visit.checklist.entry(key).item
        caption = item.photos.caption if item.photos else item.text
        return Stamp(self.visit.request_number or self.id[:8], caption, at)

    def add_photo(self, key: str, photo: Photo, replaces: str | None = None) -> ItemPhoto:
        """Keep a processed photo of an item (a retake ``replaces`` an earlier one); committed before it returns."""
        stored = add_photo(self.store, self.id, key, photo, self.actor, replaces)
        self._started()
        self._recount_photos()
        return stored

    def remove_photo(self, photo_id: str) -> None:
        remove_photo(self.store, self.id, photo_id, self.actor)
        self._recount_photos()

    def photos(self, key: str | None = None) -> list[ItemPhoto]:
        return [photo for photo in self.visit.photos if key is None or photo.item_key == key]

    def _recount_photos(self) -> None:
        with self.store.session() as session:
            self.visit.photos = photos_of(session, self.id)
        self.visit.checklist.photos = photo_counts(self.visit.photos)

    # --- equipment ---------------------------------------------------------------------------------------------

    def add_device(self, action: DeviceAction, type_key: str, serial: str, mac: str = "") -> str:
        """A device installed or taken away, checked against the brand's catalogue; InputError with a sentence."""
        device_id = add_device(
            self.store, self.id, make_device(self.visit.brand, action, type_key, serial, mac), self.actor
        )
        self._started()
        self.visit.devices = [device for _, device in self.devices()]
        return device_id

    def remove_device(self, device_id: str) -> None:
        remove_device(self.store, self.id, device_id, self.actor)
        self.visit.devices = [device for _, device in self.devices()]

    def devices(self) -> list[tuple[str, Device]]:
        with self.store.session() as session:
            return devices_of(session, self.id)

    def condition(self, key: str, value: bool) -> None:
        self.store.set_condition(self.id, key, value, self.actor)
        self._started()
        self.visit.checklist.set_condition(key, value)

    def move_to(self, index: int, completed: str | None = None, at: datetime | None = None) -> None:
        """Go to a stage; ``completed`` names the stage just finished, done at ``at`` (its duration's end)."""
        if not 0 <= index < len(self.visit.stages):
            raise IndexError(index)
        self.store.set_stage(self.id, index, self.actor, completed, at)
        self._started()
        self.visit.stage_index = index

    # --- materials, payment, branches -----------------------------------------------------------------------

    def add_material(self, material: Material) -> None:
        self.store.add_material(self.id, material, self.actor)
        self._started()
        self.visit.materials.append(material)

    def remove_material(self, index: int) -> None:
        if not 0 <= index < len(self.visit.materials):
            raise IndexError(index)
        self.store.remove_material(self.id, index, self.actor)
        del self.visit.materials[index]

    def save_payment(self, payment: Payment | None) -> None:
        self.store.save_payment(self.id, payment, self.actor)
        self._started()
        self.visit.payment = payment

    def take_branch(
        self, key: str, at: datetime, outcome: str = "", details: str = "", requested_time: datetime | None = None
    ) -> BranchRecord:
        """Record a branch; one taken at the pre-call closes the visit as rescheduled."""
        record = self.visit.branch_record(key, at, outcome, details, requested_time)
        self.store.record_branch(self.id, record, self.actor)
        self.visit.branches.append(record)
        if self.visit.branch(key).stage == self.visit.stages[0].key:
            self.store.set_status(self.id, VisitStatus.RESCHEDULED, self.actor, key)
            self.visit.status = VisitStatus.RESCHEDULED
        else:
            self._started()
        return record

    # --- the pre-call and the arrival ----------------------------------------------------------------------

    def precall_reached(self, at: datetime) -> Answer:
        """The subscriber expects the technician: the call's time is kept and stage 1's item answered with it."""
        key = self.precall_key()
        answer = self.visit.checklist.validated(key, ItemState.DONE)
        self.store.mark(self.id, "precall_at", self.actor, at)
        self.store.save_answer(self.id, key, answer, self.actor, at, starts=False)
        self.visit.precall_at = at
        return self.visit.checklist.put(key, answer)

    def precall_missed(self, at: datetime) -> int:
        """Nobody answered: the attempt is counted; the technician calls again."""
        self.visit.precall_attempts = self.store.precall_missed(self.id, self.actor, at)
        return self.visit.precall_attempts

    def precall_branch(
        self, key: str, at: datetime, details: str = "", requested_time: datetime | None = None
    ) -> BranchRecord:
        """Reached, but not at this time: the call is kept, the branch recorded, the visit rescheduled."""
        if key not in PRECALL_BRANCHES:
            raise KeyError(key)
        self.visit.branch_record(key, at, "", details, requested_time)  # refused before anything is kept
        self.store.mark(self.id, "precall_at", self.actor, at)
        self.visit.precall_at = at
        return self.take_branch(key, at, "", details, requested_time)

    def expect_arrival(self, at: datetime) -> None:
        """A visit without an exact time: when the technician expects to come (the pre-call is an hour before)."""
        if self.visit.plan.exact:
            raise InputError(say("У этого визита есть точное время.", "This visit has an exact time."))
        self.store.set_expected_arrival(self.id, at, self.actor)
        self.visit.expected_arrival = at

    def arrive(self, at: datetime) -> None:
        """«Я на месте»: the arrival moment; the visit is in work from now, and stage 1's "arrive on time" is
        answered from it: done when on time, "not done" with the minutes late otherwise."""
        self.store.mark(self.id, "arrived_at", self.actor, at)
        self.visit.arrived_at = at
        self._started()
        key = self.arrival_key()
        if not any(entry.key == key for entry in self.visit.checklist.entries):
            return
        timing = arrival_timing(self.visit, self.visit.brand.standard_tolerance_minutes)
        assert timing is not None
        if timing.on_time:
            self.answer(key, ItemState.DONE, at=at)
        else:
            late = say(f"Опоздание на {timing.minutes} мин.", f"Late by {timing.minutes} min.")
            self.answer(key, ItemState.FAILED, reason=late, at=at)

    def arrival_key(self) -> str:
        return f"{self.visit.stages[0].key}.{ARRIVAL_ITEM}"

    def precall_key(self) -> str:
        return f"{self.visit.stages[0].key}.{PRECALL_ITEM}"

    def _started(self, starts: bool = True) -> None:
        if starts and self.visit.status is VisitStatus.PLANNED:
            self.visit.status = VisitStatus.IN_PROGRESS
