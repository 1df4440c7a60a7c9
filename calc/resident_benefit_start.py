"""`resident-benefit-start`: what a resident pays for the year and from when they are covered.

The rules are policy data. County notices (平江, 双清 2023) give the collection period
(`collection_period_start`/`_end`, optionally `collection_period_extension_end`), the
benefit year (`benefit_period_start`/`_end`), one parameter per special case
(`special_case_newborn`, `special_case_welfare_institution_child`,
`special_case_employee_insurance_lapse`, `special_case_first_enrolment_groups`,
`special_case_hardship_missed_collection`: each with `benefits_from` and, where there is
one, `window_days`), what those cases pay (`special_cases_contribution`), the late
rule (`late_enrolment`: individual + fiscal, `month_after_payment`) and refunds
(`refund_deadline`, `no_refund_from`). The Hunan 2025 measures give a fixed waiting
period instead (`fixed_waiting_period_months`, `fixed_waiting_period_applies_to`).

Day windows count the event day as day 0 (reading `ninety-days`, calc/dates.py).

>>> PJ = "hunan/yueyang/pingjiang/2023-resident"
>>> r = run_start(PJ, {"payment_date": "2022-11-15"})
>>> r["amount"], r["amount_basis"], r["cover_from"], r["cover_to"]
('350.00', 'individual', '2023-01-01', '2023-12-31')

A newborn (born 2023-03-10) paid for on day 90 is covered from birth at 350 yuan; on day 91 the
late rule applies: individual + fiscal (the fiscal figure is not in the source), cover from the next month:

>>> r = run_start(PJ, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-08"})
>>> r["days_since_event"], r["amount"], r["cover_from"]
(90, '350.00', '2023-03-10')
>>> r = run_start(PJ, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-09"})
>>> r["days_since_event"], r["amount_basis"], r["amount"], r["determined"], r["cover_from"]
(91, 'full_financing', None, False, '2023-07-01')
>>> run_start(PJ, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-09",
...                "fiscal_subsidy": "610"})["amount"]
'960.00'

双清: refundable until 2022-12-31, not from 2023-01-01:

>>> SQ = "hunan/shaoyang/shuangqing/2023-resident"
>>> r = run_start(SQ, {"payment_date": "2022-12-31"})
>>> r["refund"], r["refund_deadline"]
('refundable_until_deadline', '2022-12-31')
>>> run_start(SQ, {"circumstance": "demobilized_soldier", "payment_date": "2023-01-01"})["refund"]
'not_refundable'

Hunan 2025: outside the collection period, a fixed 3-month waiting period from the day of payment:

>>> r = run_start("hunan/2025-enrolment-measures", {"payment_date": "2025-03-15", "paid_in_collection_period": False})
>>> r["waiting_period_end"], r["cover_from"], r["amount"], r["determined"]
('2025-06-14', '2025-06-15', None, False)
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from . import rule_checks, series
from .charts import Mark, Span, timeline
from .dates import ONE_DAY, counting_problems, waiting_period
from .enrolment_measures import newborn_waiver_problems, previous_year_problems, run_measures
from .enrolment_windows import newborn_rule_problems, run_windows, window_problems
from .errors import InputError, InputErrors
from .inputs import Choice, InputSpec, Text
from .money import money_str
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step, step
from .doctest_helper import result_runner
from .waits import EVENT_DAY, day_count, day_counting_problems, last_day_of_window, variable_rule_problems

CIRCUMSTANCES = {
    "regular": Text("在集中缴费期内正常参保", "Ordinary enrolment in the collection period"),
    "newborn": Text("新生儿", "Newborn"),
    "welfare_institution_child": Text("儿童福利机构接收的儿童", "Child taken in by a children's welfare institution"),
    "employee_lapse": Text("劳动关系终止、职工医保断保", "Employee insurance lapsed because employment ended"),
    "new_employment_form": Text("新就业形态从业人员（凭居住证初次在居住地参保）",
                                "Worker in a new form of employment, first enrolment where they live"),
    "demobilized_soldier": Text("复转军人", "Demobilised or transferred soldier"),
    "released_prisoner": Text("刑满释放人员", "Person released from prison"),
    "unemployed_graduate": Text("未及时就业的应届大中专毕业生", "New graduate not yet employed"),
    "hardship_missed_window": Text("困难群众或稳定脱贫人口，经核实因客观原因未在缴费期参保",
                                   "Person in difficulty or stably out of poverty who missed the period for verified objective reasons"),
    "new_household": Text("当年新迁入户口", "Household registration newly moved here this year"),
    "other_late": Text("其他客观原因未能按时参保", "Another objective reason for enrolling late"),
}
# the enum value → the group code the policies' `special_case_first_enrolment_groups` use
FIRST_ENROLMENT_GROUP = {
    "new_employment_form": "new_employment_form_worker",
    "demobilized_soldier": "demobilised_soldier",
    "released_prisoner": "released_prisoner",
    "unemployed_graduate": "unemployed_new_graduate",
}
EVENT = {   # what event_date means, and the rule parameter, for circumstances that name a date
    "newborn": (Text("出生", "birth"), "special_case_newborn"),
    "welfare_institution_child": (Text("进入儿童福利机构", "entry into the welfare institution"), "special_case_welfare_institution_child"),
    "employee_lapse": (Text("职工医保最后一天", "last day of employee insurance"), "special_case_employee_insurance_lapse"),
    "new_household": (Text("户口迁入", "household registration moved"), None),
}
BASIS = {
    "individual": Text("个人缴费标准", "Individual contribution"),
    "waived": Text("免缴", "Waived: nothing to pay"),
    "full_financing": Text("筹资标准（个人缴费 + 财政补助，全部由个人缴纳）",
                           "Full financing standard (individual contribution + government subsidy, all paid by you)"),
}
PAID_BY = {
    "medical_assistance_by_category": Text("医疗救助资金按认定类别资助（须经民政部门认定为重点保障对象）",
                                           "The medical assistance fund, by the child's recognised category (if civil affairs recognise the child as a priority case)"),
    "welfare_institution": Text("儿童福利机构", "The children's welfare institution"),
    # everyone else: the person pays (a subsidy, where one applies, is the resident contribution calculator's)
    "self": Text("本人或家庭（资助对象另见参保资助计算器）",
                 "You or your family (subsidised groups: see the resident contribution calculator)"),
}
# the late cases a `late_enrolment` rule may name (`cases`), and what each circumstance is: the
# summary's late sentence and the calculator's answer both come from this list (late_rule_text)
LATE_CASES = {
    "new_household_registration": Text("当年新迁入户口", "people with a new household registration this year"),
    "newborn_after_window": Text("新生儿未在{days}天内参保缴费", "newborns not enrolled within {days} days of birth"),
    "employee_insurance_lapse_after_window": Text(
        "职工医保断保的人员未在断保{days}天内参保缴费",
        "people whose employee insurance lapsed and who did not enrol within {days} days of the lapse"),
}
CIRCUMSTANCE_CASE = {"new_household": "new_household_registration", "newborn": "newborn_after_window",
                     "employee_lapse": "employee_insurance_lapse_after_window"}
LATE_CONTRIBUTION = {"individual_plus_fiscal": Text(
    "可按个人缴费加财政补助之和一次性足额缴费",
    "may pay the individual contribution plus the government subsidy in one payment")}
# from when a late payment covers (`late_enrolment.benefits_from`: an anchor of calc/dates.py, with no wait)
LATE_BENEFITS_FROM = {
    "month_after_payment": Text("从缴费的下个月起享受待遇", "and are covered from the month after they pay"),
    "payment_day": Text("从缴费之日起享受待遇", "and are covered from the day they pay"),
    "day_after_payment": Text("从缴费次日起享受待遇", "and are covered from the day after they pay"),
    "month_of_payment": Text("从缴费当月起享受待遇", "and are covered from the month they pay"),
}

REFUND = {
    "refundable_until_deadline": Text("待遇期开始前可申请退费（重复缴费、参加职工医保或在其他地区参保等）",
                                      "A refund can be applied for until cover starts (paid twice, joined employee insurance, enrolled elsewhere…)"),
    "not_refundable": Text("待遇期已开始：个人缴费不再退回", "Cover has started: contributions are not returned"),
}

SPECIAL_CASES = "has:special_cases_contribution|has:newborn_fee_waiver|has:newborn_rule"   # the policies that ask about the situation
INPUTS = (
    InputSpec("circumstance", "enum", Text("参保情形", "Your situation"), default="regular",
              choices=tuple(Choice(k, v) for k, v in CIRCUMSTANCES.items()),
              help=Text("选“正常参保”以外的情形时，请同时填写相应的日期。", "For any situation other than ordinary enrolment, also enter the matching date."),
              applies_when=SPECIAL_CASES),
    InputSpec("event_date", "date", Text("相关日期（出生日、进入福利机构日、职工医保最后一天、户口迁入日）",
                                         "Date of the event (birth, entry into the institution, last day of employee insurance, household move)"),
              help=Text("新生儿填出生日；福利机构儿童填进入机构之日；职工医保断保填职工医保的最后一天（次日即断保之日）；新迁入户口可填迁入日。",
                        "Newborn: date of birth; welfare-institution child: day of entry; employee insurance: its last day "
                        "(the next day is the day it lapsed); new household registration: the day of the move (optional)."),
              applies_when=SPECIAL_CASES),
    InputSpec("payment_date", "date", Text("缴费日期", "Payment date"), required=True),
    InputSpec("fiscal_subsidy", "money", Text("财政补助标准（元/人，逾期参保时需要）", "Government subsidy per person (yuan; needed for late enrolment)"),
              help=Text("逾期参保要连同财政补助一起缴纳，但原文没有写本年度的金额：请按当地公布的数字填写。不填则逾期参保的金额显示为“原文未给出”。",
                        "Late joiners also pay the government subsidy, but the source does not give this year's amount: enter the locally "
                        "published figure. Left empty, late-enrolment amounts show as not stated."),
              applies_when="unstated:fiscal_subsidy"),
    InputSpec("township_extended", "boolean", Text("所在乡镇（街道）延长了集中缴费期", "Your township extended the collection period"),
              default=False,
              help=Text("只有未如期达到参保率、并决定延长的乡镇（街道）才延长。", "Only townships that missed the enrolment rate and chose to extend did so."),
              applies_when="has:collection_period_extension_end"),
    InputSpec("paid_in_collection_period", "boolean", Text("在集中参保缴费期内缴费", "Paid during the collection period"), default=True,
              help=Text("集中参保缴费期由各地每年公布。", "The collection period is announced locally each year."),
              applies_when="lacks:collection_period_start"),   # a policy that states the dates decides by the payment date
    InputSpec("continuously_enrolled", "boolean", Text("一直连续参保（没有断保）", "Continuously insured (no gap)"), default=True,
              applies_when="has:fixed_waiting_period_months"),
    InputSpec("gap_years", "integer", Text("断保年数（没有参保的年度数）", "Years without cover (insurance years not enrolled)"),
              minimum=0, maximum=100,
              help=Text("连续参保填 0。变动等待期按断保年数计算。", "Continuously insured: 0. The variable wait depends on this number."),
              applies_when="has:variable_waiting_rule"),
    InputSpec("years_paid_back", "integer", Text("已补缴的断保年数", "Years of the gap paid back"), minimum=0, maximum=100,
              help=Text("为修复等待期而补缴的年数；没有补缴填 0 或不填。", "Years paid afterwards to shorten the wait; none: 0 or empty."),
              applies_when="has:variable_waiting_rule"),
    InputSpec("parent_insured", "boolean", Text("父母一方已参加本省基本医疗保险", "A parent is insured in the province (employee or resident)"),
              default=True, applies_when="has:newborn_fee_waiver"),
    InputSpec("individual_standard", "money", Text("个人缴费标准（元/人/年）", "Individual contribution (yuan/person/year)"),
              help=Text("原文没有写金额：请按当地本年度公布的标准填写。", "The source gives no amount: enter this year's local standard."),
              applies_when="unstated:individual_contribution"),
)

OUTPUTS = (
    OutputSpec("amount", "money", Text("应缴金额（元）", "Amount to pay (yuan)"),
               lead=Text("应缴 {}", "{} to pay")),
    OutputSpec("amount_basis", "text", Text("缴费标准", "Basis of the amount"), tuple(Choice(k, v) for k, v in BASIS.items())),
    OutputSpec("days_since_event", "integer", Text("缴费日是出生或断保后的第几天（数法见计算步骤）", "Payment day counted from the birth or the lapse (how: see the steps)")),
    OutputSpec("pay_by", "date", Text("最迟缴费日（最稳妥的数法）", "Pay by (the safest way of counting)")),
    OutputSpec("waiting_period_end", "date", Text("固定等待期最后一天", "Last day of the fixed waiting period")),
    OutputSpec("cover_from", "date", Text("享受待遇起始日", "Covered from"),
               lead=Text("{} 起享受待遇", "covered from {}")),
    OutputSpec("cover_to", "date", Text("待遇期结束日", "Covered until")),
    OutputSpec("cover_from_alternative", "date", Text("按另一种等待期算法的起始日", "Covered from, counting the wait the other way")),
    OutputSpec("benefit_year_end", "date", Text("这笔缴费所买待遇年度的末日", "End of the benefit year this payment buys")),
    OutputSpec("paid_by", "text", Text("个人缴费由谁缴纳", "Contribution paid by"), tuple(Choice(k, v) for k, v in PAID_BY.items()),
               lead=Text("缴费人：{}", "who pays: {}")),
    OutputSpec("refund", "text", Text("能否退费", "Refunds"), tuple(Choice(k, v) for k, v in REFUND.items())),
    OutputSpec("refund_deadline", "date", Text("退费截止日", "Last day for a refund")),
    OutputSpec("determined", "boolean", Text("原文能否确定结果", "Result fixed by the sources")),
    OutputSpec("warnings", "list", Text("提示", "Warnings")),
)


def _join_en(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def late_rule_text(policy: Policy) -> Text:
    """Who may pay late and at what price, in words, from `late_enrolment` (and `mid_year_enrolment`):
    the sentence a summary must carry (tests/test_fidelity_resident.py), so that the page and the
    calculator say the same thing.

    >>> from calc.data import load_policies
    >>> print(late_rule_text(Policy(load_policies()["hunan/yueyang/pingjiang/2023-resident"])).zh)
    除已明确的特殊情形外，错过集中参保缴费期的，原则上不得中途参保、不得享受医保待遇；只有当年新迁入户口、新生儿未在90天内参保缴费、职工医保断保的人员未在断保90天内参保缴费的，可按个人缴费加财政补助之和一次性足额缴费，从缴费的下个月起享受待遇。
    """
    rule = policy.value("late_enrolment")
    days = rule.get("window_days", "")
    names = [LATE_CASES[c] for c in rule.get("cases", [])]
    pay, start = LATE_CONTRIBUTION[rule["contribution"]], LATE_BENEFITS_FROM[rule["benefits_from"]]
    restricted = policy.has("mid_year_enrolment") and policy.value("mid_year_enrolment") == "special_cases_only"
    zh = en = ""
    if restricted:
        zh = "除已明确的特殊情形外，错过集中参保缴费期的，原则上不得中途参保、不得享受医保待遇；"
        en = ("Apart from the special cases listed, anyone who misses the collection period may not, as a rule, "
              "enrol mid-year or receive benefits; ")
    if names:
        zh += "只有" + "、".join(n.zh.format(days=days) for n in names) + f"的，{pay.zh}，{start.zh}。"
        en += "only " + _join_en([n.en.format(days=days) for n in names]) + f" {pay.en}, {start.en}."
    else:
        zh += f"错过集中参保缴费期的，{pay.zh}，{start.zh}。"
        en += f"anyone who misses the collection period {pay.en}, {start.en}."
    return Text(zh, en[:1].upper() + en[1:])


def late_rule_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a `late_enrolment` rule with codes calc does not know (the loader reports
    them with file:line, so a new policy never meets a KeyError at run time).

    >>> late_rule_problems({"cases": ["new_household_registration"], "contribution": "individual_plus_fiscal"})
    []
    >>> [p[0] for p in late_rule_problems({"cases": ["moved_abroad"], "contribution": "free"})]
    ['.cases[0]', '.contribution']
    """
    if not isinstance(value, dict):
        return [("", "must be a mapping {contribution, cases, window_days, benefits_from, waiting_period}",
                  "须为映射 {contribution, cases, window_days, benefits_from, waiting_period}")]
    known = {"cases": LATE_CASES, "contribution": LATE_CONTRIBUTION, "benefits_from": LATE_BENEFITS_FROM}
    out = []
    for key, item in value.items():
        if key not in (*known, "window_days", "waiting_period"):
            out.append((f".{key}", "unknown key (allowed: contribution, cases, window_days, benefits_from, waiting_period)",
                        "未知的键（可用：contribution、cases、window_days、benefits_from、waiting_period）"))
            continue
        if key not in known:
            continue
        for i, code in enumerate(item if key == "cases" and isinstance(item, list) else [item]):
            if code not in known[key]:
                field = f".{key}[{i}]" if key == "cases" else f".{key}"
                out.append((field, f"unknown {key} code {code!r} (known: {', '.join(known[key])})",
                            f"未知的 {key} 代码 {code!r}（可用：{'、'.join(known[key])}）"))
    if "contribution" not in value:
        out.append(("", "needs contribution (e.g. individual_plus_fiscal)", "缺少 contribution（如 individual_plus_fiscal）"))
    return out


