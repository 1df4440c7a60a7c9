"""`resident-benefit-start`: what a resident pays for the year and from when they are covered.

The rules are policy data. County notices (平江, 双清 2023) give the collection period
(`collection_period_start`/`_end`, optionally `collection_period_extension_end`), the
benefit year (`benefit_period_start`/`_end`), one declared special case per situation
(`special_case_<situation>`: its deadline, counting, fee, cover and late answer —
calc/enrolment_special_cases.py), what those cases pay (`special_cases_contribution`), the late
rule (`late_enrolment`: individual + fiscal, `month_after_payment`) and refunds
(`refund_deadline`, `no_refund_from`: calc/enrolment_refunds.py). 湖南 2025 and 2026 state windows
(`enrolment_windows`) with a named wait (`waiting_period_rule`: `fixed_waiting_period_months`,
`variable_waiting_rule`, `waiting_period_counting`, `fixed_waiting_period_applies_to`); so do the 2025 provincial
measures, whose windows name a collection period the text does not date (`collection_period_start`/`_end`
`not_stated`): only there is "paid in the collection period" asked, and the open benefit year said to be open.

Two shapes of policy, one module each, chosen by what the policy states:

- `enrolment_windows` → calc/enrolment_windows.py: windows by date (or by the dates they name; not stated: the
  reader says which), each saying what is paid, from when cover starts, which wait applies and which benefit year it buys;
- otherwise → calc/enrolment_collection.py: the collection period (+ a township's extension) as windows, the
  declared special cases and the late rule's listed cases after it.

Waits in steps are calc/enrolment_wait.py, waits and counting conventions as data calc/waits.py; special cases
calc/enrolment_special_cases.py, a newborn's waived fee calc/enrolment_newborns.py; the situations, payers and late
cases in words calc/enrolment_words.py; the amounts and the step collector calc/enrolment_run.py. Day windows count
as the special case's `counting`, else `day_window_counting` says (reading `ninety-days`; without either the event
day is day 0).

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

Hunan's 2025 measures date no collection period: the reader says the payment was outside it; a fixed 3-month
waiting period from the day of payment:

>>> r = run_start("hunan/2025-enrolment-measures", {"payment_date": "2025-03-15", "paid_in_collection_period": False})
>>> r["waiting_period_end"], r["cover_from"], r["amount"], r["determined"]
('2025-06-14', '2025-06-15', None, False)
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import rule_checks
from .charts import Mark, Span, timeline
from .dates import ONE_DAY, counting_problems
from .doctest_helper import result_runner
from .enrolment_collection import run_collection
from .enrolment_newborns import newborn_rule_problems, newborn_waiver_problems, previous_year_problems
from .enrolment_refunds import reason_problems
from .enrolment_run import Run
from .enrolment_special_cases import case_problems
from .enrolment_windows import run_windows, window_problems
from .enrolment_words import BASIS, CIRCUMSTANCES, EVENT, PAID_BY, REFUND, REFUND_REASONS, late_rule_problems
from .errors import InputError, InputErrors
from .enrolment_words import late_rule_text  # noqa: F401  (re-exported: the summaries' late sentence, tests/test_fidelity_resident.py)
from .inputs import Choice, InputSpec, Text
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step
from .waits import day_counting_problems, variable_rule_problems

SPECIAL_CASES = "has:special_cases_contribution|has:newborn_fee_waiver|has:newborn_rule|has:special_case_*"   # the policies that ask about the situation
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
              applies_when="unstated:collection_period_start"),   # asked only when the dates are not stated: else the payment date decides
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
    OutputSpec("pay_by", "date", Text("最迟缴费日（最稳妥的数法）", "Pay by (the safest way of counting)"),
               lead=Text("期限内最迟 {} 缴费", "deadline {}")),
    OutputSpec("waiting_period_end", "date", Text("固定等待期最后一天", "Last day of the fixed waiting period")),
    OutputSpec("cover_from", "date", Text("享受待遇起始日", "Covered from"),
               lead=Text("{} 起享受待遇", "covered from {}")),
    OutputSpec("cover_to", "date", Text("待遇期结束日", "Covered until"), lead=Text("至 {}", "until {}")),
    OutputSpec("cover_from_alternative", "date", Text("按另一种等待期算法的起始日", "Covered from, counting the wait the other way")),
    OutputSpec("benefit_year_end", "date", Text("这笔缴费所买待遇年度的末日", "End of the benefit year this payment buys")),
    OutputSpec("paid_by", "text", Text("个人缴费由谁缴纳", "Contribution paid by"), tuple(Choice(k, v) for k, v in PAID_BY.items()),
               lead=Text("缴费人：{}", "who pays: {}")),
    OutputSpec("refund", "text", Text("能否退费", "Refunds"), tuple(Choice(k, v) for k, v in REFUND.items())),
    OutputSpec("refund_deadline", "date", Text("退费截止日", "Last day for a refund")),
    OutputSpec("determined", "boolean", Text("原文能否确定结果", "Result fixed by the sources")),
    OutputSpec("warnings", "list", Text("提示", "Warnings")),
)


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    run = Run(policy, values)
    # a windows policy's declared cases say which situations take a date
    if policy.has("enrolment_windows") and values.get("event_date") is not None and values.get("circumstance") not in EVENT:
        raise InputErrors([InputError("event_date", "所选情形不需要填写相关日期：请选择“新生儿”，或清空这个日期。",
                                      "The situation chosen takes no event date: choose “Newborn”, or clear the date.")])
    if policy.has("enrolment_windows"):
        run_windows(run)
    else:
        run_collection(run)
    result = run.result
    if "amount_basis" in result and "paid_by" not in result:   # "who pays" always names a payer
        result["paid_by"] = "self"
    result["determined"] = run.determined and result.get("amount", 0) is not None
    result["warnings"] = run.warnings
    result["_timeline"] = _timeline_data(run)
    result["_lead"] = run.leads
    return result, run.steps


def _timeline_data(run: Run) -> dict[str, Any]:
    r = run.result
    data = dict(run.chart)
    data["cover_from"] = r.get("cover_from")
    data["cover_to"] = r.get("cover_to")
    data["has_cover"] = "cover_from" in r
    data["variable"] = run.policy.is_open("variable_waiting_period") if run.policy.has("variable_waiting_period") else False
    data["event_label"] = EVENT.get(run.values.get("circumstance") or "")
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


def _charts(result: dict[str, Any]) -> dict[str, Any]:
    data = result.get("_timeline") or {}
    out = {}
    for lang in ("zh", "en"):
        t: Callable[[str], str] = lambda key: getattr(LABELS[key], lang)  # noqa: E731
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


SITUATIONS = [code for code in CIRCUMSTANCES if code != "regular"]   # what special_case_<situation> may name
# what compute reads from a policy (calc/parameters.py). Two shapes: windows (`enrolment_windows`, their dates stated
# or not) or a county notice (collection period, special cases).
COUNTY = "lacks:enrolment_windows"
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
        "缴费时段：[{from, to（日期或日期参数名）, period: collection | outside, pays: individual | individual_plus_fiscal | "
        "waived | not_stated, cover_from: benefit_year_start | payment_day | day_after_payment | month_after_payment | "
        "after_wait, wait_days | wait_months（及 counted_from）| wait: waiting_period_rule 参数名, buys: late_payment_benefit_year "
        "参数名}]；由缴费日期决定所在时段；有此参数即按时段计算（写明 benefit_period_start/_end；没有写明时说待遇年度未定）。"
        "原文没有写集中缴费期的日期时，时段指向 not_stated 的 collection_period_start/_end（一个 collection、一个 outside），"
        "表单改问是否在集中缴费期内缴费。",
        "Enrolment windows: [{from, to (a date or a date parameter's name), period: collection | outside, pays: individual | "
        "individual_plus_fiscal | waived | not_stated, cover_from: benefit_year_start | payment_day | day_after_payment | "
        "month_after_payment | after_wait, wait_days | wait_months (with counted_from) | wait: a waiting_period_rule's name, "
        "buys: a late_payment_benefit_year's name}]; the payment date picks the window; with it the windows decide "
        "(state benefit_period_start/_end; without them the year is said to be open). Where the source gives no dates for "
        "its collection period, the windows name a not_stated collection_period_start/_end (one collection, one outside) "
        "and the form asks whether the payment fell in the period."),
        required=False, check=window_problems),
    Parameter("waiting_period_rule", ("rule",), Text(
        "一个时段的等待期（enrolment_windows[].wait 指向它）：{fixed: 固定月数的参数名, applies_to: 适用人员的参数名, "
        "counting: 起算方式的参数名, variable: 变动等待期的参数名}，每一部分都在自己的参数里带着引文。",
        "A window's wait (enrolment_windows[].wait names it): {fixed: the fixed months' parameter, applies_to: whom it "
        "applies to, counting: how it is counted, variable: the variable part}, each part a parameter with its own quote."),
        required=False, check=rule_checks.waiting_period_rule),
    Parameter("newborn_rule", ("rule",), Text(
        "新生儿（special_case_newborn 的旧写法）：{window_days, counting: day_0 | day_1, within: {pays, cover_from}, late: {pays, cover_from}}（cover_from 可为 birth）。",
        "Newborns (the older spelling of special_case_newborn): {window_days, counting: day_0 | day_1, within: {pays, cover_from}, "
        "late: {pays, cover_from}} (cover_from may be birth)."),
        required=False, when="has:enrolment_windows", check=newborn_rule_problems),
    Parameter("late_enrolment", ("rule",), Text(
        "逾期参保：个人缴费 + 财政补助，从缴费次月起享受待遇；{cases: [...]} 列出原文的逾期情形。",
        "Late enrolment: contribution + subsidy, covered from the month after payment; {cases: [...]} lists the source's late cases."),
        when="lacks:enrolment_windows", check=late_rule_problems),
    Parameter("fixed_waiting_period_months", ("months",), Text(
        "固定待遇等待期（月）；由 waiting_period_rule 的 fixed 指向；有此参数，表单才问是否连续参保。",
        "A fixed waiting period (months), named by a waiting_period_rule's fixed; with it the form asks about continuous cover."),
        required=False),
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
    Parameter("fixed_waiting_period_from", ("date",), Text(
        "固定等待期施行之日（引用的原句；最早的缴费日期按政策的 governs.contributions.from）。",
        "The day the fixed waiting period starts to apply (the sentence cited; the earliest payment date is the policy's "
        "governs.contributions.from)."), required=False),
    Parameter("fixed_waiting_period_applies_to", ("list",), Text(
        "等待期适用于：not_enrolled_in_collection_period、not_continuously_enrolled。",
        "Whom the waiting period applies to: not_enrolled_in_collection_period, not_continuously_enrolled."), required=False),
    Parameter("in_period_contribution", ("text",), Text(
        "集中缴费期内按个人缴费标准缴纳（引用的原句；金额由时段的 pays 决定）。",
        "In the collection period you pay the individual contribution (the sentence cited; the window's pays prices it)."),
        required=False),
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
        "集中缴费期第一天；写明时由缴费日期判断是否在期内；原文没有写日期时为 not_stated（value 为 null），表单改问是否在期内缴费。",
        "First day of the collection period; stated, the payment date decides; where the source gives no date it is not_stated "
        "(value null) and the form asks whether the payment fell in the period."),
        when=COUNTY),
    Parameter("collection_period_end", ("date",), Text("集中缴费期最后一天。", "Last day of the collection period."), when=COUNTY),
    Parameter("collection_period_extension_end", ("date",), Text(
        "乡镇延长缴费期的最后一天；有此参数，表单才问是否延长。", "Last day of a township's extended period; with it the form asks."), required=False),
    Parameter("benefit_period_start", ("date",), Text(
        "待遇期第一天；待遇不早于这天开始（没有写明时，说待遇年度未定）。",
        "First day of the insurance (benefit) year; cover never starts before it (not stated: the year is said to be open)."),
        when=COUNTY),
    Parameter("benefit_period_end", ("date",), Text("待遇期最后一天。", "Last day of the insurance (benefit) year."), when=COUNTY),
    Parameter("mid_year_enrolment", ("text",), Text(
        "缴费期后普通居民原则上不得中途参保（引用的原句）。", "After the period ordinary residents may not enrol mid-year (the sentence cited)."), when=COUNTY),
    Parameter("special_cases_contribution", ("text",), Text(
        "特殊情形按个人缴费标准缴纳；有此参数，表单才问参保情形。",
        "Special cases pay the individual contribution; with it the form asks about the situation."), required=False),
    Parameter("day_window_counting", ("rule",), Text(
        "天数期限（如“90天内”）的数法：{event_day: day_0 | day_1, alternative: 另一种数法（可选，结果同时列出最稳妥的截止日）}；"
        "没有此参数时事件当天为第0天。",
        "How a window in days (\"within 90 days\") is counted: {event_day: day_0 | day_1, alternative: another reading "
        "(optional; the result shows the safest last day)}; without it the event day is day 0."),
        required=False, check=day_counting_problems),
    Parameter("special_case_<situation>", ("rule",), Text(
        "一种特殊情形自己的规则（calc/enrolment_special_cases.py）：{window_days: 期限天数（可选，没有则随参随缴）, "
        "window_from: date_of_birth | date_entered_welfare_institution | date_employee_insurance_lapsed, "
        "counting: day_0 | day_1（可选，默认按 day_window_counting，再默认 day_0）, "
        "pays: individual | individual_plus_fiscal | waived | not_stated, benefits_from: date_of_birth | "
        "date_entered_welfare_institution | date_employee_insurance_lapsed | payment_date | day_after_payment | month_after_payment, "
        "late: late_enrolment | {pays, benefits_from}（有期限时必填：逾期后按逾期规则或所写的缴费与待遇）, "
        "in_collection_period: ordinary | own_rule（集中缴费期内缴费的是否按正常参保，默认 own_rule）, groups: [...], "
        "paid_by_within_collection_period / paid_by_outside_collection_period: 个人缴费由谁缴, condition, enrol_any_time}。"
        f"参数名中的情形为参保情形代码（{'、'.join(SITUATIONS)}）；"
        "special_case_employee_insurance_lapse、special_case_first_enrolment_groups、special_case_hardship_missed_collection 为旧名。",
        "One situation's own rule (calc/enrolment_special_cases.py): {window_days: the deadline in days (optional; "
        "without it, enrol any time), window_from: date_of_birth | date_entered_welfare_institution | "
        "date_employee_insurance_lapsed, counting: day_0 | day_1 (optional; else day_window_counting, else day_0), "
        "pays: individual | individual_plus_fiscal | waived | not_stated, benefits_from: date_of_birth | "
        "date_entered_welfare_institution | date_employee_insurance_lapsed | payment_date | day_after_payment | "
        "month_after_payment, late: late_enrolment | {pays, benefits_from} (needed with a deadline: after it, the late "
        "rule or the fee and cover given), in_collection_period: ordinary | own_rule (whether paying within the "
        "collection period is ordinary enrolment; default own_rule), groups: [...], paid_by_within_collection_period / "
        "paid_by_outside_collection_period: who pays the contribution, condition, enrol_any_time}. The name carries "
        f"the situation code ({', '.join(SITUATIONS)}); special_case_employee_insurance_lapse, "
        "special_case_first_enrolment_groups and special_case_hardship_missed_collection are older names."),
        required=False, check=case_problems),
    Parameter("refund_deadline", ("date",), Text("可申请退费的最后一天。", "Last day a refund may be applied for."), required=False),
    Parameter("refund_reasons", ("list",), Text(
        f"可退费的情形：{'、'.join(REFUND_REASONS)}（calc/enrolment_refunds.py）。",
        f"The reasons a refund is possible: {', '.join(REFUND_REASONS)} (calc/enrolment_refunds.py)."), when="has:refund_deadline",
        check=reason_problems),
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
