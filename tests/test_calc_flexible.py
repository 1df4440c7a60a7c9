"""flexible-contribution: the published figures, the reading of each rule, rounding."""
from __future__ import annotations

from decimal import Decimal

import pytest

import calc
from calc.data import load_policies
from calc.flexible_contribution import CALCULATOR
from calc.policy import Policy
from calc_helpers import calc_helpers

HENGYANG = "hunan/hengyang/2023-flexible-employment"
ZHOUKOU = "henan/zhoukou/2024-flexible-employment"


run, result, errors = calc_helpers("flexible-contribution")


@pytest.mark.parametrize("published, output", [
    ("published_basic_monthly", "basic_monthly"),
    ("published_basic_annual", "basic_annual"),
    ("published_critical_illness_annual", "critical_illness_annual"),
    ("published_monthly_total", "monthly_total"),
    ("published_annual_total", "annual_total"),
])
def test_hengyang_reproduces_every_published_figure(published: str, output: str) -> None:
    """衡阳日报: 286.88/月, 3442.56/年, 180/年, 301.88/月, 3622.56/年 — from 5977 × 60 % × 8 %."""
    stated = Decimal(load_policies()[HENGYANG]["parameters"][published]["value"])
    assert Decimal(result(HENGYANG, {})[output]) == stated


def test_hengyang_base_is_rounded_to_the_yuan_before_the_rate() -> None:
    """5977 × 60 % = 3586.2; only 3586 gives the published 286.88 (3586.2 × 8 % would give 286.90)."""
    r = result(HENGYANG, {})
    assert r["base"] == "3586.00"
    assert r["basic_monthly"] == "286.88"


@pytest.mark.parametrize("months", range(1, 13))
def test_period_total_is_monthly_total_times_months(months: int) -> None:
    r = result(HENGYANG, {"months": months})
    assert Decimal(r["period_total"]) == Decimal("301.88") * months


def test_six_months_of_hengyang() -> None:
    assert result(HENGYANG, {"months": 6})["period_total"] == "1811.28"


def test_zhoukou_rate_is_6_4_percent_of_the_full_wage() -> None:
    """周口 第五条: 月平均工资 … 100%为缴费基数，按 6.4%比例缴纳."""
    r = result(ZHOUKOU, {"average_monthly_wage": "7000"})
    assert (r["base"], r["rate"], r["basic_monthly"]) == ("7000.00", "0.064", "448.00")


def test_zhoukou_requires_the_wage_the_source_leaves_open() -> None:
    out = calc.run("flexible-contribution", ZHOUKOU, {})
    assert not out["ok"]
    (err,) = out["errors"]
    assert err["field"] == "average_monthly_wage"
    assert "原文未给出" in err["message_zh"] and "does not state" in err["message_en"]


def test_zhoukou_supplementary_premium_is_added_once_a_year() -> None:
    """周口 第七条: 大额补充医疗保险费按年缴纳 — once, whatever the number of months."""
    without = result(ZHOUKOU, {"average_monthly_wage": "7000", "months": 3})
    with_it = result(ZHOUKOU, {"average_monthly_wage": "7000", "months": 3, "supplementary_annual": "120"})
    assert Decimal(with_it["period_total"]) - Decimal(without["period_total"]) == Decimal("120")
    assert Decimal(with_it["annual_total"]) - Decimal(without["annual_total"]) == Decimal("120")
    assert without["supplementary_annual"] is None


def test_zhoukou_has_no_monthly_critical_illness_premium() -> None:
    out = calc.run("flexible-contribution", ZHOUKOU, {"average_monthly_wage": "7000"})
    assert out["result"]["critical_illness_monthly"] is None
    assert out["display"]["critical_illness_monthly"] == {"zh": "不适用", "en": "not applicable"}
    assert out["display"]["supplementary_annual"]["en"] == "not stated in the source"


