"""`reimbursement`: how much of a hospital bill comes back, layer by layer, as a settlement slip.

The three layers of Chinese medical insurance pay in order, each on what the one before leaves of
the 政策范围内 (in-scope) cost, and each is optional policy data — a policy files what its text gives:

1. basic insurance (`basic_levels`: per hospital level a 起付线 and a 支付比例, or one `basic_deductible` and
   `basic_rate` — `not_stated` where a text only says "as employee insurance", and the form then asks for them;
   `basic_deductible_yearly` when the 起付线 is borne once a year, not per admission; `basic_annual_cap`);
2. 大病保险 on what basic insurance leaves (`major_illness_deductible`, yearly; `major_illness_bands`,
   rows `{band_to, rate}` whose edges are measured `above_deductible` or as `absolute` amounts
   (`major_illness_band_edges`); `major_illness_groups`: rows for named groups with their own
   deductible, their own bands or an uplift in points, and `no_cap`; `major_illness_annual_cap`, which the
   reader may replace by a cap raised by incentives — one input, taken from the critical-illness-cap calculator);
3. 医疗救助 (`assistance_tiers`: rows `{name, groups, deductible?, rate}` applied in order to what is left).

Hubei's 大病 bands have absolute edges (12000–30000 at 60 %, to 100000 at 65 %, above at 75 %). A published
example: 150000 left after basic insurance gives 10800 + 45500 + 37500 = 93800:

>>> r = run_reimbursement("hubei/enshi/2022-resident", {"total": "150000", "basic_paid": "0"})
>>> r["major_illness"], r["personal_in_scope"]
('93800.00', '56200.00')

渝北 (Chongqing): basic insurance, then two tiers of medical assistance for a 低保边缘 family member:

>>> r = run_reimbursement("chongqing/yubei/2023-resident", {"total": "52000", "in_scope": "50000",
...                        "level": "二级医院（居民医保一档）", "groups": ["low_income_marginal"]})
>>> r["basic_fund"], r["assistance"], r["funds_total"], r["personal_total"]
('34790.00', '11584.80', '46374.80', '5625.20')
"""
from __future__ import annotations

from typing import Any

from decimal import Decimal

from . import categories as cat
from .charts import Part, stacked_bar
from .errors import InputError, InputErrors
from .inputs import InputSpec, Text
from .money import cents, money_str, percent_str, to_decimal
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step, step
from .doctest_helper import result_runner

ZERO = Decimal(0)
EDGES = ("above_deductible", "absolute")

