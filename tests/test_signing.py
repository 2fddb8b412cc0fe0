"""The signing step of the Windows build, run on Linux with osslsigncode and a throw-away certificate: every PE
file of a bundle gets an Authenticode signature that verifies against that certificate, and a file changed after
signing no longer verifies."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))

from signing import SigningError, pe_files, sign_tree, signer_from_environment  # noqa: E402

OSSLSIGNCODE = shutil.which("osslsigncode")
pytestmark = pytest.mark.skipif(OSSLSIGNCODE is None, reason="osslsigncode is not installed (apt install osslsigncode)")
PASSWORD = "throw-away"


def a_windows_exe() -> Path:
    """A real PE file to sign: pip's launcher stub."""
    import pip._vendor.distlib as distlib

    return Path(distlib.__file__).parent / "w64.exe"


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fieldact test signing")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    pfx = tmp_path / "signing.pfx"
    pfx.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"fieldact", key, cert, None, serialization.BestAvailableEncryption(PASSWORD.encode())
        )
    )
    pem = tmp_path / "signing.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return pfx, pem


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "fieldact"
    (folder / "_internal" / "PySide6").mkdir(parents=True)
    for name in ("fieldact.exe", "fieldact-cli.exe", "_internal/python311.dll", "_internal/PySide6/QtCore.pyd"):
        shutil.copyfile(a_windows_exe(), folder / name)
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    return folder


def verify(file: Path, pem: Path) -> subprocess.CompletedProcess[str]:
    assert OSSLSIGNCODE is not None
    return subprocess.run(
        [OSSLSIGNCODE, "verify", "-CAfile", str(pem), "-in", str(file)],
        capture_output=True,
        text=True,
        errors="replace",
    )


def test_every_pe_file_of_the_bundle_is_signed(bundle: Path, certificate: tuple[Path, Path]) -> None:
    pfx, pem = certificate
    unsigned = verify(bundle / "fieldact.exe", pem)
    assert unsigned.returncode != 0, "the stub starts unsigned"
    environ = {"FIELDACT_SIGN_PFX": str(pfx), "FIELDACT_SIGN_PASSWORD": PASSWORD, "FIELDACT_SIGN_TIMESTAMP": ""}
    signer = signer_from_environment(environ)
    assert signer is not None and signer.tool == "osslsigncode"
    signed = sign_tree(signer, bundle)
    assert [path.relative_to(bundle).as_posix() for path in signed] == [
        "_internal/PySide6/QtCore.pyd",
        "_internal/python311.dll",
        "fieldact-cli.exe",
        "fieldact.exe",
    ]
    for file in signed:
        result = verify(file, pem)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "fieldact test signing" in result.stdout
    assert not list(bundle.rglob("*.signed")), "no temporary file is left in the bundle"

    tampered = bundle / "fieldact.exe"
    data = bytearray(tampered.read_bytes())
    data[len(data) // 3] ^= 0xFF
    tampered.write_bytes(bytes(data))
    assert verify(tampered, pem).returncode != 0, "a file changed after signing must not verify"


def test_a_wrong_password_stops_the_build_with_a_sentence(bundle: Path, certificate: tuple[Path, Path]) -> None:
    pfx, _ = certificate
    environ = {"FIELDACT_SIGN_PFX": str(pfx), "FIELDACT_SIGN_PASSWORD": "wrong", "FIELDACT_SIGN_TIMESTAMP": ""}
    signer = signer_from_environment(environ)
    assert signer is not None
    with pytest.raises(SigningError, match="signing .*fieldact-cli.exe|signing .*QtCore.pyd"):
        sign_tree(signer, bundle)


def test_no_certificate_means_no_signing_and_a_missing_one_is_named(tmp_path: Path) -> None:
    assert signer_from_environment({}) is None
    with pytest.raises(SigningError, match="not a file"):
        signer_from_environment({"FIELDACT_SIGN_PFX": str(tmp_path / "missing.pfx")})


def test_inno_setup_signs_the_setup_with_the_same_command(certificate: tuple[Path, Path], bundle: Path) -> None:
    pfx, _ = certificate
    signer = signer_from_environment({"FIELDACT_SIGN_PFX": str(pfx), "FIELDACT_SIGN_PASSWORD": PASSWORD})
    assert signer is not None
    tool = signer.inno_sign_tool()
    assert tool.endswith(" $f") and str(pfx) in tool and "-ts http://timestamp.digicert.com" in tool
    assert len(pe_files(bundle)) == 4
    iss = (ROOT / "installer" / "fieldact.iss").read_text(encoding="utf-8")
    assert "#ifdef SignWith\nSignTool={#SignWith}\nSignedUninstaller=yes\n#endif" in iss
