"""Resident enrolment under waiting-period measures that state no dates (湖南's provincial measures of 2025).

A policy that states its collection period or benefit year states its windows instead
(`enrolment_windows`, calc/enrolment_windows.py): there the payment date decides. These measures give
neither, so what only the local notice can say is asked, or said to be open:

1. **In the collection period or not**: the reader's answer (`paid_in_collection_period`), the
   only date-free way to know.
2. **The amount**: the individual standard in the period (`in_period_contribution`), individual +
   subsidy outside it (`late_enrolment`).
3. **The wait** for those it applies to (`fixed_waiting_period_applies_to`): the fixed months and
   the variable part (calc/enrolment_wait.py, by the parameters' usual names); no wait: covered for
   the insurance year, whose dates the measures do not give (said so, not determined).

Every step cites the parameters it used; readings are pointed to by their number on the page.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt

from . import series
from .enrolment_wait import WaitRule, apply_wait, gap, reasons, stated_date
from .errors import InputError, InputErrors

if TYPE_CHECKING:   # annotations only: nothing more imported at run time
    from .enrolment_run import Run
    from .policy import Policy

DATED = ("collection_period_start", "collection_period_end", "benefit_period_start", "benefit_period_end")


def run_measures(run: Run) -> None:
    """The measures path of resident-benefit-start (`run` is its collector: steps, warnings, amounts)."""
    policy, values = run.policy, run.values
    stated = [name for name in DATED if policy.has(name)]
    if stated:   # a date would be silently overridden by the box: such a policy states enrolment_windows
        raise ValueError(f"{policy.id}: states {', '.join(stated)}: state its windows in enrolment_windows "
                         "(calc/enrolment_windows.py), where the payment date decides")
    pay = values["payment_date"]
    _check_dates(policy, pay)
    run.chart["marks"].append(("payment", pay))
    if values.get("circumstance") not in (None, "regular"):
        raise InputErrors([InputError("circumstance", "本政策没有这种特殊情形的规定。", "This policy has no rule for this situation.")])
    in_period = bool(values["paid_in_collection_period"])
    if in_period:
        run.step("in_period", "在集中参保缴费期内缴费：按个人缴费标准缴纳。", "Paid during the collection period: you pay the individual contribution.",
                 {}, ("in_period_contribution",))
        run.pay_individual(("in_period_contribution",))
    else:
        run.step("late", "在集中参保缴费期外缴费：按个人缴费标准加财政补助标准之和缴纳，并设置待遇等待期。",
                 "Paid outside the collection period: you pay the individual contribution plus the government subsidy, and wait before cover starts.",
                 {}, ("late_enrolment",))
        run.pay_full(("late_enrolment",))
    gap_years, continuous = gap(run)
    rule = WaitRule.named(policy, buys="late_payment_benefit_year", fixed="fixed_waiting_period_months",
                          applies_to="fixed_waiting_period_applies_to", counting="waiting_period_counting",
                          variable="variable_waiting_rule" if policy.has("variable_waiting_rule") else "variable_waiting_period")
    why = reasons(policy, rule, in_period, continuous)
    if why:
        apply_wait(run, pay, rule, in_period, why, gap_years)
        return
    run.result.update(cover_from=None, cover_to=None)
    run.determined = False
    run.step("cover_from", "在集中缴费期内参保且连续参保：没有固定等待期；但报道没有写待遇期从哪天开始、到哪天结束，请查看当地本年度的参保通知。",
             "Enrolled in the collection period and continuously insured: no fixed waiting period; but the report does not say "
             "when the insurance year starts or ends: see this year's local enrolment notice.", {}, ("fixed_waiting_period_applies_to",))
    run.warn("benefit_year_not_stated", "报道没有写待遇期的起止日期，请查看当地本年度的参保通知。",
             "The report gives no start or end date for cover: see this year's local enrolment notice.")


def _check_dates(policy: Policy, pay: dt.date) -> None:
    applies_from = stated_date(policy, "fixed_waiting_period_from")
    assert applies_from is not None   # required of a measures policy (calc/resident_benefit_start.py PARAMETERS)
    if pay < applies_from:
        raise InputErrors([InputError(
            "payment_date", f"这些措施从 {applies_from.isoformat()} 起施行，请填写此后的缴费日期。",
            f"These measures apply from {applies_from.isoformat()}; enter a payment date on or after it.")])
    if pay.year > 9000:   # the waiting period and the chart count months and days on from it
        raise InputErrors([InputError("payment_date", "缴费日期不合理。", "The payment date is not plausible.")])
    year_to = policy.governs("benefits")[1]
    if year_to is not None and pay > year_to:   # it buys a later year: the policy of the series on file for it
        raise InputErrors([series.elsewhere_error(policy.id, "payment_date", pay)])
