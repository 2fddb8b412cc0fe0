"""`fieldact act sample` and `fieldact verify` in a real subprocess, as support would run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def fieldact(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldact", *args], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_sample_act_is_written_and_verifies(tmp_path: Path) -> None:
    out = tmp_path / "sample act.pdf"
    made = fieldact("act", "sample", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert out.read_bytes().startswith(b"%PDF-1.7") and str(out) in made.stdout
    checked = fieldact("verify", "--level", "content", str(out))
    assert checked.returncode == 0, checked.stderr
    assert "Примечание: Акт не заверен печатью" in checked.stdout, "a sample is not sealed, and verify says so"
    assert fieldact("verify", str(out)).returncode == 1, "the default level needs the company's seal"
    assert checked.stdout.splitlines()[0].startswith("Акт № 20261126-0042, версия 1, SHA-256 содержания ")
    assert checked.stdout.rstrip().endswith("OK")

    changed = bytearray(out.read_bytes())
    changed[len(changed) // 3] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(changed))
    failed = fieldact("verify", "--level", "content", str(tampered))
    assert failed.returncode == 1
    assert "Файл акта изменён после создания" in failed.stderr
    assert f"{tampered}: акт не прошёл проверку на уровне «содержание сходится»." in failed.stderr
    assert "OK" not in failed.stdout and "Traceback" not in failed.stderr


def test_verify_of_what_is_not_an_act_is_a_sentence(tmp_path: Path) -> None:
    missing = fieldact("verify", str(tmp_path / "nowhere.pdf"))
    assert missing.returncode == 1 and "файл не читается" in missing.stderr
    text = tmp_path / "note.pdf"
    text.write_text("not a pdf", encoding="utf-8")
    garbage = fieldact("--lang", "en", "verify", str(text))
    assert garbage.returncode == 1
    assert "cannot be read as a PDF" in garbage.stderr and "Traceback" not in garbage.stderr


def test_sample_seal_without_a_brand_seal_is_a_sentence(tmp_path: Path) -> None:
    result = fieldact("act", "sample", "--seal", "--out", str(tmp_path / "a.pdf"))
    assert result.returncode == 1
    assert "не задана печать" in result.stderr and "Traceback" not in result.stderr
