"""Every interface string has its Russian translation, and the shipped .qm is up to date."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from fieldact.resources import resource_path
from fieldact.ui.i18n import install_translation

ROOT = Path(__file__).resolve().parents[2]


def test_every_tr_string_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shipped = resource_path("i18n/fieldact_ru.ts")
    fresh.write_bytes(shipped.read_bytes())
    sources = sorted(str(p) for p in (ROOT / "src" / "fieldact" / "ui").rglob("*.py"))
    lupdate = str(Path(sys.executable).parent / "pyside6-lupdate")
    subprocess.run([lupdate, *sources, "-no-obsolete", "-ts", str(fresh)], check=True, capture_output=True)
    unfinished = [
        message.findtext("source")
        for message in ET.parse(fresh).iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == [], "run scripts/update_translations.py and translate these"


def test_russian_is_loaded_and_english_on_request(qapp) -> None:
    assert install_translation(qapp, "ru")
    assert QCoreApplication.translate("labels", "Internet") == "Интернет"
    install_translation(qapp, "en")
    assert QCoreApplication.translate("labels", "Internet") == "Internet"
    install_translation(qapp, "ru")
