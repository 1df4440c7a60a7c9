"""`flexible-contribution`: what a flexible-employment worker pays for employee medical insurance.

base  = reference wage × base ratio, rounded as the policy says
basic = base × rate, rounded to the fen (ROUND_HALF_UP) unless the policy says otherwise

衡阳 2023 reproduces every figure the Hengyang Daily published:

>>> r = run_flexible("hunan/hengyang/2023-flexible-employment", {})
>>> [r[k] for k in ("base", "rate", "basic_monthly", "basic_annual")]
['3586.00', '0.08', '286.88', '3442.56']
>>> [r[k] for k in ("critical_illness_monthly", "critical_illness_annual", "monthly_total", "annual_total")]
['15.00', '180.00', '301.88', '3622.56']
>>> run_flexible("hunan/hengyang/2023-flexible-employment", {"months": 6})["period_total"]
'1811.28'

周口 2024 states the rate (6.4 %) but not the wage or the 大额补充 premium; both are inputs:

>>> r = run_flexible("henan/zhoukou/2024-flexible-employment", {"average_monthly_wage": "7000"})
>>> [r[k] for k in ("base", "rate", "basic_monthly", "monthly_total", "annual_total", "supplementary_annual")]
['7000.00', '0.064', '448.00', '448.00', '5376.00', None]
>>> run_flexible("henan/zhoukou/2024-flexible-employment",
...              {"average_monthly_wage": "7000", "supplementary_annual": "100", "months": 3})["period_total"]
'1444.00'
"""
from __future__ import annotations

from decimal import Decimal

from .inputs import InputSpec, Text
from .parameters import Parameter
from .money import cents, money_str, percent_str, plain_number, round_to
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step, step

MONTHS_A_YEAR = 12

INPUTS = (
    InputSpec("months", "integer", Text("缴费月数", "Months paid"), default=12, minimum=1, maximum=12,
              help=Text("本年度要缴几个月（1–12）。", "How many months of this year you pay for (1–12).")),
    InputSpec("average_monthly_wage", "money", Text("上年度全省月平均工资（元）", "Last year's provincial average monthly wage (yuan)"),
              help=Text("政策以此工资为缴费基数，但原文未给出数额：请按有关部门公布的数字填写。",
                        "The policy bases the contribution on this wage but its text gives no amount: enter the officially published figure."),
              applies_when="open:base_reference_wage"),
    InputSpec("supplementary_annual", "money", Text("大额补充医疗保险费（元/年）", "Supplementary major-illness premium (yuan/year)"),
              help=Text("原文未给出数额；不填则合计中不含此项。",
                        "The source gives no amount; leave blank to exclude it from the totals."),
              applies_when="has:supplementary_annual"),
)

OUTPUTS = (
    OutputSpec("base", "money", Text("缴费基数（元/月）", "Contribution base (yuan/month)")),
    OutputSpec("rate", "ratio", Text("缴费费率", "Contribution rate")),
    OutputSpec("basic_monthly", "money", Text("基本医保费（元/月）", "Basic insurance (yuan/month)")),
    OutputSpec("basic_annual", "money", Text("基本医保费（元/年）", "Basic insurance (yuan/year)")),
    OutputSpec("critical_illness_monthly", "money", Text("大病保险费（元/月）", "Critical-illness insurance (yuan/month)")),
    OutputSpec("critical_illness_annual", "money", Text("大病保险费（元/年）", "Critical-illness insurance (yuan/year)")),
    OutputSpec("supplementary_annual", "money", Text("大额补充医疗保险费（元/年）", "Supplementary major-illness premium (yuan/year)")),
    OutputSpec("monthly_total", "money", Text("每月合计（元）", "Monthly total (yuan)")),
    OutputSpec("months", "integer", Text("缴费月数", "Months paid")),
    OutputSpec("period_total", "money", Text("所选月数合计（元）", "Total for the months chosen (yuan)")),
    OutputSpec("annual_total", "money", Text("全年合计（元）", "Full-year total (yuan)")),
    OutputSpec("totals_complete", "boolean", Text("合计包含全部必缴费用", "Totals include every compulsory premium")),
    OutputSpec("warnings", "list", Text("提示", "Warnings")),
)


