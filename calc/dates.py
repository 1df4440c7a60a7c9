"""Calendar arithmetic the rules need, each convention spelled out.

Day windows ("出生后90天内", "在断保90天内"). The event day is day 0 and the
window's last day is day N, so a payment is within an N-day window when
payment − event ≤ N days (policy reading `ninety-days`):

>>> import datetime as dt
>>> birth = dt.date(2023, 3, 10)
>>> [day_number(birth, dt.date(2023, 6, d)) for d in (7, 8, 9)]
[89, 90, 91]
>>> [within_days(birth, dt.date(2023, 6, d), 90) for d in (7, 8, 9)]
[True, True, False]
>>> window_last_day(birth, 90)
datetime.date(2023, 6, 8)
>>> within_days(birth, dt.date(2023, 3, 9), 90)   # paid before the event: not "within"
False

"From the month after payment" (从缴费的下个月起) is the first day of the next
calendar month (reading `next-month`):

>>> first_of_next_month(dt.date(2023, 6, 9))
datetime.date(2023, 7, 1)
>>> first_of_next_month(dt.date(2023, 12, 31))
datetime.date(2024, 1, 1)

Whole calendar months (waiting periods) land on the same day of the month,
or on the month's last day when it is shorter (reading `waiting-period-dates`):

>>> add_months(dt.date(2025, 3, 15), 3)
datetime.date(2025, 6, 15)
>>> add_months(dt.date(2025, 11, 30), 3)
datetime.date(2026, 2, 28)
>>> add_months(dt.date(2024, 11, 30), 3)   # 2024 is a leap year
datetime.date(2025, 2, 28)
>>> add_months(dt.date(2023, 11, 29), 3)
datetime.date(2024, 2, 29)

A waiting period of whole months, by the anchor a rule names (`counted_from`): the
first and last day of the wait and the first covered day. `payment_day`: the payment
day is day 1 (reading `waiting-period-dates`); `day_after_payment`: the Civil Code rule
(民法典 art. 201/202: the first day is not counted; the period ends on the corresponding
day, or the month's last day); `month_of_payment`: the payment month is month 1;
`month_after_payment`: the wait starts with the next calendar month.

>>> pay = dt.date(2025, 3, 15)
>>> [tuple(d.isoformat() for d in waiting_period(pay, 3, a)) for a in WAITING_ANCHORS]
[('2025-03-15', '2025-06-14', '2025-06-15'), ('2025-03-16', '2025-06-15', '2025-06-16'), ('2025-03-01', '2025-05-31', '2025-06-01'), ('2025-04-01', '2025-06-30', '2025-07-01')]
>>> [waiting_period(dt.date(2025, 11, 30), 3, a)[2].isoformat() for a in WAITING_ANCHORS]
['2026-02-28', '2026-03-01', '2026-02-01', '2026-03-01']
"""
from __future__ import annotations

import calendar
import datetime as dt

ONE_DAY = dt.timedelta(days=1)


def day_number(event: dt.date, day: dt.date) -> int:
    """Which day `day` is, counting the event day as day 0 (negative: before the event)."""
    return (day - event).days


def within_days(event: dt.date, day: dt.date, limit: int) -> bool:
    """True when `day` falls on day 0 … day `limit` after `event` (both ends included)."""
    return 0 <= day_number(event, day) <= limit


def window_last_day(event: dt.date, limit: int) -> dt.date:
    """The last day still inside a `limit`-day window opened by `event` (day `limit`)."""
    return event + dt.timedelta(days=limit)


def first_of_next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, clamped to that month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


WAITING_ANCHORS = ("payment_day", "day_after_payment", "month_of_payment", "month_after_payment")


def waiting_period(pay: dt.date, months: int, counted_from: str) -> tuple[dt.date, dt.date, dt.date]:
    """(first day of the wait, last day of the wait, first covered day) for a wait of `months` months."""
    if counted_from == "payment_day":
        cover = add_months(pay, months)
        return pay, cover - ONE_DAY, cover
    if counted_from == "day_after_payment":
        last = add_months(pay, months)
        return pay + ONE_DAY, last, last + ONE_DAY
    if counted_from in ("month_of_payment", "month_after_payment"):
        first = pay.replace(day=1) if counted_from == "month_of_payment" else first_of_next_month(pay)
        cover = add_months(first, months)
        return first, cover - ONE_DAY, cover
    raise ValueError(f"unknown waiting-period anchor {counted_from!r} (known: {', '.join(WAITING_ANCHORS)})")


def counting_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `waiting_period_counting` rule (the loader reports them with file:line).

    >>> counting_problems({"counted_from": "payment_day", "alternative": "day_after_payment"})
    []
    >>> [p[0] for p in counting_problems({"counted_from": "payday"})]
    ['.counted_from']
    """
    if not isinstance(value, dict) or "counted_from" not in value:
        return [("", "must be {counted_from: …, alternative: … (optional)}", "须为 {counted_from: …, alternative: …（可选）}")]
    out = []
    for key, anchor in value.items():
        if key not in ("counted_from", "alternative"):
            out.append((f".{key}", "unknown key (allowed: counted_from, alternative)", "未知的键（可用：counted_from、alternative）"))
        elif anchor not in WAITING_ANCHORS:
            out.append((f".{key}", f"must be one of {', '.join(WAITING_ANCHORS)}; got {anchor!r}",
                        f"须为以下之一：{'、'.join(WAITING_ANCHORS)}；实际为 {anchor!r}"))
    return out
