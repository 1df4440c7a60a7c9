"""The 大病保险 (critical-illness) layer of `reimbursement`: its bands, the terms of named groups, its yearly limit.

Critical-illness insurance pays on what basic insurance leaves of the in-scope cost, added up over the year. Its
bands are rows `{band_to, rate}` whose edges are measured one of two ways, and real texts do both:

- `absolute`: the edges are cumulative amounts (Hubei: "累计金额在12000至3万元" — the first band ends at 30000);
- `above_deductible`: the edges are measured from the deductible (Hunan: "扣除大病保险起付线以后 … 0至3万元(含)"
  — the first band is the first 30000 above the deductible, wherever the deductible lies).

Both become (start, end, rate) on the cumulative amount. With a 15000 deductible, Hunan's bands above it:

>>> from decimal import Decimal as D
>>> rows = [{"band_to": 30000, "rate": 60}, {"band_to": 80000, "rate": 65}, {"band_to": None, "rate": 85}]
>>> [(str(s), e and str(e), str(r)) for s, e, r in band_edges(rows, D(15000), above=True)]
[('15000', '45000', '0.6'), ('45000', '95000', '0.65'), ('95000', None, '0.85')]
>>> [(str(s), e and str(e), str(r)) for s, e, r in band_edges(rows, D(15000), above=False)]
[('15000', '30000', '0.6'), ('30000', '80000', '0.65'), ('80000', None, '0.85')]

A named group's row may give its own deductible, or cut the general one by a percent (`deductible_cut`: Hunan's
"起付线降低50%"), its own bands or an uplift in points, and `no_cap`. The general deductible may be one the text
leaves open (`not_stated`: Hunan sets it near half the province's disposable income per head, "具体标准根据测算情况
合理确定"); the reader then enters it, and a group's cut applies to the reader's figure.
"""
from __future__ import annotations

from typing import Any

from decimal import Decimal

from . import categories as cat
from .errors import InputError
from .inputs import InputSpec, Text
from .money import cents, money_str, percent_str, to_decimal
from .parameters import Parameter
from .policy import Policy
from .steps import Step, step

ZERO = Decimal(0)
HUNDRED = Decimal(100)
EDGES = ("above_deductible", "absolute")
GROUP_ROW_KEYS = ("groups", "deductible", "deductible_cut", "bands", "uplift", "no_cap")

