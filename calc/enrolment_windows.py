"""Enrolment windows as data: the payment date picks the window; the window says what is paid, from when
cover starts and which wait applies. A policy lists them in `enrolment_windows`:

    value:
      - {from: 2026-09-01, to: 2026-12-31, pays: individual, cover_from: benefit_year_start}
      - {from: 2027-01-01, to: 2027-02-28, pays: individual, cover_from: payment_day}
      - {from: 2027-03-01, to: 2027-06-30, pays: individual, cover_from: after_wait, wait_days: 60}
      - {from: 2027-07-01, pays: individual_plus_fiscal, cover_from: month_after_payment}

`pays`: individual | individual_plus_fiscal | waived | not_stated. `cover_from`: benefit_year_start |
payment_day | day_after_payment | month_after_payment | after_wait (with `wait_days` or `wait_months`, and
`counted_from`: payment_day, the default, or day_after_payment; or with `wait`, below). A window without `to`
runs to the day before the next one, the last to the benefit year's end. Cover never starts before the benefit
year (`benefit_period_start`/`_end`); a start after its end buys nothing in it, and the answer says so.

A date (`from`, `to`) may name a date parameter instead (`from: collection_period_start`), which keeps its own
quote; a window after the first may leave `from` out: it starts the day after the one before ends.

**Dates not stated.** A text may name its collection period without giving its dates (湖南's provincial measures):
the window then names `collection_period_start`/`_end` and those parameters are `status: not_stated`, value null,
quoting the sentence that names the period. The payment date cannot pick the window, so the reader is asked
(`paid_in_collection_period`, offered only then: a policy that states its dates refuses it) and the windows must
be one `period: collection` and one `period: outside`. Payments are then taken from the first day the policy
governs contributions (`governs.contributions.from`); a benefit year the policy leaves open (no
`benefit_period_start`/`_end`, or them not stated) is said to be open: cover from its first day has no date and
the answer is not determined.

A window may also say

- `period: collection | outside`: it is the collection period, or a payment outside it. The step then says
  where the payment falls against the collection period, and a payment outside it made when next year's
  period may already be open (this year's dates a year on) is told so;
- `wait: <name>`: the wait is the `waiting_period_rule` parameter of that name (a fixed part, a variable
  part by years of gap, its counting and whom it applies to: calc/enrolment_wait.py). With `cover_from:
  after_wait` everyone in the window waits; otherwise only those its `applies_to` names (e.g. a payer in the
  collection period after a gap), the others are covered as `cover_from` says;
- `buys: <name>`: the benefit year a payment in the window buys (`late_payment_benefit_year`), when it is not
  the policy's benefit year.

A situation other than ordinary enrolment is answered by the special case the policy declares for it
(calc/enrolment_special_cases.py: `special_case_<situation>`, with its deadline, counting, fee and cover inside
and after it; `late` is its own {pays, benefits_from}, as a windows policy has no separate late rule).
`newborn_rule` is the older spelling of `special_case_newborn`: {window_days, counting: day_0 | day_1,
within: {pays, cover_from}, late: {pays, cover_from}} (`cover_from`: birth | payment_day | day_after_payment |
month_after_payment). A newborn's waived fee and the previous year's newborns (`newborn_fee_waiver`,
`newborn_previous_year_rule`) are calc/enrolment_newborns.py; refunds, where stated, calc/enrolment_refunds.py.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from . import series
from .dates import ONE_DAY, waiting_period
from .enrolment_newborns import newborn_waiver
from .enrolment_refunds import refund
from .enrolment_run import event_after_payment
from .enrolment_special_cases import CASE_COVER_FROM, Outcome, SpecialCase, cover_date, declared_case, in_time
from .enrolment_wait import WaitRule, apply_wait, benefit_year, gap, next_window, reasons
from .enrolment_words import COVER_FROM, EVENT, PAYS, code_problems
from .errors import InputError, InputErrors
from .inputs import Text
from .reading_notes import reading_note
from .waits import cover_anchor

if TYPE_CHECKING:   # annotations only: nothing more imported at run time
    from .enrolment_run import Run
    from .policy import Policy

WINDOW_KEYS = ("from", "to", "pays", "cover_from", "wait_days", "wait_months", "counted_from", "period", "wait", "buys")
WAIT_FROM = ("payment_day", "day_after_payment")
PERIODS = ("collection", "outside")
NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")   # a parameter named in place of a value


@dataclass(frozen=True)
class Window:
    start: dt.date | None         # None: its dates are not stated (then every window's are)
    end: dt.date | None
    pays: str
    cover_from: str
    wait_days: int = 0
    wait_months: int = 0
    counted_from: str = "payment_day"
    period: str | None = None
    wait: str | None = None       # the waiting_period_rule parameter it names
    buys: str | None = None       # the late_payment_benefit_year parameter it names
    dates_from: tuple[str, ...] = ()   # the parameters its dates come from (cited)


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _date(policy: Policy, value: object) -> tuple[dt.date | None, tuple[str, ...]]:
    """A window's date and the parameter it names, if it names one (None: that parameter is not stated)."""
    if isinstance(value, str) and NAME.fullmatch(value):
        return (None if policy.is_open(value) else _as_date(policy.value(value))), (value,)
    return _as_date(value), ()


