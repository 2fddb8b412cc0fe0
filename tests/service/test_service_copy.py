"""The subscriber's copy, in a real headless Chromium against the real service over HTTPS: before the tablet
syncs the page says the act will appear; after, it says who signed what and when, and the PDF it downloads is
the signed act and verifies."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from fieldact.act.verify import verify_pdf
from fieldact.service.client import sync_via_service
from fieldact.standard import Brand
from fieldact.store.repository import Store

from .browser import Browser, chromium
from .conftest import Central
from .server import RunningService
from .test_service_sync import enrolled, planned, setup_two, sign_some


@pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_the_subscribers_link_in_chromium(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    setup_two(central, tmp_path, brand)
    client = enrolled(central, service, tablet)
    sync_via_service(tablet.database, client)
    sign_some(tablet, planned(tablet)[:1])
    with tablet.database.engine.connect() as connection:
        token, pdf, number = connection.execute(
            text("SELECT c.token, a.pdf, a.number FROM act_copy c JOIN act a ON a.id = c.act_id")
        ).one()
    link = f"{service.url}/copy/{token}"
    browser = Browser(tmp_path / "browser", Path(service.tls_ca).with_name("server.pem"))
    try:
        before, _ = browser.visit(link)
        assert "после следующей синхронизации" in before

        assert sync_via_service(tablet.database, client).push.pushed == 1
        page, downloaded = browser.visit(link, click_id="download")
        guess, _ = browser.visit(f"{service.url}/copy/{'A' * len(token)}")
    finally:
        browser.close()
    assert number in page and "подписан абонентом" in page and "В реестре компании" in page
    assert downloaded is not None and downloaded.read_bytes() == bytes(pdf)
    assert verify_pdf(downloaded.read_bytes()) == []
    assert "после следующей синхронизации" in guess, "a guessed token learns nothing"
