"""flexible-arrears: 衡阳 2023 and 周口 2024 rules after missed payments, each with its sentence and boundaries."""
from __future__ import annotations

from decimal import Decimal

import pytest

import calc
from calc_helpers import calc_helpers

HENGYANG = "hunan/hengyang/2023-flexible-employment"
ZHOUKOU = "henan/zhoukou/2024-flexible-employment"
WAGE = {"average_monthly_wage": "7000"}


run, result, errors = calc_helpers("flexible-arrears")


def months(first: int, count: int, year: int = 2023) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(first, first + count)]


# --- 衡阳 -------------------------------------------------------------------------------------------

def test_hengyang_benefits_stop_from_the_month_after_the_arrears() -> None:
    """衡阳日报: 未按时足额缴纳基本医保费、大病保险费的从欠缴费用的下月起，停止享受各项医保待遇。"""
    r = result(HENGYANG, {"unpaid_months": ["2023-03"], "payment_date": "2023-04-20"})
    assert r["benefits_suspended_from"] == "2023-04-01"
    r = result(HENGYANG, {"unpaid_months": ["2023-12"], "payment_date": "2024-01-05"})
    assert r["benefits_suspended_from"] == "2024-01-01"


def test_hengyang_exactly_three_months_is_restored_retroactively() -> None:
    """衡阳日报: 欠缴费用在3个月内（含），按规定补足……后，从缴费到账之日起恢复享受各项医保待遇，
    欠缴费用期间医保待遇可追溯享受 — 3 months is inside “3个月内（含）”."""
    r = result(HENGYANG, {"unpaid_months": months(3, 3), "payment_date": "2023-06-10"})
    assert r["arrears_months"] == 3
    assert r["status"] == "restored"
    assert r["benefits_from"] == "2023-06-10"          # the day the money arrives
    assert r["retroactive"] is True
    assert r["waiting_days"] == 0
    assert r["waiting_months"] is None                  # 衡阳 counts its wait in days


def test_hengyang_four_months_suspend_enrolment_without_back_cover() -> None:
    """衡阳日报: 欠缴费用超过3个月，按暂停参保处理。……补足……后可恢复参保，从缴费30日后享受各项医保待遇，
    欠缴费用期间医保待遇不再追补。"""
    r = result(HENGYANG, {"unpaid_months": months(3, 4), "payment_date": "2023-07-10"})
    assert r["arrears_months"] == 4
    assert r["status"] == "suspended_enrolment"
    assert r["retroactive"] is False
    assert r["waiting_days"] == 30


@pytest.mark.parametrize("paid, day_30, day_31", [
    ("2023-05-01", "2023-05-31", "2023-06-01"),
    ("2023-07-10", "2023-08-09", "2023-08-10"),
    ("2023-12-15", "2024-01-14", "2024-01-15"),
])
def test_hengyang_thirty_days_after_payment_starts_on_day_31(paid: str, day_30: str, day_31: str) -> None:
    """衡阳日报: 从缴费30日后享受各项医保待遇 — reading `thirty-days`: the payment day is not counted,
    day 30 is still waiting, benefits from day 31."""
    out = run(HENGYANG, {"unpaid_months": months(1, 4), "payment_date": paid})
    assert out["result"]["benefits_from"] == day_31
    beyond = next(s for s in out["steps"] if s["id"] == "beyond_grace")
    assert day_30 in beyond["zh"] and day_30 in beyond["en"]
    assert {c["field"] for c in beyond["cites"]} >= {"restoration_wait_days", "arrears_suspension"}


def test_hengyang_arrears_are_the_published_monthly_total_per_month() -> None:
    """衡阳日报: 两项合计，每月缴费标准为301.88元 — the arrears reuse flexible-contribution's monthly total."""
    for n in range(1, 13):
        r = result(HENGYANG, {"unpaid_months": months(1, n), "payment_date": "2024-01-15"})
        assert r["monthly_contribution"] == "301.88"
        assert Decimal(r["arrears_due"]) == Decimal("301.88") * n
        assert r["payback_required"] is True


