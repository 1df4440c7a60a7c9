"""Each result leads with its answer in one line, made by calc (issue 11 "the key answer does not stand out").

For every calculator and every worked example of every policy in policies/ (the compiled data), the run output
carries `headline` {zh, en}: one line holding the shown value (`display`) of each key output the case has a
figure for (an output declared with a `lead`). Rows that do not apply are listed in `folded` (pages hide them),
and "who pays" always names a payer. Nothing here is written per policy.
"""
from __future__ import annotations

import pytest

import calc
import calc.data
from calc.registry import calculators

POLICIES = calc.data.load_policies()
CASES = [(pid, example.get("calculator", policy["calculators"][0]), dict(example["inputs"]))
         for pid, policy in sorted(POLICIES.items()) for example in policy.get("examples") or []]


def _id(case: tuple) -> str:
    return f"{case[0]}:{case[1]}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_headline_holds_the_key_figures_in_both_languages(case: tuple) -> None:
    pid, name, inputs = case
    out = calc.run(name, pid, inputs)
    assert out["ok"], out
    head = out["headline"]
    keys = [o for o in calculators()[name].outputs if o.lead and out["result"][o.name] is not None
            and o.name not in out.get("headline_omits", ())]   # an average the headline replaces by what is debited
    for lang in ("zh", "en"):
        line = head[lang]
        assert line.strip() and "\n" not in line, (pid, name, head)
        assert "不适用" not in line and "not applicable" not in line, (pid, name, head)
        for spec in keys:   # an English word-value may start in lower case inside the sentence
            shown = out["display"][spec.name][lang]
            assert shown.lower() in line.lower(), (pid, name, spec.name, shown, line)
    assert keys or head["zh"], (pid, name)


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_rows_that_do_not_apply_are_folded(case: tuple) -> None:
    pid, name, inputs = case
    out = calc.run(name, pid, inputs)
    not_applicable = [k for k, v in out["display"].items() if v == {"zh": "不适用", "en": "not applicable"}]
    assert out["folded"] == not_applicable


def test_every_calculator_has_key_outputs_and_an_example() -> None:
    covered = {name for _, name, _ in CASES}
    for name, spec in calculators().items():
        assert any(o.lead for o in spec.outputs), name
        assert name in covered, f"no worked example runs {name}"


@pytest.mark.parametrize("case", [c for c in CASES if c[1] == "resident-benefit-start"],
                         ids=[_id(c) for c in CASES if c[1] == "resident-benefit-start"])
def test_who_pays_always_names_a_payer(case: tuple) -> None:
    pid, name, inputs = case
    out = calc.run(name, pid, inputs)
    if out["result"]["amount_basis"] is not None:   # someone pays: the answer names who
        assert out["display"]["paid_by"]["en"] not in ("not applicable",), (pid, inputs, out["display"]["paid_by"])
        assert "paid_by" not in out["folded"]


def test_newborn_headline_reads_as_one_answer() -> None:
    """The 平江/双清 newborn: the price, the start of cover and who pays, in one line."""
    out = calc.run("resident-benefit-start", "hunan/shaoyang/shuangqing/2023-resident",
                   {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-04-28"})
    assert out["ok"], out
    zh, en = out["headline"]["zh"], out["headline"]["en"]
    assert "350.00 元" in zh and "本人或家庭" in zh, zh
    assert "CNY 350.00" in en and "you or your family" in en, en


def test_flexible_headline_is_the_issue_example() -> None:
    out = calc.run("flexible-contribution", "hunan/hengyang/2023-flexible-employment", {"months": 12})
    assert out["headline"]["zh"].startswith("每月 301.88 元")
    assert out["headline"]["zh"].endswith("全年 3622.56 元")
    assert out["headline"]["en"].startswith("CNY 301.88 a month") and out["headline"]["en"].endswith("CNY 3,622.56 a year")
