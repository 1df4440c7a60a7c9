"""`flexible-arrears`: "I stopped paying for a few months — what now?" (flexible employment).

The rules are policy data: both cities stop benefits from the month after the
arrears (`arrears_benefits_stop`) and restore them on payment within a grace of
`arrears_grace_months`; beyond it 衡阳 suspends enrolment and waits
`restoration_wait_days` days, 周口 waits `arrears_waiting_months` months.
周口 also has a first-enrolment rule and a switching rule (parameters
`first_enrolment_wait_months`, `chronic_disease_wait_months`, `switch_*`).
How a wait after payment is counted is data too (`waiting_period_counting`, as for residents): both
cities' texts leave it open, so it is our reading (the payment day not counted), the other count's date
and the safe date beside (`benefits_from_other_count`, `benefits_safe_from`); so are a first enrolment's
months (`first_enrolment_wait_counting`) and what the grace counts (`arrears_grace_counting`: the months
unpaid, or how long the arrears ran, the other shown beside).
The monthly contribution comes from `flexible-contribution` itself.

Its parts: calc/flexible_arrears_due.py (each unpaid month priced at the policy in force for it) and
calc/flexible_arrears_rules.py (the grace, the waits, first enrolment, the switch).

衡阳 2023: 3 months unpaid (含) and paid up → restored the day the money arrives,
the gap covered retroactively; the arrears are 3 × 301.88:

>>> r = run_arrears("hunan/hengyang/2023-flexible-employment",
...                 {"unpaid_months": ["2023-03", "2023-04", "2023-05"], "payment_date": "2023-06-10"})
>>> [r[k] for k in ("arrears_months", "monthly_contribution", "arrears_due", "status")]
[3, '301.88', '905.64', 'restored']
>>> [r[k] for k in ("benefits_suspended_from", "benefits_from", "retroactive", "waiting_days")]
['2023-04-01', '2023-06-10', True, 0]

4 months → 暂停参保; benefits "从缴费30日后" (reading `thirty-days`: day 31 after payment), not back-dated:

>>> r = run_arrears("hunan/hengyang/2023-flexible-employment",
...                 {"unpaid_months": "2023-01 2023-02 2023-03 2023-04", "payment_date": "2023-05-01"})
>>> [r[k] for k in ("arrears_months", "arrears_due", "status", "benefits_from", "retroactive", "waiting_days")]
[4, '1207.52', 'suspended_enrolment', '2023-06-01', False, 30]
>>> [r[k] for k in ("benefits_from_other_count", "benefits_safe_from")]   # day 30 with the payment day as day 1
['2023-05-31', '2023-06-01']

周口 2024: more than 3 months → a 3-month waiting period (reading `three-month-wait`);
the text does not say whether the gap is covered (retroactive: null):

>>> r = run_arrears("henan/zhoukou/2024-flexible-employment",
...                 {"unpaid_months": ["2024-07", "2024-08", "2024-09", "2024-10"], "payment_date": "2024-11-15",
...                  "average_monthly_wage": "7000"})
>>> [r[k] for k in ("arrears_due", "status", "waiting_months", "benefits_from", "retroactive", "payback_required")]
['1792.00', 'waiting_period', 3, '2025-02-16', None, None]

First enrolment: benefits after 3 consecutive paid months, 门诊慢特病 after 6:

>>> r = run_arrears("henan/zhoukou/2024-flexible-employment",
...                 {"first_enrolment": True, "paid_months": 1, "payment_date": "2024-07-05", "average_monthly_wage": "7000"})
>>> [r[k] for k in ("status", "benefits_from", "chronic_disease_claims_from")]
['first_enrolment_wait', '2024-10-01', '2025-01-01']
"""
from __future__ import annotations

from typing import Any

import datetime as dt

from .dates import add_months, counting_problems, first_of_next_month
from .waits import grace_counting_problems, month_counting_problems
from .errors import InputError, InputErrors
from .flexible_arrears_due import _contribution, _money, _month_start, _rules_of_this_policy
from .flexible_arrears_rules import (_alternative_reading, _arrears_rule, _first_enrolment_rule, _switch_rule, grace_count,
                                     other_count_result)
from .flexible_contribution import INPUTS as CONTRIBUTION_INPUTS
from .flexible_contribution import PARAMETERS as CONTRIBUTION_PARAMETERS
from .inputs import Choice, InputSpec, Text
from .money import money_str
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step, step
from .doctest_helper import result_runner

