"""The layers of DESIGN.md hold: core packages never import Qt, lower layers never import higher ones."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "fieldact"


def test_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout


def test_no_qt_import_outside_ui_even_lazily() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts
        and re.search(r"^\s*(from|import)\s+PySide6", path.read_text(encoding="utf-8"), flags=re.M)
    ]
    assert offenders == []


def test_the_tablet_starts_without_loading_what_only_acts_and_reports_need() -> None:
    """Drawing, sealing and verifying acts, the reports' spreadsheets and the migrations' engine take most of a
    second to import; the first screen needs none of them, so they load when first used."""
    import subprocess
    import sys

    probe = (
        "import sys, fieldact.cli, fieldact.ui.app, fieldact.ui.shell\n"
        "from fieldact.store.migrate import head_revision\n"
        "head_revision()\n"
        "heavy = ('fpdf', 'pyhanko', 'pypdf', 'openpyxl', 'alembic', 'fieldact.act.pdf', 'fieldact.store.signing')\n"
        "print(' '.join(name for name in heavy if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"loaded at start: {done.stdout.strip()}"


def test_every_name_the_act_package_offers_resolves() -> None:
    import fieldact.act

    missing = [name for name in fieldact.act.__all__ if getattr(fieldact.act, name, None) is None]
    assert missing == []
