"""The waiting period of a resident enrolment, in steps: a fixed part, a variable part by years of gap, how it is
counted, the benefit year it must fall in — each read from the parameter the policy names for it.

A wait is stated by parts (`WaitRule`), each the name of a parameter: the fixed months
(`fixed_waiting_period_months`), whom it applies to (`fixed_waiting_period_applies_to`:
not_enrolled_in_collection_period, not_continuously_enrolled), how it is counted (`waiting_period_counting`,
calc/dates.py), the variable part (`variable_waiting_rule`, calc/waits.py; or an open `variable_waiting_period`)
and the benefit year a payment outside the collection period buys (`late_payment_benefit_year`). A window
names its wait (`enrolment_windows[].wait`, calc/enrolment_windows.py) through a `waiting_period_rule`
parameter, whether the window's dates are stated or not.

What holds, in order: a wait for a payment before the benefit year runs from the year's first day (cover never
starts before the year the payment buys); the fixed and variable parts add up; the other way of counting is
shown with its date; a wait that ends after the benefit year buys nothing in it, and says so.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import datetime as dt
from dataclasses import dataclass

from .data import load_policies
from .errors import InputError, InputErrors
from .inputs import Text
from .reading_notes import reading_note
from .waits import READING_LEAD, WAITING_ANCHOR_TEXT, Wait, variable_wait, wait_dates

if TYPE_CHECKING:   # annotations only: nothing more imported at run time
    from .enrolment_run import Run
    from .policy import Policy

WAIT_REASONS = {   # whom a wait applies to (`fixed_waiting_period_applies_to`), as the wait's step says it
    "not_enrolled_in_collection_period": Text("未在集中参保缴费期内参保", "did not enrol in the collection period"),
    "not_continuously_enrolled": Text("未连续参保", "not continuously insured"),
}


def stated_date(policy: Policy, name: str) -> dt.date | None:
    """The date parameter `name` holds, or None when the policy lacks it or leaves it open."""
    if not policy.has(name) or policy.is_open(name):
        return None
    value = policy.value(name)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def benefit_year(policy: Policy) -> tuple[dt.date | None, dt.date | None]:
    """The benefit year the policy states (`benefit_period_start`/`_end`), else (None, None)."""
    return stated_date(policy, "benefit_period_start"), stated_date(policy, "benefit_period_end")


@dataclass(frozen=True)
class WaitRule:
    """Where a policy states each part of its wait: the name of the parameter holding it (None: not stated)."""
    fixed: str                  # the fixed months
    applies_to: str | None = None
    counting: str | None = None
    variable: str | None = None
    buys: str | None = None     # the benefit year a payment outside the collection period buys

    @classmethod
    def named(cls, policy: Policy, buys: str | None = None, **names: str) -> WaitRule:
        """The rule of the parts the policy has (a name it lacks is dropped)."""
        kept = {k: v for k, v in names.items() if policy.has(v)}
        return cls(buys=buys if buys and policy.has(buys) else None, **kept)


def gap(run: Run) -> tuple[int | None, bool]:
    """(years without cover, or None when not given; continuously insured?)."""
    years = run.values.get("gap_years")
    if years is not None:
        return years, years == 0
    return None, bool(run.values["continuously_enrolled"])


def reasons(policy: Policy, rule: WaitRule, in_period: bool, continuous: bool) -> list[tuple[str, str]]:
    """Why this payer waits (zh, en), by whom the rule's wait applies to; [] when it does not apply."""
    applies = set(policy.value(rule.applies_to)) if rule.applies_to else set(WAIT_REASONS)
    held = {"not_enrolled_in_collection_period": not in_period, "not_continuously_enrolled": not continuous}
    return [(WAIT_REASONS[code].zh, WAIT_REASONS[code].en) for code in WAIT_REASONS if code in applies and held[code]]


