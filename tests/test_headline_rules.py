"""Every headline is consistent with its result and its warnings (issue 20, "the headline is the whole truth").

Generated, not a hand list: every calculator over every policy's worked examples and every test vector on file
(tests/vectors/*.yaml). For each rule of calc/headline_rules.py that holds on a result (on its values or on a
warning it names), the headline's first words, before any figure, say so in zh and en. Every warning on file
is either named by a rule or listed in DETAIL_ONLY with its reason, so a new kind of warning needs a decision.
"""
from __future__ import annotations

from typing import Any

import pytest

import calc
import calc.data
from calc.headline_rules import DETAIL_ONLY, RULES
from tests.test_pyodide_parity import load_vectors

POLICIES = calc.data.load_policies()
CASES = [(f"{pid}:example{i}", example.get("calculator", policy["calculators"][0]), pid, dict(example["inputs"]))
         for pid, policy in sorted(POLICIES.items()) for i, example in enumerate(policy.get("examples") or [])]
CASES += [(v["name"], v["calculator"], v["policy"], v["inputs"]) for v in load_vectors()]
RUNS = {name: calc.run(calculator, pid, inputs) for name, calculator, pid, inputs in CASES}
DONE = {name: out for name, out in RUNS.items() if out["ok"]}


def _values(out: dict[str, Any]) -> dict[str, Any]:
    """The result as compute made it: outputs that do not apply are absent, not None."""
    return {k: v for k, v in out["result"].items() if k not in out["folded"]}


def _first_words(line: str, sep: str) -> str:
    """What comes before the first figure: the leads end at the first colon (a headline of leads alone is all lead)."""
    return line.split(sep, 1)[0]


@pytest.mark.parametrize("name", sorted(DONE))
def test_the_headline_leads_with_every_fact_that_holds(name: str) -> None:
    out = DONE[name]
    values = _values(out)
    zh, en = _first_words(out["headline"]["zh"], "："), _first_words(out["headline"]["en"], ": ")
    for rule in RULES:
        if rule.applies(values):
            assert rule.said(zh, en), (name, rule.name, out["headline"])


def test_every_warning_on_file_is_ruled_or_detail() -> None:
    ruled = {w for rule in RULES for w in rule.warnings}
    seen = {w["id"] for out in DONE.values() for w in out["result"].get("warnings") or () if isinstance(w, dict)}
    assert not seen - ruled - set(DETAIL_ONLY), sorted(seen - ruled - set(DETAIL_ONLY))
    assert not ruled & set(DETAIL_ONLY)


def test_each_fact_of_the_issue_is_met_on_file() -> None:
    """The cases issue 20 names hold on the examples and vectors (the rule table is not dead)."""
    held = {rule.name for out in DONE.values() for rule in RULES if rule.applies(_values(out))}
    assert {"enrolment_not_allowed", "payment_buys_nothing", "compulsory_item_missing", "back_payment_not_required",
            "next_window_open", "source_leaves_it_open", "reading_used"} <= held, held


def test_the_issue_headlines() -> None:
    """Issue 20 point 3: 周口's total without the compulsory premium, its arrears Article 9 does not require."""
    total = calc.run("flexible-contribution", "henan/zhoukou/2024-flexible-employment", {"average_monthly_wage": "7000"})
    assert total["headline"]["zh"].startswith("合计未含一项必须缴纳的费用（见提示）：每月 448.00 元"), total["headline"]
    assert total["headline"]["en"].startswith("The totals leave out a compulsory item (see the warnings): CNY 448.00")
    arrears = calc.run("flexible-arrears", "henan/zhoukou/2024-flexible-employment",
                       {"average_monthly_wage": "7000", "payment_date": "2024-11-15",
                        "unpaid_months": ["2024-07", "2024-08", "2024-09", "2024-10"]})
    # the fact first, then the reading the wait's date rests on (whether the payment day counts: waiting_period_counting)
    assert arrears["headline"]["zh"].startswith(
        "原文没有说欠费月份必须补缴，下面的金额仅供参考；这个结果取决于读法（另一种读法见下）：欠费月份应缴 1792.00 元")
    assert arrears["headline"]["en"].startswith("The source does not say the unpaid months must be paid back")
