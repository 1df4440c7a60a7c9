"""Issue 10 §2, flexible employment: a grade left to the person as a RANGE (base 60 %–300 % of the wage), and
several add-on premiums the source leaves open, each enterable — on a test-fixture policy (invented figures,
tests/fixtures/flexible-choices — never a published page)."""
from __future__ import annotations

from pathlib import Path

import pytest

import calc
import calc.data
from calc.api import applicable_inputs
from calc.flexible_contribution import CALCULATOR as CONTRIBUTION
from calc.policy import Policy
from fixture_policies import run_ok, step_of, use_fixture_policies
from scripts.policy.loader import load_all

FIXTURE = Path(__file__).parent / "fixtures" / "flexible-choices" / "policies"
PID = "testland/choice/2024-flexible-employment"
CALC = "flexible-contribution"


@pytest.fixture(autouse=True)
def fixture_policies(tmp_path_factory, monkeypatch) -> dict:
    yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)


def specs() -> dict:
    return {s.name: s for s in applicable_inputs(CONTRIBUTION, Policy(calc.data.load_policies()[PID]))}


# --- a range: {min: 60, max: 300} ---------------------------------------------------------------------------

def test_the_form_offers_a_percent_bounded_by_the_policys_range() -> None:
    spec = specs()["base_ratio"]
    assert (spec.type, spec.minimum, spec.maximum, spec.choices) == ("integer", 60, 300, ())
    assert "60%" in spec.help.zh and "300%" in spec.help.en and "contribution_rate" not in specs()


@pytest.mark.parametrize("grade, base", [(60, "3600.00"), ("150", "9000.00"), (300, "18000.00")])
def test_a_grade_within_the_range_is_used_and_the_step_says_which(grade, base) -> None:
    out = run_ok(CALC, PID, {"base_ratio": grade})
    assert out["result"]["base"] == base
    words = step_of(out, "base")
    assert f"您选择的一档 {grade}%" in words["zh"] and "60%–300%" in words["zh"]
    assert f"your choice, {grade}%" in words["en"] and "the policy allows 60%–300%" in words["en"]


def test_no_grade_given_is_the_lowest_and_says_so() -> None:
    out = run_ok(CALC, PID, {})
    assert out["result"]["base"] == "3600.00"
    assert "未选择，按最低的一档 60%" in step_of(out, "base")["zh"] and "lowest, 60%" in step_of(out, "base")["en"]


@pytest.mark.parametrize("grade", [59, 301, "0", "1000"])
def test_a_grade_outside_the_range_is_a_bilingual_error(grade) -> None:
    out = calc.run(CALC, PID, {"base_ratio": grade})
    assert not out["ok"] and [e["field"] for e in out["errors"]] == ["base_ratio"]
    error = out["errors"][0]
    assert "60" in error["message_zh"] and "300" in error["message_zh"] and "300" in error["message_en"]


def test_calc_itself_rejects_a_grade_outside_the_range() -> None:
    """Even past the form's bounds (a caller validating without the policy's specs), compute says no."""
    from calc.errors import InputErrors
    from calc.flexible_contribution import outside_choice
    policy = Policy(calc.data.load_policies()[PID])
    error = outside_choice(policy, "base_ratio", {"base_ratio": 400}, None)
    assert error and "60%–300%" in error.message_zh and "400%" in error.message_en
    assert outside_choice(policy, "base_ratio", {"base_ratio": 200}, None) is None
    with pytest.raises(InputErrors):
        CONTRIBUTION.compute(policy, {"months": 12, "base_ratio": 400, "average_monthly_wage": None, "first_month": None,
                                      "contribution_rate": None, "supplementary_annual": None,
                                      "add_on_long_term_care": None, "add_on_major_medical_aid": None})


def _broken(tmp_path: Path, value: str) -> list:
    text = (FIXTURE / "testland/choice/2024-flexible-employment.yaml").read_text(encoding="utf-8")
    target = tmp_path / "testland" / "choice"
    target.mkdir(parents=True)
    (target / "2024-flexible-employment.yaml").write_text(text.replace("value: {min: 60, max: 300}", f"value: {value}"),
                                                        encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "choice.txt").write_text((FIXTURE / "sources" / "choice.txt").read_text(encoding="utf-8"),
                                                     encoding="utf-8")
    return load_all(tmp_path, tmp_path / "sources")[1]


@pytest.mark.parametrize("value", ["{min: 300, max: 60}", "{min: 60.5, max: 300}", "{min: 60, max: three}"])
def test_a_malformed_range_is_a_file_line_error(tmp_path: Path, value: str) -> None:
    problems = [p for p in _broken(tmp_path, value) if p.field == "parameters.base_ratio.value"]
    assert problems and problems[0].line > 1 and "{min: 60, max: 300}" in problems[0].en and "范围" in problems[0].zh


# --- several add-on premiums the source leaves open --------------------------------------------------------

def test_each_open_add_on_is_its_own_input_labelled_by_the_policy() -> None:
    s = specs()
    assert s["add_on_long_term_care"].label.zh == "长期护理保险费（元/月）"
    assert s["add_on_major_medical_aid"].label.en == "Major medical aid (yuan/year)"
    assert "supplementary_annual" not in s and "add_on_critical_illness" not in s   # an alias / a stated amount


def test_every_entered_premium_is_in_the_totals() -> None:
    """60 % × 6000 = 3600 × 8 % = 288 + 10 (long-term care, monthly) = 298 a month; a year 298 × 12 + 100 + 60."""
    out = run_ok(CALC, PID, {"add_on_long_term_care": "10", "add_on_major_medical_aid": "100", "months": 6})
    r = out["result"]
    assert (r["monthly_total"], r["period_total"], r["annual_total"]) == ("298.00", "1948.00", "3736.00")
    # the steps' arithmetic is the totals' own: 298 × 6 + (100 + 60) = 1948
    assert "298.00 元 × 6 个月 + 160.00 = 1948.00" in step_of(out, "period_total")["zh"]
    assert "(your input)" in step_of(out, "add_on_long_term_care")["en"]
    assert r["totals_complete"] is True and r["warnings"] == []
    lines = {a["id"]: a["zh"] for a in r["add_ons"]}
    assert "10.00" in lines["long_term_care"] and "100.00" in lines["major_medical_aid"] and "60.00" in lines["critical_illness"]


def test_a_premium_left_blank_is_named_as_missing_and_the_other_counts() -> None:
    r = run_ok(CALC, PID, {"add_on_major_medical_aid": "100"})["result"]
    assert r["monthly_total"] == "288.00" and r["totals_complete"] is False
    assert r["annual_total"] == str(288 * 12 + 100 + 60) + ".00"
    assert [w["id"] for w in r["warnings"]] == ["long-term-care-excluded"]


def test_the_old_input_name_still_fills_the_first_open_premium() -> None:
    old = run_ok(CALC, PID, {"supplementary_annual": "10"})["result"]
    new = run_ok(CALC, PID, {"add_on_long_term_care": "10"})["result"]
    assert old == new
    both = calc.run(CALC, PID, {"supplementary_annual": "10", "add_on_long_term_care": "10"})
    assert not both["ok"] and both["errors"][0]["field"] == "supplementary_annual"
    assert "add_on_long_term_care" in both["errors"][0]["message_zh"] and "older name" in both["errors"][0]["message_en"]
