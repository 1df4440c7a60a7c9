"""`critical-illness-cap`: Hunan's 2025 incentives that raise the resident critical-illness limit.

Continuity: after `critical_illness_continuous_years_required` (4) full continuous years,
each further continuous year adds `critical_illness_continuous_increment` (5000 yuan).
Zero reimbursement: a year with no fund reimbursement followed by normal enrolment adds
`critical_illness_zero_claim_increment` (5000) the next year. Both add up
(`critical_illness_increments_cumulative`), but the total increase is capped at
`critical_illness_increase_cap` (20 %) of the area's original limit, which the report
does not give (`critical_illness_original_cap`: an input).

Enrolled 2021–2026 with 2024 and 2025 claim-free. By default only years from 2025 count (reading
`continuity-lapse-and-earlier-years`; source 006: “2025-2028年连续参保的人员,在2029年参保时可享受额外激励额度”,
010: “2025年正常参保且全年医保基金零报销的参保人员,2026年度居民大病保险封顶线将提高5000元”): 2 continuous years,
no continuity increase yet, one claim-free year:

>>> r = run_cap({"original_cap": "300000", "enrolled_years": "2021 2022 2023 2024 2025 2026",
...              "zero_reimbursement_years": [2024, 2025], "benefit_year": 2026})
>>> [r[k] for k in ("continuous_years", "continuity_increase", "zero_reimbursement_increase", "increase", "cap")]
[2, '0.00', '5000.00', '5000.00', '305000.00']

The other reading, earlier years counted (chosen here; both readings' results are always shown side by side):
6 continuous years → 2 × 5000, plus 2 × 5000:

>>> r = run_cap({"original_cap": "300000", "enrolled_years": [2021, 2022, 2023, 2024, 2025, 2026],
...              "zero_reimbursement_years": [2024, 2025], "benefit_year": 2026, "count_earlier_years": True})
>>> [r[k] for k in ("continuous_years", "continuity_increase", "zero_reimbursement_increase", "ceiling", "increase", "cap")]
[6, '10000.00', '10000.00', '60000.00', '20000.00', '320000.00']
>>> [r[k] for k in ("cap_counting_earlier_years", "cap_from_start_year_only")]
['320000.00', '305000.00']

The 20 % ceiling binds: 100000 × 20 % = 20000, however many years:

>>> run_cap({"original_cap": "100000", "enrolled_years": list(range(2000, 2031)), "benefit_year": 2030,
...          "count_earlier_years": True})["increase"]
'20000.00'
"""
from __future__ import annotations

from typing import Any

import datetime as dt
from decimal import Decimal

from .errors import InputError, InputErrors
from .inputs import InputSpec, Text
from .money import cents, money_str, percent_str
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step, step
from .doctest_helper import result_runner

FIRST_YEAR, LAST_YEAR = 1950, 2200   # plausible years only (not policy figures)

INPUTS = (
    InputSpec("original_cap", "money", Text("当地居民大病保险原封顶线（元/年）", "Local original critical-illness limit (yuan/year)"),
              applies_when="open:critical_illness_original_cap",
              help=Text("各统筹地区不同，措施没有给出：请按当地公布的数字填写。",
                        "It differs by area and the measures do not give it: enter your area's published figure.")),
    InputSpec("enrolled_years", "integer_list", Text("按时参加居民医保的年份", "Years enrolled in resident insurance on time"),
              minimum=FIRST_YEAR, maximum=LAST_YEAR,
              help=Text("在集中参保缴费期内参保缴费的待遇年度，例如 2022, 2023, 2024。没有列出的年份视为断保。",
                        "The insurance years you paid for during the collection period, e.g. 2022, 2023, 2024. A year not listed is a lapse.")),
    InputSpec("zero_reimbursement_years", "integer_list", Text("零报销的年份", "Years with no reimbursement"),
              minimum=FIRST_YEAR, maximum=LAST_YEAR,
              help=Text("当年基金没有为您报销任何费用的参保年份。", "Insured years in which the fund reimbursed nothing for you.")),
    InputSpec("benefit_year", "integer", Text("计算哪一年的封顶线", "Year of the limit"), required=True,
              minimum=FIRST_YEAR, maximum=LAST_YEAR,
              help=Text("要计算支付限额的待遇年度（视为按时参保）。", "The insurance year whose limit you want (taken as enrolled on time).")),
    InputSpec("count_earlier_years", "boolean", Text("激励施行前的年份也计入", "Count years before the incentives began"),
              default=False,
              help=Text("不勾选（默认）：只从激励施行那一年起计算连续参保年数和零报销年份（有的来源写明了起算年份，计算步骤会引用）；"
                        "勾选：计入所填的全部连续参保年份（另一种读法）。两种结果都会并列显示。",
                        "Unticked (the default): continuous and claim-free years count from the year the incentives began "
                        "(some sources state that year; the steps cite them). Ticked: every continuous year listed counts "
                        "(the other reading). Both results are shown side by side.")),
)

