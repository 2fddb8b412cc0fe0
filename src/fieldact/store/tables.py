"""Database tables (SQLModel). Portable SQL: nothing here is specific to SQLite.

Times are aware datetimes stored in UTC, with the tablet's zone kept beside them where the
local time matters (greetings, the act). Money is integer kopecks.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel


class Technician(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    surname: str = Field(max_length=100)
    first_name: str = Field(max_length=100)
    pin_salt: str = Field(max_length=64)
    pin_hash: str = Field(max_length=128)
    failed_attempts: int = 0  # wrong PINs since the last right one or the office's unlock (see store/pins.py)
    locked_until: datetime | None = None  # shown to him only; the lock itself runs on the monotonic clock
    lock_boot: str | None = Field(default=None, max_length=64)
    lock_started: float | None = None  # monotonic seconds in that boot
    active: bool = True
    login: str | None = Field(default=None, max_length=63, unique=True, index=True)  # his tablet's central role


class Subscriber(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    surname: str = Field(max_length=100, index=True)  # the office finds acts by the subscriber's surname
    first_name: str = Field(max_length=100)
    patronymic: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=32)


class Contract(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    number: str = Field(max_length=32, unique=True, index=True)
    subscriber_id: str = Field(foreign_key="subscriber.id", max_length=36, index=True)
    address: str = Field(max_length=300)


class Visit(SQLModel, table=True):
    __table_args__ = (Index("ix_visit_technician_planned", "technician_id", "planned_start"),)
    id: str = Field(primary_key=True, max_length=36)
    request_number: str = Field(default="", max_length=40)
    kind: str = Field(max_length=20)
    services: str = Field(max_length=40)  # "internet,tv": sorted service keys
    contract_id: str = Field(foreign_key="contract.id", max_length=36, index=True)
    technician_id: str = Field(foreign_key="technician.id", max_length=36, index=True)
    zone: str = Field(max_length=64)
    planned_start: datetime = Field(index=True)
    planned_exact: bool = True
    planned_end: datetime | None = None
    status: str = Field(default="planned", max_length=24, index=True)
    stage_index: int = 0
    conditions: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    corrects_visit_id: str | None = Field(default=None, foreign_key="visit.id", max_length=36)
    precall_at: datetime | None = None
    arrived_at: datetime | None = None
    precall_attempts: int = 0  # calls that did not reach the subscriber
    expected_arrival: datetime | None = None  # said by the technician for a visit without an exact time
    closing: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))  # JSON answers
    standard_kept: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))  # JSON summary
    signed_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    purged_at: datetime | None = None  # personal data and act bytes removed after the retention period


class StageEvent(SQLModel, table=True):
    """The moment a stage of a visit was completed."""

    __tablename__ = "stage_event"
    __table_args__ = (UniqueConstraint("visit_id", "stage_key"),)
    id: int | None = Field(default=None, primary_key=True)
    visit_id: str = Field(foreign_key="visit.id", max_length=36, index=True)
    stage_key: str = Field(max_length=64)
    completed_at: datetime


class Answer(SQLModel, table=True):
    visit_id: str = Field(foreign_key="visit.id", primary_key=True, max_length=36)
    item_key: str = Field(primary_key=True, max_length=140)
    state: str = Field(max_length=20)
    evidence: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    reason: str = Field(default="", max_length=1000)
    answered_at: datetime


class MaterialUse(SQLModel, table=True):
    __tablename__ = "material_use"
    id: int | None = Field(default=None, primary_key=True)
    visit_id: str = Field(foreign_key="visit.id", max_length=36, index=True)
    code: str = Field(default="", max_length=40)
    name: str = Field(max_length=200)
    quantity: str = Field(max_length=20)  # a decimal as text, exact on every database
    unit: str = Field(max_length=20)
    recorded_at: datetime


class PhotoRecord(SQLModel, table=True):
    """A photo of a checklist item, stored whole at capture; frozen with the act (like the answers)."""

    __tablename__ = "photo"
    id: str = Field(primary_key=True, max_length=36)
    visit_id: str = Field(foreign_key="visit.id", max_length=36, index=True)
    item_key: str = Field(max_length=140)
    taken_at: datetime
    sha256: str = Field(max_length=64)  # over ``jpeg``, exactly as stored
    width: int
    height: int
    jpeg: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class DeviceRecord(SQLModel, table=True):
    """A device a connection installed at the subscriber's or took away."""

    __tablename__ = "equipment"
    id: str = Field(primary_key=True, max_length=36)
    visit_id: str = Field(foreign_key="visit.id", max_length=36, index=True)
    action: str = Field(max_length=20)  # installed, removed
    device_type: str = Field(max_length=64)  # a key of the brand's equipment catalogue
    serial: str = Field(max_length=64)
    mac: str = Field(default="", max_length=17)  # AA:BB:CC:DD:EE:FF, or empty where the type has none
    recorded_at: datetime


