"""A text file's encoding, told only where it is certain.

UTF-8 (with or without its BOM) and UTF-16 with its BOM say what they are. An 8-bit file is read as Windows-1251
only when the result reads as Russian: KOI8-R, DOS-866 or ISO-8859-5 bytes decode as Windows-1251 without an error
but give words like «йЧБНПЧ», and a Western file gives Latin words with Cyrillic letters inside. Anything else is
refused with the encodings that are accepted, never guessed.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata

from fieldact.text import InputError, say

# How often each letter occurs in Russian text, per 10 000 letters.
LETTER_FREQUENCY = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (1097, 845, 801, 735, 670, 626, 547, 473, 454, 440, 349, 321, 298, 281, 262, 201, 190, 174, 170, 165, 159)
        + (144, 121, 97, 94, 73, 64, 48, 36, 32, 26, 4, 4),
        strict=True,
    )
)
RUSSIAN_LETTERS = frozenset(LETTER_FREQUENCY)
# The 8-bit Cyrillic encodings whose bytes also decode as Windows-1251: the Windows-1251 reading must be likelier.
OTHER_8BIT = ("koi8-r", "cp866", "iso8859-5")
WELL_CASED_SHARE_MIN = 0.9
PUNCTUATION = frozenset("«»—–№…“”„‘’\u00a0°•")
WORD = re.compile(r"[^\W\d_]+")
ALLOWED_CONTROLS = frozenset("\t\r\n")


class EncodingRefused(InputError):
    """The bytes are not text in an encoding told for certain; the message names the encodings accepted."""


def accepted_encodings() -> str:
    return say(
        "UTF-8 (с BOM или без), UTF-16 с BOM или Windows-1251 с русским текстом",
        "UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251 holding Russian text",
    )


def decode_text(data: bytes) -> str:
    """The text of ``data``, or EncodingRefused saying why it cannot be read for certain."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8) :], "utf-8", "UTF-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", "UTF-16")
    elif b"\0" in data:
        raise _not_text()
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _windows_1251(data)
    if any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in text):
        raise _not_text()
    return text


def reads_as_russian(text: str) -> bool:
    """Whether the non-ASCII part of ``text`` is Russian words (and the usual Russian punctuation)."""
    if any(ord(ch) > 127 and ch.lower() not in RUSSIAN_LETTERS and ch not in PUNCTUATION for ch in text):
        return False
    words = _cyrillic_words(text)
    if not words or any(any(ch.isascii() for ch in word) for word in words):
        return False
    well_cased = sum(word.islower() or word.isupper() or word.istitle() for word in words)
    return well_cased >= WELL_CASED_SHARE_MIN * len(words)


def letter_likelihood(text: str) -> float:
    """Mean log-probability of the Cyrillic letters of ``text`` as Russian letters (higher: more Russian)."""
    letters = [ch.lower() for word in _cyrillic_words(text) for ch in word]
    scores = [math.log(LETTER_FREQUENCY.get(ch, 1) / 10_000) for ch in letters if not ch.isascii()]
    return sum(scores) / len(scores) if scores else -math.inf


def _likelier(other: str, text: str) -> bool:
    return reads_as_russian(other) and letter_likelihood(other) >= letter_likelihood(text)


def _cyrillic_words(text: str) -> list[str]:
    return [word for word in WORD.findall(text) if not word.isascii()]


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise EncodingRefused(
            say(
                f"Файл начинается как {name}, но дальше в нём байты не этой кодировки — файл повреждён. "
                f"Сохраните его заново в кодировке {accepted_encodings()}.",
                f"The file starts as {name} but holds bytes that are not {name}: it is damaged. "
                f"Save it again as {accepted_encodings()}.",
            )
        ) from None


def _windows_1251(data: bytes) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    if (
        text
        and reads_as_russian(text)
        and not any(_likelier(data.decode(other, "replace"), text) for other in OTHER_8BIT)
    ):
        return text
    raise EncodingRefused(
        say(
            "Кодировка файла не определяется наверняка (это может быть KOI8-R или другая 8-битная кодировка), "
            f"и файл не загружен, чтобы не исказить имена и адреса. Принимаются: {accepted_encodings()}. "
            "Сохраните файл в UTF-8 и загрузите снова.",
            "The file's encoding cannot be told for certain (it may be KOI8-R or another 8-bit encoding), so it "
            f"was not loaded rather than garble names and addresses. Accepted: {accepted_encodings()}. "
            "Save the file as UTF-8 and load it again.",
        )
    )


def _not_text() -> EncodingRefused:
    return EncodingRefused(
        say(
            f"Это не текстовый файл CSV (в нём двоичные данные). Выгрузите заявки в CSV в кодировке "
            f"{accepted_encodings()}.",
            f"This is not a text CSV file (it holds binary data). Export the orders as CSV in {accepted_encodings()}.",
        )
    )
