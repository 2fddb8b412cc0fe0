"""The optional company seal: a PAdES signature (pyHanko) over the whole act, and its validation.

pyHanko is an optional dependency (``pip install fieldact[seal]``). Without it acts are made unsealed and a
sealed act cannot be checked; both say so in a sentence. The seal is added as an incremental update after
the act's own digest, so the act's bytes stay as they were made and the seal covers every byte of the file.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldact.act.content import SealRecord
from fieldact.act.hexstrings import read_whole
from fieldact.act.quiet import quiet
from fieldact.hashing import sha256_hex
from fieldact.resources import resource_path
from fieldact.standard.schema import SealSettings
from fieldact.text import say

if TYPE_CHECKING:
    from fieldact.trust import DeviceIdentity

SEAL_FIELD = "FieldactSeal"


class SealError(RuntimeError):
    """The seal cannot be made or checked; the message says why and what to do."""


def sealing_available() -> bool:
    try:
        import pyhanko.sign  # noqa: F401
    except ImportError:
        return False
    return True


def _require_pyhanko() -> None:
    if not sealing_available():
        raise SealError(
            say(
                "Печать акта недоступна: не установлен pyHanko. Установите fieldact[seal].",
                "Sealing is unavailable: pyHanko is not installed. Install fieldact[seal].",
            )
        )


# --- sealing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sealer:
    """Key material ready to seal acts: the tablet's device key, or a brand's PKCS#12 file."""

    signer: Any  # pyhanko.sign.signers.SimpleSigner
    subject: str
    device: str = ""
    certificate_sha256: str = ""

    def record(self) -> SealRecord:
        """What the act's content says about the seal it is to carry."""
        return SealRecord(device=self.device or self.subject, certificate_sha256=self.certificate_sha256)


def device_sealer(identity: DeviceIdentity) -> Sealer:
    """The sealer of an enrolled tablet: its key and its chain (device certificate, then the company CA)."""
    _require_pyhanko()
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = load_private_key_from_pemder_data(identity.key_pem, passphrase=None)
    chain = list(load_certs_from_pemder_data(identity.chain_pem))
    signer = SimpleSigner(
        signing_cert=chain[0], signing_key=key, cert_registry=SimpleCertificateStore.from_certs(chain)
    )
    return Sealer(signer, chain[0].subject.human_friendly, identity.device, identity.certificate_sha256)


def pkcs12_path(settings: SealSettings) -> Path:
    """The PKCS#12 file named by the brand: absolute, or relative to the brand folder."""
    path = Path(settings.pkcs12).expanduser()
    return path if path.is_absolute() else resource_path("brand") / path


def load_sealer(settings: SealSettings, environ: Mapping[str, str] | None = None) -> Sealer:
    """The brand's sealing key; SealError with a sentence when the file, password or pyHanko is missing."""
    _require_pyhanko()
    from pyhanko.sign.signers import SimpleSigner

    environ = os.environ if environ is None else environ
    path = pkcs12_path(settings)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SealError(
            say(
                f"Файл печати {path} не читается ({error.strerror}); проверьте путь seal.pkcs12 в файле бренда.",
                f"The seal file {path} cannot be read ({error.strerror}); check seal.pkcs12 in the brand file.",
            )
        ) from None
    password = _password(settings, environ)
    try:
        signer = SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=password)
    except (ValueError, TypeError) as error:
        raise SealError(
            say(
                f"Файл печати {path} не открывается ({error}); проверьте файл и пароль.",
                f"The seal file {path} cannot be opened ({error}); check the file and its password.",
            )
        ) from None
    certificate = signer.signing_cert
    return Sealer(signer, certificate.subject.human_friendly, "", sha256_hex(certificate.dump()))


def _password(settings: SealSettings, environ: Mapping[str, str]) -> bytes | None:
    if settings.password_env is None:
        return None
    value = environ.get(settings.password_env)
    if value is None:
        raise SealError(
            say(
                f"Пароль печати не задан: установите переменную окружения {settings.password_env}.",
                f"The seal password is not set: set the environment variable {settings.password_env}.",
            )
        )
    return value.encode("utf-8")


def seal_pdf(pdf: bytes, sealer: Sealer, *, reason: str = "", location: str = "") -> bytes:
    """``pdf`` with a PAdES (B-B) seal appended as an incremental update that covers the whole file."""
    _require_pyhanko()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=SEAL_FIELD,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason or None,
        location=location or None,
    )
    output = signers.sign_pdf(writer, meta, signer=sealer.signer)
    return bytes(output.getbuffer())