def _base(policy: Policy, values: dict) -> tuple[Decimal, Step]:
    ratio = policy.rate("base_ratio")
    if policy.is_open("base_reference_wage"):
        wage, wage_zh, wage_en = values["average_monthly_wage"], "（您填写的）", " (your input)"
    else:
        wage, wage_zh, wage_en = policy.decimal("base_reference_wage"), "", ""
    exact = wage * ratio
    rounding = policy.value("base_rounding") if policy.has("base_rounding") else None
    if rounding:
        base = round_to(exact, rounding["step"], rounding["mode"])
        how_zh = f"，按 {rounding['step']} 元取整（{rounding['mode']}）"
        how_en = f", rounded to {rounding['step']} yuan ({rounding['mode']})"
    else:
        base, how_zh, how_en = exact, "", ""
    figures = {"wage": money_str(wage), "ratio": percent_str(ratio), "exact": plain_number(exact), "base": money_str(base)}
    return base, step(
        policy, "base",
        f"缴费基数 = {money_str(wage)}{wage_zh} × {percent_str(ratio)} = {plain_number(exact)}{how_zh} → {money_str(base)} 元/月",
        f"Base = {money_str(wage)}{wage_en} × {percent_str(ratio)} = {plain_number(exact)}{how_en} → {money_str(base)} yuan/month",
        figures,
        tuple(n for n in ("base_reference_wage", "base_ratio", "base_rounding") if policy.has(n)),
    )


def _compute(policy: Policy, values: dict) -> tuple[dict, list[Step]]:
    months = values["months"]
    base, base_step = _base(policy, values)
    rate = policy.rate("contribution_rate")
    basic_monthly = cents(base * rate)
    steps = [base_step, step(
        policy, "basic_monthly",
        f"基本医保费 = {money_str(base)} × {percent_str(rate)} = {plain_number(base * rate)}，四舍五入到分 → {money_str(basic_monthly)} 元/月",
        f"Basic insurance = {money_str(base)} × {percent_str(rate)} = {plain_number(base * rate)}, rounded half-up to the fen → {money_str(basic_monthly)} yuan/month",
        {"base": money_str(base), "rate": percent_str(rate), "basic_monthly": money_str(basic_monthly)},
        ("contribution_rate",),
    )]

    critical = policy.decimal("critical_illness_monthly") if policy.has("critical_illness_monthly") else None
    if critical is not None:
        steps.append(step(
            policy, "critical_illness_monthly",
            f"大病保险费 {money_str(critical)} 元/月（全年 {money_str(critical * MONTHS_A_YEAR)} 元）",
            f"Critical-illness insurance {money_str(critical)} yuan/month ({money_str(critical * MONTHS_A_YEAR)} yuan a year)",
            {"critical_illness_monthly": money_str(critical)},
            ("critical_illness_monthly",),
        ))
    monthly_total = basic_monthly + (critical or 0)

    supplementary = values["supplementary_annual"]
    if policy.has("supplementary_annual"):
        if supplementary is None:
            steps.append(step(
                policy, "supplementary_annual",
                "大额补充医疗保险费按年缴纳，原文未给出数额，以下合计不含此项。",
                "The supplementary major-illness premium is paid yearly; the source gives no amount, so the totals below exclude it.",
                {}, ("supplementary_annual",),
            ))
        else:
            steps.append(step(
                policy, "supplementary_annual",
                f"大额补充医疗保险费按年缴纳一次：{money_str(supplementary)} 元（您填写的）",
                f"Supplementary major-illness premium, paid once a year: {money_str(supplementary)} yuan (your input)",
                {"supplementary_annual": money_str(supplementary)}, ("supplementary_annual",),
            ))
    yearly_extra = supplementary or Decimal(0)
    period_total = monthly_total * months + yearly_extra
    annual_total = monthly_total * MONTHS_A_YEAR + yearly_extra
    extra_zh = f" + {money_str(yearly_extra)}" if supplementary is not None else ""
    # a compulsory premium the source gives no amount for, and the user left blank, is not in the totals:
    # the totals themselves say so (issue 15 point 4), not only the table row
    left_out = policy.has("supplementary_annual") and supplementary is None
    out_zh = "（不含大额补充医疗保险费：原文未给出金额）" if left_out else ""
    out_en = " (excluding the supplementary major-illness premium: the source gives no amount)" if left_out else ""
    for sid, n, total in (("period_total", months, period_total), ("annual_total", MONTHS_A_YEAR, annual_total)):
        steps.append(Step(
            sid,
            f"{'所选月数' if sid == 'period_total' else '全年'}合计 = 每月合计 {money_str(monthly_total)} 元 × {n} 个月{extra_zh}"
            f" = {money_str(total)} 元{out_zh}",
            f"{'Total for the months chosen' if sid == 'period_total' else 'Full-year total'} = monthly total "
            f"{money_str(monthly_total)} yuan × {n} months{extra_zh} = {money_str(total)} yuan{out_en}",
            {"monthly_total": money_str(monthly_total), "months": str(n), sid: money_str(total)},
        ))
    warnings = [{
        "id": "supplementary-excluded",
        "zh": "合计不含必须同时参加的大额补充医疗保险费：原文未给出金额，请向当地医保部门查询后填写。",
        "en": "The totals exclude the supplementary major-illness premium, which is compulsory: the source gives no "
              "amount; ask the local healthcare security office and enter it.",
    }] if left_out else []
    result = {  # outputs a policy does not have are left out: the API reports them "not applicable"
        "base": base,
        "rate": rate,
        "basic_monthly": basic_monthly,
        "basic_annual": basic_monthly * MONTHS_A_YEAR,
        "monthly_total": monthly_total,
        "months": months,
        "period_total": period_total,
        "annual_total": annual_total,
        "totals_complete": not left_out,
        "warnings": warnings,
    }
    if critical is not None:
        result["critical_illness_monthly"] = critical
        result["critical_illness_annual"] = critical * MONTHS_A_YEAR
    if policy.has("supplementary_annual"):
        result["supplementary_annual"] = supplementary
    return result, steps


