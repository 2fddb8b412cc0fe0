"""A real ``fieldact serve`` (uvicorn with TLS) in a subprocess, on a throw-away central PostgreSQL."""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from fieldact.service.ca import make_company_ca


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def make_tls(folder: Path) -> tuple[Path, Path, Path]:
    """A throw-away TLS CA and a server certificate for 127.0.0.1 and localhost: (ca, cert, key) files."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("test TLS CA"))
        .issuer_name(_name("test TLS CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    files = folder / "tls-ca.pem", folder / "server.pem", folder / "server.key"
    files[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    files[2].write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return files


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RunningService:
    url: str
    tls_ca: str
    company_ca: Path
    process: subprocess.Popen[bytes]
    log: Path

    def access_log(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_service(
    folder: Path,
    database_url: str,
    workers: int = 1,
    rate: float = 600.0,
    pool: int = 10,
    startup_s: float = 90,
    extra: tuple[str, ...] = (),
) -> Iterator[RunningService]:
    tls_ca, certificate, key = make_tls(folder / "tls")
    company_ca, company_key = make_company_ca(folder / "ca")
    port = free_port()
    log = folder / "service.log"
    command = [
        sys.executable, "-m", "fieldact", "serve", "--url", database_url, "--host", "127.0.0.1", "--port", str(port),
        "--ssl-certfile", str(certificate), "--ssl-keyfile", str(key), "--ca-cert", str(company_ca),
        "--ca-key", str(company_key), "--workers", str(workers), "--rate", str(rate), "--pool", str(pool), *extra,
    ]  # fmt: skip
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=os.environ.copy())
    url = f"https://127.0.0.1:{port}"
    context = ssl.create_default_context(cafile=str(tls_ca))
    deadline = time.monotonic() + startup_s
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/ready", context=context, timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the service did not start:\n" + log.read_text(errors="replace"))
            time.sleep(0.2)
        yield RunningService(url, str(tls_ca), company_ca, process, log)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
