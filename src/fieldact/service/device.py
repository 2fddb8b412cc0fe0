"""A tablet's device identity: its key pair, its certificate request, and the signature on every request.

Why signed requests rather than mutual TLS: a signature made by the device key over the method, path, time and
body hash works through any TLS terminator or load balancer without configuring it to ask for and forward
client certificates, and the same check runs in uvicorn's own TLS in the tests. The key is the one the company CA
certified at enrolment; the service checks each signature against the enrolled public key and refuses a revoked
device at once (the device row is read on every request). A signature is valid for ``SKEW_S`` seconds either
side of the server's clock; a tablet whose clock is off learns the server's time from the refusal and retries.
"""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from fieldact.hashing import sha256_hex

SKEW_S = 300
HEADER_DEVICE = "x-fieldact-device"
HEADER_TIME = "x-fieldact-time"
HEADER_SIGNATURE = "x-fieldact-signature"


def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    encoding, pkcs8 = serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8
    return key.private_bytes(encoding, pkcs8, serialization.NoEncryption())


def load_key(pem: bytes) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("a device key is an EC P-256 key")
    return key


def public_pem(key: ec.EllipticCurvePrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def certificate_request(key: ec.EllipticCurvePrivateKey, label: str) -> str:
    """A CSR for this key (the CA decides the certificate's names; ``label`` is only a hint for people)."""
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, label[:64] or "fieldact tablet")]))
        .sign(key, hashes.SHA256())
    )
    return csr.public_bytes(serialization.Encoding.PEM).decode("ascii")


def signed_text(method: str, target: str, moment: int, body: bytes) -> bytes:
    return f"fieldact-v1\n{method.upper()}\n{target}\n{moment}\n{sha256_hex(body)}".encode()


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """What a tablet signs with: its device id (given at enrolment) and its private key."""

    device_id: str
    key: ec.EllipticCurvePrivateKey

    def headers(self, method: str, target: str, body: bytes, clock_offset_s: float = 0.0) -> dict[str, str]:
        moment = int(time.time() + clock_offset_s)
        signature = self.key.sign(signed_text(method, target, moment, body), ec.ECDSA(hashes.SHA256()))
        return {
            HEADER_DEVICE: self.device_id,
            HEADER_TIME: str(moment),
            HEADER_SIGNATURE: base64.b64encode(signature).decode("ascii"),
        }


class BadSignature(Exception):
    """The request's signature does not hold (wrong key, changed body, or outside the time window)."""


def check_signature(
    public_key_pem: str, method: str, target: str, moment: str, signature: str, body: bytes, now: float | None = None
) -> None:
    try:
        when = int(moment)
        raw = base64.b64decode(signature, validate=True)
    except ValueError:
        raise BadSignature("malformed signature headers") from None
    if abs((now if now is not None else time.time()) - when) > SKEW_S:
        raise BadSignature("clock")
    public_key = serialization.load_pem_public_key(public_key_pem.encode("ascii"))
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise BadSignature("not an EC key")
    try:
        public_key.verify(raw, signed_text(method, target, when, body), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise BadSignature("signature") from None
