"""Issue 19 item 4: values that change by payment date (`applies_by: payment_date`) in flexible-contribution and
flexible-arrears. The calculator asks for the payment date and prices by it; a value that changes on a date the
source names to an amount it does not give is flagged (a warning, `determined: false`), never priced at the old
value. Each case names the sentence it comes from.

The shape: a fixture (tests/fixtures/by-payment-date, invented figures in an invented source text — never a
published page) whose base is one amount before 1 October and another from it, with both published yearly figures.
The real texts: 岳阳 2024 (M9) and 衡阳 2023/2024 (M1), source 012.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import calc
from calc.api import applicable_inputs
from calc.data import load_policies
from calc.flexible_contribution import CALCULATOR as CONTRIBUTION
from calc.policy import Policy
from fixture_policies import step_of, use_fixture_policies

FIXTURE = Path(__file__).parent / "fixtures" / "by-payment-date" / "policies"
PAYDATE = "testland/paydate/2025-flexible-employment"
YUEYANG, HENGYANG_2023, HENGYANG_2024 = ("hunan/yueyang/2024-flexible-employment", "hunan/hengyang/2023-flexible-employment",
                                         "hunan/hengyang/2024-flexible-employment")
ADJUSTED = "9月1日以后按调整后的缴费基准值的标准缴纳"   # source 012


def ok(name: str, pid: str, inputs: dict) -> dict:
    out = calc.run(name, pid, inputs)
    assert out["ok"], out
    return out


def warning_ids(out: dict) -> list[str]:
    return [w["id"] for w in out["result"]["warnings"]]


# --- the fixture: a base that changes by payment date, both published yearly figures -------------------------

@pytest.fixture
def paydate(tmp_path_factory, monkeypatch):
    yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)


# vectors: input → expected output (the published figures come from the fixture's own data)
VECTORS = [
    ({"payment_date": "2025-01-15"}, {"base": "4000.00", "monthly_total": "320.00", "annual_total": "3840.00"}),
    ({"payment_date": "2025-09-30"}, {"base": "4000.00", "monthly_total": "320.00", "annual_total": "3840.00"}),
    ({"payment_date": "2025-10-01"}, {"base": "4400.00", "monthly_total": "352.00", "annual_total": "4224.00"}),
    ({"payment_date": "2025-12-31", "months": 3}, {"base": "4400.00", "period_total": "1056.00", "annual_total": "4224.00"}),
]


@pytest.mark.parametrize("inputs, expect", VECTORS)
def test_the_payment_date_picks_the_base(paydate, inputs: dict, expect: dict) -> None:
    """“2025年10月1日前缴费的，月缴费基数为4000元；2025年10月1日起缴费的，月缴费基数调整为4400元。”"""
    r = ok("flexible-contribution", PAYDATE, inputs)["result"]
    assert {k: r[k] for k in expect} == expect
    assert r["determined"] is True and r["warnings"] == []


@pytest.mark.parametrize("day, published", [("2025-09-30", "published_annual_before_change"),
                                             ("2025-10-01", "published_annual_after_change")])
def test_both_published_yearly_figures(paydate, day: str, published: str) -> None:
    """“2025年10月1日前按年缴费的，全年缴费3840元；2025年10月1日起按年缴费的，全年缴费4224元。”
    Before the fix the payment date was ignored: one total for every payment, matching at most one of these."""
    out = ok("flexible-contribution", PAYDATE, {"payment_date": day})
    figure = load_policies()[PAYDATE]["parameters"][published]
    assert out["result"]["annual_total"] == f"{figure['value']:.2f}"
    base = step_of(out, "base")
    quote = "2025年10月1日起缴费的，月缴费基数调整为4400元" if day >= "2025-10-01" else "2025年10月1日前缴费的，月缴费基数为4000元"
    assert [c["quote"] for c in base["cites"]] == [quote]
    assert f"缴费日期 {day}" in base["zh"] and f"the payment date, {day}" in base["en"]


def test_the_form_asks_for_the_payment_date_only_where_it_matters(paydate) -> None:
    shown = {s.name for s in applicable_inputs(CONTRIBUTION, Policy(load_policies()[PAYDATE]))}
    assert "payment_date" in shown and "first_month" not in shown


def test_only_policies_with_a_value_by_payment_date_show_it() -> None:
    shown = {pid: {s.name for s in applicable_inputs(CONTRIBUTION, Policy(p))}
             for pid, p in load_policies().items() if "flexible-contribution" in p["calculators"]}
    assert {pid for pid, names in shown.items() if "payment_date" in names} == {YUEYANG, HENGYANG_2024}


def test_a_blank_payment_date_says_which_day_was_assumed(paydate) -> None:
    out = ok("flexible-contribution", PAYDATE, {})
    assert out["result"]["annual_total"] == "3840.00"
    assert warning_ids(out) == ["payment-date-assumed"]
    assert "2025-10-01" in step_of(out, "payment_date")["zh"] and "2025-10-01" in out["result"]["warnings"][0]["en"]


def test_a_payment_date_where_the_policy_has_none_is_a_bilingual_error() -> None:
    out = calc.run("flexible-contribution", HENGYANG_2023, {"payment_date": "2023-05-01"})
    assert not out["ok"] and out["errors"][0]["field"] == "payment_date"
    assert out["errors"][0]["message_zh"] and out["errors"][0]["message_en"]


def test_a_bad_payment_date_is_a_bilingual_error(paydate) -> None:
    bad = calc.run("flexible-contribution", PAYDATE, {"payment_date": "2025-13-01"})
    assert not bad["ok"] and {e["field"] for e in bad["errors"]} == {"payment_date"}


# --- 岳阳 2024 (M9): payments from 1 September use an amount the source does not state -------------------------

def test_yueyang_payment_before_september_keeps_the_published_figures() -> None:
    """012: “2024年9月1日前缴费按2023年度缴费标准3799.2元缴纳(含大病保险费180元)” and “2024年9月1日前每月缴费标准为301.6元”."""
    r = ok("flexible-contribution", YUEYANG, {"payment_date": "2024-08-31"})["result"]
    assert (r["monthly_total"], r["annual_total"], r["determined"]) == ("301.60", "3799.20", True)


@pytest.mark.parametrize("day", ["2024-09-01", "2024-12-31"])
def test_yueyang_payment_from_september_is_flagged_not_priced(day: str) -> None:
    """012: “9月1日以后按调整后的缴费基准值的标准缴纳,具体调费标准以2024年度全省…月缴费基准值的通知为准。” — the
    expert's M9: 12 × 301.6 + 180 with no word that payments from 2024-09-01 use an amount the source does not state."""
    out = ok("flexible-contribution", YUEYANG, {"payment_date": day})
    r = out["result"]
    assert r["determined"] is False
    assert all(r[k] is None for k in ("base", "basic_monthly", "monthly_total", "period_total", "annual_total"))
    assert "amount-not-stated" in warning_ids(out)
    why = step_of(out, "value_not_stated")
    assert [c["quote"] for c in why["cites"]] == [ADJUSTED]
    assert "2024-09-01" in why["zh"] and "not determined" in why["en"]
    # issue 20: a result the source leaves open leads with that (calc/headline_rules.py), not a bare "determined: no" label
    assert out["headline"]["en"] == "The source does not fully settle this result (see the warnings)"


