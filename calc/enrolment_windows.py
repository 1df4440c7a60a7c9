"""Enrolment windows as data: the payment date picks the window; the window says what is paid and from when
cover starts. A policy lists them in `enrolment_windows` (one quote, the passage that states them):

    value:
      - {from: 2026-09-01, to: 2026-12-31, pays: individual, cover_from: benefit_year_start}
      - {from: 2027-01-01, to: 2027-02-28, pays: individual, cover_from: payment_day}
      - {from: 2027-03-01, to: 2027-06-30, pays: individual, cover_from: after_wait, wait_days: 60}
      - {from: 2027-07-01, pays: individual_plus_fiscal, cover_from: month_after_payment}

`pays`: individual | individual_plus_fiscal | waived | not_stated. `cover_from`: benefit_year_start |
payment_day | day_after_payment | month_after_payment | after_wait (with `wait_days` or `wait_months`, and
`counted_from`: payment_day, the default, or day_after_payment). A window without `to` runs to the day
before the next one, the last to the benefit year's end. Cover never starts before the benefit year
(`benefit_period_start`/`_end`); a start after its end buys nothing in it, and the answer says so.

A situation other than ordinary enrolment is answered by the special case the policy declares for it
(calc/enrolment_special_cases.py: `special_case_<situation>`, with its deadline, counting, fee and cover inside
and after it; `late` is its own {pays, benefits_from}, as a windows policy has no separate late rule).
`newborn_rule` is the older spelling of `special_case_newborn`: {window_days, counting: day_0 | day_1,
within: {pays, cover_from}, late: {pays, cover_from}} (`cover_from`: birth | payment_day | day_after_payment |
month_after_payment). Refunds, where stated, are calc/enrolment_refunds.py.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import series
from .dates import ONE_DAY, first_of_next_month, waiting_period
from .enrolment_measures import benefit_year
from .enrolment_refunds import refund
from .enrolment_special_cases import CASE_COVER_FROM, Outcome, SpecialCase, cover_date, declared_case, in_time
from .enrolment_words import COVER_FROM, EVENT, PAYS
from .enrolment_run import event_after_payment
from .errors import InputError, InputErrors
from .inputs import Text
from .reading_notes import reading_note
from .waits import EVENT_DAY

if TYPE_CHECKING:   # annotations only: nothing more imported at run time
    from .enrolment_run import Run
    from .policy import Policy

WINDOW_KEYS = ("from", "to", "pays", "cover_from", "wait_days", "wait_months", "counted_from")
WAIT_FROM = ("payment_day", "day_after_payment")


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    pays: str
    cover_from: str
    wait_days: int = 0
    wait_months: int = 0
    counted_from: str = "payment_day"


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def windows(policy: Policy) -> list[Window]:
    """The policy's windows in date order, each closed: an open end runs to the next start (or the year's end)."""
    rows = sorted(policy.value("enrolment_windows"), key=lambda w: _as_date(w["from"]))
    year_end = benefit_year(policy)[1] or policy.governs("benefits")[1]
    out = []
    for i, row in enumerate(rows):
        start = _as_date(row["from"])
        if "to" in row:
            end = _as_date(row["to"])
        elif i + 1 < len(rows):
            end = _as_date(rows[i + 1]["from"]) - ONE_DAY
        else:
            end = year_end or dt.date.max
        out.append(Window(start, end, row["pays"], row["cover_from"], int(row.get("wait_days", 0)),
                          int(row.get("wait_months", 0)), row.get("counted_from", "payment_day")))
    return out


def window_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `enrolment_windows` rule (the loader reports them with file:line).

    >>> window_problems([{"from": dt.date(2027, 3, 1), "pays": "individual", "cover_from": "after_wait", "wait_days": 60}])
    []
    >>> [p[0] for p in window_problems([{"from": "soon", "pays": "free", "cover_from": "after_wait", "colour": 1}])]   # and no wait
    ['[0].colour', '[0].from', '[0].pays', '[0]']
    """
    if not isinstance(value, list) or not value:
        return [("", "must be a list of windows {from, to, pays, cover_from, …}", "须为窗口列表 {from, to, pays, cover_from, …}")]
    out = []
    for i, row in enumerate(value):
        at = f"[{i}]"
        if not isinstance(row, dict):
            out.append((at, "must be a mapping {from, to, pays, cover_from, …}", "须为映射 {from, to, pays, cover_from, …}"))
            continue
        out += [(f"{at}.{k}", f"unknown key (allowed: {', '.join(WINDOW_KEYS)})", f"未知的键（可用：{'、'.join(WINDOW_KEYS)}）")
                for k in row if k not in WINDOW_KEYS]
        for key in ("from", "to"):
            if key in row:
                try:
                    _as_date(row[key])
                except ValueError:
                    out.append((f"{at}.{key}", "must be a date (YYYY-MM-DD)", "须为日期（YYYY-MM-DD）"))
            elif key == "from":
                out.append((at, "needs from (the window's first day)", "缺少 from（窗口第一天）"))
        out += _code_problems(row, at, "pays", PAYS) + _code_problems(row, at, "cover_from", {k: v for k, v in COVER_FROM.items() if k != "birth"})
        waits = [k for k in ("wait_days", "wait_months") if k in row]
        if (row.get("cover_from") == "after_wait") != bool(waits) or len(waits) > 1:
            out.append((at, "cover_from: after_wait needs exactly one of wait_days, wait_months (and only it has one)",
                        "cover_from: after_wait 须有且只有 wait_days 或 wait_months 之一（其他情况不能有）"))
        for k in waits:
            if isinstance(row[k], bool) or not isinstance(row[k], int) or row[k] < 0:
                out.append((f"{at}.{k}", "must be a whole number, 0 or more", "须为不小于 0 的整数"))
        if row.get("counted_from", "payment_day") not in WAIT_FROM:
            out.append((f"{at}.counted_from", f"must be one of {', '.join(WAIT_FROM)}", f"须为以下之一：{'、'.join(WAIT_FROM)}"))
    return out


