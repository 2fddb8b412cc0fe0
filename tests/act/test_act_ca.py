"""The company CA and tablet enrolment: requests, device certificates, identity files on disk."""

from __future__ import annotations

import stat
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldact.act.ca import (
    DEVICE_KEY_FILE,
    EnrolmentError,
    enrol_locally,
    issue_device_certificate,
    issued_by,
    load_certificate,
    load_certificates,
    load_identity,
    make_company_ca,
    make_csr,
    make_device_key,
    pem,
    save_identity,
)

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def test_issued_certificate_names_device_and_technician_and_chains_to_the_ca(tmp_path: Path) -> None:
    ca = make_company_ca("ОАО «Тест»", NOW)
    key = make_device_key()
    issued = issue_device_certificate(ca, make_csr(key, "T-7"), device_id="T-7", technician_id="tech-3", now=NOW)
    certificate = load_certificate(issued)
    assert issued_by(certificate, ca.certificate)
    assert not issued_by(certificate, make_company_ca("Чужой", NOW).certificate)
    assert certificate.public_key() == key.public_key()
    save_identity(tmp_path, key, issued, pem(ca.certificate))
    identity = load_identity(tmp_path)
    assert identity is not None
    assert (identity.device_id, identity.technician_id) == ("T-7", "tech-3")


def test_request_for_another_device_or_damaged_is_refused() -> None:
    ca = make_company_ca("ОАО «Тест»", NOW)
    csr = make_csr(make_device_key(), "T-7")
    with pytest.raises(EnrolmentError, match="не от планшета T-8"):
        issue_device_certificate(ca, csr, device_id="T-8", technician_id="x", now=NOW)
    with pytest.raises(EnrolmentError, match="повреждён"):
        issue_device_certificate(ca, b"garbage", device_id="T-7", technician_id="x", now=NOW)
    tampered = csr.replace(b"A", b"B", 1)
    with pytest.raises(EnrolmentError):
        issue_device_certificate(ca, tampered, device_id="T-7", technician_id="x", now=NOW)


def test_certificate_from_another_ca_or_key_is_not_saved(tmp_path: Path) -> None:
    ca, other = make_company_ca("A", NOW), make_company_ca("B", NOW)
    key = make_device_key()
    certificate = issue_device_certificate(ca, make_csr(key, "T"), device_id="T", technician_id="t", now=NOW)
    with pytest.raises(EnrolmentError, match="не центром"):
        save_identity(tmp_path, key, certificate, pem(other.certificate))
    with pytest.raises(EnrolmentError, match="не от ключа"):
        save_identity(tmp_path, make_device_key(), certificate, pem(ca.certificate))
    assert load_identity(tmp_path) is None


def test_enrolled_identity_survives_a_restart_with_an_owner_only_key(tmp_path: Path) -> None:
    ca = make_company_ca("ОАО «Тест»", NOW)
    made = enrol_locally(tmp_path / "device", ca, device_id="T-1", technician_id="demo", now=NOW)
    loaded = load_identity(tmp_path / "device")
    assert loaded is not None and loaded.fingerprint == made.fingerprint
    if sys.platform != "win32":
        assert stat.S_IMODE((tmp_path / "device" / DEVICE_KEY_FILE).stat().st_mode) == 0o600
    (tmp_path / "device" / DEVICE_KEY_FILE).write_bytes(b"not a key")
    with pytest.raises(EnrolmentError, match="зарегистрируйте планшет заново"):
        load_identity(tmp_path / "device")


def test_a_key_file_holds_no_certificate(tmp_path: Path) -> None:
    ca = make_company_ca("ОАО «Тест»", NOW)
    enrol_locally(tmp_path, ca, device_id="T-1", technician_id="demo", now=NOW)
    assert load_certificates((tmp_path / DEVICE_KEY_FILE).read_bytes()) == []
    assert load_certificates(b"%PDF-1.7") == []
