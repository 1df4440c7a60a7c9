"""County notices (平江, 双清 2023): a collection period, special cases with their own dates and deadlines,
a late rule for listed cases, no mid-year enrolment for anyone else, and refunds until cover starts.
"""
from __future__ import annotations

import datetime as dt

from . import series
from .dates import ONE_DAY, waiting_period
from .enrolment_run import Run, _date, _note, event_after_payment
from .enrolment_words import (CIRCUMSTANCE_CASE, CIRCUMSTANCES, EVENT, FIRST_ENROLMENT_GROUP, LATE_BENEFITS_FROM, PAID_BY,
                              late_rule_text)
from .errors import InputError, InputErrors
from .inputs import Text
from .policy import Policy
from .waits import EVENT_DAY, READING_LEAD, day_count, last_day_of_window

def run_county(run: Run) -> None:
    """County notices with a collection period, special cases and a late rule (平江, 双清)."""
    policy, values = run.policy, run.values
    pay = values["payment_date"]
    circ = values["circumstance"]
    event = values["event_date"]
    start, end = _date(policy, "collection_period_start"), _date(policy, "collection_period_end")
    year_from, year_to = _date(policy, "benefit_period_start"), _date(policy, "benefit_period_end")
    extended_to = _date(policy, "collection_period_extension_end") if values["township_extended"] else None
    window_end = extended_to or end

    errors = []
    if pay < start:
        errors.append(InputError("payment_date", f"本年度的缴费从 {start.isoformat()} 开始，缴费日期不能更早。",
                                 f"Payments for this insurance year start on {start.isoformat()}; the payment date cannot be earlier."))
    if pay > year_to:   # another year's payment: the policy of the series on file for it, or what is on file
        errors.append(series.elsewhere_error(policy.id, "payment_date", pay))
    needs_event = circ in ("newborn", "welfare_institution_child", "employee_lapse")
    if event is not None and circ not in EVENT:   # a date the situation has no use for is never silently ignored
        errors.append(InputError("event_date", "所选情形不需要填写相关日期：请选择对应的特殊情形，或清空这个日期。",
                                 "The situation chosen takes no event date: choose the matching special case, or clear the date."))
    if needs_event and event is None:
        what = EVENT[circ][0]
        errors.append(InputError("event_date", f"请填写{what.zh}的日期。", f"Enter the date of {what.en}."))
    if event is not None and circ in EVENT and event > pay:
        what = EVENT[circ][0]
        errors += event_after_payment(what.zh, what.en)
    if errors:
        raise InputErrors(errors)

    run.step("collection_period",
             f"集中参保缴费期：{start.isoformat()} 至 {end.isoformat()}；待遇期 {year_from.isoformat()} 至 {year_to.isoformat()}。",
             f"Collection period: {start.isoformat()} to {end.isoformat()}; insurance year {year_from.isoformat()} to {year_to.isoformat()}.",
             {"start": start.isoformat(), "end": end.isoformat()},
             ("collection_period_start", "collection_period_end", "benefit_period_start", "benefit_period_end"))
    if extended_to:
        note_zh, note_en = _note(policy, "collection_period_extension_end")
        run.step("extension", f"您所在乡镇延长了集中缴费期，最迟至 {extended_to.isoformat()}{note_zh}。",
                 f"Your township extended the collection period, at the latest to {extended_to.isoformat()}{note_en}.",
                 {"extended_to": extended_to.isoformat()}, ("collection_period_extension_end",))
    run.result["cover_to"] = year_to
    run.chart["marks"].append(("payment", pay))
    run.chart["year_end"] = year_to

    if _rule_not_stated(run, circ):
        return
    kind, own_start, rule = _classify(run, circ, event, pay)
    in_window = start <= pay <= window_end
    in_extension = extended_to is not None and end < pay <= extended_to

    if kind == "own_date":
        run.pay_individual(("special_cases_contribution",))
        _cover(run, own_start, rule)
        if circ == "welfare_institution_child":
            _welfare_payer(run, in_window)
    elif kind == "from_payment" and not (start <= pay <= end):
        run.pay_individual(("special_cases_contribution",))
        _cover(run, pay, rule)
        if circ == "hardship_missed_window":
            run.step("hardship_subsidy", "属于资助对象的，个人缴费还可能获得参保资助：见“城乡居民医保个人缴费与参保资助”计算器。",
                     "If you belong to a subsidised group, the contribution may also be subsidised: see the resident contribution calculator.")
    elif in_window:
        if kind in ("from_payment", "late"):
            note_zh, note_en = _note(policy, "special_cases_contribution")
            run.step("in_window", f"在集中缴费期内缴费，按正常参保办理{note_zh}。",
                     f"Paid within the collection period: treated as ordinary enrolment{note_en}.")
        run.pay_individual(("collection_period_start", "collection_period_end"))
        if in_extension:
            run.result["cover_from"] = None
            run.determined = False
            note_zh, note_en = _note(policy, "collection_period_extension_end")
            run.step("cover_from", f"在延长的缴费期内缴费：方案没有写这种情况从哪天起享受待遇{note_zh}。",
                     f"Paid during the extended period: the plan does not say from when such payers are covered{note_en}.",
                     {}, ("collection_period_extension_end", "benefit_period_start"))
            run.warn("extension_cover_not_stated",
                     "在延长期内缴费的，方案没有写从哪天起享受待遇，请向乡镇（街道）医保经办确认。",
                     "For payments in the extended period the plan does not say when cover starts; ask your township's insurance office.")
            run.chart["unknown_from"] = pay
        else:
            _cover(run, year_from, None, cite=("benefit_period_start",))
    elif kind == "late" and not _late_case_listed(policy, circ):
        _no_mid_year(run, circ)
        return
    elif kind == "late":
        run.pay_full(("late_enrolment",))
        anchor = policy.value("late_enrolment").get("benefits_from", "month_after_payment")
        cover = waiting_period(pay, 0, anchor)[2]
        rule_zh = LATE_BENEFITS_FROM[anchor].zh
        rule_en = LATE_BENEFITS_FROM[anchor].en.removeprefix("and are covered ")
        note_zh, note_en = _note(policy, "late_enrolment")
        if cover > year_to:
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
        else:
            run.result["cover_from"] = cover
            run.step("cover_from", f"{rule_zh}：{cover.isoformat()}{note_zh}。",
                     f"Covered {rule_en}: {cover.isoformat()}{note_en}.",
                     {"cover_from": cover.isoformat()}, ("late_enrolment",))
    else:  # an ordinary resident after the collection period
        _no_mid_year(run, circ)
        return
    _refund(run, pay)