def _code_problems(row: dict[str, Any], at: str, key: str, known: dict[str, Any]) -> list[tuple[str, str, str]]:
    if key not in row:
        return [(at, f"needs {key}", f"缺少 {key}")]
    if row[key] not in known:
        return [(f"{at}.{key}", f"unknown {key} code {row[key]!r} (known: {', '.join(known)})",
                 f"未知的 {key} 代码 {row[key]!r}（可用：{'、'.join(known)}）")]
    return []


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
        out += [(f".{part}{f}", en, zh) for f, en, zh in _code_problems(row, "", "pays", PAYS) + _code_problems(row, "", "cover_from", newborn_cover)]
    missing = [k for k in ("window_days", "within", "late") if not isinstance(value.get(k), (dict, int)) or isinstance(value.get(k), bool)]
    if missing:
        out.append(("", f"needs {', '.join(missing)}", f"缺少 {'、'.join(missing)}"))
    return out


# --- the engine ------------------------------------------------------------------------------------

def run_windows(run: Run) -> None:
    """The windows path of resident-benefit-start (`run`: its collector of steps, warnings and amounts)."""
    policy, values = run.policy, run.values
    pay = values["payment_date"]
    found = windows(policy)
    year_from, year_to = benefit_year(policy)
    if pay < found[0].start:
        raise InputErrors([InputError("payment_date", f"本年度的缴费从 {found[0].start.isoformat()} 开始，缴费日期不能更早。",
                                      f"Payments for this insurance year start on {found[0].start.isoformat()}; the payment date cannot be earlier.")])
    if year_to is not None and pay > year_to:
        raise InputErrors([series.elsewhere_error(policy.id, "payment_date", pay)])
    run.chart["marks"].append(("payment", pay))
    if year_to is not None:
        run.result["cover_to"] = year_to
        run.chart["year_end"] = year_to
    circ = values.get("circumstance") or "regular"
    case = declared_case(policy, circ) if circ != "regular" else None
    if circ != "regular" and case is None:
        raise InputErrors([InputError("circumstance", "本政策没有这种特殊情形的规定。", "This policy has no rule for this situation.")])
    if case is not None:
        pays, cover = _special_case(run, case, pay)
        cite: tuple[str, ...] = (case.parameter,)
    else:
        window = next((w for w in found if w.start <= pay <= w.end), None)
        if window is None:
            _no_window(run, pay, found)
            return
        pays, cover = _in_window(run, window, pay)
        cite = ("enrolment_windows",)
    _price(run, pays, cite)
    _cover(run, cover, year_from, year_to, pay)
    refund(run, pay)