# --- checking --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SealStatus:
    field: str
    signer: str
    intact: bool
    valid: bool
    trusted: bool | None  # None: no trusted certificate was given to check the chain against
    whole_file: bool
    certificate: bytes  # the signing certificate, DER


def seal_statuses(data: bytes, trust_roots: Sequence[bytes] = ()) -> list[SealStatus]:
    """Every signature in the PDF, checked: digest intact, signature valid, coverage, and trust if roots given.

    ``trust_roots`` are certificates (PEM or DER) the seal's certificate must chain to.
    """
    _require_pyhanko()
    from pyhanko.pdf_utils.reader import PdfFileReader

    trust = _trust(tuple(trust_roots))
    checked = any(True for _ in trust.iter_certs())  # roots given that parse as certificates
    _read_hex_strings_whole()
    _prepare_names_once()
    reader = PdfFileReader(BytesIO(data), strict=False)
    statuses = []
    with quiet("pyhanko", "pyhanko_certvalidator"):
        for embedded in reader.embedded_signatures:
            statuses.append(_status(embedded, trust, checked))
    return statuses


@lru_cache(maxsize=8)
def _trust(trust_roots: tuple[bytes, ...]) -> Any:
    """The trusted certificates parsed and indexed once: the service checks every act against the same few, and
    registering a root normalizes its names (LDAP string preparation), which costs more than the check itself.
    The manager is only read while a path is built, so one serves every check."""
    from pyhanko.keys import load_certs_from_pemder_data
    from pyhanko_certvalidator.registry import SimpleTrustManager

    return SimpleTrustManager.build(
        trust_roots=[cert for pem in trust_roots for cert in load_certs_from_pemder_data(pem)]
    )


@lru_cache(maxsize=1)
def _read_hex_strings_whole() -> Any:
    """pyHanko reads a seal's /Contents one hex digit per call; ``hexstrings.read_whole`` reads it in one piece."""
    from pyhanko.pdf_utils import generic

    original = generic.read_hex_string_from_stream

    def read_hex_string(stream: Any) -> Any:
        whole = read_whole(stream)
        return original(stream) if whole is None else generic.pdf_string(whole)

    generic.read_hex_string_from_stream = read_hex_string
    return original  # pyHanko's own reader, which the tests hold the whole-string one to


@lru_cache(maxsize=1)
def _prepare_names_once() -> Any:
    """asn1crypto compares certificate names after LDAP string preparation (RFC 4518), a dozen regular
    expressions and a Unicode table walk per name part, done again for every certificate parsed: a seal's check
    compares the same few names (the company's, its CA's) a dozen times. The preparation is a function of the
    string alone, so each string is prepared once per process."""
    from asn1crypto import x509

    original = x509.NameTypeAndValue._ldap_string_prep

    @lru_cache(maxsize=4096)
    def prepared(string: str) -> str:
        return original(None, string)  # type: ignore[no-any-return]

    def ldap_string_prep(self: Any, string: str) -> str:
        return prepared(string)

    x509.NameTypeAndValue._ldap_string_prep = ldap_string_prep
    return original


_LOOP_LOCK = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None


def _run(coroutine: Any) -> Any:
    """pyHanko's synchronous API makes and closes an event loop per signature (asyncio.run), which costs more than
    a small seal's check. One loop serves the process, one check at a time."""
    global _loop
    with _LOOP_LOCK:
        if _loop is None or _loop.is_closed():
            _loop = asyncio.new_event_loop()
        return _loop.run_until_complete(coroutine)


def _status(embedded: Any, trust: Any, checked: bool) -> SealStatus:
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_manager=trust, allow_fetching=False)
    status = _run(async_validate_pdf_signature(embedded, context, skip_diff=True))
    return SealStatus(
        field=embedded.field_name,
        signer=status.signing_cert.subject.human_friendly,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted if checked else None,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        certificate=status.signing_cert.dump(),
    )


def certificates_from(data: bytes) -> int:
    """How many certificates a PEM or DER file holds; 0 for anything else (a wrong file given as --trust)."""
    if not sealing_available():
        return 1  # nothing to check with; verify itself says sealing is unavailable
    from pyhanko.keys import load_certs_from_pemder_data

    try:
        return len(list(load_certs_from_pemder_data(data)))
    except Exception:  # noqa: BLE001 - the parser raises several kinds for a file that is not a certificate
        return 0
