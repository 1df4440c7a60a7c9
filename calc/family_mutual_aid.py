"""`family-mutual-aid`: may my employee-insurance personal account pay for this relative?

Who counts as a close relative is policy data (`family_mutual_aid_relatives`), and so
is what the account may pay for (`family_mutual_aid_uses`): the relative's own
contributions to resident insurance, long-term care insurance and low-cost (惠民型) commercial
supplementary insurance, and an insured relative's out-of-pocket costs at designated
providers. Relations that are not on the list get a clear "no".

>>> r = run_aid({"relation": "maternal_grandparent", "relative_insured": True})
>>> r["eligible_relative"], r["may_pay_contributions"], r["may_pay_medical_costs"]
(True, ['resident_insurance_contribution', 'long_term_care_contribution', 'inclusive_commercial_supplementary_contribution'], True)
>>> run_aid({"relation": "parent", "relative_insured": False})["may_pay_medical_costs"]
False
>>> r = run_aid({"relation": "parent_in_law", "relative_insured": True})
>>> r["eligible_relative"], r["may_pay_contributions"], r["may_pay_resident_insurance"], r["may_pay_medical_costs"]
(False, [], False, False)

Only a member with an employee-insurance personal account can use it; flexible workers may have none (衡阳:
“原灵活就业统账结合缴费方式不再新增参保人员”; 周口: “不建立个人账户”), so the calculator asks (issue 19, M8):

>>> r = run_aid({"relation": "parent", "relative_insured": True, "has_personal_account": False})
>>> r["has_personal_account"], r["eligible_relative"], r["may_pay_contributions"], r["may_pay_medical_costs"]
(False, True, [], False)
"""
from __future__ import annotations

from typing import Any

from .inputs import Choice, InputSpec, Text
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step, step
from .doctest_helper import result_runner

RELATIONS = (
    Choice("spouse", Text("配偶", "Spouse")),
    Choice("parent", Text("父母", "Parent")),
    Choice("child", Text("子女", "Child")),
    Choice("sibling", Text("兄弟姐妹", "Brother or sister")),
    Choice("grandparent", Text("祖父母（爷爷、奶奶）", "Paternal grandparent")),
    Choice("maternal_grandparent", Text("外祖父母（外公、外婆）", "Maternal grandparent")),
    Choice("grandchild", Text("孙子女", "Son's child (grandchild)")),
    Choice("maternal_grandchild", Text("外孙子女", "Daughter's child (grandchild)")),
    Choice("parent_in_law", Text("配偶的父母（公婆、岳父母）", "Parent-in-law")),
    Choice("grandparent_in_law", Text("配偶的祖父母、外祖父母", "Spouse's grandparent")),
    Choice("uncle_aunt", Text("伯、叔、姑、舅、姨", "Uncle or aunt")),
    Choice("nephew_niece", Text("侄子女、外甥子女", "Nephew or niece")),
    Choice("cousin", Text("堂、表兄弟姐妹", "Cousin")),
    Choice("other", Text("其他亲属或他人", "Another relative or someone else")),
)
LABELS = {c.value: c.label for c in RELATIONS}

# the uses this calculator knows how to report, by the codes of `family_mutual_aid_uses`
CONTRIBUTION_USES = (
    ("resident_insurance_contribution", "may_pay_resident_insurance",
     Text("居民医保个人缴费", "Resident medical insurance contribution")),
    ("long_term_care_contribution", "may_pay_long_term_care",
     Text("长期护理保险个人缴费", "Long-term care insurance contribution")),
    ("inclusive_commercial_supplementary_contribution", "may_pay_inclusive_commercial",
     Text("惠民型商业补充医疗保险个人缴费", "Low-cost (惠民型) commercial supplementary insurance contribution")),
)
MEDICAL_COSTS_USE = "insured_relative_self_paid_costs_at_designated_providers"