class PaymentRecord(SQLModel, table=True):
    __tablename__ = "payment"
    visit_id: str = Field(foreign_key="visit.id", primary_key=True, max_length=36)
    lines: str = Field(sa_column=Column(Text, nullable=False))  # JSON list of {description, quantity, unit_price}
    total: int
    received: int
    change: int
    credited: int
    bso_number: str = Field(max_length=24)
    recorded_at: datetime


class BranchEvent(SQLModel, table=True):
    __tablename__ = "branch_event"
    id: int | None = Field(default=None, primary_key=True)
    visit_id: str = Field(foreign_key="visit.id", max_length=36, index=True)
    branch_key: str = Field(max_length=64)
    at: datetime
    outcome: str = Field(default="", max_length=64)
    details: str = Field(default="", max_length=4000)
    requested_time: datetime | None = None
    called_role: str = Field(default="", max_length=100)


class Act(SQLModel, table=True):
    """A frozen act: stored once, never updated or deleted (triggers refuse it)."""

    id: str = Field(primary_key=True, max_length=36)
    number: str = Field(max_length=40, index=True)
    version: int = 1
    supersedes_id: str | None = Field(default=None, foreign_key="act.id", max_length=36)
    visit_id: str = Field(foreign_key="visit.id", max_length=36, index=True)
    outcome: str = Field(default="signed", max_length=20)  # signed | refused
    refusal_reason: str = Field(default="", max_length=1000)
    signed_at: datetime = Field(index=True)
    signer_name: str = Field(max_length=300)
    pdf: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    pdf_sha256: str = Field(max_length=64)
    content: str = Field(sa_column=Column(Text, nullable=False))
    content_sha256: str = Field(max_length=64)
    ink: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    ink_sha256: str = Field(default="", max_length=64)
    created_at: datetime

    __table_args__ = (
        UniqueConstraint("number", "version"),
        Index("ix_act_visit_version", "visit_id", "version"),
        # "Is this act superseded?" for every line of the office list; partial, as almost every act is not, so
        # that even statistics (ANALYZE) saying "supersedes_id is nearly always NULL" keep it in use.
        Index(
            "ix_act_supersedes_id",
            "supersedes_id",
            sqlite_where=text("supersedes_id IS NOT NULL"),
            postgresql_where=text("supersedes_id IS NOT NULL"),
        ),
    )


