"""Issue 10 §2 for resident insurance, as policy data, on test-fixture policies (invented figures,
tests/fixtures/resident-rules — never a published page): a policy's own subsidised groups (full / half /
a fixed amount / a share, payer), how one person's groups combine (no stacking, highest wins, stacking),
forms that offer only the policy's own groups, and waiting periods counted from the anchor the rule names.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import calc
import calc.data
from calc import categories
from calc.api import applicable_inputs
from calc.policy import Policy
from calc.registry import calculator
from fixture_policies import run_ok, step_of, use_fixture_policies

FIXTURE = Path(__file__).parent / "fixtures" / "resident-rules" / "policies"
NO_STACKING, HIGHEST, STACKING = (f"testland/{p}/2024-resident" for p in ("no-stacking", "highest", "stacking"))
MONTH_OF, MONTH_AFTER = (f"testland/{p}/2025-enrolment-measures" for p in ("month-of", "month-after"))
CONTRIB, START = "resident-contribution", "resident-benefit-start"


@pytest.fixture(autouse=True)
def fixture_policies(tmp_path_factory, monkeypatch) -> dict:
    yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)


run, step = run_ok, step_of


# --- what a declared group gives ------------------------------------------------------------------

@pytest.mark.parametrize("pid", [NO_STACKING, HIGHEST, STACKING])
@pytest.mark.parametrize("groups, subsidy", [
    (["extreme_poverty"], "400.00"),            # 特困人员个人缴费全额资助 (shared group, full list)
    (["minimum_living"], "200.00"),             # 低保对象个人缴费资助50% (shared group, half list)
    (["stably_out_of_poverty"], "100.00"),      # 稳定脱贫人口按100元/人定额资助 (own group, a fixed amount)
    (["marginal_elderly"], "120.00"),           # 按个人缴费的30%资助: 400 × 30% (own group, a share)
])
def test_each_group_gives_what_the_policy_declares(pid: str, groups: list, subsidy: str) -> None:
    r = run(CONTRIB, pid, {"categories": groups})["result"]
    assert (r["subsidy"], r["determined"]) == (subsidy, True)


def test_own_group_is_shown_in_the_policys_words_with_its_payer() -> None:
    out = run(CONTRIB, NO_STACKING, {"categories": ["stably_out_of_poverty"]})
    assert out["result"]["applied_category"] == "stably_out_of_poverty"
    assert out["display"]["applied_category"] == {"zh": "稳定脱贫人口", "en": "Stably out of poverty"}
    assert out["result"]["subsidy_payer"] == {"zh": "财政资金", "en": "public funds"}
    s = step(out, "category_stably_out_of_poverty")
    assert "稳定脱贫人口" in s["zh"] and "100.00" in s["zh"] and {c["field"] for c in s["cites"]} == {"subsidy_categories"}


def test_shared_group_reworded_by_the_policy() -> None:
    out = run(CONTRIB, NO_STACKING, {"categories": ["minimum_living"]})
    assert out["display"]["applied_category"]["zh"] == "城乡最低生活保障对象"
    assert "城乡最低生活保障对象" in step(out, "category_minimum_living")["zh"]


# --- how groups combine: the policy's stated rule -------------------------------------------------

@pytest.mark.parametrize("pid, groups, subsidy, payable, words", [
    (NO_STACKING, ["minimum_living", "stably_out_of_poverty"], "200.00", "200.00", "不累加"),
    (HIGHEST, ["minimum_living", "stably_out_of_poverty"], "200.00", "200.00", "就高"),
    (STACKING, ["minimum_living", "stably_out_of_poverty"], "300.00", "100.00", "累加"),          # 200 + 100
    (STACKING, ["minimum_living", "marginal_elderly", "stably_out_of_poverty"], "400.00", "0.00", "累加"),  # 420 → 400
])
def test_combination_rule(pid: str, groups: list, subsidy: str, payable: str, words: str) -> None:
    """“资助不累加” / “就高资助” / “资助可以累加，但合计不超过个人缴费标准”, each stated (a step cites it)."""
    out = run(CONTRIB, pid, {"categories": groups})
    r = out["result"]
    assert (r["subsidy"], r["payable"], r["determined"]) == (subsidy, payable, True)
    s = step(out, "no_stacking")
    assert words in s["zh"] and s["cites"][0]["field"] == "subsidy_combination"
    assert "我们的读法" not in s["zh"]           # stated by the source, not our reading


def test_stacking_names_every_group_applied_and_every_payer() -> None:
    out = run(CONTRIB, STACKING, {"categories": ["minimum_living", "stably_out_of_poverty"]})
    assert out["display"]["applied_category"]["zh"] == "城乡最低生活保障对象、稳定脱贫人口"


# --- a form offers only its own policy's groups --------------------------------------------------

def _form_codes(pid: str) -> list[str]:
    spec = next(s for s in applicable_inputs(calculator(CONTRIB), Policy(calc.data.load_policies()[pid])) if s.name == "categories")
    return [c.value for c in spec.choices]


def test_form_offers_only_the_policys_groups_in_its_words() -> None:
    assert _form_codes(STACKING) == ["extreme_poverty", "minimum_living", "marginal_elderly", "stably_out_of_poverty"]
    spec = next(s for s in applicable_inputs(calculator(CONTRIB), Policy(calc.data.load_policies()[STACKING])) if s.name == "categories")
    assert spec.choices[1].label.zh == "城乡最低生活保障对象"


def test_a_group_of_another_policy_is_an_input_error() -> None:
    out = calc.run(CONTRIB, STACKING, {"categories": ["orphan"]})
    assert not out["ok"] and out["errors"][0]["field"] == "categories"
    assert "稳定脱贫人口" in out["errors"][0]["message_zh"] and "orphan" not in out["errors"][0]["message_en"]


def test_describe_keeps_the_shared_vocabulary() -> None:
    spec = next(i for i in calc.describe(CONTRIB)["inputs"] if i["name"] == "categories")
    assert [c["value"] for c in spec["choices"]] == list(categories.CATEGORIES)
    assert spec["choices_from"] == categories.POLICY_GROUPS


# --- waiting periods counted from the rule's anchor ------------------------------------------------

@pytest.mark.parametrize("pid, first, last, cover", [
    (MONTH_OF, "2025-03-01", "2025-05-31", "2025-06-01"),       # 从缴费当月起算: March, April, May
    (MONTH_AFTER, "2025-04-01", "2025-06-30", "2025-07-01"),    # 从缴费次月起算: April, May, June
])
def test_waiting_period_counted_from_the_anchor_the_rule_names(pid: str, first: str, last: str, cover: str) -> None:
    out = run(START, pid, {"payment_date": "2025-03-15", "paid_in_collection_period": False})
    r = out["result"]
    assert (r["waiting_period_end"], r["cover_from"], r["cover_from_alternative"]) == (last, cover, None)
    s = step(out, "waiting")
    assert first in s["zh"] and last in s["zh"] and "waiting_period_counting" in {c["field"] for c in s["cites"]}