OUTPUTS = (
    OutputSpec("continuous_years", "integer", Text("连续参保年数（含当年）", "Continuous years (including this one)")),
    OutputSpec("continuity_increase", "money", Text("连续参保激励（元）", "Continuity increase (yuan)")),
    OutputSpec("zero_reimbursement_years_counted", "integer", Text("计入的零报销年数", "Claim-free years counted")),
    OutputSpec("zero_reimbursement_increase", "money", Text("零报销激励（元）", "Zero-reimbursement increase (yuan)")),
    OutputSpec("uncapped_increase", "money", Text("激励合计（未封顶，元）", "Increases before the ceiling (yuan)")),
    OutputSpec("ceiling", "money", Text("累计提高上限（元）", "Ceiling on the increase (yuan)")),
    OutputSpec("increase", "money", Text("实际提高（元）", "Increase (yuan)"),
               lead=Text("大病保险支付限额提高 {}", "limit raised by {}")),
    OutputSpec("cap", "money", Text("提高后的支付限额（元/年）", "Limit after the increase (yuan/year)"),
               lead=Text("提高后为每年 {}", "to {} a year")),
    # both readings of "自2025年1月起…连续参保", side by side whichever is chosen (reading `continuity-lapse-and-earlier-years`)
    OutputSpec("increase_counting_earlier_years", "money",
               Text("计入施行前年份时：实际提高（元）", "Counting years before the start: increase (yuan)")),
    OutputSpec("cap_counting_earlier_years", "money",
               Text("计入施行前年份时：支付限额（元/年）", "Counting years before the start: limit (yuan/year)")),
    OutputSpec("increase_from_start_year_only", "money",
               Text("只从施行那一年起计算时：实际提高（元）", "Counting from the start year only: increase (yuan)")),
    OutputSpec("cap_from_start_year_only", "money",
               Text("只从施行那一年起计算时：支付限额（元/年）", "Counting from the start year only: limit (yuan/year)")),
)