def test_hengyang_steps_show_and_cite_the_contribution() -> None:
    out = run(HENGYANG, {"unpaid_months": months(3, 2), "payment_date": "2023-05-10"})
    ids = [s["id"] for s in out["steps"]]
    assert ids[:4] == ["base", "basic_monthly", "critical_illness_monthly", "monthly_total"]
    fields = {c["field"] for s in out["steps"] for c in s["cites"]}
    assert {"base_reference_wage", "contribution_rate", "critical_illness_monthly", "arrears_benefits_stop",
            "arrears_grace_months", "arrears_payback_required"} <= fields
    assert out["display"]["status"] == {"zh": "缴费后恢复待遇", "en": "Benefits restored on payment"}


def test_hengyang_has_no_zhoukou_inputs_or_outputs() -> None:
    out = run(HENGYANG, {"unpaid_months": months(3, 2), "payment_date": "2023-05-10"})
    assert out["display"]["chronic_disease_claims_from"] == {"zh": "不适用", "en": "not applicable"}
    (err,) = errors(HENGYANG, {"unpaid_months": months(3, 2), "payment_date": "2023-05-10", "first_enrolment": True})
    assert err["field"] == "first_enrolment"


def test_months_are_counted_as_listed_not_necessarily_consecutive() -> None:
    """Reading `arrears-dates`: the number of different months listed; repeats and order do not matter."""
    r = result(HENGYANG, {"unpaid_months": "2023-06, 2023-02，2023-02 2023-04", "payment_date": "2023-07-01"})
    assert r["arrears_months"] == 3 and r["status"] == "restored"
    assert r["benefits_suspended_from"] == "2023-03-01"


@pytest.mark.parametrize("inputs, field", [
    ({"payment_date": "2023-05-10"}, "unpaid_months"),                                    # nothing unpaid
    ({"unpaid_months": ["2022-12"], "payment_date": "2023-02-10"}, "unpaid_months"),        # before the 2023 standard
    ({"unpaid_months": ["2099-01"], "payment_date": "2099-02-10"}, "unpaid_months"),        # no policy on file for it
    ({"unpaid_months": ["2023-05"], "payment_date": "2023-04-10"}, "unpaid_months"),        # month after payment
    ({"unpaid_months": ["2023-05"], "payment_date": "2023-05-20"}, "payment_date"),         # no arrears effect yet
    ({"unpaid_months": ["2023-13"], "payment_date": "2023-05-20"}, "unpaid_months"),
    ({"unpaid_months": ["March"], "payment_date": "2023-05-20"}, "unpaid_months"),
    ({"unpaid_months": ["2023-03"]}, "payment_date"),
    ({"unpaid_months": ["2023-03"], "payment_date": "2022-12-31"}, "payment_date"),         # before the policy
    ({"unpaid_months": ["2023-03"], "payment_date": "9999-12-31"}, "payment_date"),         # implausible, never a crash
])
def test_bad_or_inconsistent_input_gives_bilingual_errors(inputs: dict, field: str) -> None:
    assert field in {e["field"] for e in errors(HENGYANG, inputs)}


# --- 周口 -------------------------------------------------------------------------------------------

def test_zhoukou_three_months_resume_on_normal_payment() -> None:
    """周口 第九条: 欠缴……3 个月以内（含 3 个月）的，正常缴费后即可正常享受待遇。"""
    r = result(ZHOUKOU, {"unpaid_months": months(7, 3, 2024), "payment_date": "2024-10-08", **WAGE})
    assert (r["status"], r["benefits_from"], r["waiting_months"]) == ("restored", "2024-10-08", 0)
    assert r["benefits_suspended_from"] == "2024-08-01"   # 从欠费次月起暂停
    assert r["retroactive"] is None                       # the text does not say
    assert r["waiting_days"] is None


def test_zhoukou_four_months_mean_a_three_month_wait() -> None:
    """周口 第九条: 欠缴……3 个月以上的，实行 3 个月待遇享受等待期，即从正常缴费之日起，3 个月后方可按规定享受基本医疗保险待遇。"""
    out = run(ZHOUKOU, {"unpaid_months": months(7, 4, 2024), "payment_date": "2024-11-15", **WAGE})
    r = out["result"]
    assert (r["status"], r["waiting_months"], r["benefits_from"]) == ("waiting_period", 3, "2025-02-16")
    assert r["retroactive"] is None
    assert out["display"]["retroactive"] == {"zh": "原文未给出", "en": "not stated in the source"}


