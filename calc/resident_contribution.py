"""`resident-contribution`: the resident standard, the subsidy for a person's groups, what they pay.

Everything that differs between counties is policy data:

- `individual_contribution`: the standard (350 yuan in 平江 and 双清);
- `subsidy_full_categories` (with `subsidy_full_rate`) and `subsidy_half_categories`
  (with `subsidy_half_amount` / `subsidy_half_rate`): who gets which subsidy;
- `<category>_subsidy` with value null: a group the source names as subsidised but
  gives no amount for (双清: `child_in_difficulty_subsidy`) — the result is then not
  determined unless another group already pays everything;
- `subsidy_only_via`: a group subsidised only through another (平江: veterans in
  difficulty only through 低保);
- `subsidy_combination` (no_stacking | highest | stacking) or the older `subsidy_no_stacking`:
  how one person's groups combine (stated in 平江, our reading in 双清); `subsidy_funders`: who pays each subsidy;
- `subsidy_categories`: the policy's own groups (what each gives, who pays) and its own wording of
  shared ones (calc/categories.py); the form offers only the groups the policy names;
- `full_subsidy_payment_channel`, `half_subsidy_payment_channel`, `payment_channels`: how;
- `subsidy_list_date`, `subsidy_newly_recognised_in_collection_period`,
  `subsidy_newly_recognised_after_collection_period`: when a newly recognised group counts.

The source figures:

>>> PJ, SQ = "hunan/yueyang/pingjiang/2023-resident", "hunan/shaoyang/shuangqing/2023-resident"
>>> r = run_resident(PJ, {})
>>> r["standard"], r["subsidy"], r["payable"], r["applied_category"]
('350.00', '0.00', '350.00', 'none')
>>> ON = {"subsidy_list": "on_list"}   # 平江: on the lists of 2022-08-31 (never assumed)
>>> r = run_resident(PJ, {"categories": ["extreme_poverty"], **ON})
>>> r["subsidy"], r["payable"], r["subsidy_payer"]["zh"], r["payment_channel"]
('350.00', '0.00', '医疗救助', 'zero_payment_registration_by_township')
>>> r = run_resident(PJ, {"categories": ["minimum_living"], **ON})
>>> r["subsidy"], r["payable"], r["payment_channel"]
('175.00', '175.00', 'tax_system')
>>> run_resident(PJ, {"categories": ["minimum_living", "child_in_difficulty"], **ON})["payable"]   # not added together
'175.00'
>>> run_resident(PJ, {"categories": ["veteran_in_difficulty"]})["payable"]   # only through 低保
'350.00'

Not known whether on the lists: 175 or 350, so not determined; born in 2023, after the lists and the period: 350:

>>> r = run_resident(PJ, {"categories": ["minimum_living"]})
>>> r["determined"], r["payable"], r["payable_at_most"], r["subsidy_timing"]
(False, None, '350.00', 'not_known')
>>> run_resident(PJ, {"categories": ["minimum_living"], "born_on": "2023-03-10"})["payable"]
'350.00'
>>> r = run_resident(SQ, {"categories": ["veteran_in_difficulty"]})
>>> r["payable"], r["subsidy_payer"]["zh"]
('0.00', '区退役军人事务局')
>>> r = run_resident(SQ, {"categories": ["monitored"]})
>>> r["subsidy"], r["subsidy_payer"]["zh"]
('175.00', '财政资金')
>>> r = run_resident(SQ, {"categories": ["child_in_difficulty"]})
>>> r["determined"], r["subsidy"], r["payable"]
(False, None, None)
"""
from __future__ import annotations

from typing import Any

import datetime as dt
from decimal import Decimal

from . import categories as cat
from . import series
from .charts import LANGS, Part, stacked_bar
from .charts import drawn as chart_drawn
from .errors import InputError, InputErrors
from .inputs import Choice, InputSpec, Text
from .money import cents, money_str, percent_str
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step, step
from .doctest_helper import result_runner

NONE = "none"

CHANNELS = {
    "zero_payment_registration_by_township": Text(
        "由乡镇（街道）在医保信息系统直接办理“零缴费”登记，不通过税务系统缴费",
        "The township registers you as \"zero payment\" in the healthcare security system; nothing is paid through the tax system"),
    "tax_system": Text(
        "本人应缴部分按通知列出的缴费方式通过税务系统缴纳",
        "You pay your own share through the tax system, by the ways of paying the notice lists"),
    "listed_channels": Text(
        "按通知列出的缴费方式缴纳（见计算步骤）",
        "By the ways of paying the notice lists (see the steps)"),
}

LIST_STATUS = {   # what the person says about the subsidy lists (input `subsidy_list`)
    "not_known": Text("不知道", "Don't know"),
    "on_list": Text("在名单基准日的资助名单内", "On the subsidy lists of the list date"),
    "recognised_later": Text("名单基准日之后才认定（请填写认定日期）", "Recognised after the list date (enter the date)"),
}

TIMINGS = {
    "on_list": Text("已在资助名单基准日的名单内", "On the subsidy lists of the list date"),
    # no longer produced (issue 15: list membership is never assumed); kept so describe() stays compatible
    "assumed_on_list": Text("未填写认定日期：按已在资助名单内计算", "No recognition date given: computed as if on the subsidy lists"),
    "not_known": Text("不知道是否在资助名单内：结果取决于认定时间", "Not known whether on the subsidy lists: the result depends on when you were recognised"),
    "recognised_in_period": Text("集中缴费期内新认定：享受本年度资助", "Recognised during the collection period: subsidised this year"),
    "recognised_after_period": Text("集中缴费期结束后才认定：本年度不享受资助，从下一个集中缴费期起享受",
                                    "Recognised after the collection period: no subsidy this year, from the next collection period"),
}

REFUND_VIA = {
    "huimin_huinong_subsidy_card": Text("通过“惠民惠农财政补贴资金一卡通”直接打卡发放",
                                        "Directly onto the \"Huimin Huinong\" government subsidy card (一卡通)"),
}

