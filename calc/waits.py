"""Waits as data: the variable waiting period by years of gap, and how a day window is counted.

A variable waiting period (`variable_waiting_rule`) adds a wait for each year without cover.
The national rule (国办发〔2024〕38号, as its answers retell it): each further year of gap adds one
month to the fixed 3 months, each year paid back removes one, and after 4 or more years of gap the
two together are at least 6 months. Its parts, as a policy states them:

- `per_gap_year`: how much each counted year of gap adds, `{months: 1}` or `{days: 30}`;
- `free_gap_years`: gap years the fixed wait already covers ("每多断保1年": the first year adds
  nothing, so 1; "每断缴1年": every year counts, so 0);
- `payback_per_year` (optional): what each year paid back removes, never below zero;
- `floor` (optional): `{gap_years_at_least: 4, total_months: 6}`, a least total wait (fixed + variable).

>>> NATIONAL = {"per_gap_year": {"months": 1}, "free_gap_years": 1, "payback_per_year": {"months": 1},
...             "floor": {"gap_years_at_least": 4, "total_months": 6}}
>>> [variable_wait(NATIONAL, gap, 0, fixed_months=3) for gap in (0, 1, 2, 3, 4, 5)]
[Wait(months=0, days=0, floored=False), Wait(months=0, days=0, floored=False), Wait(months=1, days=0, floored=False), Wait(months=2, days=0, floored=False), Wait(months=3, days=0, floored=False), Wait(months=4, days=0, floored=False)]
>>> variable_wait(NATIONAL, 2, 1, fixed_months=3)     # one year paid back: the extra month is gone
Wait(months=0, days=0, floored=False)
>>> variable_wait(NATIONAL, 5, 4, fixed_months=3)     # 4+ years of gap: at least 6 months in all
Wait(months=3, days=0, floored=True)
>>> variable_wait({"per_gap_year": {"days": 30}, "free_gap_years": 0}, 2, 0, fixed_months=3)
Wait(months=0, days=60, floored=False)

Day windows ("出生后90天内") count the event day as day 0 or as day 1 (`day_window_counting`):
on day 0 the window's last day is event + N; on day 1 it is event + N − 1.

>>> import datetime as dt
>>> birth = dt.date(2023, 3, 10)
>>> last_day_of_window(birth, 90, "day_0"), last_day_of_window(birth, 90, "day_1")
(datetime.date(2023, 6, 8), datetime.date(2023, 6, 7))
>>> day_count(birth, dt.date(2023, 6, 8), "day_0"), day_count(birth, dt.date(2023, 6, 8), "day_1")
(90, 91)

A wait after payment in months, days or both is counted from the anchor `waiting_period_counting.counted_from` names
(WAITING_ANCHOR_TEXT): "从缴费30日后" paid on 1 May is over on 31 May with the payment day as day 1, on 1 June
without it.

>>> [wait_dates(dt.date(2023, 5, 1), 0, 30, a)[1:] for a in ("payment_day", "day_after_payment")]
[(datetime.date(2023, 5, 30), datetime.date(2023, 5, 31)), (datetime.date(2023, 5, 31), datetime.date(2023, 6, 1))]
"""
from __future__ import annotations

from typing import Any

import datetime as dt
from dataclasses import dataclass

from .dates import ONE_DAY, counting_problems, first_of_next_month, waiting_period
from .inputs import Text

EVENT_DAY = {   # how a day window counts the event day (`day_window_counting.event_day`)
    "day_0": Text("事件当天为第0天、次日为第1天", "the day of the event is day 0, the next day day 1"),
    "day_1": Text("事件当天算第1天", "the day of the event is day 1"),
}
GRACE_COUNTS = {   # what an arrears grace ("欠缴费用在3个月内（含）") counts (`arrears_grace_counting.counted_as`)
    "unpaid_months": Text("欠费（未缴）的月数", "the number of months not paid"),
    "months_run": Text("欠费已经持续的时间（从第一个欠费月份到缴费所在月份之前）",
                       "how long the arrears have run (from the first unpaid month to the month before payment)"),
}
WAIT_UNITS = ("months", "days")
# the headline's first words when a date rests on our reading of how a period is counted (another reading is shown)
READING_LEAD = Text("按我们的读法（另一种数法见下）", "On our reading (the other way of counting is below)")
WAITING_ANCHOR_TEXT = {   # how a waiting period is counted (calc/dates.py waiting_period)
    "payment_day": Text("从缴费之日起算，缴费当天为第一天", "counted from the payment day, which is day 1"),
    "day_after_payment": Text("缴费当天不计入、从次日起算（民法典第二百零一条、第二百零二条）",
                              "the payment day not counted, from the next day (Civil Code, articles 201 and 202)"),
    "month_of_payment": Text("从缴费当月起算，缴费当月为第一个月", "counted from the month of payment, which is month 1"),
    "month_after_payment": Text("从缴费的次月起算", "counted from the month after payment"),
}


@dataclass(frozen=True)
class Wait:
    months: int = 0
    days: int = 0
    floored: bool = False   # raised to the rule's least total

    def __bool__(self) -> bool:
        return bool(self.months or self.days)


def _amount(part: dict[str, Any]) -> tuple[int, int]:
    return int(part.get("months", 0)), int(part.get("days", 0))


def variable_wait(rule: dict[str, Any], gap_years: int, paid_back: int, fixed_months: int) -> Wait:
    """The variable wait for `gap_years` years without cover, `paid_back` of them paid for afterwards."""
    counted = max(0, gap_years - int(rule.get("free_gap_years", 0)))
    per_m, per_d = _amount(rule["per_gap_year"])
    back_m, back_d = _amount(rule.get("payback_per_year", {}))
    months = max(0, per_m * counted - back_m * paid_back)
    days = max(0, per_d * counted - back_d * paid_back)
    floor = rule.get("floor")
    if floor and gap_years >= int(floor["gap_years_at_least"]) and days == 0:
        least = int(floor["total_months"]) - fixed_months
        if months < least:
            return Wait(least, 0, True)
    return Wait(months, days, False)