def _window(row: dict[str, Any], start: dt.date | None, end: dt.date | None, named: tuple[str, ...]) -> Window:
    return Window(start, end, row["pays"], row["cover_from"], int(row.get("wait_days", 0)), int(row.get("wait_months", 0)),
                  row.get("counted_from", "payment_day"), row.get("period"), row.get("wait"), row.get("buys"), named)


def windows(policy: Policy) -> list[Window]:
    """The policy's windows in date order, each closed: an open end runs to the next start (or the year's end);
    windows whose dates are not stated, as written (`undated`)."""
    year_end = benefit_year(policy)[1] or policy.governs("benefits")[1]
    starts: list[tuple[dt.date | None, tuple[str, ...]]] = []
    rows = policy.value("enrolment_windows")
    for row in rows:   # a window without `from` starts the day after the one before it
        before = None if "from" in row else _date(policy, rows[len(starts) - 1]["to"])[0]
        starts.append(_date(policy, row["from"]) if "from" in row else (before + ONE_DAY if before else None, ()))
    if any(start is None for start, _ in starts):
        return _undated(policy, rows, starts)
    order = sorted(range(len(rows)), key=lambda i: starts[i][0] or dt.date.min)
    out = []
    for n, i in enumerate(order):
        row, (start, named) = rows[i], starts[i]
        end: dt.date | None
        if "to" in row:
            end, named_end = _date(policy, row["to"])
            named += named_end
        elif n + 1 < len(order):
            end = (starts[order[n + 1]][0] or dt.date.max) - ONE_DAY
        else:
            end = year_end or dt.date.max
        out.append(_window(row, start, end, named))
    return out


def _undated(policy: Policy, rows: list[dict[str, Any]], starts: list[tuple[dt.date | None, tuple[str, ...]]]) -> list[Window]:
    """Windows whose dates the source does not state: the reader says which one the payment fell in, so they
    must be the collection period and the time outside it (a date stated beside an open one would be ignored)."""
    periods = sorted(row.get("period") or "" for row in rows)
    stated = [name for name in ("collection_period_start", "collection_period_end") if policy.has(name) and not policy.is_open(name)]
    if periods != ["collection", "outside"] or stated or any(start is not None for start, _ in starts):
        raise ValueError(f"{policy.id}: enrolment_windows whose dates are not stated must be one `period: collection` and one "
                         "`period: outside`, with no date stated (calc/enrolment_windows.py)")
    return [_window(row, None, None, named + ((row["to"],) if "to" in row else ())) for row, (_, named) in zip(rows, starts)]