INPUTS = (
    InputSpec("total", "money", Text("医疗费用总额（元）", "Total bill (yuan)"), required=True,
              help=Text("本次住院（或门诊慢特病）结算单上的医疗费用总额。", "The total on this admission's settlement slip.")),
    InputSpec("in_scope", "money", Text("政策范围内费用（元，知道就填）", "In-scope cost (yuan, if you know it)"),
              help=Text("结算单上的“政策范围内费用”（合规费用）。不填：按总额减去自费和先行自付计算。",
                        "The slip's 政策范围内费用 (costs the insurance covers). Left empty: the total less self-paid items and "
                        "first-paid parts.")),
    InputSpec("self_pay", "money", Text("自费费用（目录外，元）", "Self-paid items outside the lists (yuan)"), default=ZERO,
              help=Text("医保目录外的药品、项目、材料，全部由个人负担。", "Drugs, services and materials outside the insurance lists: "
                        "you pay them in full.")),
    InputSpec("first_part", "money", Text("先行自付（乙类等，元）", "Paid first by you (class B items etc., yuan)"), default=ZERO,
              help=Text("乙类药品、项目按比例先由个人支付的部分。", "The share of class B drugs and services you pay first.")),
    InputSpec("level", "enum", Text("医院等级", "Hospital level"), applies_when="has:basic_levels",
              choices_from="basic_levels.level",
              help=Text("起付线和报销比例按医院等级（及省内、省外）不同。", "The deductible and rate differ by hospital level "
                        "(and in or out of the province).")),
    InputSpec("basic_deductible", "money", Text("基本医保起付线（元）", "Basic insurance deductible (yuan)"),
              applies_when="open:basic_deductible",
              help=Text("原文只说与职工医保相同，没有写数额：请填您就诊医院的起付线（医院或医保经办可以告诉您）。",
                        "The text only says it is the same as employee insurance, with no amount: enter your hospital's "
                        "deductible (the hospital or the insurance office can tell you).")),
    InputSpec("basic_rate", "money", Text("基本医保报销比例（%）", "Basic insurance rate (%)"),
              applies_when="open:basic_rate",
              help=Text("原文只说与职工医保相同，没有写比例：请填您就诊医院的统筹基金支付比例。",
                        "The text only says it is the same as employee insurance, with no rate: enter the rate at your hospital.")),
    InputSpec("basic_cap", "money", Text("基本医保年度最高支付限额（元，知道就填）", "Basic insurance yearly ceiling (yuan, if you know it)"),
              applies_when="unstated:basic_annual_cap",
              help=Text("原文没有写数额；不填：不按它封顶（答案会说明）。",
                        "The text gives no amount; left empty, nothing is capped by it (the answer says so).")),
    InputSpec("basic_paid", "money", Text("统筹基金已支付（元）", "Paid by basic insurance (yuan)"), default=ZERO,
              applies_when="lacks:basic_*",
              help=Text("本政策没有收录基本医保的起付线和比例：请填结算单上的“统筹基金支付”。",
                        "This policy does not file basic insurance's deductible and rates: enter the slip's 统筹基金支付.")),
    InputSpec("groups", "list", Text("您属于（可多选）", "You are (tick all that apply)"),
              default=[], applies_when="has:major_illness_groups|has:assistance_tiers", choices_from=cat.ROW_GROUPS,
              help=Text("特困人员、低保对象等，大病保险有倾斜，医疗救助按类别给付。",
                        "Named groups get better critical-illness terms and medical assistance.")),
    InputSpec("earlier_deductible", "money", Text("本年度此前已承担的起付线（元）", "Deductible already borne this year (yuan)"),
              default=ZERO, applies_when="has:basic_deductible_yearly",
              help=Text("起付线按年度计算：本年度之前住院已经承担的部分不再扣。", "The deductible is yearly: what earlier "
                        "admissions this year already bore is not deducted again.")),
    InputSpec("earlier_basic_fund", "money", Text("本年度此前统筹基金已支付（元）", "Basic insurance paid earlier this year (yuan)"),
              default=ZERO, applies_when="has:basic_annual_cap",
              help=Text("用于年度最高支付限额。", "Counts toward the yearly ceiling.")),
    InputSpec("earlier_major_illness", "money",
              Text("本年度此前已计入大病保险的个人负担费用（元）", "Costs already counted by critical-illness insurance this year (yuan)"),
              default=ZERO, applies_when="has:major_illness_bands",
              help=Text("大病保险按年度累计计算、分段报销：之前住院留下的政策范围内个人负担累计额。",
                        "Critical-illness insurance adds up a year's in-scope costs left after basic insurance: the total "
                        "of earlier admissions this year.")),
    InputSpec("major_illness_cap", "money", Text("您的大病保险年度支付限额（元）", "Your critical-illness yearly limit (yuan)"),
              applies_when="has:major_illness_annual_cap",
              help=Text("连续参保、零报销提高限额的：填“居民大病保险支付限额激励”计算器（critical-illness-cap）算出的"
                        "“提高后的支付限额”；不填按本政策的数字。",
                        "If continuous enrolment or claim-free years raised your limit, enter the \"Limit after the increase\" "
                        "from the critical-illness limit incentives calculator (critical-illness-cap); left empty, the "
                        "policy's figure.")),
)

LINES = (   # the settlement slip, in the order a real slip prints it
    ("in_scope", Text("政策范围内费用", "In-scope cost")),
    ("deductible", Text("起付线", "Deductible")),
    ("basic_fund", Text("统筹基金支付", "Basic insurance pays")),
    ("major_illness", Text("大病保险支付", "Critical-illness insurance pays")),
    ("assistance", Text("医疗救助", "Medical assistance pays")),
    ("personal_in_scope", Text("个人自付（政策范围内）", "You pay (in scope)")),
)

OUTPUTS = (
    *(OutputSpec(name, "money", Text(f"{t.zh}（元）", f"{t.en} (yuan)")) for name, t in LINES[:-1]),
    OutputSpec("personal_in_scope", "money", Text("个人自付（政策范围内，元）", "You pay, in scope (yuan)")),
    OutputSpec("first_part", "money", Text("先行自付（元）", "Paid first by you (yuan)")),
    OutputSpec("self_pay", "money", Text("自费（元）", "Self-paid items (yuan)")),
    OutputSpec("funds_total", "money", Text("各项报销合计（元）", "Paid back in all (yuan)"),
               lead=Text("报销合计 {}", "{} paid back")),
    OutputSpec("personal_total", "money", Text("个人负担合计（元）", "You pay in all (yuan)"),
               lead=Text("个人负担 {}", "you pay {}")),
    OutputSpec("leaves_out", "list", Text("这个估算没有包括", "What this estimate leaves out")),
)