def _years(years: list[int]) -> str:
    return ", ".join(str(y) for y in years) if years else "—"


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    year: int = values["benefit_year"]
    stated = not policy.is_open("critical_illness_original_cap")
    original: Decimal | None = policy.decimal("critical_illness_original_cap") if stated else values["original_cap"]
    zero_years: list[int] = values["zero_reimbursement_years"] or []
    listed: list[int] = values["enrolled_years"] or []
    count_earlier: bool = bool(values["count_earlier_years"])
    start_year = dt.date.fromisoformat(policy.value("critical_illness_incentive_from")).year
    # the first year counted, where a source states it (Hunan: 006, 010), else the year the incentives began
    from_year = int(policy.decimal("critical_illness_years_counted_from")) if policy.has("critical_illness_years_counted_from") \
        else start_year
    errors = []
    if year < start_year:
        errors.append(InputError("benefit_year", f"激励自 {policy.value('critical_illness_incentive_from')} 起施行：请填写 {start_year} 年或以后的年份。",
                                 f"The incentives apply from {policy.value('critical_illness_incentive_from')}: enter {start_year} or later."))
    if original is None:
        errors.append(InputError("original_cap", "请填写当地居民大病保险原封顶线。", "Enter the local original critical-illness limit."))
    elif original <= 0:
        errors.append(InputError("original_cap", "原封顶线须大于 0。", "The original limit must be more than 0."))
    not_enrolled = [y for y in zero_years if y not in listed and y != year]
    if not_enrolled:
        errors.append(InputError("zero_reimbursement_years",
                                 f"零报销年份须是参保年份：{'、'.join(map(str, not_enrolled))} 不在参保年份中。",
                                 f"Claim-free years must be enrolled years: {', '.join(map(str, not_enrolled))} are not listed as enrolled."))
    if errors:
        raise InputErrors(errors)
    assert original is not None   # reported above when missing

    enrolled = set(listed) | {year}
    chosen = _figures(policy, enrolled, zero_years, year, original, FIRST_YEAR if count_earlier else from_year)
    other = _figures(policy, enrolled, zero_years, year, original, from_year if count_earlier else FIRST_YEAR)
    steps = _steps(policy, chosen, enrolled, year, from_year, original)
    earlier, only = (chosen, other) if count_earlier else (other, chosen)
    counted_from = tuple(n for n in COUNTED_FROM if policy.has(n))
    why_zh = "（来源写明了起算年份，见引文）" if counted_from else "（较保守）"
    why_en = " (the sources name that first year; see the quotes)" if counted_from else " (the cautious reading)"
    steps.append(step(
        policy, "readings_compared",
        f"两种读法并列：只从 {from_year} 年起计算{why_zh}，提高 {money_str(only['increase'])} 元，支付限额 "
        f"{money_str(only['cap'])} 元；计入 {from_year} 年以前的连续参保年份，提高 {money_str(earlier['increase'])} 元，支付限额 "
        f"{money_str(earlier['cap'])} 元。上面按{'后' if count_earlier else '前'}一种读法计算。",
        f"Both readings side by side: counting from {from_year} only{why_en}, the increase is "
        f"{money_str(only['increase'])} yuan and the limit {money_str(only['cap'])} yuan; counting continuous years before "
        f"{from_year}, the increase is {money_str(earlier['increase'])} yuan and the limit {money_str(earlier['cap'])} yuan. "
        f"The steps above follow the {'second' if count_earlier else 'first'}.",
        {"cap_counting_earlier_years": money_str(earlier["cap"]), "cap_from_start_year_only": money_str(only["cap"])},
        counted_from))
    result = {k: chosen[k] for k in ("continuous_years", "continuity_increase", "zero_reimbursement_increase",
                                     "uncapped_increase", "ceiling", "increase", "cap")}
    result["zero_reimbursement_years_counted"] = len(chosen["counted"])
    result.update(increase_counting_earlier_years=earlier["increase"], cap_counting_earlier_years=earlier["cap"],
                  increase_from_start_year_only=only["increase"], cap_from_start_year_only=only["cap"])
    return result, steps