def _date(policy: Policy, name: str) -> dt.date:
    value = policy.value(name)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _warn(warnings: list, id: str, zh: str, en: str) -> None:
    warnings.append({"id": id, "zh": zh, "en": en})


def _y(value: Decimal) -> tuple[str, str]:
    return f"{money_str(value)} 元", f"{money_str(value)} yuan"


def _note(policy: Policy, name: str) -> tuple[str, str]:
    from .reading_notes import reading_note   # readers get the note's number, never its id
    return reading_note(policy, name)


class _Run:
    """Collects the result, steps and warnings of one computation."""

    def __init__(self, policy: Policy, values: dict):
        self.policy, self.values = policy, values
        self.result: dict = {}
        self.steps: list[Step] = []
        self.warnings: list[dict] = []
        self.determined = True
        self.chart: dict = {"marks": [], "spans": []}

    def step(self, id: str, zh: str, en: str, figures: dict | None = None, cite: tuple[str, ...] = ()) -> None:
        self.steps.append(step(self.policy, id, zh, en, figures or {}, cite))

    def warn(self, id: str, zh: str, en: str) -> None:
        _warn(self.warnings, id, zh, en)

    # amounts -------------------------------------------------------------
    def individual(self) -> Decimal | None:
        policy = self.policy
        if policy.is_open("individual_contribution"):
            value = self.values["individual_standard"]
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