def apply_wait(run: Run, pay: dt.date, rule: WaitRule, in_period: bool, why: list[tuple[str, str]], gap_years: int | None) -> None:
    """The wait's steps and dates: cover from the day after it ends, within the benefit year the payment buys."""
    policy = run.policy
    year_from, year_to = benefit_year(policy)
    fixed = int(policy.decimal(rule.fixed))
    extra = _variable(run, rule, gap_years, fixed)
    counting = policy.value(rule.counting) if rule.counting else {}
    anchor = counting.get("counted_from", "payment_day")
    # a wait for a payment made before the benefit year starts runs from the year's first day: cover
    # never starts before the year the payment buys (source: 待遇享受期为集中征缴期次年的1月1日至12月31日)
    start = max(pay, year_from) if year_from else pay
    first, last, cover = wait_dates(start, fixed + extra.months, extra.days, anchor)
    run.result.update(cover_from=cover, cover_to=year_to, waiting_period_end=last)
    why_zh, why_en = "、".join(r[0] for r in why), " and ".join(r[1] for r in why)
    how = WAITING_ANCHOR_TEXT[anchor]
    total_zh = f"{fixed} 个月" + (f"加变动等待期{_wait_text(extra, 'zh')}" if extra else "")
    total_en = f"{fixed} months" + (f" plus a variable wait of {_wait_text(extra, 'en')}" if extra else "")
    from_zh = from_en = ""
    cites = tuple(n for n in (rule.fixed, rule.applies_to, rule.counting) if n)
    if year_from is not None and start != pay:   # (start differs from pay only when the year starts later)
        from_zh = f"缴费在待遇年度开始（{year_from.isoformat()}）之前，等待期从这天起算；"
        from_en = f"the payment is before the insurance year starts ({year_from.isoformat()}), so the wait runs from that day; "
        cites += ("benefit_period_start",)
    note_zh, note_en = reading_note(policy, rule.fixed)
    run.step("waiting", f"{why_zh}：{from_zh}参保后等待期 {total_zh}，{how.zh}，{first.isoformat()} 至 {last.isoformat()}；"
                        f"等待期满次日 {cover.isoformat()} 起享受待遇{note_zh}。",
             f"You {why_en}: {from_en}a waiting period of {total_en} after joining, {how.en}, "
             f"{first.isoformat()} to {last.isoformat()}; covered from the next day, {cover.isoformat()}{note_en}.",
             {"months": str(fixed), "waiting_period_end": last.isoformat(), "cover_from": cover.isoformat()}, cites)
    if counting.get("alternative"):
        _alternative(run, rule, start, fixed + extra.months, extra.days, counting["alternative"], cover)
    if year_to is None:
        run.step("cover_to", "报道没有写待遇期结束日。", "The report does not say when cover ends.")
    if in_period:
        note_zh, note_en = reading_note(policy, rule.applies_to) if rule.applies_to else ("", "")
        run.warn("waiting_counted_from_payment",
                 f"在集中缴费期内缴费但未连续参保的，等待期从缴费（最早从待遇年度第一天）起算是我们的读法{note_zh}；"
                 "如果当地另有算法，待遇开始的日期会不同。",
                 f"For a payment in the collection period after a gap, counting the wait from the payment (at the earliest from "
                 f"the insurance year's first day) is our reading{note_en}; if the local office counts otherwise, cover starts on another day.")
        _past_year_end(run, rule, year_to, last, cover, pay)
    else:
        _late_benefit_year(run, rule, pay, last, cover)
    run.chart["waiting"] = (first, last)


def next_window(run: Run, pay: dt.date, start: dt.date, cite: tuple[str, ...]) -> None:
    """A late payment made when next year's collection period may already be open: say so (the answer is not
    only this year's price). The next year's dates are this year's a year on — a reading, said as one."""
    policy = run.policy
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
    run.step("next_window", zh, en, {"next_window_from": likely.isoformat()}, cite)


def _wait_text(wait: Wait, lang: str) -> str:
    if wait.months:
        return f" {wait.months} 个月" if lang == "zh" else f"{wait.months} month{'s' if wait.months != 1 else ''}"
    return f" {wait.days} 天" if lang == "zh" else f"{wait.days} days"


def _variable(run: Run, rule: WaitRule, gap_years: int | None, fixed: int) -> Wait:
    """The variable part of the wait, from the rule and the reader's years of gap (and years paid back)."""
    policy, name = run.policy, rule.variable
    if name is None:
        return Wait()
    if not policy.is_open(name) and isinstance(policy.value(name), dict):
        if gap_years is None:
            if run.values["continuously_enrolled"]:
                return Wait()
            run.determined = False
            run.step("variable_waiting", "未连续参保的还有变动等待期，按断保年数计算：请填写断保年数，否则下面只是最早的日期。",
                     "Without continuous cover a variable wait is added by the years of gap: enter them, or the date below is only the earliest.",
                     {}, (name,))
            run.warn("gap_years_missing", "请填写断保年数：变动等待期按断保年数计算，下面的起始日是最早的日期。",
                     "Enter the years without cover: the variable wait depends on them, and the start below is the earliest.")
            return Wait()
        paid_back = run.values.get("years_paid_back") or 0
        if paid_back > gap_years:
            raise InputErrors([InputError("years_paid_back", "补缴年数不能多于断保年数。",
                                          "Years paid back cannot exceed the years without cover.")])
        stated = policy.value(name)
        wait = variable_wait(stated, gap_years, paid_back, fixed)
        _variable_step(run, name, stated, gap_years, paid_back, wait)
        return wait
    if policy.is_open(name):
        run.determined = False
        note_zh, note_en = reading_note(policy, name)
        run.step("variable_waiting", f"另有“变动等待期”，但报道没有写适用对象和长短{note_zh}：待遇可能比下面的日期更晚开始。",
                 f"There is also a \"variable waiting period\", but the report says neither whom it applies to nor how long it is{note_en}: "
                 "cover may start later than the date below.", {}, (name,))
        run.warn("variable_waiting_period",
                 "除固定等待期外还可能有“变动等待期”，报道没有写规则：下面的起始日是最早的日期。",
                 "Besides the fixed waiting period there may be a \"variable waiting period\", for which the report "
                 "gives no rule: the start below is the earliest.")
    return Wait()


