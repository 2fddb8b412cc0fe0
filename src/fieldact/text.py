"""The language of sentences the core says to people (Russian by default, English with ``--lang en``).

Core packages cannot use Qt's translator, so each user-facing sentence is written in both languages at the
place it is raised, and this module picks one.
"""

from __future__ import annotations

_language = "ru"
LANGUAGES = ("ru", "en")


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    _language = language


def language() -> str:
    return _language


def say(ru: str, en: str) -> str:
    return en if _language == "en" else ru


class InputError(ValueError):
    """Input a person gave that cannot be used; the message says what to do instead."""
