"""`flexible-contribution`: what a flexible-employment worker pays for employee medical insurance.

base  = the base the policy states, or reference wage × base ratio, rounded as the policy says
basic = base × rate, rounded to the fen (ROUND_HALF_UP) unless the policy says otherwise
add-on premiums (大病保险, 大额医疗救助金, 长期护理保险, 大额补充医疗保险 …) are policy data: each
parameter `add_on_<item>` is one premium, labelled by the policy, CNY/month (in the monthly total) or
CNY/year (once in the totals); an amount the source leaves open is an input, and totals without it say so.

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
import re
from decimal import Decimal

from .dates import add_months
from .errors import InputError, InputErrors
from .inputs import InputSpec, Text
from .money import cents, mode_words, money_str, percent_str, plain_number, round_to
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .series import elsewhere_error
from .steps import Step, singular, step
from .doctest_helper import result_runner

MONTHS_A_YEAR = 12
ADD_ON = "add_on_"
# names add-on premiums had before `add_on_<item>`, still read, and the outputs they have always filled
LEGACY_ADD_ONS = {"critical_illness_monthly": "critical_illness", "supplementary_annual": "supplementary_major_illness"}

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


def add_on_names(policy: Policy) -> list[str]:
    """The policy's add-on premiums, in its order."""
    return [n for n in policy.parameters if n.startswith(ADD_ON) or n in LEGACY_ADD_ONS]


def open_amount(policy: Policy, name: str, values: dict[str, Any]) -> Decimal | None:
    """The amount the person entered for an add-on premium the source leaves open: its own input (named like
    the parameter), or, for the first open one, the older input name `supplementary_annual`."""
    if values.get(name) is not None:
        return values[name]
    first = next((n for n in add_on_names(policy) if policy.is_open(n)), None)
    return values.get("supplementary_annual") if name == first else None


def _item(name: str) -> str:
    return LEGACY_ADD_ONS.get(name) or name[len(ADD_ON):]


def _monthly(policy: Policy, name: str) -> bool:
    return policy.parameters[name]["unit"] == "CNY/month"


def _day(policy: Policy, name: str, on: dt.date | None, paid: dt.date | None) -> dt.date | None:
    """The day that picks a dated value of `name`: the payment date where the rule names it, else the month paid for."""
    return paid if paid and policy.has(name) and policy.applies_by(name) == "payment_date" else on


def is_range(stated: object) -> bool:
    """A percent left to the person within bounds: {min: 60, max: 300} (any whole percent between them)."""
    return isinstance(stated, dict) and set(stated) == {"min", "max"}


def _options_text(stated: object) -> Text:
    """The policy's options in words: 60%、80%、100% / a range 60%–300%."""
    if is_range(stated):
        span = f"{plain_number(Decimal(str(stated['min'])))}%–{plain_number(Decimal(str(stated['max'])))}%"
        return Text(f"政策允许的范围：{span}", f"the policy allows {span}")
    options = sorted(Decimal(str(v)) for v in stated)
    return Text(f"政策的选项：{'、'.join(f'{plain_number(o)}%' for o in options)}",
                f"the policy's options: {', '.join(f'{plain_number(o)}%' for o in options)}")


def _chosen(policy: Policy, name: str, values: dict[str, Any], on: dt.date | None, paid: dt.date | None = None) -> tuple[Decimal, Text]:
    """A percent the policy states, or the grade the person chose among the policy's options or within its
    range (default: the lowest); the words say which was used."""
    on = _day(policy, name, on, paid)
    stated = policy.value(name, on)
    if not isinstance(stated, list) and not is_range(stated):
        return policy.rate(name, on), Text("", "")
    lowest = Decimal(str(stated["min"])) if is_range(stated) else min(Decimal(str(v)) for v in stated)
    mine = values.get(name) is not None
    picked = Decimal(str(values[name])) if mine else lowest
    words = "您选择的" if mine else "未选择，按最低的"
    words_en = "your choice" if mine else "none chosen, so the lowest"
    options = _options_text(stated)
    return picked / 100, Text(f"（{words}一档 {plain_number(picked)}%；{options.zh}）",
                              f" ({words_en}, {plain_number(picked)}%; {options.en})")