def window_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `enrolment_windows` rule (the loader reports them with file:line).

    >>> window_problems([{"from": dt.date(2027, 3, 1), "pays": "individual", "cover_from": "after_wait", "wait_days": 60}])
    []
    >>> [p[0] for p in window_problems([{"from": "soon", "pays": "free", "cover_from": "after_wait", "colour": 1}])]   # and no wait
    ['[0].colour', '[0].pays', '[0]']
    >>> window_problems([{"from": "collection_period_start", "to": "collection_period_end", "period": "collection",
    ...                   "pays": "individual", "cover_from": "benefit_year_start", "wait": "waiting_period_rule"},
    ...                  {"period": "outside", "pays": "individual_plus_fiscal", "cover_from": "after_wait", "wait": "waiting_period_rule"}])
    []
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
            if key in row and not (isinstance(row[key], str) and NAME.fullmatch(row[key])):   # a date, or a date parameter's name
                try:
                    _as_date(row[key])
                except ValueError:
                    out.append((f"{at}.{key}", "must be a date (YYYY-MM-DD) or a date parameter's name",
                                "须为日期（YYYY-MM-DD）或日期参数名"))
            elif key == "from" and key not in row and (i == 0 or "to" not in value[i - 1]):
                out.append((at, "needs from (the window's first day; only after a window with `to` may it be left out)",
                            "缺少 from（窗口第一天；只有前一个窗口写了 to 时才可省略）"))
        out += code_problems(row, at, "pays", PAYS) + code_problems(row, at, "cover_from", {k: v for k, v in COVER_FROM.items() if k != "birth"})
        waits = [k for k in ("wait_days", "wait_months", "wait") if k in row]
        if (row.get("cover_from") == "after_wait" and not waits) or len(waits) > 1 or (
                waits and waits != ["wait"] and row.get("cover_from") != "after_wait"):
            out.append((at, "cover_from: after_wait needs exactly one of wait_days, wait_months, wait (and only `wait` "
                            "may go with another cover_from: the wait of those it applies to)",
                        "cover_from: after_wait 须有且只有 wait_days、wait_months、wait 之一（只有 wait 可配其他 cover_from："
                        "它适用的人员才等待）"))
        for key, known in (("period", PERIODS),):
            if key in row and row[key] not in known:
                out.append((f"{at}.{key}", f"must be one of {', '.join(known)}", f"须为以下之一：{'、'.join(known)}"))
        for key in ("wait", "buys"):
            if key in row and not (isinstance(row[key], str) and NAME.fullmatch(row[key])):
                out.append((f"{at}.{key}", "must name a parameter of this policy", "须为本政策的参数名"))
        for k in (k for k in waits if k != "wait"):   # (a named wait: checked below)
            if isinstance(row[k], bool) or not isinstance(row[k], int) or row[k] < 0:
                out.append((f"{at}.{k}", "must be a whole number, 0 or more", "须为不小于 0 的整数"))
        if row.get("counted_from", "payment_day") not in WAIT_FROM:
            out.append((f"{at}.counted_from", f"must be one of {', '.join(WAIT_FROM)}", f"须为以下之一：{'、'.join(WAIT_FROM)}"))
    return out


# --- the engine ------------------------------------------------------------------------------------