def _county(run: _Run) -> None:
    """County notices with a collection period, special cases and a late rule (平江, 双清)."""
    policy, values = run.policy, run.values
    pay = values["payment_date"]
    circ = values["circumstance"]
    event = values["event_date"]
    start, end = _date(policy, "collection_period_start"), _date(policy, "collection_period_end")
    year_from, year_to = _date(policy, "benefit_period_start"), _date(policy, "benefit_period_end")
    extended_to = _date(policy, "collection_period_extension_end") if values["township_extended"] else None
    window_end = extended_to or end

    errors = []
    if pay < start:
        errors.append(InputError("payment_date", f"本年度的缴费从 {start.isoformat()} 开始，缴费日期不能更早。",
                                 f"Payments for this insurance year start on {start.isoformat()}; the payment date cannot be earlier."))
    if pay > year_to:   # another year's payment: the policy of the series on file for it, or what is on file
        errors.append(series.elsewhere_error(policy.id, "payment_date", pay))
    needs_event = circ in ("newborn", "welfare_institution_child", "employee_lapse")
    if needs_event and event is None:
        what = EVENT[circ][0]
        errors.append(InputError("event_date", f"请填写{what.zh}的日期。", f"Enter the date of {what.en}."))
    if event is not None and circ in EVENT and event > pay:
        what = EVENT[circ][0]
        errors.append(InputError("event_date", f"{what.zh}日期不能晚于缴费日期。", f"The date of {what.en} cannot be after the payment date."))
    if errors:
        raise InputErrors(errors)

    run.step("collection_period",
             f"集中参保缴费期：{start.isoformat()} 至 {end.isoformat()}；待遇期 {year_from.isoformat()} 至 {year_to.isoformat()}。",
             f"Collection period: {start.isoformat()} to {end.isoformat()}; insurance year {year_from.isoformat()} to {year_to.isoformat()}.",
             {"start": start.isoformat(), "end": end.isoformat()},
             ("collection_period_start", "collection_period_end", "benefit_period_start", "benefit_period_end"))
    if extended_to:
        note_zh, note_en = _note(policy, "collection_period_extension_end")
        run.step("extension", f"您所在乡镇延长了集中缴费期，最迟至 {extended_to.isoformat()}{note_zh}。",
                 f"Your township extended the collection period, at the latest to {extended_to.isoformat()}{note_en}.",
                 {"extended_to": extended_to.isoformat()}, ("collection_period_extension_end",))
    run.result["cover_to"] = year_to
    run.chart["marks"].append(("payment", pay))
    run.chart["year_end"] = year_to

    kind, own_start, rule = _classify(run, circ, event, pay)
    in_window = start <= pay <= window_end
    in_extension = extended_to is not None and end < pay <= extended_to

    if kind == "own_date":
        run.pay_individual(("special_cases_contribution",))
        _cover(run, own_start, rule)
        if circ == "welfare_institution_child":
            _welfare_payer(run, in_window)
    elif kind == "from_payment" and not (start <= pay <= end):
        run.pay_individual(("special_cases_contribution",))
        _cover(run, pay, rule)
        if circ == "hardship_missed_window":
            run.step("hardship_subsidy", "属于资助对象的，个人缴费还可能获得参保资助：见“城乡居民医保个人缴费与参保资助”计算器。",
                     "If you belong to a subsidised group, the contribution may also be subsidised: see the resident contribution calculator.")
    elif in_window:
        if kind in ("from_payment", "late"):
            note_zh, note_en = _note(policy, "special_cases_contribution")
            run.step("in_window", f"在集中缴费期内缴费，按正常参保办理{note_zh}。",
                     f"Paid within the collection period: treated as ordinary enrolment{note_en}.")
        run.pay_individual(("collection_period_start", "collection_period_end"))
        if in_extension:
            run.result["cover_from"] = None
            run.determined = False
            note_zh, note_en = _note(policy, "collection_period_extension_end")
            run.step("cover_from", f"在延长的缴费期内缴费：方案没有写这种情况从哪天起享受待遇{note_zh}。",
                     f"Paid during the extended period: the plan does not say from when such payers are covered{note_en}.",
                     {}, ("collection_period_extension_end", "benefit_period_start"))
            run.warn("extension_cover_not_stated",
                     "在延长期内缴费的，方案没有写从哪天起享受待遇，请向乡镇（街道）医保经办确认。",
                     "For payments in the extended period the plan does not say when cover starts; ask your township's insurance office.")
            run.chart["unknown_from"] = pay
        else:
            _cover(run, year_from, None, cite=("benefit_period_start",))
    elif kind == "late" and not _late_case_listed(policy, circ):
        _no_mid_year(run, circ)
        return
    elif kind == "late":
        run.pay_full(("late_enrolment",))
        anchor = policy.value("late_enrolment").get("benefits_from", "month_after_payment")
        cover = waiting_period(pay, 0, anchor)[2]
        rule_zh = LATE_BENEFITS_FROM[anchor].zh
        rule_en = LATE_BENEFITS_FROM[anchor].en.removeprefix("and are covered ")
        note_zh, note_en = _note(policy, "late_enrolment")
        if cover > year_to:
            run.result.pop("cover_to", None)
            run.step("cover_from",
                     f"{rule_zh}：{cover.isoformat()}，已在本年度待遇期（至 {year_to.isoformat()}）之后{note_zh}。",
                     f"Covered {rule_en}: {cover.isoformat()}, which is after this insurance year "
                     f"(ends {year_to.isoformat()}){note_en}.", {"cover_from": cover.isoformat()}, ("late_enrolment", "benefit_period_end"))
            run.chart["no_cover"] = (pay, year_to, cover)
            run.warn("no_cover_this_year",
                     f"在 {pay.isoformat()} 按逾期标准缴费，待遇要从 {cover.isoformat()} 起，已过本年度：这笔钱买不到本年度的任何待遇。",
                     f"Paying the late standard on {pay.isoformat()} gives cover only from {cover.isoformat()}, after this "
                     "insurance year has ended: it buys no cover for this year.")
        else:
            run.result["cover_from"] = cover
            run.step("cover_from", f"{rule_zh}：{cover.isoformat()}{note_zh}。",
                     f"Covered {rule_en}: {cover.isoformat()}{note_en}.",
                     {"cover_from": cover.isoformat()}, ("late_enrolment",))
    else:  # an ordinary resident after the collection period
        _no_mid_year(run, circ)
        return
    _refund(run, pay)