@pytest.mark.parametrize("paid, last_waiting_day, first_day", [
    ("2024-10-15", "2025-01-15", "2025-01-16"),
    ("2024-11-30", "2025-02-28", "2025-03-01"),     # no 30 February: the month's last day
    ("2025-08-31", "2025-11-30", "2025-12-01"),
    ("2024-12-31", "2025-03-31", "2025-04-01"),
])
def test_zhoukou_three_months_count_from_the_day_after_payment(paid: str, last_waiting_day: str, first_day: str) -> None:
    """Reading `three-month-wait` (民法典 第二百零一、二百零二条): the wait ends on the same day three months later."""
    out = run(ZHOUKOU, {"unpaid_months": months(6, 4, 2024), "payment_date": paid, **WAGE})
    assert out["result"]["benefits_from"] == first_day
    beyond = next(s for s in out["steps"] if s["id"] == "beyond_grace")
    assert last_waiting_day in beyond["zh"]


def test_zhoukou_arrears_amount_is_for_information_only() -> None:
    """周口: the text says only “正常缴费后” — whether the months must be paid back is not stated (reading `arrears-open`)."""
    out = run(ZHOUKOU, {"unpaid_months": months(7, 2, 2024), "payment_date": "2024-09-03", **WAGE})
    r = out["result"]
    assert (r["monthly_contribution"], r["arrears_due"], r["payback_required"]) == ("448.00", "896.00", None)
    assert "原文未说明" in next(s for s in out["steps"] if s["id"] == "arrears_due")["zh"]


def test_zhoukou_needs_the_wage_the_source_leaves_open() -> None:
    (err,) = errors(ZHOUKOU, {"unpaid_months": ["2024-07"], "payment_date": "2024-08-03"})
    assert err["field"] == "average_monthly_wage"


@pytest.mark.parametrize("paid_months, payment, benefits, chronic, status", [
    (1, "2024-07-05", "2024-10-01", "2025-01-01", "first_enrolment_wait"),
    (2, "2024-08-05", "2024-10-01", "2025-01-01", "first_enrolment_wait"),
    (3, "2024-09-05", "2024-10-01", "2025-01-01", "first_enrolment_wait"),
    (4, "2024-10-05", "2024-10-01", "2025-01-01", "eligible"),
    (6, "2024-12-05", "2024-10-01", "2025-01-01", "eligible"),
])
def test_zhoukou_first_enrolment_three_and_six_consecutive_months(
        paid_months: int, payment: str, benefits: str, chronic: str, status: str) -> None:
    """周口 第八条: 首次参加……并连续缴费 3 个月（含3 个月）后，方可按规定享受……待遇。……连续缴费 6 个月（含 6 个月）以上者，
    符合门诊慢特病申报条件的，可按规定进行待遇申报。 Reading `first-enrolment-months`: from the 1st of the month after
    the 3rd (6th) consecutive paid month; here payments start in July 2024."""
    r = result(ZHOUKOU, {"first_enrolment": True, "paid_months": paid_months, "payment_date": payment, **WAGE})
    assert (r["benefits_from"], r["chronic_disease_claims_from"], r["status"]) == (benefits, chronic, status)
    assert r["waiting_months"] == 3
    assert r["arrears_months"] == 0 and r["arrears_due"] == "0.00"


def test_zhoukou_first_enrolment_needs_paid_months() -> None:
    (err,) = errors(ZHOUKOU, {"first_enrolment": True, "payment_date": "2024-07-05", **WAGE})
    assert err["field"] == "paid_months"


