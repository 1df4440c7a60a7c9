"""A policy that states its collection period instead of `enrolment_windows` (平江, 双清 2023): the period
(`collection_period_start`/`_end`) and a township's extension (`collection_period_extension_end`, asked as
`township_extended`) are its windows; after them only the special cases the policy declares
(calc/enrolment_special_cases.py) and the cases its late rule lists (`late_enrolment`) may enrol, and nobody else
where the policy says so (`mid_year_enrolment`). Refunds are calc/enrolment_refunds.py.

    the collection period   → individual contribution, cover from `benefit_period_start`
    the extension           → individual contribution, cover from a day the source does not give
    after them              → a declared case's own fee and cover; a listed late case: individual + fiscal from
                              `late_enrolment.benefits_from`; anyone else: no mid-year enrolment
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt

from . import series
from .dates import ONE_DAY, waiting_period
from .enrolment_refunds import refund
from .enrolment_run import _date, _note, event_after_payment
from .enrolment_special_cases import (LATE_RULE, Outcome, SpecialCase, cover_date, declared_case, has_subsidised_groups,
                                      in_time, lapse_step, payer_step, rule_not_stated)
from .enrolment_windows import Window
from .enrolment_windows import _price as price   # the windows' pricing: individual, + subsidy, waived, not stated
from .enrolment_words import (CIRCUMSTANCE_CASE, CIRCUMSTANCES, EVENT, LATE_BENEFITS_FROM, LATE_SITUATIONS,
                              late_rule_text)
from .errors import InputError, InputErrors

if TYPE_CHECKING:   # annotations only
    from .enrolment_run import Run
    from .policy import Policy


def collection_windows(policy: Policy, extended: bool) -> list[Window]:
    """The collection period as a window, and the township's extension after it when the township extended."""
    start, end = _date(policy, "collection_period_start"), _date(policy, "collection_period_end")
    found = [Window(start, end, "individual", "benefit_year_start")]
    if extended and policy.has("collection_period_extension_end"):
        found.append(Window(end + ONE_DAY, _date(policy, "collection_period_extension_end"), "individual", "not_stated"))
    return found


def _check(run: Run, start: dt.date, year_to: dt.date, case: SpecialCase | None) -> None:
    values, policy = run.values, run.policy
    pay, circ, event = values["payment_date"], values["circumstance"], values["event_date"]
    errors = []
    if pay < start:
        errors.append(InputError("payment_date", f"本年度的缴费从 {start.isoformat()} 开始，缴费日期不能更早。",
                                 f"Payments for this insurance year start on {start.isoformat()}; the payment date cannot be earlier."))
    if pay > year_to:   # another year's payment: the policy of the series on file for it, or what is on file
        errors.append(series.elsewhere_error(policy.id, "payment_date", pay))
    if event is not None and circ not in EVENT:   # a date the situation has no use for is never silently ignored
        errors.append(InputError("event_date", "所选情形不需要填写相关日期：请选择对应的特殊情形，或清空这个日期。",
                                 "The situation chosen takes no event date: choose the matching special case, or clear the date."))
    if case is not None and case.needs_event and event is None:
        what = EVENT[circ]
        errors.append(InputError("event_date", f"请填写{what.zh}的日期。", f"Enter the date of {what.en}."))
    if event is not None and circ in EVENT and event > pay:
        what = EVENT[circ]
        errors += event_after_payment(what.zh, what.en)
    if errors:
        raise InputErrors(errors)