def _late_case_listed(policy: Policy, circ: str) -> bool:
    """Whether the late rule lets this circumstance pay the full standard: a rule naming its `cases`
    admits only those (平江, 双清: “具体指当年新迁入户口、新生儿未在90天内参保缴费、职工医保断保的人员未在断保90天内参保缴费”)."""
    rule = policy.value("late_enrolment")
    cases = rule.get("cases") if isinstance(rule, dict) else None
    return cases is None or CIRCUMSTANCE_CASE.get(circ) in cases


def _no_mid_year(run: Run, circ: str) -> None:
    """After the collection period, outside every special and late case: no mid-year enrolment."""
    policy = run.policy
    run.result.pop("cover_to", None)
    run.lead("按本政策不能中途参保", "Under this policy you cannot enrol mid-year")
    rule = late_rule_text(policy)
    cites = ("mid_year_enrolment", "late_enrolment")
    if circ == "regular":
        run.step("mid_year", "集中缴费期已过：除已明确的特殊情形外，原则上不得中途参保、不得享受医保待遇。",
                 "The collection period is over: apart from the special cases listed, you may not, as a rule, enrol mid-year or receive benefits.",
                 {}, ("mid_year_enrolment",))
        run.warn("mid_year_not_allowed",
                 "集中缴费期已过，普通居民原则上不能中途参保。如属新迁入户口、新生儿等特殊情形，请选择相应情形。",
                 "The collection period is over; ordinary residents may not, as a rule, enrol mid-year. If you are in a special "
                 "case (new household registration, newborn …), choose it.")
        return
    situation = CIRCUMSTANCES[circ]
    run.step("mid_year", f"您的情形（{situation.zh}）不在原文列出的逾期参保情形之内。{rule.zh}",
             f"Your situation ({situation.en[:1].lower() + situation.en[1:]}) is not one of the late cases the source lists. {rule.en}",
             {}, cites)
    run.warn("not_a_listed_late_case",
             "集中缴费期已过，而您的情形不在原文列出的逾期参保情形之内：按本政策原则上不得中途参保、不得享受医保待遇，"
             "也不能按筹资标准补缴买到本年度待遇。如确属新迁入户口等所列情形，请选择相应情形。",
             "The collection period is over and your situation is not one of the late cases the source lists: under this "
             "policy you may not, as a rule, enrol mid-year or receive benefits, nor buy this year's cover at the full "
             "standard. If you are in one of the listed cases (a new household registration …), choose it.")


