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

from typing import TYPE_CHECKING, Any

import datetime as dt
from decimal import Decimal

from . import series
from .data import load_policies
from .dates import ONE_DAY, waiting_period
from .enrolment_run import event_after_payment
from .errors import InputError, InputErrors
from .reading_notes import reading_note
from .waits import READING_LEAD, WAITING_ANCHOR_TEXT, Wait, variable_wait

if TYPE_CHECKING:   # annotations only: nothing more imported at run time
    from .enrolment_run import Run
    from .policy import Policy


def _date(policy: Policy, name: str) -> dt.date:
    value = policy.value(name)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _stated_date(policy: Policy, name: str) -> dt.date | None:
    return _date(policy, name) if policy.has(name) and not policy.is_open(name) else None


def benefit_year(policy: Policy) -> tuple[dt.date | None, dt.date | None]:
    """The benefit year the policy states (`benefit_period_start`/`_end`), else (None, None)."""
    return _stated_date(policy, "benefit_period_start"), _stated_date(policy, "benefit_period_end")


def run_measures(run: Run) -> None:
    """The measures path of resident-benefit-start (`run` is its collector: steps, warnings, amounts)."""
    policy, values = run.policy, run.values
    pay = values["payment_date"]
    _check_dates(policy, pay)
    run.chart["marks"].append(("payment", pay))
    in_period = _window(run, pay)
    if values.get("circumstance") == "newborn" and _newborn(run, pay):
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
    gap_years, continuous = _gap(run)
    reasons = []
    applies_to = set(policy.value("fixed_waiting_period_applies_to"))
    if not in_period and "not_enrolled_in_collection_period" in applies_to:
        reasons.append(("未在集中参保缴费期内参保", "did not enrol in the collection period"))
    if not continuous and "not_continuously_enrolled" in applies_to:
        reasons.append(("未连续参保", "not continuously insured"))
    if not reasons:
        _no_wait(run)
        return
    _wait(run, pay, in_period, reasons, gap_years)
    if not in_period:
        _next_window(run, pay)


def _next_window(run: Run, pay: dt.date) -> None:
    """A late payment made when next year's collection period may already be open: say so (the answer is not
    only this year's price). The next year's dates are this year's a year on — a reading, said as one."""
    policy = run.policy
    start = _stated_date(policy, "collection_period_start")
    if start is None:
        return
    try:
        likely = start.replace(year=start.year + 1)
    except ValueError:   # 29 February
        likely = start.replace(year=start.year + 1, day=28)
    if pay < likely:
        return
    nxt = (policy.data.get("series") or {}).get("next")
    if nxt:
        title = load_policies()[nxt]["title"]
        zh = f"下一年度的政策本站已收录：《{title['zh']}》。这一天缴费，也许应按它参加下一年度，而不是补缴本年度：请先看那一页。"
        en = (f"The next year's policy is on this site: “{title['en']}”. On this day you may rather enrol for next year under it "
              "than pay late for this one: see that page first.")
    else:
        zh = (f"如果下一年度沿用本年度的日期，{likely.isoformat()} 起下一年度的集中缴费期已经开始；本站没有收录下一年度的政策，"
              "缴费前请向当地医保经办或税务部门确认：也许应按个人缴费标准参加下一年度，而不是补缴本年度。")
        en = (f"If next year follows this year's dates, next year's collection period opened on {likely.isoformat()}; this site has "
              "no policy for next year. Before paying, ask the local insurance or tax office: you may rather enrol for next year at "
              "the individual rate than pay late for this one.")
    run.warn("next_window_may_be_open", zh, en)
    run.lead("下一年度的缴费期可能已经开始（见提示）", "Next year's collection period may already be open (see the warnings)", reading=True)
    run.step("next_window", zh, en, {"next_window_from": likely.isoformat()}, ("collection_period_start",))


