"""Which result facts the headline must state first (issue 20, "the headline is the whole truth").

One table for every calculator: when a payment buys nothing, cover would start after the benefit year, a
compulsory item is missing from a total, enrolment is not allowed, a back-payment the source does not require
is priced, the next year's window may be open, or the result rests on a reading (the source leaves it open, or
another reading gives another answer), the headline says so in its first words, in zh and en. Warnings add
detail; they never reverse the headline.

A calculator may say a fact in its own words (`_lead`, calc/enrolment_run.py `Run.lead`): a rule whose marks
those words carry is satisfied; otherwise `leads` adds the rule's own words, facts before the calculator's
leads, readings after them. A rule holds on a result's values (a run's `result` without its `folded` outputs,
or compute's own dict) or on a warning it names; a warning no rule names is listed in `DETAIL_ONLY` with why
the headline need not lead with it (tests/test_headline_rules.py keeps both lists whole over every example
and vector on file).

>>> [z for z, _ in leads({"totals_complete": False, "determined": True})]
['合计未含一项必须缴纳的费用（见提示）']
>>> leads({"determined": False, "_lead": [("按我们的读法（另一种数法见下）", "On our reading (the other way of counting is below)")]})
[('按我们的读法（另一种数法见下）', 'On our reading (the other way of counting is below)')]
>>> [e for _, e in leads({"amount_basis": "full_financing", "cover_from": "2027-03-04", "benefit_year_end": "2026-12-31",
...                       "determined": False})]
['Cover would start only after this benefit year ends', 'The source does not fully settle this result (see the warnings)']
>>> leads({"amount_basis": "individual", "cover_from": "2026-01-01", "determined": True})
[]
"""
from __future__ import annotations

from typing import Any
from collections.abc import Callable

from dataclasses import dataclass
from decimal import Decimal

from .inputs import Text


def _warned(result: dict[str, Any]) -> set[str]:
    return {w.get("id", "") for w in result.get("warnings") or () if isinstance(w, dict)}


def _after(later: Any, earlier: Any) -> bool:
    """ISO dates compare as text, and `date` objects print as ISO: raw and serialised results read alike."""
    return later is not None and earlier is not None and str(later) > str(earlier)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str                                  # "fact" (stated first) or "reading" (after the facts)
    lead: Text                                 # the words the headline leads with when no calculator's lead says it
    marks: tuple[tuple[str, ...], tuple[str, ...]]   # (zh, en): a lead carrying one of these says this fact
    holds: Callable[[dict[str, Any]], bool]    # on the result's values
    warnings: tuple[str, ...] = ()             # warning ids that state the same fact

    def applies(self, result: dict[str, Any]) -> bool:
        return self.holds(result) or bool(_warned(result) & set(self.warnings))

    def said(self, zh: str, en: str) -> bool:
        return any(m in zh for m in self.marks[0]) and any(m.lower() in en.lower() for m in self.marks[1])


# pairs of one answer and the other reading's answer (outputs of the same meaning)
ALTERNATIVES = (("cover_from", "cover_from_alternative"), ("status", "alternative_status"),
                ("benefits_from", "alternative_benefits_from"), ("retroactive", "alternative_retroactive"),
                ("cap_counting_earlier_years", "cap_from_start_year_only"))


def _readings_differ(r: dict[str, Any]) -> bool:
    return any(a in r and b in r and r[b] is not None and str(r[a]) != str(r[b]) for a, b in ALTERNATIVES)


def _due(value: Any) -> bool:
    return value is not None and Decimal(str(value)) > 0


RULES: tuple[Rule, ...] = (
    Rule("enrolment_not_allowed", "fact",
         Text("按本政策不能参保", "Under this policy you cannot enrol"),
         (("不能中途参保", "不能参保"), ("cannot enrol",)),
         lambda r: "amount_basis" in r and r["amount_basis"] is None,
         ("mid_year_not_allowed", "not_a_listed_late_case")),
    Rule("payment_buys_nothing", "fact",
         Text("这笔缴费买不到本年度的待遇", "This payment buys no cover for the year"),
         (("买不到",), ("buys no cover",)),
         # a priced payment, a settled answer, and no cover from it (an open start date is a reading, below)
         lambda r: r.get("amount_basis") is not None and "cover_from" in r and r["cover_from"] is None
         and r.get("cover_to") is None and r.get("determined") is True,
         ("no_cover_this_year", "wait_crosses_benefit_year")),
    Rule("cover_after_benefit_year", "fact",
         Text("待遇要到本年度待遇期结束之后才开始", "Cover would start only after this benefit year ends"),
         (("买不到", "待遇期结束之后"), ("buys no cover", "after this benefit year")),
         lambda r: _after(r.get("cover_from"), r.get("benefit_year_end") or r.get("cover_to"))),
    Rule("compulsory_item_missing", "fact",
         Text("合计未含一项必须缴纳的费用（见提示）", "The totals leave out a compulsory item (see the warnings)"),
         (("未含", "不含"), ("leave out",)),
         lambda r: r.get("totals_complete") is False,
         ("supplementary-major-illness-excluded",)),
    Rule("back_payment_not_required", "fact",
         Text("原文没有说欠费月份必须补缴，下面的金额仅供参考",
              "The source does not say the unpaid months must be paid back; the amount is for information"),
         (("必须补缴", "无须补缴"), ("must be paid back", "need not be paid back")),
         lambda r: _due(r.get("arrears_due")) and "payback_required" in r and r["payback_required"] is not True),
    Rule("next_window_open", "fact",
         Text("下一年度的缴费期可能已经开始（见提示）", "Next year's collection period may already be open (see the warnings)"),
         (("缴费期可能已经开始",), ("may already be open",)),
         lambda r: False,
         ("next_window_may_be_open",)),
    Rule("source_leaves_it_open", "reading",
         Text("原文不能完全确定这个结果（见提示）", "The source does not fully settle this result (see the warnings)"),
         (("按我们的读法", "取决于读法", "原文不能", "原文没有写"),
          ("on our reading", "depends on how", "source does not fully", "source does not say whether")),
         lambda r: r.get("determined") is False,
         ("amount-not-stated", "fiscal_subsidy_missing", "individual_standard_missing", "extension_cover_not_stated",
          "variable_waiting_period", "collected-once-part-year")),
    Rule("reading_used", "reading",
         Text("这个结果取决于读法（另一种读法见下）", "This depends on how the text is read (the other reading is below)"),
         (("按我们的读法", "取决于读法"), ("on our reading", "depends on how")),
         _readings_differ,
         ("day_count_alternative", "waiting_count_alternative", "waiting_counted_from_payment")),
)

# warnings the headline need not lead with, and why
DETAIL_ONLY = {
    "payment-date-assumed": "an input left empty: the amount holds for a payment before the change, which the warning "
                            "and the empty field say; no fact or reading of the source is in doubt",
    "arrears_rules_of_this_policy": "which policy prices which month: the amount and dates stand as the headline says",
}


def leads(result: dict[str, Any]) -> list[tuple[str, str]]:
    """The (zh, en) words a headline leads with: the calculator's own (`_lead`), and each rule's that holds and
    is not said yet (facts before them, readings after)."""
    own: list[tuple[str, str]] = list(result.get("_lead") or ())
    facts: list[tuple[str, str]] = []
    readings: list[tuple[str, str]] = []
    for rule in RULES:
        if rule.applies(result) and not any(rule.said(zh, en) for zh, en in own + facts + readings):
            (facts if rule.kind == "fact" else readings).append((rule.lead.zh, rule.lead.en))
    return facts + own + readings