def test_zhoukou_first_enrolment_with_arrears_takes_the_later_date() -> None:
    """Reading `switching`: a first-time member with arrears must satisfy both article 8 and article 9."""
    r = result(ZHOUKOU, {"first_enrolment": True, "paid_months": 1, "unpaid_months": ["2024-07"],
                         "payment_date": "2024-08-10", **WAGE})
    assert (r["status"], r["benefits_from"]) == ("first_enrolment_wait", "2024-11-01")
    r = result(ZHOUKOU, {"first_enrolment": True, "paid_months": 1, "unpaid_months": months(6, 4, 2024),
                         "payment_date": "2024-10-10", **WAGE})
    assert (r["status"], r["benefits_from"], r["chronic_disease_claims_from"]) == ("waiting_period", "2025-01-11", "2025-04-01")


def test_zhoukou_paid_months_may_not_overlap_the_unpaid_months() -> None:
    (err,) = errors(ZHOUKOU, {"first_enrolment": True, "paid_months": 3, "unpaid_months": ["2024-08"],
                              "payment_date": "2024-09-10", **WAGE})
    assert err["field"] == "paid_months"


@pytest.mark.parametrize("years, gap, status, benefits, waiting", [
    (2, 3, "seamless_switch", "2024-10-08", 0),       # 2 years (含) and 3 months (含): seamless
    (5, 0, "seamless_switch", "2024-10-08", 0),
    (2, 4, "waiting_period", "2025-01-09", 3),        # gap over 3 months: 3-month wait
])
def test_zhoukou_switching_after_two_continuous_years(years: int, gap: int, status: str, benefits: str, waiting: int) -> None:
    """周口 第十二条: 已连续 2 年（含 2 年）以上……切换参保关系的，且中断缴费时间不超过 3 个月（含 3 个月）的，缴费后即可正常享受待遇……；
    中断缴费时间超过 3个月的，缴费后实行 3 个月的待遇享受等待期。"""
    gap_months = [f"2024-{m:02d}" for m in range(10 - gap, 10)]
    r = result(ZHOUKOU, {"switched_from_employee": True, "continuous_years_before_switch": years,
                         "unpaid_months": gap_months, "payment_date": "2024-10-08", **WAGE})
    assert (r["status"], r["benefits_from"], r["waiting_months"], r["arrears_months"]) == (status, benefits, waiting, gap)
    assert r["arrears_due"] is None and r["benefits_suspended_from"] is None


def test_zhoukou_switching_with_less_than_two_years_falls_back_to_the_other_articles() -> None:
    """周口 第十二条 applies only from 2 continuous years; with 1 year a first-timer follows article 8 (reading `switching`)."""
    r = result(ZHOUKOU, {"switched_from_employee": True, "continuous_years_before_switch": 1, "first_enrolment": True,
                         "paid_months": 1, "payment_date": "2024-10-08", **WAGE})
    assert (r["status"], r["benefits_from"]) == ("first_enrolment_wait", "2025-01-01")
    r = result(ZHOUKOU, {"switched_from_employee": True, "continuous_years_before_switch": 1,
                         "unpaid_months": months(6, 4, 2024), "payment_date": "2024-10-08", **WAGE})
    assert (r["status"], r["waiting_months"]) == ("waiting_period", 3)


def test_zhoukou_switching_needs_the_years() -> None:
    (err,) = errors(ZHOUKOU, {"switched_from_employee": True, "payment_date": "2024-10-08", **WAGE})
    assert err["field"] == "continuous_years_before_switch"


def test_zhoukou_months_before_the_measures_are_refused() -> None:
    """周口 第十九条: 本办法自 2024 年 6 月 1 日起施行。"""
    (err,) = errors(ZHOUKOU, {"unpaid_months": ["2024-05"], "payment_date": "2024-07-03", **WAGE})
    assert err["field"] == "unpaid_months"


def test_no_literal_rule_figures_in_the_code() -> None:
    """The 3 / 30 / 6 of the rules come from the policy parameters, never from literals in the module."""
    import re
    from pathlib import Path

    for path in sorted(Path(calc.__file__).parent.glob("flexible_arrears*.py")):   # the calculator and its parts
        source = path.read_text(encoding="utf-8")
        code = source.split('"""', 2)[2]   # after the module docstring
        code = re.sub(r'"[^"\n]*"', '""', code)   # ignore texts
        assert not re.search(r"(?<![\w.])(3|30|6)(?![\w.])", code), path.name