INPUTS = (
    InputSpec("categories", "list", Text("资助参保身份（可多选，不选即普通居民）", "Subsidised groups you belong to (tick all that apply; none = ordinary resident)"),
              default=[], choices=cat.CATEGORY_CHOICES, choices_from=cat.POLICY_GROUPS,
              help=Text("按有关部门认定的身份勾选。同时属于几类的，全部勾选：计算器按政策决定是否叠加。",
                        "Tick the groups the authorities have recognised you in. If you are in several, tick them all: the policy decides whether subsidies add up.")),
    InputSpec("subsidy_list", "enum", Text("是否在资助名单内", "On the subsidy lists?"), default="not_known",
              choices=tuple(Choice(k, v) for k, v in LIST_STATUS.items()),
              help=Text("资助名单以名单基准日各部门提供的名单为准；之后才认定的，资助取决于认定时间。不知道的，计算器分别说明两种情况。",
                        "The subsidy lists are those the departments supplied on the list date; for people recognised later the "
                        "subsidy depends on when. If you don't know, the calculator explains both cases."),
              applies_when="has:subsidy_list_date"),
    InputSpec("recognised_on", "date", Text("认定为困难对象的日期（可不填）", "Date you were recognised in that group (optional)"),
              help=Text("名单基准日之后才新认定的，请填写认定日期。",
                        "If you were recognised only after the subsidy list date, enter the date."),
              applies_when="has:subsidy_list_date"),
    InputSpec("born_on", "date", Text("出生日期（新生儿等，可不填）", "Date of birth (newborns and the like; optional)"),
              help=Text("名单基准日之后出生的，不可能在名单内：计算器据此判断认定时间。",
                        "Someone born after the list date cannot be on the lists: the calculator works out the timing from it."),
              applies_when="has:subsidy_list_date"),
    InputSpec("paid_on", "date", Text("本人已缴费的日期（可不填）", "Date you already paid (optional)"),
              help=Text("如果在认定之前已经按全额缴过费，请填写缴费日期，以便计算退回的资助。",
                        "If you paid the full amount before being recognised, enter the payment date to see how the subsidy is paid back."),
              applies_when="has:subsidy_list_date"),
)

_CATEGORY_OUT = tuple(cat.CATEGORY_CHOICES) + (Choice(NONE, Text("无资助类别（按普通居民缴费）", "None (pays as an ordinary resident)")),)

OUTPUTS = (
    OutputSpec("standard", "money", Text("个人缴费标准（元/年）", "Individual contribution standard (yuan/year)")),
    OutputSpec("subsidy", "money", Text("参保资助（元）", "Subsidy (yuan)"),
               lead=Text("资助 {}", "subsidy {}")),
    OutputSpec("payable", "money", Text("本人应缴（元）", "You pay (yuan)"),
               lead=Text("本人应缴 {}", "you pay {}")),
    OutputSpec("payable_at_most", "money", Text("本人最多缴（元）", "You pay at most (yuan)"),
               lead=Text("本人最多缴 {}", "you pay at most {}")),
    OutputSpec("applied_category", "text", Text("按哪类身份资助", "Subsidy applied as"), _CATEGORY_OUT),
    OutputSpec("subsidy_payer", "text", Text("资助资金来源", "Subsidy paid by")),
    OutputSpec("payment_channel", "text", Text("缴费方式", "How you pay"),
               tuple(Choice(k, v) for k, v in CHANNELS.items())),
    OutputSpec("determined", "boolean", Text("原文能否确定金额", "Amounts fixed by the source")),
    OutputSpec("subsidy_timing", "text", Text("资助身份认定时间", "When your group was recognised"),
               tuple(Choice(k, v) for k, v in TIMINGS.items())),
    OutputSpec("refund_amount", "money", Text("追补退回的资助（元）", "Subsidy paid back to you (yuan)")),
    OutputSpec("refund_via", "text", Text("追补资助的发放方式", "How the subsidy is paid back"),
               tuple(Choice(k, v) for k, v in REFUND_VIA.items())),
)


def _y(value: Decimal) -> tuple[str, str]:
    return f"{money_str(value)} 元", f"{money_str(value)} yuan"


def _reading_note(policy: Policy, name: str) -> tuple[str, str]:
    from .reading_notes import reading_note   # readers get the note's number, never its id
    return reading_note(policy, name)


class _Option:
    """What one ticked category would give on its own."""

    def __init__(self, code: str, amount: Decimal | None, payer: dict[str, Any] | None):
        self.code, self.amount, self.payer = code, amount, payer


def _funder(policy: Policy, code: str) -> dict[str, Any] | None:
    if policy.has("subsidy_funders"):
        return policy.value("subsidy_funders").get(code)
    return None


