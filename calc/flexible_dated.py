"""`flexible-contribution`'s dated values: the day that picks one (the month paid for, or the payment date where
the rule names it), why a value applied, a change to an amount the source does not give, the first month governed."""
from __future__ import annotations

from typing import Any

import datetime as dt

from .inputs import Text
from .policy import Policy
from .steps import Step, step


def _day(policy: Policy, name: str, on: dt.date | None, paid: dt.date | None) -> dt.date | None:
    """The day that picks a dated value of `name`: the payment date where the rule names it, else the month paid for."""
    return paid if paid and policy.has(name) and policy.applies_by(name) == "payment_date" else on


def _why(policy: Policy, names: tuple[str, ...], on: dt.date | None, paid: dt.date | None = None) -> Text:
    """Which dated value applied, and why (the day the rule names)."""
    parts_zh, parts_en = [], []
    for name in names:
        day = _day(policy, name, on, paid)
        if policy.is_dated(name) and day is not None:
            start = policy.in_force_from(name, day)
            since_zh = f"{start} 起的数值" if start else "最初的数值"
            since_en = f"the value in force from {start}" if start else "the first value"
            label = policy.label(name)
            by_zh, by_en = (f"缴费日期 {day}", f"the payment date, {day}") if day is paid else \
                (f"缴费所属月份 {day:%Y-%m}", f"the month paid for, {day:%Y-%m}")
            parts_zh.append(f"{label['zh']}按{by_zh}取{since_zh}")
            parts_en.append(f"{label['en']}: {since_en}, chosen by {by_en}")
    return Text("（" + "；".join(parts_zh) + "）" if parts_zh else "", " (" + "; ".join(parts_en) + ")" if parts_en else "")


def _unstated_step(policy: Policy, unstated: list[tuple[str, dt.date]], on: dt.date | None, paid: dt.date | None) -> Step:
    """Which figure changes to an amount the source does not give, from when, and by which day it was read."""
    parts_zh, parts_en, figures = [], [], {}
    for name, day in unstated:
        start = policy.in_force_from(name, day)
        label = policy.label(name)
        by_zh, by_en = (f"缴费日期 {day}", f"the payment date, {day}") if day is paid else \
            (f"所缴月份 {day:%Y-%m}", f"the month paid for, {day:%Y-%m}")
        parts_zh.append(f"{label['zh']}自 {start} 起调整，原文没有给出调整后的数额（按{by_zh}适用调整后的数值）")
        parts_en.append(f"{label['en']} changes from {start} to an amount the source does not give (by {by_en}, "
                        "the changed value applies)")
        figures[name] = f"from {start}: not stated"
    first = policy.cite(unstated[0][0], unstated[0][1])
    return Step("value_not_stated",
                "；".join(parts_zh) + "。因此金额无法确定，计算器不按调整前的数值计算；请向当地医保或税务部门查询。",
                "; ".join(parts_en) + ". The amount is therefore not determined; the calculator does not price it at the "
                "earlier value. Ask the local healthcare security or tax office.",
                figures, [policy.cite(n, d) for n, d in unstated] if len(unstated) > 1 else [first])


def _payment_day(policy: Policy, paid: dt.date | None) -> tuple[dt.date | None, list[Step], list[dict[str, Any]]]:
    """The day that picks the values the policy chooses by payment date (`applies_by: payment_date`): the payment
    date entered, or — left blank — the first day of the policy's contributions, before any change; the step says
    which, and a blank date is a warning naming the first change."""
    names = policy.dated_names("payment_date")
    if not names:
        return paid, [], []
    first = min(d for n in names for d in policy.changes(n))
    labels_zh = "、".join(policy.label(n)["zh"] for n in names)
    labels_en = ", ".join(policy.label(n)["en"] for n in names)
    if paid is not None:
        return paid, [step(policy, "payment_date",
                           f"{labels_zh}按缴费日期而定：缴费日期 {paid}。",
                           f"{labels_en} depend(s) on the payment date: paid on {paid}.",
                           {"payment_date": paid.isoformat()}, tuple(names), on=paid)], []
    assumed = policy.governs("contributions")[0] or dt.date.fromisoformat(str(policy.data["effective"]["from"]))
    later_open = any(policy.unstated_on(n, dt.date.fromisoformat(d)) for n in names for d in policy.changes(n))
    tail_zh = "调整后的数额原文没有给出" if later_open else "数额不同"
    tail_en = "the source does not give the changed amount" if later_open else "the amount differs"
    return assumed, [step(
        policy, "payment_date",
        f"{labels_zh}按缴费日期而定，未填缴费日期：按 {first} 以前缴费（{assumed}）的数值计算；{first} 起缴费的，{tail_zh}。",
        f"{labels_en} depend(s) on the payment date, which is blank: computed as paid before {first} ({assumed}); "
        f"paying from {first}, {tail_en}.",
        {"payment_date": f"{assumed} (assumed)"}, tuple(names), on=assumed)], [{
        "id": "payment-date-assumed",
        "zh": f"金额按缴费日期而定：未填缴费日期，按 {first} 以前缴费计算。{first} 起缴费的，{tail_zh}：请填写缴费日期。",
        "en": f"The amount depends on the payment date: none entered, so computed as paid before {first}. Paying from "
              f"{first}, {tail_en}: enter the payment date."}]


def _unstated_warning(policy: Policy, unstated: list[tuple[str, dt.date]]) -> dict[str, Any]:
    names = list(dict.fromkeys(n for n, _ in unstated))
    since = min(str(policy.in_force_from(n, d)) for n, d in unstated)   # each a later value: it has its from date
    return {"id": "amount-not-stated",
            "zh": f"金额无法确定：{'、'.join(policy.label(n)['zh'] for n in names)}自 {since} 起调整，原文没有给出调整后的数额，"
                  "计算器不按调整前的数值计算。请向当地医保或税务部门查询。",
            "en": f"Not determined: {', '.join(policy.label(n)['en'] for n in names)} changes from {since} to an amount the "
                  "source does not give, and the calculator does not price it at the earlier value. Ask the local "
                  "healthcare security or tax office."}


def first_month(policy: Policy) -> dt.date:
    """The first month the policy governs (its contribution months, or its effective start).

    >>> from calc.data import load_policies
    >>> first_month(Policy(load_policies()["hunan/hengyang/2023-flexible-employment"]))
    datetime.date(2023, 1, 1)
    """
    span = (policy.data.get("governs") or {}).get("contributions") or policy.data["effective"]
    return dt.date.fromisoformat(str(span["from"])).replace(day=1)
