"""Newborns, as a policy states them: a rule with its own deadline, fee and cover (`newborn_rule`, checked here,
answered as the special case it is: calc/enrolment_special_cases.py), or a fee
waived for babies born in the benefit year with a parent insured (`newborn_fee_waiver`) and a way for babies
born in the last months before it to join it directly (`newborn_previous_year_rule`).

`newborn_rule`: {window_days, counting: day_0 | day_1, within: {pays, cover_from}, late: {pays, cover_from}}
(`cover_from` of a newborn: birth | payment_day | day_after_payment | month_after_payment).
`newborn_fee_waiver`: {born_in: benefit_year, requires_parent_insured: true | false}; needs the benefit year.
`newborn_previous_year_rule`: {born_from_month: 1–12}: born from that month of the year before the benefit year.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt
from decimal import Decimal

from .enrolment_run import event_after_payment
from .enrolment_wait import benefit_year
from .enrolment_words import COVER_FROM, PAYS, code_problems
from .errors import InputError, InputErrors
from .reading_notes import reading_note
from .waits import EVENT_DAY

if TYPE_CHECKING:   # annotations only: nothing more imported at run time
    from .enrolment_run import Run


NEWBORN_KEYS = ("window_days", "counting", "within", "late")


def newborn_rule_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `newborn_rule`.

    >>> newborn_rule_problems({"window_days": 90, "counting": "day_1", "within": {"pays": "waived", "cover_from": "birth"},
    ...                        "late": {"pays": "waived", "cover_from": "month_after_payment"}})
    []
    >>> [p[0] for p in newborn_rule_problems({"window_days": 90, "counting": "day_2", "within": {"pays": "free"}})]
    ['.counting', '.within.pays', '.within', '']
    """
    if not isinstance(value, dict):
        return [("", "must be {window_days, counting, within: {pays, cover_from}, late: {pays, cover_from}}",
                 "须为 {window_days, counting, within: {pays, cover_from}, late: {pays, cover_from}}")]
    out = [(f".{k}", f"unknown key (allowed: {', '.join(NEWBORN_KEYS)})", f"未知的键（可用：{'、'.join(NEWBORN_KEYS)}）")
           for k in value if k not in NEWBORN_KEYS]
    days = value.get("window_days")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        out.append((".window_days", "must be a whole number of days, 1 or more", "须为不小于 1 的整天数"))
    if value.get("counting", "day_0") not in EVENT_DAY:
        out.append((".counting", f"must be one of {', '.join(EVENT_DAY)}", f"须为以下之一：{'、'.join(EVENT_DAY)}"))
    newborn_cover = {k: v for k, v in COVER_FROM.items() if k not in ("benefit_year_start", "after_wait")}
    for part in ("within", "late"):
        row = value.get(part)
        if not isinstance(row, dict):
            continue
        out += [(f".{part}{f}", en, zh) for f, en, zh in code_problems(row, "", "pays", PAYS) + code_problems(row, "", "cover_from", newborn_cover)]
    missing = [k for k in ("window_days", "within", "late") if not isinstance(value.get(k), (dict, int)) or isinstance(value.get(k), bool)]
    if missing:
        out.append(("", f"needs {', '.join(missing)}", f"缺少 {'、'.join(missing)}"))
    return out


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


def newborn_waiver(run: Run, pay: dt.date) -> bool:
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
