"""Is this signature good enough to put on an act? Pure checks with tunable thresholds.

Sizes are judged against the pad the subscriber signed on, so the same rules work on any screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import Signature


class QualityCode(StrEnum):
    EMPTY = "empty"
    DOT = "dot"
    TOO_SMALL = "too_small"
    TOO_SHORT = "too_short"


_MESSAGES: dict[QualityCode, tuple[str, str]] = {
    QualityCode.EMPTY: (
        "Подпись пустая — распишитесь, пожалуйста, в рамке",
        "The signature is empty — please sign inside the frame",
    ),
    QualityCode.DOT: (
        "Это похоже на точку — распишитесь, пожалуйста, полностью",
        "This looks like a dot — please sign in full",
    ),
    QualityCode.TOO_SMALL: (
        "Подпись слишком маленькая — распишитесь, пожалуйста, крупнее",
        "The signature is too small — please sign larger",
    ),
    QualityCode.TOO_SHORT: (
        "Подпись слишком короткая — распишитесь, пожалуйста, полностью",
        "The signature is too short — please sign in full",
    ),
}


@dataclass(frozen=True, slots=True)
class QualityProblem:
    code: QualityCode
    message_ru: str
    message_en: str

    @classmethod
    def of(cls, code: QualityCode) -> QualityProblem:
        message_ru, message_en = _MESSAGES[code]
        return cls(code, message_ru, message_en)

    def message(self, lang: str = "ru") -> str:
        return self.message_en if lang == "en" else self.message_ru


@dataclass(frozen=True, slots=True)
class QualityRules:
    # The ink's box must span at least this fraction of the pad on both axes...
    min_fraction_both_axes: float = 0.10
    # ...and at least this fraction on one of them.
    min_fraction_one_axis: float = 0.25
    # Total ink length, as a fraction of the pad diagonal.
    min_ink_length_diagonals: float = 0.5
    # All ink within this many millimetres on both axes is a dot, however many strokes it has.
    dot_max_extent_mm: float = 3.0

    def __post_init__(self) -> None:
        for name in (
            "min_fraction_both_axes",
            "min_fraction_one_axis",
            "min_ink_length_diagonals",
            "dot_max_extent_mm",
        ):
            if not getattr(self, name) >= 0:
                raise ValueError(f"QualityRules.{name} must not be negative.")


DEFAULT_RULES = QualityRules()


def check_quality(signature: Signature, rules: QualityRules = DEFAULT_RULES) -> QualityProblem | None:
    """None when the signature is acceptable, otherwise the first problem found."""
    code = _problem_code(signature, rules)
    return None if code is None else QualityProblem.of(code)


def _problem_code(signature: Signature, rules: QualityRules) -> QualityCode | None:
    box = signature.bounding_box()
    if box is None:
        return QualityCode.EMPTY
    context = signature.context
    width_mm = box.width / context.pad_width_px * context.pad_width_mm
    height_mm = box.height / context.pad_height_px * context.pad_height_mm
    if width_mm <= rules.dot_max_extent_mm and height_mm <= rules.dot_max_extent_mm:
        return QualityCode.DOT
    fraction_x = box.width / context.pad_width_px
    fraction_y = box.height / context.pad_height_px
    if min(fraction_x, fraction_y) < rules.min_fraction_both_axes:
        return QualityCode.TOO_SMALL
    if max(fraction_x, fraction_y) < rules.min_fraction_one_axis:
        return QualityCode.TOO_SMALL
    if signature.ink_length_px < rules.min_ink_length_diagonals * context.pad_diagonal_px:
        return QualityCode.TOO_SHORT
    return None