def run_collection(run: Run) -> None:
    """resident-benefit-start for a policy that states its collection period (`run`: the collector of steps)."""
    policy, values = run.policy, run.values
    pay, circ, event = values["payment_date"], values["circumstance"], values["event_date"]
    found = collection_windows(policy, bool(values["township_extended"]))
    period, extension = found[0], (found[1] if len(found) > 1 else None)
    assert period.start and period.end   # (stated: only enrolment_windows may leave a window's dates not stated)
    year_from, year_to = _date(policy, "benefit_period_start"), _date(policy, "benefit_period_end")
    case = declared_case(policy, circ)
    _check(run, period.start, year_to, case)

    run.step("collection_period",
             f"集中参保缴费期：{period.start.isoformat()} 至 {period.end.isoformat()}；待遇期 {year_from.isoformat()} 至 {year_to.isoformat()}。",
             f"Collection period: {period.start.isoformat()} to {period.end.isoformat()}; insurance year {year_from.isoformat()} to {year_to.isoformat()}.",
             {"start": period.start.isoformat(), "end": period.end.isoformat()},
             ("collection_period_start", "collection_period_end", "benefit_period_start", "benefit_period_end"))
    if extension and extension.end:
        note_zh, note_en = _note(policy, "collection_period_extension_end")
        run.step("extension", f"您所在乡镇延长了集中缴费期，最迟至 {extension.end.isoformat()}{note_zh}。",
                 f"Your township extended the collection period, at the latest to {extension.end.isoformat()}{note_en}.",
                 {"extended_to": extension.end.isoformat()}, ("collection_period_extension_end",))
    run.result["cover_to"] = year_to
    run.chart["marks"].append(("payment", pay))
    run.chart["year_end"] = year_to

    if rule_not_stated(run, circ):
        return
    if case is None and circ not in ("regular", *LATE_SITUATIONS):
        raise InputErrors([InputError("circumstance", "本政策没有这种特殊情形的规定。", "This policy has no rule for this situation.")])
    window = next((w for w in found if w.start <= pay <= w.end), None)
    if event is not None and (case is None or case.needs_event):
        run.chart["marks"].append(("event", event))
    outcome = _case_outcome(run, case, event, pay) if case else LATE_RULE if circ in LATE_SITUATIONS else None
    if case is not None and isinstance(outcome, Outcome) and not (case.in_collection_period == "ordinary" and window is period):
        _own_rule(run, case, outcome, event, pay, window is not None)
    elif window is not None:
        _ordinary(run, window, late_case=outcome is not None)
    elif outcome == LATE_RULE and _late_case_listed(policy, circ):
        _late(run, pay, year_to)
    else:
        _no_mid_year(run, circ)
        return
    refund(run, pay)


def _case_outcome(run: Run, case: SpecialCase, event: dt.date | None, pay: dt.date) -> Outcome | str | None:
    """The case's own fee and cover, or its late answer once its deadline has passed."""
    if event is not None:
        lapse_step(run, case, event)
    if case.window_days is None:
        return case.within
    assert event is not None
    return case.within if in_time(run, case, event, pay) else case.late


def _own_rule(run: Run, case: SpecialCase, outcome: Outcome, event: dt.date | None, pay: dt.date, in_window: bool) -> None:
    policy = run.policy
    cite = ("special_cases_contribution",) if policy.has("special_cases_contribution") else (case.parameter,)
    price(run, outcome.pays, cite)
    start = cover_date(outcome.benefits_from, event, pay)
    run.result["cover_from"] = start
    year_from = _date(policy, "benefit_period_start")
    run.step("cover_from", f"享受待遇起始日：{start.isoformat()}。", f"Covered from {start.isoformat()}.",
             {"cover_from": start.isoformat()}, (case.parameter,))
    if start < year_from:
        run.warn("starts_before_year",
                 f"规定的起始日 {start.isoformat()} 早于本年度待遇期（{year_from.isoformat()} 起）。"
                 f"{year_from.isoformat()} 之前的费用属于上一年度，本政策没有写上一年度如何结算，请向医保经办确认。",
                 f"The rule's start date {start.isoformat()} is before this insurance year (from {year_from.isoformat()}). "
                 f"Costs before {year_from.isoformat()} belong to the previous year, which this policy does not settle; ask the insurance office.")
    payer_step(run, case, in_window)
    if has_subsidised_groups(case):
        run.step("hardship_subsidy", "属于资助对象的，个人缴费还可能获得参保资助：见“城乡居民医保个人缴费与参保资助”计算器。",
                 "If you belong to a subsidised group, the contribution may also be subsidised: see the resident contribution calculator.")


def _ordinary(run: Run, window: Window, late_case: bool) -> None:
    """Paid within the collection period (or the extension): ordinary enrolment."""
    policy = run.policy
    if late_case:
        note_zh, note_en = _note(policy, "special_cases_contribution")
        run.step("in_window", f"在集中缴费期内缴费，按正常参保办理{note_zh}。",
                 f"Paid within the collection period: treated as ordinary enrolment{note_en}.")
    run.pay_individual(("collection_period_start", "collection_period_end"))
    if window.cover_from == "not_stated":
        run.result["cover_from"] = None
        run.determined = False
        note_zh, note_en = _note(policy, "collection_period_extension_end")
        run.step("cover_from", f"在延长的缴费期内缴费：方案没有写这种情况从哪天起享受待遇{note_zh}。",
                 f"Paid during the extended period: the plan does not say from when such payers are covered{note_en}.",
                 {}, ("collection_period_extension_end", "benefit_period_start"))
        run.warn("extension_cover_not_stated",
                 "在延长期内缴费的，方案没有写从哪天起享受待遇，请向乡镇（街道）医保经办确认。",
                 "For payments in the extended period the plan does not say when cover starts; ask your township's insurance office.")
        run.chart["unknown_from"] = run.values["payment_date"]
        return
    start = _date(policy, "benefit_period_start")
    run.result["cover_from"] = start
    run.step("cover_from", f"享受待遇起始日：{start.isoformat()}。", f"Covered from {start.isoformat()}.",
             {"cover_from": start.isoformat()}, ("benefit_period_start",))


