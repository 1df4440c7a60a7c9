"""`enrolment-progress`: how far a 平江 township is with its 2023 enrolment task (for township staff).

The task table (`township_tasks`), the stage targets (`stage_targets`) and the award rule
(`award_min_completion`, `award_max_rank`, `award_horticulture_centre`) are policy data.
The completion ratio is truncated (never rounded up) and every comparison is exact, so
69.9988% never passes for 70%; people still needed are rounded up to a whole person.

三阳乡 (task 24599) with 17219 enrolled on 2022-11-10: 70% is 17219.3 people, so one more is needed:

>>> r = run_progress({"township": "三阳乡", "enrolled": 17219, "as_of": "2022-11-10"})
>>> [r[k] for k in ("task", "ratio", "stage", "stage_target", "needed", "met")]
[24599, '0.6999878', 1, '0.7', 1, False]
>>> run_progress({"township": "三阳乡", "enrolled": 17220, "as_of": "2022-11-10"})["met"]
True

After the first cut-off the next stage (90% by 2022-12-10) applies:

>>> r = run_progress({"township": "三阳乡", "enrolled": 17220, "as_of": "2022-11-11"})
>>> [r[k] for k in ("stage", "stage_cutoff", "stage_target", "needed")]
[2, '2022-12-10', '0.9', 4920]

Award: ≥ 98% and in the top 15; 园艺示范中心 (task 1719) is not ranked:

>>> run_progress({"township": "园艺示范中心", "enrolled": 1685, "as_of": "2022-12-31"})["award_eligible"]
True
>>> run_progress({"township": "天岳街道", "enrolled": 36518, "as_of": "2022-12-31"})["award_eligible"] is None
True
"""
from __future__ import annotations

from typing import Any

import datetime as dt
from decimal import Decimal
from html import escape

from .charts import LANGS, LINE, MARGIN, TEXT_SIZE, WIDTH, drawn, text_width, wrap
from .errors import InputError, InputErrors
from .inputs import InputSpec, Text
from .money import percent_str, plain_number, round_to
from .parameters import Parameter
from .policy import Policy
from .registry import Calculator, OutputSpec
from .steps import Step, step
from .doctest_helper import result_runner

RATIO_STEP = "0.00000001"   # ratio shown to 0.000001%, truncated (ROUND_DOWN): never reaches a target it misses

INPUTS = (
    InputSpec("township", "enum", Text("乡镇（街道）", "Township or subdistrict"), required=True,
              choices_from="township_tasks.township",
              help=Text("任务分配表中的单位。", "A unit in the task allocation table.")),
    InputSpec("enrolled", "integer", Text("已参保人数", "People enrolled"), required=True, minimum=0, maximum=10_000_000),
    InputSpec("as_of", "date", Text("统计日期", "Count date"), required=True,
              help=Text("人数统计到哪一天（含当日 24 时）。", "The day the count runs to (up to 24:00 that day).")),
    InputSpec("rank", "integer", Text("完成比例排名（可选）", "Rank by completion (optional)"), minimum=1, maximum=1000,
              help=Text("全县排名第几；评先进单位需要。", "Your place in the county ranking; needed for the award.")),
)

OUTPUTS = (
    OutputSpec("task", "integer", Text("参保任务（人）", "Enrolment task (people)")),
    OutputSpec("ratio", "ratio", Text("完成比例", "Share completed"),
               lead=Text("已完成 {}", "{} completed")),
    OutputSpec("stage", "integer", Text("所处阶段", "Stage")),
    OutputSpec("stage_cutoff", "date", Text("本阶段统计截止日", "Stage cut-off")),
    OutputSpec("stage_target", "ratio", Text("本阶段目标", "Stage target")),
    OutputSpec("needed", "integer", Text("距本阶段目标还差（人）", "People still needed for the stage target"),
               lead=Text("距本阶段目标还差 {} 人", "short of the stage target by {}")),
    OutputSpec("met", "boolean", Text("已达到本阶段目标", "Stage target met")),
    OutputSpec("award_eligible", "boolean", Text("符合先进单位条件", "Meets the award conditions")),
    OutputSpec("warnings", "list", Text("提示", "Warnings")),
)


