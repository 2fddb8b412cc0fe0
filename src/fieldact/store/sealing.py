"""The tablet's seal at signing, the company CA the brand names, and the revoked device certificates.

A tablet is enrolled once: its key and certificate are files in the data folder, beside the database file (for
a database given as a URL, the app's data folder). A brand that ships a demo CA key enrols a tablet on its
first signing, so a fresh demo install seals its acts; a real brand's tablets are enrolled by the company,
whose CA key never comes to a tablet. A tablet that is not enrolled signs unsealed acts, which ``verify``
fails past the content level.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session, select

from fieldact.act.levels import Level, Revoked
from fieldact.act.seal import Sealer, SealError, device_sealer, load_sealer, sealing_available
from fieldact.hashing import is_sha256_hex, sha256_hex
from fieldact.resources import resource_path
from fieldact.standard.schema import Brand
from fieldact.store import audit, tables
from fieldact.store.db import Database, data_dir, write_failed_sentence
from fieldact.text import InputError, say

if TYPE_CHECKING:
    from fieldact.trust import DeviceIdentity

_SEALERS: dict[tuple[Path, float], Sealer] = {}
_LOCK = threading.Lock()


def device_folder(database: Database) -> Path:
    path = database.path
    return path.parent if path is not None else data_dir()


def brand_file(brand_relative: str) -> Path:
    path = Path(brand_relative).expanduser()
    return path if path.is_absolute() else resource_path("brand") / path


def company_ca_certificate(brand: Brand) -> bytes | None:
    """The CA certificate (PEM) the brand trusts for seals; None when the brand names none."""
    return brand_file(brand.trust.ca_certificate).read_bytes() if brand.trust is not None else None


def store_sealer(database: Database, brand: Brand) -> Sealer | None:
    """The sealer for acts signed on this tablet: the brand's PKCS#12 seal when it names one, else the tablet's
    device key, enrolled now with the demo CA when the brand ships one; None when the tablet cannot seal."""
    if brand.seal is not None:
        return load_sealer(brand.seal)
    if brand.trust is None or not sealing_available():
        return None
    from fieldact.trust import EnrolmentError

    folder = device_folder(database)
    try:
        return _device_sealer(folder, brand)
    except InputError:
        raise
    except (EnrolmentError, SealError, OSError, ValueError) as error:
        # The subscriber is not kept waiting for a damaged key file: the act is signed unsealed, which verify
        # and the office report, and the log says why.
        logging.getLogger(__name__).error("the act is signed unsealed: %s", error)
        return None


def _device_sealer(folder: Path, brand: Brand) -> Sealer | None:
    from fieldact.trust import load_device

    with _LOCK:
        identity = load_device(folder)
        if identity is None:
            try:
                identity = enrol_demo(folder, brand)
            except OSError as error:
                # Enrolling is writing the tablet's key: on a full disk the act could not be stored either, so the
                # signing waits for space (a sentence, the visit untouched) rather than making an unsealed act.
                raise InputError(write_failed_sentence(folder, error)) from error
        if identity is None:
            return None
        key = (folder, (folder / "device-seal-chain.pem").stat().st_mtime)
        if key not in _SEALERS:
            _SEALERS[key] = device_sealer(identity)
        return _SEALERS[key]


def enrol_demo(folder: Path, brand: Brand, technician: str = "") -> DeviceIdentity | None:
    """Enrol this tablet with the brand's demo CA, when the brand ships its key (demo brands only)."""
    if brand.trust is None or brand.trust.demo_ca_key is None:
        return None
    from fieldact.trust import enrol, load_ca

    ca = load_ca(brand_file(brand.trust.ca_certificate).read_bytes(), brand_file(brand.trust.demo_ca_key).read_bytes())
    return enrol(folder, ca, technician)


# --- revocation --------------------------------------------------------------------------------------------


def revoked_list(database: Database) -> list[Revoked]:
    with Session(database.engine) as session:
        rows = session.exec(select(tables.RevokedDevice)).all()
    return [Revoked(row.certificate_sha256, _utc(row.revoked_at), row.device) for row in rows]


def _utc(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def revoke_device(
    database: Database, certificate_sha256: str, device: str, reason: str, actor: str, at: datetime
) -> bool:
    """Add a device certificate to the revocation list, audited; False when it was already there."""
    fingerprint = certificate_sha256.strip().lower().replace(":", "")
    if not is_sha256_hex(fingerprint):
        raise InputError(
            say(
                "Укажите SHA-256 сертификата планшета: 64 шестнадцатеричные цифры.",
                "Give the device certificate's SHA-256: 64 hexadecimal digits.",
            )
        )
    with Session(database.engine) as session:
        if session.get(tables.RevokedDevice, fingerprint) is not None:
            return False
        session.add(
            tables.RevokedDevice(
                certificate_sha256=fingerprint, device=device, revoked_at=at, reason=reason, revoked_by=actor
            )
        )
        audit.record(session, actor, "device_revoked", certificate=fingerprint, device=device, reason=reason)
        session.commit()
    return True


# --- what the office and doctor hold an act to -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SealPolicy:
    """The level every stored act must pass, the company CA and the revoked certificates; picklable, so the
    full checks can run in worker processes."""

    level: Level = Level.CONTENT
    trust: tuple[bytes, ...] = ()
    revoked: tuple[Revoked, ...] = ()

    @property
    def digest(self) -> str:
        """Changes when the CA or the revocation list does: a remembered check is only good for the same."""
        parts = [str(int(self.level)), *(sha256_hex(root) for root in self.trust)]
        parts += sorted(f"{item.certificate_sha256}@{item.revoked_at.isoformat()}" for item in self.revoked)
        return sha256_hex("\n".join(parts).encode("utf-8"))[:16]


def seal_policy(database: Database, brand: Brand) -> SealPolicy:
    """Acts must carry a seal of the brand's company CA, not revoked; the content level when the brand has no CA."""
    ca = company_ca_certificate(brand)
    revoked = tuple(revoked_list(database))
    if ca is None:
        return SealPolicy(Level.CONTENT, (), revoked)
    return SealPolicy(Level.TRUSTED, (ca,), revoked)
