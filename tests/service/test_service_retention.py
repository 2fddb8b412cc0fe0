"""A lost tablet carries little: after the registry holds a visit's act and the brand's retention period has
passed, the tablet removes the visit's personal data and the act's bytes, keeping the receipt."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from fieldact.service.client import sync_via_service
from fieldact.service.retention import purge_expired
from fieldact.standard import Brand
from fieldact.store.db import open_database
from fieldact.store.doctor import full_check
from fieldact.store.repository import Store
from fieldact.store.sync import now_utc

from .conftest import Central
from .server import RunningService
from .test_service_sync import enrolled, planned, setup_two, sign_some


def test_after_the_period_the_tablet_keeps_only_the_receipt(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    assert brand.retention_days == 30
    setup_two(central, tmp_path, brand)
    client = enrolled(central, service, tablet)
    sync_via_service(tablet.database, client)
    first, second, third = planned(tablet)
    sign_some(tablet, [first, second])
    assert sync_via_service(tablet.database, client).push.pushed == 2
    sign_some(tablet, [third])  # signed, not yet synced: no receipt, so it stays whole

    assert purge_expired(tablet.database, 30) == 0, "not before the period has passed"
    later = now_utc() + timedelta(days=31)
    assert purge_expired(tablet.database, 30, later) == 2
    assert purge_expired(tablet.database, 30, later) == 0, "done once"

    path = tablet.database.path
    tablet.database.dispose()
    reopened = open_database(path)  # a restart: all of it was committed
    try:
        with reopened.engine.connect() as connection:
            acts = connection.execute(
                text("SELECT visit_id, length(pdf), content, signer_name, pdf_sha256 FROM act ORDER BY visit_id")
            ).all()
            people = connection.execute(
                text(
                    "SELECT v.id, s.surname, s.phone, c.address, v.purged_at IS NOT NULL FROM visit v "
                    "JOIN contract c ON c.id = v.contract_id JOIN subscriber s ON s.id = c.subscriber_id"
                )
            ).all()
            receipts = connection.execute(text("SELECT count(*) FROM act_receipt")).scalar()
        purged = {row[0] for row in acts if row[1] == 0}
        assert purged == {first, second}
        assert all(row[2] == "" and row[3] == "" and len(row[4]) == 64 for row in acts if row[0] in purged)
        kept = [row for row in acts if row[0] == third][0]
        assert kept[1] > 10_000 and kept[3]
        for visit_id, surname, phone, address, is_purged in people:
            if visit_id in purged:
                assert (surname, phone, address, is_purged) == ("", "", "", True)
            else:
                assert surname and address and not is_purged
        assert receipts == 2
        assert full_check(reopened) == [], "a purged act is not a damaged one"

        with pytest.raises(DBAPIError, match="cannot be changed"), reopened.engine.begin() as connection:
            connection.execute(text("UPDATE act SET pdf = X'', content = '', ink = NULL, signer_name = '' "
                                    "WHERE visit_id = :v"), {"v": third})  # fmt: skip
        with pytest.raises(DBAPIError, match="cannot be changed"), reopened.engine.begin() as connection:
            connection.execute(text("UPDATE act SET number = 'X' WHERE visit_id = :v"), {"v": first})
    finally:
        reopened.dispose()
    assert central.query("SELECT count(*) FROM act WHERE length(pdf) > 10000")[0][0] == 2, "the company keeps it"
