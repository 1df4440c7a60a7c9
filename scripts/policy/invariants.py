"""What must hold of every result, per calculator: the invariants the fuzz checks over thousands of inputs
(tests/test_fuzz_calculators.py) and `make policies` checks over each policy's sampled inputs
(scripts/policy/proof.py), so a policy that breaks one is reported at its file and line before any test runs.

Each takes the policy as compiled data and a successful run's output, and raises AssertionError with what broke.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from calc import api
from calc.api import run_policy
from calc.inputs import validate
from calc.policy import Policy
from calc.registry import calculator

D = Decimal


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def raw_compute(name: str, data: dict, inputs: dict) -> tuple[dict, list]:
    """The compute step's own result (with the private keys charts read), for a run that succeeded."""
    c = calculator(name)
    if c is None:   # the invariants name their own calculators: a typo here, not a reader's input
        raise ValueError(f"no calculator named {name!r}")
    policy = Policy(data)
    values = validate([api.resolve_choices(spec, policy) for spec in c.inputs], inputs)
    return c.compute(policy, values)


def _money(r: dict, key: str) -> Decimal | None:
    return None if r[key] is None else D(r[key])


def _stated(r: dict, key: str) -> Decimal:
    """A sum the result must state: None there is itself a broken invariant, reported as one."""
    value = _money(r, key)
    assert value is not None, f"{key} is None"
    return value


def inv_flexible_contribution(data: dict, out: dict) -> None:
    r = out["result"]
    months = r["months"]
    assert 1 <= months <= 12 and months == out["inputs"]["months"]
    if not r["determined"]:   # a value changed, by the payment date, to an amount the source does not give
        assert r["period_total"] is None and r["annual_total"] is None, r
        assert "amount-not-stated" in [w["id"] for w in r["warnings"]]
        return
    base, rate = D(r["base"]), D(r["rate"])
    basic = _money(r, "basic_monthly")
    assert basic == (base * rate).quantize(D("0.01"), ROUND_HALF_UP)
    critical = _money(r, "critical_illness_monthly")
    monthly = _money(r, "monthly_total")
    assert monthly == basic + (critical or 0), "monthly_total = basic_monthly + critical_illness_monthly"
    assert _money(r, "basic_annual") == basic * 12
    if critical is not None:
        assert _money(r, "critical_illness_annual") == critical * 12
    # yearly add-on premiums (stated by the policy, or the user's figure) count once in both totals
    extra = _stated(r, "period_total") - monthly * months
    assert extra >= (_money(r, "supplementary_annual") or 0)
    assert _money(r, "annual_total") == monthly * 12 + extra
    assert _stated(r, "period_total") <= _stated(r, "annual_total")


def inv_flexible_arrears(data: dict, out: dict) -> None:
    r, given = out["result"], out["inputs"]
    n = r["arrears_months"]
    assert n == len(given["unpaid_months"] or [])
    monthly = _money(r, "monthly_contribution")
    span = data["governs"]["contributions"]
    own = all(span["from"][:7] <= m and (not span.get("to") or m <= span["to"][:7]) for m in given["unpaid_months"] or [])
    if r["arrears_due"] is not None and own:   # months another policy of the series governs are priced by it
        assert _money(r, "arrears_due") == monthly * n
    # the monthly contribution is flexible-contribution's own monthly total (never a second formula)
    wage = {"average_monthly_wage": given["average_monthly_wage"]} if given.get("average_monthly_wage") else {}
    contribution = run_policy("flexible-contribution", data, wage)
    assert contribution["ok"] and contribution["result"]["monthly_total"] == r["monthly_contribution"]
    pay = dt.date.fromisoformat(given["payment_date"])
    start = _date(r["benefits_from"])
    if r["status"] == "eligible":    # a first enrolment whose waiting months are already paid
        assert start is not None and start <= pay, (start, pay)
    else:
        assert start is not None and start >= pay, (start, pay)
    stopped = _date(r["benefits_suspended_from"])
    if stopped is not None:
        assert stopped <= pay < start or (stopped <= pay and start == pay)
        first = min(given["unpaid_months"])
        assert stopped.isoformat()[:7] > first
    for key in ("waiting_days", "waiting_months"):
        assert r[key] is None or r[key] >= 0
    if r["status"] == "restored":
        assert start == pay