def _late_case_listed(policy: Policy, circ: str) -> bool:
    """Whether the late rule lets this circumstance pay the full standard: a rule naming its `cases`
    admits only those (平江, 双清: “具体指当年新迁入户口、新生儿未在90天内参保缴费、职工医保断保的人员未在断保90天内参保缴费”)."""
    rule = policy.value("late_enrolment")
    cases = rule.get("cases") if isinstance(rule, dict) else None
    return cases is None or CIRCUMSTANCE_CASE.get(circ) in cases


def _no_mid_year(run: _Run, circ: str) -> None:
    """After the collection period, outside every special and late case: no mid-year enrolment."""
    policy = run.policy
    run.result.pop("cover_to", None)
    rule = late_rule_text(policy)
    cites = ("mid_year_enrolment", "late_enrolment")
    if circ == "regular":
        run.step("mid_year", "集中缴费期已过：除已明确的特殊情形外，原则上不得中途参保、不得享受医保待遇。",
                 "The collection period is over: apart from the special cases listed, you may not, as a rule, enrol mid-year or receive benefits.",
                 {}, ("mid_year_enrolment",))
        run.warn("mid_year_not_allowed",
                 "集中缴费期已过，普通居民原则上不能中途参保。如属新迁入户口、新生儿等特殊情形，请选择相应情形。",
                 "The collection period is over; ordinary residents may not, as a rule, enrol mid-year. If you are in a special "
                 "case (new household registration, newborn …), choose it.")
        return
    situation = CIRCUMSTANCES[circ]
    run.step("mid_year", f"您的情形（{situation.zh}）不在原文列出的逾期参保情形之内。{rule.zh}",
             f"Your situation ({situation.en[:1].lower() + situation.en[1:]}) is not one of the late cases the source lists. {rule.en}",
             {}, cites)
    run.warn("not_a_listed_late_case",
             "集中缴费期已过，而您的情形不在原文列出的逾期参保情形之内：按本政策原则上不得中途参保、不得享受医保待遇，"
             "也不能按筹资标准补缴买到本年度待遇。如确属新迁入户口等所列情形，请选择相应情形。",
             "The collection period is over and your situation is not one of the late cases the source lists: under this "
             "policy you may not, as a rule, enrol mid-year or receive benefits, nor buy this year's cover at the full "
             "standard. If you are in one of the listed cases (a new household registration …), choose it.")


