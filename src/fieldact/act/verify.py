"""Checking an act from its PDF bytes alone, at three levels a clerk can tell apart.

1. **Content**: the act is what it says. The pages are drawn again from the content and the signature the
   file carries, with the act's own template version, and the result must be the file byte for byte (up to
   the seal): every text, line, the signature drawing and the QR code are exactly what the content and ink
   produce. The content is canonical, the ink hashes to what the content names, the whole-file digest holds,
   and nothing was added after the act that is not a seal. Anyone can make such a file: this level alone
   does not say who made it.
2. **Sealed**: a PAdES seal covers the whole file, nothing follows the last seal, the seal is the one the
   content names (device and certificate), and that certificate is not on the revocation list.
3. **Trusted**: the seal's certificate chains to the company CA given (``--trust``, or the brand's).

Every finding is a sentence naming what is wrong; nothing here raises for a bad file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from io import BytesIO
from typing import Any

from fieldact.act.content import canonical_json, parse_content
from fieldact.act.digest import DIGEST_FILE, DigestError, original_digest, parse_record
from fieldact.act.hexstrings import read_whole
from fieldact.act.levels import Level, Revoked
from fieldact.act.pdf import CONTENT_FILE, INK_FILE, TEMPLATES, ActRenderError, render_pdf, template_of
from fieldact.act.photo_records import embedded_photos, photo_problems
from fieldact.act.quiet import quiet
from fieldact.act.seal import SealError, SealStatus, seal_statuses
from fieldact.hashing import sha256_hex
from fieldact.ink import InkFormatError, Signature, decode, encoded_sha256
from fieldact.text import say


@dataclass(frozen=True, slots=True)
class Finding:
    level: Level
    text: str


@dataclass
class Verification:
    """What the check found at each level; ``problems`` are those of the level asked for and below."""

    level: Level = Level.CONTENT
    findings: list[Finding] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    embedded: dict[str, bytes] = field(default_factory=dict)  # the files the act carries, as read
    sealed_by: str = ""  # «device, technician, certificate» of a seal that holds
    trusted_by: str = ""  # the trusted CA the seal chains to

    def fail(self, level: Level, text: str) -> None:
        self.findings.append(Finding(level, text))

    def problems_at(self, level: Level) -> list[str]:
        return [finding.text for finding in self.findings if finding.level <= level]

    @property
    def problems(self) -> list[str]:
        return self.problems_at(self.level)

    @property
    def ok(self) -> bool:
        return not self.problems

    def reached(self) -> Level | None:
        """The highest level the act passes, None when not even its content holds."""
        passed = None
        for level in Level:
            if self.problems_at(level):
                break
            passed = level
        return passed

    def verdicts(self) -> list[str]:
        """One sentence per level passed, in a clerk's words."""
        reached = self.reached() or 0
        said = []
        if reached >= Level.CONTENT:
            said.append(
                say(
                    "Содержание сходится: страницы акта — ровно то, что записано в нём и подписано Абонентом.",
                    "Content consistent: the pages are exactly what the act records and the subscriber signed.",
                )
            )
        if reached >= Level.SEALED:
            said.append(say(f"Акт заверен печатью: {self.sealed_by}.", f"The act is sealed: {self.sealed_by}."))
        if reached >= Level.TRUSTED:
            said.append(
                say(
                    f"Печать выдана удостоверяющим центром компании ({self.trusted_by}): акт подлинный.",
                    f"The seal was issued by the company CA ({self.trusted_by}): the act is genuine.",
                )
            )
        return said


@dataclass(frozen=True, slots=True)
class ReadAct:
    reader: Any  # pypdf.PdfReader of the whole file
    attachments: dict[str, bytes]
    has_signature_fields: bool


def verify_pdf(
    data: bytes,
    trust_roots: Sequence[bytes] = (),
    *,
    level: Level = Level.CONTENT,
    revoked: Collection[Revoked] = (),
) -> list[str]:
    """Every reason the act ``data`` does not verify at ``level``, as sentences; empty when it does."""
    return inspect_act(data, trust_roots, level=level, revoked=revoked).problems


