"""Checking an act from its PDF bytes alone: embedded content and ink, footer hashes, file digest, seal.

Every finding is a sentence; nothing here raises for a bad file. The checks:

1. the PDF opens and carries the act's three embedded files;
2. the content JSON is canonical, and its SHA-256 is the one printed in the footer of every page;
3. the visible text shows the act number, subscriber, contract and total of the content;
4. the ink decodes and its SHA-256 is the one the content holds;
5. the whole-file digest matches the bytes as made; bytes appended later must be covered by a seal;
6. each seal is intact, valid and covers the whole file (and, given trusted certificates, is trusted).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from fieldact.act.appendix import photo_problems
from fieldact.act.content import canonical_json, parse_content
from fieldact.act.digest import DIGEST_FILE, DigestError, original_digest, parse_record
from fieldact.act.pdf import CONTENT_FILE, INK_FILE
from fieldact.act.quiet import quiet
from fieldact.act.seal import SealError, SealStatus, seal_statuses
from fieldact.act.words import amount
from fieldact.ink import InkFormatError, decode, encoded_sha256
from fieldact.ink import sha256 as ink_sha256
from fieldact.text import say

_FOOTER_HASH = re.compile(r"SHA-256 содержания акта:\s*([0-9a-f]{64})")
_PAGE_NUMBER = re.compile(r"Стр\.\s*(\d+)\s*из\s*(\d+)")
_SPACES = re.compile(r"\s+")


@dataclass
class Verification:
    """What the check found: ``problems`` (empty when the act is intact) and ``facts`` worth telling."""

    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    embedded: dict[str, bytes] = field(default_factory=dict)  # the files the act carries, as read

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class ReadAct:
    pages: list[str]
    attachments: dict[str, bytes]
    has_signature_fields: bool


def verify_pdf(data: bytes, trust_roots: Sequence[bytes] = (), *, read_pages: bool = True) -> list[str]:
    """Every mismatch found in the act ``data``, as sentences; an empty list means it verifies.

    ``read_pages=False`` skips reading the pages' text (footers, visible values), the slow part: the embedded
    content, ink and the digest of the whole file as made are still checked, so any changed byte still fails.
    """
    return inspect_act(data, trust_roots, read_pages=read_pages).problems


def inspect_act(data: bytes, trust_roots: Sequence[bytes] = (), *, read_pages: bool = True) -> Verification:
    result = Verification()
    read = _read(data, result, read_pages)
    if read is None:
        return result
    result.embedded = dict(read.attachments)
    content = _check_content(read, result)
    _check_ink(read, content, result, thorough=read_pages)
    _check_digest(data, read, trust_roots, result)
    return result


# --- reading --------------------------------------------------------------------------------------------


def _read(data: bytes, result: Verification, read_pages: bool = True) -> ReadAct | None:
    from pypdf import PdfReader

    try:
        with quiet("pypdf"):
            reader = PdfReader(BytesIO(data), strict=False)
            attachments = {name: contents[0] for name, contents in reader.attachments.items() if contents}
            signed = _has_signature_fields(reader)
            pages = (
                [_page_text(page, number, result) for number, page in enumerate(reader.pages, start=1)]
                if read_pages
                else []
            )
    except Exception as error:  # pypdf raises many kinds on damaged files; all mean the same to a person
        result.problems.append(
            say(
                f"Файл не читается как PDF ({_short(error)}): это не акт или файл повреждён.",
                f"The file cannot be read as a PDF ({_short(error)}): it is not an act or it is damaged.",
            )
        )
        return None
    return ReadAct(pages, attachments, signed)


def _page_text(page: Any, number: int, result: Verification) -> str:
    try:
        return str(page.extract_text() or "")
    except Exception as error:  # a damaged content stream: the page is lost, the other checks go on
        result.problems.append(
            say(
                f"Страница {number} повреждена и не читается ({_short(error)}).",
                f"Page {number} is damaged and cannot be read ({_short(error)}).",
            )
        )
        return ""


def _has_signature_fields(reader: Any) -> bool:
    form = reader.trailer["/Root"].get("/AcroForm")
    if form is None:
        return False
    fields = form.get_object().get("/Fields") or []
    return any(item.get_object().get("/FT") == "/Sig" for item in fields)


def _short(error: Exception) -> str:
    """The error's own words, printable and short enough for one line."""
    text = str(error).split("\n", 1)[0].strip() or type(error).__name__
    text = "".join(char if char.isprintable() else "?" for char in text)
    return text if len(text) <= 80 else text[:77] + "..."