_WAGE = next(spec for spec in CONTRIBUTION_INPUTS if spec.name == "average_monthly_wage")

INPUTS = (
    InputSpec("unpaid_months", "month_list", Text("欠费（未缴）月份", "Months not paid"),
              help=Text("没有按时缴费的月份，形如 2023-03，可填多个（用逗号或空格分开）。切换参保时填中断缴费的月份。",
                        "The months you did not pay on time, written like 2023-03; list several separated by commas "
                        "or spaces. When switching schemes, list the months with no contributions.")),
    InputSpec("payment_date", "date", Text("缴费（到账）日期", "Payment date (when the money arrives)"), required=True,
              help=Text("补足欠费或恢复正常缴费、钱款到账的日期。", "The day your back-payment or resumed payment arrives.")),
    _WAGE,
    InputSpec("first_enrolment", "boolean", Text("首次参加灵活就业人员医保", "First time in flexible-employment insurance"),
              default=False, applies_when="has:first_enrolment_wait_months",
              help=Text("首次参保须连续缴费满一定月数才能享受待遇。", "First-time members must pay for some consecutive months before benefits start.")),
    InputSpec("paid_months", "integer", Text("已连续缴费月数（含本次缴费所在月）", "Consecutive months paid (including the month of this payment)"),
              minimum=1, maximum=1200, applies_when="has:first_enrolment_wait_months",
              help=Text("首次参保或不满切换年限时需要：到本次缴费为止连续缴了几个月。",
                        "Needed for first-time members: how many consecutive months you will have paid with this payment.")),
    InputSpec("switched_from_employee", "boolean", Text("从职工医保切换过来", "Switching over from employee insurance"),
              default=False, applies_when="has:switch_continuous_years",
              help=Text("因就业等变化，从职工医保转为灵活就业人员医保。", "You move from employee insurance to flexible-employment insurance, e.g. after a job ends.")),
    InputSpec("continuous_years_before_switch", "integer", Text("切换前已连续参保年数", "Continuous years insured before the switch"),
              minimum=0, maximum=100, applies_when="has:switch_continuous_years",
              help=Text("切换前连续参加基本医疗保险的整年数。", "Whole years of continuous basic medical insurance before the switch.")),
)

STATUSES = (
    Choice("restored", Text("缴费后恢复待遇", "Benefits restored on payment")),
    Choice("suspended_enrolment", Text("暂停参保，补缴后等待", "Enrolment suspended; wait after paying up")),
    Choice("waiting_period", Text("缴费后有待遇等待期", "Waiting period after payment")),
    Choice("first_enrolment_wait", Text("首次参保，须连续缴费满期", "First enrolment: consecutive months needed")),
    Choice("seamless_switch", Text("切换参保，无缝衔接", "Switch without a break in benefits")),
    Choice("eligible", Text("可以享受待遇", "Entitled to benefits")),
)

OUTPUTS = (
    OutputSpec("arrears_months", "integer", Text("欠费（中断）月数", "Months not paid")),
    OutputSpec("warnings", "list", Text("提示", "Warnings")),
    OutputSpec("monthly_contribution", "money", Text("每月应缴（元）", "Monthly contribution (yuan)")),
    OutputSpec("arrears_due", "money", Text("欠费月份合计应缴（元）", "Contributions for the unpaid months (yuan)"),
               lead=Text("欠费月份应缴 {}", "{} due for the unpaid months")),
    OutputSpec("payback_required", "boolean", Text("须补缴欠费", "Arrears must be paid back")),
    OutputSpec("benefits_suspended_from", "date", Text("停止享受待遇日期", "Benefits stopped from")),
    OutputSpec("status", "text", Text("状态", "Status"), STATUSES,
               lead=Text("{}", "{}")),
    OutputSpec("benefits_from", "date", Text("恢复（开始）享受待遇日期", "Benefits (again) from"),
               lead=Text("{} 起享受待遇", "covered from {}")),
    OutputSpec("retroactive", "boolean", Text("欠费期间待遇可追溯", "Unpaid period covered retroactively")),
    OutputSpec("waiting_days", "integer", Text("等待天数", "Waiting days")),
    OutputSpec("waiting_months", "integer", Text("等待月数", "Waiting months")),
    # the wait counted the other way the policy names (`waiting_period_counting.alternative`), and the later of the two
    OutputSpec("benefits_from_other_count", "date", Text("按另一种数法的享受待遇日期", "Benefits from, counted the other way")),
    OutputSpec("benefits_safe_from", "date", Text("稳妥起见，按此日起才有待遇", "To be safe, count on benefits from")),
    OutputSpec("chronic_disease_claims_from", "date", Text("可申报门诊慢特病日期", "Chronic-disease outpatient claims from")),
    # the other reading of "欠缴…3个月内（含）": how long the arrears have run (reading `arrears-dates`)
    OutputSpec("arrears_run_months", "integer", Text("欠费已持续月数（另一种读法）", "Months the arrears have run (other reading)")),
    OutputSpec("alternative_status", "text", Text("按欠费持续时间计的状态（另一种读法）", "Status by how long the arrears ran (other reading)"),
               STATUSES),
    OutputSpec("alternative_benefits_from", "date", Text("按欠费持续时间计的享受待遇日期（另一种读法）",
                                                         "Benefits from, by how long the arrears ran (other reading)")),
    OutputSpec("alternative_retroactive", "boolean", Text("按欠费持续时间计，欠费期间待遇可追溯（另一种读法）",
                                                          "Unpaid period covered, by how long the arrears ran (other reading)")),
)