def _options(policy: Policy, codes: list[str], standard: Decimal) -> tuple[list[_Option], list[Step]]:
    full = set(policy.value("subsidy_full_categories")) if policy.has("subsidy_full_categories") else set()
    half = set(policy.value("subsidy_half_categories")) if policy.has("subsidy_half_categories") else set()
    only_via = policy.value("subsidy_only_via") if policy.has("subsidy_only_via") else {}
    decl = cat.declared(policy)
    options: list[_Option] = []
    steps: list[Step] = []
    for code in codes:
        name = cat.label(code, decl)
        funder = (decl.get(code) or {}).get("payer") or _funder(policy, code)
        by_zh = f"，由{funder['zh']}资助" if funder else ""
        by_en = f", paid by {funder['en']}" if funder else ""
        funder_cite = ("subsidy_funders",) if funder else ()
        if "gives" in (decl.get(code) or {}):
            option, own_step = _declared_option(policy, code, standard, funder)
            options.append(option)
            steps.append(own_step)
        elif code in full:
            rate = policy.rate("subsidy_full_rate")
            amount = cents(standard * rate)
            options.append(_Option(code, amount, funder))
            zh, en = _y(amount)
            steps.append(step(
                policy, f"category_{code}",
                f"{name.zh}：全额资助对象，资助 {money_str(standard)} × {percent_str(rate)} = {zh}{by_zh}。",
                f"{name.en}: fully subsidised, {money_str(standard)} × {percent_str(rate)} = {en}{by_en}.",
                {"category": code, "subsidy": money_str(amount)},
                ("subsidy_full_categories", "subsidy_full_rate") + funder_cite,
            ))
        elif code in half:
            rate = policy.rate("subsidy_half_rate")
            computed = cents(standard * rate)
            amount = policy.decimal("subsidy_half_amount") if policy.has("subsidy_half_amount") else computed
            options.append(_Option(code, amount, funder))
            zh, en = _y(amount)
            steps.append(step(
                policy, f"category_{code}",
                f"{name.zh}：半额资助对象，资助 {money_str(standard)} × {percent_str(rate)} = {zh}{by_zh}。",
                f"{name.en}: half subsidised, {money_str(standard)} × {percent_str(rate)} = {en}{by_en}.",
                {"category": code, "subsidy": money_str(amount)},
                ("subsidy_half_categories", "subsidy_half_rate")
                + (("subsidy_half_amount",) if policy.has("subsidy_half_amount") else ()) + funder_cite,
            ))
        elif policy.has(f"{code}_subsidy"):
            param = f"{code}_subsidy"
            if policy.is_open(param):
                options.append(_Option(code, None, funder))
                note_zh, note_en = _reading_note(policy, param)
                steps.append(step(
                    policy, f"category_{code}",
                    f"{name.zh}：原文把这一群体列为资助对象，但没有公布资助金额或比例，也没有写由谁出资{note_zh}。"
                    "我们不代为估计：请向当地医保部门确认。",
                    f"{name.en}: the source names this group as subsidised but publishes no amount or share, "
                    f"and no funder{note_en}. We do not guess: ask the local healthcare security office.",
                    {"category": code}, (param,),
                ))
            else:
                amount = min(policy.decimal(param), standard)
                options.append(_Option(code, amount, funder))
                zh, en = _y(amount)
                steps.append(step(policy, f"category_{code}", f"{name.zh}：资助 {zh}{by_zh}。", f"{name.en}: subsidy {en}{by_en}.",
                                  {"category": code, "subsidy": money_str(amount)}, (param,) + funder_cite))
        elif code in only_via:
            via = only_via[code]
            via_name = cat.label(via, decl)
            ticked = via in codes
            note_zh, note_en = _reading_note(policy, "subsidy_only_via")
            steps.append(step(
                policy, f"category_{code}",
                f"{name.zh}：本政策不单列这一类，只有同时属于“{via_name.zh}”的才按“{via_name.zh}”资助{note_zh}。"
                + (f"您也勾选了“{via_name.zh}”，按该身份计算。" if ticked else f"您没有勾选“{via_name.zh}”，因此这一身份本身没有资助。"),
                f"{name.en}: this policy has no subsidy for the group as such; only those who are also "
                f"\"{via_name.en}\" are subsidised, as such{note_en}. "
                + (f"You ticked \"{via_name.en}\" too, so that group applies." if ticked else f"You did not tick \"{via_name.en}\", so this group alone gets no subsidy."),
                {"category": code, "via": via}, ("subsidy_only_via",),
            ))
        else:
            steps.append(Step(
                f"category_{code}",
                f"{name.zh}：本政策没有为这一群体规定参保资助。",
                f"{name.en}: this policy sets no contribution subsidy for this group.",
                {"category": code},
            ))
    return options, steps


def _declared_option(policy: Policy, code: str, standard: Decimal, funder: dict[str, Any] | None) -> tuple[_Option, Step]:
    """A group the policy declares itself (`subsidy_categories`): full, half, a fixed amount or a share."""
    entry = cat.declared(policy)[code]
    gives, name = entry["gives"], cat.label(code, cat.declared(policy))
    by_zh = f"，由{funder['zh']}资助" if funder else ""
    by_en = f", paid by {funder['en']}" if funder else ""
    if gives == "full":
        amount, how_zh, how_en = standard, "全额资助", "fully subsidised"
    elif gives == "half":
        amount, how_zh, how_en = cents(standard / 2), "资助一半", "half subsidised"
    elif "amount" in gives:
        fixed = Decimal(str(gives["amount"]))
        amount = min(fixed, standard)
        how_zh, how_en = f"定额资助 {money_str(fixed)} 元（不超过个人缴费）", f"a fixed {money_str(fixed)} yuan (at most the contribution)"
    else:
        share = Decimal(str(gives["share"])) / 100
        amount = cents(standard * share)
        how_zh = how_en = f"{money_str(standard)} × {percent_str(share)}"
    zh, en = _y(amount)
    return _Option(code, amount, funder), step(
        policy, f"category_{code}", f"{name.zh}：{how_zh}，资助 {zh}{by_zh}。", f"{name.en}: {how_en}, subsidy {en}{by_en}.",
        {"category": code, "subsidy": money_str(amount)}, (cat.DECLARED,) + (("subsidy_funders",) if _funder(policy, code) else ()))


def _combination(policy: Policy) -> tuple[str, str | None, bool]:
    """(rule, parameter it comes from, stated by the source) for how one person's groups combine:
    `subsidy_combination`, or the older `subsidy_no_stacking` (true: no stacking, false: stacking)."""
    if policy.has("subsidy_combination"):
        return policy.value("subsidy_combination"), "subsidy_combination", policy.status("subsidy_combination") == "stated"
    if policy.has("subsidy_no_stacking"):
        rule = "no_stacking" if policy.value("subsidy_no_stacking") else "stacking"
        return rule, "subsidy_no_stacking", policy.status("subsidy_no_stacking") == "stated"
    return "no_stacking", None, False