def outside_choice(policy: Policy, name: str, values: dict[str, Any], on: dt.date | None) -> InputError | None:
    """A grade the policy does not offer (not one of its options, or outside its range): the bilingual error."""
    stated = policy.value(name, on) if policy.has(name) else None
    if values.get(name) is None:
        return None
    picked = Decimal(str(values[name]))
    if is_range(stated):
        if Decimal(str(stated["min"])) <= picked <= Decimal(str(stated["max"])):
            return None
    elif isinstance(stated, list) and picked in {Decimal(str(o)) for o in stated}:
        return None
    if not (isinstance(stated, list) or is_range(stated)):
        return InputError(name, "本政策没有可选的档次。", "This policy leaves no choice here.")
    options = _options_text(stated)
    return InputError(name, f"{policy.label(name)['zh']}须在政策给出的选项中：{options.zh}（您填写的是 {plain_number(picked)}%）。",
                      f"{policy.label(name)['en']} must be one the policy offers — {options.en} (you entered {plain_number(picked)}%).")


def _why(policy: Policy, names: tuple[str, ...], on: dt.date | None, paid: dt.date | None = None) -> Text:
    """Which dated value applied, and why (the day the rule names)."""
    parts_zh, parts_en = [], []
    for name in names:
        day = _day(policy, name, on, paid)
        if policy.is_dated(name) and day is not None:
            start = policy.in_force_from(name, day)
            since_zh = f"{start} 起的数值" if start else "最初的数值"
            since_en = f"the value in force from {start}" if start else "the first value"
            label = policy.label(name)
            by_zh, by_en = (f"缴费日期 {day}", f"the payment date, {day}") if day is paid else \
                (f"缴费所属月份 {day:%Y-%m}", f"the month paid for, {day:%Y-%m}")
            parts_zh.append(f"{label['zh']}按{by_zh}取{since_zh}")
            parts_en.append(f"{label['en']}: {since_en}, chosen by {by_en}")
    return Text("（" + "；".join(parts_zh) + "）" if parts_zh else "", " (" + "; ".join(parts_en) + ")" if parts_en else "")


def _base(policy: Policy, values: dict[str, Any], on: dt.date | None, paid: dt.date | None) -> tuple[Decimal, Step]:
    if policy.has("base"):   # the policy states the base itself
        day = _day(policy, "base", on, paid)
        base = policy.decimal("base", day)
        why = _why(policy, ("base",), on, paid)
        return base, step(policy, "base", f"缴费基数 {money_str(base)} 元/月（政策直接规定）{why.zh}",
                          f"Base {money_str(base)} yuan/month (stated by the policy){why.en}",
                          {"base": money_str(base)}, ("base",), on=day)
    ratio, choice = _chosen(policy, "base_ratio", values, on, paid)
    day = _day(policy, "base_reference_wage", on, paid)
    if policy.is_open("base_reference_wage"):
        wage, wage_zh, wage_en = values["average_monthly_wage"], "（您填写的）", " (your input)"
    else:
        wage, wage_zh, wage_en = policy.decimal("base_reference_wage", day), "", ""
    exact = wage * ratio
    rounding = policy.value("base_rounding", _day(policy, "base_rounding", on, paid)) if policy.has("base_rounding") else None
    if rounding:
        base = round_to(exact, rounding["step"], rounding["mode"])
        words_zh, words_en = mode_words(rounding["mode"])
        how_zh = f"，按 {rounding['step']} 元{words_zh}"
        how_en = f", {words_en} to {rounding['step']} yuan"
    else:
        base, how_zh, how_en = exact, "", ""
    why = _why(policy, ("base_reference_wage", "base_ratio"), on, paid)
    figures = {"wage": money_str(wage), "ratio": percent_str(ratio), "exact": plain_number(exact), "base": money_str(base)}
    return base, step(
        policy, "base",
        f"缴费基数 = {money_str(wage)}{wage_zh} × {percent_str(ratio)}{choice.zh} = {plain_number(exact)}{how_zh} → {money_str(base)} 元/月{why.zh}",
        f"Base = {money_str(wage)}{wage_en} × {percent_str(ratio)}{choice.en} = {plain_number(exact)}{how_en} → {money_str(base)} yuan/month{why.en}",
        figures,
        tuple(n for n in ("base_reference_wage", "base_ratio", "base_rounding") if policy.has(n)),
        on=day,
    )