def _check_dates(policy: Policy, pay: dt.date) -> None:
    applies_from = _date(policy, "fixed_waiting_period_from")
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
    start, end = _stated_date(policy, "collection_period_start"), _stated_date(policy, "collection_period_end")
    if start is None or end is None:
        return bool(run.values["paid_in_collection_period"])
    inside = start <= pay <= end
    where_zh = "在集中缴费期内" if inside else "不在集中缴费期内"
    where_en = "inside" if inside else "outside"
    run.step("window", f"集中缴费期为 {start.isoformat()} 至 {end.isoformat()}：{pay.isoformat()} 缴费{where_zh}。",
             f"The collection period runs from {start.isoformat()} to {end.isoformat()}: a payment on {pay.isoformat()} is {where_en} it.",
             {"start": start.isoformat(), "end": end.isoformat()}, ("collection_period_start", "collection_period_end"))
    return inside


def _gap(run: Run) -> tuple[int | None, bool]:
    """(years without cover, or None when not given; continuously insured?)."""
    gap = run.values.get("gap_years")
    if gap is not None:
        return gap, gap == 0
    return None, bool(run.values["continuously_enrolled"])


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


def _wait(run: Run, pay: dt.date, in_period: bool, reasons: list[tuple[str, str]], gap_years: int | None) -> None:
    policy = run.policy
    year_from, year_to = benefit_year(policy)
    fixed = int(policy.decimal("fixed_waiting_period_months"))
    extra = _variable(run, gap_years, fixed)
    counting = policy.value("waiting_period_counting") if policy.has("waiting_period_counting") else {}
    anchor = counting.get("counted_from", "payment_day")
    # a wait for a payment made before the benefit year starts runs from the year's first day: cover
    # never starts before the year the payment buys (source: 待遇享受期为集中征缴期次年的1月1日至12月31日)
    start = max(pay, year_from) if year_from else pay
    first, last, cover = waiting_period(start, fixed + extra.months, anchor)
    if extra.days:
        last, cover = last + ONE_DAY * extra.days, cover + ONE_DAY * extra.days
    run.result.update(cover_from=cover, cover_to=year_to, waiting_period_end=last)
    why_zh, why_en = "、".join(r[0] for r in reasons), " and ".join(r[1] for r in reasons)
    how = WAITING_ANCHOR_TEXT[anchor]
    total_zh = f"{fixed} 个月" + (f"加变动等待期{_wait_text(extra, 'zh')}" if extra else "")
    total_en = f"{fixed} months" + (f" plus a variable wait of {_wait_text(extra, 'en')}" if extra else "")
    from_zh = from_en = ""
    cites: tuple[str, ...] = ("fixed_waiting_period_months", "fixed_waiting_period_applies_to")
    cites += ("waiting_period_counting",) if counting else ()
    if year_from is not None and start != pay:   # (start differs from pay only when the year starts later)
        from_zh = f"缴费在待遇年度开始（{year_from.isoformat()}）之前，等待期从这天起算；"
        from_en = f"the payment is before the insurance year starts ({year_from.isoformat()}), so the wait runs from that day; "
        cites += ("benefit_period_start",)
    note_zh, note_en = reading_note(policy, "fixed_waiting_period_months")
    run.step("waiting", f"{why_zh}：{from_zh}参保后等待期 {total_zh}，{how.zh}，{first.isoformat()} 至 {last.isoformat()}；"
                        f"等待期满次日 {cover.isoformat()} 起享受待遇{note_zh}。",
             f"You {why_en}: {from_en}a waiting period of {total_en} after joining, {how.en}, "
             f"{first.isoformat()} to {last.isoformat()}; covered from the next day, {cover.isoformat()}{note_en}.",
             {"months": str(fixed), "waiting_period_end": last.isoformat(), "cover_from": cover.isoformat()}, cites)
    if counting.get("alternative"):
        _alternative(run, start, fixed + extra.months, extra.days, counting["alternative"], cover)
    if year_to is None:
        run.step("cover_to", "报道没有写待遇期结束日。", "The report does not say when cover ends.")
    if in_period:
        note_zh, note_en = reading_note(policy, "fixed_waiting_period_applies_to")
        run.warn("waiting_counted_from_payment",
                 f"在集中缴费期内缴费但未连续参保的，等待期从缴费（最早从待遇年度第一天）起算是我们的读法{note_zh}；"
                 "如果当地另有算法，待遇开始的日期会不同。",
                 f"For a payment in the collection period after a gap, counting the wait from the payment (at the earliest from "
                 f"the insurance year's first day) is our reading{note_en}; if the local office counts otherwise, cover starts on another day.")
        _past_year_end(run, year_to, last, cover, pay)
    else:
        _late_benefit_year(run, pay, last, cover)
    run.chart["waiting"] = (first, last)