def _attachment(read: ReadAct, name: str, result: Verification) -> bytes | None:
    data = read.attachments.get(name)
    if data is None:
        result.problems.append(
            say(
                f"В акте нет вложения {name}: файл создан не fieldact или вложения удалены.",
                f"The act has no embedded {name}: the file was not made by fieldact or was stripped.",
            )
        )
    return data


# --- content and footer ---------------------------------------------------------------------------------------


def _check_content(read: ReadAct, result: Verification) -> dict[str, Any] | None:
    data = _attachment(read, CONTENT_FILE, result)
    if data is None:
        return None
    try:
        content = parse_content(data)
    except ValueError as error:
        result.problems.append(say(f"Содержание акта повреждено: {error}.", f"The act's content is damaged: {error}."))
        return None
    digest = hashlib.sha256(data).hexdigest()
    if canonical_json(content) != data:
        result.problems.append(
            say(
                "Содержание акта изменено: оно не в каноническом виде, в котором fieldact его записывает.",
                "The act's content was changed: it is not in the canonical form fieldact writes.",
            )
        )
    if read.pages:
        _check_footers(read.pages, digest, result)
        _check_visible_text(read.pages, content, result)
    result.problems.extend(photo_problems(content, read.attachments))
    act = content.get("act", {})
    result.facts.append(
        say(
            f"Акт № {act.get('number')}, версия {act.get('version')}, SHA-256 содержания {digest}.",
            f"Act No. {act.get('number')}, version {act.get('version')}, content SHA-256 {digest}.",
        )
    )
    return content


def _check_footers(pages: list[str], digest: str, result: Verification) -> None:
    for number, text in enumerate(pages, start=1):
        found = _FOOTER_HASH.search(text)
        if found is None:
            result.problems.append(
                say(
                    f"На странице {number} нет SHA-256 содержания в нижнем колонтитуле.",
                    f"Page {number} has no content SHA-256 in its footer.",
                )
            )
        elif found.group(1) != digest:
            result.problems.append(
                say(
                    f"SHA-256 на странице {number} ({found.group(1)}) не совпадает с SHA-256 вложенного "
                    f"содержания ({digest}): напечатанное и вложенное расходятся.",
                    f"The SHA-256 on page {number} ({found.group(1)}) differs from that of the embedded "
                    f"content ({digest}): what is printed and what is embedded disagree.",
                )
            )
        numbered = _PAGE_NUMBER.search(text)
        if numbered is None or (int(numbered.group(1)), int(numbered.group(2))) != (number, len(pages)):
            result.problems.append(
                say(
                    f"Нумерация страницы {number} не «Стр. {number} из {len(pages)}»: страницы переставлены "
                    "или потеряны.",
                    f"Page {number} is not numbered 'Стр. {number} из {len(pages)}': pages were moved or lost.",
                )
            )


def _check_visible_text(pages: list[str], content: dict[str, Any], result: Verification) -> None:
    """The printed act must show what its content says, at least the values a reader checks first."""
    text = _normalized(" ".join(pages))
    expected = {
        say("номер акта", "the act number"): content.get("act", {}).get("number", ""),
        say("Абонент", "the subscriber"): content.get("subscriber", {}).get("name", ""),
        say("договор", "the contract"): content.get("subscriber", {}).get("contract", ""),
    }
    payment = content.get("payment")
    if isinstance(payment, dict) and isinstance(payment.get("total"), int):
        expected[say("итого к оплате", "the total")] = amount(payment["total"])
    for what, value in expected.items():
        if value and _normalized(str(value)) not in text:
            result.problems.append(
                say(
                    f"На страницах акта не видно значения «{value}» ({what}) из вложенного содержания.",
                    f"The pages do not show '{value}' ({what}) from the embedded content.",
                )
            )


