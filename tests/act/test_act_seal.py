"""The optional PAdES seal: made with a throw-away certificate, validated intact, valid and over the whole file."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("pyhanko")

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.hazmat.primitives.serialization import pkcs12  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402

from fieldact.act import (  # noqa: E402
    Level,
    SealError,
    inspect_act,
    load_sealer,
    make_act,
    seal_pdf,
    seal_statuses,
    sealer_for,
    sealing_available,
    verify_pdf,
)
from fieldact.standard.schema import SealSettings  # noqa: E402

PASSWORD_ENV = "FIELDACT_TEST_SEAL_PASSWORD"
PASSWORD = "печать-2026"


def throwaway_certificate(common_name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ЗАО «ЭР-Телеком Холдинг»"),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def seal_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    key, certificate = throwaway_certificate("Печать актов Дом.ru (тест)")
    folder = tmp_path_factory.mktemp("seal")
    archive = folder / "seal.p12"
    archive.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"seal", key, certificate, None, serialization.BestAvailableEncryption(PASSWORD.encode("utf-8"))
        )
    )
    return archive, pem(certificate)


@pytest.fixture(scope="module")
def settings(seal_files: tuple[Path, bytes]) -> SealSettings:
    return SealSettings(pkcs12=str(seal_files[0]), password_env=PASSWORD_ENV)


@pytest.fixture(scope="module")
def sealed(content, signature, settings: SealSettings) -> bytes:
    return make_act(content, signature, sealer=load_sealer(settings, {PASSWORD_ENV: PASSWORD})).pdf


def test_the_seal_is_intact_valid_trusted_and_covers_the_whole_file(sealed: bytes, seal_files) -> None:
    [status] = seal_statuses(sealed, [seal_files[1]])
    assert status.field == "FieldactSeal"
    assert "Печать актов Дом.ru (тест)" in status.signer
    assert status.intact and status.valid and status.trusted is True and status.whole_file


def test_a_sealed_act_verifies_and_says_who_sealed_it(sealed: bytes, seal_files) -> None:
    made = len(sealed) - len(sealed.rpartition(b"%%EOF")[0].rpartition(b"%%EOF")[0])
    assert made > 0 and seal_pdf is not None
    result = inspect_act(sealed, [seal_files[1]], level=Level.TRUSTED)
    assert result.ok, result.problems
    assert result.reached() == Level.TRUSTED
    assert any("Печать актов Дом.ru (тест)" in verdict for verdict in result.verdicts())
    untrusted = inspect_act(sealed, level=Level.TRUSTED)
    assert untrusted.reached() == Level.SEALED
    assert untrusted.problems == ["Не задан доверенный сертификат компании: доверие к печати не проверить."]


def test_a_byte_changed_after_sealing_fails(sealed: bytes, act_pdf: bytes, seal_files) -> None:
    for at in (100, len(act_pdf) // 2, len(act_pdf) + 50, len(sealed) - 30):
        changed = bytearray(sealed)
        changed[at] ^= 0x01
        problems = verify_pdf(bytes(changed), [seal_files[1]], level=Level.TRUSTED)
        assert problems, f"a change at byte {at} went unnoticed"
        assert all("Traceback" not in problem for problem in problems)


def test_bytes_after_the_seal_fail(sealed: bytes, seal_files) -> None:
    problems = verify_pdf(sealed + b"\n% later\n", [seal_files[1]], level=Level.TRUSTED)
    assert problems == ["Последняя печать заверяет не весь файл: после неё к акту что-то дописано."]


def test_a_seal_from_another_certificate_is_not_trusted(sealed: bytes) -> None:
    _, stranger = throwaway_certificate("Чужая печать")
    problems = verify_pdf(sealed, [pem(stranger)], level=Level.TRUSTED)
    assert len(problems) == 1 and "выдан не доверенным центром компании" in problems[0]


def test_make_act_seals_when_given_a_sealer(content, signature, settings: SealSettings, seal_files) -> None:
    act = make_act(content, signature, sealer=load_sealer(settings, {PASSWORD_ENV: PASSWORD}))
    assert act.sealed and verify_pdf(act.pdf, [seal_files[1]], level=Level.TRUSTED) == []


def test_the_brand_names_the_seal(brand, settings: SealSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sealer_for(brand) is None, "the shipped brand has no seal"
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    sealer = sealer_for(brand.model_copy(update={"seal": settings}))
    assert sealer is not None and "Печать актов Дом.ru (тест)" in sealer.subject


def test_seal_settings_problems_are_sentences(settings: SealSettings, tmp_path: Path) -> None:
    with pytest.raises(SealError, match=f"установите переменную окружения {PASSWORD_ENV}"):
        load_sealer(settings, {})
    with pytest.raises(SealError, match="проверьте файл и пароль"):
        load_sealer(settings, {PASSWORD_ENV: "не тот"})
    with pytest.raises(SealError, match="проверьте путь seal.pkcs12"):
        load_sealer(SealSettings(pkcs12=str(tmp_path / "missing.p12")), {})


def test_without_pyhanko_sealing_is_unavailable_in_a_sentence(
    sealed: bytes, settings: SealSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [name for name in sys.modules if name == "pyhanko" or name.startswith("pyhanko.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "pyhanko", None)
    assert not sealing_available()
    with pytest.raises(SealError, match="не установлен pyHanko. Установите fieldact\\[seal\\]"):
        load_sealer(settings, {PASSWORD_ENV: PASSWORD})
    problems = verify_pdf(sealed, level=Level.SEALED)
    assert problems == ["Печать акта недоступна: не установлен pyHanko. Установите fieldact[seal]."]


def test_the_brand_file_names_the_seal_and_the_cli_seals_and_verifies(seal_files, tmp_path: Path) -> None:
    import os
    import subprocess

    from fieldact.resources import resource_path
    from fieldact.standard import load_brand

    archive, certificate = seal_files
    brand_file = tmp_path / "brand.toml"
    shipped = resource_path("brand/brand.toml").read_text(encoding="utf-8")
    brand_file.write_text(f'{shipped}\n[seal]\npkcs12 = "{archive}"\npassword_env = "{PASSWORD_ENV}"\n', "utf-8")
    assert load_brand(brand_file).seal == SealSettings(pkcs12=str(archive), password_env=PASSWORD_ENV)
    trust = tmp_path / "seal.pem"
    trust.write_bytes(certificate)
    out = tmp_path / "sealed act.pdf"

    def fieldact(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, PASSWORD_ENV: PASSWORD}
        command = [sys.executable, "-m", "fieldact", *args]
        return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)

    made = fieldact("act", "sample", "--brand", str(brand_file), "--seal", "--out", str(out))
    assert made.returncode == 0, made.stderr
    checked = fieldact("verify", str(out), "--trust", str(trust))
    assert checked.returncode == 0, checked.stderr
    assert "Акт заверен печатью" in checked.stdout and "Печать актов Дом.ru (тест)" in checked.stdout
    assert "акт подлинный" in checked.stdout
    assert checked.stdout.rstrip().endswith("OK")


HEX_STRINGS = [
    b"<48656c6c6f> rest",
    b"<48 65\n6c\r6c\t6f\x0c\x00> rest",
    b"<486> rest",  # an odd count: pyHanko pads with 0
    b"<> rest",
    b"<4865 % a comment\n6c> rest",  # a comment inside: left to pyHanko's reader
    b"<48zz> rest",  # a stray byte: pyHanko says what is wrong
    b"<4865",  # no end
    b"<" + b"ab" * 40_000 + b"> rest",  # longer than one read
]


@pytest.mark.parametrize("data", HEX_STRINGS, ids=range(len(HEX_STRINGS)))
@pytest.mark.parametrize("library", ["pyhanko", "pypdf"])
def test_hex_strings_read_whole_read_as_each_library_reads_them(data: bytes, library: str) -> None:
    from io import BytesIO

    from fieldact.act import seal, verify

    if library == "pyhanko":
        from pyhanko.pdf_utils import generic as module

        own_reader = seal._read_hex_strings_whole()
    else:
        from pypdf.generic import _data_structures as module  # type: ignore[no-redef]

        own_reader = verify._read_hex_strings_whole()
    ours = module.read_hex_string_from_stream
    assert ours is not own_reader  # the whole-string reader is in place

    def outcome(reader: object) -> tuple[object, int]:
        stream = BytesIO(data)
        try:
            value = reader(stream)  # type: ignore[operator]
        except Exception as error:  # noqa: BLE001 - the kind and words of the refusal are compared
            return (type(error), str(error)), stream.tell()
        return (type(value), bytes(getattr(value, "original_bytes", value))), stream.tell()

    assert outcome(ours) == outcome(own_reader)


NAME_PARTS = [
    "ООО «Телеком-Сервис»",
    "  Device   CA\u00ad 2026 ",  # runs of spaces and a soft hyphen
    "Планшет\u200b 0042\ufeff",
    "MiXeD Case ß",
    "\u0221 unassigned",  # an unassigned code point: asn1crypto refuses it
    "",
]


@pytest.mark.parametrize("part", NAME_PARTS, ids=range(len(NAME_PARTS)))
def test_certificate_names_prepared_once_compare_as_asn1crypto_prepares_them(part: str) -> None:
    from asn1crypto import x509

    from fieldact.act import seal

    asn1crypto_prep = seal._prepare_names_once()
    assert x509.NameTypeAndValue._ldap_string_prep is not asn1crypto_prep  # the once-per-string one is in place

    def outcome(prepare: object) -> object:
        try:
            return prepare(None, part)  # type: ignore[operator]
        except Exception as error:  # noqa: BLE001 - the kind and words of the refusal are compared
            return type(error), str(error)

    ours = x509.NameTypeAndValue._ldap_string_prep
    assert outcome(ours) == outcome(asn1crypto_prep) == outcome(ours)  # twice: the kept answer is the same