def test_inputs_a_policy_does_not_use_are_errors_not_ignored() -> None:
    out = calc.run("flexible-contribution", HENGYANG, {"supplementary_annual": "100"})
    assert [e["field"] for e in out["errors"]] == ["supplementary_annual"]


def _synthetic_policy(rate_percent: str) -> Policy:
    def param(value, unit):
        return {"value": value, "unit": unit, "label": {"zh": "x", "en": "x"}, "source": {"ref": "s", "quote": "q"}}
    return Policy({"id": "test/synthetic", "calculators": ["flexible-contribution"], "parameters": {
        "base_reference_wage": param(None, "CNY/month"),
        "base_ratio": param("100", "percent"),
        "contribution_rate": param(rate_percent, "percent"),
    }})


def test_contribution_rounds_half_up_not_half_even() -> None:
    """100.04 × 12.5 % = 12.505: half-up gives 12.51 (Python's round() would give 12.50)."""
    values = {"months": 1, "average_monthly_wage": Decimal("100.04"), "supplementary_annual": None}
    res, _ = CALCULATOR.compute(_synthetic_policy("12.5"), values)
    assert res["basic_monthly"] == Decimal("12.51")


def test_every_step_cites_existing_policy_fields() -> None:
    out = calc.run("flexible-contribution", HENGYANG, {})
    params = load_policies()[HENGYANG]["parameters"]
    cited = [c for s in out["steps"] for c in s["cites"]]
    assert {c["field"] for c in cited} >= {"base_reference_wage", "base_ratio", "contribution_rate", "critical_illness_monthly"}
    for c in cited:
        assert c["policy"] == HENGYANG
        assert c["quote"] == params[c["field"]]["source"]["quote"]
    for s in out["steps"]:
        assert s["zh"] and s["en"]


@pytest.mark.parametrize("bad", [{"months": 13}, {"months": 0}, {"months": "abc"}, {"months": True},
                                 {"months": 6.5}, {"months": None, "x": 1}, [], "6"])
def test_bad_input_returns_bilingual_errors_never_raises(bad: object) -> None:
    out = calc.run("flexible-contribution", HENGYANG, bad)
    assert out["ok"] is False
    for err in out["errors"]:
        assert set(err) == {"field", "message_zh", "message_en"}
        assert err["message_zh"] and err["message_en"]


def test_float_money_is_refused_by_to_decimal() -> None:
    from calc.money import to_decimal
    with pytest.raises(TypeError):
        to_decimal(286.88)


def test_hengyang_2024_says_what_leaves_the_account_and_when():
    """衡阳 2024 (issue 20 item 9): "大病保险筹资标准为180元/年,即15元/月" and "原则上于每年1月一次性征收" — the
    headline says 301.60 a month plus 180 once in January, not an average of 316.60 that is never debited."""
    import calc
    out = calc.run("flexible-contribution", "hunan/hengyang/2024-flexible-employment", {"months": 12})
    r = out["result"]
    assert (r["monthly_collected"], r["once_collected"], r["once_month"]) == ("301.60", "180.00", {"zh": "1 月", "en": "January"})
    assert out["headline"]["zh"].startswith("每月实缴 301.60 元，1 月另一次性缴 180.00 元")
    assert out["headline"]["en"].startswith("CNY 301.60 paid each month, plus CNY 180.00 once in January")
    assert "316.60" not in out["headline"]["zh"]
    collected = next(s for s in out["steps"] if s["id"] == "collected")
    assert "1 月共缴 481.60 元" in collected["zh"] and "January takes 481.60 yuan" in collected["en"]
    assert {c["field"] for c in collected["cites"]} >= {"critical_illness_collection"}
    part = calc.run("flexible-contribution", "hunan/hengyang/2024-flexible-employment", {"months": 6})
    assert part["result"].get("monthly_collected") is None
    assert part["headline"]["zh"].startswith("大病保险费全年 180.00 元原则上于每年 1 月一次性征收，只缴 6 个月时是否仍收全年的数额原文没有写")
    assert any(w["id"] == "collected-once-part-year" for w in part["result"]["warnings"])