def _normalized(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()


# --- ink ---------------------------------------------------------------------------------------------------------


def _check_ink(read: ReadAct, content: dict[str, Any] | None, result: Verification, thorough: bool = True) -> None:
    """The signature samples decode (when ``thorough``) and hash to what the content names."""
    data = _attachment(read, INK_FILE, result)
    if data is None:
        return
    try:
        actual = ink_sha256(decode(data)) if thorough else encoded_sha256(data)
    except InkFormatError as error:
        result.problems.append(say(f"Данные подписи повреждены: {error}", f"The signature data is damaged: {error}"))
        return
    if content is None:
        return
    expected = (content.get("ink") or {}).get("sha256")
    if actual != expected:
        result.problems.append(
            say(
                f"Подпись не та, что в содержании акта: SHA-256 подписи {actual}, в содержании {expected}.",
                f"The signature is not the one the content names: its SHA-256 is {actual}, the content "
                f"holds {expected}.",
            )
        )


# --- the file as a whole -----------------------------------------------------------------------------------


def _check_digest(data: bytes, read: ReadAct, trust_roots: Sequence[bytes], result: Verification) -> None:
    record = _attachment(read, DIGEST_FILE, result)
    if record is None:
        return
    try:
        expected = parse_record(record)
        actual = original_digest(data, record)
    except DigestError:
        result.problems.append(
            say(
                "Контрольная сумма файла акта повреждена или не на своём месте: файл переписан после создания.",
                "The act's file digest is damaged or out of place: the file was rewritten after it was made.",
            )
        )
        return
    if actual != expected.sha256:
        result.problems.append(
            say(
                "Файл акта изменён после создания: SHA-256 его байтов не совпадает с записанным в нём.",
                "The act's file was changed after it was made: the SHA-256 of its bytes differs from the "
                "one recorded in it.",
            )
        )
    added = len(data) - expected.length
    if added < 0:
        result.problems.append(
            say(
                f"Файл акта обрезан: не хватает {-added} байт.",
                f"The act's file is truncated: {-added} bytes are missing.",
            )
        )
    _check_seals(data, read, added, trust_roots, result)


def _check_seals(data: bytes, read: ReadAct, added: int, trust_roots: Sequence[bytes], result: Verification) -> None:
    if not read.has_signature_fields:
        if added > 0:
            result.problems.append(
                say(
                    f"После создания к файлу акта дописано {added} байт, и их не заверяет печать.",
                    f"{added} bytes were added to the act's file after it was made, and no seal covers them.",
                )
            )
        return
    try:
        statuses = seal_statuses(data, trust_roots)
    except SealError as error:
        result.problems.append(str(error))
        return
    except Exception as error:  # pyHanko raises many kinds on a damaged signature; all mean the same here
        result.problems.append(
            say(
                f"Печать акта не проверить, файл повреждён ({_short(error)}).",
                f"The act's seal cannot be checked, the file is damaged ({_short(error)}).",
            )
        )
        return
    _judge_seals(statuses, result)


def _judge_seals(statuses: list[SealStatus], result: Verification) -> None:
    if not statuses:
        result.problems.append(
            say("У акта есть поле печати, но нет самой печати.", "The act has a seal field but no seal in it.")
        )
        return
    for status in statuses:
        who = f"«{status.field}» ({status.signer})"
        if not status.intact or not status.valid:
            result.problems.append(
                say(
                    f"Печать {who} не сходится с файлом: акт изменён после того, как его заверили.",
                    f"The seal {who} does not match the file: the act was changed after it was sealed.",
                )
            )
        elif status.trusted is False:
            result.problems.append(
                say(
                    f"Сертификат печати {who} не ведёт к доверенному сертификату.",
                    f"The certificate of the seal {who} does not chain to a trusted certificate.",
                )
            )
    if not statuses[-1].whole_file:
        result.problems.append(
            say(
                "Последняя печать заверяет не весь файл: после неё к акту что-то дописано.",
                "The last seal does not cover the whole file: something was added to the act after it.",
            )
        )
    for status in statuses:
        trust = {
            True: say("сертификат доверенный", "certificate trusted"),
            False: say("сертификат не доверенный", "certificate not trusted"),
            None: say(
                "доверие к сертификату не проверялось (нет --trust)", "certificate trust not checked (no --trust)"
            ),
        }[status.trusted]
        result.facts.append(
            say(f"Печать {status.field}: {status.signer}; {trust}.", f"Seal {status.field}: {status.signer}; {trust}.")
        )