# per combination rule: what the source says (stated), our reading where it says nothing, and the outcome
COMBINATION_TEXT = {
    "no_stacking": (Text("原文：有双重资助参保身份的，资助金额不累加。", "The source says subsidies for several identities are not added together. "),
                    Text("原文没有写同时符合几种资助身份时如何处理；按我们的读法不累加。",
                         "The source does not say what happens with several subsidised identities; in our reading they do not add up. "),
                    Text("按较优的一项计算", "The more favourable one applies")),
    "highest": (Text("原文：同时符合几种资助身份的，就高资助，不累加。", "The source says the highest subsidy applies (就高), without adding them up. "),
                Text("原文没有写同时符合几种资助身份时如何处理；按我们的读法就高，不累加。",
                     "The source does not say what happens with several subsidised identities; in our reading the highest applies. "),
                Text("按资助最高的一项计算", "The highest one applies")),
    "stacking": (Text("原文：几种资助身份的资助可以累加，合计不超过个人缴费。",
                      "The source says the subsidies of several identities add up, to at most the contribution. "),
                 Text("原文没有写同时符合几种资助身份时如何处理；按我们的读法累加，合计不超过个人缴费。",
                      "The source does not say what happens with several subsidised identities; in our reading they add up, to at most the contribution. "),
                 Text("各项资助相加", "The subsidies are added together")),
}


def _combination_step(policy: Policy, options: list[_Option]) -> Step:
    rule, param, stated = _combination(policy)
    said, read, outcome = COMBINATION_TEXT[rule]
    text = said if stated else read
    codes = {"categories": ", ".join(o.code for o in options)}
    if param is None:
        return Step("no_stacking", f"{text.zh}{outcome.zh}。", f"{text.en}{outcome.en}.", codes)
    note_zh, note_en = _reading_note(policy, param)
    return step(policy, "no_stacking", f"{text.zh}{outcome.zh}{note_zh}。", f"{text.en}{outcome.en}{note_en}.", codes, (param,))


# a date of birth or recognition before this is a typing slip (0001-01-01), not a person's
EARLIEST = dt.date(1900, 1, 1)


def _timing_errors(policy: Policy, values: dict[str, Any], codes: list[str]) -> list[InputError]:
    """Inputs about the lists and dates that are valid alone but contradict each other."""
    recognised, paid, born, listed = values["recognised_on"], values["paid_on"], values["born_on"], values["subsidy_list"]
    errors = []
    if recognised is not None and not codes:
        errors.append(InputError("recognised_on", "填写了认定日期，但没有勾选本政策给予资助的身份。",
                                 "A recognition date was given but none of the groups ticked is subsidised under this policy."))
    if paid is not None and policy.has("collection_period_start") and paid < _date(policy, "collection_period_start"):
        start = _date(policy, "collection_period_start").isoformat()
        errors.append(InputError("paid_on", f"本年度缴费从 {start} 开始，缴费日期不能更早。",
                                 f"Payments for this year start on {start}; the payment date cannot be earlier."))
    year_to = policy.governs("benefits")[1]
    if paid is not None and year_to is not None and paid > year_to:   # a payment for a later year: its policy
        errors.append(series.elsewhere_error(policy.id, "paid_on", paid))
    for name, day, what in (("born_on", born, Text("出生日期", "date of birth")), ("recognised_on", recognised, Text("认定日期", "recognition date"))):
        if day is not None and day < EARLIEST:
            errors.append(InputError(name, f"{what.zh}不合理（早于 {EARLIEST.isoformat()}）。",
                                     f"The {what.en} is not plausible (before {EARLIEST.isoformat()})."))
        elif day is not None and year_to is not None and day > year_to:   # after the year: nothing of this policy's
            errors.append(InputError(name, f"{what.zh}晚于本政策的待遇年度（至 {year_to.isoformat()}），与本年度的资助无关。",
                                     f"The {what.en} is after this policy's insurance year (ends {year_to.isoformat()}): "
                                     "it has no bearing on this year's subsidy."))
    if born is not None and recognised is not None and recognised < born:
        errors.append(InputError("recognised_on", "认定日期不能早于出生日期。", "The recognition date cannot be before the date of birth."))
    if not policy.has("subsidy_list_date"):
        return errors
    list_date = _date(policy, "subsidy_list_date")
    if listed == "on_list" and born is not None and born > list_date:
        errors.append(InputError(
            "subsidy_list", f"出生日期 {born.isoformat()} 晚于名单基准日 {list_date.isoformat()}：不可能在名单内，请选择“之后才认定”。",
            f"Born on {born.isoformat()}, after the list date {list_date.isoformat()}: you cannot be on the lists; choose \"recognised after\"."))
    if listed == "on_list" and recognised is not None and recognised > list_date:
        errors.append(InputError(
            "subsidy_list", f"认定日期 {recognised.isoformat()} 晚于名单基准日 {list_date.isoformat()}，与“在名单内”矛盾。",
            f"The recognition date {recognised.isoformat()} is after the list date {list_date.isoformat()}, which contradicts \"on the lists\"."))
    if listed == "recognised_later" and recognised is not None and recognised <= list_date:
        errors.append(InputError(
            "subsidy_list", f"认定日期 {recognised.isoformat()} 不晚于名单基准日 {list_date.isoformat()}，即在名单内。",
            f"The recognition date {recognised.isoformat()} is no later than the list date {list_date.isoformat()}: that is on the lists."))
    period_end = _date(policy, "collection_period_end")
    if (listed == "recognised_later" and recognised is None and codes and not (born is not None and born > period_end)):
        errors.append(InputError("recognised_on", "选择了“之后才认定”：请填写认定日期。",
                                 "You chose \"recognised after the list date\": enter the recognition date."))
    return errors