def _row_text(row: dict[str, Any], key: str) -> Text:
    v = row[key]
    return Text(v["zh"], v["en"]) if isinstance(v, dict) else Text(str(v), str(v))


def _bands(policy: Policy, rows: list, deductible: Decimal) -> list[tuple[Decimal, Decimal | None, Decimal]]:
    """(start, end or None, rate as a fraction) per band, edges as absolute cumulative amounts."""
    above = policy.value("major_illness_band_edges") == "above_deductible"
    out, previous = [], deductible
    for row in rows:
        band_to = row.get("band_to")
        end = None if band_to is None else to_decimal(band_to) + (deductible if above else ZERO)
        start = max(previous, deductible)
        if end is None or end > start:
            out.append((start, end, to_decimal(row["rate"]) / 100))
        if end is not None:
            previous = max(previous, end)
    return out


def _in_band(start: Decimal, end: Decimal | None, lo: Decimal, hi: Decimal) -> Decimal:
    top = hi if end is None else min(hi, end)
    return max(ZERO, top - max(lo, start))


def _major_terms(policy: Policy, groups: list[str]) -> list[dict[str, Any]]:
    """The general terms and those of each group row the reader is in: {deductible, rows, no_cap, row}."""
    general = {"deductible": policy.decimal("major_illness_deductible"), "rows": policy.value("major_illness_bands"),
               "no_cap": False, "row": None}
    out = [general]
    for row in (policy.value("major_illness_groups") if policy.has("major_illness_groups") else []):
        if not set(row["groups"]) & set(groups):
            continue
        rows = row.get("bands") or general["rows"]
        if row.get("uplift") is not None:
            rows = [{**r, "rate": min(Decimal(100), to_decimal(r["rate"]) + to_decimal(row["uplift"]))} for r in rows]
        deductible = to_decimal(row["deductible"]) if row.get("deductible") is not None else general["deductible"]
        out.append({"deductible": deductible, "rows": rows, "no_cap": bool(row.get("no_cap")), "row": row})
    return out


def _major(policy: Policy, terms: dict[str, Any], earlier: Decimal, amount: Decimal, cap: Decimal | None) -> dict[str, Any]:
    bands = _bands(policy, terms["rows"], terms["deductible"])
    now = [cents(_in_band(s, e, earlier, earlier + amount) * r) for s, e, r in bands]
    before = sum((cents(_in_band(s, e, ZERO, earlier) * r) for s, e, r in bands), ZERO)
    pay = sum(now, ZERO)
    limit = None if terms["no_cap"] else cap
    capped = limit is not None and pay > max(ZERO, limit - before)
    if capped:
        pay = max(ZERO, limit - before)
    return {"bands": bands, "parts": now, "pay": pay, "before": before, "limit": limit, "capped": capped}


