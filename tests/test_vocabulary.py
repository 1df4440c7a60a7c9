"""Codes in policy values reach readers only as words (scripts/site/vocabulary.py, scripts/site/formatting.py)."""
from __future__ import annotations

import pytest

from calc.data import load_policies
from scripts.site.formatting import format_value
from scripts.site.vocabulary import WORDS, words


def test_a_code_without_words_stops_the_build_naming_file_and_field() -> None:
    param = {"value": {"window_days": 90, "window_from": "day_of_the_comet"}, "unit": "rule"}
    with pytest.raises(ValueError) as error:
        format_value(param, "zh", {"id": "hunan/x/2023-resident", "parameters": {}}, "special_case_newborn")
    message = str(error.value)
    assert "policies/hunan/x/2023-resident.yaml: parameters.special_case_newborn.value" in message
    assert "day_of_the_comet" in message and "scripts/site/vocabulary.py" in message


def test_every_policy_value_reads_as_words_in_both_languages() -> None:
    for policy in load_policies().values():
        for name, param in policy["parameters"].items():
            for lang in ("zh", "en"):
                format_value(param, lang, policy, name)   # raises on a code without words


def test_a_policy_declared_group_uses_the_policy_wording() -> None:
    declared = {"elderly_low_income": {"zh": "低收入家庭老年人", "en": "Older member of a low-income family"}}
    assert words("elderly_low_income", "zh", declared) == "低收入家庭老年人"


def test_every_word_pair_is_bilingual() -> None:
    assert all(zh and en and zh != en for zh, en in WORDS.values())