def _timing(policy: Policy, values: dict[str, Any], codes: list[str]) -> tuple[str | None, list[Step]]:
    """平江-style subsidy timing: the list date, newly recognised in / after the collection period.
    List membership is never assumed: it is said (`subsidy_list`), dated (`recognised_on`), derived
    from a birth after the list date (`born_on`), or not known (then both outcomes are shown)."""
    errors = _timing_errors(policy, values, codes)
    if errors:
        raise InputErrors(errors)
    if not codes or not policy.has("subsidy_list_date"):
        return None, []
    recognised, born, listed = values["recognised_on"], values["born_on"], values["subsidy_list"]
    list_date = _date(policy, "subsidy_list_date")
    period_end = _date(policy, "collection_period_end")
    if recognised is None and born is not None and born > period_end:
        return "recognised_after_period", [step(
            policy, "subsidy_timing",
            f"您出生于 {born.isoformat()}，晚于名单基准日 {list_date.isoformat()}，也晚于集中缴费期末 {period_end.isoformat()}："
            "不可能在名单内，只能在缴费期结束后才认定，本年度不享受参保资助，从下一个集中缴费期开始享受。",
            f"Born on {born.isoformat()}, after the list date ({list_date.isoformat()}) and after the collection period "
            f"ended ({period_end.isoformat()}): you cannot be on the lists and can only be recognised after the period, "
            "so no contribution subsidy this year; it starts with the next collection period.",
            {"born_on": born.isoformat(), "list_date": list_date.isoformat(), "period_end": period_end.isoformat()},
            ("subsidy_list_date", "subsidy_newly_recognised_after_collection_period", "collection_period_end"))]
    if recognised is None and listed == "on_list":
        return "on_list", [step(
            policy, "subsidy_timing",
            f"资助名单以 {list_date.isoformat()} 各部门提供的名单为准；您在名单内：按名单资助。",
            f"The subsidy lists are those the departments supplied on {list_date.isoformat()}; you are on them: subsidised from the lists.",
            {"list_date": list_date.isoformat()}, ("subsidy_list_date",))]
    if recognised is None:
        born_after = born is not None and born > list_date
        return "not_known", [step(
            policy, "subsidy_timing",
            f"资助名单以 {list_date.isoformat()} 各部门提供的名单为准。"
            + (f"您出生于 {born.isoformat()}，不在名单内；" if born_after else "您没有说明是否在名单内，也没有填写认定日期；")
            + f"在名单内或在集中缴费期末 {period_end.isoformat()} 前新认定的，享受本年度资助；缴费期结束后才认定的，本年度不享受。",
            f"The subsidy lists are those the departments supplied on {list_date.isoformat()}. "
            + (f"Born on {born.isoformat()}, you are not on them; " if born_after
               else "You did not say whether you are on them, nor give a recognition date; ")
            + f"people on the lists or newly recognised by the end of the collection period ({period_end.isoformat()}) get this "
            "year's subsidy; people recognised after it do not.",
            {"list_date": list_date.isoformat(), "period_end": period_end.isoformat()},
            ("subsidy_list_date", "subsidy_newly_recognised_in_collection_period",
             "subsidy_newly_recognised_after_collection_period", "collection_period_end"))]
    if recognised <= list_date:
        return "on_list", [step(
            policy, "subsidy_timing",
            f"您在 {recognised.isoformat()} 已被认定，不晚于名单基准日 {list_date.isoformat()}：按名单资助。",
            f"You were recognised on {recognised.isoformat()}, no later than the list date {list_date.isoformat()}: subsidised from the lists.",
            {"recognised_on": recognised.isoformat(), "list_date": list_date.isoformat()}, ("subsidy_list_date",))]
    if recognised <= period_end:
        note_zh, note_en = _reading_note(policy, "subsidy_newly_recognised_in_collection_period")
        return "recognised_in_period", [step(
            policy, "subsidy_timing",
            f"您在 {recognised.isoformat()} 新认定，晚于名单基准日、不晚于集中缴费期末 {period_end.isoformat()}："
            f"集中缴费期内动态新增的困难对象可享受本年度资助{note_zh}。",
            f"You were newly recognised on {recognised.isoformat()}, after the list date and no later than the end of the "
            f"collection period ({period_end.isoformat()}): people newly recognised during the period get this year's subsidy{note_en}.",
            {"recognised_on": recognised.isoformat(), "period_end": period_end.isoformat()},
            ("subsidy_list_date", "subsidy_newly_recognised_in_collection_period", "collection_period_end"))]
    return "recognised_after_period", [step(
        policy, "subsidy_timing",
        f"您在 {recognised.isoformat()} 才认定，晚于集中缴费期末 {period_end.isoformat()}："
        "本年度不享受参保资助，从下一个集中缴费期开始享受。",
        f"You were recognised on {recognised.isoformat()}, after the collection period ended ({period_end.isoformat()}): "
        "no contribution subsidy this year; it starts with the next collection period.",
        {"recognised_on": recognised.isoformat(), "period_end": period_end.isoformat()},
        ("subsidy_newly_recognised_after_collection_period", "collection_period_end"))]


