"""Refresh resources/i18n/fieldact_ru.ts from the tr() calls in src/fieldact/ui and compile the .qm.

Run after changing interface strings: ``python scripts/update_translations.py``; then translate any
``unfinished`` entry (Qt Linguist, or ``--fill FILE`` with lines ``source<TAB>translation``) and run it again.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "fieldact_ru.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def fill(pairs_file: Path) -> int:
    """Set translations of unfinished messages from a tab-separated file; returns how many were set."""
    pairs = dict(
        line.split("\t", 1) for line in pairs_file.read_text(encoding="utf-8").splitlines() if "\t" in line
    )
    tree = ET.parse(TS)
    count = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in pairs and translation is not None and translation.get("type") == "unfinished":
            translation.text = pairs[source]
            del translation.attrib["type"]
            count += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fill", type=Path, help="tab-separated source and Russian translation per line")
    args = parser.parse_args()
    sources = sorted(str(p) for p in (ROOT / "src" / "fieldact" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    if args.fill:
        print(f"filled {fill(args.fill)} translation(s)")
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
