"""Devices installed or taken away on a visit, each committed when entered."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session, col, select

from fieldact.store import audit, tables
from fieldact.store.repository import Store, now_utc
from fieldact.text import InputError, say
from fieldact.visit.equipment import Device, DeviceAction, make_device


def add_device(store: Store, visit_id: str, device: Device, actor: str, at: datetime | None = None) -> str:
    """Store a device (checked against the brand's catalogue once more); returns its id. ``at``: when it was
    recorded, for the demo's past visits (the tablet's is now)."""
    checked = make_device(store.brand, device.action, device.type_key, device.serial, device.mac)
    with store.session() as session:
        store._writable(session, visit_id)
        twin = session.exec(
            select(tables.DeviceRecord).where(
                tables.DeviceRecord.visit_id == visit_id,
                tables.DeviceRecord.serial == checked.serial,
                tables.DeviceRecord.action == checked.action.value,
            )
        ).first()
        if twin is not None:
            raise InputError(
                say(
                    f"Устройство с серийным номером {checked.serial} уже записано.",
                    f"A device with serial number {checked.serial} is already recorded.",
                )
            )
        row = tables.DeviceRecord(
            id=str(uuid.uuid4()),
            visit_id=visit_id,
            action=checked.action.value,
            device_type=checked.type_key,
            serial=checked.serial,
            mac=checked.mac,
            recorded_at=at or now_utc(),
        )
        session.add(row)
        audit.record(
            session, actor, "device", visit_id, when=at, what=row.action, type=row.device_type, serial=row.serial
        )
        session.commit()
        return row.id


def remove_device(store: Store, visit_id: str, device_id: str, actor: str) -> None:
    with store.session() as session:
        store._writable(session, visit_id)
        row = session.get(tables.DeviceRecord, device_id)
        if row is None or row.visit_id != visit_id:
            raise InputError(say("Этой записи уже нет — обновите экран.", "That record is gone; refresh the screen."))
        session.delete(row)
        audit.record(session, actor, "device_removed", visit_id, type=row.device_type, serial=row.serial)
        session.commit()


def devices_of(session: Session, visit_id: str) -> list[tuple[str, Device]]:
    """(id, device) in the order they were entered."""
    rows = session.exec(
        select(tables.DeviceRecord)
        .where(tables.DeviceRecord.visit_id == visit_id)
        .order_by(col(tables.DeviceRecord.recorded_at), col(tables.DeviceRecord.id))
    ).all()
    return [(row.id, Device(DeviceAction(row.action), row.device_type, row.serial, row.mac)) for row in rows]