def _day_window(run: Run, circ: str, rule_name: str, opened: dt.date, pay: dt.date, limit: int) -> bool:
    """Whether the payment is within an N-day window, by the policy's counting convention
    (`day_window_counting`; without it the event day is day 0). Where the policy names another
    reading, its last day is shown too, and the earlier of the two is the safe date to pay by."""
    policy = run.policy
    counting = policy.value("day_window_counting") if policy.has("day_window_counting") else {"event_day": "day_0"}
    convention = counting["event_day"]
    days = day_count(opened, pay, convention)
    last = last_day_of_window(opened, limit, convention)
    run.result["days_since_event"] = days
    # paying before employee cover ends (days < 0) is in time too: cover still starts on the lapse day
    within = pay <= last
    what = Text("断保", "the lapse") if circ == "employee_lapse" else EVENT[circ][0]
    how = EVENT_DAY[convention]
    note_zh, note_en = _note(policy, "day_window_counting" if policy.has("day_window_counting") else rule_name)
    cites = (rule_name,) + (("day_window_counting",) if policy.has("day_window_counting") else ())
    run.step("window",
             f"缴费日是{what.zh}后第 {days} 天（{how.zh}）；{limit} 天内即不晚于 {last.isoformat()}："
             + ("在期限内" if within else "已超过期限") + note_zh + "。",
             f"The payment falls on day {days} after {what.en} ({how.en}); "
             f"within {limit} days means no later than {last.isoformat()}: " + ("within the window" if within else "past the window") + note_en + ".",
             {"days": str(days), "window_days": str(limit), "last_day": last.isoformat()}, cites)
    other = counting.get("alternative")
    safe = last
    if other:
        alt_last = last_day_of_window(opened, limit, other)
        safe = min(last, alt_last)
        if (pay <= alt_last) != within:
            run.determined = False
            run.lead(READING_LEAD.zh, READING_LEAD.en, reading=True)
            run.warn("day_count_alternative",
                     f"按另一种数法（{EVENT_DAY[other].zh}），期限的最后一天是 {alt_last.isoformat()}，这笔缴费的结果会不同。"
                     f"最稳妥的是不晚于 {safe.isoformat()} 缴费，并向当地医保经办确认。",
                     f"Counted the other way ({EVENT_DAY[other].en}), the last day is {alt_last.isoformat()} and this payment's "
                     f"result differs. The safe course is to pay by {safe.isoformat()} and confirm with the local insurance office.")
        run.step("window_alternative",
                 f"另一种数法（{EVENT_DAY[other].zh}）：最后一天是 {alt_last.isoformat()}；最稳妥的缴费截止日是 {safe.isoformat()}。",
                 f"Counted the other way ({EVENT_DAY[other].en}), the last day is {alt_last.isoformat()}; "
                 f"the safe date to pay by is {safe.isoformat()}.",
                 {"last_day": alt_last.isoformat(), "pay_by": safe.isoformat()}, cites)
    run.result["pay_by"] = safe
    return within


# the rule parameter each special case reads
CASE_RULE = {"newborn": "special_case_newborn", "employee_lapse": "special_case_employee_insurance_lapse",
             "welfare_institution_child": "special_case_welfare_institution_child",
             "hardship_missed_window": "special_case_hardship_missed_collection",
             **{circ: "special_case_first_enrolment_groups" for circ in FIRST_ENROLMENT_GROUP}}


def _rule_not_stated(run: Run, circ: str) -> bool:
    """A special case whose rule the policy leaves open (`not_stated`): said, never guessed, never a crash."""
    name = CASE_RULE.get(circ)
    policy = run.policy
    if name is None or not policy.has(name) or not policy.is_open(name):
        return False
    note_zh, note_en = _note(policy, name)
    run.result.update(amount=None, amount_basis=None, cover_from=None, cover_to=None)
    run.determined = False
    run.step("rule_not_stated", f"原文没有写这种情形（{CIRCUMSTANCES[circ].zh}）的规则{note_zh}：金额和享受待遇的日期都无法确定。",
             f"The source gives no rule for this situation ({CIRCUMSTANCES[circ].en[:1].lower() + CIRCUMSTANCES[circ].en[1:]}){note_en}: "
             "neither the amount nor the start of cover can be worked out.", {}, (name,))
    run.warn("rule_not_stated", "原文没有写这种情形的规则，请向当地医保经办咨询。",
             "The source gives no rule for this situation: ask the local insurance office.")
    return True