def month_of(policy: Policy, values: dict[str, Any], on: dt.date | None, paid: dt.date | None = None) -> tuple[dict[str, Any], list[Step]]:
    """One month's contribution: base, rate, basic premium, monthly add-ons, total — read for the month paid for
    `on` (None: the policy's first values), or for the payment date `paid` where a dated value's rule names it.
    flexible-arrears calls this for each unpaid month.

    A value that changes, on the day read, to an amount the source does not give (a dated value null, `not_stated`)
    makes the month undetermined: every amount None, `unstated` naming what, and one step citing the sentence that
    announces the change — never the old value."""
    unstated = [(n, _day(policy, n, on, paid)) for n in _read(policy)
                if policy.unstated_on(n, _day(policy, n, on, paid))]
    if unstated:
        return {"base": None, "rate": None, "basic": None, "add_ons": {}, "total": None,
                "unstated": unstated}, [_unstated_step(policy, unstated, on, paid)]
    base, base_step = _base(policy, values, on, paid)
    rate, choice = _chosen(policy, "contribution_rate", values, on, paid)
    basic = cents(base * rate)
    why = _why(policy, ("contribution_rate",), on, paid)
    steps = [base_step, step(
        policy, "basic_monthly",
        f"基本医保费 = {money_str(base)} × {percent_str(rate)}{choice.zh} = {plain_number(base * rate)}，四舍五入到分 → {money_str(basic)} 元/月{why.zh}",
        f"Basic insurance = {money_str(base)} × {percent_str(rate)}{choice.en} = {plain_number(base * rate)}, rounded half-up to the fen → {money_str(basic)} yuan/month{why.en}",
        {"base": money_str(base), "rate": percent_str(rate), "basic_monthly": money_str(basic)},
        ("contribution_rate",), on=_day(policy, "contribution_rate", on, paid),
    )]
    add_ons = {}
    for name in add_on_names(policy):
        if not _monthly(policy, name):
            continue
        # a monthly premium the source states, or one it leaves open that the person entered (then in the total too)
        mine = policy.is_open(name)
        amount = open_amount(policy, name, values) if mine else policy.decimal(name, _day(policy, name, on, paid))
        if amount is None:
            continue
        add_ons[name] = amount
        label = policy.label(name)
        steps.append(step(
            policy, "critical_illness_monthly" if name == "critical_illness_monthly" else f"add_on_{_item(name)}",
            f"{label['zh']} {money_str(amount)} 元/月{'（您填写的）' if mine else ''}（全年 {money_str(amount * MONTHS_A_YEAR)} 元）",
            f"{label['en']} {money_str(amount)} yuan/month{' (your input)' if mine else ''} "
            f"({money_str(amount * MONTHS_A_YEAR)} yuan a year)",
            {_item(name): money_str(amount)}, (name,), on=_day(policy, name, on, paid)))
    total = basic + sum(add_ons.values(), Decimal(0))
    return {"base": base, "rate": rate, "basic": basic, "add_ons": add_ons, "total": total, "unstated": []}, steps


def _read(policy: Policy) -> list[str]:
    """The parameters one month's amount reads (each may change by date)."""
    names = ["base"] if policy.has("base") else \
        [n for n in ("base_reference_wage", "base_ratio", "base_rounding") if policy.has(n)]
    return names + ["contribution_rate"] + [n for n in add_on_names(policy) if _monthly(policy, n) and not policy.is_open(n)]


def _unstated_step(policy: Policy, unstated: list[tuple[str, dt.date]], on: dt.date | None, paid: dt.date | None) -> Step:
    """Which figure changes to an amount the source does not give, from when, and by which day it was read."""
    parts_zh, parts_en, figures = [], [], {}
    for name, day in unstated:
        start = policy.in_force_from(name, day)
        label = policy.label(name)
        by_zh, by_en = (f"缴费日期 {day}", f"the payment date, {day}") if day is paid else \
            (f"所缴月份 {day:%Y-%m}", f"the month paid for, {day:%Y-%m}")
        parts_zh.append(f"{label['zh']}自 {start} 起调整，原文没有给出调整后的数额（按{by_zh}适用调整后的数值）")
        parts_en.append(f"{label['en']} changes from {start} to an amount the source does not give (by {by_en}, "
                        "the changed value applies)")
        figures[name] = f"from {start}: not stated"
    first = policy.cite(unstated[0][0], unstated[0][1])
    return Step("value_not_stated",
                "；".join(parts_zh) + "。因此金额无法确定，计算器不按调整前的数值计算；请向当地医保或税务部门查询。",
                "; ".join(parts_en) + ". The amount is therefore not determined; the calculator does not price it at the "
                "earlier value. Ask the local healthcare security or tax office.",
                figures, [policy.cite(n, d) for n, d in unstated] if len(unstated) > 1 else [first])