def _late(run: Run, pay: dt.date, year_to: dt.date) -> None:
    """A case the late rule lists, after the collection period: the full financing standard, cover from its anchor."""
    policy = run.policy
    run.pay_full(("late_enrolment",))
    anchor = policy.value("late_enrolment").get("benefits_from", "month_after_payment")
    cover = waiting_period(pay, 0, anchor)[2]
    rule_zh = LATE_BENEFITS_FROM[anchor].zh
    rule_en = LATE_BENEFITS_FROM[anchor].en.removeprefix("and are covered ")
    note_zh, note_en = _note(policy, "late_enrolment")
    if cover <= year_to:
        run.result["cover_from"] = cover
        run.step("cover_from", f"{rule_zh}：{cover.isoformat()}{note_zh}。", f"Covered {rule_en}: {cover.isoformat()}{note_en}.",
                 {"cover_from": cover.isoformat()}, ("late_enrolment",))
        return
    run.result.pop("cover_to", None)
    run.step("cover_from",
             f"{rule_zh}：{cover.isoformat()}，已在本年度待遇期（至 {year_to.isoformat()}）之后{note_zh}。",
             f"Covered {rule_en}: {cover.isoformat()}, which is after this insurance year "
             f"(ends {year_to.isoformat()}){note_en}.", {"cover_from": cover.isoformat()}, ("late_enrolment", "benefit_period_end"))
    run.chart["no_cover"] = (pay, year_to, cover)
    run.lead(f"这笔缴费买不到 {year_to.year} 年度的待遇", f"This payment buys no cover for {year_to.year}")
    run.warn("no_cover_this_year",
             f"在 {pay.isoformat()} 按逾期标准缴费，待遇要从 {cover.isoformat()} 起，已过本年度：这笔钱买不到本年度的任何待遇。",
             f"Paying the late standard on {pay.isoformat()} gives cover only from {cover.isoformat()}, after this "
             "insurance year has ended: it buys no cover for this year.")


def _late_case_listed(policy: Policy, circ: str) -> bool:
    """Whether the late rule lets this situation pay the full standard: a rule naming its `cases`
    admits only those (平江, 双清: “具体指当年新迁入户口、新生儿未在90天内参保缴费、职工医保断保的人员未在断保90天内参保缴费”)."""
    rule = policy.value("late_enrolment")
    cases = rule.get("cases") if isinstance(rule, dict) else None
    return cases is None or CIRCUMSTANCE_CASE.get(circ) in cases


def _no_mid_year(run: Run, circ: str) -> None:
    """After the collection period, outside every special and late case: no mid-year enrolment."""
    policy = run.policy
    run.result.pop("cover_to", None)
    run.lead("按本政策不能中途参保", "Under this policy you cannot enrol mid-year")
    if circ == "regular":
        run.step("mid_year", "集中缴费期已过：除已明确的特殊情形外，原则上不得中途参保、不得享受医保待遇。",
                 "The collection period is over: apart from the special cases listed, you may not, as a rule, enrol mid-year or receive benefits.",
                 {}, ("mid_year_enrolment",))
        run.warn("mid_year_not_allowed",
                 "集中缴费期已过，普通居民原则上不能中途参保。如属新迁入户口、新生儿等特殊情形，请选择相应情形。",
                 "The collection period is over; ordinary residents may not, as a rule, enrol mid-year. If you are in a special "
                 "case (new household registration, newborn …), choose it.")
        return
    rule = late_rule_text(policy)
    situation = CIRCUMSTANCES[circ]
    run.step("mid_year", f"您的情形（{situation.zh}）不在原文列出的逾期参保情形之内。{rule.zh}",
             f"Your situation ({situation.en[:1].lower() + situation.en[1:]}) is not one of the late cases the source lists. {rule.en}",
             {}, ("mid_year_enrolment", "late_enrolment"))
    run.warn("not_a_listed_late_case",
             "集中缴费期已过，而您的情形不在原文列出的逾期参保情形之内：按本政策原则上不得中途参保、不得享受医保待遇，"
             "也不能按筹资标准补缴买到本年度待遇。如确属新迁入户口等所列情形，请选择相应情形。",
             "The collection period is over and your situation is not one of the late cases the source lists: under this "
             "policy you may not, as a rule, enrol mid-year or receive benefits, nor buy this year's cover at the full "
             "standard. If you are in one of the listed cases (a new household registration …), choose it.")