def _variable_step(run: Run, name: str, rule: dict[str, Any], gap_years: int, paid_back: int, wait: Wait) -> None:
    free = int(rule.get("free_gap_years", 0))
    counted = max(0, gap_years - free)
    note_zh, note_en = reading_note(run.policy, name)
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
             (name,))


def _alternative(run: Run, rule: WaitRule, start: dt.date, months: int, days: int, anchor: str, cover: dt.date) -> None:
    """The other way of counting the wait the rule names (`waiting_period_counting.alternative`), with its date."""
    policy = run.policy
    _, alt_last, alt_cover = wait_dates(start, months, days, anchor)
    run.result["cover_from_alternative"] = alt_cover
    run.lead(READING_LEAD.zh, READING_LEAD.en, reading=True)
    how = WAITING_ANCHOR_TEXT[anchor]
    note_zh, note_en = reading_note(policy, rule.counting) if rule.counting else ("", "")
    run.determined = False
    run.step("waiting_alternative",
             f"另一种算法：{how.zh}，等待期至 {alt_last.isoformat()}，{alt_cover.isoformat()} 起享受待遇{note_zh}。",
             f"The other way of counting: {how.en}, the wait runs to {alt_last.isoformat()} and cover starts on "
             f"{alt_cover.isoformat()}{note_en}.",
             {"waiting_period_end": alt_last.isoformat(), "cover_from": alt_cover.isoformat()}, (rule.counting or rule.fixed,))
    run.warn("waiting_count_alternative",
             f"报道没有写等待期从哪天起算：按我们的读法 {cover.isoformat()} 起享受待遇；按另一种算法（{how.zh}）则是 "
             f"{alt_cover.isoformat()}。请向当地医保经办确认。",
             f"The report does not say from which day the wait is counted: in our reading cover starts on {cover.isoformat()}; "
             f"counted the other way ({how.en}) it starts on {alt_cover.isoformat()}. Ask the local insurance office.")


def _past_year_end(run: Run, rule: WaitRule, year_to: dt.date | None, last: dt.date, cover: dt.date, pay: dt.date) -> None:
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
             ("benefit_period_end", rule.fixed))
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


def _late_benefit_year(run: Run, rule: WaitRule, pay: dt.date, last: dt.date, cover: dt.date) -> None:
    """Which benefit year a payment outside the collection period buys (`late_payment_benefit_year`), and
    what a wait that runs past its end means."""
    policy = run.policy
    if rule.buys is None:
        return
    buys = policy.value(rule.buys).get("buys")
    if buys != "calendar_year_of_payment":
        raise ValueError(f"{policy.id}: {rule.buys}.buys {buys!r} is not known")
    year_end = dt.date(pay.year, 12, 31)
    run.result["benefit_year_end"] = year_end
    note_zh, note_en = reading_note(policy, rule.buys)
    run.step("benefit_year",
             f"这笔在集中缴费期外的缴费买的是 {pay.year} 年度的待遇（{pay.year}-01-01 至 {year_end.isoformat()}）{note_zh}。",
             f"This payment outside the collection period buys the {pay.year} benefit year "
             f"({pay.year}-01-01 to {year_end.isoformat()}){note_en}.",
             {"benefit_year_end": year_end.isoformat()}, (rule.buys,))
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
             (rule.buys, rule.fixed))
    run.warn("wait_crosses_benefit_year",
             f"等待期跨过了这笔缴费所买待遇年度的末日（{year_end.isoformat()}）：{cover.isoformat()} 只是等待期满的日期，"
             f"不等于已买到下一年度的待遇。缴费前请向当地医保经办确认。",
             f"The wait runs past the end of the benefit year this payment buys ({year_end.isoformat()}): {cover.isoformat()} "
             "is only when the wait ends, not proof of cover in the next year. Ask the local insurance office before paying.")
