"""Photos and equipment through the real widgets: frames pushed into the capture session become stored,
stamped, hashed photos; a label's barcode fills the serial; wrong serials get a sentence."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog

from fieldact.store.open_visit import OpenVisit
from fieldact.ui.equipment_panel import EquipmentPanel
from fieldact.visit import ItemState

from .helpers import (
    Clock,
    FrameSource,
    click,
    local,
    make_shell,
    make_store,
    save_shot,
    sign_in,
    take_photos,
    type_text,
)
from .test_visit_flow import answer_stage

DEBRIS = "installation.debris_removed"
ROUTE = "installation.route_agreed"


def to_installation(qtbot, tmp_path: Path, standard, brand, size=(1280, 800)):  # type: ignore[no-untyped-def]
    store = make_store(tmp_path / "f.db", standard, brand)
    shell = make_shell(qtbot, store, Clock(local(brand, "2026-11-26T08:50")), size)
    sign_in(qtbot, shell, "Петров Пётр", "1111")
    first = next(v for v in shell.day.visits if v.kind.value == "connection")
    shell.day.open_visit.emit(first.id)
    QApplication.processEvents()
    answer_stage(qtbot, shell)
    click(qtbot, shell.visit.next_button)
    answer_stage(qtbot, shell)
    click(qtbot, shell.visit.next_button)
    assert shell.visit.visit.stage.key == "installation"
    return store, shell


def marked_frame() -> QImage:
    """A 1280×960 frame, grey with a red block top-left, to see the stored photo is this frame."""
    image = QImage(1280, 960, QImage.Format.Format_RGBA8888)
    image.fill(QColor(200, 200, 200))
    painter = QPainter(image)
    painter.fillRect(0, 0, 256, 192, QColor(220, 20, 20))
    painter.end()
    return image


def test_a_pushed_frame_becomes_a_stored_stamped_hashed_photo(qtbot, tmp_path: Path, standard, brand) -> None:
    store, shell = to_installation(qtbot, tmp_path, standard, brand)
    row = shell.visit.rows[DEBRIS]
    row.editor.removed.setChecked(True)
    click(qtbot, row.done)
    assert "сфотографируйте «Убрать мусор" in row.message.text() and not row.undo.isVisible()

    click(qtbot, shell.visit.photo_strips[DEBRIS].open_camera)
    screen = shell.visit.photo_screen
    assert screen is not None and screen.isVisible() and screen.geometry() == shell.visit.rect()
    source = FrameSource(screen.camera, marked_frame())
    qtbot.waitUntil(lambda: screen.camera.shutter.isEnabled(), timeout=5000)
    save_shot(shell, "photo_capture_landscape")
    click(qtbot, screen.camera.shutter)
    qtbot.waitUntil(lambda: screen.thumbs.count() == 1, timeout=10000)
    qtbot.waitUntil(lambda: screen.camera.preview.videoSink().videoFrame().isValid(), timeout=5000)
    assert screen.camera.preview.videoSink().videoFrame().size().width() == 1280, "the live preview shows the frames"
    source.stop()
    save_shot(shell, "photo_capture_taken_landscape")
    assert shell.visit.photo_strips[DEBRIS].label.text().startswith("Фото: 1")

    [stored] = OpenVisit.load(store, str(shell.visit.visit.id), "t").photos(DEBRIS)
    assert stored.sha256 == hashlib.sha256(stored.jpeg).hexdigest()
    image = Image.open(io.BytesIO(stored.jpeg))
    assert image.format == "JPEG" and image.size == (1280, 960) and dict(image.getexif()) == {}
    red, green, _ = image.getpixel((40, 40))
    assert red > 180 and green < 80, "the frame pushed is the photo stored"
    corner = image.convert("L").crop((0, 900, 300, 960))
    assert corner.getextrema()[0] < 100 and corner.getextrema()[1] > 220, "the stamp in the bottom-left corner"
    assert image.convert("L").crop((900, 0, 1280, 300)).getextrema()[0] > 150, "the subject left alone"

    click(qtbot, screen.done)
    assert shell.visit.photo_screen is None
    click(qtbot, row.done)
    assert row.undo.isVisible(), row.message.text()
    assert store.load_visit(str(shell.visit.visit.id)).checklist.answer(DEBRIS).state is ItemState.DONE


def test_retake_replaces_and_the_limit_is_said(qtbot, tmp_path: Path, standard, brand) -> None:
    store, shell = to_installation(qtbot, tmp_path, standard, brand)
    take_photos(qtbot, shell, ROUTE, 4)
    click(qtbot, shell.visit.photo_strips[ROUTE].open_camera)
    screen = shell.visit.photo_screen
    source = FrameSource(screen.camera)
    qtbot.waitUntil(lambda: screen.camera.shutter.isEnabled(), timeout=5000)
    click(qtbot, screen.camera.shutter)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=5000)
    assert "не больше 4 фото" in screen.message.text() and screen.thumbs.count() == 4
    ids_before = {screen.thumbs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(4)}
    screen.thumbs.item(0).setSelected(True)
    first = screen.thumbs.item(0).data(Qt.ItemDataRole.UserRole)
    click(qtbot, screen.retake)
    qtbot.waitUntil(lambda: screen.camera.shutter.isEnabled(), timeout=5000)
    click(qtbot, screen.camera.shutter)
    qtbot.waitUntil(
        lambda: (
            {screen.thumbs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(screen.thumbs.count())} != ids_before
        ),
        timeout=10000,
    )
    source.stop()
    ids = {photo.id for photo in OpenVisit.load(store, str(shell.visit.visit.id), "t").photos(ROUTE)}
    assert len(ids) == 4 and first not in ids
    screen.thumbs.item(0).setSelected(True)
    click(qtbot, screen.remove)
    assert screen.thumbs.count() == 3


def test_without_a_camera_a_photo_comes_from_a_file(qtbot, tmp_path: Path, standard, brand, monkeypatch) -> None:
    store, shell = to_installation(qtbot, tmp_path, standard, brand)
    picture = tmp_path / "IMG_0001.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (4000, 3000), (90, 120, 150)).save(picture, "JPEG", exif=exif)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(picture), ""))
    click(qtbot, shell.visit.photo_strips[DEBRIS].open_camera)
    screen = shell.visit.photo_screen
    assert not screen.camera.shutter.isEnabled(), "this machine has no camera"
    assert "выберите снимок из файла" in screen.camera.status.text().lower()
    click(qtbot, screen.camera.from_file)
    qtbot.waitUntil(lambda: screen.thumbs.count() == 1, timeout=10000)
    [stored] = OpenVisit.load(store, str(shell.visit.visit.id), "t").photos(DEBRIS)
    assert (stored.width, stored.height) == (1200, 1600), "turned upright and downscaled"
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    click(qtbot, screen.camera.from_file)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=5000)
    assert "не открывается как фотография" in screen.message.text() and screen.thumbs.count() == 1


def label_frame(text: str) -> QImage:
    import zxingcpp

    code = Image.fromarray(
        zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.Code128), scale=3)
    )
    canvas = Image.new("RGB", (1280, 960), (235, 235, 230))
    canvas.paste(code.convert("RGB"), (300, 380))
    data = canvas.tobytes()
    return QImage(data, 1280, 960, 1280 * 3, QImage.Format.Format_RGB888).copy()


def test_equipment_is_typed_or_scanned(qtbot, tmp_path: Path, standard, brand) -> None:
    store, shell = to_installation(qtbot, tmp_path, standard, brand)
    panel = shell.visit.findChild(EquipmentPanel)
    panel.kind.setCurrentIndex(panel.kind.findData("ont"))
    type_text(panel.serial, "HWTC123")
    type_text(panel.mac, "00:1A:2B:3C:4D:5E")
    click(qtbot, panel.add)
    assert "не похож на номер устройства «Оптический терминал (ONT)»" in panel.message.text()
    assert panel.serial.text() == "HWTC123", "what was typed stays"

    panel.serial.clear()
    click(qtbot, panel.scan)
    scanner = panel.scan_screen
    assert scanner is not None and scanner.isVisible()
    source = FrameSource(scanner.camera, label_frame("HWTC1A2B3C4D"))
    qtbot.waitUntil(lambda: scanner.camera.shutter.isEnabled(), timeout=5000)
    save_shot(shell, "equipment_scan_landscape")
    click(qtbot, scanner.camera.shutter)
    qtbot.waitUntil(lambda: panel.serial.text() == "HWTC1A2B3C4D", timeout=10000)
    source.stop()
    click(qtbot, panel.add)
    assert panel.devices.count() == 1 and "HWTC1A2B3C4D" in panel.devices.item(0).text()
    shell.visit.scroll.ensureWidgetVisible(panel)
    save_shot(shell, "equipment_panel_landscape")
    [device] = store.load_visit(str(shell.visit.visit.id)).devices
    assert (device.type_key, device.serial, device.mac) == ("ont", "HWTC1A2B3C4D", "00:1A:2B:3C:4D:5E")


@pytest.mark.parametrize(
    ("size", "scale", "name"),
    [
        ((1280, 800), "1", "landscape"),
        ((800, 1280), "1", "portrait"),
        ((1280, 853), "1.5", "1920x1280_150"),
        ((853, 1280), "1.5", "1280x1920_150"),
    ],
)
def test_screenshots_of_the_capture_screen_and_the_equipment_panel(tmp_path: Path, size, scale, name) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    shots = Path(__file__).with_name("photo_shots.py")
    result = subprocess.run(
        [sys.executable, str(shots), str(size[0]), str(size[1]), name, str(tmp_path / "s.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for path in result.stdout.split():
        image = QImage(path)
        assert (image.width(), image.height()) == (round(size[0] * float(scale)), round(size[1] * float(scale)))