def _sum(amounts) -> Decimal | None:
    """Amounts added up; None (not determined) if any is."""
    total = Decimal(0)
    for a in amounts:
        if a is None:
            return None
        total += a
    return total


def _payment_day(policy: Policy, paid: dt.date | None) -> tuple[dt.date | None, list[Step], list[dict[str, Any]]]:
    """The day that picks the values the policy chooses by payment date (`applies_by: payment_date`): the payment
    date entered, or — left blank — the first day of the policy's contributions, before any change; the step says
    which, and a blank date is a warning naming the first change."""
    names = policy.dated_names("payment_date")
    if not names:
        return paid, [], []
    first = min(d for n in names for d in policy.changes(n))
    labels_zh = "、".join(policy.label(n)["zh"] for n in names)
    labels_en = ", ".join(policy.label(n)["en"] for n in names)
    if paid is not None:
        return paid, [step(policy, "payment_date",
                           f"{labels_zh}按缴费日期而定：缴费日期 {paid}。",
                           f"{labels_en} depend(s) on the payment date: paid on {paid}.",
                           {"payment_date": paid.isoformat()}, tuple(names), on=paid)], []
    assumed = policy.governs("contributions")[0] or dt.date.fromisoformat(str(policy.data["effective"]["from"]))
    later_open = any(policy.unstated_on(n, dt.date.fromisoformat(d)) for n in names for d in policy.changes(n))
    tail_zh = "调整后的数额原文没有给出" if later_open else "数额不同"
    tail_en = "the source does not give the changed amount" if later_open else "the amount differs"
    return assumed, [step(
        policy, "payment_date",
        f"{labels_zh}按缴费日期而定，未填缴费日期：按 {first} 以前缴费（{assumed}）的数值计算；{first} 起缴费的，{tail_zh}。",
        f"{labels_en} depend(s) on the payment date, which is blank: computed as paid before {first} ({assumed}); "
        f"paying from {first}, {tail_en}.",
        {"payment_date": f"{assumed} (assumed)"}, tuple(names), on=assumed)], [{
        "id": "payment-date-assumed",
        "zh": f"金额按缴费日期而定：未填缴费日期，按 {first} 以前缴费计算。{first} 起缴费的，{tail_zh}：请填写缴费日期。",
        "en": f"The amount depends on the payment date: none entered, so computed as paid before {first}. Paying from "
              f"{first}, {tail_en}: enter the payment date."}]


def _unstated_warning(policy: Policy, unstated: list[tuple[str, dt.date]]) -> dict[str, Any]:
    names = list(dict.fromkeys(n for n, _ in unstated))
    since = min(policy.in_force_from(n, d) for n, d in unstated)
    return {"id": "amount-not-stated",
            "zh": f"金额无法确定：{'、'.join(policy.label(n)['zh'] for n in names)}自 {since} 起调整，原文没有给出调整后的数额，"
                  "计算器不按调整前的数值计算。请向当地医保或税务部门查询。",
            "en": f"Not determined: {', '.join(policy.label(n)['en'] for n in names)} changes from {since} to an amount the "
                  "source does not give, and the calculator does not price it at the earlier value. Ask the local "
                  "healthcare security or tax office."}


def first_month(policy: Policy) -> dt.date:
    """The first month the policy governs (its contribution months, or its effective start)."""
    span = (policy.data.get("governs") or {}).get("contributions") or policy.data["effective"]
    return dt.date.fromisoformat(str(span["from"])).replace(day=1)


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    months = values["months"]
    dated = bool(policy.dated_names("month_paid_for"))
    start = (values.get("first_month") or first_month(policy)).replace(day=1) if dated else None
    wrong = [e for e in (outside_choice(policy, n, values, start) for n in ("base_ratio", "contribution_rate")) if e]
    if dated:   # months this policy does not govern are another policy's (named when on file), never priced here
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
    if dated:   # each month at the values in force for it: the chosen months, and the year from the policy's start
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
                amount = policy.decimal(name, day)
                lines.append({"id": item, "zh": f"{label['zh']}：每月 {money_str(amount)} 元。",
                              "en": f"{label['en']}: {money_str(amount)} yuan a month."})
            continue
        if not policy.is_open(name) and policy.unstated_on(name, day):   # a yearly premium changed to an unstated amount
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