def _find(policy: Policy, name: str) -> dict[str, Any]:
    rows: list[dict[str, Any]] = policy.value("township_tasks")
    for row in rows:
        if name in (row["township"]["zh"], row["township"]["en"]):
            return row
    raise InputErrors([InputError(
        "township", f"任务表中没有“{name}”。可选：{'、'.join(r['township']['zh'] for r in rows)}。",
        f"\"{name}\" is not in the task table. Choose one of: {', '.join(r['township']['en'] for r in rows)}.")])


def _unranked(policy: Policy) -> set[str]:
    """Units the award rule names as not ranked (their zh names)."""
    if not policy.has("award_horticulture_centre"):
        return set()
    rule = policy.value("award_horticulture_centre")
    return {rule["township"]["zh"]} if not rule.get("ranked", True) else set()


def _compute(policy: Policy, values: dict[str, Any]) -> tuple[dict[str, Any], list[Step]]:
    row = _find(policy, values["township"])
    name = row["township"]
    task = int(row["task"])
    enrolled: int = values["enrolled"]
    as_of: dt.date = values["as_of"]
    rank = values["rank"]
    unranked = name["zh"] in _unranked(policy)
    ranked_units = len(policy.value("township_tasks")) - len(_unranked(policy))
    if unranked and rank is not None:
        raise InputErrors([InputError("rank", f"{name['zh']}不参与乡镇排名，请不要填写名次。",
                                      f"{name['en']} is not ranked with the townships; leave the rank empty.")])
    start = policy.data["effective"]["from"]
    start = start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
    if as_of < start - dt.timedelta(days=365):   # 0001-01-01 was read as the first stage
        raise InputErrors([InputError("as_of", f"统计日期比本政策施行之日（{start.isoformat()}）早一年以上，不合理。",
                                      f"The count date is more than a year before this policy took effect ({start.isoformat()}): not plausible.")])
    if rank is not None and rank > ranked_units:
        raise InputErrors([InputError("rank", f"参与排名的单位只有 {ranked_units} 个。",
                                      f"Only {ranked_units} units are ranked.")])

    ratio = round_to(Decimal(enrolled) / Decimal(task), RATIO_STEP, "ROUND_DOWN")
    steps = [step(
        policy, "ratio",
        f"{name['zh']}任务 {task} 人，已参保 {enrolled} 人：完成比例 = {enrolled} ÷ {task} = {percent_str(ratio)}（截断，不进位）",
        f"{name['en']}: task {task}, enrolled {enrolled}: share = {enrolled} ÷ {task} = {percent_str(ratio)} (truncated, never rounded up)",
        {"task": str(task), "enrolled": str(enrolled), "ratio": plain_number(ratio)},
        ("township_tasks",),
    )]

    stages = policy.value("stage_targets")
    index = next((i for i, s in enumerate(stages) if as_of <= dt.date.fromisoformat(s["cutoff"])), len(stages) - 1)
    stage = stages[index]
    cutoff = dt.date.fromisoformat(stage["cutoff"])
    target = Decimal(stage["target"]) / 100
    required = round_to(target * task, "1", "ROUND_CEILING")   # whole people, rounded up
    needed = max(0, int(required) - enrolled)
    met = enrolled >= required
    after = as_of > cutoff
    exact = required == target * task
    up_zh = "" if exact else f"，向上取整为 {int(required)} 人"
    up_en = "" if exact else f", rounded up to {int(required)}"
    when_zh = f"（统计日期 {as_of} 已过最后截止日）" if after else ""
    when_en = f" (the count date {as_of} is after the last cut-off)" if after else ""
    steps.append(step(
        policy, "stage",
        f"第 {index + 1} 阶段：{cutoff} 24 时前完成 {percent_str(target)}{when_zh}，即 {task} × {percent_str(target)} = "
        f"{plain_number(target * task)} 人{up_zh}；{'已达到' if met else f'还差 {needed} 人'}。",
        f"Stage {index + 1}: {percent_str(target)} by 24:00 on {cutoff}{when_en}, i.e. {task} × {percent_str(target)} = "
        f"{plain_number(target * task)} people{up_en}; {'met' if met else f'{needed} more needed'}.",
        {"stage": str(index + 1), "target": plain_number(target), "required": str(int(required)), "needed": str(needed)},
        ("stage_targets",),
    ))

    if unranked:
        minimum = Decimal(policy.value("award_horticulture_centre")["min_completion_percent"])
        cite: tuple[str, ...] = ("award_horticulture_centre",)
    else:
        minimum = policy.decimal("award_min_completion")
        cite = ("award_min_completion", "award_max_rank")
    max_rank = int(policy.decimal("award_max_rank"))
    enough = Decimal(enrolled) * 100 >= minimum * task   # exact: no rounding before comparing
    if not enough:
        award, why_zh, why_en = False, f"完成比例低于 {minimum}%", f"below {minimum}%"
    elif unranked:
        award, why_zh, why_en = True, f"完成 {minimum}% 及以上，且不参与排名", f"at least {minimum}%, and not ranked"
    elif rank is None:
        award, why_zh, why_en = None, f"完成 {minimum}% 及以上，但还要排名前 {max_rank}：请填写名次", \
            f"at least {minimum}%, but a top-{max_rank} rank is also needed: enter the rank"
    else:
        award = rank <= max_rank
        why_zh = f"完成 {minimum}% 及以上，排名第 {rank}（{'在' if award else '不在'}前 {max_rank} 名内）"
        why_en = f"at least {minimum}%, rank {rank} ({'within' if award else 'outside'} the top {max_rank})"
    verdict_zh = {True: "符合", False: "不符合", None: "尚不能确定"}[award]
    verdict_en = {True: "meets", False: "does not meet", None: "cannot yet be said to meet"}[award]
    steps.append(step(
        policy, "award",
        f"先进单位：{why_zh}，按目前人数{verdict_zh}条件（以全年最终完成情况为准）。",
        f"Award: {why_en}; on these figures the unit {verdict_en} the conditions (the final year-end figures decide).",
        {"award_min_completion": plain_number(minimum), "rank": "" if rank is None else str(rank)},
        cite,
    ))
    result = {
        "task": task, "ratio": ratio, "stage": index + 1, "stage_cutoff": cutoff, "stage_target": target,
        "needed": needed, "met": met, "award_eligible": award, "warnings": _warnings(name, task, enrolled),
        # for the chart only (not outputs)
        "_township": name, "_stages": [(dt.date.fromisoformat(s["cutoff"]), Decimal(s["target"]) / 100) for s in stages],
    }
    return result, steps