def _day_window(run: _Run, circ: str, rule_name: str, opened: dt.date, pay: dt.date, limit: int) -> bool:
    """Whether the payment is within an N-day window, by the policy's counting convention
    (`day_window_counting`; without it the event day is day 0). Where the policy names another
    reading, its last day is shown too, and the earlier of the two is the safe date to pay by."""
    policy = run.policy
    counting = policy.value("day_window_counting") if policy.has("day_window_counting") else {"event_day": "day_0"}
    convention = counting["event_day"]
    days = day_count(opened, pay, convention)
    last = last_day_of_window(opened, limit, convention)
    run.result["days_since_event"] = days
    # paying before employee cover ends (days < 0) is in time too: cover still starts on the lapse day
    within = pay <= last
    what = Text("断保", "the lapse") if circ == "employee_lapse" else EVENT[circ][0]
    how = EVENT_DAY[convention]
    note_zh, note_en = _note(policy, "day_window_counting" if policy.has("day_window_counting") else rule_name)
    cites = (rule_name,) + (("day_window_counting",) if policy.has("day_window_counting") else ())
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


def _classify(run: _Run, circ: str, event: dt.date | None, pay: dt.date) -> tuple[str, dt.date | None, str | None]:
    """(kind, start date named by the rule, rule parameter): kind is own_date | from_payment | late | regular."""
    policy = run.policy
    if circ in ("newborn", "employee_lapse"):
        rule_name = EVENT[circ][1]
        limit = int(policy.value(rule_name)["window_days"])
        opened = event + ONE_DAY if circ == "employee_lapse" else event   # event_date: the last day of employee cover
        note_zh, note_en = _note(policy, rule_name)
        if circ == "employee_lapse":
            run.step("lapse_day", f"职工医保最后一天是 {event.isoformat()}，断保之日为次日 {opened.isoformat()}{note_zh}。",
                     f"The last day of employee insurance is {event.isoformat()}, so it lapsed on {opened.isoformat()}{note_en}.",
                     {"lapse_day": opened.isoformat()}, (rule_name,))
        run.chart["marks"].append(("event", event))
        within = _day_window(run, circ, rule_name, opened, pay, limit)
        return ("own_date", opened, rule_name) if within else ("late", None, "late_enrolment")
    if circ == "welfare_institution_child":
        run.chart["marks"].append(("event", event))
        return "own_date", event, "special_case_welfare_institution_child"
    if circ in FIRST_ENROLMENT_GROUP:
        rule = policy.value("special_case_first_enrolment_groups")
        if FIRST_ENROLMENT_GROUP[circ] not in rule["groups"]:
            raise InputErrors([InputError("circumstance", "本政策没有这种特殊情形的规定。", "This policy has no rule for this situation.")])
        return "from_payment", None, "special_case_first_enrolment_groups"
    if circ == "hardship_missed_window":
        return "from_payment", None, "special_case_hardship_missed_collection"
    if circ in ("new_household", "other_late"):
        if event is not None:
            run.chart["marks"].append(("event", event))
        return "late", None, "late_enrolment"
    return "regular", None, None


