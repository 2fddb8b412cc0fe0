from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldact.standard import Brand, Standard, load_brand, load_standard  # noqa: E402
from fieldact.text import set_language  # noqa: E402


@pytest.fixture(scope="session")
def standard() -> Standard:
    return load_standard()


@pytest.fixture(scope="session")
def brand() -> Brand:
    return load_brand()


@pytest.fixture(scope="session")
def zone(brand: Brand) -> ZoneInfo:
    return ZoneInfo(brand.timezone)


@pytest.fixture
def local(zone: ZoneInfo):
    def make(text: str) -> datetime:
        return datetime.fromisoformat(text).replace(tzinfo=zone)

    return make


@pytest.fixture(autouse=True)
def russian() -> None:
    set_language("ru")


class SmallDisk:
    """A tiny tmpfs file system: full disks and read-only folders for real, not simulated."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.filler = path / ".filler"

    def fill(self) -> None:
        """Take every free byte, so the next write fails with ENOSPC."""
        descriptor = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                os.write(descriptor, b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
        finally:
            os.close(descriptor)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self, on: bool = True) -> None:
        subprocess.run(["mount", "-o", f"remount,{'ro' if on else 'rw'}", str(self.path)], check=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 16 MB tmpfs mounted for the test (needs root; skipped elsewhere — injected OSError tests cover it)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount_point)], capture_output=True
        ).returncode
    ):
        pytest.skip("mounting a small file system needs root")
    try:
        yield SmallDisk(mount_point)
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