def credit_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a malformed `critical_illness_credit_after_gap`.

    >>> credit_problems({"kept": True}), [p[0] for p in credit_problems({"kept": "yes", "why": 1})]
    ([], ['.why', '.kept'])
    """
    if not isinstance(value, dict):
        return [("", "must be {kept: true | false}", "须为 {kept: true | false}")]
    out = [(f".{k}", "unknown key (allowed: kept)", "未知的键（可用：kept）") for k in value if k != "kept"]
    if not isinstance(value.get("kept"), bool):
        out.append((".kept", "must be true or false", "须为 true 或 false"))
    return out


def credit_kept(policy: Policy) -> bool:
    """Whether increases earned before a gap are kept (`critical_illness_credit_after_gap`: {kept: true})."""
    return policy.has("critical_illness_credit_after_gap") and bool(policy.value("critical_illness_credit_after_gap").get("kept"))


def _earlier_runs(enrolled: set[int], earliest: int, start: int) -> list[int]:
    """The lengths of the continuous runs of enrolled years from `earliest` that ended before the gap at `start`."""
    runs, length = [], 0
    for y in range(max(earliest, min(enrolled, default=start)), start - 1):
        if y in enrolled:
            length += 1
        elif length:
            runs.append(length)
            length = 0
    return runs + ([length] if length else [])


def _ceiling(policy: Policy, original: Decimal) -> Decimal:
    """The most the increases may add: a share of the original limit, a sum in yuan, or the lower of the two."""
    limits = []
    if policy.has("critical_illness_increase_cap"):
        limits.append(cents(original * policy.rate("critical_illness_increase_cap")))
    if policy.has("critical_illness_increase_cap_amount"):
        limits.append(policy.decimal("critical_illness_increase_cap_amount"))
    return min(limits)


def _figures(policy: Policy, enrolled: set[int], zero_years: list[int], year: int, original: Decimal,
             earliest: int) -> dict[str, Any]:
    """Every figure of one reading: continuity counted back from `year`, not before `earliest`."""
    start = year
    while start - 1 in enrolled and start - 1 >= earliest:
        start -= 1
    n = year - start + 1
    required = int(policy.decimal("critical_illness_continuous_years_required"))
    further = max(0, n - required)
    kept = credit_kept(policy)
    earned_before = sum(max(0, length - required) for length in _earlier_runs(enrolled, earliest, start)) if kept else 0
    continuity = policy.decimal("critical_illness_continuous_increment") * (further + earned_before)
    first = earliest if kept else start   # credit kept after a gap: claim-free years before it count too
    counted = [z for z in zero_years if first <= z < year and (z + 1 in enrolled)]
    zero = policy.decimal("critical_illness_zero_claim_increment") * len(counted)
    uncapped = continuity + zero
    ceiling = _ceiling(policy, original)
    increase = min(uncapped, ceiling)
    return {"start": start, "continuous_years": n, "further": further, "earned_before_gap": earned_before,
            "continuity_increase": continuity,
            "counted": counted, "ignored": [z for z in zero_years if z not in counted],
            "zero_reimbursement_increase": zero, "uncapped_increase": uncapped, "ceiling": ceiling,
            "increase": increase, "cap": original + increase}


def _steps(policy: Policy, f: dict[str, Any], enrolled: set[int], year: int, from_year: int, original: Decimal) -> list[Step]:
    """The steps of the chosen reading, each with the sentence it rests on."""
    start, n, further, continuity = f["start"], f["continuous_years"], f["further"], f["continuity_increase"]
    required = int(policy.decimal("critical_illness_continuous_years_required"))
    per_year = policy.decimal("critical_illness_continuous_increment")
    per_zero = policy.decimal("critical_illness_zero_claim_increment")
    dropped = sorted(y for y in enrolled if y < start)
    earned = f["earned_before_gap"]
    kept_zh = f"；断保前已获得的 {earned} 年激励保留" if earned else ""
    kept_en = f"; {earned} year(s) of credit earned before the gap are kept" if earned else ""
    dropped_en = " towards this run" if earned else ""
    later = sorted(y for y in enrolled if y > year)
    if start - 1 in enrolled:   # the run stops where counting starts, not at a lapse
        why_zh, why_en = f"只从 {from_year} 年起计算", f"counting only from {from_year}"
    else:
        why_zh, why_en = f"{start - 1} 年没有按时参保，连续计算从此重新开始", f"no on-time enrolment in {start - 1}: continuity restarts after it"
    steps = [step(
        policy, "continuity",
        f"连续参保 {start}–{year} 年，共 {n} 年（{why_zh}；之前的 {_years(dropped)} 不计）。满 {required} 年后每再连续 1 年提高 "
        f"{money_str(per_year)} 元{kept_zh}：{further + earned} × {money_str(per_year)} = {money_str(continuity)} 元",
        f"Continuously enrolled {start}–{year}: {n} year(s) ({why_en}; earlier years {_years(dropped)} do not count{dropped_en}). After "
        f"{required} full years each further year adds {money_str(per_year)} yuan{kept_en}: {further + earned} × {money_str(per_year)} = "
        f"{money_str(continuity)} yuan",
        {"continuous_years": str(n), "further_years": str(further), "continuity_increase": money_str(continuity)},
        ("critical_illness_incentive_from", "critical_illness_continuous_years_required", "critical_illness_continuous_increment")
        + (("critical_illness_credit_after_gap",) if earned else ())
        + (("critical_illness_years_counted_from",) if start - 1 in enrolled and policy.has("critical_illness_years_counted_from") else ()),
    )]
    if later:
        steps.append(Step("later_years", f"{_years(later)} 晚于 {year} 年，不影响当年限额。",
                          f"{_years(later)} come after {year} and do not affect its limit.", {"later_years": _years(later)}))
    counted, ignored, zero = f["counted"], f["ignored"], f["zero_reimbursement_increase"]
    steps.append(step(
        policy, "zero_reimbursement",
        f"零报销且次年正常参保的年份：{_years(counted)}，共 {len(counted)} 年（不计：{_years(ignored)}，须在本次连续参保期内且早于 {year} 年），"
        f"每年提高 {money_str(per_zero)} 元：{money_str(zero)} 元",
        f"Claim-free years followed by normal enrolment: {_years(counted)}, {len(counted)} in all (not counted: {_years(ignored)}; "
        f"they must fall in this continuous run and before {year}), {money_str(per_zero)} yuan each: {money_str(zero)} yuan",
        {"zero_years": _years(counted), "zero_reimbursement_increase": money_str(zero)},
        ("critical_illness_zero_claim_increment",),
    ))
    uncapped, ceiling, increase, cap = f["uncapped_increase"], f["ceiling"], f["increase"], f["cap"]
    capped_zh = "，超过上限，按上限计" if uncapped > ceiling else ""
    capped_en = ", above the ceiling, so the ceiling applies" if uncapped > ceiling else ""
    how_zh, how_en, cites = _ceiling_words(policy, original)
    steps.append(step(
        policy, "ceiling",
        f"两项累计 {money_str(continuity)} + {money_str(zero)} = {money_str(uncapped)} 元；上限 = {how_zh} = {money_str(ceiling)} 元"
        f"{capped_zh}：提高 {money_str(increase)} 元",
        f"Both together {money_str(continuity)} + {money_str(zero)} = {money_str(uncapped)} yuan; ceiling = {how_en} = "
        f"{money_str(ceiling)} yuan{capped_en}: increase {money_str(increase)} yuan",
        {"uncapped_increase": money_str(uncapped), "ceiling": money_str(ceiling), "increase": money_str(increase)},
        ("critical_illness_increments_cumulative",) + cites,
    ))
    steps.append(Step("cap", f"{year} 年支付限额 = {money_str(original)} + {money_str(increase)} = {money_str(cap)} 元",
                      f"{year} limit = {money_str(original)} + {money_str(increase)} = {money_str(cap)} yuan",
                      {"cap": money_str(cap)}))
    return steps


def _ceiling_words(policy: Policy, original: Decimal) -> tuple[str, str, tuple[str, ...]]:
    """How the ceiling is worked out, in words, and the parameters it cites."""
    parts_zh, parts_en, cites = [], [], []
    if policy.has("critical_illness_increase_cap"):
        rate = policy.rate("critical_illness_increase_cap")
        whose_zh, whose_en = ("", "") if not policy.is_open("critical_illness_original_cap") else ("（您填写的）", " (your input)")
        parts_zh.append(f"原封顶线 {money_str(original)}{whose_zh} × {percent_str(rate)}（四舍五入到分）")
        parts_en.append(f"original limit {money_str(original)}{whose_en} × {percent_str(rate)} (rounded half-up to the fen)")
        cites += ["critical_illness_increase_cap", "critical_illness_original_cap"]
    if policy.has("critical_illness_increase_cap_amount"):
        amount = money_str(policy.decimal("critical_illness_increase_cap_amount"))
        parts_zh.append(f"{amount} 元")
        parts_en.append(f"{amount} yuan")
        cites.append("critical_illness_increase_cap_amount")
    if len(parts_zh) == 1:
        return parts_zh[0], parts_en[0], tuple(cites)
    return f"{parts_zh[0]} 与 {parts_zh[1]} 中较低者", f"the lower of {parts_en[0]} and {parts_en[1]}", tuple(cites)


# the first years counted, where a source states them: cited by the comparison of the two readings
COUNTED_FROM = ("critical_illness_years_counted_from", "critical_illness_zero_claim_first_year")

# what compute reads from a policy (calc/parameters.py)
PARAMETERS = (
    Parameter("critical_illness_years_counted_from", ("year",), Text(
        "来源写明的连续参保年数起算年份（如“2025-2028年连续参保的人员,在2029年参保时可享受”）；默认读法从这一年起计算，没有则从激励施行那一年起。",
        "The first year of continuous enrolment counted, where a source states it (e.g. \"enrolled 2025–2028, the incentive "
        "in 2029\"); the default reading counts from it, else from the year the incentives began."), required=False),
    Parameter("critical_illness_zero_claim_first_year", ("year",), Text(
        "来源写明的第一个可计入的零报销年份（引用的原句）。", "The first claim-free year counted, where a source states it (the sentence cited)."),
        required=False),
    Parameter("critical_illness_incentive_from", ("date",), Text(
        "激励施行之日；只计算这一年及以后的限额，较保守的读法只从这一年起计算连续参保。",
        "The day the incentives apply from: only limits of that year or later are computed, and the cautious reading counts "
        "continuity from that year only.")),
    Parameter("critical_illness_continuous_years_required", ("years",), Text(
        "连续参保满这一年数后，之后每连续参保1年提高一次。", "After this many full continuous years, each further year raises the limit.")),
    Parameter("critical_illness_continuous_increment", ("CNY",), Text(
        "每多连续参保1年提高的金额。", "The increase for each further continuous year.")),
    Parameter("critical_illness_zero_claim_increment", ("CNY",), Text(
        "零报销且次年正常参保时，次年提高的金额。", "The increase the year after a claim-free year followed by normal enrolment.")),
    Parameter("critical_illness_increments_cumulative", ("rule",), Text(
        "两项激励可以累计（计算步骤引用的原句）。", "The two increases add up (the sentence the steps cite).")),
    Parameter("critical_illness_increase_cap", ("percent",), Text(
        "累计提高总额占原封顶线的上限（百分比）；原文给出的是金额时用 critical_illness_increase_cap_amount。",
        "The ceiling on the total increase, as a percentage of the original limit; a ceiling in yuan is "
        "critical_illness_increase_cap_amount."), when="lacks:critical_illness_increase_cap_amount"),
    Parameter("critical_illness_increase_cap_amount", ("CNY",), Text(
        "累计提高总额的上限（元）；与百分比上限同时给出时取较低者。",
        "The ceiling on the total increase in yuan; with a percentage ceiling too, the lower applies."), required=False),
    Parameter("critical_illness_credit_after_gap", ("rule",), Text(
        "断保后已获得的激励是否保留：{kept: true | false}；保留时，断保前各段连续参保挣得的提高额和零报销年份照样计入。",
        "Whether credit earned before a gap is kept: {kept: true | false}; kept, the increases earned in earlier continuous "
        "runs and their claim-free years still count."), required=False, check=credit_problems),
    Parameter("critical_illness_original_cap", ("CNY/year",), Text(
        "当地原封顶线；原文未给出（null）时表单请用户填写。", "The local original limit; left open (null), the form asks for it.")),
)

CALCULATOR = Calculator(
    name="critical-illness-cap",
    title=Text("居民大病保险支付限额激励", "Critical-illness limit incentives for residents"),
    description=Text(
        "连续参保和零报销可以提高居民大病保险的支付限额：算出某一年能提高多少、提高后是多少。",
        "Continuous enrolment and claim-free years raise the resident critical-illness limit: how much for a given year, and the new limit.",
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=_compute,
    parameters=PARAMETERS,
)


run_cap = result_runner(__name__, "hunan/2025-enrolment-measures")   # the doctests' helper (calc/doctest_helper.py)