def inv_critical_illness_cap(data: dict, out: dict) -> None:
    r = out["result"]
    policy = Policy(data)
    original = D(out["inputs"]["original_cap"]) if out["inputs"].get("original_cap") else policy.decimal("critical_illness_original_cap")
    increase, ceiling, cap = _stated(r, "increase"), _stated(r, "ceiling"), _stated(r, "cap")
    continuity, zero = _stated(r, "continuity_increase"), _stated(r, "zero_reimbursement_increase")
    assert cap == original + increase, "cap = original_cap + increase"
    assert increase <= ceiling, "increase ≤ ceiling"
    assert _money(r, "uncapped_increase") == continuity + zero
    assert increase == min(continuity + zero, ceiling)
    limits = [(original * policy.rate("critical_illness_increase_cap")).quantize(D("0.01"), ROUND_HALF_UP)] \
        if policy.has("critical_illness_increase_cap") else []
    limits += [policy.decimal("critical_illness_increase_cap_amount")] if policy.has("critical_illness_increase_cap_amount") else []
    assert ceiling == min(limits), "ceiling: the percentage of the original limit, the sum in yuan, or the lower"
    n = r["continuous_years"]
    assert n >= 1 and r["zero_reimbursement_years_counted"] >= 0
    required = int(policy.decimal("critical_illness_continuous_years_required"))
    if not (policy.has("critical_illness_credit_after_gap") and policy.value("critical_illness_credit_after_gap").get("kept")):
        assert continuity == policy.decimal("critical_illness_continuous_increment") * max(0, n - required)
    assert zero == policy.decimal("critical_illness_zero_claim_increment") * r["zero_reimbursement_years_counted"]


def inv_family_mutual_aid(data: dict, out: dict) -> None:
    r = out["result"]
    listed = r["may_pay_contributions"]
    assert len(set(listed)) == len(listed)
    for code, key in (("resident_insurance_contribution", "may_pay_resident_insurance"),
                      ("long_term_care_contribution", "may_pay_long_term_care"),
                      ("inclusive_commercial_supplementary_contribution", "may_pay_inclusive_commercial")):
        assert r[key] == (code in listed)
    if not r["eligible_relative"]:
        assert listed == [] and not r["may_pay_medical_costs"]
    if r["may_pay_medical_costs"]:
        assert out["inputs"]["relative_insured"] is True


def inv_enrolment_progress(data: dict, out: dict) -> None:
    r, given = out["result"], out["inputs"]
    task, enrolled = r["task"], given["enrolled"]
    ratio, target = D(r["ratio"]), D(r["stage_target"])
    assert ratio <= D(enrolled) / D(task) < ratio + D("0.00000001")
    assert r["needed"] >= 0 and r["met"] == (r["needed"] == 0)
    assert r["met"] == (D(enrolled) >= target * task)
    stages = data["parameters"]["stage_targets"]["value"]
    assert 1 <= r["stage"] <= len(stages)
    if r["stage"] < len(stages):
        assert given["as_of"] <= r["stage_cutoff"]