def _cover(run: _Run, start: dt.date, rule: str | None, cite: tuple[str, ...] = ()) -> None:
    policy = run.policy
    run.result["cover_from"] = start
    year_from = _date(policy, "benefit_period_start")
    cites = ((rule,) if rule else ()) + cite
    run.step("cover_from", f"享受待遇起始日：{start.isoformat()}。", f"Covered from {start.isoformat()}.",
             {"cover_from": start.isoformat()}, cites)
    if start < year_from:
        run.warn("starts_before_year",
                 f"规定的起始日 {start.isoformat()} 早于本年度待遇期（{year_from.isoformat()} 起）。"
                 f"{year_from.isoformat()} 之前的费用属于上一年度，本政策没有写上一年度如何结算，请向医保经办确认。",
                 f"The rule's start date {start.isoformat()} is before this insurance year (from {year_from.isoformat()}). "
                 f"Costs before {year_from.isoformat()} belong to the previous year, which this policy does not settle; ask the insurance office.")


def _welfare_payer(run: _Run, in_window: bool) -> None:
    policy = run.policy
    rule = policy.value("special_case_welfare_institution_child")
    key = "paid_by_within_collection_period" if in_window else "paid_by_outside_collection_period"
    code = rule.get(key)
    if code in PAID_BY:
        run.result["paid_by"] = code
        note_zh, note_en = _note(policy, "special_case_welfare_institution_child")
        where_zh = "集中缴费期内" if in_window else "集中缴费期外"
        where_en = "within" if in_window else "outside"
        run.step("paid_by", f"{where_zh}参保，个人缴费由谁资助：{PAID_BY[code].zh}{note_zh}。",
                 f"Enrolled {where_en} the collection period, the contribution is paid by: {PAID_BY[code].en[0].lower()}{PAID_BY[code].en[1:]}{note_en}.",
                 {}, ("special_case_welfare_institution_child",))
    else:
        run.result["paid_by"] = None
        run.step("paid_by", "原文没有写福利机构儿童的个人缴费由谁承担。",
                 "The source does not say who pays the contribution for a welfare-institution child.",
                 {}, ("special_case_welfare_institution_child",))


def _refund(run: _Run, pay: dt.date) -> None:
    policy = run.policy
    if not policy.has("refund_deadline"):
        return
    deadline = _date(policy, "refund_deadline")
    note_zh, note_en = _note(policy, "refund_deadline")
    if pay <= deadline:
        run.result["refund"] = "refundable_until_deadline"
        run.result["refund_deadline"] = deadline
        run.step("refund", f"在待遇期开始前（截止 {deadline.isoformat()}），因重复缴费、参加职工医保或在其他地区参保等，可依申请退费{note_zh}。",
                 f"Until cover starts (up to {deadline.isoformat()}) you can apply for a refund if you paid twice, joined "
                 f"employee insurance or enrolled elsewhere{note_en}.", {"refund_deadline": deadline.isoformat()},
                 ("refund_deadline", "refund_reasons"))
    else:
        run.result["refund"] = "not_refundable"
        no_refund = _date(policy, "no_refund_from")
        run.step("refund", f"{no_refund.isoformat()} 起待遇期已开始：暂停参保关系的，个人缴费不再退回{note_zh}。",
                 f"From {no_refund.isoformat()} cover has started: contributions are not returned when enrolment is suspended{note_en}.",
                 {"no_refund_from": no_refund.isoformat()}, ("no_refund_from",))


def _compute(policy: Policy, values: dict) -> tuple[dict, list[Step]]:
    run = _Run(policy, values)
    if policy.has("enrolment_windows"):
        run_windows(run)
    elif policy.has("fixed_waiting_period_months"):
        run_measures(run)
    else:
        _county(run)
    result = run.result
    if "amount_basis" in result and "paid_by" not in result:   # "who pays" always names a payer
        result["paid_by"] = "self"
    result["determined"] = run.determined and result.get("amount", 0) is not None
    result["warnings"] = run.warnings
    result["_timeline"] = _timeline_data(run)
    return result, run.steps


def _timeline_data(run: _Run) -> dict:
    r = run.result
    data = dict(run.chart)
    data["cover_from"] = r.get("cover_from")
    data["cover_to"] = r.get("cover_to")
    data["has_cover"] = "cover_from" in r
    data["variable"] = run.policy.is_open("variable_waiting_period") if run.policy.has("variable_waiting_period") else False
    data["event_label"] = EVENT.get(run.values.get("circumstance") or "", (None, None))[0]
    return data


LABELS = {
    "payment": Text("缴费", "Payment"),
    "year_end": Text("本年度待遇期末", "End of the insurance year"),
    "pending": Text("已缴费，待遇尚未开始", "Paid, not yet covered"),
    "waiting": Text("固定等待期", "Fixed waiting period"),
    "covered": Text("享受待遇", "Covered"),
    "covered_earliest": Text("享受待遇（如有变动等待期则更晚）", "Covered (later if a variable waiting period applies)"),
    "unknown": Text("起始日原文未写明", "Start not stated in the source"),
    "open_end": Text("结束日原文未给出", "End not stated in the source"),
    "no_cover": Text("本年度没有待遇", "No cover this year"),
    "paid_no_cover": Text("已缴费，本年度没有待遇", "Paid, no cover this year"),
    "late_start": Text("规定的待遇起始日（已过本年度）", "Start the rule gives (after this insurance year)"),
}


