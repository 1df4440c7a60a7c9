"""`calc.charts.wrap` is linear and gives byte for byte the lines the quadratic version gave (issue 23).

The old version (kept below as the reference) measured the whole line again for every token. The
new one keeps counts and measures with text_width only near a tie; these tests compare both on
many strings — CJK, Latin, digits, punctuation that may not start a line, every kind of space,
the 0x2E7F boundary — at many sizes and widths, including widths that are exactly a prefix's width.
"""
from __future__ import annotations

import math
import random

import pytest

from calc import charts
from calc.charts import _NO_LINE_START, text_width, wrap


def wrap_quadratic(text: str, size: float, width: float) -> list[str]:
    """calc.charts.wrap before issue 23, verbatim."""
    tokens: list[str] = []
    for ch in text:   # a CJK character is a token; other runs split after spaces
        if ord(ch) > 0x2E7F or not tokens or ord(tokens[-1][-1]) > 0x2E7F or tokens[-1][-1] == " ":
            tokens.append(ch)
        else:
            tokens[-1] += ch
    lines = [""]
    for token in tokens:
        candidate = lines[-1] + token
        if lines[-1].strip() and text_width(candidate.rstrip(), size) > width and token[0] not in _NO_LINE_START:
            lines.append(token.lstrip())
        else:
            lines[-1] = candidate
    return [line.rstrip() for line in lines if line.strip()] or [""]


ALPHABET = ("等待期个人缴费标准元年月日医疗救助资助本人未公布" "abcdefghijXYZ0123456789-–/()%"
            + "".join(_NO_LINE_START) + "  \t\n\u3000\xa0\u2e7f\u2e80\u200b" + "𠀀😀")
SIZES = (14, 12, 13, 16, 14.5, 0.58, 1, 7.3, 100)
WIDTHS = (0, 1, 50, 120, 150, 200, 250, 300, 320, 1000)

REAL = [
    "Waiting period: 2023-03-10 – 2023-06-08",
    "等待期：2023-03-10 至 2023-06-08，期间不享受待遇。",
    "个人缴费 350.00 元（医疗救助资助 175.00 元，本人 175.00 元）",
    "Benefits from 2024-01-01 (contributions paid by 2023-12-31); a late payment starts 3 months later.",
    "", " ", "   ", "\u3000\u3000", "，，，", "a" * 150, "等" * 150, "word " * 40, " lead and trail ",
]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        length = rng.choice((1, 3, 10, 30, 60, 120, 200))
        texts.append("".join(rng.choice(ALPHABET) for _ in range(length)))
    return texts


@pytest.mark.parametrize("seed", range(2))
def test_same_lines_as_the_quadratic_version(seed: int) -> None:
    rng = random.Random(1000 + seed)
    compared = 0
    for text in REAL + _random_texts(300, seed):
        for size in rng.sample(SIZES, 3):
            for width in rng.sample(WIDTHS, 3):
                assert wrap(text, size, width) == wrap_quadratic(text, size, width), (text, size, width)
                compared += 1
    assert compared > 2_500


def test_same_lines_at_exact_ties() -> None:
    """Widths that are exactly (or one float step around) the width of a prefix: the comparison is a tie."""
    rng = random.Random(7)
    for text in REAL + _random_texts(120, 99):
        for size in (14, 13.7, 0.1, 3):
            cut = rng.randrange(len(text) + 1)
            exact = text_width(text[:cut].rstrip(), size)
            for width in (exact, math.nextafter(exact, math.inf), math.nextafter(exact, -math.inf),
                          exact + size * 0.58, 3 * size * 0.58, 7 * size + 4 * size * 0.58):
                assert wrap(text, size, width) == wrap_quadratic(text, size, width), (text, size, width)


def test_odd_sizes_and_widths() -> None:
    for text in REAL[:6] + _random_texts(20, 5):
        for size in (0, -14, math.inf, float("nan"), 1e-300, 1e300):
            for width in (0, -1, 300, math.inf, float("nan"), 1e-300):
                assert wrap(text, size, width) == wrap_quadratic(text, size, width), (text, size, width)


def test_each_character_is_measured_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linear: text_width (the slow, exact measure) is only called near a tie, on one line at a time."""
    measured = []
    real = charts.text_width

    def counting(text: str, size: float) -> float:
        measured.append(len(text))
        return real(text, size)

    monkeypatch.setattr(charts, "text_width", counting)
    for text in ("等待期个人缴费标准" * 2000, "word " * 5000, "".join(_random_texts(200, 3))):
        measured.clear()
        lines = wrap(text, 14, 300)
        assert "".join("".join(lines).split()) == "".join(text.split())   # nothing lost but spaces
        assert sum(measured) <= 2 * len(text)