def _date(policy: Policy, name: str) -> dt.date:
    value = policy.value(name)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _payer_text(options: list[_Option], joined: bool = False) -> dict[str, Any] | None:
    """The funder(s) of the subsidy applied: one, several that together pay (stacking, `joined`), or
    several of which the source does not say which pays."""
    payers = []
    for o in options:
        if o.payer and o.payer not in payers:
            payers.append(o.payer)
    if not payers or any(o.payer is None for o in options):
        return None
    if len(payers) == 1:
        return dict(payers[0])
    if joined:
        return {"zh": "、".join(p["zh"] for p in payers), "en": ", ".join(p["en"] for p in payers)}
    return {"zh": " 或 ".join(p["zh"] for p in payers) + "（原文未写明由哪一方出资）",
            "en": " or ".join(p["en"] for p in payers) + " (the source does not say which)"}


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    decl = cat.declared(policy)
    codes = cat.sort_codes(values["categories"] or [], decl)
    standard = policy.decimal("individual_contribution")
    zh, en = _y(standard)
    steps = [step(policy, "standard", f"个人缴费标准：{zh}/年。", f"Individual contribution standard: {en} a year.",
                  {"standard": money_str(standard)}, ("individual_contribution",))]
    options, category_steps = _options(policy, codes, standard)
    timing, timing_steps = _timing(policy, values, [o.code for o in options])
    if timing == "recognised_after_period":   # no subsidy this year: no group's amount is shown
        options, category_steps = [], []
    steps += timing_steps + category_steps
    result: dict[str, Any] = {"standard": standard, "_labels": {}}
    known = [o for o in options if o.amount is not None and o.amount > 0]
    unknown = [o for o in options if o.amount is None]
    best = max((o.amount for o in known), default=Decimal(0))
    ties = [o for o in known if o.amount == best]

    subsidy_options = known + unknown
    if len(subsidy_options) > 1:
        steps.append(_combination_step(policy, subsidy_options))
    stacking = _combination(policy)[0] == "stacking"
    if stacking:
        best = min(sum((o.amount for o in known), Decimal(0)), standard)
        ties = known
    determined = not unknown or best >= standard
    # not known whether on the lists: subsidised if listed or recognised in the period, not if recognised later
    depends = timing == "not_known" and determined and best > 0
    result["determined"] = determined and not depends

    if unknown and determined:
        steps.append(Step(
            "unknown_covered",
            f"未公布金额的身份不影响结果：已有一项资助覆盖全部个人缴费（{_y(standard)[0]}）。",
            f"The group without a published amount does not change the result: another subsidy already pays the whole contribution ({_y(standard)[1]}).",
            {"subsidy": money_str(best)}))

    if depends:
        result.update(subsidy=None, payable=None, applied_category=None, subsidy_payer=None, payment_channel=None,
                      payable_at_most=standard)
        zh_b, en_b = _y(best)
        zh_p, en_p = _y(standard - best)
        steps.append(step(
            policy, "depends_on_list",
            f"无法确定：在名单内或在集中缴费期内新认定的，资助 {zh_b}，本人缴 {zh_p}；缴费期结束后才认定的，本年度没有资助，本人缴 {zh}。"
            "请选择是否在名单内，或填写认定日期。",
            f"Not determined: on the lists or newly recognised during the collection period, the subsidy is {en_b} and you "
            f"pay {en_p}; recognised after the period, there is no subsidy this year and you pay {en}. Say whether you are "
            "on the lists, or enter the recognition date.",
            {"subsidy_if_listed": money_str(best), "payable_if_listed": money_str(standard - best), "payable_at_most": money_str(standard)},
            ("subsidy_newly_recognised_in_collection_period", "subsidy_newly_recognised_after_collection_period")))
        result["_who_pays"] = [("depends", standard, None)]
    elif not determined:
        result.update(subsidy=None, payable=None, applied_category=None, subsidy_payer=None, payment_channel=None,
                      payable_at_most=standard - best)
        names_zh = "、".join(cat.label(o.code, decl).zh for o in unknown)
        names_en = ", ".join(cat.label(o.code, decl).en for o in unknown)
        if known:
            zh_b, en_b = _y(best)
            zh_m, en_m = _y(standard - best)
            steps.append(Step(
                "not_determined",
                f"无法确定：已知资助 {zh_b}（{cat.label(ties[0].code, decl).zh}），但{names_zh}的资助金额原文未公布，可能更高。"
                f"本人最多缴 {zh_m}；确切金额请向当地医保部门确认。",
                f"Not determined: a subsidy of {en_b} is known ({cat.label(ties[0].code, decl).en}), but the amount for "
                f"{names_en} is not published and could be higher. You pay at most {en_m}; ask the local office for the exact amount.",
                {"known_subsidy": money_str(best), "payable_at_most": money_str(standard - best)}))
        else:
            steps.append(Step(
                "not_determined",
                f"无法确定：{names_zh}的资助金额原文未公布，因此资助和本人应缴都无法计算（本人最多缴 {zh}）。",
                f"Not determined: the subsidy for {names_en} is not published, so neither the subsidy nor your share "
                f"can be worked out (you pay at most {en}).",
                {"payable_at_most": money_str(standard)}))
        parts = []
        if best > 0:
            parts.append(("payer", best, _payer_text(ties)))
        parts.append(("unknown", standard - best, None))
        result["_who_pays"] = parts
    else:
        subsidy = best if known else Decimal(0)
        payable = standard - subsidy
        applied = ties[0].code if known else NONE
        payer = _payer_text(ties, joined=stacking) if known else None
        result.update(subsidy=subsidy, payable=payable, applied_category=applied)
        if known:   # in the policy's own words (its own groups have no shared label)
            names = [cat.label(o.code, decl) for o in ties]
            result["_labels"]["applied_category"] = {"zh": "、".join(n.zh for n in names), "en": ", ".join(n.en for n in names)}
        if known:
            result["subsidy_payer"] = payer
            if len(ties) > 1 and payer and not stacking and len({(o.payer or {}).get("zh") for o in ties}) > 1:
                steps.append(Step(
                    "payer_unclear",
                    f"同额资助的几类身份出资方不同：{payer['zh']}。",
                    f"The groups giving the same subsidy have different funders: {payer['en']}.",
                    {}))
            if payer is None:
                steps.append(Step("payer_not_stated", "原文没有写这项资助由谁出资。", "The source does not say who pays this subsidy.", {}))
        zh_s, en_s = _y(subsidy)
        zh_p, en_p = _y(payable)
        steps.append(Step(
            "payable",
            f"本人应缴 = {zh} − 资助 {zh_s} = {zh_p}。",
            f"You pay = {en} − subsidy {en_s} = {en_p}.",
            {"standard": money_str(standard), "subsidy": money_str(subsidy), "payable": money_str(payable)}))
        if known and policy.has("subsidy_fiscal_funding_groups") and applied in policy.value("subsidy_fiscal_funding_groups"):
            note_zh, note_en = _reading_note(policy, "subsidy_fiscal_funding_groups")
            steps.append(step(
                policy, "fiscal_funding",
                f"另：通知的工作职责部分写明，资助{cat.label(applied, decl).zh}所需资金由县财政局或相关主管部门安排{note_zh}。",
                f"Note: the notice's duties section says the money for subsidising {cat.label(applied, decl).en} is arranged "
                f"by the county finance bureau or the competent departments{note_en}.",
                {}, ("subsidy_fiscal_funding_groups",)))
        channel, channel_steps = _channel(policy, subsidy, payable)
        steps += channel_steps
        result["payment_channel"] = channel
        parts = []
        if payable > 0:
            parts.append(("person", payable, None))
        if subsidy > 0:
            parts.append(("payer", subsidy, payer))
        result["_who_pays"] = parts

    if timing is not None:
        result["subsidy_timing"] = timing
        steps += _refund(policy, values, timing, result)
    return result, steps