def cover_anchor(code: str, pay: dt.date) -> dt.date:
    """The first covered day a cover rule anchored on the payment gives (payment_day | day_after_payment | month_after_payment)."""
    return {"payment_day": pay, "day_after_payment": pay + ONE_DAY, "month_after_payment": first_of_next_month(pay)}[code]


def wait_dates(start: dt.date, months: int, days: int, counted_from: str) -> tuple[dt.date, dt.date, dt.date]:
    """(first day of the wait, its last day, the first covered day) for `months` months then `days` days from `start`."""
    first, last, cover = waiting_period(start, months, counted_from)
    return first, last + ONE_DAY * days, cover + ONE_DAY * days


def last_day_of_window(event: dt.date, limit: int, event_day: str) -> dt.date:
    """The last day inside an N-day window opened by `event`, by how the event day counts."""
    return event + dt.timedelta(days=limit - (1 if event_day == "day_1" else 0))


def day_count(event: dt.date, day: dt.date, event_day: str) -> int:
    """Which day of the window `day` is, by how the event day counts."""
    return (day - event).days + (1 if event_day == "day_1" else 0)


def _unknown_keys(value: dict[str, Any], allowed: tuple[str, ...], field: str = "") -> list[tuple[str, str, str]]:
    return [(f"{field}.{k}", f"unknown key (allowed: {', '.join(allowed)})", f"未知的键（可用：{'、'.join(allowed)}）")
            for k in value if k not in allowed]


def _amount_problems(value: object, field: str) -> list[tuple[str, str, str]]:
    if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in WAIT_UNITS:
        return [(field, "must be {months: N} or {days: N}", "须为 {months: N} 或 {days: N}")]
    number = next(iter(value.values()))
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        return [(field, "must be a whole number, 0 or more", "须为不小于 0 的整数")]
    return []


def variable_rule_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `variable_waiting_rule` (the loader reports them with file:line).

    >>> variable_rule_problems({"per_gap_year": {"months": 1}, "free_gap_years": 1})
    []
    >>> [p[0] for p in variable_rule_problems({"per_gap_year": {"weeks": 1}, "gap": 2})]
    ['.gap', '.per_gap_year']
    """
    allowed = ("per_gap_year", "free_gap_years", "payback_per_year", "floor")
    if not isinstance(value, dict) or "per_gap_year" not in value:
        return [("", "must be {per_gap_year: {months|days: N}, free_gap_years, payback_per_year, floor}",
                 "须为 {per_gap_year: {months|days: N}, free_gap_years, payback_per_year, floor}")]
    out = _unknown_keys(value, allowed)
    out += _amount_problems(value["per_gap_year"], ".per_gap_year")
    if "payback_per_year" in value:
        out += _amount_problems(value["payback_per_year"], ".payback_per_year")
    free = value.get("free_gap_years", 0)
    if isinstance(free, bool) or not isinstance(free, int) or free < 0:
        out.append((".free_gap_years", "must be a whole number, 0 or more", "须为不小于 0 的整数"))
    floor = value.get("floor")
    if floor is not None:
        keys = ("gap_years_at_least", "total_months")
        if not isinstance(floor, dict) or set(floor) != set(keys) or not all(
                isinstance(floor[k], int) and not isinstance(floor[k], bool) and floor[k] >= 0 for k in keys):
            out.append((".floor", "must be {gap_years_at_least: N, total_months: N}", "须为 {gap_years_at_least: N, total_months: N}"))
    return out


def month_counting_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a count of months from a month (not a day): only the month anchors.

    >>> [p[0] for p in month_counting_problems({"counted_from": "month_of_payment", "alternative": "payment_day"})]
    ['.alternative']
    """
    out = counting_problems(value)
    if out or not isinstance(value, dict):
        return out
    return [(f".{key}", "must be month_of_payment or month_after_payment (a count of months from a month)",
             "须为 month_of_payment 或 month_after_payment（按月份数月）")
            for key in ("counted_from", "alternative") if key in value and not str(value[key]).startswith("month_")]


def day_counting_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `day_window_counting` rule.

    >>> day_counting_problems({"event_day": "day_0", "alternative": "day_1"})
    []
    >>> [p[0] for p in day_counting_problems({"event_day": "day_2"})]
    ['.event_day']
    """
    return _convention_problems(value, "event_day", tuple(EVENT_DAY))


def grace_counting_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `arrears_grace_counting` rule.

    >>> grace_counting_problems({"counted_as": "unpaid_months", "alternative": "months_run"})
    []
    >>> [p[0] for p in grace_counting_problems({"counted_as": "months", "alt": 1})]
    ['.alt', '.counted_as']
    """
    return _convention_problems(value, "counted_as", tuple(GRACE_COUNTS))


def _convention_problems(value: object, key: str, codes: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """A counting convention `{<key>: code, alternative: code (optional)}`: the codes one of `codes`."""
    if not isinstance(value, dict) or key not in value:
        return [("", f"must be {{{key}: {' | '.join(codes)}, alternative: … (optional)}}",
                 f"须为 {{{key}: {' | '.join(codes)}, alternative: …（可选）}}")]
    out = _unknown_keys(value, (key, "alternative"))
    for k in (key, "alternative"):
        if k in value and value[k] not in codes:
            out.append((f".{k}", f"must be one of {', '.join(codes)}; got {value[k]!r}",
                        f"须为以下之一：{'、'.join(codes)}；实际为 {value[k]!r}"))
    return out
