"""Special cases declared per policy: a situation (a newborn, lapsed employee insurance, a child taken in by a
welfare institution, first-enrolment groups, people in difficulty who missed the period …) with its own deadline,
fee and cover, never assumed from another place. A policy declares each in a parameter of its own, quoting the
sentence that states it, named `special_case_<situation>` (a code of calc/enrolment_words.py CIRCUMSTANCES; the
older names of CASE_PARAMETERS name theirs there):

    special_case_newborn:
      value: {window_days: 90, window_from: date_of_birth, pays: individual, benefits_from: date_of_birth,
              late: late_enrolment}

- `window_days` (optional): the deadline in days; without it the case has none (“随参随缴”).
- `window_from`: the day the count starts — date_of_birth | date_entered_welfare_institution |
  date_employee_insurance_lapsed (the day after the last day of employee cover, which the form asks for).
- `counting` (optional): day_0 | day_1, how that first day counts; without it the policy's `day_window_counting`
  (a reading, with its alternative shown), else day_0.
- `pays`: what is paid in time — individual | individual_plus_fiscal | waived | not_stated.
- `benefits_from`: from when cover starts in time — an event day above | payment_date | day_after_payment |
  month_after_payment.
- `late` (with `window_days`): after the deadline — late_enrolment (the policy's late rule, which must list the
  case) or {pays, benefits_from}.
- `in_collection_period` (optional): ordinary (paid within the collection period, it is ordinary enrolment) |
  own_rule (the default: the case's own fee and cover whenever it pays).
- `groups`: for first-enrolment groups, which of them (codes of FIRST_ENROLMENT_GROUP); for people in difficulty,
  the subsidised groups named. `paid_by_within_collection_period` / `paid_by_outside_collection_period`: who pays
  the contribution (PAID_BY, or not_stated: the answer says the source does not say). `condition`, `enrol_any_time`: as stated, shown on the page.

`newborn_rule` ({window_days, counting, within: {pays, cover_from}, late: {pays, cover_from}}) is the older
spelling of `special_case_newborn`, read into the same shape (`cover_from: birth` is `date_of_birth`).

>>> from calc.data import load_policies
>>> from calc.policy import Policy
>>> case = declared_case(Policy(load_policies()["hunan/yueyang/pingjiang/2023-resident"]), "employee_lapse")
>>> case.parameter, case.window_days, case.window_from, case.late
('special_case_employee_insurance_lapse', 90, 'date_employee_insurance_lapsed', 'late_enrolment')
>>> cover_date("date_employee_insurance_lapsed", dt.date(2023, 5, 31), dt.date(2023, 7, 20))   # the day after the last day
datetime.date(2023, 6, 1)
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import datetime as dt
from dataclasses import dataclass

from .categories import CATEGORIES
from .dates import ONE_DAY, first_of_next_month
from .enrolment_words import CASE_PARAMETERS, CIRCUMSTANCES, COVER_FROM, FIRST_ENROLMENT_GROUP, PAID_BY, PAYS
from .inputs import Text
from .reading_notes import reading_note
from .waits import EVENT_DAY, READING_LEAD, day_count, last_day_of_window

if TYPE_CHECKING:   # annotations only
    from .enrolment_run import Run
    from .policy import Policy

PREFIX = "special_case_"
# an event day a rule counts or covers from: (days after the date the form asks for, what it is in words)
EVENT_ANCHORS = {
    "date_of_birth": (0, Text("出生", "birth")),
    "date_entered_welfare_institution": (0, Text("进入儿童福利机构", "entry into the welfare institution")),
    "date_employee_insurance_lapsed": (1, Text("断保", "the lapse")),
}
PAYMENT_ANCHORS = ("payment_date", "day_after_payment", "month_after_payment")
CASE_COVER_FROM = {   # `benefits_from` in words
    "date_of_birth": COVER_FROM["birth"],
    "date_entered_welfare_institution": Text("从进入儿童福利机构之日起享受待遇", "covered from the day of entry into the welfare institution"),
    "date_employee_insurance_lapsed": Text("从职工医保断保之日起享受待遇", "covered from the day employee insurance lapsed"),
    "payment_date": COVER_FROM["payment_day"],
    "day_after_payment": COVER_FROM["day_after_payment"],
    "month_after_payment": COVER_FROM["month_after_payment"],
}
IN_COLLECTION_PERIOD = ("ordinary", "own_rule")
LATE_RULE = "late_enrolment"   # `late: late_enrolment`: the policy's late rule answers it
NEWBORN_RULE_COVER = {"birth": "date_of_birth", "payment_day": "payment_date"}   # newborn_rule's codes → these


@dataclass(frozen=True)
class Outcome:
    pays: str
    benefits_from: str


@dataclass(frozen=True)
class SpecialCase:
    parameter: str                 # the parameter that declares it (cited)
    within: Outcome                # in time (or always, without a deadline)
    window_days: int | None = None
    window_from: str | None = None
    counting: str | None = None    # None: the policy's day_window_counting, else day_0
    late: Outcome | str | None = None
    in_collection_period: str = "own_rule"
    groups: tuple[str, ...] = ()
    paid_by: dict[str, str] | None = None

    @property
    def needs_event(self) -> bool:
        return self.window_from in EVENT_ANCHORS or self.within.benefits_from in EVENT_ANCHORS


def situations(name: str) -> tuple[str, ...]:
    """The situations parameter `name` declares a rule for; () when it declares none."""
    if name in CASE_PARAMETERS:
        return CASE_PARAMETERS[name]
    code = name.removeprefix(PREFIX)
    return (code,) if name.startswith(PREFIX) and code in CIRCUMSTANCES and code != "regular" else ()


def case_parameter(policy: Policy, circ: str) -> str | None:
    """The parameter declaring the rule for situation `circ`, if the policy has one (its value may be open)."""
    for name in policy.parameters:
        if circ in situations(name):
            value = policy.value(name) if not policy.is_open(name) else None
            groups = value.get("groups") if isinstance(value, dict) else None
            if circ in FIRST_ENROLMENT_GROUP and groups is not None and FIRST_ENROLMENT_GROUP[circ] not in groups:
                continue   # a group rule names the groups it is for
            return name
    return None


def declared_case(policy: Policy, circ: str) -> SpecialCase | None:
    """The special case the policy declares for `circ`; None when it declares none or leaves it open."""
    name = case_parameter(policy, circ)
    if name is None or policy.is_open(name):
        return None
    value = policy.value(name)
    if name == "newborn_rule":
        return _from_newborn_rule(value)
    late = value.get("late")
    paid_by = {k: value[k] for k in ("paid_by_within_collection_period", "paid_by_outside_collection_period") if k in value}
    return SpecialCase(name, Outcome(value["pays"], value["benefits_from"]), value.get("window_days"), value.get("window_from"),
                       value.get("counting"), Outcome(late["pays"], late["benefits_from"]) if isinstance(late, dict) else late,
                       value.get("in_collection_period", "own_rule"), tuple(value.get("groups", ())), paid_by or None)


def _from_newborn_rule(value: dict[str, Any]) -> SpecialCase:
    def outcome(part: dict[str, str]) -> Outcome:
        return Outcome(part["pays"], NEWBORN_RULE_COVER.get(part["cover_from"], part["cover_from"]))
    return SpecialCase("newborn_rule", outcome(value["within"]), int(value["window_days"]), "date_of_birth",
                       value.get("counting", "day_0"), outcome(value["late"]))


def cover_date(code: str, event: dt.date | None, pay: dt.date) -> dt.date:
    """The day a `benefits_from` code names, from the date the form asks for and the payment date."""
    if code in EVENT_ANCHORS:
        assert event is not None   # needs_event: the form asked for it
        return event + ONE_DAY * EVENT_ANCHORS[code][0]
    return {"payment_date": pay, "day_after_payment": pay + ONE_DAY, "month_after_payment": first_of_next_month(pay)}[code]


def has_subsidised_groups(case: SpecialCase) -> bool:
    """Whether the case names subsidised groups (people in difficulty): their contribution may be subsidised too."""
    return any(g in CATEGORIES for g in case.groups)


def lapse_step(run: Run, case: SpecialCase, event: dt.date) -> None:
    """Where the rule counts from the lapse: the form asked for the last day of employee cover; the lapse is the next."""
    if "date_employee_insurance_lapsed" not in (case.window_from, case.within.benefits_from):
        return
    lapsed = event + ONE_DAY
    note_zh, note_en = reading_note(run.policy, case.parameter)
    run.step("lapse_day", f"职工医保最后一天是 {event.isoformat()}，断保之日为次日 {lapsed.isoformat()}{note_zh}。",
             f"The last day of employee insurance is {event.isoformat()}, so it lapsed on {lapsed.isoformat()}{note_en}.",
             {"lapse_day": lapsed.isoformat()}, (case.parameter,))


def in_time(run: Run, case: SpecialCase, event: dt.date, pay: dt.date) -> bool:
    """Whether the payment is within the case's deadline, counted by its convention (the case's own `counting`,
    else the policy's `day_window_counting`, else the event day is day 0). Where the policy names another
    reading, its last day is shown too, and the earlier of the two is the safe date to pay by."""
    assert case.window_days is not None and case.window_from is not None
    policy, limit = run.policy, case.window_days
    offset, what = EVENT_ANCHORS[case.window_from]
    opened = event + ONE_DAY * offset
    counted_by_policy = case.counting is None and policy.has("day_window_counting")
    counting = policy.value("day_window_counting") if counted_by_policy else {"event_day": case.counting or "day_0"}
    convention = counting["event_day"]
    days = day_count(opened, pay, convention)
    last = last_day_of_window(opened, limit, convention)
    run.result["days_since_event"] = days
    within = pay <= last   # paying before employee cover ends (days < 0) is in time too
    how = EVENT_DAY[convention]
    note_zh, note_en = reading_note(policy, "day_window_counting" if counted_by_policy else case.parameter)
    cites = (case.parameter,) + (("day_window_counting",) if counted_by_policy else ())
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


def rule_not_stated(run: Run, circ: str) -> bool:
    """A special case whose rule the policy leaves open (`not_stated`): said, never guessed, never a crash."""
    policy = run.policy
    name = case_parameter(policy, circ)
    if name is None or not policy.is_open(name):
        return False
    note_zh, note_en = reading_note(policy, name)
    situation = CIRCUMSTANCES[circ]
    run.result.update(amount=None, amount_basis=None, cover_from=None, cover_to=None)
    run.determined = False
    run.step("rule_not_stated", f"原文没有写这种情形（{situation.zh}）的规则{note_zh}：金额和享受待遇的日期都无法确定。",
             f"The source gives no rule for this situation ({situation.en[:1].lower() + situation.en[1:]}){note_en}: "
             "neither the amount nor the start of cover can be worked out.", {}, (name,))
    run.warn("rule_not_stated", "原文没有写这种情形的规则，请向当地医保经办咨询。",
             "The source gives no rule for this situation: ask the local insurance office.")
    return True


def payer_step(run: Run, case: SpecialCase, in_window: bool) -> None:
    """Who pays the contribution, where the case says it (or says the source does not) by whether the payment is
    in the collection period."""
    if case.paid_by is None:
        return
    key = "paid_by_within_collection_period" if in_window else "paid_by_outside_collection_period"
    code = case.paid_by.get(key)
    if code in PAID_BY:
        run.result["paid_by"] = code
        note_zh, note_en = reading_note(run.policy, case.parameter)
        where_zh = "集中缴费期内" if in_window else "集中缴费期外"
        where_en = "within" if in_window else "outside"
        run.step("paid_by", f"{where_zh}参保，个人缴费由谁资助：{PAID_BY[code].zh}{note_zh}。",
                 f"Enrolled {where_en} the collection period, the contribution is paid by: {PAID_BY[code].en[0].lower()}{PAID_BY[code].en[1:]}{note_en}.",
                 {}, (case.parameter,))
    else:   # not_stated
        situation = CIRCUMSTANCES[run.values["circumstance"]]
        run.result["paid_by"] = None
        run.step("paid_by", f"原文没有写这种情形（{situation.zh}）的个人缴费由谁承担。",
                 f"The source does not say who pays the contribution in this situation ({situation.en[:1].lower() + situation.en[1:]}).",
                 {}, (case.parameter,))


# --- the check of a declared case (the loader reports its problems with file:line) ----------------------

Problems = list[tuple[str, str, str]]
CASE_KEYS = ("window_days", "window_from", "counting", "pays", "benefits_from", "late", "in_collection_period", "groups",
             "condition", "enrol_any_time", "paid_by_within_collection_period", "paid_by_outside_collection_period")
CONDITIONS = ("objective_reason_verified",)


def _one_of(value: dict[str, Any], key: str, codes: tuple[str, ...] | dict[str, Any], at: str = "") -> Problems:
    if key not in value or value[key] in codes:
        return []
    return [(f"{at}.{key}", f"unknown {key} code {value[key]!r} (known: {', '.join(codes)})",
             f"未知的 {key} 代码 {value[key]!r}（可用：{'、'.join(codes)}）")]


def case_problems(value: object) -> Problems:
    """(field suffix, en, zh) for a malformed special case (`special_case_<situation>`).

    >>> case_problems({"window_days": 90, "window_from": "date_of_birth", "pays": "individual",
    ...                "benefits_from": "date_of_birth", "late": "late_enrolment"})
    []
    >>> [p[0] for p in case_problems({"window_days": 90, "window_from": "date_of_birth", "birth_day_counts": True})]
    ['.birth_day_counts', '']
    >>> [p[0] for p in case_problems({"window_days": "ninety", "pays": "free", "benefits_from": "payment_date"})]
    ['.window_days', '.pays', '']
    >>> [p[0] for p in case_problems({"pays": "individual", "benefits_from": "payment_date", "groups": ["astronaut"]})]
    ['.groups[0]']
    """
    if value is None:
        return []   # left open (not_stated): proved by running the calculator, not here
    if not isinstance(value, dict):
        return [("", "must be a mapping {window_days, window_from, counting, pays, benefits_from, late, …}",
                 "须为映射 {window_days, window_from, counting, pays, benefits_from, late, …}")]
    out: Problems = [(f".{k}", f"unknown key (allowed: {', '.join(CASE_KEYS)}): the calculator would ignore it",
                      f"未知的键（可用：{'、'.join(CASE_KEYS)}）：计算器不会读取它") for k in value if k not in CASE_KEYS]
    days = value.get("window_days")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 1):
        out.append((".window_days", f"must be a whole number of days above 0, got {days!r}", f"须为大于 0 的整数天数，实际为 {days!r}"))
    out += _one_of(value, "window_from", EVENT_ANCHORS) + _one_of(value, "counting", EVENT_DAY) + _one_of(value, "pays", PAYS)
    out += _one_of(value, "benefits_from", (*EVENT_ANCHORS, *PAYMENT_ANCHORS))
    out += _one_of(value, "in_collection_period", IN_COLLECTION_PERIOD) + _one_of(value, "condition", CONDITIONS)
    for key in ("paid_by_within_collection_period", "paid_by_outside_collection_period"):
        out += _one_of(value, key, (*PAID_BY, "not_stated"))
    if "enrol_any_time" in value and not isinstance(value["enrol_any_time"], bool):
        out.append((".enrol_any_time", "must be true or false", "须为 true 或 false"))
    groups = value.get("groups", [])
    known = (*FIRST_ENROLMENT_GROUP.values(), *CATEGORIES, "stably_out_of_poverty")
    if not isinstance(groups, list):
        out.append((".groups", "must be a list of codes", "须为代码列表"))
    else:
        out += [(f".groups[{i}]", f"unknown code {g!r} in groups (known: {', '.join(known)})", f"groups 中有未知代码 {g!r}（可用：{'、'.join(known)}）")
                for i, g in enumerate(groups) if g not in known]
    late = value.get("late")
    if isinstance(late, dict):
        out += [(f".late.{k}", "unknown key (allowed: pays, benefits_from)", "未知的键（可用：pays、benefits_from）")
                for k in late if k not in ("pays", "benefits_from")]
        out += _one_of(late, "pays", PAYS, ".late") + _one_of(late, "benefits_from", PAYMENT_ANCHORS, ".late")
        out += [(".late", f"needs {k}", f"缺少 {k}") for k in ("pays", "benefits_from") if k not in late]
    elif late is not None and late != LATE_RULE:
        out.append((".late", f"must be {LATE_RULE} or {{pays, benefits_from}}", f"须为 {LATE_RULE} 或 {{pays, benefits_from}}"))
    needed = ("pays", "benefits_from") + (("window_from", "late") if days is not None else ())
    missing = [k for k in needed if k not in value]
    if missing:
        out.append(("", f"needs {', '.join(missing)}", f"缺少 {'、'.join(missing)}"))
    if days is None and any(k in value for k in ("window_from", "counting", "late")):
        out.append(("", "window_from, counting and late belong to a deadline: add window_days or remove them",
                    "window_from、counting、late 属于期限：请加 window_days，或删去它们"))
    return out