def _leave(out: list, id: str, zh: str, en: str) -> None:
    out.append({"id": id, "zh": zh, "en": en})


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    total, self_pay, first_part = values["total"], values["self_pay"], values["first_part"]
    groups = values["groups"] or []
    errors = []
    if values["in_scope"] is not None:
        in_scope = values["in_scope"]
        if in_scope + self_pay + first_part > total:
            errors.append(InputError("in_scope", "政策范围内费用、自费和先行自付加起来不能超过总额。",
                                     "The in-scope cost, self-paid items and first-paid parts cannot add up to more than the total."))
    else:
        in_scope = total - self_pay - first_part
        if in_scope < 0:
            errors.append(InputError("self_pay", "自费和先行自付加起来不能超过总额。",
                                     "Self-paid items and first-paid parts cannot add up to more than the total."))
    if not policy.names("basic_") and values["basic_paid"] > max(in_scope, ZERO):
        errors.append(InputError("basic_paid", "统筹基金支付不能超过政策范围内费用。",
                                 "Basic insurance cannot pay more than the in-scope cost."))
    if policy.is_open("basic_rate") and values["basic_rate"] is not None and values["basic_rate"] > 100:
        errors.append(InputError("basic_rate", "报销比例不能超过 100%。", "The rate cannot be more than 100%."))
    if policy.has("basic_levels") and values["level"] is None:
        errors.append(InputError("level", "请选择医院等级。", "Choose the hospital level."))
    cap_given = values["major_illness_cap"]
    if policy.has("major_illness_annual_cap") and not policy.is_open("major_illness_annual_cap") and cap_given is not None \
            and cap_given < policy.decimal("major_illness_annual_cap"):
        errors.append(InputError("major_illness_cap",
                                 f"激励只会提高限额：请填写不低于 {money_str(policy.decimal('major_illness_annual_cap'))} 元的数字。",
                                 "Incentives only raise the limit: enter at least "
                                 f"{money_str(policy.decimal('major_illness_annual_cap'))} yuan."))
    if errors:
        raise InputErrors(errors)

    steps: list[Step] = []
    result: dict[str, Any] = {"in_scope": in_scope, "first_part": first_part, "self_pay": self_pay}
    leaves: list[dict[str, Any]] = []
    how_zh = "您填写的" if values["in_scope"] is not None else \
        f"总额 {money_str(total)} − 自费 {money_str(self_pay)} − 先行自付 {money_str(first_part)}"
    how_en = "your figure" if values["in_scope"] is not None else \
        f"total {money_str(total)} − self-paid {money_str(self_pay)} − paid first {money_str(first_part)}"
    steps.append(Step("in_scope", f"政策范围内费用 = {how_zh} = {money_str(in_scope)} 元",
                      f"In-scope cost = {how_en} = {money_str(in_scope)} yuan", {"in_scope": money_str(in_scope)}))

    # 1. basic insurance
    flat = policy.has("basic_deductible") or policy.has("basic_rate")
    if policy.has("basic_levels") or flat:
        if flat:   # one deductible and rate, the policy's or (where the text leaves them open) the reader's
            level = Text("您就诊的医院", "Your hospital")
            full = values["basic_deductible"] if policy.is_open("basic_deductible") else policy.decimal("basic_deductible")
            rate = (values["basic_rate"] if policy.is_open("basic_rate") else policy.decimal("basic_rate")) / 100
            basic_cites: tuple = ("basic_deductible", "basic_rate")
            mine = [n for n in ("basic_deductible", "basic_rate") if policy.is_open(n)]
            if mine:
                _leave(leaves, "basic_figures", "基本医保的起付线和报销比例：原文没有写数额，用的是您填写的数字。",
                       "Basic insurance's deductible and rate: the text gives no figures; the ones you entered are used.")
        else:
            row = next(r for r in policy.value("basic_levels") if _row_text(r, "level").zh == values["level"])
            level = _row_text(row, "level")
            full = to_decimal(row["deductible"])
            rate = to_decimal(row["rate"]) / 100
            basic_cites = ("basic_levels",)
        yearly = policy.has("basic_deductible_yearly")
        borne = min(values["earlier_deductible"], full) if yearly else ZERO
        deductible = min(in_scope, full - borne)
        fund = cents((in_scope - deductible) * rate)
        yz = f"（按年度计算，本年度此前已承担 {money_str(borne)} 元）" if yearly else "（每次住院计算）"
        ye = f" (yearly; {money_str(borne)} already borne this year)" if yearly else " (per admission)"
        steps.append(step(
            policy, "basic",
            f"{level.zh}：起付线 {money_str(full)} 元{yz}，本次扣 {money_str(deductible)} 元；统筹基金支付 = "
            f"({money_str(in_scope)} − {money_str(deductible)}) × {percent_str(rate)} = {money_str(fund)} 元（四舍五入到分）",
            f"{level.en}: deductible {money_str(full)} yuan{ye}, {money_str(deductible)} this time; basic insurance pays "
            f"({money_str(in_scope)} − {money_str(deductible)}) × {percent_str(rate)} = {money_str(fund)} yuan (rounded to the fen)",
            {"deductible": money_str(deductible), "basic_fund": money_str(fund)},
            (*basic_cites, *(("basic_deductible_yearly",) if yearly else ()))))
        cap_open = policy.is_open("basic_annual_cap")
        if policy.has("basic_annual_cap") and (not cap_open or values["basic_cap"] is not None):
            cap = values["basic_cap"] if cap_open else policy.decimal("basic_annual_cap")
            room = max(ZERO, cap - values["earlier_basic_fund"])
            if fund > room:
                fund = room
                steps.append(step(policy, "basic_cap",
                                  f"年度最高支付限额 {money_str(cap)} 元，本年度此前已付 {money_str(values['earlier_basic_fund'])} 元："
                                  f"本次最多 {money_str(room)} 元",
                                  f"Yearly ceiling {money_str(cap)} yuan, {money_str(values['earlier_basic_fund'])} paid earlier "
                                  f"this year: at most {money_str(room)} yuan now", {"basic_fund": money_str(fund)},
                                  ("basic_annual_cap",)))
        elif cap_open:
            _leave(leaves, "basic_cap", "基本医保的年度最高支付限额：原文没有写数额，您也没有填写，没有按它封顶。",
                   "Basic insurance's yearly ceiling: the text gives no amount and you entered none, so nothing is capped by it.")
        else:
            _leave(leaves, "basic_cap", "基本医保的年度最高支付限额：本政策没有收录，没有按它封顶。",
                   "Basic insurance's yearly ceiling: not on file for this policy, so nothing is capped by it.")
        result.update(deductible=deductible, basic_fund=fund)
    else:
        fund = values["basic_paid"]
        steps.append(Step("basic_given", f"统筹基金支付 {money_str(fund)} 元（您填写的；本政策没有收录基本医保的起付线和比例）",
                          f"Basic insurance paid {money_str(fund)} yuan (your figure; this policy does not file basic "
                          "insurance's deductible and rates)", {"basic_fund": money_str(fund)}))
        result["basic_fund"] = fund
        _leave(leaves, "basic", "基本医保：本政策没有收录起付线和报销比例，统筹基金支付用的是您填写的数字。",
               "Basic insurance: this policy files no deductible or rate; the basic payment is the figure you entered.")
    left = in_scope - fund

    # 2. critical-illness (大病) insurance
    if policy.has("major_illness_bands"):
        cap = cap_given if cap_given is not None else (
            policy.decimal("major_illness_annual_cap")
            if policy.has("major_illness_annual_cap") and not policy.is_open("major_illness_annual_cap") else None)
        earlier = values["earlier_major_illness"]
        options = [(t, _major(policy, t, earlier, left, cap)) for t in _major_terms(policy, groups)]
        terms, m = max(options, key=lambda o: o[1]["pay"])   # several groups: the most favourable row
        group_row = terms["row"]
        who_zh = f"（{'、'.join(cat.label(g).zh for g in group_row['groups'] if g in groups)}的倾斜待遇）" if group_row else ""
        who_en = f" ({', '.join(cat.label(g).en for g in group_row['groups'] if g in groups)}: better terms)" if group_row else ""
        parts_zh = "；".join(f"{money_str(s)}{'–' + money_str(e) if e is not None else ' 以上'}：{percent_str(r)} → {money_str(p)}"
                            for (s, e, r), p in zip(m["bands"], m["parts"]) if p > 0) or "没有达到起付线"
        parts_en = "; ".join(f"{money_str(s)}{'–' + money_str(e) if e is not None else ' and up'}: {percent_str(r)} → {money_str(p)}"
                            for (s, e, r), p in zip(m["bands"], m["parts"]) if p > 0) or "the deductible is not reached"
        edges = policy.value("major_illness_band_edges")
        shape_zh = "分段以超过起付线的金额计" if edges == "above_deductible" else "分段按累计金额的绝对区间计"
        shape_en = "bands measured above the deductible" if edges == "above_deductible" else "bands at absolute cumulative amounts"
        cites = ["major_illness_deductible", "major_illness_bands", "major_illness_band_edges"]
        if group_row:
            cites.append("major_illness_groups")
        steps.append(step(
            policy, "major_illness",
            f"大病保险{who_zh}：基本医保后剩余 {money_str(left)} 元，本年度此前已累计 {money_str(earlier)} 元；起付线 "
            f"{money_str(terms['deductible'])} 元，{shape_zh}：{parts_zh}；合计 {money_str(sum(m['parts'], ZERO))} 元",
            f"Critical-illness insurance{who_en}: {money_str(left)} yuan left after basic insurance, {money_str(earlier)} counted "
            f"earlier this year; deductible {money_str(terms['deductible'])} yuan, {shape_en}: {parts_en}; "
            f"{money_str(sum(m['parts'], ZERO))} yuan in all",
            {"major_illness": money_str(m["pay"])}, tuple(cites)))
        if terms["no_cap"]:
            steps.append(step(policy, "major_illness_no_cap", "这一群体没有年度支付限额。",
                              "This group has no yearly limit.", {}, ("major_illness_groups",)))
        elif m["limit"] is not None:
            raised = cap_given is not None
            steps.append(step(
                policy, "major_illness_cap",
                f"年度支付限额 {money_str(m['limit'])} 元{'（您填写的提高后限额）' if raised else ''}，本年度此前已付 "
                f"{money_str(m['before'])} 元{'：超过限额，按限额计' if m['capped'] else '：没有超过'}；大病保险支付 {money_str(m['pay'])} 元",
                f"Yearly limit {money_str(m['limit'])} yuan{' (the raised limit you entered)' if raised else ''}, "
                f"{money_str(m['before'])} paid earlier this year{': over the limit, so the limit applies' if m['capped'] else ': within it'}; "
                f"critical-illness insurance pays {money_str(m['pay'])} yuan",
                {"major_illness": money_str(m["pay"])},
                ("major_illness_annual_cap", *(("major_illness_cap_incentives",) if policy.has("major_illness_cap_incentives") else ()))))
        else:
            _leave(leaves, "major_illness_cap", "大病保险的年度支付限额：原文没有给出，没有按它封顶。",
                   "Critical-illness insurance's yearly limit: not stated, so nothing is capped by it.")
        result["major_illness"] = m["pay"]
        left -= m["pay"]
    else:
        _leave(leaves, "major_illness", "大病保险：本政策没有收录大病保险的起付线和分段比例，没有计算这一层。",
               "Critical-illness insurance: this policy files no deductible or bands for it, so that layer is not computed.")

    # 3. medical assistance (医疗救助)
    if policy.has("assistance_tiers"):
        paid = ZERO
        for n, tier in enumerate(policy.value("assistance_tiers")):
            name = _row_text(tier, "name")
            if not set(tier.get("groups") or []) & set(groups):
                continue
            ded = to_decimal(tier["deductible"]) if tier.get("deductible") is not None else ZERO
            rate = to_decimal(tier["rate"]) / 100
            amount = cents(max(ZERO, left - ded) * rate)
            ded_zh = f" − 起付线 {money_str(ded)}" if tier.get("deductible") is not None else ""
            steps.append(step(
                policy, f"assistance_{n + 1}",
                f"{name.zh}：({money_str(left)}{ded_zh}) × {percent_str(rate)} = {money_str(amount)} 元",
                f"{name.en}: ({money_str(left)}{' − deductible ' + money_str(ded) if tier.get('deductible') is not None else ''}) "
                f"× {percent_str(rate)} = {money_str(amount)} yuan", {"assistance": money_str(amount)}, ("assistance_tiers",)))
            paid += amount
            left -= amount
        if paid == 0 and not any(set(t.get("groups") or []) & set(groups) for t in policy.value("assistance_tiers")):
            steps.append(step(policy, "assistance_none", "您没有勾选可以享受医疗救助的类别：医疗救助 0 元。",
                              "You ticked no group that medical assistance covers: it pays 0 yuan.",
                              {"assistance": "0.00"}, ("assistance_tiers",)))
        result["assistance"] = paid
        _leave(leaves, "assistance_cap", "医疗救助的年度限额：本政策没有收录，没有按它封顶。",
               "Medical assistance's yearly limit: not on file, so nothing is capped by it.")
    else:
        _leave(leaves, "assistance", "医疗救助：本政策没有收录，没有计算这一层。",
               "Medical assistance: not on file for this policy, so that layer is not computed.")

    funds = in_scope - left
    personal = total - funds
    result.update(personal_in_scope=left, funds_total=funds, personal_total=personal)
    steps.append(Step(
        "slip",
        f"个人自付（政策范围内）{money_str(left)} + 先行自付 {money_str(first_part)} + 自费 {money_str(self_pay)}"
        f"{' + 其他' if values['in_scope'] is not None and total - in_scope - first_part - self_pay > 0 else ''}"
        f" = 个人负担合计 {money_str(personal)} 元；各项报销合计 {money_str(funds)} 元",
        f"You pay in scope {money_str(left)} + paid first {money_str(first_part)} + self-paid {money_str(self_pay)}"
        f"{' + other' if values['in_scope'] is not None and total - in_scope - first_part - self_pay > 0 else ''}"
        f" = {money_str(personal)} yuan in all; paid back {money_str(funds)} yuan in all",
        {"personal_total": money_str(personal), "funds_total": money_str(funds)}))
    if self_pay > 0 or first_part > 0:
        _leave(leaves, "outside_scope", "自费（目录外）和先行自付的部分：基本医保不报；本估算没有计算它们在大病保险或医疗救助中的待遇。",
               "Self-paid items outside the lists and first-paid parts: basic insurance does not pay them; this estimate does not "
               "count them for critical-illness insurance or assistance.")
    _leave(leaves, "rules", "异地就医备案、转诊、未按规定就医的降低比例，以及门诊、药店费用：本估算不包括。",
           "Out-of-area filing and referral rules, lower rates without them, and outpatient or pharmacy costs: not in this estimate.")
    result["leaves_out"] = leaves
    result["_slip"] = (fund, result.get("major_illness", ZERO), result.get("assistance", ZERO), left, first_part,
                       total - in_scope - first_part)
    return result, steps


