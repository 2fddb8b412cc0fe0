"""The company CA and tablet enrolment: device keys, certificate requests, device certificates, the chain.

Every tablet seals its acts with its own key. The tablet makes the key pair itself (``make_device_key``) and
asks for a certificate with a request (``make_csr``); the company CA answers with a device certificate
(``issue_device_certificate``) naming the device and the technician it was enrolled for. The CA key stays
with the company (offline, or on the enrolment server); a tablet only ever holds its own key, its certificate
and the CA certificate. The same functions serve a local enrolment (the demo CA shipped with the demo brand)
and an enrolment over the network, where only the request and the certificate travel.

On the tablet the identity is three PEM files in a folder of the data folder (``DeviceIdentity``); the key
file is readable by its owner only.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from fieldact.text import say

DEVICE_KEY_FILE = "device-key.pem"
DEVICE_CERT_FILE = "device-cert.pem"
CA_CERT_FILE = "company-ca.pem"
DEVICE_YEARS = 3
CA_YEARS = 20

PrivateKey = ec.EllipticCurvePrivateKey


class EnrolmentError(ValueError):
    """A request, certificate or key cannot be used; the message is a sentence saying what to do."""


@dataclass(frozen=True, slots=True)
class CompanyCA:
    """The CA that issues device certificates: its certificate and, where it is kept, its key."""

    certificate: x509.Certificate
    key: PrivateKey


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """What a tablet seals with: its key, its certificate and the CA certificate above it."""

    key: PrivateKey
    certificate: x509.Certificate
    ca_certificate: x509.Certificate

    @property
    def device_id(self) -> str:
        return subject_value(self.certificate, NameOID.SERIAL_NUMBER)

    @property
    def technician_id(self) -> str:
        return subject_value(self.certificate, NameOID.USER_ID)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)


# --- keys and requests (the tablet) ------------------------------------------------------------------------


def make_device_key() -> PrivateKey:
    """A new P-256 key pair; made on the tablet, and its private half never leaves it."""
    return ec.generate_private_key(ec.SECP256R1())


def make_csr(key: PrivateKey, device_id: str) -> bytes:
    """The PEM certificate request for ``key``, naming the device; the CA decides the rest of the subject."""
    name = x509.Name([x509.NameAttribute(NameOID.SERIAL_NUMBER, device_id)])
    request = x509.CertificateSigningRequestBuilder().subject_name(name).sign(key, hashes.SHA256())
    return request.public_bytes(serialization.Encoding.PEM)


# --- the CA ------------------------------------------------------------------------------------------------


def make_company_ca(company: str, now: datetime, *, years: int = CA_YEARS) -> CompanyCA:
    """A new self-signed company CA (P-256). Keep its key offline; it signs device certificates only."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [x509.NameAttribute(NameOID.ORGANIZATION_NAME, company), x509.NameAttribute(NameOID.COMMON_NAME, company)]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return CompanyCA(certificate, key)


