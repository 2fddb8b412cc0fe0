"""What the bundle leaves out of what PyInstaller's Qt hooks collect, as plain rules the spec applies.

The app uses QtCore, QtGui, QtWidgets, QtPdf, QtPdfWidgets, and QtMultimedia with QtMultimediaWidgets for the
camera (its FFmpeg backend plugin only: FFmpeg's libraries come with it). PyInstaller's hooks also bring every plugin of
the modules those link against (Wayland, EGL, GTK themes, SVG, input methods, TLS...), Qt's translations for
every language and tool and, on Windows, a software OpenGL renderer; and the libraries those plugins need. None
of it is used: the app paints with the raster engine, ships its own translation with Qt's own Russian texts
(qtbase_ru.qm: OK/Cancel, the context menu), and runs on the Windows, offscreen or xcb platform.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Qt binding modules the app imports; every other PySide6 module is excluded from the analysis.
# QtNetwork only because PySide6's QtMultimedia binding imports it.
QT_MODULES = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPrintSupport",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
)

# Qt's own translations kept: the languages the app ships (fieldact_ru.qm) for the Qt widgets' texts.
KEPT_QT_TRANSLATIONS = frozenset({"qtbase_ru.qm"})

# Plugin folder -> plugin names kept (None keeps the folder whole). Folders not named are dropped.
KEPT_PLUGINS: dict[str, frozenset[str] | None] = {
    # windows on the tablets; offscreen for the self-check and CI; xcb for a Linux desktop; minimal as a fallback.
    "platforms": frozenset({"qwindows", "qoffscreen", "qminimal", "qxcb", "qcocoa"}),
    # The native look of message boxes and scroll bars on Windows 10/11 (qmodernwindowsstyle).
    "styles": None,
    # The system's printers for printing acts (windowsprintersupport; cups on Linux).
    "printsupport": None,
    # The camera: Qt's FFmpeg backend, the default on Windows and Linux since Qt 6.5 (not the old WMF one).
    "multimedia": frozenset({"ffmpegmediaplugin"}),
}

# Large files that are collected but never loaded.
DROPPED_FILES = frozenset({"opengl32sw.dll"})

# On Linux the system provides two sets of libraries, and the bundle leaves them to it: those the manylinux
# policy lets every wheel assume (the GCC runtime, X11, GLib; PySide6's own wheels rely on them) and those
# Qt's "Qt for X11 Requirements" asks of the system (xcb, xkbcommon, fontconfig, freetype, D-Bus), which
# `.ci/run` installs for the tests anyway; the printing system's client (CUPS, with Avahi), which only a machine
# with printers has and which must match its print server. A bundled copy older than the system's graphics
# drivers can break them. Qt Multimedia adds two more the system provides: PulseAudio's client (its sound server
# is the system's anyway) and Kerberos' GSSAPI, which Qt Network links. Libraries only these need go with them.
LINUX_SYSTEM_LIBRARIES = re.compile(
    r"lib(stdc\+\+|gcc_s|X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|Xi|ICE|SM|xcb(-[a-z-]+)?|xkbcommon(-x11)?"
    r"|fontconfig|freetype|glib-2\.0|gthread-2\.0|gobject-2\.0|gmodule-2\.0|gio-2\.0|dbus-1"
    r"|cups|avahi-client|avahi-common|pulse|gssapi_krb5)\.so(\.\d+)*",
    re.IGNORECASE,
)

# Packages that can be installed beside fieldact (test and development tools, the optional seal) but that the
# app itself never needs; excluded so that a bundle built in a development venv equals one from a clean venv.
DEVELOPMENT_PACKAGES = (
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pypdfium2",
    "pypdfium2_raw",
    "importlinter",
    "grimp",
    "ruff",
    "numpy",
    "IPython",
    "matplotlib",
    "tkinter",
    "_tkinter",
)
SEAL_PACKAGES = ("pyhanko", "pyhanko_certvalidator", "cryptography", "oscrypto", "asn1crypto", "lxml")
# pyHanko reads and writes XMP metadata with lxml.etree alone: lxml's other compiled parts are never reached.
SEAL_UNUSED = ("lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.builder")

# Parts of the app's own dependencies it never reaches: Pillow's AVIF and WebP (the photo stamp does use
# Pillow's font rendering), Pillow's Tk and Qt bridges, a terminal's
# line editing, the codecs of East Asian encodings (orders come in UTF-8 or Windows-1251), SQLAlchemy's
# MySQL, SQL Server and Oracle dialects (SQLite on the tablet, PostgreSQL in the office), and the debugger and
# help browser that fontTools names only in its modules' `if __name__ == "__main__"` doctests; and setuptools
# with distutils, which a Python 3.11 venv brings along and some packages name in optional imports (the app
# builds no packages). Python's TLS stays: fpdf2 imports urllib's HTTPS handler at start.
UNUSED_MODULES = (
    "setuptools",
    "_distutils_hack",
    "distutils",
    "pkg_resources",
    "doctest",
    "pdb",
    "pydoc",
    "pydoc_data",
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "readline",
    "curses",
    "_curses",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
)

_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/(?P<folder>[^/]+)/(?P<file>[^/]+)$")
_QT_TRANSLATION = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/")

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type code)


def excluded_modules(installed_qt_modules: Iterable[str], seal: bool) -> list[str]:
    """Module names for ``Analysis(excludes=...)``."""
    unused_qt = sorted(f"PySide6.{name}" for name in installed_qt_modules if name not in QT_MODULES)
    return [*unused_qt, *DEVELOPMENT_PACKAGES, *UNUSED_MODULES, *SEAL_UNUSED, *([] if seal else SEAL_PACKAGES)]


def plugin_name(file_name: str) -> str:
    """``libqxcb.so`` -> ``qxcb``; ``qwindows.dll`` -> ``qwindows``."""
    stem = file_name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def is_dropped_plugin(destination: str) -> bool:
    match = _PLUGIN.search(destination.replace("\\", "/"))
    if match is None:
        return False
    folder = match.group("folder")
    if folder not in KEPT_PLUGINS:
        return True
    kept = KEPT_PLUGINS[folder]
    return kept is not None and plugin_name(match.group("file")) not in kept


def prune_datas(datas: list[Entry], removed_binaries: Iterable[str]) -> list[Entry]:
    """Drop Qt's translations but ``KEPT_QT_TRANSLATIONS``, and the links PyInstaller made to removed binaries."""
    removed = set(removed_binaries)
    return [
        (destination, source, kind)
        for destination, source, kind in datas
        if (
            _QT_TRANSLATION.search(destination.replace("\\", "/")) is None
            or base_name(destination) in KEPT_QT_TRANSLATIONS
        )
        and not (kind == "SYMLINK" and base_name(destination) in removed)
    ]