INPUTS = (
    InputSpec("has_personal_account", "boolean", Text("我有职工医保个人账户", "I have an employee-insurance personal account"),
              default=True,
              help=Text("家庭共济用的是职工医保个人账户。随单位参保的职工一般都有；灵活就业人员不一定有：有的地方只参加统筹、"
                        "不建立个人账户（如衡阳 2023 年起新参保的灵活就业人员）。不确定请查看医保 App 或询问医保部门。",
                        "Family mutual aid uses an employee-insurance personal account. Employees insured through an employer "
                        "usually have one; flexible workers may not: some places insure them in the pooled fund only, without "
                        "a personal account (e.g. flexible workers joining in Hengyang from 2023). If unsure, check the "
                        "insurance app or ask the office.")),
    InputSpec("relation", "enum", Text("对方是您的", "The person is your"), default="parent", choices=RELATIONS),
    InputSpec("relative_insured", "boolean", Text("对方已参加基本医疗保险", "The person has basic medical insurance"),
              default=False,
              help=Text("只有已参保的近亲属，个人账户才能支付其医药费用。",
                        "The account pays medical costs only for a close relative who is insured.")),
)

OUTPUTS = (
    OutputSpec("has_personal_account", "boolean", Text("有职工医保个人账户", "Has an employee-insurance personal account"),
               lead=Text("有职工医保个人账户：{}", "has an employee-insurance personal account: {}")),
    OutputSpec("eligible_relative", "boolean", Text("属于可共济的近亲属", "A close relative the account may help"),
               lead=Text("可共济的近亲属：{}", "a close relative the account may help: {}")),
    OutputSpec("may_pay_contributions", "list", Text("可代缴的费用", "Contributions the account may pay"),
               tuple(Choice(code, label) for code, _, label in CONTRIBUTION_USES),
               lead=Text("可代缴：{}", "it may pay: {}")),
    OutputSpec("may_pay_resident_insurance", "boolean", Text("可代缴居民医保", "May pay resident insurance")),
    OutputSpec("may_pay_long_term_care", "boolean", Text("可代缴长期护理保险", "May pay long-term care insurance")),
    OutputSpec("may_pay_inclusive_commercial", "boolean", Text("可代缴惠民型商业补充医疗保险", "May pay low-cost (惠民型) supplementary insurance")),
    OutputSpec("may_pay_medical_costs", "boolean", Text("可支付其在定点医药机构的自付医药费", "May pay their out-of-pocket costs at designated providers")),
)


NO_ACCOUNT = "no_personal_account_"   # policy data: the groups the sources say have no personal account


