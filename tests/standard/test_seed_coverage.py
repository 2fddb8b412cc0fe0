"""Every stage, script and action of the seed is in the shipped standard.

The expectations are read from the seed text itself (a copy in docs/standard), not from the TOML: the seed's
stage lists, every speech module (РМ) and the action lines of each section.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from fieldact.standard import Standard, VisitKind

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "docs" / "standard" / "service-standard.ru.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "service-standard.ru.txt"
TEXT = SEED.read_text(encoding="utf-8")


def slides(first: int, last: int) -> str:
    start = TEXT.index(f"Слайд {first}")
    end = TEXT.index(f"Слайд {last + 1}")
    return TEXT[start:end]


CHAPTER = {VisitKind.CONNECTION: slides(3, 10), VisitKind.SERVICE: slides(11, 19)}

# The seed writes placeholders as words; the TOML as {names}. Both become one token before comparing.
SEED_PLACEHOLDERS = [
    r"доброе утро\s*\(до 12\.00\)/добрый день\s*\(с 12\.00 до 18\.00\)/добрый вечер\s*\(после 18\.00\)",
    r"ИО (Клиента/Абонента|Абонента)",
    r"Фамилия и имя техника",
    r"Имя техника",
    r"ХХ-ХХ-ХХ",
    r"ХХ ч\. ХХ мин\.",
    r"ХХ ч\.",
    r"ХХ",
    r"Дом\.ru",
]


def words(text: str) -> list[str]:
    text = text.replace("ё", "е").replace("Ё", "Е")
    for pattern in SEED_PLACEHOLDERS:
        text = re.sub(pattern, " PH ", text)
    text = re.sub(r"\{[a-zA-Z_]+\}", " PH ", text)
    return re.findall(r"[a-zа-я0-9]+|PH", text.lower().replace("ph", "PH"))


def similarity(a: list[str], b: list[str]) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


SCRIPT_ENDS = re.compile(r"»\s*(?:\n|$)|\n\n|\nАбонент:|\nТехник |$")


def seed_scripts(chapter: str) -> list[str]:
    """Every speech module (РМ) of a chapter: from «РМ:» to its closing quote, paragraph or next speaker."""
    found = []
    for part in chapter.split("РМ:")[1:]:
        text = part.lstrip(" «").removeprefix("РМ:").lstrip(" «")
        end = SCRIPT_ENDS.search(text)
        found.append(" ".join(text[: end.start() if end else None].split()))
    return [text for text in found if text]


def sentences(chapter: str) -> list[str]:
    """The chapter as sentences. The slide text breaks lines inside sentences: a line that starts in lower
    case continues the one before it."""
    joined: list[str] = []
    for line in (" ".join(raw.split()) for raw in chapter.splitlines()):
        if not line:
            continue
        if joined and line[0].islower():
            joined[-1] += " " + line
        else:
            joined.append(line)
    return [part.strip() for line in joined for part in re.split(r"(?<=[.!?;])\s+", line) if part.strip()]


def shipped_scripts(standard: Standard, kind: VisitKind) -> list[str]:
    definition = standard.kind(kind)
    texts = [script.text for stage in definition.stages for script in stage.scripts]
    texts += [script.text for branch in definition.branches for script in branch.scripts]
    return texts


def shipped_texts(standard: Standard, kind: VisitKind) -> list[str]:
    """Everything the technician is shown: items, hints, rules, goals, steps, phrases, wishes."""
    definition = standard.kind(kind)
    texts: list[str] = []
    for stage in definition.stages:
        texts += [item.text for item in stage.items] + [item.hint or "" for item in stage.items]
        texts += stage.goals + stage.tools + stage.rules + stage.important + stage.phrases + stage.wishes
    for branch in definition.branches:
        texts += [branch.when, *branch.steps, *(o.text for o in branch.outcomes)]
    return texts


def test_seed_copy_matches_shared_seed() -> None:
    if SHARED_SEED.exists():
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()
    assert "Единый стандарт обслуживания" in TEXT


@pytest.mark.parametrize("kind", list(VisitKind))
def test_every_seed_stage_is_a_stage(standard: Standard, kind: VisitKind) -> None:
    heading = CHAPTER[kind].split("Слайд", 2)[1]
    seed_stages = dict(re.findall(r"(\d)\.\s*\n*\s*([А-Я][^\n]+?)\s*(?=\n|$)", heading))
    assert sorted(seed_stages) == ["1", "2", "3", "4", "5", "6"], seed_stages
    for number, title in seed_stages.items():
        stage = standard.kind(kind).stages[int(number) - 1]
        assert stage.number == int(number)
        assert words(stage.title)[0] == words(title)[0], (title, stage.title)


@pytest.mark.parametrize("kind", list(VisitKind))
def test_every_seed_script_is_shipped(standard: Standard, kind: VisitKind) -> None:
    expected = seed_scripts(CHAPTER[kind])
    assert len(expected) >= 8
    shipped = [words(text) for text in shipped_scripts(standard, kind)]
    for script in expected:
        seed_words = words(script)
        best = max(similarity(seed_words, candidate) for candidate in shipped)
        assert best >= 0.9, f"seed script not shipped ({best:.2f}): {script}"


ACTION_STARTS = (
    "Технику необходимо",
    "Техник ",
    "За 15 минут",
    "За 1 час",
    "В случае, если визит",
    "Снять",
    "Представиться",
    "Затем поинтересоваться",
    "Предложить",
    "Внимательно выслушать",
    "Объяснить",
    "Согласовать",
    "Мусор",
    "После окончания",
    "Диагностика осуществляется",
    "Поблагодарите",
    "Перед уходом",
    "Перед выходом",
    "Бланки строгой",
    "Не допускаются",
    "Перед заполнением",
    "Ни в коем случае",
    "При отсутствии сдачи",
    "Необходимо",
    "Использование средств связи",
    "Будьте терпеливы",
    "Не допускайте",
    "Проявляйте",
    "Консультация",
    "Профессиональные термины",
    "Если в процессе",
    "В случае согласия",
    "Приятного",
    "Рады видеть",
)


def seed_actions(chapter: str) -> list[str]:
    return [line for line in sentences(chapter) if line.startswith(ACTION_STARTS) and len(words(line)) >= 2]


COMMON = {"техни", "необх", "цель", "этапа", "важно"}


def coverage(action: list[str], text: list[str]) -> float:
    """Share of the action's content words (by their first five letters) found in the text."""
    stems = {word[:5] for word in action if len(word) >= 4} - COMMON
    found = {word[:5] for word in text}
    return len(stems & found) / len(stems) if stems else 1.0