# what compute reads from a policy (calc/parameters.py; tests/test_authoring.py proves the list complete)
PARAMETERS = (
    Parameter("base_reference_wage", ("CNY/month",), Text(
        "缴费基数所依据的月工资（基准值或平均工资）。原文未给出（value 为 null）时，表单请用户填写。",
        "The monthly wage the base is taken from (benchmark or average wage). Left open (value null), the form asks for it.")),
    Parameter("base_ratio", ("percent",), Text("缴费基数占该工资的百分比。", "The base as a percentage of that wage.")),
    Parameter("base_rounding", ("rounding",), Text(
        "缴费基数的取整：{step: \"1\", mode: ROUND_HALF_UP}；没有则不取整。",
        "How the base is rounded: {step: \"1\", mode: ROUND_HALF_UP}; without it the base is not rounded."), required=False),
    Parameter("contribution_rate", ("percent",), Text("基本医保缴费费率（百分比）。", "The basic-insurance contribution rate (percent).")),
    Parameter("critical_illness_monthly", ("CNY/month",), Text(
        "每月随基本医保一起缴纳的大病保险费；计入每月合计。", "A monthly critical-illness premium paid with the basic insurance; part of the monthly total."),
        required=False),
    Parameter("supplementary_annual", ("CNY/year",), Text(
        "按年缴纳的大额补充医疗保险费；原文未给出金额时为 null，表单可选填。",
        "A yearly supplementary major-illness premium; null when the source gives no amount (the form then takes an optional figure)."),
        required=False),
)

CALCULATOR = Calculator(
    name="flexible-contribution",
    title=Text("灵活就业人员职工医保缴费", "Flexible-employment contribution to employee medical insurance"),
    description=Text(
        "按政策的缴费基数和费率，算出每月、所选月数和全年要缴多少。",
        "Works out what you pay a month, for the months you choose and for a full year, from the policy's base and rate.",
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=_compute,
    parameters=PARAMETERS,
)


def run_flexible(policy_id: str, inputs: dict) -> dict:
    """Doctest helper: the `result` object of a successful run."""
    from .api import result_of

    return result_of(CALCULATOR.name, policy_id, inputs)
