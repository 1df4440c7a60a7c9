"""`flexible-contribution`: what a flexible-employment worker pays for employee medical insurance.

base  = the base the policy states, or reference wage × base ratio, rounded as the policy says
basic = base × rate, rounded to the fen (ROUND_HALF_UP) unless the policy says otherwise
add-on premiums (大病保险, 大额医疗救助金, 长期护理保险, 大额补充医疗保险 …) are policy data: each
parameter `add_on_<item>` is one premium, labelled by the policy, CNY/month (in the monthly total) or
CNY/year (once in the totals); an amount the source leaves open is an input, and totals without it say so.

Its parts: calc/flexible_month.py (one month: base, rate, basic premium, monthly add-ons),
calc/flexible_dated.py (which day picks a dated value, and a change to an amount the source does not give),
calc/flexible_once_a_year.py (a monthly premium collected once a year).

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

from typing import Any

import datetime as dt
from decimal import Decimal

from .dates import add_months
from .errors import InputErrors
from .flexible_dated import _day, _payment_day, _unstated_step, _unstated_warning, _why, first_month
from .flexible_month import MONTHS_A_YEAR, _item, _monthly, _read, _sum, add_on_names, month_of, open_amount, outside_choice
from .flexible_once_a_year import _once_a_year
from .inputs import InputSpec, Text
from .money import money_str
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .series import elsewhere_error
from .steps import Step, singular, step
from .doctest_helper import result_runner

INPUTS = (
    InputSpec("months", "integer", Text("缴费月数", "Months paid"), default=12, minimum=1, maximum=12,
              help=Text("本年度要缴几个月（1–12）。", "How many months of this year you pay for (1–12).")),
    InputSpec("average_monthly_wage", "money", Text("上年度全省月平均工资（元）", "Last year's provincial average monthly wage (yuan)"),
              help=Text("政策以此工资为缴费基数，但原文未给出数额：请按有关部门公布的数字填写。",
                        "The policy bases the contribution on this wage but its text gives no amount: enter the officially published figure."),
              applies_when="open:base_reference_wage"),
    # one input per add-on premium the source leaves open, named like its parameter (add_on_long_term_care …)
    # and labelled with the policy's own name for it (calc.api expands the placeholder per policy)
    InputSpec("add_on_<item>", "money", Text("原文未给出金额的附加保险费（元）", "Add-on premium the source gives no amount for (yuan)"),
              help=Text("政策要求缴这项费用，但原文未给出数额；不填则合计中不含此项。",
                        "The policy requires this premium but its text gives no amount; leave blank to exclude it from the totals."),
              applies_when="unstated:add_on_*"),
    # the older name of the first open add-on's input (周口's 大额补充 premium has always had it): still accepted
    # by the CLI and run_json, never shown on a form
    InputSpec("supplementary_annual", "money", Text("原文未给出金额的附加保险费（元）", "Add-on premium the source gives no amount for (yuan)"),
              help=Text("旧的输入名，等同第一项原文未给出金额的附加保险费。",
                        "The older name of the input for the first add-on premium the source gives no amount for."),
              applies_when="alias:add_on_*"),
    InputSpec("first_month", "date", Text("从哪个月开始缴（该月任一天）", "First month paid for (any day of it)"),
              applies_when="dated:*",
              help=Text("本政策有些数字在年中调整：按缴费所属的月份选用。不填则从本政策缴费期的第一个月算起。",
                        "Some of this policy's figures change during the year and are chosen by the month paid for. "
                        "Leave blank to start with the first month the policy governs.")),
    InputSpec("payment_date", "date", Text("缴费日期", "Payment date"),
              applies_when="paid_dated:*",
              help=Text("本政策有些数字按缴费日期而定（某日以前缴费按一个标准，以后按另一个）：请填写缴费（到账）的日期。"
                        "不填则按第一次调整以前缴费计算。",
                        "Some of this policy's figures depend on the day you pay (one standard before a date, another from "
                        "it): enter the day the payment arrives. Left blank: as if paid before the first change.")),
    # a list of grades: a select of exactly those; a range {min, max}: a whole percent within it (calc.api)
    InputSpec("base_ratio", "enum", Text("缴费基数档次", "Base grade"), applies_when="choice:base_ratio", choices_from="base_ratio",
              help=Text("政策让您在几个档次中选择缴费基数（占工资的百分比）。不选则按最低档。",
                        "The policy lets you choose the base as one of several percentages of the wage. Left empty: the lowest.")),
    InputSpec("contribution_rate", "enum", Text("缴费费率", "Contribution rate"), applies_when="choice:contribution_rate",
              choices_from="contribution_rate",
              help=Text("政策让您在几个费率中选择。不选则按最低的费率。", "The policy lets you choose the rate. Left empty: the lowest.")),
)

OUTPUTS = (
    # false when a figure changes on a date the source names to an amount it does not give (a dated value null):
    # the amounts it decides are None ("the source does not state it"), never the old value; first, so that such a
    # case's headline says it
    OutputSpec("determined", "boolean", Text("金额可以确定", "Amounts determined")),
    OutputSpec("base", "money", Text("缴费基数（元/月）", "Contribution base (yuan/month)")),
    OutputSpec("rate", "ratio", Text("缴费费率", "Contribution rate")),
    OutputSpec("basic_monthly", "money", Text("基本医保费（元/月）", "Basic insurance (yuan/month)")),
    OutputSpec("basic_annual", "money", Text("基本医保费（元/年）", "Basic insurance (yuan/year)")),
    OutputSpec("critical_illness_monthly", "money", Text("大病保险费（元/月）", "Critical-illness insurance (yuan/month)")),
    OutputSpec("critical_illness_annual", "money", Text("大病保险费（元/年）", "Critical-illness insurance (yuan/year)")),
    OutputSpec("supplementary_annual", "money", Text("大额补充医疗保险费（元/年）", "Supplementary major-illness premium (yuan/year)")),
    OutputSpec("add_ons", "list", Text("附加保险费（按政策的名称）", "Add-on premiums (as the policy names them)")),
    # a monthly premium the policy says is collected once a year (`<item>_collection`): what actually leaves the
    # account each month and, once, in the collection month (the monthly total then is an average, not a debit)
    OutputSpec("monthly_collected", "money", Text("每月实际扣缴（元）", "Paid each month (yuan)"),
               lead=Text("每月实缴 {}", "{} paid each month")),
    OutputSpec("once_collected", "money", Text("一次性征收（元）", "Collected once (yuan)"),
               lead=Text("{once_month}另一次性缴 {}", "plus {} once in {once_month}")),
    OutputSpec("once_month", "text", Text("一次性征收的月份", "Month of the one-off collection")),
    OutputSpec("monthly_total", "money", Text("每月合计（元）", "Monthly total (yuan)"),
               lead=Text("每月 {}", "{} a month")),
    OutputSpec("months", "integer", Text("缴费月数", "Months paid")),
    OutputSpec("period_total", "money", Text("所选月数合计（元）", "Total for the months chosen (yuan)"),
               lead=Text("{months} 个月共 {}", "{} for {months} months")),
    OutputSpec("annual_total", "money", Text("全年合计（元）", "Full-year total (yuan)"),
               lead=Text("全年 {}", "{} a year")),
    OutputSpec("totals_complete", "boolean", Text("合计包含全部必缴费用", "Totals include every compulsory premium")),
    OutputSpec("warnings", "list", Text("提示", "Warnings")),
)


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    months = values["months"]
    dated = bool(policy.dated_names("month_paid_for"))
    start = (values.get("first_month") or first_month(policy)).replace(day=1) if dated else None
    wrong = [e for e in (outside_choice(policy, n, values, start) for n in ("base_ratio", "contribution_rate")) if e]
    if start is not None:   # dated: months this policy does not govern are another policy's (named when on file), never priced here
        begin, end = policy.governs("contributions")
        last = add_months(start, months - 1)
        for field, day in (("first_month", start), ("months", last)):
            if (begin and day < begin.replace(day=1)) or (end and day > end):
                wrong.append(elsewhere_error(policy.id, field, day))
                break
    if wrong:
        raise InputErrors(wrong)
    paid, steps, warnings = _payment_day(policy, values.get("payment_date"))
    month, month_steps = month_of(policy, values, start, paid)
    steps += month_steps
    monthly_total = month["total"]
    unstated = list(month["unstated"])
    if start is not None:   # dated: each month at the values in force for it: the chosen months, and the year from the policy's start
        by_month = tuple(policy.dated_names("month_paid_for"))

        def series(first: dt.date, n: int) -> list[tuple[dt.date, dict[str, Any]]]:
            return [(m, month_of(policy, values, m, paid)[0]) for m in (add_months(first, k) for k in range(n))]
        chosen, year = series(start, months), series(first_month(policy), MONTHS_A_YEAR)
        changes = [(m, r) for (m, r), (_, prev) in zip(chosen[1:], chosen) if r["total"] != prev["total"]]
        for m, r in changes:
            if r["total"] is None:   # from this month on a value the source does not give
                steps.append(month_of(policy, values, m, paid)[1][0])
                continue
            why = _why(policy, by_month, m, paid)
            steps.append(step(
                policy, "dated_change",
                f"从 {m:%Y-%m} 起按新数值：每月合计 {money_str(r['total'])} 元{why.zh}",
                f"From {m:%Y-%m} the new values apply: monthly total {money_str(r['total'])} yuan{why.en}",
                {"month": f"{m:%Y-%m}", "monthly_total": money_str(r["total"])}, by_month, on=m))
        unstated += [u for _, r in chosen + year for u in r["unstated"] if u not in unstated]
        period_monthly = _sum(r["total"] for _, r in chosen)
        annual_monthly = _sum(r["total"] for _, r in year)
        basic_annual = _sum(r["basic"] for _, r in year)
        add_on_annual = {n: _sum(r["add_ons"].get(n) if r["total"] is not None else None for _, r in year)
                         for n in month["add_ons"]}
        sum_zh = f"{months} 个月每月合计之和（{chosen[0][0]:%Y-%m} 至 {chosen[-1][0]:%Y-%m}）"
        sum_en = f"the monthly totals of {singular(f'{months} months')} ({chosen[0][0]:%Y-%m} to {chosen[-1][0]:%Y-%m}) added up"
        year_zh = f"{MONTHS_A_YEAR} 个月每月合计之和（{year[0][0]:%Y-%m} 至 {year[-1][0]:%Y-%m}）"
        year_en = f"the monthly totals of {MONTHS_A_YEAR} months ({year[0][0]:%Y-%m} to {year[-1][0]:%Y-%m}) added up"
    elif monthly_total is None:
        period_monthly = annual_monthly = basic_annual = None
        add_on_annual = {}
        sum_zh = year_zh = "金额无法确定（原文没有给出调整后的数额）"
        sum_en = year_en = "not determined (the source does not give the changed amount)"
    else:
        period_monthly, annual_monthly = monthly_total * months, monthly_total * MONTHS_A_YEAR
        basic_annual = month["basic"] * MONTHS_A_YEAR
        add_on_annual = {n: a * MONTHS_A_YEAR for n, a in month["add_ons"].items()}
        sum_zh, sum_en = f"每月合计 {money_str(monthly_total)} 元 × {months} 个月", f"monthly total {money_str(monthly_total)} yuan × {singular(f'{months} months')}"
        year_zh = f"每月合计 {money_str(monthly_total)} 元 × {MONTHS_A_YEAR} 个月"
        year_en = f"monthly total {money_str(monthly_total)} yuan × {MONTHS_A_YEAR} months"

    # yearly add-ons: paid once, in both totals; one the source gives no amount for is the user's input or left out
    yearly, left_out, lines = Decimal(0), [], []
    for name in add_on_names(policy):
        label, item = policy.label(name), _item(name)
        if name in month["add_ons"]:   # monthly, already in the monthly total
            mine_zh, mine_en = ("（您填写的）", " (your input)") if policy.is_open(name) else ("", "")
            lines.append({"id": item, "zh": f"{label['zh']}：每月 {money_str(month['add_ons'][name])} 元{mine_zh}。",
                          "en": f"{label['en']}: {money_str(month['add_ons'][name])} yuan a month{mine_en}."})
            continue
        day = _day(policy, name, start, paid)
        if _monthly(policy, name) and monthly_total is None and not policy.is_open(name):   # part of an undetermined month
            if not policy.unstated_on(name, day):
                stated = policy.decimal(name, day)
                lines.append({"id": item, "zh": f"{label['zh']}：每月 {money_str(stated)} 元。",
                              "en": f"{label['en']}: {money_str(stated)} yuan a month."})
            continue
        if day is not None and not policy.is_open(name) and policy.unstated_on(name, day):   # a yearly premium changed to an unstated amount
            unstated.append((name, day))
            steps.append(_unstated_step(policy, [(name, day)], start, paid))
            continue
        amount = policy.decimal(name, day) if not policy.is_open(name) else open_amount(policy, name, values)
        per_zh, per_en = ("每月", "a month") if _monthly(policy, name) else ("每年", "a year")
        if amount is None:
            left_out.append(name)
            steps.append(step(policy, f"add_on_{item}", f"{label['zh']}{per_zh}缴纳，原文未给出数额，以下合计不含此项。",
                              f"{label['en']} is paid {per_en}; the source gives no amount, so the totals below exclude it.",
                              {}, (name,)))
            lines.append({"id": item, "zh": f"{label['zh']}：原文未给出金额，合计不含此项。",
                          "en": f"{label['en']}: the source gives no amount; not in the totals."})
            continue
        mine = policy.is_open(name)
        yearly += amount
        steps.append(step(
            policy, f"add_on_{item}",
            f"{label['zh']}{per_zh}缴纳：{money_str(amount)} 元{'（您填写的）' if mine else ''}",
            f"{label['en']}, paid {per_en}: {money_str(amount)} yuan{' (your input)' if mine else ''}",
            {item: money_str(amount)}, (name,), on=day))
        lines.append({"id": item, "zh": f"{label['zh']}：{per_zh} {money_str(amount)} 元{'（您填写的）' if mine else ''}。",
                      "en": f"{label['en']}: {money_str(amount)} yuan {per_en}{' (your input)' if mine else ''}."})
    undetermined = any(n not in _read(policy) for n, _ in unstated)   # a yearly premium: no total is determined
    period_total = None if period_monthly is None or undetermined else period_monthly + yearly
    annual_total = None if annual_monthly is None or undetermined else annual_monthly + yearly
    extra = f" + {money_str(yearly)}" if yearly else ""
    # a compulsory premium the source gives no amount for, and the user left blank, is not in the totals:
    # the totals themselves say so (issue 15 point 4), not only the table row
    names = [policy.label(n) for n in left_out]
    out_zh = f"（不含{'、'.join(l['zh'] for l in names)}：原文未给出金额）" if left_out else ""
    out_en = f" (excluding {', '.join(l['en'] for l in names)}: the source gives no amount)" if left_out else ""
    for sid, zh, en, total in (("period_total", sum_zh, sum_en, period_total), ("annual_total", year_zh, year_en, annual_total)):
        if total is None:
            steps.append(Step(
                sid, f"{'所选月数' if sid == 'period_total' else '全年'}合计：无法确定（其中有原文没有给出的调整后数额，见上）",
                f"{'Total for the months chosen' if sid == 'period_total' else 'Full-year total'}: not determined (it includes "
                "an amount the source does not give after a change; see above)", {sid: "not determined"}))
            continue
        steps.append(Step(
            sid,
            f"{'所选月数' if sid == 'period_total' else '全年'}合计 = {zh}{extra} = {money_str(total)} 元{out_zh}",
            f"{'Total for the months chosen' if sid == 'period_total' else 'Full-year total'} = {en}{extra} = {money_str(total)} yuan{out_en}",
            {"monthly_total": money_str(monthly_total), "months": str(months), sid: money_str(total)},
        ))
    warnings += [{
        "id": f"{_item(n).replace('_', '-')}-excluded",
        "zh": f"合计不含{policy.label(n)['zh']}：这项必须缴纳，但原文未给出金额，请向当地医保部门查询后填写。",
        "en": f"Not in the totals: {policy.label(n)['en']} (compulsory, but the source gives no amount; ask the local "
              "healthcare security office and enter it).",
    } for n in left_out]
    if unstated:
        warnings.append(_unstated_warning(policy, unstated))
    result = {  # outputs a policy does not have are left out: the API reports them "not applicable"
        "base": month["base"],
        "rate": month["rate"],
        "basic_monthly": month["basic"],
        "basic_annual": basic_annual,
        "add_ons": lines,
        "monthly_total": monthly_total,
        "months": months,
        "period_total": period_total,
        "annual_total": annual_total,
        "totals_complete": not left_out,
        "determined": not unstated,
        "warnings": warnings,
    }
    _once_a_year(policy, month, monthly_total, months, dated, result, steps, warnings)
    for name in add_on_names(policy):   # the outputs these premiums have always filled
        if _item(name) == "critical_illness" and _monthly(policy, name) and not policy.is_open(name):
            result["critical_illness_monthly"] = month["add_ons"].get(name)
            result["critical_illness_annual"] = add_on_annual.get(name)
        elif _item(name) == "supplementary_major_illness" and not _monthly(policy, name):
            day = _day(policy, name, start, paid)
            result["supplementary_annual"] = open_amount(policy, name, values) if policy.is_open(name) else \
                None if policy.unstated_on(name, day) else policy.decimal(name, day)
    return result, steps


# what compute reads from a policy (calc/parameters.py; tests/test_authoring.py proves the list complete)
PARAMETERS = (
    Parameter("base", ("CNY/month",), Text(
        "政策直接规定的缴费基数（不再由工资 × 比例计算）。", "The base as the policy states it (instead of wage × ratio)."), required=False),
    Parameter("base_reference_wage", ("CNY/month",), Text(
        "缴费基数所依据的月工资（基准值或平均工资）。原文未给出（value 为 null）时，表单请用户填写。",
        "The monthly wage the base is taken from (benchmark or average wage). Left open (value null), the form asks for it."),
        when="lacks:base"),
    Parameter("base_ratio", ("percent",), Text(
        "缴费基数占该工资的百分比。政策让个人选择档次时：列出档次（如 [60, 80, 100]），表单只提供这些选项；"
        "或给出范围（如 {min: 60, max: 300}，整数百分比），表单请用户在范围内填写。不选则按最低档，计算步骤写明所用的档次。",
        "The base as a percentage of that wage. When the policy lets the person choose: the grades it lists (e.g. [60, 80, 100]), "
        "and the form offers exactly those; or a range (e.g. {min: 60, max: 300}, whole percents), and the form asks for a "
        "percentage within it. Left empty: the lowest; the step says which grade was used."),
        when="lacks:base"),
    Parameter("base_rounding", ("rounding",), Text(
        "缴费基数的取整：{step: \"1\", mode: ROUND_HALF_UP}；没有则不取整。",
        "How the base is rounded: {step: \"1\", mode: ROUND_HALF_UP}; without it the base is not rounded."), required=False),
    Parameter("contribution_rate", ("percent",), Text(
        "基本医保缴费费率（百分比）；政策让个人选择时为列表（如 [7, 9]）或范围（如 {min: 7, max: 9}）。",
        "The basic-insurance contribution rate (percent); a list (e.g. [7, 9]) or a range (e.g. {min: 7, max: 9}) when the "
        "policy lets the person choose.")),
    Parameter("add_on_<item>", ("CNY/month", "CNY/year"), Text(
        "一项附加保险费（大病保险、大额医疗救助金、长期护理保险、大额补充医疗保险……），名称取自政策的 label；"
        "按月的计入每月合计，按年的在合计中计一次；原文未给出金额时为 null，表单为每一项请用户填写（输入名同参数名）。",
        "One add-on premium (critical illness, major medical aid, long-term care, supplementary major illness …), named by "
        "its label; monthly ones are part of the monthly total, yearly ones count once in the totals; null when the source "
        "gives no amount (the form then asks for each such premium, the input named like the parameter)."), required=False),
    Parameter("critical_illness_monthly", ("CNY/month",), Text(
        "（旧名，等同 add_on_critical_illness）每月随基本医保一起缴纳的大病保险费。",
        "(Former name of add_on_critical_illness.) A monthly critical-illness premium paid with the basic insurance."),
        required=False),
    Parameter("<item>_collection", ("rule",), Text(
        "一项按月计的附加保险费实际如何征收：{once_a_year: true, month: 1} 表示全年的数额原则上于该月一次性征收"
        "（结果则说明每月实缴多少、该月另缴多少）。<item> 同附加保险费的名称（critical_illness …）。",
        "How a monthly add-on premium is actually collected: {once_a_year: true, month: 1} means the year's amount is "
        "collected in principle once, in that month (the result then says what is paid each month and what on top in "
        "that month). <item> as in the add-on premium's name (critical_illness …)."), required=False),
    Parameter("supplementary_annual", ("CNY/year",), Text(
        "（旧名，等同 add_on_supplementary_major_illness）按年缴纳的大额补充医疗保险费。",
        "(Former name of add_on_supplementary_major_illness.) A yearly supplementary major-illness premium."),
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


run_flexible = result_runner(__name__)   # the doctests' helper (calc/doctest_helper.py)