def base_name(destination: str) -> str:
    return destination.replace("\\", "/").rsplit("/", 1)[-1].lower()


def is_system_library(destination: str, platform: str) -> bool:
    return platform.startswith("linux") and LINUX_SYSTEM_LIBRARIES.fullmatch(base_name(destination)) is not None


def prune_binaries(
    binaries: list[Entry], imports: Callable[[str], Iterable[str]], platform: str
) -> tuple[list[Entry], list[str]]:
    """Drop the unused plugins and the system's libraries, and the libraries that only they needed.

    ``imports(source)`` gives the file names a binary links against directly. A library is removed only when a
    dropped file reaches it and nothing kept does: extension modules and kept plugins are what the app loads.
    """
    by_name = {base_name(destination): source for destination, source, kind in binaries if kind != "SYMLINK"}

    def reach(starts: Iterable[str], stop: frozenset[str] | set[str] = frozenset()) -> set[str]:
        seen: set[str] = set()
        stack = [base_name(start) for start in starts]
        while stack:
            name = stack.pop()
            if name in seen or name not in by_name or name in stop:
                continue
            seen.add(name)
            stack.extend(base_name(linked) for linked in imports(by_name[name]))
        return seen

    dropped = [
        destination
        for destination, _, _ in binaries
        if is_dropped_plugin(destination)
        or base_name(destination) in DROPPED_FILES
        or is_system_library(destination, platform)
    ]
    kept_roots = [
        destination
        for destination, _, kind in binaries
        if destination not in dropped
        and (
            kind == "EXTENSION"
            or _PLUGIN.search(destination.replace("\\", "/"))
            or base_name(destination).startswith(("libpython", "python3"))
        )
    ]
    boundary = {base_name(d) for d in dropped}
    needed = reach(kept_roots, stop=boundary)
    removed = boundary | (reach(dropped) - needed)
    kept = [entry for entry in binaries if base_name(entry[0]) not in removed]
    return kept, sorted(removed)
