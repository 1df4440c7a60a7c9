"""Words for the codes in policy rules: the one vocabulary pages print codes with (principle 6).

A policy's rule, mapping, list and text values use snake_case codes (`window_days`,
`date_of_birth`, `tax_system`); readers see words. A code's words come, in this order, from:
1. the policy's own declaration (`subsidy_categories`: a group the policy names itself);
2. calc's vocabulary: hardship categories (calc/categories.py), every calculator's
   input/output choices (calc.describe), so a form and a figures table say the same thing,
   and how groups combine / what a group gives (calc/categories.py);
3. WORDS below (rule keys and values no calculator offers as a choice).
A code found nowhere is an error (`UnknownCode`): the build stops and names the parameter,
rather than print the code.

>>> words("date_of_birth", "zh"), words("window_days", "en")
('出生之日', 'window (days)')
>>> words("minimum_living", "zh")
'低保对象'
>>> words("nonsense_code", "zh")
Traceback (most recent call last):
...
scripts.site.vocabulary.UnknownCode: nonsense_code
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeGuard

import calc
from calc.categories import CATEGORIES, COMBINATIONS, GIVES_WORDS
from calc.waits import GRACE_COUNTS

CODE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")

WORDS: dict[str, tuple[str, str]] = {
    # keys of rule/mapping values
    "adjusted_when_benchmark_changes": ("缴费基准调整时随之调整", "adjusted when the benchmark changes"),
    "alternative": ("另一种读法", "other reading"),
    "applies_to": ("适用人员", "applies to"),
    "collection": ("集中缴费期", "the collection period"),
    "outside": ("集中缴费期外", "outside the collection period"),
    "period": ("时段", "period"),
    "wait": ("等待期", "wait"),
    "after_wait": ("等待期满后", "after a waiting period"),
    "benefit_year": ("待遇年度内", "in the insurance year"),
    "benefit_year_start": ("待遇年度第一天", "the first day of the insurance year"),
    "birth": ("出生之日", "the day of birth"),
    "counting": ("天数的数法", "how the days count"),
    "kept": ("断保后保留", "kept after a gap"),
    "late": ("超过期限", "after the deadline"),
    "not_stated": ("原文未写明", "not stated in the source"),
    "pays": ("缴费", "pays"),
    "wait_days": ("等待期（天）", "wait (days)"),
    "wait_months": ("等待期（月）", "wait (months)"),
    "within": ("期限内", "within the deadline"),
    # a special case (calc/enrolment_special_cases.py): after its deadline, and when paid in the collection period
    "late_enrolment": ("按逾期参保的规定办理", "the late-enrolment rule applies"),
    "in_collection_period": ("在集中缴费期内缴费的", "if paid in the collection period"),
    "ordinary": ("按正常参保办理", "ordinary enrolment"),
    "own_rule": ("仍按本情形的规定", "this case's own rule still applies"),
    "born_from_month": ("自几月出生起", "born from month"),
    "born_in": ("出生时间", "born"),
    "day_0": ("当天为第0天", "that day is day 0"),
    "day_1": ("当天为第1天", "that day is day 1"),
    "days": ("天", "days"),
    "event_day": ("出生（断保）当天", "the day of the event"),
    "floor": ("最短合计等待期", "least total wait"),
    "free_gap_years": ("不另加等待的断保年数", "gap years with no extra wait"),
    "gap_years_at_least": ("断保年数不少于", "years without cover, at least"),
    "months": ("个月", "months"),
    "payback_per_year": ("每补缴一年减少", "each year paid back removes"),
    "per_gap_year": ("每断保一年增加", "each year without cover adds"),
    "requires_parent_insured": ("须父母一方已参保", "a parent must be insured"),
    "total_months": ("合计月数", "total months"),
    "applies_by": ("按哪一天的标准", "standard applied by"),
    "basic": ("基本医保费", "basic insurance"),
    "benefits_from": ("待遇起始", "benefits from"),
    "buys": ("所买的待遇年度", "buys cover for"),
    "cases": ("适用情形", "cases"),
    "changes_when": ("何时调整", "changes when"),
    "condition": ("条件", "condition"),
    "contribution": ("缴费标准", "contribution"),
    "counted_as": ("按什么计", "counted as"),
    "counted_from": ("起算", "counted from"),
    "cover_from": ("待遇开始", "covered from"),
    "enrol_any_time": ("可随时参保", "may enrol at any time"),
    "enrol_through": ("参保途径", "enrols through"),
    "from": ("起", "from"),
    "to": ("止", "to"),
    "gap_less_than_months": ("中断不足（月）", "gap shorter than (months)"),
    "gap_more_than_months": ("中断超过（月）", "gap longer than (months)"),
    "groups": ("人员", "groups"),
    "lump_sum_for_course_allowed": ("可按学制一次性缴纳", "may pay for the whole course at once"),
    "min_completion_percent": ("最低完成比例（%）", "minimum completion (%)"),
    "month": ("月份", "month"),
    "monthly": ("按月缴纳", "monthly"),
    "yearly": ("按年缴纳", "yearly"),
    "new_standard": ("新标准", "new standard"),
    "new_standard_from": ("新标准起始日", "new standard from"),
    "new_value": ("新数值", "new value"),
    "once_a_year": ("每年一次性缴纳", "once a year"),
    "opens": ("开始办理", "opens"),
    "paid_by_outside_collection_period": ("集中缴费期外由谁缴费", "paid outside the collection period by"),
    "paid_by_within_collection_period": ("集中缴费期内由谁缴费", "paid within the collection period by"),
    "payment": ("缴费方式", "payment"),
    "payment_date": ("缴费之日", "the day of payment"),
    "payment_month_included": ("含缴费当月", "payment month included"),
    "places": ("参保地", "places"),
    "schemes": ("险种", "schemes"),
    "pooled_only": ("仅统筹基金", "pooled fund only"),
    "with_personal_account": ("含个人账户", "with a personal account"),
    "ranked": ("参与排名", "ranked"),
    "refund_if_already_paid": ("已缴费的退回方式", "refund if already paid"),
    "residents": ("居民", "residents"),
    "students": ("学生", "students"),
    "subsidised": ("给予资助", "subsidised"),
    "subsidised_from": ("资助起始", "subsidised from"),
    "subsidised_this_year": ("当年给予资助", "subsidised this year"),
    "supplementary": ("大病保险费", "critical-illness premium"),
    "township": ("乡镇", "township"),
    "up_to": ("可缴至", "up to"),
    "urban_residents": ("城镇居民", "urban residents"),
    "waiting_months": ("等待期（月）", "waiting period (months)"),
    "window_days": ("办理期限（天）", "window (days)"),
    "window_from": ("期限起算", "window counted from"),
    # values
    "any_month_of_year": ("当年任意月份", "any month of the year"),
    "calendar_year_of_payment": ("缴费当年", "the calendar year of payment"),
    "community": ("所在社区", "their community"),
    "current_month": ("当月", "the current month"),
    "date_employee_insurance_lapsed": ("职工医保停保之日", "the day employee insurance lapsed"),
    "date_entered_welfare_institution": ("进入儿童福利机构之日", "the day they entered the welfare institution"),
    "date_of_birth": ("出生之日", "the date of birth"),
    "day_after_payment": ("缴费次日", "the day after payment"),
    "demobilised_soldier": ("复员转业军人", "demobilised soldier"),
    "duplicate_payment": ("重复缴费", "paid twice"),
    "employee": ("职工医保", "employee insurance"),
    "resident": ("居民医保", "resident insurance"),
    "employee_insurance_lapse_after_window": ("职工医保断保后超过规定期限参保", "employee insurance lapsed, enrolling after the window"),
    "employee_personal_account": ("职工医保个人账户", "the employee insurance personal account"),
    "employment": ("就业地", "place of work"),
    "enrolled_in_other_area": ("已在外地参保", "enrolled elsewhere"),
    "fixed": ("固定等待期", "fixed waiting period"),
    "variable": ("变动等待期", "variable waiting period"),
    "habitual_residence": ("经常居住地", "habitual residence"),
    "hk_macao_taiwan_university_students": ("在本地就读的港澳台大学生", "Hong Kong, Macao and Taiwan university students studying here"),
    "household_at_registration_place": ("户籍所在地", "where the household is registered"),
    "household_registration": ("户籍地", "place of household registration"),
    "individual_plus_fiscal": ("个人缴费标准加财政补助标准", "the individual rate plus the government subsidy"),
    "individual_standard": ("个人缴费标准", "the individual rate"),
    "insured_relative_self_paid_costs_at_designated_providers": ("参保近亲属在定点医药机构的自付费用",
                                                                 "an insured relative's own costs at designated providers"),
    "joined_employee_insurance": ("已参加职工医保", "joined employee insurance"),
    "month_after_payment": ("缴费次月", "the month after payment"),
    "month_of_payment": ("缴费当月", "the month of payment"),
    "new_employment_form_worker": ("新就业形态从业人员", "worker in a new form of employment"),
    "new_household_registration": ("新迁入户口", "newly registered household"),
    "newborn_after_window": ("超过规定期限参保的新生儿", "newborn enrolled after the window"),
    "next_collection_period": ("下一个集中缴费期", "the next collection period"),
    "non_employed_foreign_permanent_residents": ("未就业的外国人永久居留身份证持有人", "non-employed foreign permanent residents"),
    "non_employed_hk_macao_taiwan_residents": ("未就业的港澳台居民", "non-employed Hong Kong, Macao and Taiwan residents"),
    "not_continuously_enrolled": ("未连续参保的人员", "people not continuously enrolled"),
    "not_enrolled_in_collection_period": ("未在集中参保缴费期内参保的人员", "people who did not enrol in the collection period"),
    "objective_reason_verified": ("因客观原因未参保，并经核实", "missed for an objective reason, verified"),
    "payment_day": ("缴费当天", "the day of payment"),
    "provincial_average_wage_published": ("全省平均工资公布后", "when the provincial average wage is published"),
    "residence_permit_holders": ("持居住证的非本地户籍人员", "residence-permit holders"),
    "rural_residents": ("农村居民", "rural residents"),
    "school": ("所在学校", "their school"),
    "special_cases_only": ("仅限规定的特殊情形", "only in the listed special cases"),
    "stably_out_of_poverty": ("稳定脱贫人口", "people stably out of poverty"),
    "unemployed_new_graduate": ("未就业的应届高校毕业生", "unemployed new graduate"),
    "urban_non_employed_residents": ("城镇非从业居民", "non-employed urban residents"),
    "with_employer": ("随用人单位参保", "through the employer"),
    # calc/reimbursement*.py: how 大病 bands are measured, and the keys of its table rows
    "above_deductible": ("分段以超过起付线的金额计", "bands measured above the deductible"),
    "absolute": ("分段按累计金额的区间计", "bands at absolute cumulative amounts"),
    "band_to": ("分段上限", "band up to"),
    "uplift": ("比例提高（百分点）", "rate raised by (points)"),
    "no_cap": ("不设年度限额", "no yearly limit"),
    "deductible_cut": ("起付线降低（%）", "deductible lowered by (%)"),
    "name": ("名称", "name"),
    "deductible": ("起付线（元）", "deductible (yuan)"),
    "rate": ("比例（%）", "rate (%)"),
    "level": ("医院等级", "hospital level"),
    "bands": ("分段", "bands"),
}


class UnknownCode(KeyError):
    """A code with no words in any vocabulary."""

    def __str__(self) -> str:
        return str(self.args[0])


@lru_cache(maxsize=1)
def _calc_words() -> dict[str, tuple[str, str]]:
    """calc's own labels: hardship categories, every calculator's choices, then how groups combine
    and what a group gives (calc/categories.py), what an arrears grace counts (calc/waits.py)."""
    found: dict[str, tuple[str, str]] = {code: (text.zh, text.en) for code, text in CATEGORIES.items()}
    for item in calc.list_calculators()["calculators"]:
        described = calc.describe(item["name"])
        for spec in described["inputs"] + described["outputs"]:
            for choice in spec.get("choices") or []:
                found.setdefault(str(choice["value"]), (choice["label"]["zh"], choice["label"]["en"]))
    for code, text in {**COMBINATIONS, **GIVES_WORDS, **GRACE_COUNTS}.items():
        found.setdefault(code, (text.zh, text.en))
    return found


def is_code(value: object) -> TypeGuard[str]:
    """A snake_case token (`tax_system`, `newborn`): printed only through words()."""
    return isinstance(value, str) and CODE.fullmatch(value) is not None


def words(code: str, lang: str, declared: dict | None = None) -> str:
    """The words for `code` in `lang` (zh | en); `declared`: the policy's own `subsidy_categories`."""
    index = 0 if lang == "zh" else 1
    mine = (declared or {}).get(code)
    if isinstance(mine, dict) and mine.get(lang):
        return str(mine[lang])
    if code in _calc_words():
        return _calc_words()[code][index]
    if code in WORDS:
        return WORDS[code][index]
    raise UnknownCode(code)