def _charts(result: dict) -> dict:
    data = result.get("_timeline") or {}
    out = {}
    for lang in ("zh", "en"):
        t = lambda key: getattr(LABELS[key], lang)  # noqa: E731
        marks: list[Mark] = []
        spans: list[Span] = []
        pay = None
        for kind, day in data.get("marks", []):
            if kind == "payment":
                pay = day
                marks.append(Mark(t("payment"), day))
            else:
                label = data.get("event_label")
                text = getattr(label, lang) if label else t("payment")
                marks.append(Mark(text[:1].upper() + text[1:], day))
        cover_from, cover_to = data.get("cover_from"), data.get("cover_to")
        if data.get("year_end"):
            marks.append(Mark(t("year_end"), data["year_end"]))
        if data.get("waiting"):
            start, end = data["waiting"]
            spans.append(Span(t("waiting"), start, end, "waiting"))
        elif cover_from and pay and cover_from > pay:
            spans.append(Span(t("pending"), pay, cover_from - ONE_DAY, "pending"))
        if cover_from:
            label = t("covered_earliest") if data.get("waiting") and data.get("variable") else t("covered")
            spans.append(Span(label, cover_from, cover_to, "covered"))
            marks.append(Mark(t("covered"), cover_from))
        elif data.get("unknown_from"):
            spans.append(Span(t("unknown"), data["unknown_from"], cover_to, "unknown"))
        elif data.get("no_cover"):
            paid, year_end, late_start = data["no_cover"]
            spans.append(Span(t("paid_no_cover"), paid, year_end, "pending"))
            marks.append(Mark(t("late_start"), late_start))
        parts = [f"{s.label}: {s.start.isoformat()}" + (f" – {s.end.isoformat()}" if s.end else "") for s in spans]
        parts += [f"{m.label}: {m.day.isoformat()}" for m in marks]
        if not spans:
            parts.append(t("no_cover"))
        title = "缴费与享受待遇的时间" if lang == "zh" else "Payment and cover over time"
        desc = ("；".join(parts) + "。") if lang == "zh" else ("; ".join(parts) + ".")
        out[lang] = timeline("timeline", title, desc, spans, marks, lang, open_end=t("open_end"),
                             note=None if spans else t("no_cover"))
    return {"timeline": out}


