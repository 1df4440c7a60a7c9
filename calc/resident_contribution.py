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

Its parts: calc/resident_subsidy_groups.py (what each group gives, who funds it, how groups combine),
calc/resident_subsidy_timing.py (when a group counts, the refund), calc/resident_payment_channel.py,
calc/resident_who_pays_chart.py.

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

from decimal import Decimal

from . import categories as cat
from .inputs import Choice, InputSpec, Text
from .money import money_str
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .resident_payment_channel import CHANNELS, _channel
from .resident_subsidy_groups import _combination, _combination_step, _options, _payer_text, _reading_note, _y
from .resident_subsidy_timing import REFUND_VIA, TIMINGS, _refund, _timing
from .resident_who_pays_chart import _charts
from .steps import Step, step
from .doctest_helper import result_runner

NONE = "none"

LIST_STATUS = {   # what the person says about the subsidy lists (input `subsidy_list`)
    "not_known": Text("不知道", "Don't know"),
    "on_list": Text("在名单基准日的资助名单内", "On the subsidy lists of the list date"),
    "recognised_later": Text("名单基准日之后才认定（请填写认定日期）", "Recognised after the list date (enter the date)"),
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
    amounts = [o.amount for o in known if o.amount is not None]   # known's amounts (typed: none is None)
    best = max(amounts, default=Decimal(0))
    ties = [o for o in known if o.amount == best]

    subsidy_options = known + unknown
    if len(subsidy_options) > 1:
        steps.append(_combination_step(policy, subsidy_options))
    stacking = _combination(policy)[0] == "stacking"
    if stacking:
        best = min(sum(amounts, Decimal(0)), standard)
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
