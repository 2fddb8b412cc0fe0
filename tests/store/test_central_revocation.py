"""Revoking a tablet's sealing certificate: `central revoke-device` on a real PostgreSQL, audited, pulled to the
tablet, and counted by the tablet's own `verify` and by the office."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from fieldact.store.central import central_engine
from fieldact.store.repository import Store
from fieldact.store.sealing import revoked_list, seal_policy, store_sealer
from fieldact.store.sync import pull_orders
from fieldact.trust import load_device

from .pg import Central, central_fixture  # noqa: F401

pytest.importorskip("pyhanko")


def fieldact(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "fieldact", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=180, env=dict(os.environ))


def test_a_revoked_device_reaches_the_tablet_and_its_later_acts_fail(
    central: Central, store: Store, tmp_path: Path
) -> None:
    assert store_sealer(store.database, store.brand) is not None, "the demo brand enrols the tablet on first use"
    folder = store.database.path.parent  # type: ignore[union-attr]
    identity = load_device(folder)
    assert identity is not None
    revoked = fieldact(
        "central", "revoke-device", str(folder / "device-seal-chain.pem"), "--reason", "планшет утерян",
        "--url", central.admin_url,
    )  # fmt: skip
    assert revoked.returncode == 0, revoked.stderr
    assert "отозван" in revoked.stdout
    rows = central.query("SELECT certificate_sha256, device, reason FROM revoked_device")
    assert rows == [(identity.certificate_sha256, identity.device, "планшет утерян")]
    audit = central.query("SELECT action, details FROM audit_event WHERE action = 'device_revoked'")
    assert len(audit) == 1 and identity.certificate_sha256 in audit[0][1]
    again = fieldact(
        "central", "revoke-device", identity.certificate_sha256, "--reason", "x", "--url", central.admin_url
    )
    assert again.returncode == 0 and "уже отозван" in again.stdout

    tablet = central_engine(central.technician("7001"))
    try:
        pull_orders(store.database, tablet)
        with tablet.connect() as connection, pytest.raises(Exception, match="permission denied|violates row-level"):
            connection.execute(
                text("INSERT INTO revoked_device VALUES (:sha, 'x', now(), 'x', 'x')"), {"sha": "0" * 64}
            )
    finally:
        tablet.dispose()
    [local] = revoked_list(store.database)
    assert local.certificate_sha256 == identity.certificate_sha256 and local.revoked_at <= datetime.now(
        local.revoked_at.tzinfo
    )
    policy = seal_policy(store.database, store.brand)
    assert policy.revoked == (local,)


def test_only_the_office_adds_to_the_list(central: Central) -> None:
    dispatch = central.login("dispatch")
    with psycopg.connect(dispatch.replace("postgresql+psycopg", "postgresql")) as connection:
        assert connection.execute("SELECT count(*) FROM revoked_device").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("INSERT INTO revoked_device VALUES (%s, 'x', now(), 'x', 'x')", ("1" * 64,))
