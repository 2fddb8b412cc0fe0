"""The Windows version resource of fieldact.exe (Explorer's Details tab, and what Inno Setup reads back).

The numbers come from ``fieldact.__version__``, so the exe, the installer and the package never disagree.
"""

from __future__ import annotations

import re
from typing import Any

COMPANY = "fieldact"
DESCRIPTION = "fieldact: the service standard on the technician's tablet, signed acts for the office"
ENGLISH_US_UNICODE = ("040904B0", [0x0409, 1200])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0); a suffix such as ``.dev1`` or ``rc1`` is dropped, Windows takes four numbers."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        leading = re.match(r"\d+", part)
        if leading is None:
            break
        numbers.append(int(leading.group()))
        if leading.end() < len(part):
            break
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_resource(version: str) -> Any:
    """A PyInstaller ``VSVersionInfo``; PyInstaller's Windows tools (pefile) are needed, so call it on Windows."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)
    table, translation = ENGLISH_US_UNICODE
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": "fieldact",
        "LegalCopyright": f"© {COMPANY}",
        "OriginalFilename": "fieldact.exe",
        "ProductName": "fieldact",
        "ProductVersion": version,
    }
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo([StringTable(table, [StringStruct(key, value) for key, value in strings.items()])]),
            VarFileInfo([VarStruct("Translation", translation)]),
        ],
    )