def _in_window(run: Run, window: Window, pay: dt.date) -> tuple[str, dt.date | None]:
    note_zh, note_en = reading_note(run.policy, "enrolment_windows")
    pays, how = PAYS[window.pays], COVER_FROM[window.cover_from]
    cover = _window_cover(run, window, pay)
    wait_zh = wait_en = ""
    if window.cover_from == "after_wait":
        length_zh = f"{window.wait_days} 天" if window.wait_days else f"{window.wait_months} 个月"
        length_en = f"{window.wait_days} days" if window.wait_days else f"{window.wait_months} months"
        wait_zh, wait_en = f"（等待期 {length_zh}，至 {(cover - ONE_DAY).isoformat()}）", f" (a wait of {length_en}, to {(cover - ONE_DAY).isoformat()})"
        run.result["waiting_period_end"] = cover - ONE_DAY
        run.chart["waiting"] = (pay if window.counted_from == "payment_day" else pay + ONE_DAY, cover - ONE_DAY)
    run.step("window",
             f"缴费日 {pay.isoformat()} 在 {window.start.isoformat()} 至 {window.end.isoformat()} 这一缴费时段：{pays.zh}，{how.zh}{wait_zh}{note_zh}。",
             f"The payment on {pay.isoformat()} falls in the window {window.start.isoformat()} to {window.end.isoformat()}: "
             f"{pays.en}, {how.en}{wait_en}{note_en}.",
             {"from": window.start.isoformat(), "to": window.end.isoformat()}, ("enrolment_windows",))
    return window.pays, cover


def _window_cover(run: Run, window: Window, pay: dt.date) -> dt.date | None:
    year_from = benefit_year(run.policy)[0]
    if window.cover_from == "benefit_year_start":
        return year_from
    if window.cover_from == "after_wait":
        start = pay if window.counted_from == "payment_day" else pay + ONE_DAY
        if window.wait_months:
            return waiting_period(start, window.wait_months, "payment_day")[2]
        return start + ONE_DAY * window.wait_days
    return _anchor(window.cover_from, pay)


def _anchor(code: str, pay: dt.date) -> dt.date:
    return {"payment_day": pay, "day_after_payment": pay + ONE_DAY, "month_after_payment": first_of_next_month(pay)}[code]


def _no_window(run: Run, pay: dt.date, found: list[Window]) -> None:
    """A payment date no window takes: this policy has no way to enrol then."""
    last = found[-1]
    run.result.update(amount=None, amount_basis=None, cover_from=None, cover_to=None)
    run.determined = False
    run.step("no_window", f"{pay.isoformat()} 不在原文列出的任何缴费时段内（最后一个时段到 {last.end.isoformat()}）：按本政策不能参保。",
             f"{pay.isoformat()} is in none of the windows the source lists (the last ends on {last.end.isoformat()}): "
             "under this policy you cannot enrol then.", {}, ("enrolment_windows",))
    run.lead("按本政策这一天不能参保", "Under this policy you cannot enrol on this day")
    run.warn("no_window", "这一天缴费，按本政策买不到待遇：请向当地医保经办咨询。",
             "A payment on this day buys no cover under this policy: ask the local insurance office.")


