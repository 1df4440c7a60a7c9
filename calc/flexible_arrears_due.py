"""`flexible-arrears`' amount due: each unpaid month priced by flexible-contribution at the policy in force for
it (this one or another member of its series), and the note when another policy's months follow this one's rules."""
from __future__ import annotations

from typing import Any

import datetime as dt
from decimal import Decimal

from . import series
from .data import load_policies
from .errors import InputError, InputErrors
from .flexible_month import month_of
from .money import money_str
from .policy import Policy
from .steps import Step


def _month_start(month: str) -> dt.date:
    year, mon = month.split("-")
    return dt.date(int(year), int(mon), 1)


def _governs(policy: Policy, month: dt.date) -> bool:
    span = (policy.data.get("governs") or {}).get("contributions") or policy.data["effective"]
    start = dt.date.fromisoformat(str(span["from"])).replace(day=1)
    return start <= month and (not span.get("to") or month <= dt.date.fromisoformat(str(span["to"])))


def _member(policy: Policy, month: dt.date) -> Policy:
    """The policy in force for the month paid for: this one, or the member of its series on file that governs
    that month (calc.series). A month no policy on file governs is a bilingual error naming what is on file."""
    if _governs(policy, month):
        return policy
    key = (policy.data.get("series") or {}).get("key") or series.key_of(policy.id, policy.data["topic"])
    pid = series.policy_for(key, month)
    if pid is None or pid == policy.id or "flexible-contribution" not in load_policies()[pid]["calculators"]:
        if policy.id in load_policies():
            raise InputErrors([series.outside_error(policy.id, "unpaid_months", month)])
        raise InputErrors([InputError("unpaid_months", f"本站没有收录适用于 {month:%Y-%m} 的本地同类政策。",
                                      f"This site has no policy of this place for {month:%Y-%m}.")])
    return Policy(load_policies()[pid])


def _money(amount: Decimal | None, zh: bool = True) -> str:
    if amount is None:
        return "无法确定" if zh else "not determined"
    return money_str(amount)


def _contribution(policy: Policy, values: dict[str, Any], unpaid: list[str]) -> tuple[Decimal | None, Decimal | None, list[Step]]:
    """The monthly contribution and the amount for the unpaid months, each month at the values of the policy
    in force for it (and its dated values), computed by flexible-contribution (never a second formula). A month
    whose value changed, by the payment date, to an amount the source does not give is not determined (None), and
    so is the sum: a step cites the sentence announcing the change."""
    payment: dt.date = values["payment_date"]
    wage = {"average_monthly_wage": values["average_monthly_wage"]}
    months = [_month_start(m) for m in unpaid]
    members = [_member(policy, m) for m in months]
    own = next((m for m, p in zip(months, members) if p is policy), None)
    # what the page's own policy charges a month: for its first unpaid month, or its first values
    first, keep = month_of(policy, wage, own if own and policy.dated_names() else None, payment)
    monthly = first["total"]
    if monthly is None:
        keep.append(Step("monthly_total", "每月应缴：无法确定（见上）", "Monthly contribution: not determined (see above)",
                         {"monthly_total": "not determined"}))
    else:
        parts = [first["basic"], *first["add_ons"].values()]
        keep.append(Step(
            "monthly_total", f"每月应缴 = {' + '.join(money_str(p) for p in parts)} = {money_str(monthly)} 元（不含按年缴纳的费用）",
            f"Monthly contribution = {' + '.join(money_str(p) for p in parts)} = {money_str(monthly)} yuan (yearly premiums excluded)",
            {"monthly_total": money_str(monthly)}))
    priced = [month_of(p, wage, m, payment) if (p is not policy or p.dated_names()) else ({"total": monthly}, [])
              for m, p in zip(months, members)]
    amounts = [r["total"] for r, _ in priced]
    for (r, month_steps), p in zip(priced, members):   # the first undetermined month says why (its policy's quote)
        if r["total"] is None and month_steps and not any(s.id == "value_not_stated" for s in keep):
            why = month_steps[0]
            if p.id != policy.id:   # another policy's sentence is named by its title (its own page cites it)
                quote = why.cites[0]["quote"]
                why = Step(why.id, f"按《{p.data['title']['zh']}》：{why.zh}（原文：“{quote}”）",
                           f"Under “{p.data['title']['en']}”: {why.en} (that policy's page quotes the sentence in Chinese)",
                           why.figures)
            keep.append(why)
    groups: list[tuple[Policy, Decimal | None, list[str]]] = []
    for label, p, amount in zip(unpaid, members, amounts):
        if groups and groups[-1][0].id == p.id and groups[-1][1] == amount:
            groups[-1][2].append(label)
        else:
            groups.append((p, amount, [label]))
    if len(groups) > 1 or (groups and groups[0][0] is not policy):
        keep.append(Step(
            "months_by_policy",
            "各月按当月适用的政策计算：" + "；".join(
                f"{'、'.join(ms)} 按《{p.data['title']['zh']}》每月 {_money(a)}{'' if a is None else ' 元'}" for p, a, ms in groups) + "。",
            "Each month at the policy in force for it: " + "; ".join(
                f"{', '.join(ms)} under “{p.data['title']['en']}”, {_money(a, False)}{'' if a is None else ' yuan'} a month"
                for p, a, ms in groups) + ".",
            # another policy's figures are named by its title (its own page cites them); a step cites this policy only
            {"months_by_policy": "; ".join(f"{' '.join(ms)}: {p.id} {_money(a, False)}" for p, a, ms in groups)}))
    due = None if any(a is None for a in amounts) else sum(amounts, Decimal(0))
    return monthly, due, keep


def _rules_of_this_policy(policy: Policy, unpaid: list[str], steps: list[Step], warnings: list[dict[str, Any]]) -> None:
    """Months another policy governs are priced at its figures, but the arrears rules (grace, waits,
    retroactive cover) applied are this policy's: said, never silently (issue 19 M1)."""
    others = [m for m in unpaid if _member(policy, _month_start(m)).id != policy.id]
    if not others:
        return
    title = policy.data["title"]
    zh = (f"欠费月份中 {'、'.join(others)} 不属于本政策的年度：这些月份按当年适用的政策的金额计算，但宽限期、等待期和待遇能否追溯"
          f"仍按本政策（《{title['zh']}》）的补缴规则判断；当年的政策如另有规定，以它为准，请向当地医保经办确认。")
    en = (f"Of the unpaid months, {', '.join(others)} fall outside this policy's year: they are priced at the policy in force for "
          f"them, but the grace period, waits and retroactive cover follow this policy's arrears rules (“{title['en']}”); where "
          "that year's policy says otherwise, it prevails: confirm with the local insurance office.")
    steps.append(Step("arrears_rules_of_this_policy", zh, en, {"other_months": " ".join(others)}))
    warnings.append({"id": "arrears_rules_of_this_policy", "zh": zh, "en": en})
