"""The app survives the Qt bindings' reference leak on None (PySide6 6.12 on CPython 3.11)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_a_long_session_of_void_calls_does_not_abort() -> None:
    script = (
        "import sys\n"
        "from fieldact.ui.app import create_application\n"
        "from PySide6.QtWidgets import QWidget\n"
        "app = create_application('ru')\n"
        "w = QWidget()\n"
        "for _ in range(200_000):\n"
        "    w.update()\n"
        "print('alive', sys.getrefcount(None) > 100_000)\n"
    )
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=environment
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive True"
