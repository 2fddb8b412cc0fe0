"""The company CA and the certificates it issues to tablets (X.509, P-256 keys, with ``cryptography``).

A tablet makes its own key pair and a certificate request (``make_device_key``, ``make_csr``); whoever holds
the CA key checks the request and issues the device certificate (``issue_device_certificate``), naming the
device and, when known, the technician it was enrolled for. The request travels; the tablet's key does not.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from fieldact.text import say

DEVICE_YEARS = 3
CA_YEARS = 10
_DAY = timedelta(days=1)


class EnrolmentError(ValueError):
    """A certificate, request or key cannot be used; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class CompanyCA:
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def key_pem(self, password: bytes | None = None) -> bytes:
        encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
        return self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


@dataclass(frozen=True, slots=True)
class DeviceCertificate:
    """What a device certificate says, in the words ``verify`` prints."""

    device: str
    technician: str
    serial: str
    issuer: str
    sha256: str


def make_company_ca(name: str, organisation: str, *, years: int = CA_YEARS) -> CompanyCA:
    """A new self-signed company CA. Real companies make it once, on a machine kept offline."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _DAY)
        .not_valid_after(now + years * 365 * _DAY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return CompanyCA(certificate, key)


def load_ca(certificate_pem: bytes, key_pem: bytes, password: bytes | None = None) -> CompanyCA:
    try:
        certificate = x509.load_pem_x509_certificate(certificate_pem)
        key = serialization.load_pem_private_key(key_pem, password)
    except (ValueError, TypeError) as error:
        raise EnrolmentError(
            say(
                f"Ключ или сертификат центра не читается ({error}).",
                f"The CA key or certificate cannot be read ({error}).",
            )
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != certificate.public_key():
        raise EnrolmentError(
            say("Ключ центра не подходит к его сертификату.", "The CA key does not belong to its certificate.")
        )
    return CompanyCA(certificate, key)


def make_device_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def make_csr(key: ec.EllipticCurvePrivateKey, device: str) -> bytes:
    """The tablet's certificate request (PEM), naming the device and signed with its own key."""
    subject = x509.Name(
        [x509.NameAttribute(NameOID.SERIAL_NUMBER, device), x509.NameAttribute(NameOID.COMMON_NAME, device)]
    )
    request = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return request.public_bytes(serialization.Encoding.PEM)


def issue_device_certificate(
    ca: CompanyCA, csr_pem: bytes, device: str, technician: str = "", *, years: int = DEVICE_YEARS
) -> bytes:
    """The device certificate (PEM) for a request whose signature holds and whose device is ``device``."""
    try:
        request = x509.load_pem_x509_csr(csr_pem)
    except ValueError:
        raise EnrolmentError(
            say("Запрос сертификата не читается.", "The certificate request cannot be read.")
        ) from None
    if not request.is_signature_valid:
        raise EnrolmentError(
            say("Подпись запроса сертификата не сходится.", "The certificate request's signature does not hold.")
        )
    named = [attribute.value for attribute in request.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)]
    if named != [device]:
        raise EnrolmentError(
            say(
                f"Запрос сертификата сделан не для планшета «{device}».",
                f"The certificate request is not for the device '{device}'.",
            )
        )
    organisation = ca.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    attributes = [x509.NameAttribute(NameOID.SERIAL_NUMBER, device), x509.NameAttribute(NameOID.COMMON_NAME, device)]
    if technician:
        attributes.append(x509.NameAttribute(NameOID.PSEUDONYM, technician))
    attributes.extend(organisation)
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(ca.certificate.subject)
        .public_key(request.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _DAY)
        .not_valid_after(min(now + years * 365 * _DAY, ca.certificate.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(ca=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.certificate.public_key()), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


def _key_usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def load_chain(data: bytes) -> list[x509.Certificate]:
    """Every certificate of a PEM file (or one DER certificate); an empty list for anything else."""
    try:
        if b"-----BEGIN" in data:
            return list(x509.load_pem_x509_certificates(data))
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        return []


def certificate_sha256(certificate: x509.Certificate | bytes) -> str:
    """The SHA-256 of a certificate's DER bytes: what the act and the revocation list name it by."""
    der = certificate if isinstance(certificate, bytes) else certificate.public_bytes(serialization.Encoding.DER)
    return hashlib.sha256(der).hexdigest()


def describe_device(der: bytes) -> DeviceCertificate:
    """Device, technician, serial and issuer of a device certificate given as DER."""
    certificate = x509.load_der_x509_certificate(der)

    def first(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
        found = name.get_attributes_for_oid(oid)
        return str(found[0].value) if found else ""

    subject = certificate.subject
    return DeviceCertificate(
        device=first(subject, NameOID.SERIAL_NUMBER) or first(subject, NameOID.COMMON_NAME),
        technician=first(subject, NameOID.PSEUDONYM),
        serial=format(certificate.serial_number, "x"),
        issuer=first(certificate.issuer, NameOID.COMMON_NAME) or certificate.issuer.rfc4514_string(),
        sha256=certificate_sha256(der),
    )
