"""Where the shipped resources (standards, brand, fonts, styles, translations) are found.

Three layouts: a source checkout (``resources/`` beside ``src/``), an installed wheel (``fieldact/_resources``)
and a PyInstaller bundle (``resources/`` beside the executable's unpacked files).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_root() -> Path:
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if hasattr(sys, "_MEIPASS") else None,
        _PACKAGE_DIR / "_resources",
        _PACKAGE_DIR.parent.parent / "resources",
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / "standards").is_dir():
            return candidate
    raise FileNotFoundError(
        "The app's resources folder is missing; reinstall fieldact. Looked in: "
        + ", ".join(str(c) for c in candidates if c is not None)
    )


def resource_path(relative: str) -> Path:
    return resources_root() / relative


def display_name(path: Path) -> str:
    """A short name for messages: relative to the resources folder when the file is shipped."""
    try:
        return path.resolve().relative_to(resources_root().resolve()).as_posix()
    except ValueError:
        return str(path)
