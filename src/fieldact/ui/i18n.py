"""Interface language: English source strings, the Russian translation shipped and used by default.

Qt's own texts (OK/Cancel of message boxes, the context menu of text fields, the calendar) come from Qt's
``qtbase_<language>.qm``, which the bundle keeps (installer/bundle_rules.py) beside PySide6.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from fieldact.resources import resource_path

_installed: list[QTranslator] = []


def install_translation(app: QApplication, language: str) -> bool:
    """Load ``i18n/fieldact_<language>.qm`` and Qt's own; English needs none. True when ours is active."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return False
    install_qt_translation(app, language)
    translator = QTranslator(app)
    if not translator.load(str(resource_path(f"i18n/fieldact_{language}.qm"))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    return True


def qt_translation_folders() -> list[str]:
    """Where Qt's own .qm files are: Qt's configured folder, else beside PySide6 (wheel and bundle layouts)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(package / "Qt" / "translations"),
        str(package / "translations"),
    ]


def install_qt_translation(app: QApplication, language: str) -> bool:
    """Qt's own texts in ``language``; False when this Qt installation lacks them."""
    translator = QTranslator(app)
    if not any(translator.load(f"qtbase_{language}", folder) for folder in qt_translation_folders()):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