def inv_resident_contribution(data: dict, out: dict) -> None:
    r = out["result"]
    standard = _money(r, "standard")
    assert standard == Policy(data).decimal("individual_contribution")
    if r["determined"]:
        subsidy, payable = _money(r, "subsidy"), _money(r, "payable")
        assert subsidy is not None and subsidy <= standard, "subsidy ≤ standard"
        assert payable == standard - subsidy, "payable = standard − subsidy"
        assert (r["applied_category"] == "none") == (subsidy == 0)
    else:
        assert r["subsidy"] is None and r["payable"] is None
        assert _stated(r, "payable_at_most") <= standard
    if r["refund_amount"] is not None:
        assert _money(r, "refund_amount") == _money(r, "subsidy")
    # who pays: the chart's parts add up to the standard
    result, _ = raw_compute("resident-contribution", data, out["inputs"])
    parts = result["_who_pays"]
    assert sum((value for _, value, _ in parts), D(0)) == standard, parts
    assert all(value > 0 for _, value, _ in parts), parts


def inv_resident_benefit_start(data: dict, out: dict) -> None:
    r, given = out["result"], out["inputs"]
    start, end = _date(r["cover_from"]), _date(r["cover_to"])
    if start and end:
        assert start <= end, "cover_from ≤ cover_to"
    wait_end = _date(r["waiting_period_end"])
    if wait_end is not None:
        # a wait that ends after the year it buys gives no cover date at all (issue 19: a payment that buys nothing says so)
        assert start is None or wait_end + dt.timedelta(days=1) == start
        assert wait_end >= dt.date.fromisoformat(given["payment_date"])
    assert (r["refund"] == "refundable_until_deadline") == (r["refund_deadline"] is not None)
    if r["refund_deadline"] is not None:
        assert given["payment_date"] <= r["refund_deadline"]
    if r["days_since_event"] is not None:
        assert given["event_date"] is not None
    if out["display"]["amount"] == api.NOT_STATED:
        assert r["determined"] is False
    if r["amount"] is not None and r["amount_basis"] == "full_financing" and given.get("fiscal_subsidy"):
        individual = given.get("individual_standard") or data["parameters"]["individual_contribution"]["value"]
        assert _money(r, "amount") == D(individual) + D(given["fiscal_subsidy"])
    for warning in r["warnings"]:
        assert set(warning) == {"id", "zh", "en"} and all(warning.values())


def inv_reimbursement(data: dict, out: dict) -> None:
    r, given = out["result"], out["inputs"]
    layers = [_money(r, k) or D(0) for k in ("basic_fund", "major_illness", "assistance")]
    in_scope, personal = _stated(r, "in_scope"), _stated(r, "personal_in_scope")
    assert all(v >= 0 for v in layers) and personal >= 0, "no layer pays less than nothing, none pays more than is left"
    assert sum(layers, D(0)) + personal == in_scope, "the slip adds up: the layers + personal in scope = in-scope cost"
    assert _stated(r, "funds_total") == sum(layers, D(0))
    assert _stated(r, "funds_total") + _stated(r, "personal_total") == D(given["total"]), "paid back + you pay = the bill"
    deductible = _money(r, "deductible")
    if deductible is not None:
        assert deductible <= in_scope
    assert all(set(i) == {"id", "zh", "en"} and all(i.values()) for i in r["leaves_out"])
    major_illness = _money(r, "major_illness")
    if major_illness is not None and given.get("major_illness_cap") is None and not given.get("groups"):   # a group may have no limit
        cap = data["parameters"].get("major_illness_annual_cap", {}).get("value")
        if cap is not None:
            assert major_illness <= D(cap)
    # who pays: the chart's parts add up to the bill
    result, _ = raw_compute("reimbursement", data, given)
    assert sum(result["_slip"], D(0)) == D(given["total"])


INVARIANTS = {
    "reimbursement": inv_reimbursement,
    "flexible-contribution": inv_flexible_contribution,
    "flexible-arrears": inv_flexible_arrears,
    "critical-illness-cap": inv_critical_illness_cap,
    "family-mutual-aid": inv_family_mutual_aid,
    "enrolment-progress": inv_enrolment_progress,
    "resident-contribution": inv_resident_contribution,
    "resident-benefit-start": inv_resident_benefit_start,
}
