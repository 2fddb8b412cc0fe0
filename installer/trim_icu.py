"""The Linux bundle's ICU data for the languages the app speaks, instead of every locale ICU knows.

Qt Core links ICU, and PySide6's wheels ship ``libicudata.so.NN``: 32 MB of data, most of it collations,
names of languages, currencies, units and zones, and calendars for some 800 locales. The app speaks Russian and
English only. This step keeps what Qt uses ICU for (collation, casing, normalization, ICU's own tables) for
root, Russian and English, and rebuilds the library with the same entry point, so Qt loads it as before.
Needs ``icupkg`` and ``genccode`` (Debian's icu-devtools), ``objcopy`` and ``gcc``: a step of the Linux bundle
only (``.ci/bundle``), not of the Windows installer.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEPT_LOCALES = frozenset({"root", "ru", "ru_RU", "en", "en_US", "en_GB", "en_001", "en_150"})
# What Qt asks ICU for is collation (QCollator), case mapping and normalization; Qt draws its locale texts
# (month, currency and language names, numbers) from its own CLDR tables and breaks text with its own rules.
# So besides the other locales, left out: transliterators; break rules and dictionaries; names of currencies,
# units, languages, regions and zones; spelled-out numbers; character names; spoof checks; and the legacy
# code-page converters (Qt converts UTF-8/16/32 and Latin-1 itself; the app reads cp1251 order files in Python).
DROPPED_TREES = ("translit/", "brkitr/", "curr/", "unit/", "lang/", "region/", "zone/", "rbnf/")
DROPPED_FILES = re.compile(r"^(unames\.icu|confusables\w*\.cfu|.*\.cnv)$")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
_DEPENDS = re.compile(r"Item (\S+) depends on missing item (\S+)")


def dropped(item: str) -> bool:
    """A locale's data (not root, Russian or English) or a transliterator."""
    if item.startswith(DROPPED_TREES) or DROPPED_FILES.match(item):
        return True
    name = item.rsplit("/", 1)[-1]
    base, _, extension = name.rpartition(".")
    return extension == "res" and bool(_LOCALE.match(base)) and base not in KEPT_LOCALES


def trim_library(library: Path, work: Path) -> int:
    """Replace ``library`` (libicudata.so.NN) by one holding only the kept data; returns the bytes saved."""
    entry = _entry_point(library)  # e.g. icudt73
    package = work / f"{entry}l.dat"
    subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(package)], check=True)
    items = subprocess.run(["icupkg", "-l", package.name], cwd=work, check=True, capture_output=True, text=True)
    remove = {item for item in items.stdout.split() if dropped(item)}
    pristine = package.read_bytes()
    for _ in range(5):  # an item some kept item depends on stays, and so does what it needs
        package.write_bytes(pristine)
        (work / "remove.txt").write_text("\n".join(sorted(remove)) + "\n", encoding="ascii")
        done = subprocess.run(["icupkg", "-r", "remove.txt", package.name], cwd=work, capture_output=True, text=True)
        missing = _DEPENDS.findall(done.stdout + done.stderr)
        if done.returncode == 0 and not missing:
            break
        remove -= {needed for _, needed in missing}
    else:
        raise RuntimeError("icupkg could not trim the ICU data")
    subprocess.run(["genccode", "-q", "-a", "gcc", "-e", entry, "-d", str(work), package.name], cwd=work, check=True)
    (assembly,) = work.glob("*.S")
    soname = library.name
    rebuilt = work / soname
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", "-o", str(rebuilt), str(assembly), f"-Wl,-soname,{soname}"], check=True
    )
    before = library.stat().st_size
    shutil.copyfile(rebuilt, library)
    return before - library.stat().st_size


def _entry_point(library: Path) -> str:
    symbols = subprocess.run(["nm", "-D", "--defined-only", str(library)], check=True, capture_output=True, text=True)
    match = re.search(r"\b(icudt\d+)_dat\b", symbols.stdout)
    if match is None:
        raise RuntimeError(f"{library} has no ICU data entry point")
    return match.group(1)


def main(argv: list[str]) -> int:
    """``trim_icu.py BUNDLE_FOLDER``: trims every libicudata in it."""
    saved = 0
    for library in sorted(Path(argv[1]).rglob("libicudata.so.*")):
        with tempfile.TemporaryDirectory() as work:
            saved += trim_library(library, Path(work))
    print(f"icu: {saved / 1e6:.1f} MB of locale data left out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