def _channel(policy: Policy, subsidy: Decimal, payable: Decimal) -> tuple[str | None, list[Step]]:
    if payable == 0 and subsidy > 0:
        name = "full_subsidy_payment_channel"
    elif subsidy > 0:
        name = "half_subsidy_payment_channel"
    else:
        name = "payment_channels"
    if not policy.has(name):
        return None, [Step("payment_channel", "原文没有写这种情况如何缴费或登记。",
                           "The source does not say how people in this situation pay or are registered.", {})]
    if name == "payment_channels":
        ways = policy.value(name)
        return "listed_channels", [step(
            policy, "payment_channel",
            "缴费方式：" + "；".join(w["zh"] for w in ways) + "。",
            "Ways to pay: " + "; ".join(w["en"] for w in ways) + ".",
            {}, (name,))]
    code = policy.value(name)
    label = CHANNELS[code]
    return code, [step(policy, "payment_channel", f"缴费方式：{label.zh}。", f"How you pay: {_lc(label.en)}.", {}, (name,))]


def _lc(text: str) -> str:
    return text[:1].lower() + text[1:]


def _refund(policy: Policy, values: dict[str, Any], timing: str, result: dict[str, Any]) -> list[Step]:
    """Newly recognised during the period after paying in full: the subsidy is paid back (平江: 一卡通)."""
    recognised, paid = values["recognised_on"], values["paid_on"]
    if timing != "recognised_in_period" or paid is None or paid >= recognised or not result.get("subsidy"):
        if timing == "recognised_in_period" and result.get("subsidy") and policy.has("subsidy_applied_at_payment"):
            return [step(policy, "paid_with_subsidy",
                         "缴费时同缴同补：只需缴纳本人应缴部分。",
                         "The subsidy is applied when you pay: you pay only your own share.", {}, ("subsidy_applied_at_payment",))]
        return []
    rule = policy.value("subsidy_newly_recognised_in_collection_period")
    via = rule.get("refund_if_already_paid") if isinstance(rule, dict) else None
    subsidy = result["subsidy"]
    result["refund_amount"] = subsidy
    zh_s, en_s = _y(subsidy)
    zh_std, en_std = _y(result["standard"])
    if via in REFUND_VIA:
        result["refund_via"] = via
        how_zh, how_en = REFUND_VIA[via].zh, REFUND_VIA[via].en
    else:
        result["refund_via"] = None
        how_zh, how_en = "发放方式原文未写明", "the source does not say how it is paid back"
    return [step(
        policy, "refund",
        f"您在认定之前（{paid.isoformat()}）已按 {zh_std} 缴费、未享受资助：由户籍所在乡镇（街道）核查建台账，"
        f"县医保部门复核后追补资助 {zh_s}，{how_zh}。",
        f"You paid {en_std} on {paid.isoformat()}, before being recognised, without the subsidy: your township lists you "
        f"and, after review by the county healthcare security department, the subsidy of {en_s} is paid back: {_lc(how_en)}.",
        {"paid_on": paid.isoformat(), "refund_amount": money_str(subsidy)},
        ("subsidy_newly_recognised_in_collection_period",))]


PERSON = Text("本人缴纳", "You pay")
UNKNOWN = Text("未公布：资助或本人缴纳", "Not published: subsidy or your share")
DEPENDS = Text("取决于认定时间：资助或本人缴纳", "Depends on when you were recognised: subsidy or your share")


def _charts(result: dict[str, Any]) -> dict[str, Any]:
    parts = result.get("_who_pays") or []
    out = {}
    for lang in (lang for lang in LANGS if chart_drawn(lang)):
        drawn = []
        for role, value, payer in parts:
            amount = f"{money_str(value)} 元" if lang == "zh" else f"CNY {value:,.2f}"
            if role == "person":
                label = getattr(PERSON, lang)
            elif role == "unknown":
                label = getattr(UNKNOWN, lang)
            elif role == "depends":
                label, role = getattr(DEPENDS, lang), "unknown"
            elif payer:
                label = f"{payer['zh']}资助" if lang == "zh" else f"Paid by {payer['en']}"
            else:
                label = "资助（出资方原文未写明）" if lang == "zh" else "Subsidy (funder not stated)"
            drawn.append(Part(label, value, amount, role))
        standard = result["standard"]
        if lang == "zh":
            title = "谁来缴这笔个人缴费"
            desc = f"个人缴费标准 {money_str(standard)} 元：" + "；".join(f"{p.label} {p.amount}" for p in drawn) + "。"
        else:
            title = "Who pays the individual contribution"
            desc = f"Individual contribution CNY {standard:,.2f}: " + "; ".join(f"{p.label} {p.amount}" for p in drawn) + "."
        out[lang] = stacked_bar("who-pays", title, desc, drawn, lang)
    return {"who_pays": out}