def _warnings(name: dict[str, Any], task: int, enrolled: int) -> list[dict[str, Any]]:
    """More people enrolled than the whole task is possible but unlikely: say so rather than print 58000 % quietly."""
    if enrolled <= task:
        return []
    return [{"id": "enrolled-above-task",
             "zh": f"已参保人数 {enrolled} 超过{name['zh']}的全部任务 {task} 人，完成比例超过 100%：请核对人数。",
             "en": f"{enrolled} enrolled is more than {name['en']}'s whole task of {task}, a share above 100%: "
                   "please check the number."}]


BAR_X, BAR_W = MARGIN, WIDTH - 2 * MARGIN   # the phone-first geometry of calc/charts.py
FONT = "system-ui, -apple-system, &apos;Segoe UI&apos;, &apos;Noto Sans CJK SC&apos;, &apos;Microsoft YaHei&apos;, sans-serif"


def _x(rate: Decimal) -> str:
    return plain_number(round_to(BAR_X + BAR_W * min(rate, Decimal(1)), "0.01", "ROUND_HALF_UP"))


def _progress_svg(result: dict[str, Any], lang: str) -> str:
    name = result["_township"][lang]
    ratio = result["ratio"]
    if lang == "zh":
        title = f"{name}参保任务完成进度"
        desc = (f"完成 {percent_str(ratio)}；" + "；".join(f"{c} 前目标 {percent_str(t)}" for c, t in result["_stages"])
                + f"；本阶段{'已达到' if result['met'] else '未达到'}目标。")
    else:
        title = f"{name}: enrolment task progress"
        desc = (f"{percent_str(ratio)} completed; " + "; ".join(f"target {percent_str(t)} by {c}" for c, t in result["_stages"])
                + f"; the current stage target is {'met' if result['met'] else 'not met'}.")
    current = result["stage_target"]
    headline = f"{name}：完成 {percent_str(ratio)}" if lang == "zh" else f"{name}: {percent_str(ratio)} completed"
    fill = "#15803d" if result["met"] else "#1d4ed8"
    head = wrap(headline, TEXT_SIZE + 1, WIDTH - 2 * MARGIN)
    bar_y = 12 + LINE * len(head)
    body = [f'<text x="{BAR_X}" y="{18 + LINE * n}" font-size="{TEXT_SIZE + 1}" fill="#111827">{escape(line)}</text>'
            for n, line in enumerate(head)]
    body += [
        f'<rect x="{BAR_X}" y="{bar_y}" width="{BAR_W}" height="24" fill="#e5e7eb"/>',
        f'<rect x="{BAR_X}" y="{bar_y}" width="{plain_number(Decimal(_x(ratio)) - BAR_X)}" height="24" fill="{fill}"/>',
    ]
    for row, (cutoff, target) in enumerate(result["_stages"]):   # one label row per stage: never overlapping
        x = _x(target)
        y = bar_y + 44 + LINE * row
        strong = target == current
        weight = ' font-weight="bold"' if strong else ""
        label = f"{percent_str(target)} · {cutoff:%m-%d}"
        # left of its tick, unless that runs off the chart (geometry, not money)
        anchor = "end" if Decimal(x) - Decimal(text_width(label, TEXT_SIZE) + 4) >= MARGIN else "start"
        body.append(f'<line x1="{x}" y1="{bar_y - 6}" x2="{x}" y2="{y - 12}" stroke="#111827" stroke-width="{2 if strong else 1}"/>')
        body.append(f'<text x="{x}" y="{y}" font-size="{TEXT_SIZE}" text-anchor="{anchor}" dx="{-4 if anchor == "end" else 4}" '
                    f'fill="#111827"{weight}>{escape(label)}</text>')
    height = bar_y + 44 + LINE * len(result["_stages"])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-label="{escape(title)}" class="mb-chart mb-chart-progress" lang="{lang}" font-family="{FONT}">'
            f'<title>{escape(title)}</title><desc>{escape(desc)}</desc>{"".join(body)}</svg>')


