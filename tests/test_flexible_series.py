"""Issue 10 §2 shapes for flexible employment, as policy data, on a test-fixture series (invented figures,
tests/fixtures/flexible-series — never a published page): add-on premiums named by the policy, a base stated
directly, choices left to the person, values by date, and arrears spanning two policies of one series.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import calc
import calc.data
from calc.api import applicable_inputs
from calc.flexible_contribution import CALCULATOR as CONTRIBUTION
from calc.flexible_contribution import month_of
from calc.policy import Policy
from fixture_policies import use_fixture_policies
from calc_helpers import calc_helpers

FIXTURE = Path(__file__).parent / "fixtures" / "flexible-series" / "policies"
Y2023, Y2024 = "testland/demo/2023-flexible-employment", "testland/demo/2024-flexible-employment"


@pytest.fixture(autouse=True)
def fixture_series(tmp_path_factory, monkeypatch) -> dict:
    """calc reads the fixture series' compiled data (as MINGBAI_POLICY_DATA would point it)."""
    yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)


run, result, errors = calc_helpers()


def test_the_series_is_linked() -> None:
    data = calc.data.load_policies()
    assert data[Y2024]["series"]["previous"] == Y2023 and data[Y2023]["series"]["next"] == Y2024


# --- add-on premiums: named by the policy, monthly in the monthly total, yearly once in the totals ----------

def test_add_ons_are_labelled_by_the_policy_and_all_stated_ones_are_in_the_totals() -> None:
    """长期护理保险费每月10元 (monthly) and 大额医疗救助金每年120元 (yearly): 5000 × 60% × 7% = 210 + 10 = 220 a month,
    220 × 12 + 120 = 2760 a year; nothing is said to be missing."""
    out = run("flexible-contribution", Y2023, {})
    r = out["result"]
    assert (r["basic_monthly"], r["monthly_total"], r["annual_total"]) == ("210.00", "220.00", "2760.00")
    assert r["period_total"] == "2760.00" and r["totals_complete"] is True and r["warnings"] == []
    lines = {a["id"]: a for a in r["add_ons"]}
    assert "长期护理保险费" in lines["long_term_care"]["zh"] and "10.00" in lines["long_term_care"]["zh"]
    assert "Major medical aid" in lines["major_medical_aid"]["en"] and "120.00" in lines["major_medical_aid"]["en"]
    assert not any("原文未给出" in s["zh"] for s in out["steps"])
    assert r["critical_illness_monthly"] is None and out["display"]["critical_illness_monthly"]["en"] == "not applicable"


# --- choices left to the person ----------------------------------------------------------------------------

def test_the_form_offers_exactly_the_policys_options() -> None:
    specs = {s.name: s for s in applicable_inputs(CONTRIBUTION, Policy(calc.data.load_policies()[Y2023]))}
    assert [(c.value, c.label.zh) for c in specs["base_ratio"].choices] == [("60", "60%"), ("80", "80%"), ("100", "100%")]
    assert [c.value for c in specs["contribution_rate"].choices] == ["7", "9"]
    assert "first_month" not in specs   # no value of this policy changes by date
    other = {s.name for s in applicable_inputs(CONTRIBUTION, Policy(calc.data.load_policies()[Y2024]))}
    assert "base_ratio" not in other and "contribution_rate" not in other and "first_month" in other


def test_the_calculator_uses_the_chosen_option_and_says_which() -> None:
    out = run("flexible-contribution", Y2023, {"base_ratio": "80", "contribution_rate": "9"})
    r = out["result"]
    assert (r["base"], r["rate"], r["basic_monthly"], r["monthly_total"]) == ("4000.00", "0.09", "360.00", "370.00")
    base, basic = (next(s for s in out["steps"] if s["id"] == i) for i in ("base", "basic_monthly"))
    assert "您选择的" in base["zh"] and "80%" in base["zh"] and "60%、80%、100%" in base["zh"]
    assert "your choice" in basic["en"] and "7%, 9%" in basic["en"]
    default = next(s for s in run("flexible-contribution", Y2023, {})["steps"] if s["id"] == "base")
    assert "最低" in default["zh"] and "lowest" in default["en"]


def test_an_option_the_policy_does_not_offer_is_a_bilingual_error() -> None:
    out = calc.run("flexible-contribution", Y2023, {"contribution_rate": "8"})
    assert not out["ok"]
    (err,) = out["errors"]
    assert err["field"] == "contribution_rate" and err["message_zh"] and err["message_en"]


