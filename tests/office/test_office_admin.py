"""Office administration: each action works, survives a restart and leaves its audit row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session
from tests.office.quality_data import A, fill

from fieldact.office import password
from fieldact.office.admin import change_office_password, office_actions, reset_pin, unlock_technician
from fieldact.store import tables
from fieldact.store.db import open_database
from fieldact.store.pins import pin_matches
from fieldact.text import InputError


def test_unlock_reset_and_password_each_audited(tmp_path: Path) -> None:
    database = open_database(tmp_path / "o.db")
    fill(database)
    password.set_first(database, "старый пароль 1", "старый пароль 1")
    with Session(database.engine) as session:
        row = session.get(tables.Technician, A)
        row.failed_attempts = 9
        session.add(row)
        session.commit()
    unlock_technician(database, A)
    with pytest.raises(InputError, match="не совпадают"):
        reset_pin(database, A, "4321", "4322")
    with pytest.raises(InputError, match="4 цифр"):
        reset_pin(database, A, "12", "12")
    reset_pin(database, A, "4321", "4321")
    with pytest.raises(InputError, match="Старый пароль неверен"):
        change_office_password(database, "не тот", "новый пароль 22", "новый пароль 22")
    change_office_password(database, "старый пароль 1", "новый пароль 22", "новый пароль 22")
    database.dispose()

    database = open_database(tmp_path / "o.db")
    with Session(database.engine) as session:
        row = session.get(tables.Technician, A)
        assert row.failed_attempts == 0 and pin_matches("4321", row.pin_salt, row.pin_hash)
    assert password.check(database, "новый пароль 22")
    actions = [action.action for action in office_actions(database)]
    assert actions[:3] == ["office_password_changed", "pin_reset", "technician_unlocked"]
    assert "wrong_tries: 9" in office_actions(database)[2].details
    database.dispose()
