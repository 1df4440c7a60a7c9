"""critical-illness-cap: Hunan 2025 continuity and zero-reimbursement incentives, each with its sentence."""
from __future__ import annotations

from decimal import Decimal

import pytest

from calc_helpers import calc_helpers

POLICY = "hunan/2025-enrolment-measures"
run, result, errors = calc_helpers("critical-illness-cap", POLICY)


def years(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


BASE = {"original_cap": "300000"}


@pytest.mark.parametrize("last, continuous, increase", [
    (2028, 4, "0.00"),        # 4 full years: nothing yet
    (2029, 5, "5000.00"),     # the 5th continuous year: 5000
    (2030, 6, "10000.00"),
    (2033, 9, "25000.00"),
])
def test_each_continuous_year_after_four_adds_5000(last: int, continuous: int, increase: str) -> None:
    """三湘都市报: 对连续参加居民医保满4年的参保人员,之后每连续参保1年,提高居民大病保险支付限额5000元。
    Reading `continuous-years`: the 5th continuous year gives 5000, the 6th 10000."""
    r = result({**BASE, "enrolled_years": years(2025, last), "benefit_year": last})
    assert (r["continuous_years"], r["continuity_increase"]) == (continuous, increase)


def test_a_lapse_restarts_continuity_and_drops_earlier_zero_years() -> None:
    """Reading `continuity-lapse-and-earlier-years`: a year not enrolled restarts the count; earlier years no longer count."""
    out = run({**BASE, "enrolled_years": [2025, 2026, 2027, 2028, 2030, 2031],
               "zero_reimbursement_years": [2026, 2030], "benefit_year": 2031})
    r = out["result"]
    assert (r["continuous_years"], r["continuity_increase"]) == (2, "0.00")
    assert (r["zero_reimbursement_years_counted"], r["zero_reimbursement_increase"]) == (1, "5000.00")
    assert "2029" in out["steps"][0]["zh"]


def test_years_count_from_2025_by_default_and_the_other_reading_is_shown_beside() -> None:
    """H6 (issue 19): 006 “2025-2028年连续参保的人员,在2029年参保时可享受额外激励额度” and 010 “2025年正常参保且全年
    医保基金零报销的参保人员,2026年度居民大病保险封顶线将提高5000元”: continuity and claim-free years count from 2025.
    The reading that counts earlier years (issue 15 point 5's default) stays beside it (reading
    `continuity-lapse-and-earlier-years`)."""
    inputs = {**BASE, "enrolled_years": years(2019, 2026), "zero_reimbursement_years": [2023, 2025], "benefit_year": 2026}
    out = run(inputs)
    default = out["result"]
    assert (default["continuous_years"], default["continuity_increase"], default["zero_reimbursement_increase"]) == \
        (2, "0.00", "5000.00")
    assert (default["increase_counting_earlier_years"], default["cap_counting_earlier_years"]) == ("30000.00", "330000.00")
    assert (default["increase_from_start_year_only"], default["cap_from_start_year_only"]) == ("5000.00", "305000.00")
    both = next(s for s in out["steps"] if s["id"] == "readings_compared")
    assert "330000.00" in both["zh"] and "305000.00" in both["zh"] and "305000.00" in both["en"]
    quotes = {c["field"]: c["quote"] for c in both["cites"]}
    assert quotes == {"critical_illness_years_counted_from": "2025-2028年连续参保的人员,在2029年参保时可享受额外激励额度",
                      "critical_illness_zero_claim_first_year":
                          "2025年正常参保且全年医保基金零报销的参保人员,2026年度居民大病保险封顶线将提高5000元"}
    continuity = next(s for s in out["steps"] if s["id"] == "continuity")
    assert "critical_illness_years_counted_from" in {c["field"] for c in continuity["cites"]}
    earlier = result({**inputs, "count_earlier_years": True})
    assert (earlier["continuous_years"], earlier["continuity_increase"], earlier["zero_reimbursement_increase"]) == \
        (8, "20000.00", "10000.00")
    # the side-by-side figures do not depend on which reading is chosen
    assert {k: v for k, v in earlier.items() if k.endswith(("_earlier_years", "_start_year_only"))} == \
        {k: v for k, v in default.items() if k.endswith(("_earlier_years", "_start_year_only"))}


def test_the_expert_h6_case_2019_2026_gives_0_by_default_and_20000_beside() -> None:
    """H6: “the default counts years before 2025 (2019–2026 → +20,000)”; 006: the first continuity increase is in 2029."""
    r = result({**BASE, "enrolled_years": years(2019, 2026), "benefit_year": 2026})
    assert (r["continuity_increase"], r["increase"], r["cap"]) == ("0.00", "0.00", "300000.00")
    assert (r["increase_counting_earlier_years"], r["cap_counting_earlier_years"]) == ("20000.00", "320000.00")
    assert result({**BASE, "enrolled_years": years(2025, 2029), "benefit_year": 2029})["increase"] == "5000.00"


def test_zero_reimbursement_raises_next_years_limit() -> None:
    """三湘都市报: 对当年基金零报销且次年集中参保缴费期正常参保的居民医保参保人员,次年提高居民大病保险支付限额5000元。"""
    r = result({**BASE, "enrolled_years": [2025, 2026], "zero_reimbursement_years": [2025], "benefit_year": 2026})
    assert r["zero_reimbursement_increase"] == "5000.00"
    # the benefit year's own zero reimbursement only helps the year after
    r = result({**BASE, "enrolled_years": [2025, 2026], "zero_reimbursement_years": [2026], "benefit_year": 2026})
    assert r["zero_reimbursement_increase"] == "0.00"


def test_both_incentives_add_up() -> None:
    """三湘都市报: 连续参保激励额度和零报销激励额度均可累计。"""
    r = result({**BASE, "enrolled_years": years(2025, 2030), "zero_reimbursement_years": [2025, 2027, 2029],
                "benefit_year": 2030})
    assert (r["continuity_increase"], r["zero_reimbursement_increase"], r["uncapped_increase"], r["increase"]) == \
        ("10000.00", "15000.00", "25000.00", "25000.00")
    assert r["cap"] == "325000.00"


@pytest.mark.parametrize("original, ceiling, increase", [
    ("300000", "60000.00", "35000.00"),   # below the ceiling
    ("150000", "30000.00", "30000.00"),   # the ceiling binds
    ("100000.05", "20000.01", "20000.01"),  # 20 % rounded half-up to the fen
])
def test_total_increase_is_capped_at_20_percent_of_the_original_limit(original: str, ceiling: str, increase: str) -> None:
    """三湘都市报: 但累计提高总额不超过所在统筹地区居民大病保险原封顶线的20%。"""
    r = result({"original_cap": original, "enrolled_years": years(2025, 2034),
                "zero_reimbursement_years": years(2025, 2033)[:1], "benefit_year": 2034})
    assert (r["ceiling"], r["increase"]) == (ceiling, increase)
    assert Decimal(r["cap"]) == Decimal(original) + Decimal(increase)


def test_the_original_limit_is_a_required_input() -> None:
    """The report gives no original limit (`critical_illness_original_cap` is not_stated): never invented."""
    (err,) = errors({"enrolled_years": [2025], "benefit_year": 2025})
    assert err["field"] == "original_cap" and "原文未给出" in err["message_zh"]


@pytest.mark.parametrize("inputs, field", [
    ({**BASE, "benefit_year": 2024}, "benefit_year"),
    ({"original_cap": "0", "benefit_year": 2025}, "original_cap"),
    ({**BASE, "benefit_year": 2026, "zero_reimbursement_years": [2025]}, "zero_reimbursement_years"),
    ({**BASE, "benefit_year": 2026, "enrolled_years": ["2025", "twenty"]}, "enrolled_years"),
    ({**BASE, "benefit_year": 2026, "enrolled_years": [1800]}, "enrolled_years"),
    ({**BASE}, "benefit_year"),
])
def test_bad_input_gives_bilingual_errors(inputs: dict, field: str) -> None:
    assert field in {e["field"] for e in errors(inputs)}


def test_steps_cite_every_figure_they_use() -> None:
    out = run({**BASE, "enrolled_years": years(2025, 2030), "zero_reimbursement_years": [2026], "benefit_year": 2030})
    fields = {c["field"] for s in out["steps"] for c in s["cites"]}
    assert {"critical_illness_continuous_years_required", "critical_illness_continuous_increment",
            "critical_illness_zero_claim_increment", "critical_illness_increase_cap",
            "critical_illness_increments_cumulative", "critical_illness_incentive_from"} <= fields