def inspect_act(
    data: bytes,
    trust_roots: Sequence[bytes] = (),
    *,
    level: Level = Level.CONTENT,
    revoked: Collection[Revoked] = (),
) -> Verification:
    result = Verification(level=level)
    read = _read(data, result)
    if read is None:
        return result
    result.embedded = dict(read.attachments)
    content = _check_content(read, result)
    signature = _check_ink(read, content, result)
    length = _check_digest(data, read, result)
    if content is not None and signature is not None and length is not None:
        _check_pages(data, read, content, signature, length, result)
    if length is not None:
        _check_seals(data, read, content, length, trust_roots, revoked, result)
    if level >= Level.TRUSTED and not trust_roots:
        result.fail(
            Level.TRUSTED,
            say(
                "Не задан доверенный сертификат компании: доверие к печати не проверить.",
                "No trusted company certificate is given: the seal's trust cannot be checked.",
            ),
        )
    return result


# --- reading --------------------------------------------------------------------------------------------


def _read(data: bytes, result: Verification) -> ReadAct | None:
    from pypdf import PdfReader

    _read_hex_strings_whole()
    try:
        with quiet("pypdf"):
            reader = PdfReader(BytesIO(data), strict=False)
            attachments = {name: contents[0] for name, contents in reader.attachments.items() if contents}
            signed = _has_signature_fields(reader)
    except Exception as error:  # pypdf raises many kinds on damaged files; all mean the same to a person
        result.fail(
            Level.CONTENT,
            say(
                f"Файл не читается как PDF ({_short(error)}): это не акт или файл повреждён.",
                f"The file cannot be read as a PDF ({_short(error)}): it is not an act or it is damaged.",
            ),
        )
        return None
    return ReadAct(reader, attachments, signed)


@lru_cache(maxsize=1)
def _read_hex_strings_whole() -> Any:
    """pypdf reads a seal's /Contents one hex digit per call; ``hexstrings.read_whole`` reads it in one piece."""
    from pypdf.generic import _data_structures, _utils

    original = _data_structures.read_hex_string_from_stream

    def read_hex_string(stream: Any, forced_encoding: Any = None) -> Any:
        whole = read_whole(stream)
        return (
            original(stream, forced_encoding) if whole is None else _utils.create_string_object(whole, forced_encoding)
        )

    _data_structures.read_hex_string_from_stream = read_hex_string
    return original  # pypdf's own reader, which the tests hold the whole-string one to


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
        result.fail(
            Level.CONTENT,
            say(
                f"В акте нет вложения {name}: файл создан не fieldact или вложения удалены.",
                f"The act has no embedded {name}: the file was not made by fieldact or was stripped.",
            ),
        )
    return data


# --- content and ink ------------------------------------------------------------------------------------------


def _check_content(read: ReadAct, result: Verification) -> dict[str, Any] | None:
    data = _attachment(read, CONTENT_FILE, result)
    if data is None:
        return None
    try:
        content = parse_content(data)
    except ValueError as error:
        result.fail(
            Level.CONTENT, say(f"Содержание акта повреждено: {error}.", f"The act's content is damaged: {error}.")
        )
        return None
    digest = sha256_hex(data)
    try:
        canonical = canonical_json(content) == data
    except TypeError:
        canonical = False
    if not canonical:
        result.fail(
            Level.CONTENT,
            say(
                "Содержание акта изменено: оно не в каноническом виде, в котором fieldact его записывает.",
                "The act's content was changed: it is not in the canonical form fieldact writes.",
            ),
        )
    for problem in photo_problems(content, read.attachments):
        result.fail(Level.CONTENT, problem)
    act = content.get("act") if isinstance(content.get("act"), dict) else {}
    result.facts.append(
        say(
            f"Акт № {act.get('number')}, версия {act.get('version')}, SHA-256 содержания {digest}.",
            f"Act No. {act.get('number')}, version {act.get('version')}, content SHA-256 {digest}.",
        )
    )
    return content