def _wait_text(wait: Wait, lang: str) -> str:
    if wait.months:
        return f" {wait.months} 个月" if lang == "zh" else f"{wait.months} month{'s' if wait.months != 1 else ''}"
    return f" {wait.days} 天" if lang == "zh" else f"{wait.days} days"


def _variable(run: Run, gap_years: int | None, fixed: int) -> Wait:
    """The variable part of the wait, from the rule and the reader's years of gap (and years paid back)."""
    policy = run.policy
    if policy.has("variable_waiting_rule"):
        if gap_years is None:
            if run.values["continuously_enrolled"]:
                return Wait()
            run.determined = False
            run.step("variable_waiting", "未连续参保的还有变动等待期，按断保年数计算：请填写断保年数，否则下面只是最早的日期。",
                     "Without continuous cover a variable wait is added by the years of gap: enter them, or the date below is only the earliest.",
                     {}, ("variable_waiting_rule",))
            run.warn("gap_years_missing", "请填写断保年数：变动等待期按断保年数计算，下面的起始日是最早的日期。",
                     "Enter the years without cover: the variable wait depends on them, and the start below is the earliest.")
            return Wait()
        paid_back = run.values.get("years_paid_back") or 0
        if paid_back > gap_years:
            raise InputErrors([InputError("years_paid_back", "补缴年数不能多于断保年数。",
                                          "Years paid back cannot exceed the years without cover.")])
        rule = policy.value("variable_waiting_rule")
        wait = variable_wait(rule, gap_years, paid_back, fixed)
        _variable_step(run, rule, gap_years, paid_back, wait)
        return wait
    if policy.has("variable_waiting_period") and policy.is_open("variable_waiting_period"):
        run.determined = False
        note_zh, note_en = reading_note(policy, "variable_waiting_period")
        run.step("variable_waiting", f"另有“变动等待期”，但报道没有写适用对象和长短{note_zh}：待遇可能比下面的日期更晚开始。",
                 f"There is also a \"variable waiting period\", but the report says neither whom it applies to nor how long it is{note_en}: "
                 "cover may start later than the date below.", {}, ("variable_waiting_period",))
        run.warn("variable_waiting_period",
                 "除固定等待期外还可能有“变动等待期”，报道没有写规则：下面的起始日是最早的日期。",
                 "Besides the fixed waiting period there may be a \"variable waiting period\", for which the report "
                 "gives no rule: the start below is the earliest.")
    return Wait()


def _variable_step(run: Run, rule: dict[str, Any], gap_years: int, paid_back: int, wait: Wait) -> None:
    free = int(rule.get("free_gap_years", 0))
    counted = max(0, gap_years - free)
    note_zh, note_en = reading_note(run.policy, "variable_waiting_rule")
    back_zh = f"，补缴 {paid_back} 年" if paid_back else ""
    back_en = f", {paid_back} paid back" if paid_back else ""
    floor_zh = floor_en = ""
    if wait.floored:
        floor = rule["floor"]
        floor_zh = f"；断保 {floor['gap_years_at_least']} 年及以上的，等待期合计不少于 {floor['total_months']} 个月"
        floor_en = (f"; after {floor['gap_years_at_least']} or more years without cover the waits add up to at least "
                    f"{floor['total_months']} months")
    shown_zh = _wait_text(wait, "zh").strip() if wait else "0"
    shown_en = _wait_text(wait, "en") if wait else "none"
    run.step("variable_waiting",
             f"断保 {gap_years} 年{back_zh}：计入变动等待期的 {counted} 年（前 {free} 年不计）{floor_zh}，变动等待期 {shown_zh}{note_zh}。",
             f"{gap_years} years without cover{back_en}: {counted} count towards the variable wait (the first {free} do not){floor_en}; "
             f"variable wait: {shown_en}{note_en}.",
             {"gap_years": str(gap_years), "variable_months": str(wait.months), "variable_days": str(wait.days)},
             ("variable_waiting_rule",))


