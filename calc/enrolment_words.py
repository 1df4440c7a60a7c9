"""The words of resident enrolment: situations, bases, payers, late cases and refunds (one home for each list),
and the late rule as a sentence (what a summary and the calculator both say).
"""
from __future__ import annotations

from typing import Any

from .inputs import Text
from .policy import Policy

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
# the situations a special-case parameter declares a rule for (calc/enrolment_special_cases.py): its name is
# `special_case_<situation>`; these older names, kept by the policies on file, name theirs here
CASE_PARAMETERS = {
    "newborn_rule": ("newborn",),
    "special_case_employee_insurance_lapse": ("employee_lapse",),
    "special_case_first_enrolment_groups": tuple(FIRST_ENROLMENT_GROUP),
    "special_case_hardship_missed_collection": ("hardship_missed_window",),
}
# situations with no rule of their own: the policy's late rule (`late_enrolment`) answers them, if it lists them
LATE_SITUATIONS = ("new_household", "other_late")
EVENT = {   # what event_date means, for circumstances that name a date (the rule each one follows is the policy's)
    "newborn": Text("出生", "birth"),
    "welfare_institution_child": Text("进入儿童福利机构", "entry into the welfare institution"),
    "employee_lapse": Text("职工医保最后一天", "last day of employee insurance"),
    "new_household": Text("户口迁入", "household registration moved"),
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

# what a window or a newborn rule makes one pay, and from when it covers (calc/enrolment_windows.py); the
# late rule's sentence keeps its own words above, which the summaries quote
PAYS = {
    "individual": Text("按个人缴费标准缴纳", "you pay the individual contribution"),
    "individual_plus_fiscal": Text("按个人缴费标准加财政补助标准之和缴纳", "you pay the individual contribution plus the government subsidy"),
    "waived": Text("免缴", "you pay nothing"),
    "not_stated": Text("原文没有写要缴多少", "the source does not say what you pay"),
}
COVER_FROM = {
    "benefit_year_start": Text("从待遇年度第一天起享受待遇", "covered from the first day of the insurance year"),
    "payment_day": Text("从缴费之日起享受待遇", "covered from the day of payment"),
    "day_after_payment": Text("从缴费次日起享受待遇", "covered from the day after payment"),
    "month_after_payment": Text("从缴费次月起享受待遇", "covered from the month after payment"),
    "after_wait": Text("等待期满后享受待遇", "covered once a waiting period has passed"),
    "birth": Text("从出生之日起享受待遇", "covered from the day of birth"),
}

REFUND_REASONS = {   # `refund_reasons`, as the refund step says them
    "duplicate_payment": Text("重复缴费", "paid twice"),
    "joined_employee_insurance": Text("参加职工医保", "joined employee insurance"),
    "enrolled_in_other_area": Text("在其他地区参保", "enrolled elsewhere"),
}
REFUND = {
    "refundable_until_deadline": Text("待遇期开始前可申请退费（重复缴费、参加职工医保或在其他地区参保等）",
                                      "A refund can be applied for until cover starts (paid twice, joined employee insurance, enrolled elsewhere…)"),
    "not_refundable": Text("待遇期已开始：个人缴费不再退回", "Cover has started: contributions are not returned"),
}

def code_problems(row: dict[str, Any], at: str, key: str, known: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field, en, zh) when `row` lacks `key` or holds a code not in `known` (a window's or a newborn rule's part)."""
    if key not in row:
        return [(at, f"needs {key}", f"缺少 {key}")]
    if row[key] not in known:
        return [(f"{at}.{key}", f"unknown {key} code {row[key]!r} (known: {', '.join(known)})",
                 f"未知的 {key} 代码 {row[key]!r}（可用：{'、'.join(known)}）")]
    return []


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