def _check_dates(policy: Policy, values: dict[str, Any], unpaid: list[str], in_arrears: bool) -> None:
    """Inputs valid alone but wrong together: bilingual errors, never an exception."""
    payment: dt.date = values["payment_date"]
    effective = policy.data["effective"]
    start = dt.date.fromisoformat(effective["from"])
    errors = []
    if payment < start:
        errors.append(InputError("payment_date", f"缴费日期早于本政策施行日期（{start}）。",
                                 f"The payment date is before this policy took effect ({start})."))
    if payment.year > 9000:
        errors.append(InputError("payment_date", "缴费日期不合理。", "The payment date is not plausible."))
    if unpaid and _month_start(unpaid[-1]) > payment:
        errors.append(InputError("unpaid_months", f"欠费月份 {unpaid[-1]} 晚于缴费日期 {payment}。",
                                 f"The unpaid month {unpaid[-1]} is after the payment date {payment}."))
    # (months outside this policy are priced by the series' other members: see flexible_arrears_due._member)
    if in_arrears and unpaid and payment < first_of_next_month(_month_start(unpaid[0])):
        errors.append(InputError(
            "payment_date", f"缴费日期在第一个欠费月份 {unpaid[0]} 之内：待遇从欠费次月才停止，尚未形成欠费后果。",
            f"The payment falls within the first unpaid month {unpaid[0]}: benefits stop only from the next month, "
            "so the arrears have had no effect yet."))
    if errors:
        raise InputErrors(errors)


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    unpaid: list[str] = values["unpaid_months"] or []
    payment: dt.date = values["payment_date"]
    n = len(unpaid)
    first = bool(values["first_enrolment"])
    switching = bool(values["switched_from_employee"])
    errors = []
    if switching and values["continuous_years_before_switch"] is None:
        errors.append(InputError("continuous_years_before_switch", "切换参保时请填写切换前已连续参保年数。",
                                 "When switching schemes, enter the continuous years insured before the switch."))
    switch_applies = switching and values["continuous_years_before_switch"] is not None and \
        values["continuous_years_before_switch"] >= int(policy.decimal("switch_continuous_years"))
    first_applies = first and not switch_applies
    # switching into this scheme for the first time: the gap months come before joining it, so they are
    # not arrears of this scheme and no benefits of it can stop then (issue 15 point 16)
    gap_before_joining = switching and first_applies
    if first_applies and values["paid_months"] is None:
        errors.append(InputError("paid_months", "首次参保时请填写已连续缴费月数。",
                                 "For a first enrolment, enter the consecutive months paid."))
    if not unpaid and not first_applies and not switch_applies and not errors:
        # mention the first-enrolment box only where the policy has that rule (and so the form has it)
        has_first = policy.has("first_enrolment_wait_months")
        errors.append(InputError(
            "unpaid_months",
            "请填写没有按时缴费的月份" + ("（首次参保的请勾选“首次参加”）。" if has_first else "。"),
            "Enter the months you did not pay on time" + (" (first-time members: tick \"first time\")." if has_first else ".")))
    if errors:
        raise InputErrors(errors)
    _check_dates(policy, values, unpaid, in_arrears=not switch_applies and not gap_before_joining)
    if first_applies:
        run_start = add_months(payment.replace(day=1), -(values["paid_months"] - 1))
        overlap = [m for m in unpaid if _month_start(m) >= run_start]
        if overlap:
            raise InputErrors([InputError(
                "paid_months", f"连续缴费的月份（{run_start:%Y-%m} 起）与欠费月份 {'、'.join(overlap)} 重叠。",
                f"The consecutive paid months (from {run_start:%Y-%m}) overlap the unpaid months {', '.join(overlap)}.")])

    monthly, due, steps = _contribution(policy, values, unpaid if not (switch_applies or gap_before_joining) else [])
    result: dict[str, Any] = {"arrears_months": n, "monthly_contribution": monthly, "warnings": []}
    _rules_of_this_policy(policy, unpaid, steps, result["warnings"])
    if switch_applies:
        result["arrears_due"] = None
        result["payback_required"] = None
        steps.append(Step(
            "gap", f"切换参保前中断缴费 {n} 个月；原文未说明中断月份是否需要补缴，故不计算补缴金额。",
            f"{n} month(s) without contributions before the switch; the text does not say whether they must be paid, "
            "so no back-payment is computed.", {"gap_months": str(n)}))
        _switch_rule(policy, n, payment, result, steps)
        if first:
            result["chronic_disease_claims_from"] = None
            chronic = int(policy.decimal("chronic_disease_wait_months"))
            steps.append(step(
                policy, "chronic_after_switch",
                f"满足切换条件的，原文未说明首次参保须连续缴费 {chronic} 个月方可申报门诊慢特病的规定是否仍然适用。",
                f"For a qualifying switch, the text does not say whether the {chronic}-month rule for chronic-disease claims "
                "of first-time members still applies.", {}, ("chronic_disease_wait_months",)))
        return result, steps

    if gap_before_joining:
        result["arrears_due"] = None
        result["payback_required"] = None
        steps.append(step(
            policy, "gap_before_joining",
            f"首次参加灵活就业人员医保：切换前中断缴费的 {n} 个月在参加本险种之前，不是本险种的欠费，不计停止待遇日期和补缴金额；"
            "按首次参保的规定处理。",
            f"A first enrolment in flexible-employment insurance: the {n} month(s) without contributions before the switch "
            "come before joining this scheme, so they are not its arrears; no stop date or back-payment is computed, "
            "and the first-enrolment rule applies.",
            {"gap_months": str(n)}, ("switch_continuous_years", "first_enrolment_wait_months")))
        start, other = _first_enrolment_rule(policy, values, result, steps)
        result.update(status="first_enrolment_wait" if start > payment else "eligible",
                      benefits_from=start, waiting_months=int(policy.decimal("first_enrolment_wait_months")))
        other_count_result(start, other, result)
        return result, steps

    result["arrears_due"] = due
    result["payback_required"] = policy.value("arrears_payback_required")
    if switching:
        steps.append(step(
            policy, "switch_not_applicable",
            f"切换前连续参保 {values['continuous_years_before_switch']} 年，不满 {policy.decimal('switch_continuous_years')} 年："
            "切换规定不适用，按首次参保或欠费规定处理。",
            f"{values['continuous_years_before_switch']} continuous year(s) before the switch, fewer than "
            f"{policy.decimal('switch_continuous_years')}: the switching rule does not apply; the first-enrolment or arrears rules do.",
            {"continuous_years": str(values["continuous_years_before_switch"])}, ("switch_continuous_years",)))
    if n:
        suspended_from = first_of_next_month(_month_start(unpaid[0]))
        result["benefits_suspended_from"] = suspended_from
        steps.append(step(
            policy, "suspended",
            f"欠费月份 {'、'.join(unpaid)}，共 {n} 个月；从欠费次月起停止享受待遇：{suspended_from} 起。",
            f"Unpaid months {', '.join(unpaid)}: {n} in all; benefits stop from the month after the arrears, on {suspended_from}.",
            {"unpaid_months": " ".join(unpaid), "arrears_months": str(n), "benefits_suspended_from": suspended_from.isoformat()},
            ("arrears_benefits_stop",)))
        required = result["payback_required"]
        note_zh = {True: "须补足", False: "无须补缴", None: "原文未说明是否须补缴，仅供参考"}[required]
        note_en = {True: "must be paid back", False: "need not be paid back",
                   None: "the text does not say whether it must be paid back; for information"}[required]
        if due is None:   # a month's amount changed, by the payment date, to one the source does not give
            steps.append(step(
                policy, "arrears_due",
                f"欠费月份应缴：无法确定——有的月份按缴费日期适用调整后的数额，原文没有给出（见上）；计算器不按调整前的数值计算（{note_zh}）。",
                f"Contributions for the unpaid months: not determined — for some months the payment date brings a changed "
                f"amount the source does not give (see above); the calculator does not price them at the earlier value ({note_en}).",
                {"arrears_months": str(n), "arrears_due": "not determined"}, ("arrears_payback_required",)))
            result["warnings"].append({
                "id": "amount-not-stated",
                "zh": "欠费月份应缴的金额无法确定：按缴费日期适用调整后的缴费基准值，原文没有给出调整后的数额。请向当地医保或税务部门查询。",
                "en": "The amount due for the unpaid months is not determined: by the payment date an adjusted benchmark "
                      "applies, and the source does not give it. Ask the local healthcare security or tax office."})
        else:
            steps.append(step(
                policy, "arrears_due",
                (f"欠费月份应缴 = 每月 {money_str(monthly)} 元 × {n} 个月 = {money_str(due)} 元（{note_zh}）" if monthly is not None and due == monthly * n else
                 f"欠费月份应缴 = 各月应缴之和 = {money_str(due)} 元（{note_zh}）"),
                (f"Contributions for the unpaid months = {money_str(monthly)} yuan × {n} = {money_str(due)} yuan ({note_en})"
                 if monthly is not None and due == monthly * n else f"Contributions for the unpaid months = the months' amounts added up = {money_str(due)} yuan ({note_en})"),
                {"monthly_total": _money(monthly, False), "arrears_months": str(n), "arrears_due": money_str(due)},
                ("arrears_payback_required",)))
        _arrears_rule(policy, grace_count(policy, unpaid, payment), payment, result, steps)
    first_start = None
    if first_applies:
        start, other = _first_enrolment_rule(policy, values, result, steps)
        first_start = start
        if not n:
            result.update(status="first_enrolment_wait" if start > payment else "eligible",
                          benefits_from=start, waiting_months=int(policy.decimal("first_enrolment_wait_months")))
            other_count_result(start, other, result)
        else:
            # both rules apply: the later date governs, by our reading and by the other counts alike
            arrears_from = result["benefits_from"]
            arrears_other = result.get("benefits_from_other_count") or arrears_from
            if start > arrears_from:
                result.update(status="first_enrolment_wait", benefits_from=start,
                              waiting_months=int(policy.decimal("first_enrolment_wait_months")))
                steps.append(Step("combined", f"两项规定都适用，以较晚的日期为准：{start} 起享受待遇。",
                                  f"Both rules apply; the later date governs: benefits from {start}.",
                                  {"benefits_from": start.isoformat()}))
            other_count_result(result["benefits_from"], max(arrears_other, other or start), result)
    if n:
        _alternative_reading(policy, unpaid, payment, first_start, result, steps)
    return result, steps