def run_windows(run: Run) -> None:
    """The windows path of resident-benefit-start (`run`: its collector of steps, warnings and amounts)."""
    policy, values = run.policy, run.values
    pay = values["payment_date"]
    found = windows(policy)
    year_from, year_to = benefit_year(policy)
    _payment_in_range(policy, found, pay, year_to)
    run.chart["marks"].append(("payment", pay))
    if year_to is not None:
        run.result["cover_to"] = year_to
        run.chart["year_end"] = year_to
    collection = next((w for w in found if w.period == "collection"), None)
    if found[0].start is None:   # dates not stated: the reader says which window
        assert collection is not None   # (windows() checked: a collection period and the time outside it)
        window: Window | None = _asked(run, found, collection)
    else:
        window = next((w for w in found if w.start and w.end and w.start <= pay <= w.end), None)
        if collection is not None and window is not None:
            _against_collection(run, collection, window, pay)
    circ = values.get("circumstance") or "regular"
    case = declared_case(policy, circ) if circ != "regular" else None
    if case is not None:
        pays, case_cover = _special_case(run, case, pay)
        _price(run, pays, (case.parameter,))
        _cover(run, case_cover, year_from, year_to, pay)
        refund(run, pay)
        return
    if circ == "newborn":
        if not policy.has("newborn_fee_waiver"):
            raise InputErrors([InputError("circumstance", "本政策没有新生儿的特别规定。", "This policy has no rule for newborns.")])
        if newborn_waiver(run, pay):
            return
    elif circ != "regular":
        raise InputErrors([InputError("circumstance", "本政策没有这种特殊情形的规定。", "This policy has no rule for this situation.")])
    if window is None:
        _no_window(run, pay, found)
        return
    cover = _window_cover(run, window, pay) if collection is not None else _in_window(run, window, pay)
    _price(run, window.pays, ("enrolment_windows",))
    if window.wait is None or not _wait(run, window, collection, pay):
        if cover is None and window.cover_from == "benefit_year_start":   # a benefit year the policy does not date
            _open_year(run, window)
        else:
            _cover(run, cover, year_from, year_to, pay)
    refund(run, pay)


def _payment_in_range(policy: Policy, found: list[Window], pay: dt.date, year_to: dt.date | None) -> None:
    """A payment date the policy can answer: not before its first window (or, its dates not stated, before the
    policy applies), not after the benefit year (a later year is the next policy of the series)."""
    first = found[0].start
    if first is not None and pay < first:
        raise InputErrors([InputError("payment_date", f"本年度的缴费从 {first.isoformat()} 开始，缴费日期不能更早。",
                                      f"Payments for this insurance year start on {first.isoformat()}; the payment date cannot be earlier.")])
    applies_from = policy.governs("contributions")[0]
    if first is None and applies_from is not None and pay < applies_from:
        raise InputErrors([InputError("payment_date", f"本政策从 {applies_from.isoformat()} 起施行，请填写此后的缴费日期。",
                                      f"This policy applies from {applies_from.isoformat()}; enter a payment date on or after it.")])
    if pay.year > 9000:   # the waiting period and the chart count months and days on from it
        raise InputErrors([InputError("payment_date", "缴费日期不合理。", "The payment date is not plausible.")])
    last = year_to or (policy.governs("benefits")[1] if first is None else None)   # (dated: a later day is in no window)
    if last is not None and pay > last:
        raise InputErrors([series.elsewhere_error(policy.id, "payment_date", pay)])


def _asked(run: Run, found: list[Window], collection: Window) -> Window:
    """Windows whose dates the source does not state: the reader's answer (`paid_in_collection_period`) picks one."""
    inside = bool(run.values["paid_in_collection_period"])
    window = collection if inside else next(w for w in found if w.period == "outside")
    pays, how = PAYS[window.pays], COVER_FROM[window.cover_from]
    run.step("window", f"原文没有写集中缴费期的日期；按您的回答，缴费{'在' if inside else '不在'}集中缴费期内：{pays.zh}，{how.zh}。",
             f"The source gives no dates for the collection period; by your answer the payment is {'inside' if inside else 'outside'} "
             f"it: {pays.en}, {how.en}.", {}, collection.dates_from + ("enrolment_windows",))
    return window


