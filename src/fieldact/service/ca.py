"""Who signs device certificates: a small interface, and the company CA kept as two PEM files.

The service only needs ``DeviceIssuer``; any CA (a file pair here, an HSM or the company's PKI later) that can
turn a certificate request into a device certificate fits.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEVICE_YEARS = 3


class DeviceIssuer(Protocol):
    def issue(self, csr_pem: str, device_id: str, technician_id: str) -> str:
        """The device certificate (PEM) for the request's key; raises ValueError for a bad request."""
        ...

    def ca_certificate(self) -> str:
        """The CA's own certificate (PEM), which the tablet keeps to check acts' seals."""
        ...


class FileCA:
    """The company CA from its certificate and key files (PEM; the key unencrypted, readable by the service)."""

    def __init__(self, certificate_file: Path, key_file: Path) -> None:
        self._certificate = x509.load_pem_x509_certificate(certificate_file.read_bytes())
        key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError("the CA key must be an EC key")
        self._key = key

    def ca_certificate(self) -> str:
        return self._certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def issue(self, csr_pem: str, device_id: str, technician_id: str) -> str:
        try:
            csr = x509.load_pem_x509_csr(csr_pem.encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            raise ValueError("not a certificate request") from None
        if not csr.is_signature_valid:
            raise ValueError("the certificate request's signature does not hold")
        public_key = csr.public_key()
        if not isinstance(public_key, ec.EllipticCurvePublicKey):
            raise ValueError("a device key must be an EC key")
        now = datetime.now(UTC)
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, f"fieldact device {device_id}"),
                x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"technician {technician_id}"[:64]),
            ]
        )
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(self._certificate.subject)
            .public_key(public_key)
            .serial_number(uuid.UUID(device_id).int >> 1)
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=365 * DEVICE_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
            .sign(self._key, hashes.SHA256())
        )
        return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def make_company_ca(folder: Path, name: str = "fieldact company CA") -> tuple[Path, Path]:
    """A new self-signed company CA (cert and key files in ``folder``): for a first set-up and for tests."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    certificate_file, key_file = folder / "company-ca.pem", folder / "company-ca.key"
    certificate_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.touch(mode=0o600)
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return certificate_file, key_file
