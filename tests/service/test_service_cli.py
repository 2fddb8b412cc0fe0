"""The commands as the office and a tablet run them, against a real service and PostgreSQL: ``central enrol``,
``enrol``, ``sync``, ``verify --registry``, ``central registry check``, ``central revoke``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from fieldact.standard import Brand
from fieldact.store.repository import Store

from .conftest import Central
from .server import RunningService
from .test_service_sync import execute, planned, setup_two, sign_some

SEARCH_KEY = "import sys, pathlib; print(b'PRIVATE KEY' in pathlib.Path(sys.argv[1]).read_bytes())"


def fieldact(*arguments: str, admin: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("FIELDACT_CENTRAL")}
    if admin:
        environment["FIELDACT_CENTRAL_URL"] = admin
    return subprocess.run(
        [sys.executable, "-m", "fieldact", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=environment,
    )


def test_enrol_sync_verify_check_and_revoke_from_the_command_line(
    central: Central, service: RunningService, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    setup_two(central, tmp_path, brand)
    made = fieldact("central", "enrol", "--technician", "7001", "--hours", "2", admin=central.admin_url)
    assert made.returncode == 0, made.stderr
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", made.stdout)
    assert code is not None, made.stdout
    db = str(tablet.database.path)
    enrolled = fieldact(
        "enrol", "--server", service.url, "--code", code.group(0), "--tls-ca", service.tls_ca, "--db", db
    )
    assert enrolled.returncode == 0 and "7001" in enrolled.stdout, enrolled.stderr
    again = fieldact("enrol", "--server", service.url, "--code", code.group(0), "--tls-ca", service.tls_ca, "--db", db)
    assert again.returncode == 1 and "Traceback" not in again.stderr and "код" in again.stderr.lower()
    key_file = Path(db).with_name("fieldact-device-key.pem")
    assert key_file.is_file() and key_file.stat().st_mode & 0o077 == 0, "the key: beside the database, owner only"
    # Read in another process: closing a descriptor of the file here would drop this process's SQLite locks.
    inside = subprocess.run([sys.executable, "-c", SEARCH_KEY, db], capture_output=True, text=True, timeout=60)
    assert inside.stdout.strip() == "False", "never inside the database file"

    pulled = fieldact("sync", "--db", db)
    assert pulled.returncode == 0 and "новых 3" in pulled.stdout, pulled.stderr
    visits = planned(tablet)
    assert len(visits) == 3
    sign_some(tablet, visits[:1])
    pushed = fieldact("sync", "--db", db)
    assert pushed.returncode == 0 and "отправлено 1" in pushed.stdout, pushed.stderr

    with tablet.database.engine.connect() as connection:
        pdf = connection.execute(text("SELECT pdf FROM act")).scalar_one()
    act_file = tmp_path / "act.pdf"
    act_file.write_bytes(pdf)
    verified = fieldact("verify", str(act_file), "--registry", service.url, "--tls-ca", service.tls_ca)
    assert verified.returncode == 0 and "Зарегистрирован в реестре" in verified.stdout, verified.stderr
    other = tmp_path / "other.pdf"
    other.write_bytes(pdf + b"\n%%EOF\n")
    unregistered = fieldact("verify", str(other), "--registry", service.url, "--tls-ca", service.tls_ca)
    assert unregistered.returncode == 1 and "нет в реестре" in unregistered.stderr

    checked = fieldact("central", "registry", "check", admin=central.admin_url)
    assert checked.returncode == 0 and "1" in checked.stdout, checked.stderr
    execute(central, "ALTER TABLE registry DISABLE TRIGGER registry_append_only")
    execute(central, "UPDATE registry SET device_id = 'someone else'")
    broken = fieldact("central", "registry", "check", admin=central.admin_url)
    assert broken.returncode == 1 and "изменена" in broken.stderr

    device = central.query("SELECT id FROM device")[0][0]
    revoked = fieldact("central", "revoke", device, "--reason", "планшет утерян", admin=central.admin_url)
    assert revoked.returncode == 0, revoked.stderr
    stopped = fieldact("sync", "--db", db, "--retries", "1")
    assert stopped.returncode == 1 and "отозвано" in stopped.stderr and "Traceback" not in stopped.stderr

    no_tablet_logins = fieldact("central", "login", "fa_t", "--kind", "tablet", admin=central.admin_url)
    assert no_tablet_logins.returncode == 2 and "invalid choice" in no_tablet_logins.stderr