MONTH_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December")


def _once_a_year(policy: Policy, month: dict, monthly_total: Decimal | None, months: int, dated: bool,
                 result: dict, steps: list[Step], warnings: list[dict]) -> None:
    """A monthly premium the policy says is collected once a year (`<item>_collection: {once_a_year: true,
    month: 1}`, 衡阳 2024's 大病保险 "原则上于每年1月一次性征收"): the monthly total is then an average, not what
    leaves the account. Say what does, and when: the basic contribution (and any other monthly premium) each
    month, the premium's twelve months at once in its month. For fewer than twelve months the source does not
    say whether the whole year's premium is still due: the headline says so first, and the totals stay as computed."""
    if dated or monthly_total is None:
        return
    once = [(n, policy.value(f"{_item(n)}_collection")) for n in month["add_ons"]
            if f"{_item(n)}_collection" in policy.parameters]
    once = [(n, rule) for n, rule in once if isinstance(rule, dict) and rule.get("once_a_year") and rule.get("month")]
    if not once:
        return
    names = [n for n, _ in once] + [f"{_item(n)}_collection" for n, _ in once]
    month_no = int(once[0][1]["month"])
    when = {"zh": f" {month_no} 月", "en": MONTH_EN[month_no - 1]}
    each_month = monthly_total - sum(month["add_ons"][n] for n, _ in once)
    yearly = sum(month["add_ons"][n] for n, _ in once) * MONTHS_A_YEAR
    labels = [{k: re.sub(r"\s*[（(][^）)]*[）)]$", "", v) for k, v in policy.label(n).items()} for n, _ in once]   # "（每月）" off
    what_zh, what_en = "、".join(lb["zh"] for lb in labels), ", ".join(lb["en"][:1].lower() + lb["en"][1:] for lb in labels)
    if months < MONTHS_A_YEAR:
        result["_lead"] = [*result.get("_lead", ()), (
            f"{what_zh}全年 {money_str(yearly)} 元原则上于每年{when['zh']}一次性征收，只缴 {months} 个月时是否仍收全年的数额原文没有写；"
            f"以下按每月 {money_str(monthly_total)} 元折算",
            f"{what_en[:1].upper() + what_en[1:]} ({money_str(yearly)} yuan for the year) is collected in principle once, in {when['en']}, and the "
            f"source does not say whether the whole year's amount is due for {months} months; below, averaged at "
            f"{money_str(monthly_total)} yuan a month")]
        warnings.append({
            "id": "collected-once-part-year",
            "zh": f"{what_zh}原则上于每年{when['zh']}一次性征收全年 {money_str(yearly)} 元；只缴部分月份的，原文没有写是否仍收全年的数额，"
                  "请向当地医保或税务部门确认。",
            "en": f"{what_en[:1].upper() + what_en[1:]} is collected in principle once a year, in {when['en']} ({money_str(yearly)} yuan for the "
                  "year); for fewer than 12 months the source does not say whether the whole year's amount is due: ask "
                  "the local healthcare security or tax office."})
        return
    result["monthly_collected"] = each_month
    result["once_collected"] = yearly
    result["once_month"] = {"zh": when["zh"].strip(), "en": when["en"]}
    result["_quiet"] = ["monthly_total"]   # an average: the headline says what is paid, and when
    steps.append(step(
        policy, "collected",
        f"实际扣缴：每月 {money_str(each_month)} 元；{what_zh}全年 {money_str(yearly)} 元原则上于每年{when['zh']}一次性征收，"
        f"所以{when['zh']}共缴 {money_str(each_month + yearly)} 元，其余各月 {money_str(each_month)} 元"
        f"（每月合计 {money_str(monthly_total)} 元是把全年的{what_zh}平摊到 12 个月的平均数）",
        f"What is actually paid: {money_str(each_month)} yuan each month; the {what_en} for the year, "
        f"{money_str(yearly)} yuan, is collected in principle once, in {when['en']}, so {when['en']} takes "
        f"{money_str(each_month + yearly)} yuan and every other month {money_str(each_month)} yuan (the monthly total of "
        f"{money_str(monthly_total)} yuan spreads the year's {what_en} over 12 months: an average)",
        {"monthly_collected": money_str(each_month), "once_collected": money_str(yearly),
         "collection_month_total": money_str(each_month + yearly)}, tuple(names)))


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