@pytest.mark.parametrize("kind", list(VisitKind))
def test_every_seed_action_is_shipped(standard: Standard, kind: VisitKind) -> None:
    actions = seed_actions(CHAPTER[kind])
    assert len(actions) >= 15
    shipped = [words(text) for text in shipped_texts(standard, kind) + shipped_scripts(standard, kind)]
    for action in actions:
        best = max(coverage(words(action), text) for text in shipped)
        assert best >= 0.6, f"seed action not in the standard ({best:.2f}): {action}"


def test_general_rules_of_the_day(standard: Standard) -> None:
    chapter = slides(20, 20)
    rules = " ".join(rule.text for rule in standard.day_rules)
    checked = 0
    for line in sentences(chapter):
        if line.startswith(("Необходимо", "Технику", "В начале", "Нужно", "Эмоции", "Проблемы")):
            checked += 1
            assert coverage(words(line), words(rules)) >= 0.6, line
    assert checked >= 6
    assert {rule.when for rule in standard.day_rules} == {"always", "start_of_day", "before_leaving"}


def test_wishes_and_hotline(standard: Standard, brand) -> None:
    for kind, chapter in CHAPTER.items():
        closing = standard.kind(kind).stages[5]
        seed_wishes = re.findall(r"^(Приятного [^\n]+|Рады видеть [^\n]+)$", chapter, flags=re.M)
        assert sorted(w.strip() for w in seed_wishes) == sorted(closing.wishes)
        assert re.search(r"по телефону 2-195-195", chapter) and brand.hotline == "2-195-195"
