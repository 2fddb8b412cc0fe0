"""Screenshots of the capture screen and the equipment panel at one window size, in a process of its own so
that QT_SCALE_FACTOR applies: ``python photo_shots.py WIDTH HEIGHT NAME DB``; prints the files written."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def wait_until(condition, timeout_ms: int = 10000) -> None:  # type: ignore[no-untyped-def]
    for _ in range(timeout_ms // 50):
        if condition():
            return
        QTest.qWait(50)
    raise TimeoutError("the screen did not get there")


def main(width: int, height: int, name: str, db: Path) -> None:
    from fieldact.standard import load_brand, load_standard
    from fieldact.ui.app import create_application
    from fieldact.ui.context import AppContext
    from fieldact.ui.equipment_panel import EquipmentPanel
    from fieldact.ui.shell import Shell

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.ui.helpers import SHOTS, FrameSource, make_store

    create_application("ru")
    store = make_store(db, load_standard(), load_brand())
    shell = Shell(AppContext(store), kiosk=False)
    shell.resize(width, height)
    shell.show()
    technician = next(t for t in store.technicians() if t.surname == "Петров")
    shell.context.technician = technician
    visit_id = next(
        v.id for v in store.visits_of_day(technician.id, _day(), shell.context.zone) if v.kind.value == "connection"
    )
    shell.open_visit(visit_id)
    shell.visit.show_stage(2)
    QApplication.processEvents()
    panel = shell.visit.findChild(EquipmentPanel)
    shell.visit.scroll.ensureWidgetVisible(panel)
    QTest.qWait(200)
    SHOTS.mkdir(exist_ok=True)
    written = [SHOTS / f"equipment_panel_{name}.png"]
    shell.grab().save(str(written[-1]))
    screen = shell.visit.open_photos("installation.route_agreed")
    source = FrameSource(screen.camera)
    wait_until(screen.camera.shutter.isEnabled)
    screen.camera.shoot()
    wait_until(lambda: screen.thumbs.count() == 1)
    source.stop()
    QTest.qWait(200)
    written.append(SHOTS / f"photo_capture_{name}.png")
    shell.grab().save(str(written[-1]))
    screen.close_screen()
    QTest.qWait(100)
    shell.close()
    store.database.dispose()
    print(" ".join(str(path) for path in written), flush=True)


def _day():  # type: ignore[no-untyped-def]
    from tests.ui.helpers import DAY

    return DAY


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
