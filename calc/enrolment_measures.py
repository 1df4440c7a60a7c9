"""Resident enrolment under the waiting-period measures (湖南 2025 onwards): the rules as data.

What decides, in order:

1. **The window, by date.** A policy that states its collection period (`collection_period_start`,
   `_end`) decides in-period or late by the payment date; the "paid in the collection period"
   box is asked only of a policy that states no dates (the provincial measures themselves).
2. **The amount** the window sets: the individual standard in the period, individual + subsidy
   outside it (`late_enrolment`); a newborn's fee waived where the policy says so
   (`newborn_fee_waiver`).
3. **The benefit year** the payment buys (`benefit_period_start`/`_end`, or for a late payment
   `late_payment_benefit_year`); cover never starts before it.
4. **The wait**: the fixed months (`fixed_waiting_period_months`, counted as
   `waiting_period_counting` says) plus the variable part by years of gap, years paid back and a
   floor (`variable_waiting_rule`, calc/waits.py); a wait that runs past the benefit year's end
   buys nothing in it, and says so.

Every step cites the parameters it used; readings are pointed to by their number on the page.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt

from . import series
from .enrolment_newborns import newborn_waiver
from .enrolment_wait import WaitRule, apply_wait, benefit_year, gap, next_window, reasons, stated_date
from .errors import InputError, InputErrors
from .reading_notes import reading_note

if TYPE_CHECKING:   # annotations only: nothing more imported at run time
    from .enrolment_run import Run
    from .policy import Policy


def run_measures(run: Run) -> None:
    """The measures path of resident-benefit-start (`run` is its collector: steps, warnings, amounts)."""
    policy, values = run.policy, run.values
    pay = values["payment_date"]
    _check_dates(policy, pay)
    run.chart["marks"].append(("payment", pay))
    in_period = _window(run, pay)
    if values.get("circumstance") == "newborn" and newborn_waiver(run, pay):
        return
    if values.get("circumstance") not in (None, "regular", "newborn"):
        raise InputErrors([InputError("circumstance", "本政策没有这种特殊情形的规定。", "This policy has no rule for this situation.")])
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
    if not why:
        _no_wait(run)
        return
    apply_wait(run, pay, rule, in_period, why, gap_years)
    start = stated_date(policy, "collection_period_start")
    if not in_period and start is not None:
        next_window(run, pay, start, ("collection_period_start",))


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


def _window(run: Run, pay: dt.date) -> bool:
    """In the collection period or not: by the stated dates, else by the reader's answer."""
    policy = run.policy
    start, end = stated_date(policy, "collection_period_start"), stated_date(policy, "collection_period_end")
    if start is None or end is None:
        return bool(run.values["paid_in_collection_period"])
    inside = start <= pay <= end
    where_zh = "在集中缴费期内" if inside else "不在集中缴费期内"
    where_en = "inside" if inside else "outside"
    run.step("window", f"集中缴费期为 {start.isoformat()} 至 {end.isoformat()}：{pay.isoformat()} 缴费{where_zh}。",
             f"The collection period runs from {start.isoformat()} to {end.isoformat()}: a payment on {pay.isoformat()} is {where_en} it.",
             {"start": start.isoformat(), "end": end.isoformat()}, ("collection_period_start", "collection_period_end"))
    return inside


def _no_wait(run: Run) -> None:
    policy = run.policy
    year_from, year_to = benefit_year(policy)
    if year_from is None:
        run.result["cover_from"] = None
        run.result["cover_to"] = None
        run.determined = False
        run.step("cover_from", "在集中缴费期内参保且连续参保：没有固定等待期；但报道没有写待遇期从哪天开始、到哪天结束，请查看当地本年度的参保通知。",
                 "Enrolled in the collection period and continuously insured: no fixed waiting period; but the report does not say "
                 "when the insurance year starts or ends: see this year's local enrolment notice.", {}, ("fixed_waiting_period_applies_to",))
        run.warn("benefit_year_not_stated", "报道没有写待遇期的起止日期，请查看当地本年度的参保通知。",
                 "The report gives no start or end date for cover: see this year's local enrolment notice.")
        return
    assert year_to is not None   # both ends needed below (a policy stating only the start failed here before too)
    run.result.update(cover_from=year_from, cover_to=year_to)
    note_zh, note_en = reading_note(policy, "benefit_period_start")
    run.step("cover_from", f"在集中缴费期内参保且连续参保：没有等待期，待遇期为 {year_from.isoformat()} 至 {year_to.isoformat()}{note_zh}。",
             f"Enrolled in the collection period and continuously insured: no wait; covered for the insurance year "
             f"{year_from.isoformat()} to {year_to.isoformat()}{note_en}.",
             {"cover_from": year_from.isoformat(), "cover_to": year_to.isoformat()},
             ("fixed_waiting_period_applies_to", "benefit_period_start", "benefit_period_end"))
    run.chart["year_end"] = year_to