def _alternative(run: Run, start: dt.date, months: int, days: int, anchor: str, cover: dt.date) -> None:
    """The other way of counting the wait the rule names (`waiting_period_counting.alternative`), with its date."""
    policy = run.policy
    _, alt_last, alt_cover = waiting_period(start, months, anchor)
    alt_last, alt_cover = alt_last + ONE_DAY * days, alt_cover + ONE_DAY * days
    run.result["cover_from_alternative"] = alt_cover
    run.lead(READING_LEAD.zh, READING_LEAD.en, reading=True)
    how = WAITING_ANCHOR_TEXT[anchor]
    note_zh, note_en = reading_note(policy, "waiting_period_counting")
    run.determined = False
    run.step("waiting_alternative",
             f"另一种算法：{how.zh}，等待期至 {alt_last.isoformat()}，{alt_cover.isoformat()} 起享受待遇{note_zh}。",
             f"The other way of counting: {how.en}, the wait runs to {alt_last.isoformat()} and cover starts on "
             f"{alt_cover.isoformat()}{note_en}.",
             {"waiting_period_end": alt_last.isoformat(), "cover_from": alt_cover.isoformat()}, ("waiting_period_counting",))
    run.warn("waiting_count_alternative",
             f"报道没有写等待期从哪天起算：按我们的读法 {cover.isoformat()} 起享受待遇；按另一种算法（{how.zh}）则是 "
             f"{alt_cover.isoformat()}。请向当地医保经办确认。",
             f"The report does not say from which day the wait is counted: in our reading cover starts on {cover.isoformat()}; "
             f"counted the other way ({how.en}) it starts on {alt_cover.isoformat()}. Ask the local insurance office.")


def _past_year_end(run: Run, year_to: dt.date | None, last: dt.date, cover: dt.date, pay: dt.date) -> None:
    """A wait that ends after the benefit year the payment buys: the payment buys no cover in it."""
    if year_to is None or cover <= year_to:
        return
    _buys_nothing(run, pay, year_to, cover)
    run.result["benefit_year_end"] = year_to
    run.step("wait_crosses_year",
             f"等待期到 {last.isoformat()} 才满，已过待遇年度末日 {year_to.isoformat()}：这笔缴费在该年度买不到任何待遇。",
             f"The wait ends only on {last.isoformat()}, after the insurance year ends on {year_to.isoformat()}: "
             "this payment buys no cover in that year.",
             {"waiting_period_end": last.isoformat(), "benefit_year_end": year_to.isoformat()},
             ("benefit_period_end", "fixed_waiting_period_months"))
    run.warn("wait_crosses_benefit_year",
             f"等待期跨过了这笔缴费所买待遇年度的末日（{year_to.isoformat()}）：{cover.isoformat()} 只是等待期满的日期，"
             f"不等于已买到下一年度的待遇。缴费前请向当地医保经办确认。",
             f"The wait runs past the end of the benefit year this payment buys ({year_to.isoformat()}): {cover.isoformat()} "
             "is only when the wait ends, not proof of cover in the next year. Ask the local insurance office before paying.")


def _buys_nothing(run: Run, pay: dt.date, year_end: dt.date, wait_over: dt.date) -> None:
    """The wait ends after the year the payment buys: no cover date is this payment's (the chart shows why)."""
    run.result.update(cover_from=None, cover_to=None, cover_from_alternative=None)   # either count ends after the year
    run.determined = False
    run.lead(f"这笔缴费买不到 {year_end.year} 年度的待遇", f"This payment buys no cover for {year_end.year}")
    run.chart["year_end"] = year_end
    run.chart["no_cover"] = (pay, year_end, wait_over)