def _check_ink(read: ReadAct, content: dict[str, Any] | None, result: Verification) -> Signature | None:
    """The signature samples decode and hash to what the content names."""
    data = _attachment(read, INK_FILE, result)
    if data is None:
        return None
    try:
        signature = decode(data)
    except InkFormatError as error:
        result.fail(
            Level.CONTENT, say(f"Данные подписи повреждены: {error}", f"The signature data is damaged: {error}")
        )
        return None
    if content is None:
        return None
    actual = encoded_sha256(data)  # what decode gave hashes to this only if the bytes are its own encoding
    expected = (content.get("ink") or {}).get("sha256") if isinstance(content.get("ink"), dict) else None
    if actual != expected:
        result.fail(
            Level.CONTENT,
            say(
                f"Подпись не та, что в содержании акта: SHA-256 подписи {actual}, в содержании {expected}.",
                f"The signature is not the one the content names: its SHA-256 is {actual}, the content "
                f"holds {expected}.",
            ),
        )
        return None
    return signature


# --- the file as made ---------------------------------------------------------------------------------------


def _check_digest(data: bytes, read: ReadAct, result: Verification) -> int | None:
    """The length of the act as made, when its digest record holds."""
    record = _attachment(read, DIGEST_FILE, result)
    if record is None:
        return None
    try:
        expected = parse_record(record)
        actual = original_digest(data, record)
    except DigestError:
        result.fail(
            Level.CONTENT,
            say(
                "Контрольная сумма файла акта повреждена или не на своём месте: файл переписан после создания.",
                "The act's file digest is damaged or out of place: the file was rewritten after it was made.",
            ),
        )
        return None
    if actual != expected.sha256:
        result.fail(
            Level.CONTENT,
            say(
                "Файл акта изменён после создания: SHA-256 его байтов не совпадает с записанным в нём.",
                "The act's file was changed after it was made: the SHA-256 of its bytes differs from the "
                "one recorded in it.",
            ),
        )
    added = len(data) - expected.length
    if added < 0:
        result.fail(
            Level.CONTENT,
            say(
                f"Файл акта обрезан: не хватает {-added} байт.",
                f"The act's file is truncated: {-added} bytes are missing.",
            ),
        )
        return None
    if added > 0 and not read.has_signature_fields:
        result.fail(
            Level.CONTENT,
            say(
                f"После создания к файлу акта дописано {added} байт, и их не заверяет печать.",
                f"{added} bytes were added to the act's file after it was made, and no seal covers them.",
            ),
        )
    return expected.length


# --- what is seen against what is signed ------------------------------------------------------------------------


