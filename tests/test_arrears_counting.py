"""Issue 19 items 2–3 for the flexible-employment arrears: every wait after payment is counted by a convention the
policy states (`waiting_period_counting`, the resident engine's vocabulary: calc/dates.py, calc/waits.py), and
where that convention is our reading the other count's date and the safe date are shown beside. Each case names
the sentence it comes from; the published answers (our reading) are unchanged.
"""
from __future__ import annotations

import copy
import datetime as dt

import pytest

import calc
from calc.data import load_policies
from calc.flexible_arrears_rules import _arrears_rule, _switch_rule
from calc.policy import Policy

HENGYANG = "hunan/hengyang/2023-flexible-employment"
ZHOUKOU = "henan/zhoukou/2024-flexible-employment"
WAGE = {"average_monthly_wage": "7000"}


def run(pid: str, inputs: dict) -> dict:
    out = calc.run("flexible-arrears", pid, inputs)
    assert out["ok"], out
    return out


def by_id(items: list[dict]) -> dict:
    return {i["id"]: i for i in items}


@pytest.mark.parametrize("pid, sentence", [
    (HENGYANG, "从缴费30日后享受各项医保待遇"),
    (ZHOUKOU, "即从正常缴费之日起，3 个月后方可按规定享受基本医疗保险待遇"),
])
def test_the_count_is_a_labelled_reading_with_its_alternative(pid: str, sentence: str) -> None:
    """Neither text says whether the payment day counts: the convention is data, marked as our reading (`how`),
    quoting the sentence it reads, with the other count named."""
    p = load_policies()[pid]["parameters"]["waiting_period_counting"]
    assert p["value"] == {"counted_from": "day_after_payment", "alternative": "payment_day"}
    assert p["status"] == "inferred" and p["how"]["zh"] and p["how"]["en"]
    assert sentence in p["source"]["quote"]


@pytest.mark.parametrize("paid, ours, other", [
    ("2023-05-01", "2023-06-01", "2023-05-31"),   # the reading's own example: day 31 / day 30 with the payment day as day 1
    ("2023-07-10", "2023-08-10", "2023-08-09"),
])
def test_hengyang_thirty_days_other_count_beside(paid: str, ours: str, other: str) -> None:
    """衡阳日报 “从缴费30日后享受各项医保待遇”: our reading (payment day not counted) gives day 31; counting the
    payment day as day 1 gives one day earlier. The later is the safe date to count on."""
    out = run(HENGYANG, {"unpaid_months": "2023-01 2023-02 2023-03 2023-04", "payment_date": paid})
    r = out["result"]
    assert (r["benefits_from"], r["waiting_days"]) == (ours, 30)   # unchanged
    assert (r["benefits_from_other_count"], r["benefits_safe_from"]) == (other, ours)
    alt = by_id(out["steps"])["wait_alternative"]
    assert other in alt["zh"] and other in alt["en"] and ours in alt["zh"]
    assert "waiting_period_counting" in {c["field"] for c in alt["cites"]}
    warn = by_id(r["warnings"])["waiting_count_alternative"]
    assert ours in warn["zh"] and other in warn["en"] and ours in warn["en"]


def test_zhoukou_three_month_wait_other_count_beside() -> None:
    """周口 第九条 “从正常缴费之日起，3个月后方可按规定享受”: the worked example's date stays 2025-02-16 (reading
    `three-month-wait`); from the payment day (day 1) it would be 2025-02-15."""
    out = run(ZHOUKOU, {"unpaid_months": ["2024-07", "2024-08", "2024-09", "2024-10"], "payment_date": "2024-11-15", **WAGE})
    r = out["result"]
    assert (r["status"], r["benefits_from"], r["waiting_months"]) == ("waiting_period", "2025-02-16", 3)
    assert (r["benefits_from_other_count"], r["benefits_safe_from"]) == ("2025-02-15", "2025-02-16")
    assert "waiting_count_alternative" in by_id(r["warnings"])


