"""`flexible-contribution`'s premium collected once a year: what leaves the account each month and in the
collection month, when the policy says a monthly premium is collected once (衡阳 2024's 大病保险)."""
from __future__ import annotations

from typing import Any

import re
from decimal import Decimal

from .flexible_month import MONTHS_A_YEAR, _item
from .money import money_str
from .policy import Policy
from .steps import Step, step


MONTH_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December")


def _once_a_year(policy: Policy, month: dict[str, Any], monthly_total: Decimal | None, months: int, dated: bool,
                 result: dict[str, Any], steps: list[Step], warnings: list[dict[str, Any]]) -> None:
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
