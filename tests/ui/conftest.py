from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fieldact.office.checks import CheckedDigests
from fieldact.store.db import open_database
from fieldact.store.repository import Store
from fieldact.ui.app import create_application
from fieldact.ui.office_context import OfficeContext
from fieldact.ui.office_window import OfficeWindow


@pytest.fixture(scope="session")
def qapp():
    """The application the way the app makes it: theme and the Russian translation."""
    return create_application("ru")


@pytest.fixture(scope="module")
def office_template(tmp_path_factory, standard, brand) -> Path:
    # the office tests' seeded database: real signed, refused and corrected acts
    spec = importlib.util.spec_from_file_location("office_seed", Path(__file__).resolve().parents[1] / "office/seed.py")
    assert spec is not None and spec.loader is not None
    seed = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = seed  # its dataclasses look their module up
    spec.loader.exec_module(seed)
    path = tmp_path_factory.mktemp("office_ui") / "template.db"
    store = Store(open_database(path), standard, brand)
    seed.seed_office(store)
    store.database.dispose()
    return path


@pytest.fixture
def office_window(qapp, qtbot, office_template: Path, tmp_path: Path, brand):
    """The office window on a copy of the seeded database, shown at 1280×800."""
    path = tmp_path / "office.db"
    shutil.copyfile(office_template, path)
    database = open_database(path)
    context = OfficeContext(database, ZoneInfo(brand.timezone), CheckedDigests(tmp_path / "checked.txt"))
    shown = OfficeWindow(context)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    yield shown
    database.dispose()
