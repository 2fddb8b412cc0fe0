"""Where a tablet keeps its device key: the operating system's store where there is one (Windows Credential
Manager, DPAPI-protected, through ``keyring``), else a file readable only by its owner beside the database —
never inside the database file, which backups and exports copy."""

from __future__ import annotations

import os
from pathlib import Path

SERVICE_NAME = "fieldact-device"


def _keyring() -> object | None:
    try:
        import keyring
        from keyring.backends.fail import Keyring as FailKeyring
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if (
        isinstance(backend, FailKeyring)
        or type(backend).__name__ in {"ChainerBackend", "NullKeyring"}
        and not getattr(backend, "backends", None)
    ):
        return None
    return keyring


def key_file(database_path: Path) -> Path:
    return database_path.with_name(database_path.stem + "-device-key.pem")


def save_key(database_path: Path, device_id: str, pem: bytes) -> str:
    """Keep the key; returns where (for the log and the README's support notes)."""
    store = _keyring()
    if store is not None:
        store.set_password(SERVICE_NAME, str(database_path), pem.decode("ascii"))  # type: ignore[attr-defined]
        return "keyring"
    path = key_file(database_path)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return str(path)


def load_key(database_path: Path) -> bytes | None:
    store = _keyring()
    if store is not None:
        found = store.get_password(SERVICE_NAME, str(database_path))  # type: ignore[attr-defined]
        if found:
            return str(found).encode("ascii")
    path = key_file(database_path)
    return path.read_bytes() if path.is_file() else None