def _classify(run: Run, circ: str, event: dt.date | None, pay: dt.date) -> tuple[str, dt.date | None, str | None]:
    """(kind, start date named by the rule, rule parameter): kind is own_date | from_payment | late | regular."""
    policy = run.policy
    if circ in ("newborn", "employee_lapse"):
        rule_name = EVENT[circ][1]
        limit = int(policy.value(rule_name)["window_days"])
        opened = event + ONE_DAY if circ == "employee_lapse" else event   # event_date: the last day of employee cover
        note_zh, note_en = _note(policy, rule_name)
        if circ == "employee_lapse":
            run.step("lapse_day", f"职工医保最后一天是 {event.isoformat()}，断保之日为次日 {opened.isoformat()}{note_zh}。",
                     f"The last day of employee insurance is {event.isoformat()}, so it lapsed on {opened.isoformat()}{note_en}.",
                     {"lapse_day": opened.isoformat()}, (rule_name,))
        run.chart["marks"].append(("event", event))
        within = _day_window(run, circ, rule_name, opened, pay, limit)
        return ("own_date", opened, rule_name) if within else ("late", None, "late_enrolment")
    if circ == "welfare_institution_child":
        run.chart["marks"].append(("event", event))
        return "own_date", event, "special_case_welfare_institution_child"
    if circ in FIRST_ENROLMENT_GROUP:
        rule = policy.value("special_case_first_enrolment_groups")
        if FIRST_ENROLMENT_GROUP[circ] not in rule["groups"]:
            raise InputErrors([InputError("circumstance", "本政策没有这种特殊情形的规定。", "This policy has no rule for this situation.")])
        return "from_payment", None, "special_case_first_enrolment_groups"
    if circ == "hardship_missed_window":
        return "from_payment", None, "special_case_hardship_missed_collection"
    if circ in ("new_household", "other_late"):
        if event is not None:
            run.chart["marks"].append(("event", event))
        return "late", None, "late_enrolment"
    return "regular", None, None


def _cover(run: Run, start: dt.date, rule: str | None, cite: tuple[str, ...] = ()) -> None:
    policy = run.policy
    run.result["cover_from"] = start
    year_from = _date(policy, "benefit_period_start")
    cites = ((rule,) if rule else ()) + cite
    run.step("cover_from", f"享受待遇起始日：{start.isoformat()}。", f"Covered from {start.isoformat()}.",
             {"cover_from": start.isoformat()}, cites)
    if start < year_from:
        run.warn("starts_before_year",
                 f"规定的起始日 {start.isoformat()} 早于本年度待遇期（{year_from.isoformat()} 起）。"
                 f"{year_from.isoformat()} 之前的费用属于上一年度，本政策没有写上一年度如何结算，请向医保经办确认。",
                 f"The rule's start date {start.isoformat()} is before this insurance year (from {year_from.isoformat()}). "
                 f"Costs before {year_from.isoformat()} belong to the previous year, which this policy does not settle; ask the insurance office.")


def _welfare_payer(run: Run, in_window: bool) -> None:
    policy = run.policy
    rule = policy.value("special_case_welfare_institution_child")
    key = "paid_by_within_collection_period" if in_window else "paid_by_outside_collection_period"
    code = rule.get(key)
    if code in PAID_BY:
        run.result["paid_by"] = code
        note_zh, note_en = _note(policy, "special_case_welfare_institution_child")
        where_zh = "集中缴费期内" if in_window else "集中缴费期外"
        where_en = "within" if in_window else "outside"
        run.step("paid_by", f"{where_zh}参保，个人缴费由谁资助：{PAID_BY[code].zh}{note_zh}。",
                 f"Enrolled {where_en} the collection period, the contribution is paid by: {PAID_BY[code].en[0].lower()}{PAID_BY[code].en[1:]}{note_en}.",
                 {}, ("special_case_welfare_institution_child",))
    else:
        run.result["paid_by"] = None
        run.step("paid_by", "原文没有写福利机构儿童的个人缴费由谁承担。",
                 "The source does not say who pays the contribution for a welfare-institution child.",
                 {}, ("special_case_welfare_institution_child",))


def _refund(run: Run, pay: dt.date) -> None:
    policy = run.policy
    if not policy.has("refund_deadline"):
        return
    deadline = _date(policy, "refund_deadline")
    note_zh, note_en = _note(policy, "refund_deadline")
    if pay <= deadline:
        run.result["refund"] = "refundable_until_deadline"
        run.result["refund_deadline"] = deadline
        run.step("refund", f"在待遇期开始前（截止 {deadline.isoformat()}），因重复缴费、参加职工医保或在其他地区参保等，可依申请退费{note_zh}。",
                 f"Until cover starts (up to {deadline.isoformat()}) you can apply for a refund if you paid twice, joined "
                 f"employee insurance or enrolled elsewhere{note_en}.", {"refund_deadline": deadline.isoformat()},
                 ("refund_deadline", "refund_reasons"))
    else:
        run.result["refund"] = "not_refundable"
        no_refund = _date(policy, "no_refund_from")
        run.step("refund", f"{no_refund.isoformat()} 起待遇期已开始：暂停参保关系的，个人缴费不再退回{note_zh}。",
                 f"From {no_refund.isoformat()} cover has started: contributions are not returned when enrolment is suspended{note_en}.",
                 {"no_refund_from": no_refund.isoformat()}, ("no_refund_from",))
