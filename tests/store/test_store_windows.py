"""Store behaviour that matters on Windows: a locked old backup, a "%" in the install folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from fieldact.store import migrate
from fieldact.store.db import BACKUPS_KEPT, backup_before_migration, open_database


def test_a_locked_old_backup_does_not_stop_the_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = open_database(tmp_path / "f.db")
    folder = database.backups_dir()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(BACKUPS_KEPT + 2):
        (folder / f"f-20260101-0000{number:02d}-000000.db").write_bytes(b"old")
    real_unlink = Path.unlink

    def locked(self: Path, missing_ok: bool = False) -> None:
        if self.name.startswith("f-2026"):
            raise PermissionError(13, "The process cannot access the file", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", locked)
    target = backup_before_migration(database)
    assert target is not None and target.is_file(), "the new backup is written even when old ones are locked"
    assert len(list(folder.glob("f-*.db"))) == BACKUPS_KEPT + 3, "the locked ones stay for a later start"
    monkeypatch.setattr(Path, "unlink", real_unlink)
    backup_before_migration(database)
    assert len(list(folder.glob("f-*.db"))) == BACKUPS_KEPT, "once unlocked they are removed"
    database.dispose()


def test_a_percent_sign_in_the_install_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "Program Files" / "100% fieldact" / "migrations"
    installed.parent.mkdir(parents=True)
    shutil.copytree(migrate.MIGRATIONS, installed)
    monkeypatch.setattr(migrate, "MIGRATIONS", installed)
    database = open_database(tmp_path / "f.db")
    config = migrate.alembic_config(database)
    assert config.get_main_option("script_location") == str(installed)
    assert ScriptDirectory.from_config(config).get_current_head() == migrate.head_revision()
    database.dispose()
    again = open_database(tmp_path / "g.db")
    assert migrate.current_revision(again) == migrate.head_revision()
    again.dispose()


def test_windows_keeps_the_database_per_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldact.store import central, db

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("ProgramData", r"D:\ProgramData")
    monkeypatch.delenv(central.ENV_CONFIG, raising=False)
    assert db.data_dir() == Path(r"D:\ProgramData") / "fieldact"
    assert db.default_path() == Path(r"D:\ProgramData") / "fieldact" / "fieldact.db"
    assert central.config_path() == Path(r"D:\ProgramData") / "fieldact" / "central.toml"
    monkeypatch.setattr(sys, "platform", "linux")
    assert "ProgramData" not in str(db.data_dir())
