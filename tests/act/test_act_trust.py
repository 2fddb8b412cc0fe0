"""Seals from the company CA through the tablet's enrolled key, and the forgeries a seal must stop.

Every forgery is made with fieldact's own code (its renderer, its CA and enrolment functions, its sealer),
as a forger with the program but without the company CA's key would, and ``verify`` must fail it with a
sentence naming what is wrong.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest

pytest.importorskip("pyhanko")

from fieldact.act import Level, Revoked, inspect_act, make_act, render_pdf, seal_pdf, verify_pdf  # noqa: E402
from fieldact.act.digest import DIGEST_FILE, parse_record  # noqa: E402
from fieldact.act.seal import device_sealer  # noqa: E402
from fieldact.store.sealing import company_ca_certificate, enrol_demo  # noqa: E402
from fieldact.trust import load_device, make_company_ca  # noqa: E402
from fieldact.trust.device import enrol  # noqa: E402

NOT_TRUSTED = "выдан не доверенным центром компании"


@pytest.fixture(scope="module")
def tablet(tmp_path_factory: pytest.TempPathFactory, brand):
    folder = tmp_path_factory.mktemp("tablet")
    enrol_demo(folder, brand, "7001")
    identity = load_device(folder)
    assert identity is not None
    return folder, device_sealer(identity)


@pytest.fixture(scope="module")
def company_ca(brand) -> bytes:
    ca = company_ca_certificate(brand)
    assert ca is not None, "the demo brand names its CA"
    return ca


@pytest.fixture(scope="module")
def genuine(content, signature, tablet) -> bytes:
    return make_act(content, signature, sealer=tablet[1]).pdf


@pytest.fixture(scope="module")
def attacker(tmp_path_factory: pytest.TempPathFactory):
    """A forger's own CA and enrolled device, made with fieldact's functions: everything but the company CA."""
    ca = make_company_ca("Демо-УЦ fieldact (только демо)", "ЭР-Телеком (демо)")  # the same name, another key
    identity = enrol(tmp_path_factory.mktemp("forger"), ca, "7001")
    return device_sealer(identity)


def made_length(pdf: bytes) -> int:
    from pypdf import PdfReader

    return parse_record(PdfReader(BytesIO(pdf)).attachments[DIGEST_FILE][0]).length


def test_the_genuine_act_verifies_at_every_level(genuine: bytes, company_ca: bytes, content) -> None:
    result = inspect_act(genuine, [company_ca], level=Level.TRUSTED)
    assert result.problems == [] and result.reached() == Level.TRUSTED
    sealed_by = result.verdicts()[1]
    assert "планшет «tablet-" in sealed_by and "техник 7001" in sealed_by and "сертификат №" in sealed_by
    assert "Демо-УЦ fieldact" in result.verdicts()[2]


def test_the_device_key_file_is_private_and_outside_the_database(tablet) -> None:
    folder, _ = tablet
    key = folder / "device-seal-key.pem"
    if sys.platform != "win32":
        assert key.stat().st_mode & 0o077 == 0, "only the owner may read the device key"
    assert b"PRIVATE KEY" in key.read_bytes()


def test_an_unsealed_act_fails_past_the_content_level(content, signature, company_ca: bytes) -> None:
    unsealed = render_pdf(content, signature)
    result = inspect_act(unsealed, [company_ca], level=Level.TRUSTED)
    assert result.problems_at(Level.CONTENT) == []
    assert result.problems == [
        "Акт не заверен печатью: кто сделал этот файл, не проверить, такой акт мог собрать кто угодно."
    ]


def test_a_sealed_act_cut_back_to_its_digest_length_is_a_stripped_seal(genuine: bytes, company_ca: bytes) -> None:
    stripped = genuine[: made_length(genuine)]
    problems = verify_pdf(stripped, [company_ca], level=Level.TRUSTED)
    assert len(problems) == 1 and problems[0].startswith("Печать с акта снята: по содержанию его заверил планшет")
    assert verify_pdf(stripped, level=Level.CONTENT) == [], "the content alone is still consistent"


def test_bytes_after_the_seal_fail(genuine: bytes, company_ca: bytes) -> None:
    problems = verify_pdf(genuine + b"\n% later\n", [company_ca], level=Level.TRUSTED)
    assert "Последняя печать заверяет не весь файл: после неё к акту что-то дописано." in problems


def test_an_incremental_update_after_the_seal_fails(genuine: bytes, company_ca: bytes) -> None:
    """A proper PDF update (the document's language changed) appended after the seal, by pyHanko's writer."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(genuine), strict=False)
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    out = BytesIO()
    writer.write(out)
    problems = verify_pdf(out.getvalue(), [company_ca], level=Level.TRUSTED)
    assert "Последняя печать заверяет не весь файл: после неё к акту что-то дописано." in problems


def test_a_forged_act_sealed_by_the_forger_is_not_trusted(content, signature, attacker, company_ca) -> None:
    """Another subscriber and ten times the total over the real ink, rendered and sealed by the forger."""
    forged = copy.deepcopy(dict(content))
    forged["subscriber"]["name"] = "Петров Пётр Петрович"
    forged["payment"]["total"] *= 10
    pdf = make_act(forged, signature, sealer=attacker).pdf  # type: ignore[arg-type]
    result = inspect_act(pdf, [company_ca], level=Level.TRUSTED)
    assert result.problems_at(Level.SEALED) == [], "the forger's file is consistent and sealed by his own device"
    assert len(result.problems) == 1 and NOT_TRUSTED in result.problems[0]


def test_a_second_seal_added_by_a_forger_fails(
    genuine: bytes, attacker, company_ca: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldact.act import seal

    monkeypatch.setattr(seal, "SEAL_FIELD", "FieldactSeal2")  # the first field is filled: the forger adds one
    resealed = seal_pdf(genuine, attacker)
    problems = verify_pdf(resealed, [company_ca], level=Level.TRUSTED)
    assert any(problem.startswith("На акте 2 печати, а ставится одна") for problem in problems), problems
    assert any(NOT_TRUSTED in problem for problem in problems)


def test_a_seal_swapped_for_the_forgers_fails(genuine: bytes, attacker, company_ca: bytes) -> None:
    """The genuine act cut back to its digest and sealed by the forger: not the seal the content names."""
    swapped = seal_pdf(genuine[: made_length(genuine)], attacker)
    problems = verify_pdf(swapped, [company_ca], level=Level.TRUSTED)
    assert any("не та, что названа в содержании акта" in problem for problem in problems), problems


def test_a_revoked_device_fails_its_later_acts_only(genuine: bytes, company_ca: bytes, tablet, content) -> None:
    from datetime import datetime

    fingerprint = load_device(tablet[0]).certificate_sha256  # type: ignore[union-attr]
    signed = datetime.fromisoformat(content["signed_at"]["utc"].replace("Z", "+00:00"))
    before = [Revoked(fingerprint, signed - timedelta(hours=1), "tablet")]
    problems = verify_pdf(genuine, [company_ca], level=Level.TRUSTED, revoked=before)
    assert len(problems) == 1 and "отозван компанией" in problems[0]
    after = [Revoked(fingerprint, signed + timedelta(hours=1), "tablet")]
    assert verify_pdf(genuine, [company_ca], level=Level.TRUSTED, revoked=after) == []


def fieldact(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "fieldact", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=180)


def test_verify_trust_on_a_key_file_is_refused_with_a_sentence(genuine: bytes, tablet, tmp_path: Path) -> None:
    act = tmp_path / "act.pdf"
    act.write_bytes(genuine)
    result = fieldact("verify", str(act), "--trust", str(tablet[0] / "device-seal-key.pem"))
    assert result.returncode == 2
    assert "в файле нет сертификата" in result.stderr and "Traceback" not in result.stderr


def test_a_fresh_install_seals_and_its_act_verifies_at_the_trusted_level(tmp_path: Path) -> None:
    """A new data folder, the demo filled by the program, an act taken out and checked by the command."""
    from sqlmodel import Session, select

    from fieldact.store import tables
    from fieldact.store.db import open_database

    db = tmp_path / "fresh" / "fieldact.db"
    filled = fieldact("demo", "--db", str(db))
    assert filled.returncode == 0, filled.stderr
    assert (db.parent / "device-seal-key.pem").is_file(), "the demo tablet enrolled itself"
    database = open_database(db)
    with Session(database.engine) as session:
        act = session.exec(select(tables.Act)).first()
    database.engine.dispose()
    assert act is not None
    out = tmp_path / "act.pdf"
    out.write_bytes(act.pdf)
    checked = fieldact("verify", str(out), "--db", str(db))
    assert checked.returncode == 0, checked.stderr
    assert "Акт заверен печатью: планшет «tablet-" in checked.stdout
    assert "акт подлинный" in checked.stdout and checked.stdout.rstrip().endswith("OK")
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(act.pdf[: made_length(act.pdf)])
    stripped = fieldact("verify", str(forged))
    assert stripped.returncode == 1 and "Печать с акта снята" in stripped.stderr
    assert fieldact("verify", "--level", "content", str(forged)).returncode == 0


def test_a_page_redrawn_in_an_update_then_sealed_by_the_forger_fails_at_the_content_level(
    genuine: bytes, attacker
) -> None:
    """The act's bytes as made stay, an update replaces what page 1 draws, and the forger seals it all."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(genuine[: made_length(genuine)]), strict=False)
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 100 700 Td (Itogo 11 075,00) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = BytesIO()
    writer.write(out)
    forged = seal_pdf(out.getvalue(), attacker)
    problems = verify_pdf(forged, level=Level.CONTENT)
    assert problems == [
        "После создания акта в нём заменены части, из которых рисуется страница 1: видимое содержание могло "
        "быть изменено."
    ]


def test_a_damaged_device_key_signs_unsealed_and_says_so_in_the_log(
    tmp_path: Path, brand, caplog: pytest.LogCaptureFixture
) -> None:
    from fieldact.store.db import open_database
    from fieldact.store.sealing import store_sealer

    database = open_database(tmp_path / "fieldact.db")
    try:
        assert store_sealer(database, brand) is not None
        (tmp_path / "device-seal-chain.pem").write_bytes(b"not a certificate")
        assert store_sealer(database, brand) is None
        assert "the act is signed unsealed" in caplog.text and "повреждён" in caplog.text
    finally:
        database.engine.dispose()