def _charts(result: dict[str, Any]) -> dict[str, Any]:
    return {"progress": {lang: _progress_svg(result, lang) for lang in LANGS if drawn(lang)}}


# what compute reads from a policy (calc/parameters.py)
PARAMETERS = (
    Parameter("township_tasks", ("table",), Text(
        "任务分配表：每行 {township: {zh, en}, task: 人数}。", "The task table: one row {township: {zh, en}, task: people} per unit.")),
    Parameter("stage_targets", ("table",), Text(
        "阶段目标：每行 {cutoff: 日期, target: 百分比}，按日期排列。", "Stage targets: rows {cutoff: date, target: percent}, in date order.")),
    Parameter("award_min_completion", ("percent",), Text("评先进单位须达到的完成比例。", "The completion share needed for the award.")),
    Parameter("award_max_rank", ("rule",), Text("评先进单位须排名在前多少名。", "The rank the award needs (top N).")),
    Parameter("award_horticulture_centre", ("mapping",), Text(
        "不参与排名的单位：{township: {zh, en}, ranked: false, min_completion_percent: 百分比}。",
        "A unit not ranked: {township: {zh, en}, ranked: false, min_completion_percent: percent}."), required=False),
)

CALCULATOR = Calculator(
    name="enrolment-progress",
    title=Text("乡镇参保任务完成进度", "Township enrolment task progress"),
    description=Text(
        "供乡镇（街道）工作人员使用：按任务分配表算出完成比例、本阶段目标还差多少人、能否评为先进单位。",
        "For township staff: the share of the task completed, how many people the current stage target still needs, and the award conditions.",
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=_compute,
    charts=_charts,
    parameters=PARAMETERS,
)


run_progress = result_runner(__name__, "hunan/yueyang/pingjiang/2023-resident")   # the doctests' helper (calc/doctest_helper.py)