# --- a base stated directly, with a value by date ------------------------------------------------------------

def test_a_base_stated_directly_changes_on_its_date_and_the_step_says_why() -> None:
    """1–9 月 3000 元，10 月 1 日起 3300 元 (by the month paid for): 3000 × 8% + 15 = 255; 3300 × 8% + 15 = 279."""
    out = run("flexible-contribution", Y2024, {"first_month": "2024-11-01", "months": 2})
    r = out["result"]
    assert (r["base"], r["basic_monthly"], r["monthly_total"], r["period_total"]) == ("3300.00", "264.00", "279.00", "558.00")
    base = next(s for s in out["steps"] if s["id"] == "base")
    assert "2024-10-01 起" in base["zh"] and "缴费所属月份 2024-11" in base["zh"] and "month paid for" in base["en"]
    assert base["cites"][0]["quote"] == "自2024年10月1日起，月缴费基数调整为3300元"   # the dated value's own quote


def test_a_year_spanning_the_change_adds_each_months_amount() -> None:
    """Full year from the policy's first month: 9 × 255 + 3 × 279 = 3132; the step names the month it changes."""
    out = run("flexible-contribution", Y2024, {})
    r = out["result"]
    assert (r["base"], r["monthly_total"], r["annual_total"], r["basic_annual"]) == ("3000.00", "255.00", "3132.00", "2952.00")
    change = next(s for s in out["steps"] if s["id"] == "dated_change")
    assert "2024-10" in change["zh"] and "279.00" in change["zh"]


def test_a_value_whose_rule_names_the_payment_date_is_read_on_that_date() -> None:
    data = calc.data.load_policies()[Y2024]
    by_payment = Policy({**data, "parameters": {**data["parameters"],
                                                "base": {**data["parameters"]["base"], "applies_by": "payment_date"}}})
    september = dt.date(2024, 9, 1)
    assert month_of(by_payment, {}, september)[0]["base"] == Decimal("3000")
    assert month_of(by_payment, {}, september, dt.date(2024, 10, 5))[0]["base"] == Decimal("3300")
    steps = month_of(by_payment, {}, september, dt.date(2024, 10, 5))[1]
    assert "缴费日期 2024-10-05" in steps[0].zh and "the payment date" in steps[0].en


# --- arrears spanning two policies of one series ---------------------------------------------------------------

def test_arrears_across_two_years_price_each_month_by_its_own_policy() -> None:
    """2023-11, 2023-12 at the 2023 policy's 220; 2024-01, 2024-02 at the 2024 policy's 255: 950 in all."""
    out = run("flexible-arrears", Y2024, {"unpaid_months": ["2023-11", "2023-12", "2024-01", "2024-02"],
                                          "payment_date": "2024-03-10"})
    r = out["result"]
    assert r["arrears_due"] == str(Decimal("220") * 2 + Decimal("255") * 2) + ".00"
    assert (r["arrears_months"], r["status"], r["benefits_from"]) == (4, "suspended_enrolment", "2024-04-10")
    by_policy = next(s for s in out["steps"] if s["id"] == "months_by_policy")
    assert "示范市 2023 年" in by_policy["zh"] and "220.00" in by_policy["zh"] and "255.00" in by_policy["zh"]
    assert "Demo city 2023" in by_policy["en"]


def test_dated_values_apply_within_arrears_too() -> None:
    """2024-09 at 255, 2024-10 at 279 (the base changed on 1 October): 534."""
    r = run("flexible-arrears", Y2024, {"unpaid_months": ["2024-09", "2024-10"], "payment_date": "2024-11-05"})["result"]
    assert r["arrears_due"] == "534.00"


def test_a_month_no_policy_on_file_covers_is_a_bilingual_error_naming_what_is_on_file() -> None:
    out = calc.run("flexible-arrears", Y2023, {"unpaid_months": ["2022-12"], "payment_date": "2023-01-10"})
    assert not out["ok"]
    (err,) = out["errors"]
    assert err["field"] == "unpaid_months" and "2022-12" in err["message_zh"]
    assert "示范市 2023 年" in err["message_zh"] and "示范市 2024 年" in err["message_zh"]
    assert "Demo city 2024" in err["message_en"]