def test_zhoukou_switch_wait_counts_the_same_way() -> None:
    """周口 第十二条 “中断缴费时间超过 3个月的，缴费后实行 3 个月的待遇享受等待期”: the same convention, the other
    count beside."""
    out = run(ZHOUKOU, {"switched_from_employee": True, "continuous_years_before_switch": 2,
                        "unpaid_months": ["2024-06", "2024-07", "2024-08", "2024-09"], "payment_date": "2024-10-08", **WAGE})
    r = out["result"]
    assert (r["status"], r["benefits_from"]) == ("waiting_period", "2025-01-09")
    assert (r["benefits_from_other_count"], r["benefits_safe_from"]) == ("2025-01-08", "2025-01-09")
    assert "wait_alternative" in by_id(out["steps"])


def test_within_the_grace_there_is_no_wait_to_count() -> None:
    """衡阳 “欠缴费用在3个月内（含）…从缴费到账之日起恢复”: no wait, so no other count."""
    r = run(HENGYANG, {"unpaid_months": ["2023-03", "2023-04", "2023-05"], "payment_date": "2023-06-10"})["result"]
    assert r["benefits_from"] == "2023-06-10" and r.get("benefits_from_other_count") is None
    assert "waiting_count_alternative" not in by_id(r["warnings"])


def _policy(pid: str, counting: dict | None) -> Policy:
    data = copy.deepcopy(load_policies()[pid])
    if counting is None:
        del data["parameters"]["waiting_period_counting"]
    else:
        data["parameters"]["waiting_period_counting"]["value"] = counting
    return Policy(data)


@pytest.mark.parametrize("pid, paid, ours", [
    (HENGYANG, dt.date(2023, 5, 1), "2023-05-31"),     # payment day is day 1: day 30 is 30 May, covered from 31 May
    (ZHOUKOU, dt.date(2024, 11, 15), "2025-02-15"),    # from the payment day: covered the same day three months on
])
def test_a_stated_convention_is_followed(pid: str, paid: dt.date, ours: str) -> None:
    """A policy stating “缴费当日为第一天” (payment_day) gets that date, with no other count."""
    result: dict = {"warnings": []}
    steps: list = []
    _arrears_rule(_policy(pid, {"counted_from": "payment_day"}), 4, paid, result, steps)
    assert result["benefits_from"].isoformat() == ours
    assert "benefits_from_other_count" not in result and not result["warnings"]


def test_without_the_parameter_the_payment_day_is_not_counted() -> None:
    """A policy that states no convention keeps today's count (the payment day not counted), with no other count."""
    result: dict = {"warnings": []}
    _switch_rule(_policy(ZHOUKOU, None), 4, dt.date(2024, 10, 8), result, [])
    assert result["benefits_from"] == dt.date(2025, 1, 9) and "benefits_from_other_count" not in result


@pytest.mark.parametrize("paid_months, payment, ours, other", [
    (1, "2024-07-05", "2024-10-01", "2024-11-01"),   # the worked example: July is month 1 (ours), or August is
    (3, "2024-09-05", "2024-10-01", "2024-11-01"),
])
def test_zhoukou_first_enrolment_month_of_payment_or_month_after(paid_months: int, payment: str, ours: str, other: str) -> None:
    """周口 第八条 “首次参加…并连续缴费 3 个月（含3 个月）后，方可…享受”: from which month the three are counted is our
    reading (`first_enrolment_wait_counting`: the month paid for is month 1); counted from the month after, a month later."""
    p = load_policies()[ZHOUKOU]["parameters"]["first_enrolment_wait_counting"]
    assert p["value"] == {"counted_from": "month_of_payment", "alternative": "month_after_payment"}
    assert p["status"] == "inferred" and "连续缴费 3 个月（含3 个月）后" in p["source"]["quote"]
    out = run(ZHOUKOU, {"first_enrolment": True, "paid_months": paid_months, "payment_date": payment, **WAGE})
    r = out["result"]
    assert (r["benefits_from"], r["chronic_disease_claims_from"]) == (ours, "2025-01-01")   # unchanged
    assert (r["benefits_from_other_count"], r["benefits_safe_from"]) == (other, other)
    alt = by_id(out["steps"])["first_enrolment_alternative"]
    assert other in alt["zh"] and "2025-02-01" in alt["en"]      # chronic-disease claims a month later too
    assert "first_enrolment_wait_counting" in {c["field"] for c in alt["cites"]}
    assert "waiting_count_alternative" in by_id(r["warnings"])