INPUTS = (
    InputSpec("major_illness_deductible", "money", Text("大病保险起付线（元）", "Critical-illness deductible (yuan)"),
              applies_when="open:major_illness_deductible",
              help=Text("原文没有写大病保险起付线的数额（由各地测算确定）：请填您所在市州的起付线（医保经办机构可以告诉您）。",
                        "The text gives no amount for the critical-illness deductible (each area sets it): enter your area's "
                        "(the insurance office can tell you).")),
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


Band = tuple[Decimal, Decimal | None, Decimal]   # start, end (None: no upper edge), rate as a fraction
Problems = list[tuple[str, str, str]]   # (field suffix, en, zh), as calc.parameters reads a check's answer


def band_edges(rows: list[dict[str, Any]], deductible: Decimal, above: bool) -> list[Band]:
    """(start, end or None, rate as a fraction) per band, edges as cumulative amounts; a band wholly under the
    deductible (absolute edges) is left out."""
    out: list[Band] = []
    previous = deductible
    for row in rows:
        band_to = row.get("band_to")
        end = None if band_to is None else to_decimal(band_to) + (deductible if above else ZERO)
        start = max(previous, deductible)
        if end is None or end > start:
            out.append((start, end, to_decimal(row["rate"]) / HUNDRED))
        if end is not None:
            previous = max(previous, end)
    return out


def _in_band(start: Decimal, end: Decimal | None, lo: Decimal, hi: Decimal) -> Decimal:
    top = hi if end is None else min(hi, end)
    return max(ZERO, top - max(lo, start))


def general_deductible(policy: Policy, values: dict[str, Any]) -> Decimal:
    """The policy's deductible, or the reader's where the text leaves it open."""
    if policy.is_open("major_illness_deductible"):
        given: Decimal = values["major_illness_deductible"]   # required by the input's "open:" condition
        return given
    return policy.decimal("major_illness_deductible")


def terms_for(policy: Policy, groups: list[str], deductible: Decimal) -> list[dict[str, Any]]:
    """The general terms and those of each group row the reader is in: {deductible, rows, no_cap, row}."""
    general = {"deductible": deductible, "rows": policy.value("major_illness_bands"), "no_cap": False, "row": None}
    out = [general]
    for row in (policy.value("major_illness_groups") if policy.has("major_illness_groups") else []):
        if not set(row["groups"]) & set(groups):
            continue
        rows = row.get("bands") or general["rows"]
        if row.get("uplift") is not None:
            rows = [{**r, "rate": min(HUNDRED, to_decimal(r["rate"]) + to_decimal(row["uplift"]))} for r in rows]
        own = deductible
        if row.get("deductible") is not None:
            own = to_decimal(row["deductible"])
        elif row.get("deductible_cut") is not None:   # "起付线降低50%": a share of the general deductible, to the fen
            own = cents(deductible * (HUNDRED - to_decimal(row["deductible_cut"])) / HUNDRED)
        out.append({"deductible": own, "rows": rows, "no_cap": bool(row.get("no_cap")), "row": row})
    return out


def pay(policy: Policy, terms: dict[str, Any], earlier: Decimal, amount: Decimal, cap: Decimal | None) -> dict[str, Any]:
    """What the bands pay on `amount` counted after `earlier` this year, within what the yearly limit leaves."""
    above = policy.value("major_illness_band_edges") == "above_deductible"
    bands = band_edges(terms["rows"], terms["deductible"], above)
    now = [cents(_in_band(s, e, earlier, earlier + amount) * r) for s, e, r in bands]
    before = sum((cents(_in_band(s, e, ZERO, earlier) * r) for s, e, r in bands), ZERO)
    paid = sum(now, ZERO)
    limit = None if terms["no_cap"] else cap
    room = None if limit is None else max(ZERO, limit - before)
    capped = room is not None and paid > room
    if room is not None and capped:
        paid = room
    return {"bands": bands, "parts": now, "pay": paid, "before": before, "limit": limit, "capped": capped}


def input_errors(policy: Policy, values: dict[str, Any]) -> list[InputError]:
    """A raised limit lower than the policy's (incentives only raise it)."""
    given = values["major_illness_cap"]
    if not policy.has("major_illness_annual_cap") or policy.is_open("major_illness_annual_cap") or given is None:
        return []
    floor = policy.decimal("major_illness_annual_cap")
    if given >= floor:
        return []
    return [InputError("major_illness_cap", f"激励只会提高限额：请填写不低于 {money_str(floor)} 元的数字。",
                       f"Incentives only raise the limit: enter at least {money_str(floor)} yuan.")]


def layer(policy: Policy, values: dict[str, Any], left: Decimal, groups: list[str]) -> tuple[Decimal, list[Step], list[dict[str, str]]]:
    """(what critical-illness insurance pays on `left`, its steps, what the answer leaves out)."""
    leaves: list[dict[str, str]] = []
    cap_given = values["major_illness_cap"]
    cap = cap_given if cap_given is not None else (
        policy.decimal("major_illness_annual_cap")
        if policy.has("major_illness_annual_cap") and not policy.is_open("major_illness_annual_cap") else None)
    earlier = values["earlier_major_illness"]
    deductible = general_deductible(policy, values)
    options = [(t, pay(policy, t, earlier, left, cap)) for t in terms_for(policy, groups, deductible)]
    terms, m = max(options, key=lambda o: o[1]["pay"])   # several groups: the most favourable row
    group_row = terms["row"]
    who_zh = f"（{'、'.join(cat.label(g).zh for g in group_row['groups'] if g in groups)}的倾斜待遇）" if group_row else ""
    who_en = f" ({', '.join(cat.label(g).en for g in group_row['groups'] if g in groups)}: better terms)" if group_row else ""
    parts_zh = "；".join(f"{money_str(s)}{'–' + money_str(e) if e is not None else ' 以上'}：{percent_str(r)} → {money_str(p)}"
                        for (s, e, r), p in zip(m["bands"], m["parts"]) if p > 0) or "没有达到起付线"
    parts_en = "; ".join(f"{money_str(s)}{'–' + money_str(e) if e is not None else ' and up'}: {percent_str(r)} → {money_str(p)}"
                        for (s, e, r), p in zip(m["bands"], m["parts"]) if p > 0) or "the deductible is not reached"
    above = policy.value("major_illness_band_edges") == "above_deductible"
    shape_zh = "分段以超过起付线的金额计" if above else "分段按累计金额的绝对区间计"
    shape_en = "bands measured above the deductible" if above else "bands at absolute cumulative amounts"
    yours = policy.is_open("major_illness_deductible")
    cut = group_row is not None and group_row.get("deductible") is None and group_row.get("deductible_cut") is not None
    mine_zh, mine_en = ("您填写的 ", "the ") if yours else ("", "")
    if cut:
        ded_zh = f"{money_str(terms['deductible'])} 元（{mine_zh}{money_str(deductible)} 元降低 {group_row['deductible_cut']}%）"
        ded_en = (f"{money_str(terms['deductible'])} yuan ({mine_en}{money_str(deductible)}{' you entered' if yours else ''} "
                  f"lowered by {group_row['deductible_cut']}%)")
    else:
        ded_zh = f"{money_str(terms['deductible'])} 元{'（您填写的）' if yours and group_row is None else ''}"
        ded_en = f"{money_str(terms['deductible'])} yuan{' (the one you entered)' if yours and group_row is None else ''}"
    cites = ["major_illness_deductible", "major_illness_bands", "major_illness_band_edges"]
    if group_row:
        cites.append("major_illness_groups")
    steps = [step(
        policy, "major_illness",
        f"大病保险{who_zh}：基本医保后剩余 {money_str(left)} 元，本年度此前已累计 {money_str(earlier)} 元；起付线 "
        f"{ded_zh}，{shape_zh}：{parts_zh}；合计 {money_str(sum(m['parts'], ZERO))} 元",
        f"Critical-illness insurance{who_en}: {money_str(left)} yuan left after basic insurance, {money_str(earlier)} counted "
        f"earlier this year; deductible {ded_en}, {shape_en}: {parts_en}; {money_str(sum(m['parts'], ZERO))} yuan in all",
        {"major_illness": money_str(m["pay"])}, tuple(cites))]
    if yours:
        leaves.append({"id": "major_illness_deductible",
                       "zh": "大病保险起付线：原文没有写数额，用的是您填写的数字。",
                       "en": "The critical-illness deductible: the text gives no amount; the one you entered is used."})
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
        leaves.append({"id": "major_illness_cap", "zh": "大病保险的年度支付限额：原文没有给出，没有按它封顶。",
                       "en": "Critical-illness insurance's yearly limit: not stated, so nothing is capped by it."})
    return m["pay"], steps, leaves


def _check_bands(value: object) -> Problems:
    if not isinstance(value, list) or not value:
        return [("", "must be a list of {band_to, rate} rows", "须为 {band_to, rate} 行的列表")]
    out: Problems = []
    last: Decimal | None = None
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


def _check_edges(value: object) -> Problems:
    return [] if value in EDGES else [("", f"must be one of {', '.join(EDGES)}", f"须为 {'、'.join(EDGES)} 之一")]


def _group_row_ok(row: object) -> bool:
    if not (isinstance(row, dict) and isinstance(row.get("groups"), list) and row["groups"] and set(row) <= set(GROUP_ROW_KEYS)
            and all(g in cat.CATEGORIES for g in row["groups"])):
        return False
    cut = row.get("deductible_cut")
    return cut is None or (row.get("deductible") is None and 0 < to_decimal(cut) <= 100)


def _check_group_rows(value: object) -> Problems:
    ok = isinstance(value, list) and all(_group_row_ok(r) for r in value)
    return [] if ok else [("", "rows {groups: [codes], deductible? or deductible_cut? (percent, 0–100), bands?, uplift?, no_cap?}",
                           "每行为 {groups: [类别代码], deductible? 或 deductible_cut?（百分数，0–100）, bands?, uplift?, no_cap?}")]


PARAMETERS = (
    Parameter("major_illness_deductible", ("CNY/year",), Text(
        "大病保险起付线（年度累计）。原文没有数额（例如“按上年度居民人均可支配收入的50%左右确定”）时：value: null、"
        "status: not_stated，表单请读者填写。",
        "The critical-illness deductible (yearly, cumulative). Where the text gives no amount (e.g. \"about 50% of last "
        "year's disposable income per head\"): value: null, status: not_stated, and the form asks the reader."),
        required=True, when="has:major_illness_bands"),
    Parameter("major_illness_bands", ("table",), Text(
        "大病保险分段比例：行 {band_to, rate}，band_to 是这一段的上限（元，怎么量见 major_illness_band_edges），rate 是百分数；"
        "最后一段 band_to 为 null（不设上限）。",
        "Critical-illness bands: rows {band_to, rate}: band_to is the band's upper edge (yuan, measured as "
        "major_illness_band_edges says), rate a percent; the last may have band_to null (no upper edge)."),
        required=False, check=_check_bands),
    Parameter("major_illness_band_edges", ("rule",), Text(
        "分段上限怎么量：above_deductible（超过起付线的金额，如“扣除起付线以后0至3万元”）或 absolute（累计金额本身，"
        "如“累计金额在12000至3万元”）。",
        "How band edges are measured: above_deductible (the amount above the deductible, as in \"after the deductible, "
        "0 to 30,000\") or absolute (the cumulative amount itself, as in \"cumulative amounts from 12000 to 30,000\")."),
        required=True, when="has:major_illness_bands", check=_check_edges),
    Parameter("major_illness_groups", ("table",), Text(
        "特定人群的倾斜：行 {groups: [类别代码], deductible?（自己的起付线，元）或 deductible_cut?（一般起付线降低的百分数，"
        "如“降低50%”写 50）, bands?, uplift?（百分点）, no_cap?}。读者属于几行时取最有利的一行。",
        "Better terms for named groups: rows {groups: [codes], deductible? (their own, yuan) or deductible_cut? (the "
        "percent the general deductible is lowered by: \"lowered by 50%\" is 50), bands?, uplift? (points), no_cap?}. "
        "A reader in several rows gets the most favourable."),
        required=False, check=_check_group_rows),
    Parameter("major_illness_annual_cap", ("CNY/year",), Text(
        "大病保险年度支付限额；因连续参保、零报销提高的，读者填 critical-illness-cap 计算器算出的提高后限额（一个输入，不另写数字）。",
        "The critical-illness yearly limit; where continuous enrolment or claim-free years raise it, the reader enters the "
        "raised limit the critical-illness-cap calculator gives (one input, never a retyped figure)."), required=False),
    Parameter("major_illness_cap_incentives", ("rule",), Text(
        "有这一项：年度支付限额可因激励提高（引用的原句）；提高后的限额是一个输入。",
        "Present: the yearly limit may be raised by incentives (the sentence cited); the raised limit is an input."),
        required=False),
)