def _late_benefit_year(run: Run, pay: dt.date, last: dt.date, cover: dt.date) -> None:
    """Which benefit year a payment outside the collection period buys (`late_payment_benefit_year`), and
    what a wait that runs past its end means."""
    policy = run.policy
    if not policy.has("late_payment_benefit_year"):
        return
    rule = policy.value("late_payment_benefit_year")
    if rule.get("buys") != "calendar_year_of_payment":
        raise ValueError(f"{policy.id}: late_payment_benefit_year.buys {rule.get('buys')!r} is not known")
    year_end = dt.date(pay.year, 12, 31)
    run.result["benefit_year_end"] = year_end
    note_zh, note_en = reading_note(policy, "late_payment_benefit_year")
    run.step("benefit_year",
             f"这笔在集中缴费期外的缴费买的是 {pay.year} 年度的待遇（{pay.year}-01-01 至 {year_end.isoformat()}）{note_zh}。",
             f"This payment outside the collection period buys the {pay.year} benefit year "
             f"({pay.year}-01-01 to {year_end.isoformat()}){note_en}.",
             {"benefit_year_end": year_end.isoformat()}, ("late_payment_benefit_year",))
    if cover <= year_end:
        return
    _buys_nothing(run, pay, year_end, cover)
    run.step("wait_crosses_year",
             f"等待期到 {last.isoformat()} 才满，已过 {year_end.isoformat()}：按这个读法，这笔缴费在 {pay.year} 年度买不到任何待遇；"
             f"报道没有写等待期能否延续到下一年度，也没有写下一年度是否还须另行缴费。",
             f"The wait ends only on {last.isoformat()}, after {year_end.isoformat()}: in this reading the payment buys no "
             f"cover in {pay.year}; the report says neither whether the wait carries over into the next year nor whether "
             "the next year must be paid for separately.",
             {"waiting_period_end": last.isoformat(), "benefit_year_end": year_end.isoformat()},
             ("late_payment_benefit_year", "fixed_waiting_period_months"))
    run.warn("wait_crosses_benefit_year",
             f"等待期跨过了这笔缴费所买待遇年度的末日（{year_end.isoformat()}）：{cover.isoformat()} 只是等待期满的日期，"
             f"不等于已买到下一年度的待遇。缴费前请向当地医保经办确认。",
             f"The wait runs past the end of the benefit year this payment buys ({year_end.isoformat()}): {cover.isoformat()} "
             "is only when the wait ends, not proof of cover in the next year. Ask the local insurance office before paying.")


# --- newborns ------------------------------------------------------------------------------------

WAIVER_KEYS = {"born_in": ("benefit_year",), "requires_parent_insured": (True, False)}
PREVIOUS_YEAR_KEYS = ("born_from_month",)


def newborn_waiver_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `newborn_fee_waiver` rule.

    >>> newborn_waiver_problems({"born_in": "benefit_year", "requires_parent_insured": True})
    []
    >>> [p[0] for p in newborn_waiver_problems({"born_in": "2026", "fee": 0})]
    ['.fee', '.born_in', '']
    """
    if not isinstance(value, dict):
        return [("", "must be {born_in: benefit_year, requires_parent_insured: true|false}",
                 "须为 {born_in: benefit_year, requires_parent_insured: true|false}")]
    out = [(f".{k}", f"unknown key (allowed: {', '.join(WAIVER_KEYS)})", f"未知的键（可用：{'、'.join(WAIVER_KEYS)}）")
           for k in value if k not in WAIVER_KEYS]
    out += [(f".{k}", f"must be one of {', '.join(map(str, allowed))}", f"须为以下之一：{'、'.join(map(str, allowed))}")
            for k, allowed in WAIVER_KEYS.items() if k in value and value[k] not in allowed]
    missing = [k for k in WAIVER_KEYS if k not in value]
    if missing:
        out.append(("", f"needs {', '.join(missing)}", f"缺少 {'、'.join(missing)}"))
    return out


def previous_year_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `newborn_previous_year_rule` ({born_from_month: 1–12}).

    >>> previous_year_problems({"born_from_month": 10}), [p[0] for p in previous_year_problems({"born_from_month": 13})]
    ([], ['.born_from_month'])
    """
    month = value.get("born_from_month") if isinstance(value, dict) else None
    if not isinstance(value, dict) or set(value) != set(PREVIOUS_YEAR_KEYS):
        return [("", "must be {born_from_month: 1–12}", "须为 {born_from_month: 1–12}")]
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        return [(".born_from_month", "must be a month, 1–12", "须为月份 1–12")]
    return []