def _check_pages(
    data: bytes, read: ReadAct, content: dict[str, Any], signature: Signature, length: int, result: Verification
) -> None:
    """The act drawn again from its content and ink must be the file as made, and what a viewer shows now."""
    version = template_of(content)
    if version not in TEMPLATES:
        result.fail(
            Level.CONTENT,
            say(
                f"Акт нарисован по шаблону версии {version}, которого эта программа не знает: обновите fieldact.",
                f"The act was drawn with template version {version}, unknown to this program: update fieldact.",
            ),
        )
        return
    if photo_problems(content, read.attachments):
        return  # a removed or swapped photo is said already, and without its bytes the act cannot be drawn again
    try:
        expected = render_pdf(
            content,  # type: ignore[arg-type]
            signature,
            ink=read.attachments[INK_FILE],
            photos=embedded_photos(content, read.attachments),
        )
    except (ActRenderError, KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        result.fail(
            Level.CONTENT,
            say(
                f"По содержанию акта его страницы не нарисовать ({_short(error)}): содержание подделано.",
                f"The act's pages cannot be drawn from its content ({_short(error)}): the content was forged.",
            ),
        )
        return
    if expected == data[:length]:
        if length < len(data):
            _check_later_revisions(data, read, length, result)
        return
    drawn = _page_streams(_reader(expected))
    shown = _page_streams(read.reader)
    if drawn is None or shown is None:
        result.fail(Level.CONTENT, _drawn_differs())
        return
    differing = _differing_pages(drawn, shown)
    for sentence in differing:
        result.fail(Level.CONTENT, sentence)
    if not differing and expected != data[:length]:
        result.fail(Level.CONTENT, _drawn_differs())


_SIZE = re.compile(rb"/Size (\d+)")


def _check_later_revisions(data: bytes, read: ReadAct, length: int, result: Verification) -> None:
    """What was added after the act as made (a seal) may not change how a page is drawn. A seal replaces the
    catalog, the XMP metadata and the pages it puts its widget on; any other object of the act replaced, or a
    page changed in more than its zero-size widget, is a change to what a viewer shows."""
    try:
        with quiet("pypdf"):
            changed = _redrawn_pages(data, read.reader, length)
    except Exception:  # noqa: BLE001 - later revisions that cannot be read cannot be trusted either
        changed = [0]
    for number in changed:
        result.fail(
            Level.CONTENT,
            say(
                f"После создания акта в нём заменены части, из которых рисуется страница {number}: видимое "
                "содержание могло быть изменено."
                if number
                else "После создания акта в нём заменены его части: видимое содержание могло быть изменено.",
                f"After the act was made, parts that draw page {number} were replaced: what is shown may differ."
                if number
                else "After the act was made, parts of it were replaced: what is shown may differ.",
            ),
        )


def _redrawn_pages(data: bytes, reader: Any, length: int) -> list[int]:
    sizes = _SIZE.findall(data[:length])
    first_size = int(sizes[-1]) if sizes else 0
    replaced = {
        idnum
        for table in reader.xref.values()
        for idnum, offset in table.items()
        if offset >= length and idnum < first_size
    } | {idnum for idnum in reader.xref_objStm if idnum < first_size}
    if not replaced:
        return []
    root = reader.trailer.raw_get("/Root")
    catalog = reader.trailer["/Root"]
    metadata = catalog.raw_get("/Metadata") if "/Metadata" in catalog else None
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, start=1)}
    allowed = {root.idnum, *pages, *([metadata.idnum] if metadata is not None else [])}
    if replaced - allowed:
        return [0]
    original = _reader(data[:length])
    if not _same(original.trailer["/Root"].raw_get("/Pages"), catalog.raw_get("/Pages")):
        return [0]
    return [
        pages[idnum]
        for idnum in sorted(replaced & set(pages))
        if _page_changed(original.get_object(idnum), reader.get_object(idnum))
    ]


def _same(one: Any, other: Any) -> bool:
    """Equal PDF values, references compared by object number (they come from two readers)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    if isinstance(one, IndirectObject) or isinstance(other, IndirectObject):
        return (
            isinstance(one, IndirectObject)
            and isinstance(other, IndirectObject)
            and (one.idnum, one.generation) == (other.idnum, other.generation)
        )
    if isinstance(one, DictionaryObject) and isinstance(other, DictionaryObject):
        return set(one) == set(other) and all(_same(one.raw_get(key), other.raw_get(key)) for key in one)
    if isinstance(one, ArrayObject) and isinstance(other, ArrayObject):
        return len(one) == len(other) and all(_same(a, b) for a, b in zip(one, other, strict=True))
    return bool(one == other)


def _page_changed(before: Any, after: Any) -> bool:
    keys = (set(before) | set(after)) - {"/Annots"}
    if any(not _same(before.raw_get(key), after.raw_get(key)) for key in keys if key in before and key in after):
        return True
    if any((key in before) != (key in after) for key in keys):
        return True
    kept = {(ref.idnum) for ref in before.get("/Annots") or []}
    for annotation in after.get("/Annots") or []:
        if annotation.idnum in kept:
            continue
        widget = annotation.get_object()
        rect = [float(value) for value in widget.get("/Rect", [0, 0, 0, 0])]
        if widget.get("/Subtype") != "/Widget" or rect[0] != rect[2] or rect[1] != rect[3]:
            return True
    return False


def _drawn_differs() -> str:
    return say(
        "Файл акта не тот, что получается из его содержания и подписи: страницы, шрифты или служебные данные "
        "подменены.",
        "The act's file is not the one its content and signature produce: pages, fonts or metadata were replaced.",
    )


def _reader(data: bytes) -> Any:
    from pypdf import PdfReader

    return PdfReader(BytesIO(data), strict=False)


def _page_streams(reader: Any) -> list[bytes] | None:
    """Per page, a digest of everything that draws it: its content stream and resources (fonts, images),
    resolved; the seal's empty widget annotation is no mark and is left out."""
    try:
        with quiet("pypdf"):
            return [_page_digest(page) for page in reader.pages]
    except Exception:  # noqa: BLE001 - a page that cannot be read cannot be shown as drawn either
        return None


