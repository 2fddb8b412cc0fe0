from __future__ import annotations

import pytest

from fieldact.ui.app import create_application


@pytest.fixture(scope="session")
def qapp():
    """The application the way the app makes it: theme and the Russian translation."""
    return create_application("ru")