def _charts(result: dict[str, Any]) -> dict[str, Any]:
    basic, major, assistance, personal, first_part, outside = result["_slip"]
    desc_total = basic + major + assistance + personal + first_part + outside
    out = {}
    for lang in ("zh", "en"):
        zh = lang == "zh"

        def amount(v: Decimal, zh: bool = zh) -> str:   # bound per language
            return f"{money_str(v)} 元" if zh else f"CNY {v:,.2f}"
        parts = [Part("统筹基金" if zh else "Basic insurance", basic, amount(basic), "payer"),
                 Part("大病保险" if zh else "Critical-illness insurance", major, amount(major), "payer"),
                 Part("医疗救助" if zh else "Medical assistance", assistance, amount(assistance), "payer"),
                 Part("个人自付（政策范围内）" if zh else "You, in scope", personal, amount(personal), "person"),
                 Part("先行自付" if zh else "You, paid first", first_part, amount(first_part), "person"),
                 Part("自费及其他" if zh else "You, self-paid and other", outside, amount(outside), "person")]
        title = "谁付了这笔医疗费" if zh else "Who pays this bill"
        desc = (f"总额 {amount(desc_total)}：" + "，".join(f"{p.label} {p.amount}" for p in parts if p.value > 0) + "。") if zh else \
            (f"Total {amount(desc_total)}: " + ", ".join(f"{p.label} {p.amount}" for p in parts if p.value > 0) + ".")
        out[lang] = stacked_bar("who-pays-bill", title, desc, parts, lang)
    return {"who_pays": out}