def _open_year(run: Run, window: Window) -> None:
    """Cover from the first day of a benefit year the policy does not date: said to be open, not determined."""
    run.result.update(cover_from=None, cover_to=None)
    run.determined = False
    no_wait_zh, no_wait_en = ("没有等待期；但", "no waiting period; but ") if window.wait else ("", "")
    run.step("cover_from", f"{COVER_FROM[window.cover_from].zh}：{no_wait_zh}原文没有写待遇期从哪天开始、到哪天结束，请查看当地本年度的参保通知。",
             f"{COVER_FROM[window.cover_from].en[:1].upper()}{COVER_FROM[window.cover_from].en[1:]}: {no_wait_en}the source does not say "
             "when the insurance year starts or ends: see this year's local enrolment notice.", {}, ("enrolment_windows",))
    run.warn("benefit_year_not_stated", "原文没有写待遇期的起止日期，请查看当地本年度的参保通知。",
             "The source gives no start or end date for cover: see this year's local enrolment notice.")


def _against_collection(run: Run, collection: Window, window: Window, pay: dt.date) -> None:
    """Where the payment falls against the collection period, and what its window makes one pay and when cover starts."""
    inside = window is collection
    where_zh = "在集中缴费期内" if inside else "不在集中缴费期内"
    where_en = "inside" if inside else "outside"
    pays, how = PAYS[window.pays], COVER_FROM[window.cover_from]
    assert collection.start is not None and collection.end is not None   # (a dated policy's)
    start, end = collection.start.isoformat(), collection.end.isoformat()
    run.step("window", f"集中缴费期为 {start} 至 {end}：{pay.isoformat()} 缴费{where_zh}，{pays.zh}，{how.zh}。",
             f"The collection period runs from {start} to {end}: a payment on {pay.isoformat()} is {where_en} it; "
             f"{pays.en}, {how.en}.", {"start": start, "end": end}, collection.dates_from or ("enrolment_windows",))


def _wait(run: Run, window: Window, collection: Window | None, pay: dt.date) -> bool:
    """The window's named wait, for those it applies to (calc/enrolment_wait.py); False when it applies to nobody here."""
    policy = run.policy
    assert window.wait is not None
    rule = WaitRule(buys=window.buys, **policy.value(window.wait))
    gap_years, continuous = gap(run)
    in_period = window.period == "collection"
    why = reasons(policy, rule, in_period, continuous)
    if not why:
        return False
    apply_wait(run, pay, rule, in_period, why, gap_years)
    if not in_period and collection is not None and collection.start is not None:   # (undated: no next year's date to guess)
        next_window(run, pay, collection.start, collection.dates_from[:1] or ("enrolment_windows",))
    return True


def _in_window(run: Run, window: Window, pay: dt.date) -> dt.date | None:
    """The window's step, when the policy names no collection period: its dates, what it costs, when cover starts."""
    note_zh, note_en = reading_note(run.policy, "enrolment_windows")
    pays, how = PAYS[window.pays], COVER_FROM[window.cover_from]
    assert window.start is not None and window.end is not None   # (picked by the payment date)
    cover = _window_cover(run, window, pay)
    wait_zh = wait_en = ""
    if window.cover_from == "after_wait" and cover is not None:   # (a named wait says its own steps)
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
    return cover


def _window_cover(run: Run, window: Window, pay: dt.date) -> dt.date | None:
    year_from = benefit_year(run.policy)[0]
    if window.cover_from == "benefit_year_start":
        return year_from
    if window.cover_from == "after_wait" and window.wait is None:
        start = pay if window.counted_from == "payment_day" else pay + ONE_DAY
        if window.wait_months:
            return waiting_period(start, window.wait_months, "payment_day")[2]
        return start + ONE_DAY * window.wait_days
    if window.cover_from == "after_wait":
        return None   # the named wait says (`wait`)
    return cover_anchor(window.cover_from, pay)


def _no_window(run: Run, pay: dt.date, found: list[Window]) -> None:
    """A payment date no window takes: this policy has no way to enrol then."""
    last = found[-1]
    assert last.end is not None   # (dated: an undated policy always has a window)
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