class AuditEvent(SQLModel, table=True):
    """Append-only: who did what, when, to which visit."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ux_audit_event_origin", "origin", "origin_id", unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    actor: str = Field(max_length=100)
    action: str = Field(max_length=60)
    visit_id: str | None = Field(default=None, max_length=36, index=True)
    details: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    # On the central database: the tablet (device id) and its local id, so a repeated push adds nothing.
    origin: str | None = Field(default=None, max_length=36)
    origin_id: int | None = None


# --- central database and sync (migration 0003) ------------------------------------------------------------------


class WorkOrder(SQLModel, table=True):
    """A dispatch order behind a visit. On the central database one row per (request, technician) visit;
    on a tablet the copy of its own technician's rows. A visit without a work order was made on the tablet."""

    __tablename__ = "work_order"
    visit_id: str = Field(foreign_key="visit.id", primary_key=True, max_length=36)
    request_number: str = Field(max_length=40, index=True)
    technician_id: str = Field(foreign_key="technician.id", max_length=36, index=True)
    state: str = Field(default="assigned", max_length=16)  # assigned | cancelled | reassigned
    changed_at: datetime
    office_told: str = Field(default="", max_length=16)  # tablet: the state the office was told about after work began


class Outbox(SQLModel, table=True):
    """Tablet: finished visits waiting for the central database (filled by a trigger on the visit status)."""

    visit_id: str = Field(foreign_key="visit.id", primary_key=True, max_length=36)
    reason: str = Field(max_length=24)
    queued_at: datetime
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    confirmed_at: datetime | None = Field(default=None, index=True)
    conflict: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class SyncState(SQLModel, table=True):
    """Tablet: one row; the device id names this database's audit events on the central database."""

    __tablename__ = "sync_state"
    id: int = Field(default=1, primary_key=True)
    device_id: str = Field(max_length=36)
    last_pull_at: datetime | None = None
    last_push_at: datetime | None = None
    last_error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    last_error_at: datetime | None = None


class ActReceipt(SQLModel, table=True):
    """Tablet: the central registry's entry for an act the service accepted (service/registry.py), kept as given."""

    __tablename__ = "act_receipt"
    act_id: str = Field(primary_key=True, max_length=36)
    seq: int
    entry_hash: str = Field(max_length=64)
    registered_at: datetime
    entry: str = Field(sa_column=Column(Text, nullable=False))


class ActCopy(SQLModel, table=True):
    """Tablet: the unguessable token of the subscriber's link to his copy of an act, made at signing."""

    __tablename__ = "act_copy"
    act_id: str = Field(primary_key=True, max_length=36)
    token: str = Field(max_length=64)
    made_at: datetime


class ActConflict(SQLModel, table=True):
    """Central: an act that arrived with the id (or number and version) of a different stored act, kept aside."""

    __tablename__ = "act_conflict"
    __table_args__ = (UniqueConstraint("act_id", "pdf_sha256"),)
    id: int | None = Field(default=None, primary_key=True)
    received_at: datetime
    technician_id: str = Field(max_length=36, index=True)
    origin: str = Field(max_length=36)
    act_id: str = Field(max_length=36)
    visit_id: str = Field(max_length=36)
    number: str = Field(max_length=40)
    version: int
    signed_at: datetime
    signer_name: str = Field(max_length=300)
    pdf: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    pdf_sha256: str = Field(max_length=64)
    content: str = Field(sa_column=Column(Text, nullable=False))
    content_sha256: str = Field(max_length=64)
    ink: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    ink_sha256: str = Field(default="", max_length=64)
    reason: str = Field(max_length=300)


class OfficeNotice(SQLModel, table=True):
    """Central: something the office must look at (an order changed after work began, an act kept aside)."""

    __tablename__ = "office_notice"
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, unique=True)  # makes a repeated report add nothing
    at: datetime = Field(index=True)
    technician_id: str = Field(max_length=36, index=True)
    visit_id: str | None = Field(default=None, max_length=36)
    kind: str = Field(max_length=40)
    message: str = Field(sa_column=Column(Text, nullable=False))


# --- office (migration 0004) ----------------------------------------------------------------------------------------


class Setting(SQLModel, table=True):
    """Small settings kept with the data, such as the office password's salted hash (never the password)."""

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime


class RevokedDevice(SQLModel, table=True):
    """A tablet's sealing certificate the company withdrew (a lost or stolen tablet): acts sealed with it at
    or after ``revoked_at`` fail ``verify``. Kept centrally, copied to tablets on pull and to the office."""

    __tablename__ = "revoked_device"
    certificate_sha256: str = Field(primary_key=True, max_length=64)
    device: str = Field(default="", max_length=100)
    revoked_at: datetime
    reason: str = Field(default="", max_length=500)
    revoked_by: str = Field(default="", max_length=100)


# --- quality department (migration 0006) ------------------------------------------------------------------------------


class VisitRating(SQLModel, table=True):
    """The subscriber's answer after signing (1-5 and a comment): stored with the visit, never on the act, and
    never changed afterwards (triggers refuse it)."""

    __tablename__ = "visit_rating"
    visit_id: str = Field(foreign_key="visit.id", primary_key=True, max_length=36)
    score: int
    comment: str = Field(default="", max_length=1000)
    rated_at: datetime


class VisitQuality(SQLModel, table=True):
    """One visit as the quality department counts it, rebuilt by triggers whenever the visit or anything of it
    changes (migrations 0007, 0010); 0/1 flags so that sums count."""

    __tablename__ = "visit_quality"
    __table_args__ = (
        Index("ix_visit_quality_day", "day", "technician_id"),
        Index("ix_visit_quality_materials", "materials"),
    )
    visit_id: str = Field(primary_key=True, max_length=36)
    technician_id: str = Field(max_length=36)
    kind: str = Field(max_length=20)
    day: str = Field(max_length=10)  # the planned day (UTC), YYYY-MM-DD
    status: str = Field(max_length=24)
    finished: int = 0
    kept: int = 0  # the standard-kept summary was written
    precall_on_time: int = 0
    arrival_measured: int = 0
    arrival_on_time: int = 0
    late_minutes: int | None = None
    required_done: int = 0
    closing_done: int = 0
    items_done: int = 0
    items_not_needed: int = 0
    items_failed: int = 0
    refused: int = 0
    rescheduled: int = 0
    cannot_fix: int = 0
    credited: int = 0
    materials: int = 0
    rating: int | None = None
    stage_minutes: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    skipped: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))  # item key → state


class QualityDay(SQLModel, table=True):
    """The sums of visit_quality per planned day, technician and kind, kept by triggers on visit_quality: a year's
    dashboard reads a few thousand rows whatever the number of visits."""

    __tablename__ = "quality_day"
    day: str = Field(primary_key=True, max_length=10)
    technician_id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(primary_key=True, max_length=20)
    visits: int = 0
    finished: int = 0
    kept: int = 0
    precall_on_time: int = 0
    arrival_measured: int = 0
    arrival_on_time: int = 0
    late_1_15: int = 0
    late_16_30: int = 0
    late_31_60: int = 0
    late_over_60: int = 0
    required_done: int = 0
    closing_done: int = 0
    items_done: int = 0
    items_not_needed: int = 0
    items_failed: int = 0
    refused: int = 0
    rescheduled: int = 0
    cannot_fix: int = 0
    credited: int = 0
    materials: int = 0
    materials_sq: int = 0
    rated: int = 0
    rating_sum: int = 0


class QualityStageDay(SQLModel, table=True):
    """Minutes per stage summed per planned day, technician and kind (triggers on visit_quality)."""

    __tablename__ = "quality_stage_day"
    day: str = Field(primary_key=True, max_length=10)
    technician_id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(primary_key=True, max_length=20)
    stage_key: str = Field(primary_key=True, max_length=64)
    visits: int = 0
    minutes: int = 0


class QualityItemDay(SQLModel, table=True):
    """Items answered «не требуется» or «не выполнено», counted per planned day, technician, kind and item
    (triggers on visit_quality, migration 0010): the most skipped items without counting answers."""

    __tablename__ = "quality_item_day"
    day: str = Field(primary_key=True, max_length=10)
    technician_id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(primary_key=True, max_length=20)
    item_key: str = Field(primary_key=True, max_length=140)
    not_needed: int = 0
    failed: int = 0
