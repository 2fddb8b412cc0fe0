from __future__ import annotations

import os
from datetime import datetime
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
