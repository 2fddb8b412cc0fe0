"""Starting the tablet app straight from its command line: ``fieldact`` and ``fieldact run`` with the app's own
options open the app without loading the other commands (the database tools, the office's exports and reports,
the central service's commands), which the full command line imports to build its parser. Anything else, help
and mistakes included, goes to that full command line (``fieldact.cli``), which says what is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# the options of the full command line's parser that only start the app: where they may stand, what they set
BEFORE_RUN = {"--lang": "language", "--windowed": "windowed", "--db": "db"}
AFTER_RUN = {"--windowed": "windowed", "--demo": "demo", "--db": "db"}
FLAGS = frozenset({"--windowed", "--demo"})
LANGUAGES = ("ru", "en")


@dataclass(frozen=True, slots=True)
class AppStart:
    """How the app is to start, as ``fieldact [--lang L] [--windowed] [--db D] [run [--windowed] [--demo]]`` says."""

    windowed: bool = False
    demo: bool = False
    db: str | None = None
    language: str = "ru"
    qt_options: tuple[str, ...] = ()


# Qt's own command-line options (QGuiApplication/QApplication), passed on to Qt rather than to our parser.
QT_VALUE_OPTIONS = frozenset(
    {
        "platform",
        "platformpluginpath",
        "platformtheme",
        "plugin",
        "qwindowgeometry",
        "qwindowtitle",
        "qwindowicon",
        "style",
        "stylesheet",
        "session",
        "display",
    }
)
QT_FLAG_OPTIONS = frozenset({"reverse", "widgetcount", "nograb", "dograb"})


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(ours, Qt's): ``-platform windows:darkmode=0`` and the like go to Qt, as ``QApplication(argv)`` expects."""
    ours: list[str] = []
    qt: list[str] = []
    index = 0
    while index < len(argv):
        item = argv[index]
        name, equals, _ = item.lstrip("-").partition("=")
        if item.startswith("-") and name in QT_VALUE_OPTIONS:
            takes_next = not equals and index + 1 < len(argv)
            qt.extend(argv[index : index + 2] if takes_next else [item])
            index += 2 if takes_next else 1
            continue
        (qt if item.startswith("-") and name in QT_FLAG_OPTIONS else ours).append(item)
        index += 1
    return ours, qt


def app_start(argv: Sequence[str]) -> AppStart | None:
    """The app's start when ``argv`` only starts the app, else None (let the full command line read it)."""
    ours, qt_options = split_qt_options(argv)
    found: dict[str, object] = {}
    allowed = BEFORE_RUN
    words = iter(ours)
    for word in words:
        if word == "run" and allowed is BEFORE_RUN:
            allowed = AFTER_RUN
            continue
        name, equals, value = word.partition("=")
        if name not in allowed:
            return None
        field = allowed[name]
        if name in FLAGS:
            if equals:
                return None
            found[field] = True
            continue
        given = value if equals else next(words, None)
        if given is None or given.startswith("-"):
            return None
        found[field] = given
    if found.get("language", "ru") not in LANGUAGES:
        return None
    return AppStart(qt_options=tuple(qt_options), **found)  # type: ignore[arg-type]


def start_app(start: AppStart) -> int:
    """Open the tablet app as ``start`` says; its exit code."""
    from fieldact.text import set_language
    from fieldact.ui.app import run  # Qt and the database load only now

    set_language(start.language)
    return run(
        windowed=start.windowed,
        language=start.language,
        db=start.db,
        demo=start.demo,
        qt_options=start.qt_options,
    )
