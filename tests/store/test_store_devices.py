"""Devices of a visit are stored when entered, survive a restart, and are frozen with the act."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from fieldact.store.open_visit import OpenVisit
from fieldact.store.repository import FrozenVisit, Store
from fieldact.text import InputError
from fieldact.visit.equipment import DeviceAction

from .conftest import reopen


def test_devices_are_kept_and_checked(store: Store, visit_id: str) -> None:
    opened = OpenVisit.load(store, visit_id, "t")
    router = opened.add_device(DeviceAction.INSTALLED, "router", "zx1234567890", "001a2b3c4d5e")
    opened.add_device(DeviceAction.REMOVED, "stb", "123456789012", "00:1A:2B:3C:4D:5F")
    with pytest.raises(InputError, match="уже записано"):
        opened.add_device(DeviceAction.INSTALLED, "router", "ZX1234567890", "001a2b3c4d5e")
    with pytest.raises(InputError, match="не похож на номер"):
        opened.add_device(DeviceAction.INSTALLED, "ont", "123", "001a2b3c4d5e")
    store = reopen(store)
    visit = store.load_visit(visit_id)
    assert [(d.action, d.type_key, d.serial, d.mac) for d in visit.devices] == [
        (DeviceAction.INSTALLED, "router", "ZX1234567890", "00:1A:2B:3C:4D:5E"),
        (DeviceAction.REMOVED, "stb", "123456789012", "00:1A:2B:3C:4D:5F"),
    ]
    reopened = OpenVisit(store, visit, "t")
    reopened.remove_device(router)
    assert [d.serial for d in store.load_visit(visit_id).devices] == ["123456789012"]


def test_devices_are_frozen_with_the_act(store: Store, visit_id: str, local) -> None:
    from fieldact.act.sample import sample_signature
    from fieldact.store.signing import sign_visit

    from .test_store_signing import complete

    OpenVisit.load(store, visit_id, "t").add_device(DeviceAction.INSTALLED, "router", "ZX1234567890", "001a2b3c4d5e")
    complete(store, visit_id)
    at = local("2026-11-26T15:00")
    sign_visit(store, visit_id, sample_signature(started_at=at), "Иванов Иван Петрович", at, "t")
    with pytest.raises(FrozenVisit):
        OpenVisit.load(store, visit_id, "t").add_device(DeviceAction.INSTALLED, "cam", "12345678")
    with pytest.raises(DatabaseError, match="equipment of a visit with an act is frozen"):
        with store.database.engine.begin() as connection:
            connection.execute(text("UPDATE equipment SET serial = 'FORGED00000' WHERE visit_id = :v"), {"v": visit_id})
