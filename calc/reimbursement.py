"""`reimbursement`: how much of a hospital bill comes back, layer by layer, as a settlement slip.

The three layers of Chinese medical insurance pay in order, each on what the one before leaves of
the 政策范围内 (in-scope) cost, and each is optional policy data — a policy files what its text gives:

1. basic insurance (`basic_levels`: per hospital level a 起付线 and a 支付比例, or one `basic_deductible` and
   `basic_rate` — `not_stated` where a text only says "as employee insurance", and the form then asks for them;
   `basic_deductible_yearly` when the 起付线 is borne once a year, not per admission; `basic_annual_cap`);
2. 大病保险 on what basic insurance leaves (calc/reimbursement_major_illness.py: `major_illness_deductible`,
   yearly, stated or left to the reader; `major_illness_bands`, rows `{band_to, rate}` whose edges are measured
   `above_deductible` or as `absolute` amounts (`major_illness_band_edges`); `major_illness_groups`: rows for
   named groups with their own deductible or a cut of the general one, their own bands or an uplift in points,
   and `no_cap`; `major_illness_annual_cap`, which the reader may replace by a cap raised by incentives — one
   input, taken from the critical-illness-cap calculator);
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
from . import reimbursement_major_illness as major
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
    *major.INPUTS,
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


def _leave(out: list[dict[str, str]], id: str, zh: str, en: str) -> None:
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
    errors += major.input_errors(policy, values)
    if errors:
        raise InputErrors(errors)

    steps: list[Step] = []
    result: dict[str, Any] = {"in_scope": in_scope, "first_part": first_part, "self_pay": self_pay}
    leaves: list[dict[str, str]] = []
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
            basic_cites: tuple[str, ...] = ("basic_deductible", "basic_rate")
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
        paid, major_steps, major_leaves = major.layer(policy, values, left, groups)
        steps += major_steps
        leaves += major_leaves
        result["major_illness"] = paid
        left -= paid
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


def _check_levels(value: object) -> major.Problems:
    ok = isinstance(value, list) and value and all(
        isinstance(r, dict) and {"level", "deductible", "rate"} <= set(r) and isinstance(r["level"], dict) for r in value)
    return [] if ok else [("", "must be rows {level: {zh, en}, deductible, rate}", "须为 {level: {zh, en}, deductible, rate} 行")]


def _check_tiers(value: object) -> major.Problems:
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
    *major.PARAMETERS,
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