def test_yueyang_blank_date_computes_before_september_and_says_so() -> None:
    """The published examples are unchanged (3799.2), with a warning that a payment from 1 September differs."""
    out = ok("flexible-contribution", YUEYANG, {"months": 12})
    assert out["result"]["annual_total"] == "3799.20"
    (warning,) = out["result"]["warnings"]
    assert warning["id"] == "payment-date-assumed" and "2024-09-01" in warning["zh"] and "原文没有给出" in warning["zh"]


# --- 衡阳 (M1): the arrears of Sept–Dec 2024 were priced at 316.60 ------------------------------------------------

def test_hengyang_2024_from_september_is_not_priced_at_6284() -> None:
    """011: “2023年9月1日执行的月缴费基准值为6284元” — 012: “9月1日以后按调整后的缴费基准值的标准缴纳”."""
    assert ok("flexible-contribution", HENGYANG_2024, {"payment_date": "2024-08-31"})["result"]["monthly_total"] == "316.60"
    out = ok("flexible-contribution", HENGYANG_2024, {"payment_date": "2024-10-08"})
    assert out["result"]["monthly_total"] is None and out["result"]["determined"] is False
    assert step_of(out, "value_not_stated")["cites"][0]["quote"].startswith(ADJUSTED)


def test_hengyang_2023_arrears_of_late_2024_say_the_amount_is_not_stated() -> None:
    """The expert's M1: 衡阳 2023 arrears priced Sept–Dec 2024 months at 316.60 although source 012 says
    “9月1日以后按调整后的缴费基准值”. Paid on 2024-11-05: not determined, and said; the rules of time still apply."""
    out = ok("flexible-arrears", HENGYANG_2023, {"unpaid_months": ["2024-09", "2024-10"], "payment_date": "2024-11-05"})
    r = out["result"]
    assert r["arrears_due"] is None and "amount-not-stated" in warning_ids(out)
    assert (r["status"], r["benefits_from"]) == ("restored", "2024-11-05")
    why = step_of(out, "value_not_stated")
    assert ADJUSTED in why["zh"] and "衡阳市 2024 年" in why["zh"] and why["cites"] == []   # another policy: named, not cited
    assert "无法确定" in step_of(out, "arrears_due")["zh"]


def test_hengyang_2023_arrears_paid_before_september_2024_keep_the_2024_price() -> None:
    r = ok("flexible-arrears", HENGYANG_2023, {"unpaid_months": ["2024-06", "2024-07"], "payment_date": "2024-08-20"})["result"]
    # priced, and only the M1 note that the arrears rules applied are the 2023 policy's
    assert (r["arrears_due"], [w["id"] for w in r["warnings"]]) == ("633.20", ["arrears_rules_of_this_policy"])
