"""The day screen tells the technician when his tablet's clock is off the server's (real sync, real PostgreSQL)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fieldact.store.sync import SyncLoop
from fieldact.ui.context import AppContext
from fieldact.ui.shell import Shell

from ..store.pg import Central, central_fixture  # noqa: F401
from .helpers import Clock, local, make_store, save_shot, sign_in


@dataclass
class WrongClock:
    offset: timedelta

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def monotonic(self) -> float:
        return time.monotonic()


def day_screen_after_a_sync(qtbot, tmp_path: Path, standard, brand, central: Central, offset: timedelta) -> Shell:
    store = make_store(tmp_path / "f.db", standard, brand)
    loop = SyncLoop(
        store.database, central.technician("7001", "Сидоров", "Семён"), interval_s=3600, clock=WrongClock(offset)
    )
    loop.start()
    qtbot.waitUntil(lambda: loop.last_report is not None, timeout=30_000)
    loop.stop()
    shell = Shell(AppContext(store, Clock(local(brand, "2026-11-26T10:00")), sync=loop), kiosk=False)
    qtbot.addWidget(shell)
    shell.resize(1280, 800)
    shell.show()
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    return shell


def test_a_clock_hours_fast_is_told_on_the_day_screen(qtbot, tmp_path: Path, standard, brand, central: Central) -> None:
    shell = day_screen_after_a_sync(qtbot, tmp_path, standard, brand, central, timedelta(hours=3, seconds=30))
    warning = shell.day.clock_warning
    assert warning.isVisible()
    assert warning.text() == (
        "Часы планшета спешат на 3 ч относительно сервера. Поставьте верные дату и время в настройках планшета: "
        "в актах стоит время с этих часов."
    )
    qtbot.wait(200)  # the list lays itself out before the picture
    save_shot(shell, "day_clock_warning")


def test_a_clock_within_minutes_is_not_told(qtbot, tmp_path: Path, standard, brand, central: Central) -> None:
    shell = day_screen_after_a_sync(qtbot, tmp_path, standard, brand, central, -timedelta(minutes=2))
    assert not shell.day.clock_warning.isVisible()
    assert shell.day.clock_warning.text() == ""