def _page_digest(page: Any) -> bytes:
    digest = hashlib.sha256()
    contents = page.get_contents()
    digest.update(contents.get_data() if contents is not None else b"")
    _feed(digest, page.get("/Resources"), set())
    _feed(digest, page.get("/MediaBox"), set())
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        rect = [float(value) for value in annotation.get("/Rect", [0, 0, 0, 0])]
        if annotation.get("/Subtype") != "/Widget" or rect[0] != rect[2] or rect[1] != rect[3]:
            _feed(digest, annotation, set())
    return digest.digest()


def _feed(digest: Any, value: Any, seen: set[int]) -> None:
    """Every object reachable from ``value`` into ``digest``, streams by their decoded data."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if isinstance(value, IndirectObject):
        if value.idnum in seen:
            digest.update(b"R")
            return
        seen = seen | {value.idnum}
        value = value.get_object()
    if isinstance(value, StreamObject):
        digest.update(b"S" + value.get_data())
    if isinstance(value, DictionaryObject):
        for key in sorted(value):
            if key != "/Parent":
                digest.update(b"K" + key.encode())
                _feed(digest, value.raw_get(key), seen)
    elif isinstance(value, ArrayObject):
        digest.update(b"[")
        for item in value:
            _feed(digest, item, seen)
        digest.update(b"]")
    elif not isinstance(value, StreamObject):
        digest.update(b"V" + repr(value).encode())


def _differing_pages(drawn: list[bytes], shown: list[bytes]) -> list[str]:
    if len(drawn) != len(shown):
        return [
            say(
                f"В акте {len(shown)} стр., а по его содержанию должно быть {len(drawn)}: страницы добавлены или "
                "потеряны.",
                f"The act has {len(shown)} pages where its content makes {len(drawn)}: pages were added or lost.",
            )
        ]
    return [
        say(
            f"На странице {number} напечатано не то, что записано в содержании акта и подписано Абонентом.",
            f"Page {number} shows something other than what the act's content records and the subscriber signed.",
        )
        for number, (one, other) in enumerate(zip(drawn, shown, strict=True), start=1)
        if one != other
    ]


# --- seals ---------------------------------------------------------------------------------------------------


def _check_seals(
    data: bytes,
    read: ReadAct,
    content: dict[str, Any] | None,
    length: int,
    trust_roots: Sequence[bytes],
    revoked: Collection[Revoked],
    result: Verification,
) -> None:
    named = content.get("seal") if content is not None and isinstance(content.get("seal"), dict) else None
    if not read.has_signature_fields:
        if named is not None:
            result.fail(
                Level.SEALED,
                say(
                    f"Печать с акта снята: по содержанию его заверил планшет «{named.get('device')}», а печати "
                    "в файле нет.",
                    f"The seal was stripped: the content says the device '{named.get('device')}' sealed the act, "
                    "but the file has no seal.",
                ),
            )
        else:
            result.fail(
                Level.SEALED,
                say(
                    "Акт не заверен печатью: кто сделал этот файл, не проверить, такой акт мог собрать кто угодно.",
                    "The act is not sealed: who made this file cannot be checked; anyone could have made it.",
                ),
            )
        return
    try:
        statuses = seal_statuses(data, trust_roots)
    except SealError as error:
        result.fail(Level.SEALED, str(error))
        return
    except Exception as error:  # pyHanko raises many kinds on a damaged signature; all mean the same here
        result.fail(
            Level.SEALED,
            say(
                f"Печать акта не проверить, файл повреждён ({_short(error)}).",
                f"The act's seal cannot be checked, the file is damaged ({_short(error)}).",
            ),
        )
        return
    _judge_seals(statuses, named, content, revoked, result)


def _judge_seals(
    statuses: list[SealStatus],
    named: dict[str, Any] | None,
    content: dict[str, Any] | None,
    revoked: Collection[Revoked],
    result: Verification,
) -> None:
    if not statuses:
        result.fail(
            Level.SEALED,
            say("У акта есть поле печати, но нет самой печати.", "The act has a seal field but no seal in it."),
        )
        return
    if len(statuses) > 1:
        result.fail(
            Level.SEALED,
            say(
                f"На акте {len(statuses)} печати, а ставится одна: после печати планшета к акту добавлена чужая.",
                f"The act carries {len(statuses)} seals where one is made: another was added after the device's.",
            ),
        )
    for status in statuses:
        _judge_seal(status, named, content, revoked, result)
    if not statuses[-1].whole_file:
        result.fail(
            Level.SEALED,
            say(
                "Последняя печать заверяет не весь файл: после неё к акту что-то дописано.",
                "The last seal does not cover the whole file: something was added to the act after it.",
            ),
        )


def _judge_seal(
    status: SealStatus,
    named: dict[str, Any] | None,
    content: dict[str, Any] | None,
    revoked: Collection[Revoked],
    result: Verification,
) -> None:
    fingerprint = sha256_hex(status.certificate)
    who = _who(status, content)
    if not status.intact or not status.valid:
        result.fail(
            Level.SEALED,
            say(
                f"Печать ({who}) не сходится с файлом: акт изменён после того, как его заверили.",
                f"The seal ({who}) does not match the file: the act was changed after it was sealed.",
            ),
        )
        return
    if named is None or named.get("certificate_sha256") != fingerprint:
        result.fail(
            Level.SEALED,
            say(
                f"Печать ({who}) не та, что названа в содержании акта: акт заверен чужим сертификатом.",
                f"The seal ({who}) is not the one the act's content names: it was sealed with another certificate.",
            ),
        )
    withdrawn = next((item for item in revoked if item.certificate_sha256 == fingerprint), None)
    if withdrawn is not None and _signed_at(content, withdrawn.revoked_at) >= withdrawn.revoked_at:
        result.fail(
            Level.SEALED,
            say(
                f"Сертификат печати ({who}) отозван компанией {withdrawn.revoked_at:%d.%m.%Y %H:%M} UTC, до "
                "подписания этого акта: такой печати верить нельзя.",
                f"The seal's certificate ({who}) was revoked by the company on {withdrawn.revoked_at:%Y-%m-%d %H:%M} "
                "UTC, before this act was signed: the seal cannot be relied on.",
            ),
        )
    if status.trusted is False:
        result.fail(
            Level.TRUSTED,
            say(
                f"Сертификат печати ({who}) выдан не доверенным центром компании: печать могла поставить "
                "посторонняя программа.",
                f"The seal's certificate ({who}) was not issued by the trusted company CA: anyone could have "
                "made this seal.",
            ),
        )
    elif status.trusted and not result.trusted_by:
        result.trusted_by = _issuer(status)
    if not result.sealed_by:
        result.sealed_by = who


def _who(status: SealStatus, content: dict[str, Any] | None) -> str:
    """«планшет X, техник Y, сертификат Z» for the seal."""
    try:
        from fieldact.trust import describe_device

        device = describe_device(status.certificate)
    except Exception:  # noqa: BLE001 - a certificate of a shape we did not issue: its subject is all we have
        return status.signer
    technician = device.technician or ((content or {}).get("technician") or {}).get("name", "")
    return say(
        f"планшет «{device.device}», техник {technician or '—'}, сертификат № {device.serial} ({device.issuer})",
        f"device '{device.device}', technician {technician or '—'}, certificate No. {device.serial} ({device.issuer})",
    )


def _issuer(status: SealStatus) -> str:
    try:
        from fieldact.trust import describe_device

        return describe_device(status.certificate).issuer
    except Exception:  # noqa: BLE001
        return status.signer


def _signed_at(content: dict[str, Any] | None, otherwise: datetime) -> datetime:
    try:
        return datetime.fromisoformat(str(content["signed_at"]["utc"]).replace("Z", "+00:00"))  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return otherwise  # no readable signing time: the revocation counts