# what compute reads from a policy (calc/parameters.py). Two shapes: a county notice (collection period,
# special cases) or provincial measures with a fixed waiting period (`fixed_waiting_period_months`).
COUNTY, MEASURES = "lacks:fixed_waiting_period_months&lacks:enrolment_windows", "has:fixed_waiting_period_months"
PARAMETERS = (
    Parameter("individual_contribution", ("CNY/person/year",), Text(
        "个人缴费标准；原文未给出（null）时表单请用户填写。", "The individual contribution; left open (null), the form asks for it.")),
    Parameter("fiscal_subsidy", ("CNY/person/year",), Text(
        "本年度财政补助标准（逾期参保 = 个人缴费 + 财政补助）；原文未给出时为 null，表单可填。",
        "This year's government subsidy (late enrolment pays contribution + subsidy); null when not stated (the form takes it).")),
    Parameter("fiscal_subsidy_<year>", ("CNY/person/year",), Text(
        "原文给出的往年财政补助（只作说明，不用于计算）。", "An earlier year's subsidy the source gives (mentioned, never used for this year)."),
        required=False),
    Parameter("enrolment_windows", ("rule",), Text(
        "缴费时段：[{from, to, pays: individual | individual_plus_fiscal | waived | not_stated, cover_from: benefit_year_start | "
        "payment_day | day_after_payment | month_after_payment | after_wait, wait_days | wait_months, counted_from}]；"
        "由缴费日期决定所在时段；有此参数即按时段计算（须写明 benefit_period_start/_end）。",
        "Enrolment windows: [{from, to, pays: individual | individual_plus_fiscal | waived | not_stated, cover_from: "
        "benefit_year_start | payment_day | day_after_payment | month_after_payment | after_wait, wait_days | wait_months, "
        "counted_from}]; the payment date picks the window; with it the windows decide (state benefit_period_start/_end)."),
        required=False, check=window_problems),
    Parameter("newborn_rule", ("rule",), Text(
        "新生儿：{window_days, counting: day_0 | day_1, within: {pays, cover_from}, late: {pays, cover_from}}（cover_from 可为 birth）。",
        "Newborns: {window_days, counting: day_0 | day_1, within: {pays, cover_from}, late: {pays, cover_from}} (cover_from may be birth)."),
        required=False, when="has:enrolment_windows", check=newborn_rule_problems),
    Parameter("late_enrolment", ("rule",), Text(
        "逾期参保：个人缴费 + 财政补助，从缴费次月起享受待遇；{cases: [...]} 列出原文的逾期情形。",
        "Late enrolment: contribution + subsidy, covered from the month after payment; {cases: [...]} lists the source's late cases."),
        when="lacks:enrolment_windows", check=late_rule_problems),
    Parameter("fixed_waiting_period_months", ("months",), Text(
        "固定待遇等待期（月，从缴费之日起算）；有此参数即按省级措施计算。",
        "A fixed waiting period (months from the payment day); with it the provincial-measures rules apply."), required=False),
    Parameter("waiting_period_counting", ("rule",), Text(
        "等待期的起算方式：{counted_from: payment_day | day_after_payment | month_of_payment | month_after_payment, "
        "alternative: 另一种读法（可选，结果同时列出其日期）}；没有此参数时从缴费之日起算。",
        "How the wait is counted: {counted_from: payment_day | day_after_payment | month_of_payment | month_after_payment, "
        "alternative: another reading (optional; the result shows its date too)}; without it, from the payment day."),
        required=False, check=counting_problems),
    Parameter("late_payment_benefit_year", ("rule",), Text(
        "期外缴费所买的待遇年度：{buys: calendar_year_of_payment}；等待期跨过该年度末日时结果提示并标为无法确定。",
        "The benefit year a payment outside the collection period buys: {buys: calendar_year_of_payment}; a wait past its "
        "end is warned about and the result is not determined."), required=False, check=rule_checks.late_payment_benefit_year),
    Parameter("fixed_waiting_period_from", ("date",), Text("固定等待期施行之日。", "The day the fixed waiting period starts to apply."), when=MEASURES),
    Parameter("fixed_waiting_period_applies_to", ("list",), Text(
        "等待期适用于：not_enrolled_in_collection_period、not_continuously_enrolled。",
        "Whom the waiting period applies to: not_enrolled_in_collection_period, not_continuously_enrolled."), when=MEASURES),
    Parameter("in_period_contribution", ("text",), Text(
        "集中缴费期内按个人缴费标准缴纳（引用的原句）。", "In the collection period you pay the individual contribution (the sentence cited)."),
        when=MEASURES),
    Parameter("variable_waiting_period", ("months",), Text(
        "变动等待期；原文未给出规则时为 null（结果标为无法确定）。", "A variable waiting period; null when no rule is given (the result is then not determined)."),
        required=False),
    Parameter("variable_waiting_rule", ("rule",), Text(
        "变动等待期的规则：{per_gap_year: {months|days: N}, free_gap_years: 不计的断保年数, payback_per_year: 每补缴一年减少的等待, "
        "floor: {gap_years_at_least: N, total_months: N}}；有此参数，表单才问断保年数和补缴年数。",
        "The variable wait: {per_gap_year: {months|days: N}, free_gap_years: gap years not counted, payback_per_year: the wait "
        "each year paid back removes, floor: {gap_years_at_least: N, total_months: N}}; with it the form asks for the years "
        "without cover and paid back."), required=False, check=variable_rule_problems),
    Parameter("newborn_fee_waiver", ("rule",), Text(
        "新生儿免缴：{born_in: benefit_year, requires_parent_insured: true|false}；待遇年度内出生（且父母一方已参保）的免缴、"
        "自出生之日起享受当年待遇。须同时写明 benefit_period_start/_end。",
        "Newborns' fee waived: {born_in: benefit_year, requires_parent_insured: true|false}; born in the insurance year (with a "
        "parent insured): nothing to pay, covered from birth. Needs benefit_period_start/_end."),
        required=False, check=newborn_waiver_problems),
    Parameter("newborn_previous_year_rule", ("rule",), Text(
        "上一年度最后几个月出生的可以不缴上一年度、直接参加本年度：{born_from_month: 月份}。",
        "Babies born in the last months of the previous year may skip it and join this year directly: {born_from_month: month}."),
        required=False, check=previous_year_problems),
    Parameter("collection_period_start", ("date",), Text(
        "集中缴费期第一天；措施类政策写明时，由缴费日期判断是否在期内（不再问）。",
        "First day of the collection period; where a measures policy states it, the payment date decides (the form does not ask)."),
        when=COUNTY),
    Parameter("collection_period_end", ("date",), Text("集中缴费期最后一天。", "Last day of the collection period."), when=COUNTY),
    Parameter("collection_period_extension_end", ("date",), Text(
        "乡镇延长缴费期的最后一天；有此参数，表单才问是否延长。", "Last day of a township's extended period; with it the form asks."), required=False),
    Parameter("benefit_period_start", ("date",), Text(
        "待遇期第一天；措施类政策写明时，待遇不早于这天开始。", "First day of the insurance (benefit) year; cover never starts before it."),
        when=COUNTY),
    Parameter("benefit_period_end", ("date",), Text("待遇期最后一天。", "Last day of the insurance (benefit) year."), when=COUNTY),
    Parameter("mid_year_enrolment", ("text",), Text(
        "缴费期后普通居民原则上不得中途参保（引用的原句）。", "After the period ordinary residents may not enrol mid-year (the sentence cited)."), when=COUNTY),
    Parameter("special_cases_contribution", ("text",), Text(
        "特殊情形按个人缴费标准缴纳；有此参数，表单才问参保情形。",
        "Special cases pay the individual contribution; with it the form asks about the situation."), required=False),
    Parameter("special_case_newborn", ("rule",), Text(
        "新生儿：{window_days: 天数, benefits_from: …}，期限内从出生之日起享受。", "Newborns: {window_days, benefits_from}; within the window, covered from birth."),
        when="has:special_cases_contribution", check=rule_checks.special_case_newborn),
    Parameter("day_window_counting", ("rule",), Text(
        "天数期限（如“90天内”）的数法：{event_day: day_0 | day_1, alternative: 另一种数法（可选，结果同时列出最稳妥的截止日）}；"
        "没有此参数时事件当天为第0天。",
        "How a window in days (\"within 90 days\") is counted: {event_day: day_0 | day_1, alternative: another reading "
        "(optional; the result shows the safest last day)}; without it the event day is day 0."),
        required=False, check=day_counting_problems),
    Parameter("special_case_employee_insurance_lapse", ("rule",), Text(
        "职工医保断保：{window_days: 天数, benefits_from: …}。", "Employee insurance lapsed: {window_days, benefits_from}."),
        when="has:special_cases_contribution", check=rule_checks.special_case_employee_insurance_lapse),
    Parameter("special_case_welfare_institution_child", ("rule",), Text(
        "福利机构儿童：{paid_by_within_collection_period, paid_by_outside_collection_period}。",
        "Children in welfare institutions: {paid_by_within_collection_period, paid_by_outside_collection_period}."),
        when="has:special_cases_contribution", check=rule_checks.special_case_welfare_institution_child),
    Parameter("special_case_first_enrolment_groups", ("rule",), Text(
        "缴费后即享受待遇的首次参保群体：{groups: [...]}。", "First-enrolment groups covered from payment: {groups: [...]}."),
        when="has:special_cases_contribution", check=rule_checks.special_case_first_enrolment_groups),
    Parameter("special_case_hardship_missed_collection", ("rule",), Text(
        "困难群众因客观原因错过缴费期：缴费后即享受待遇。", "People in difficulty who missed the period for objective reasons: covered from payment."),
        when="has:special_cases_contribution", check=rule_checks.special_case_hardship_missed_collection),
    Parameter("refund_deadline", ("date",), Text("可申请退费的最后一天。", "Last day a refund may be applied for."), required=False),
    Parameter("refund_reasons", ("list",), Text("可退费的情形。", "The reasons a refund is possible."), when="has:refund_deadline"),
    Parameter("no_refund_from", ("date",), Text("从这天起不再退费。", "From this day contributions are not returned."), when="has:refund_deadline"),
)

CALCULATOR = Calculator(
    name="resident-benefit-start",
    title=Text("城乡居民医保：缴多少、从哪天起享受待遇", "Resident medical insurance: what to pay and when cover starts"),
    description=Text(
        "按参保情形和缴费日期，算出应缴金额（个人标准或含财政补助的筹资标准）、享受待遇的起止日期和能否退费。",
        "From your situation and payment date, works out what you pay (individual or full financing standard), "
        "when cover starts and ends, and whether a refund is possible.",
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=_compute,
    charts=_charts,
    parameters=PARAMETERS,
)


run_start = result_runner(__name__)   # the doctests' helper (calc/doctest_helper.py)