def _price(run: Run, pays: str, cite: tuple[str, ...]) -> None:
    if pays == "individual":
        run.pay_individual(cite)
    elif pays == "individual_plus_fiscal":
        run.pay_full(cite)
    elif pays == "waived":
        run.result.update(amount=Decimal("0"), amount_basis="waived")
    else:
        run.result.update(amount=None, amount_basis=None)
        run.determined = False
        run.step("amount", "原文没有写这种情况要缴多少：金额无法确定。", "The source does not say what this costs: the amount is not known.", {}, cite)
        run.warn("amount_not_stated", "原文没有写这种情况要缴多少，请向当地医保经办确认金额。",
                 "The source does not say what this payment costs: ask the local insurance office for the amount.")


def _cover(run: Run, cover: dt.date | None, year_from: dt.date | None, year_to: dt.date | None, pay: dt.date) -> None:
    if cover is None:
        run.result["cover_from"] = None
        run.determined = False
        return
    if year_from is not None and cover < year_from:
        run.step("cover_in_year", f"待遇不早于待遇年度第一天（{year_from.isoformat()}）开始。",
                 f"Cover does not start before the insurance year's first day ({year_from.isoformat()}).",
                 {"cover_from": year_from.isoformat()}, ("benefit_period_start",))
        cover = year_from
    if year_to is not None and cover > year_to:
        run.result.update(cover_from=None, cover_to=None)
        run.lead(f"这笔缴费买不到 {year_to.year} 年度的待遇", f"This payment buys no cover for {year_to.year}")
        run.chart["no_cover"] = (pay, year_to, cover)
        run.step("cover_from", f"规定的起始日 {cover.isoformat()} 已过本年度待遇期（至 {year_to.isoformat()}）：这笔缴费买不到本年度的待遇。",
                 f"The start the rule gives, {cover.isoformat()}, is after this insurance year (ends {year_to.isoformat()}): "
                 "this payment buys no cover for the year.", {"cover_from": cover.isoformat()}, ("benefit_period_end",))
        run.warn("no_cover_this_year", f"这笔缴费要到 {cover.isoformat()} 才有待遇，已过本年度：买不到本年度的任何待遇。",
                 f"This payment would give cover only from {cover.isoformat()}, after the insurance year: it buys no cover for the year.")
        return
    run.result["cover_from"] = cover
    run.step("cover_from", f"享受待遇起始日：{cover.isoformat()}。", f"Covered from {cover.isoformat()}.", {"cover_from": cover.isoformat()})


def _special_case(run: Run, case: SpecialCase, pay: dt.date) -> tuple[str, dt.date | None]:
    """A declared special case (calc/enrolment_special_cases.py): within its deadline, counted as it says, its own
    fee and cover; after it, its `late` ones."""
    event, circ = run.values["event_date"], run.values["circumstance"]
    what = EVENT[circ] if circ in EVENT else Text("相关事件", "the event")
    if event is None and case.needs_event:
        raise InputErrors([InputError("event_date", f"请填写{what.zh}的日期。", f"Enter the date of {what.en}.")])
    if event is not None and event > pay:
        raise InputErrors(event_after_payment(what.zh, what.en))
    if event is not None:
        run.chart["marks"].append(("event", event))
    part = case.within if case.window_days is None or in_time(run, case, event, pay) else case.late
    if not isinstance(part, Outcome):   # `late: late_enrolment`, but a windows policy has no separate late rule
        return "not_stated", None
    note_zh, note_en = reading_note(run.policy, case.parameter)
    pays, how = PAYS[part.pays], CASE_COVER_FROM[part.benefits_from]
    run.step("special_case", f"{pays.zh}，{how.zh}{note_zh}。", f"{pays.en[:1].upper()}{pays.en[1:]}, {how.en}{note_en}.",
             {}, (case.parameter,))
    return part.pays, cover_date(part.benefits_from, event, pay)