def _newborn(run: Run, pay: dt.date) -> bool:
    """A newborn: born in the benefit year with a parent insured → nothing to pay, covered from birth
    (`newborn_fee_waiver`); born in the last months before it → joins it directly from its first day
    (`newborn_previous_year_rule`). True when settled here; False: the ordinary rules apply."""
    policy, values = run.policy, run.values
    birth = values["event_date"]
    if not policy.has("newborn_fee_waiver"):
        raise InputErrors([InputError("circumstance", "本政策没有新生儿的特别规定。", "This policy has no rule for newborns.")])
    if birth is None:
        raise InputErrors([InputError("event_date", "请填写出生日期。", "Enter the date of birth.")])
    if birth > pay:
        raise InputErrors(event_after_payment("出生", "birth"))
    year_from, year_to = benefit_year(policy)
    if year_from is None or year_to is None:
        raise ValueError(f"{policy.id}: newborn_fee_waiver needs benefit_period_start and benefit_period_end")
    run.chart["marks"].append(("event", birth))
    rule = policy.value("newborn_fee_waiver")
    parent = bool(values["parent_insured"]) or not rule["requires_parent_insured"]
    if year_from <= birth <= year_to and parent:
        note_zh, note_en = reading_note(policy, "newborn_fee_waiver")
        run.result.update(amount=Decimal("0"), amount_basis="waived", cover_from=birth, cover_to=year_to)
        run.step("newborn_waiver",
                 f"{birth.isoformat()} 出生、父母一方已参保：免缴 {year_from.year} 年度医保费用，自出生之日起享受当年医保待遇{note_zh}。",
                 f"Born on {birth.isoformat()} with a parent insured: the {year_from.year} contribution is waived and the baby is "
                 f"covered from the day of birth{note_en}.",
                 {"amount": "0.00", "cover_from": birth.isoformat()}, ("newborn_fee_waiver", "benefit_period_start", "benefit_period_end"))
        return True
    if year_from <= birth and not parent:
        run.step("newborn_no_waiver",
                 "父母双方都没有参加本省基本医疗保险：新生儿免缴不适用，按普通居民的规则计算。",
                 "Neither parent is insured in the province: the newborn waiver does not apply; the ordinary rules follow.",
                 {}, ("newborn_fee_waiver",))
        return False
    if policy.has("newborn_previous_year_rule"):
        first_month = int(policy.value("newborn_previous_year_rule")["born_from_month"])
        if dt.date(year_from.year - 1, first_month, 1) <= birth < year_from:
            note_zh, note_en = reading_note(policy, "newborn_previous_year_rule")
            run.step("newborn_previous_year",
                     f"{birth.isoformat()} 出生：可以不缴 {year_from.year - 1} 年度医保，直接参加 {year_from.year} 年度{note_zh}；"
                     f"{year_from.year} 年度按下面的规则缴费。",
                     f"Born on {birth.isoformat()}: the baby may skip {year_from.year - 1} and join {year_from.year} directly{note_en}; "
                     f"{year_from.year} is paid for under the rules below.",
                     {}, ("newborn_previous_year_rule",))
            return False
    return False
