"""Interface language: English source strings, the Russian translation shipped and used by default."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from fieldact.resources import resource_path

_installed: list[QTranslator] = []


def install_translation(app: QApplication, language: str) -> bool:
    """Load ``i18n/fieldact_<language>.qm``; English needs none. True when a translation is active."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return False
    translator = QTranslator(app)
    if not translator.load(str(resource_path(f"i18n/fieldact_{language}.qm"))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    return True