def _check_bands(value: object) -> list:
    if not isinstance(value, list) or not value:
        return [("", "must be a list of {band_to, rate} rows", "须为 {band_to, rate} 行的列表")]
    out, last = [], None
    for n, row in enumerate(value):
        if not isinstance(row, dict) or set(row) - {"band_to", "rate"} or "rate" not in row:
            out.append((f"[{n}]", "each row is {band_to, rate}", "每行为 {band_to, rate}"))
            continue
        if row.get("band_to") is None and n != len(value) - 1:
            out.append((f"[{n}].band_to", "only the last band may be open (band_to null)", "只有最后一段可以不设上限（band_to 为 null）"))
        elif row.get("band_to") is not None:
            if last is not None and to_decimal(row["band_to"]) <= last:
                out.append((f"[{n}].band_to", "edges must rise", "分段上限须递增"))
            last = to_decimal(row["band_to"])
    return out


def _check_edges(value: object) -> list:
    return [] if value in EDGES else [("", f"must be one of {', '.join(EDGES)}", f"须为 {'、'.join(EDGES)} 之一")]


def _check_levels(value: object) -> list:
    ok = isinstance(value, list) and value and all(
        isinstance(r, dict) and {"level", "deductible", "rate"} <= set(r) and isinstance(r["level"], dict) for r in value)
    return [] if ok else [("", "must be rows {level: {zh, en}, deductible, rate}", "须为 {level: {zh, en}, deductible, rate} 行")]


