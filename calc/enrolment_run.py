"""One computation of resident-benefit-start: the collector of its result, steps and warnings, and the amounts
(individual standard; full financing = individual + subsidy) every path prices with.
"""
from __future__ import annotations

from typing import Any

import datetime as dt
from decimal import Decimal

from .errors import InputError
from .money import money_str
from .policy import Policy
from .reading_notes import reading_note
from .steps import Step, step

def _date(policy: Policy, name: str) -> dt.date:
    value = policy.value(name)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _warn(warnings: list[dict[str, Any]], id: str, zh: str, en: str) -> None:
    warnings.append({"id": id, "zh": zh, "en": en})


def _y(value: Decimal) -> tuple[str, str]:
    return f"{money_str(value)} 元", f"{money_str(value)} yuan"


def _note(policy: Policy, name: str) -> tuple[str, str]:
    return reading_note(policy, name)   # readers get the note's number, never its id


class Run:
    """Collects the result, steps and warnings of one computation."""

    def __init__(self, policy: Policy, values: dict[str, Any]):
        self.policy, self.values = policy, values
        self.result: dict[str, Any] = {}
        self.steps: list[Step] = []
        self.warnings: list[dict[str, Any]] = []
        self.leads: list[tuple[str, str]] = []   # what the headline must say first (calc/api.py headline)
        self._facts = 0                           # how many of them are facts (they come before readings)
        self.determined = True
        self.chart: dict[str, Any] = {"marks": [], "spans": []}

    def step(self, id: str, zh: str, en: str, figures: dict[str, Any] | None = None, cite: tuple[str, ...] = ()) -> None:
        self.steps.append(step(self.policy, id, zh, en, figures or {}, cite))

    def warn(self, id: str, zh: str, en: str) -> None:
        _warn(self.warnings, id, zh, en)

    def lead(self, zh: str, en: str, reading: bool = False) -> None:
        """A fact the headline states before any figure: the payment buys nothing, enrolment is not allowed;
        then (`reading`) that the answer rests on a reading. Warnings add detail; they never reverse the headline."""
        if (zh, en) not in self.leads:
            self.leads.insert(len(self.leads) if reading else self._facts, (zh, en))
            self._facts += not reading

    # amounts -------------------------------------------------------------
    def individual(self) -> Decimal | None:
        policy = self.policy
        if policy.is_open("individual_contribution"):
            value: Decimal | None = self.values["individual_standard"]
            if value is None:
                self.step("individual", "个人缴费标准：原文没有写金额，您也没有填写，因此应缴金额无法计算。",
                          "Individual contribution: the source gives no amount and none was entered, so the amount cannot be worked out.",
                          {}, ("individual_contribution",))
                self.warn("individual_standard_missing", "缺少个人缴费标准：原文没有写金额，请填写当地本年度的标准。",
                          "The individual contribution is missing: the source gives no amount; enter this year's local standard.")
                self.determined = False
                return None
            zh, en = _y(value)
            self.step("individual", f"个人缴费标准：{zh}（您填写的）。", f"Individual contribution: {en} (your input).",
                      {"individual": money_str(value)}, ("individual_contribution",))
            return value
        value = policy.decimal("individual_contribution")
        zh, en = _y(value)
        self.step("individual", f"个人缴费标准：{zh}/年。", f"Individual contribution: {en} a year.",
                  {"individual": money_str(value)}, ("individual_contribution",))
        return value

    def fiscal(self) -> Decimal | None:
        policy = self.policy
        value: Decimal | None
        if not policy.is_open("fiscal_subsidy"):
            value = policy.decimal("fiscal_subsidy")
            zh, en = _y(value)
            self.step("fiscal", f"财政补助标准：{zh}。", f"Government subsidy: {en}.", {"fiscal": money_str(value)}, ("fiscal_subsidy",))
            return value
        value = self.values["fiscal_subsidy"]
        ref_zh = ref_en = ""
        cites: tuple[str, ...] = ("fiscal_subsidy",)
        for name in sorted(n for n in policy.parameters if n.startswith("fiscal_subsidy_") and n[15:].isdigit()):
            old = policy.decimal(name)
            year = name[15:]
            ref_zh += f"原文只给出 {year} 年为 {money_str(old)} 元，不能直接当作本年度的数字。"
            ref_en += f" The source only gives {money_str(old)} yuan for {year}, which cannot simply be used for this year."
            cites += (name,)
        note_zh, note_en = _note(policy, "fiscal_subsidy")
        if value is None:
            self.step("fiscal", f"财政补助标准：原文没有写本年度的金额{note_zh}，您也没有填写，因此逾期参保应缴的金额无法计算。{ref_zh}",
                      f"Government subsidy: the source does not give this year's amount{note_en} and none was entered, so the "
                      f"late-enrolment amount cannot be worked out.{ref_en}", {}, cites)
            self.warn("fiscal_subsidy_missing",
                      "缺少本年度财政补助标准：逾期参保的金额 = 个人缴费 + 财政补助，原文没有财政补助的金额，请填写当地公布的数字。",
                      "This year's government subsidy is missing: the late-enrolment amount is the individual contribution plus "
                      "the subsidy, and the source does not give the subsidy; enter the locally published figure.")
            self.determined = False
            return None
        zh, en = _y(value)
        self.step("fiscal", f"财政补助标准：{zh}（您填写的数字，原文没有写本年度的金额{note_zh}）。{ref_zh}",
                  f"Government subsidy: {en} (your figure; the source does not give this year's amount{note_en}).{ref_en}",
                  {"fiscal": money_str(value)}, cites)
        return value

    def pay_individual(self, cite: tuple[str, ...]) -> None:
        amount = self.individual()
        self.result["amount"] = amount
        self.result["amount_basis"] = "individual"
        if amount is not None:
            zh, en = _y(amount)
            self.step("amount", f"按个人缴费标准缴纳：{zh}。", f"You pay the individual contribution: {en}.",
                      {"amount": money_str(amount)}, cite)

    def pay_full(self, cite: tuple[str, ...]) -> None:
        individual = self.individual()
        fiscal = self.fiscal()
        self.result["amount_basis"] = "full_financing"
        if individual is None or fiscal is None:
            self.result["amount"] = None
            self.step("amount", "按筹资标准（个人缴费 + 财政补助）一次性足额缴纳：缺少上面的数字，金额无法计算。",
                      "You pay the full financing standard (individual contribution + government subsidy) in one payment: "
                      "a figure above is missing, so the amount cannot be worked out.", {}, cite)
            return
        amount = individual + fiscal
        self.result["amount"] = amount
        zh_i, en_i = _y(individual)
        zh_f, en_f = _y(fiscal)
        zh, en = _y(amount)
        self.step("amount", f"按筹资标准一次性足额缴纳：{zh_i} + {zh_f} = {zh}（全部由个人承担）。",
                  f"You pay the full financing standard in one payment: {en_i} + {en_f} = {en} (all paid by you).",
                  {"individual": money_str(individual), "fiscal": money_str(fiscal), "amount": money_str(amount)}, cite)


def event_after_payment(what_zh: str, what_en: str) -> list[InputError]:
    """An event date after the payment date: either may be the slip, so the error sits at both fields."""
    zh, en = f"{what_zh}日期不能晚于缴费日期。", f"The date of {what_en} cannot be after the payment date."
    return [InputError("event_date", zh, en),
            InputError("payment_date", f"缴费日期不能早于{what_zh}日期。", f"The payment date cannot be before the date of {what_en}.")]