def test_zhoukou_first_enrolment_and_arrears_later_date_by_either_count() -> None:
    """Both Article 8 and Article 9 apply: the later date governs by our reading (unchanged: 2025-01-11, the arrears
    wait) and by the other counts (the arrears wait from the payment day, 2025-01-10; the months from the month after
    the first payment, 2025-02-01): the safe date is the latest."""
    r = run(ZHOUKOU, {"first_enrolment": True, "paid_months": 1, "unpaid_months": ["2024-06", "2024-07", "2024-08", "2024-09"],
                      "payment_date": "2024-10-10", **WAGE})["result"]
    assert (r["status"], r["benefits_from"]) == ("waiting_period", "2025-01-11")
    assert (r["benefits_from_other_count"], r["benefits_safe_from"]) == ("2025-02-01", "2025-02-01")
    assert [w["id"] for w in r["warnings"]].count("waiting_count_alternative") == 1


def test_month_counts_take_month_anchors_only() -> None:
    """A count of months from a month paid for has no payment day: the loader says so (file:line in make policies)."""
    from calc.waits import month_counting_problems
    assert month_counting_problems({"counted_from": "month_of_payment", "alternative": "month_after_payment"}) == []
    assert [p[0] for p in month_counting_problems({"counted_from": "payment_day"})] == [".counted_from"]


@pytest.mark.parametrize("pid, sentence", [
    (HENGYANG, "灵活就业人员欠缴费用在3个月内（含）"),
    (ZHOUKOU, "欠缴基本医疗保险和大额补充医疗保险费 3 个月以内（含 3 个月）的"),
])
def test_the_grace_count_is_a_labelled_reading(pid: str, sentence: str) -> None:
    """Whether “3个月内（含）” counts the months unpaid or how long the arrears ran is our reading, with the other."""
    p = load_policies()[pid]["parameters"]["arrears_grace_counting"]
    assert p["value"] == {"counted_as": "unpaid_months", "alternative": "months_run"}
    assert p["status"] == "inferred" and sentence in p["source"]["quote"]


def _compute(policy: Policy, unpaid: list[str], payment: dt.date) -> dict:
    from calc.flexible_arrears import CALCULATOR
    values = {"unpaid_months": unpaid, "payment_date": payment, "average_monthly_wage": None, "first_enrolment": False,
              "paid_months": None, "switched_from_employee": False, "continuous_years_before_switch": None}
    return CALCULATOR.compute(policy, values)[0]


def test_a_grace_counted_as_months_run_is_followed() -> None:
    """衡阳's example the other way round: a policy stating that the grace counts how long the arrears ran (March
    unpaid, paid in October: 7 months) suspends; the months-unpaid reading (1 month, restored) is shown beside."""
    data = copy.deepcopy(load_policies()[HENGYANG])
    data["parameters"]["arrears_grace_counting"]["value"] = {"counted_as": "months_run", "alternative": "unpaid_months"}
    r = _compute(Policy(data), ["2023-03"], dt.date(2023, 10, 10))
    assert (r["status"], r["benefits_from"]) == ("suspended_enrolment", dt.date(2023, 11, 10))
    assert (r["alternative_status"], r["alternative_benefits_from"]) == ("restored", dt.date(2023, 10, 10))
    del data["parameters"]["arrears_grace_counting"]["value"]["alternative"]
    r = _compute(Policy(data), ["2023-03"], dt.date(2023, 10, 10))
    assert r["status"] == "suspended_enrolment" and "alternative_status" not in r