def _no_account_step(policy: Policy) -> Step:
    """Without a personal account there is nothing to share: the step cites the account rule and the sentences
    saying who has none."""
    cases = tuple(policy.names(NO_ACCOUNT))
    who_zh = "、".join(policy.label(n)["zh"] for n in cases)
    who_en = "; ".join(policy.label(n)["en"] for n in cases)
    return step(
        policy, "account",
        "家庭共济的钱从参保职工本人的职工医保个人账户出：您没有个人账户，不能为亲属缴费，也不能支付其医药费用"
        + (f"（没有个人账户的，例如：{who_zh}）。" if cases else "。"),
        "Family mutual aid is paid from the insured employee's own employee-insurance personal account: without one you "
        "can neither pay a relative's contributions nor their medical costs" + (f" (people without one, e.g.: {who_en})." if cases else "."),
        {"has_personal_account": "false"}, ("family_mutual_aid_account",) + cases)


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    relation = values["relation"]
    has_account = bool(values["has_personal_account"])
    insured = bool(values["relative_insured"])
    label = LABELS[relation]
    eligible = relation in policy.value("family_mutual_aid_relatives")
    uses = policy.value("family_mutual_aid_uses")
    listed_zh = "、".join(LABELS[r].zh for r in policy.value("family_mutual_aid_relatives"))
    listed_en = ", ".join(LABELS[r].en.lower() for r in policy.value("family_mutual_aid_relatives"))
    steps = [step(
        policy, "relation",
        f"近亲属限于：{listed_zh}。“{label.zh}”{'在' if eligible else '不在'}其中"
        f"{'' if eligible else '，个人账户不能为其缴费，也不能支付其医药费用'}。",
        f"Close relatives are limited to: {listed_en}. \"{label.en}\" is {'' if eligible else 'not '}among them"
        f"{'' if eligible else ', so the account can neither pay their contributions nor their medical costs'}.",
        {"relation": relation, "eligible_relative": str(eligible).lower()},
        ("family_mutual_aid_relatives",),
    ), step(
        policy, "account",
        "钱从参保职工本人的职工医保个人账户出；居民医保参保人没有个人账户，不能为他人出资。",
        "The money comes from the insured employee's own personal account in employee insurance; resident-insurance members "
        "have no personal account and cannot pay for others.",
        {}, ("family_mutual_aid_account",),
    ) if has_account else _no_account_step(policy)]
    result: dict[str, Any] = {"has_personal_account": has_account, "eligible_relative": eligible}
    allowed = []
    for code, output, _text in CONTRIBUTION_USES:
        ok = has_account and eligible and code in uses
        result[output] = ok
        if ok:
            allowed.append(code)
    result["may_pay_contributions"] = allowed
    if allowed:
        names = [text for code, _, text in CONTRIBUTION_USES if code in allowed]
        steps.append(step(
            policy, "contributions",
            f"可以为其代缴：{'、'.join(t.zh for t in names)}。",
            f"The account may pay their: {'; '.join(t.en.lower() for t in names)}.",
            {"may_pay_contributions": " ".join(allowed)}, ("family_mutual_aid_uses",),
        ))
    medical = has_account and eligible and insured and MEDICAL_COSTS_USE in uses
    result["may_pay_medical_costs"] = medical
    if eligible and has_account:
        steps.append(step(
            policy, "medical_costs",
            "可以支付其在定点医药机构就医购药的个人自付费用。" if medical else
            "医药费用只能为已参保的近亲属支付：对方参保后，才能支付其在定点医药机构的个人自付费用。",
            "The account may pay their out-of-pocket costs for treatment and medicines at designated providers." if medical else
            "Medical costs can be paid only for an insured close relative: once they are insured, the account may pay their "
            "out-of-pocket costs at designated providers.",
            {"relative_insured": str(insured).lower(), "may_pay_medical_costs": str(medical).lower()},
            ("family_mutual_aid_uses",),
        ))
    if eligible and has_account and policy.has("family_mutual_aid_channels"):
        channels = policy.value("family_mutual_aid_channels")
        steps.append(step(
            policy, "channels",
            f"在{'、'.join(c['zh'] for c in channels)}的“个人账户家庭共济”功能中线上办理。",
            f"Set it up online in the \"personal account family mutual aid\" function of: {', '.join(c['en'] for c in channels)}.",
            {}, ("family_mutual_aid_channels",),
        ))
    return result, steps


# what compute reads from a policy (calc/parameters.py)
PARAMETERS = (
    Parameter("family_mutual_aid_relatives", ("categories",), Text(
        "可以共济的近亲属（本计算器的关系代码列表）。", "The close relatives the account may help (this calculator's relation codes)."),
        codes=LABELS),
    Parameter("family_mutual_aid_uses", ("list",), Text(
        "个人账户可支付的用途代码列表（如 resident_insurance_contribution）。",
        "Codes of what the account may pay for (e.g. resident_insurance_contribution).")),
    Parameter("family_mutual_aid_account", ("text",), Text("钱从哪个账户出（引用的原句）。", "Whose account pays (the sentence cited).")),
    Parameter("no_personal_account_<item>", ("rule",), Text(
        "来源写明没有个人账户的一类参保人（label 写明是谁，引用原句；value 可为 null）：表单问“我有职工医保个人账户”时，"
        "回答“没有”的步骤引用它们。",
        "A group the sources say has no personal account (the label says who; the sentence cited; value may be null): "
        "when the person says they have no account, the step cites these."), required=False),
    Parameter("family_mutual_aid_channels", ("list",), Text(
        "线上办理的渠道（双语名称列表）。", "Where to set it up online (a list of bilingual names)."), required=False),
)

CALCULATOR = Calculator(
    name="family-mutual-aid",
    title=Text("职工医保个人账户家庭共济", "Family mutual aid from an employee-insurance personal account"),
    description=Text(
        "您的职工医保个人账户能不能为这位亲属缴医保费、付医药费。",
        "Can your employee-insurance personal account pay this person's insurance contributions or medical costs?",
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=_compute,
    parameters=PARAMETERS,
)


run_aid = result_runner(__name__, "hunan/2025-enrolment-measures")   # the doctests' helper (calc/doctest_helper.py)
