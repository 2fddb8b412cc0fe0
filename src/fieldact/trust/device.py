"""The tablet's own sealing key and certificate chain, kept as files in the data folder, beside the database.

The key file is readable by its owner only (0600 where the system has such modes). It is not inside the
database file, so a copy of the database (a backup, a support request) carries no key.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from fieldact.text import say
from fieldact.trust.ca import (
    CompanyCA,
    EnrolmentError,
    certificate_sha256,
    describe_device,
    issue_device_certificate,
    load_chain,
    make_csr,
    make_device_key,
)

KEY_FILE = "device-seal-key.pem"
CHAIN_FILE = "device-seal-chain.pem"


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """The device key (PEM, unencrypted) and its chain: the device certificate first, then the CA."""

    device: str
    key_pem: bytes
    chain_pem: bytes

    @property
    def certificate_sha256(self) -> str:
        return certificate_sha256(load_chain(self.chain_pem)[0])


def device_folder_files(folder: Path) -> tuple[Path, Path]:
    return folder / KEY_FILE, folder / CHAIN_FILE


def load_device(folder: Path) -> DeviceIdentity | None:
    """The enrolled identity of this tablet, or None when it was never enrolled."""
    key_path, chain_path = device_folder_files(folder)
    if not key_path.is_file() or not chain_path.is_file():
        return None
    try:
        key_pem, chain_pem = key_path.read_bytes(), chain_path.read_bytes()
    except OSError as error:
        raise EnrolmentError(
            say(
                f"Ключ печати планшета не читается ({error.strerror}): {key_path}.",
                f"The tablet's sealing key cannot be read ({error.strerror}): {key_path}.",
            )
        ) from None
    chain = load_chain(chain_pem)
    if not chain:
        raise EnrolmentError(
            say(
                f"Сертификат печати планшета повреждён: {chain_path}. Зарегистрируйте планшет заново.",
                f"The tablet's sealing certificate is damaged: {chain_path}. Enrol the tablet again.",
            )
        )
    device = describe_device(chain[0].public_bytes(serialization.Encoding.DER)).device
    return DeviceIdentity(device, key_pem, chain_pem)


def new_device_id() -> str:
    return f"tablet-{uuid.uuid4().hex[:12]}"


def enrol(folder: Path, ca: CompanyCA, technician: str = "", device: str | None = None) -> DeviceIdentity:
    """Enrol this tablet with a CA at hand (the demo CA): key, request, certificate, files. A service that
    holds the CA elsewhere runs the same steps with the request sent to it."""
    device = device or new_device_id()
    key = make_device_key()
    certificate = issue_device_certificate(ca, make_csr(key, device), device, technician)
    identity = DeviceIdentity(device, _key_pem(key), certificate + ca.certificate_pem)
    save_device(folder, identity)
    return identity


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def save_device(folder: Path, identity: DeviceIdentity) -> None:
    """Both files written whole (temporary file, then rename); the key created with owner-only access."""
    folder.mkdir(parents=True, exist_ok=True)
    key_path, chain_path = device_folder_files(folder)
    _write_private(key_path, identity.key_pem)
    temporary = chain_path.with_name(chain_path.name + ".tmp")
    temporary.write_bytes(identity.chain_pem)
    os.replace(temporary, chain_path)


def _write_private(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)
