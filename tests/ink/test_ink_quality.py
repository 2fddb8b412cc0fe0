import math
from datetime import UTC, datetime

import pytest

from fieldact.ink import (
    CaptureContext,
    PointerType,
    QualityCode,
    QualityProblem,
    QualityRules,
    Sample,
    Signature,
    Stroke,
    check_quality,
)

# 800 x 300 px on 160 x 60 mm: 5 px per mm, diagonal about 854 px.
PAD = CaptureContext(800, 300, 160, 60, 1.0, {PointerType.TOUCH}, False, datetime(2025, 3, 1, tzinfo=UTC))


def stroke(points: list[tuple[float, float]]) -> Stroke:
    return Stroke(
        [Sample(5.0 * i, x, y, None, None, None, PointerType.TOUCH) for i, (x, y) in enumerate(points)],
        PointerType.TOUCH,
    )


def line(x0: float, y0: float, x1: float, y1: float, steps: int = 20) -> Stroke:
    return stroke([(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps) for i in range(steps + 1)])


def scribble(x: float, y: float, width: float, height: float, loops: int = 6) -> Stroke:
    """A cursive-like line filling the given box, its ink much longer than the box is wide."""
    count = 300
    return stroke(
        [
            (x + width * i / count, y + height * (0.5 + 0.5 * math.sin(2 * math.pi * loops * i / count)))
            for i in range(count + 1)
        ]
    )


def signed(*strokes: Stroke) -> Signature:
    return Signature(PAD, strokes)


def code_of(signature: Signature, rules: QualityRules | None = None) -> QualityCode | None:
    problem = check_quality(signature, rules) if rules else check_quality(signature)
    return None if problem is None else problem.code


def test_a_normal_signature_is_accepted() -> None:
    assert check_quality(signed(scribble(150, 80, 400, 120), line(560, 90, 640, 180))) is None


def test_no_strokes_is_empty() -> None:
    problem = check_quality(signed())
    assert problem is not None and problem.code is QualityCode.EMPTY
    assert problem.message_ru == "Подпись пустая — распишитесь, пожалуйста, в рамке"


@pytest.mark.parametrize(
    "strokes",
    [
        [stroke([(400, 150)])],
        [stroke([(400, 150)] * 30)],
        [stroke([(400, 150), (402, 151), (401, 153)]), stroke([(405, 150)])],  # within 1 mm
    ],
    ids=["tap", "resting", "tiny-scribble"],
)
def test_taps_and_specks_are_a_dot(strokes: list[Stroke]) -> None:
    problem = check_quality(signed(*strokes))
    assert problem is not None and problem.code is QualityCode.DOT
    assert problem.message_ru == "Это похоже на точку — распишитесь, пожалуйста, полностью"


def test_dot_size_is_measured_in_millimetres_of_the_pad() -> None:
    # 20 px is 4 mm on this pad: no longer a dot, but far too small.
    assert code_of(signed(scribble(400, 150, 20, 10))) is QualityCode.TOO_SMALL
    assert code_of(signed(scribble(400, 150, 20, 10)), QualityRules(dot_max_extent_mm=5)) is QualityCode.DOT


def test_a_flat_line_fails_the_both_axes_rule() -> None:
    # 75 % of the width but only 5 % of the height.
    problem = check_quality(signed(scribble(100, 140, 600, 15)))
    assert problem is not None and problem.code is QualityCode.TOO_SMALL
    assert problem.message_ru == "Подпись слишком маленькая — распишитесь, пожалуйста, крупнее"


def test_a_small_signature_fails_the_one_axis_rule() -> None:
    # 20 % of the width and 20 % of the height: above 10 % on both, below 25 % on either.
    assert code_of(signed(scribble(300, 100, 160, 60))) is QualityCode.TOO_SMALL
    relaxed = QualityRules(min_fraction_one_axis=0.15)
    assert code_of(signed(scribble(300, 100, 160, 60)), relaxed) is None


def test_a_single_quick_line_is_too_short() -> None:
    # 30 % by 30 % of the pad, but only about 256 px of ink against a 427 px minimum.
    problem = check_quality(signed(line(100, 100, 340, 190)))
    assert problem is not None and problem.code is QualityCode.TOO_SHORT
    assert problem.message_ru == "Подпись слишком короткая — распишитесь, пожалуйста, полностью"
    assert code_of(signed(line(100, 100, 340, 190)), QualityRules(min_ink_length_diagonals=0.25)) is None


def test_repeated_samples_add_no_ink_length() -> None:
    still = stroke([(100, 100)] * 50 + [(340, 190)] * 50)
    assert code_of(signed(still)) is QualityCode.TOO_SHORT


def test_problems_speak_russian_by_default_and_english_on_request() -> None:
    problem = QualityProblem.of(QualityCode.TOO_SMALL)
    assert problem.message() == problem.message_ru
    assert problem.message("en") == "The signature is too small — please sign larger"
    for code in QualityCode:
        message = QualityProblem.of(code)
        assert message.message_ru and message.message_en and message.message_ru != message.message_en


def test_rules_refuse_negative_thresholds() -> None:
    with pytest.raises(ValueError, match="min_fraction_both_axes"):
        QualityRules(min_fraction_both_axes=-0.1)