# what compute reads from a policy: the monthly contribution's parameters, then the arrears rules
PARAMETERS = CONTRIBUTION_PARAMETERS + (
    Parameter("arrears_benefits_stop", ("rule",), Text(
        "欠费后从次月起停止待遇（引用的原句；value 可为 null）。", "Benefits stop from the month after the arrears (the sentence cited; value may be null).")),
    Parameter("arrears_grace_months", ("months",), Text(
        "欠费不超过这么多个月（含），补缴后即恢复待遇。", "Arrears of up to this many months (inclusive) are restored on payment.")),
    Parameter("arrears_grace_counting", ("rule",), Text(
        "宽限期（“欠费 N 个月以内（含）”）数的是什么：{counted_as: unpaid_months（欠费月数）| months_run（从第一个欠费月份到缴费"
        "所在月份之前已经持续的月数）, alternative: 另一种读法（可选；结果同时列出其状态和日期）}；没有此参数时按欠费月数，"
        "并列出持续月数的读法。",
        "What the grace (\"arrears within N months, inclusive\") counts: {counted_as: unpaid_months (the months not paid) | "
        "months_run (how long the arrears ran, from the first unpaid month to the month before payment), alternative: another "
        "reading (optional; the result shows its status and date too)}; without it, the months not paid, with the months-run "
        "reading beside."),
        required=False, check=grace_counting_problems),
    Parameter("arrears_retroactive_within_grace", ("rule",), Text(
        "宽限期内补缴，欠费期间的待遇能否追溯：true / false / null（原文未说）。",
        "Within the grace, is the unpaid period covered retroactively: true / false / null (not said).")),
    Parameter("arrears_retroactive_beyond_grace", ("rule",), Text(
        "超过宽限期补缴，欠费期间的待遇能否追溯：true / false / null。",
        "Beyond the grace, is the unpaid period covered: true / false / null.")),
    Parameter("arrears_payback_required", ("rule",), Text(
        "欠费月份是否须补缴：true / false / null（原文未说）。", "Must the unpaid months be paid back: true / false / null (not said).")),
    Parameter("arrears_suspension", ("months", "rule"), Text(
        "超过宽限期按暂停参保处理（有此参数即暂停）。", "Beyond the grace, enrolment is suspended (its presence says so)."), required=False),
    Parameter("restoration_wait_days", ("days",), Text(
        "超过宽限期，补缴后等待的天数（怎样数见 waiting_period_counting）。",
        "Beyond the grace, days to wait after paying (how they are counted: waiting_period_counting)."),
        required=False),
    Parameter("arrears_waiting_months", ("months",), Text(
        "超过宽限期，补缴后从缴费之日起的等待月数（怎样数见 waiting_period_counting）。",
        "Beyond the grace, months to wait from the payment date (how they are counted: waiting_period_counting)."),
        when="lacks:restoration_wait_days"),
    Parameter("waiting_period_counting", ("rule",), Text(
        "缴费后的等待期（欠费超过宽限期、切换中断过长）怎样起算：{counted_from: payment_day | day_after_payment | "
        "month_of_payment | month_after_payment, alternative: 另一种读法（可选；结果同时列出其日期和稳妥的日期）}；"
        "原文没写的，status: inferred 并写 how。没有此参数时缴费当日不计入。",
        "How a wait after payment (arrears beyond the grace, a long switching gap) is counted: {counted_from: payment_day | "
        "day_after_payment | month_of_payment | month_after_payment, alternative: another reading (optional; the result shows "
        "its date and the safe date too)}; where the text does not say, status: inferred with how. Without it the payment "
        "day is not counted."),
        required=False, check=counting_problems),
    Parameter("first_enrolment_wait_months", ("months",), Text(
        "首次参保须连续缴费满这么多个月才享受待遇；有此参数，表单才问是否首次参保。",
        "First-time members wait this many consecutive paid months; with it the form asks about a first enrolment."),
        required=False),
    Parameter("first_enrolment_wait_counting", ("rule",), Text(
        "首次参保的连续缴费月数怎样数：{counted_from: month_of_payment（第一个缴费月算第 1 个月）| month_after_payment"
        "（从其次月数起）, alternative: 另一种读法（可选；结果同时列出其日期和稳妥的日期）}；没有此参数时按 month_of_payment。",
        "How a first enrolment's consecutive months are counted: {counted_from: month_of_payment (the first month paid for is "
        "month 1) | month_after_payment (counted from the next), alternative: another reading (optional; the result shows its "
        "date and the safe date too)}; without it, month_of_payment."),
        when="has:first_enrolment_wait_months", required=False, check=month_counting_problems),
    Parameter("chronic_disease_wait_months", ("months",), Text(
        "首次参保连续缴费满这么多个月后，可申报门诊慢特病。", "First-time members can claim for chronic-disease outpatient care after this many months."),
        when="has:first_enrolment_wait_months"),
    Parameter("switch_continuous_years", ("years",), Text(
        "从职工医保切换过来、此前连续参保满这么多年的，适用切换规定；有此参数，表单才问切换。",
        "Switching from employee insurance after this many continuous years follows the switching rule; with it the form asks."),
        required=False),
    Parameter("switch_gap_months", ("months",), Text(
        "切换时中断缴费不超过这么多个月（含）即无缝衔接。", "A switching gap of up to this many months (inclusive) has no break in benefits."),
        when="has:switch_continuous_years"),
    Parameter("switch_waiting_months", ("months",), Text(
        "切换中断超过上述月数时的等待月数。", "The waiting months when the switching gap is longer."),
        when="has:switch_continuous_years"),
)

CALCULATOR = Calculator(
    name="flexible-arrears",
    title=Text("灵活就业人员欠费后的待遇", "Benefits after missed flexible-employment payments"),
    description=Text(
        "停缴了几个月怎么办：待遇何时停止、补缴多少、何时恢复、有没有等待期。",
        "Stopped paying for a few months? When benefits stop, what the missed months cost, when benefits return and whether you wait.",
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=_compute,
    parameters=PARAMETERS,
)


run_arrears = result_runner(__name__)   # the doctests' helper (calc/doctest_helper.py)