# what compute reads from a policy (calc/parameters.py; tests/test_authoring.py proves the list complete)
PARAMETERS = (
    Parameter("individual_contribution", ("CNY/person/year",), Text("个人缴费标准。", "The individual contribution standard.")),
    Parameter("subsidy_full_categories", ("categories",), Text("全额资助的类别代码。", "Codes of the groups subsidised in full."), required=False),
    Parameter("subsidy_full_rate", ("percent",), Text("全额资助占个人缴费的百分比。", "The full subsidy as a percentage of the contribution."),
              when="has:subsidy_full_categories"),
    Parameter("subsidy_half_categories", ("categories",), Text("半额资助的类别代码。", "Codes of the groups subsidised by half."), required=False),
    Parameter("subsidy_half_rate", ("percent",), Text("半额资助占个人缴费的百分比。", "The half subsidy as a percentage of the contribution."),
              when="has:subsidy_half_categories"),
    Parameter("subsidy_half_amount", ("CNY/person/year",), Text(
        "原文写明的半额资助金额（有则用它，而不是按百分比算）。", "The half subsidy as the source states it (used instead of the percentage)."),
        required=False),
    Parameter("<category>_subsidy", ("CNY/person/year",), Text(
        "某一类别的资助金额；原文只点名而没有金额时为 null（结果标为无法确定）。",
        "One group's subsidy; null when the source names the group but gives no amount (the result is then not determined)."),
        required=False),
    Parameter("subsidy_categories", ("mapping",), Text(
        "本政策自己的资助类别，或共用类别在本政策中的名称：{代码: {zh, en, gives: full | half | {amount: 元} | {share: 百分比}, payer: {zh, en}}}；"
        "共用类别只写 zh、en。表单只列出本政策提到的类别。",
        "This policy's own subsidised groups, or its wording of shared ones: {code: {zh, en, gives: full | half | {amount: yuan} | "
        "{share: percent}, payer: {zh, en}}}; a shared group carries only zh and en. The form offers only the groups the policy names."),
        required=False, check=cat.declared_problems),
    Parameter("subsidy_combination", ("rule",), Text(
        "一人属于几类时如何资助：no_stacking（不累加，原文没说取哪一项时按较优一项）、highest（就高）、stacking（累加，不超过个人缴费）。",
        "How several groups of one person combine: no_stacking (one subsidy; the better one where the source does not say), "
        "highest (就高), stacking (added up, to at most the contribution)."), required=False,
        check=cat.combination_problems),
    Parameter("subsidy_only_via", ("mapping",), Text(
        "只通过另一身份资助的类别：{类别: 经由的类别}。", "Groups subsidised only through another: {group: the group it goes through}."), required=False),
    Parameter("subsidy_funders", ("mapping",), Text("各类别资助的出资方：{类别: {zh, en}}。", "Who funds each group's subsidy: {group: {zh, en}}."),
              required=False),
    Parameter("subsidy_no_stacking", ("rule",), Text(
        "多重身份的资助是否不累加：true 不累加（按较优一项），false 累加。", "Whether subsidies do not add up: true = the better one only, false = they add up."),
        required=False),
    Parameter("subsidy_fiscal_funding_groups", ("categories",), Text(
        "资金由财政或主管部门安排的类别（步骤中加以说明）。", "Groups whose subsidy money the finance bureau or competent departments arrange (noted in the steps)."),
        required=False),
    Parameter("full_subsidy_payment_channel", ("text",), Text(
        "全额资助者如何登记（代码，如 zero_payment_registration_by_township）。", "How fully subsidised people are registered (a code)."), required=False),
    Parameter("half_subsidy_payment_channel", ("text",), Text("部分资助者如何缴费（代码，如 tax_system）。", "How partly subsidised people pay (a code)."),
              required=False),
    Parameter("payment_channels", ("list",), Text("普通居民的缴费方式（双语列表）。", "Ways an ordinary resident pays (a bilingual list)."), required=False),
    Parameter("subsidy_list_date", ("date",), Text(
        "资助名单的基准日；有此参数，表单才问认定日期和缴费日期。", "The subsidy lists' reference date; with it the form asks for the recognition and payment dates."),
        required=False),
    Parameter("collection_period_start", ("date",), Text("集中缴费期第一天（缴费日期不能更早）。", "First day of the collection period (no earlier payment)."),
              required=False),
    Parameter("collection_period_end", ("date",), Text("集中缴费期最后一天。", "Last day of the collection period."), when="has:subsidy_list_date"),
    Parameter("subsidy_newly_recognised_in_collection_period", ("mapping",), Text(
        "缴费期内新认定者的规定：{refund_if_already_paid: huimin_huinong_subsidy_card, …}。",
        "The rule for people newly recognised during the period: {refund_if_already_paid: huimin_huinong_subsidy_card, …}."),
        when="has:subsidy_list_date"),
    Parameter("subsidy_newly_recognised_after_collection_period", ("mapping",), Text(
        "缴费期后才认定者的规定（从下一个缴费期起资助）。", "The rule for people recognised after the period (subsidised from the next period)."),
        when="has:subsidy_list_date"),
    Parameter("subsidy_applied_at_payment", ("rule",), Text("缴费时同缴同补（引用的原句）。", "The subsidy is applied at payment (the sentence cited)."),
              required=False),
)

CALCULATOR = Calculator(
    name="resident-contribution",
    title=Text("城乡居民医保个人缴费与参保资助", "Resident medical insurance: contribution and subsidy"),
    description=Text(
        "按您的资助参保身份，算出个人缴费标准、资助多少、由谁资助、本人要缴多少和怎样缴。",
        "From the subsidised groups you belong to, works out the standard, the subsidy, who pays it, what you pay and how.",
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=_compute,
    charts=_charts,
    parameters=PARAMETERS,
)


run_resident = result_runner(__name__)   # the doctests' helper (calc/doctest_helper.py)