def _check_group_rows(value: object) -> list:
    ok = isinstance(value, list) and all(
        isinstance(r, dict) and isinstance(r.get("groups"), list) and r["groups"]
        and set(r) <= {"groups", "deductible", "bands", "uplift", "no_cap"} and all(g in cat.CATEGORIES for g in r["groups"])
        for r in value)
    return [] if ok else [("", "rows {groups: [codes], deductible?, bands?, uplift?, no_cap?}",
                           "每行为 {groups: [类别代码], deductible?, bands?, uplift?, no_cap?}")]


def _check_tiers(value: object) -> list:
    ok = isinstance(value, list) and all(
        isinstance(r, dict) and isinstance(r.get("name"), dict) and "rate" in r and isinstance(r.get("groups"), list)
        and set(r) <= {"name", "groups", "deductible", "rate"} and all(g in cat.CATEGORIES for g in r["groups"]) for r in value)
    return [] if ok else [("", "rows {name: {zh, en}, groups: [codes], deductible?, rate}",
                           "每行为 {name: {zh, en}, groups: [类别代码], deductible?, rate}")]


PARAMETERS = (
    Parameter("basic_levels", ("table",), Text(
        "基本医保按医院等级（及省内、省外）的起付线和支付比例：行 {level: {zh, en}, deductible, rate}（元、百分数）。",
        "Basic insurance's deductible and rate by hospital level (and in or out of the province): rows "
        "{level: {zh, en}, deductible, rate} (yuan, percent)."), required=False, check=_check_levels),
    Parameter("basic_deductible", ("CNY",), Text(
        "基本医保起付线，不分医院等级时（每次住院；有 basic_deductible_yearly 时按年度）。原文只说“与职工医保相同”、"
        "没有数额时：value: null、status: not_stated，表单请读者填写。",
        "Basic insurance's deductible when it does not vary by hospital level (per admission; yearly with "
        "basic_deductible_yearly). Where the text only says \"the same as employee insurance\" with no amount: "
        "value: null, status: not_stated, and the form asks the reader."), required=False, when="lacks:basic_levels"),
    Parameter("basic_rate", ("percent",), Text(
        "基本医保统筹基金支付比例，不分医院等级时（百分数）。原文没有数额时同上：not_stated，表单请读者填写。",
        "Basic insurance's rate when it does not vary by hospital level (percent). With no figure in the text, likewise: "
        "not_stated, and the form asks the reader."), required=False, when="lacks:basic_levels"),
    Parameter("basic_deductible_yearly", ("rule",), Text(
        "有这一项：起付线按年度只承担一次（引用的原句）；没有：每次住院都扣。",
        "Present: the deductible is borne once a year (the sentence cited); absent: every admission."), required=False),
    Parameter("basic_annual_cap", ("CNY/year",), Text(
        "基本医保统筹基金年度最高支付限额；原文没有数额时 not_stated，读者可以填写，不填则不封顶（答案会说明）。",
        "Basic insurance's yearly ceiling; not_stated where the text gives no amount: the reader may enter it, "
        "and without it nothing is capped (the answer says so)."), required=False),
    Parameter("major_illness_deductible", ("CNY/year",), Text(
        "大病保险起付线（年度累计）。", "The critical-illness deductible (yearly, cumulative)."),
        required=True, when="has:major_illness_bands"),
    Parameter("major_illness_bands", ("table",), Text(
        "大病保险分段比例：行 {band_to, rate}，band_to 是这一段的上限（元，怎么量见 major_illness_band_edges），rate 是百分数；"
        "最后一段 band_to 为 null（不设上限）。",
        "Critical-illness bands: rows {band_to, rate}: band_to is the band's upper edge (yuan, measured as "
        "major_illness_band_edges says), rate a percent; the last may have band_to null (no upper edge)."),
        required=False, check=_check_bands),
    Parameter("major_illness_band_edges", ("rule",), Text(
        "分段上限怎么量：above_deductible（超过起付线的金额）或 absolute（累计金额本身）。",
        "How band edges are measured: above_deductible (the amount above the deductible) or absolute (the cumulative amount)."),
        required=True, when="has:major_illness_bands", check=_check_edges),
    Parameter("major_illness_groups", ("table",), Text(
        "特定人群的倾斜：行 {groups: [类别代码], deductible?, bands?, uplift?（百分点）, no_cap?}。",
        "Better terms for named groups: rows {groups: [codes], deductible?, bands?, uplift? (points), no_cap?}."),
        required=False, check=_check_group_rows),
    Parameter("major_illness_annual_cap", ("CNY/year",), Text(
        "大病保险年度支付限额；因连续参保、零报销提高的，读者填 critical-illness-cap 计算器算出的提高后限额（一个输入，不另写数字）。",
        "The critical-illness yearly limit; where continuous enrolment or claim-free years raise it, the reader enters the "
        "raised limit the critical-illness-cap calculator gives (one input, never a retyped figure)."), required=False),
    Parameter("major_illness_cap_incentives", ("rule",), Text(
        "有这一项：年度支付限额可因激励提高（引用的原句）；提高后的限额是一个输入。",
        "Present: the yearly limit may be raised by incentives (the sentence cited); the raised limit is an input."),
        required=False),
    Parameter("assistance_tiers", ("table",), Text(
        "医疗救助：行 {name: {zh, en}, groups: [类别代码], deductible?, rate}，依次作用于剩下的政策范围内个人自付。",
        "Medical assistance: rows {name: {zh, en}, groups: [codes], deductible?, rate}, applied in turn to what is left."),
        required=False, check=_check_tiers),
)

CALCULATOR = Calculator(
    name="reimbursement",
    title=Text("住院费用报销估算", "How much of a hospital bill comes back"),
    description=Text(
        "按基本医保、大病保险、医疗救助的顺序，估算一次住院能报销多少、自己负担多少，像结算单一样逐行列出。",
        "Basic insurance, critical-illness insurance and medical assistance in the order they pay: what comes back and "
        "what you pay, line by line like a settlement slip.",
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=_compute,
    charts=_charts,
    parameters=PARAMETERS,
)


run_reimbursement = result_runner(__name__)   # the doctests' helper (calc/doctest_helper.py)
