"""Checks on text before it is stored: length, control characters, the contract-number pattern."""

from __future__ import annotations

import re
import unicodedata

from fieldact.text import InputError, say

_ALLOWED_CONTROLS = {"\n", "\t"}


def clean_text(value: str, label_ru: str, label_en: str, max_length: int, multiline: bool = False) -> str:
    """The value stripped, or a sentence saying what is wrong with it. Nothing is silently cut."""
    text = unicodedata.normalize("NFC", value).strip()
    controls = [ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf") and ch not in _ALLOWED_CONTROLS]
    if controls or (not multiline and ("\n" in text or "\t" in text)):
        raise InputError(
            say(
                f"«{label_ru}»: в тексте есть невидимые управляющие символы — наберите его заново.",
                f"'{label_en}': the text holds invisible control characters; type it again.",
            )
        )
    if len(text) > max_length:
        raise InputError(
            say(
                f"«{label_ru}»: слишком длинно ({len(text)} знаков, можно {max_length}) — сократите.",
                f"'{label_en}': too long ({len(text)} characters, {max_length} allowed); shorten it.",
            )
        )
    return text


def check_contract(number: str, pattern: str) -> str:
    cleaned = clean_text(number, "Номер договора", "Contract number", 32)
    if not re.fullmatch(pattern, cleaned):
        raise InputError(
            say(
                f"Номер договора «{cleaned}» не похож на номер договора — сверьте его с договором.",
                f"Contract number '{cleaned}' does not look like one; check it against the contract.",
            )
        )
    return cleaned