def issue_device_certificate(
    ca: CompanyCA, csr_pem: bytes, *, device_id: str, technician_id: str, now: datetime, years: int = DEVICE_YEARS
) -> bytes:
    """The PEM device certificate for the request ``csr_pem``, naming ``device_id`` and ``technician_id``.

    The request must be signed by its own key and name the same device: a request is proof of the key only;
    who the device is comes from the enrolment (the one-time code), not from the request.
    """
    try:
        request = x509.load_pem_x509_csr(csr_pem)
    except ValueError:
        raise EnrolmentError(
            say("Запрос сертификата повреждён или не в формате PEM.", "The certificate request is damaged or not PEM.")
        ) from None
    if not request.is_signature_valid:
        raise EnrolmentError(
            say("Подпись запроса сертификата не сходится.", "The certificate request's signature does not verify.")
        )
    requested = request.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    if not requested or requested[0].value != device_id:
        raise EnrolmentError(
            say(
                f"Запрос сертификата не от планшета {device_id}.",
                f"The certificate request is not from device {device_id}.",
            )
        )
    public_key = request.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise EnrolmentError(say("Ключ планшета должен быть ключом EC P-256.", "The device key must be EC P-256."))
    company = subject_value(ca.certificate, NameOID.ORGANIZATION_NAME)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, company),
            x509.NameAttribute(NameOID.COMMON_NAME, f"Планшет {device_id}"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, device_id),
            x509.NameAttribute(NameOID.USER_ID, technician_id),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.certificate.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(min(now + timedelta(days=365 * years), ca.certificate.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=not cert_sign,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def load_ca(certificate_pem: bytes, key_pem: bytes, password: bytes | None = None) -> CompanyCA:
    """The CA from its PEM certificate and key; EnrolmentError when they do not belong together."""
    certificate = load_certificate(certificate_pem)
    try:
        key = serialization.load_pem_private_key(key_pem, password)
    except (ValueError, TypeError):
        raise EnrolmentError(say("Ключ центра сертификации не открывается.", "The CA key cannot be opened.")) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != certificate.public_key():
        raise EnrolmentError(
            say("Ключ центра сертификации не от его сертификата.", "The CA key does not match its certificate.")
        )
    return CompanyCA(certificate, key)


# --- certificates ------------------------------------------------------------------------------------------


def load_certificate(pem_or_der: bytes) -> x509.Certificate:
    certificates = load_certificates(pem_or_der)
    if not certificates:
        raise EnrolmentError(say("В файле нет сертификата.", "The file holds no certificate."))
    return certificates[0]


def load_certificates(pem_or_der: bytes) -> list[x509.Certificate]:
    """Every certificate a PEM or DER file holds; none for a file that is not one (a key, a PDF, ...)."""
    if b"-----BEGIN CERTIFICATE-----" in pem_or_der:
        try:
            return list(x509.load_pem_x509_certificates(pem_or_der))
        except ValueError:
            return []
    try:
        return [x509.load_der_x509_certificate(pem_or_der)]
    except ValueError:
        return []


def issued_by(certificate: x509.Certificate, ca_certificate: x509.Certificate) -> bool:
    """Whether ``ca_certificate``'s key signed ``certificate``."""
    try:
        certificate.verify_directly_issued_by(ca_certificate)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER bytes, hex: the name a revocation list and the act content use."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def subject_value(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


# --- the tablet's identity on disk -----------------------------------------------------------------------


def save_identity(folder: Path, key: PrivateKey, certificate_pem: bytes, ca_certificate_pem: bytes) -> DeviceIdentity:
    """Write the tablet's key (owner-only), certificate and CA certificate; the certificate must fit both."""
    certificate = load_certificate(certificate_pem)
    ca_certificate = load_certificate(ca_certificate_pem)
    if certificate.public_key() != key.public_key():
        raise EnrolmentError(
            say("Выданный сертификат не от ключа этого планшета.", "The issued certificate is not for this key.")
        )
    if not issued_by(certificate, ca_certificate):
        raise EnrolmentError(
            say(
                "Выданный сертификат подписан не центром сертификации компании.",
                "The issued certificate is not signed by the company CA.",
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write(folder / DEVICE_KEY_FILE, key_pem, private=True)
    _write(folder / CA_CERT_FILE, pem(ca_certificate))
    _write(folder / DEVICE_CERT_FILE, pem(certificate))  # last: its presence means the identity is complete
    return DeviceIdentity(key, certificate, ca_certificate)


def _write(path: Path, data: bytes, *, private: bool = False) -> None:
    partial = path.with_name(path.name + ".part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    descriptor = os.open(partial, flags, 0o600 if private else 0o644)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, path)


def load_identity(folder: Path) -> DeviceIdentity | None:
    """The tablet's identity from ``folder``; None when it was never enrolled; EnrolmentError when damaged."""
    if not (folder / DEVICE_CERT_FILE).exists():
        return None
    try:
        key = serialization.load_pem_private_key((folder / DEVICE_KEY_FILE).read_bytes(), None)
        certificate = load_certificate((folder / DEVICE_CERT_FILE).read_bytes())
        ca_certificate = load_certificate((folder / CA_CERT_FILE).read_bytes())
    except (OSError, ValueError, TypeError) as error:
        raise EnrolmentError(
            say(
                f"Ключ печати планшета в {folder} не читается ({error}); зарегистрируйте планшет заново.",
                f"The tablet's sealing key in {folder} cannot be read ({error}); enrol the tablet again.",
            )
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or certificate.public_key() != key.public_key():
        raise EnrolmentError(
            say(
                f"Ключ печати планшета в {folder} не от его сертификата; зарегистрируйте планшет заново.",
                f"The tablet's sealing key in {folder} does not match its certificate; enrol the tablet again.",
            )
        )
    return DeviceIdentity(key, certificate, ca_certificate)


def enrol_locally(folder: Path, ca: CompanyCA, *, device_id: str, technician_id: str, now: datetime) -> DeviceIdentity:
    """Enrol this tablet with a CA at hand (the demo CA): the same steps as over the network, in one place."""
    key = make_device_key()
    certificate = issue_device_certificate(
        ca, make_csr(key, device_id), device_id=device_id, technician_id=technician_id, now=now
    )
    return save_identity(folder, key, certificate, pem(ca.certificate))
