"""`flexible-arrears`' rules: within or beyond the grace (restored, suspended, a wait in days or months), the
other reading of the grace (how long the arrears ran), a first enrolment's wait and the switch from employee insurance.

Every count is a convention the policy states (calc/waits.py, the resident engine's vocabulary): a wait after
payment by `waiting_period_counting` (without it the payment day is not counted), a first enrolment's months by
`first_enrolment_wait_counting`, the grace by `arrears_grace_counting`. Where the policy names an `alternative`,
the other count's dates are shown beside, with the safe date to count on for a wait (`other_count_result`)."""
from __future__ import annotations

from typing import Any

import datetime as dt

from .dates import add_months
from .flexible_arrears_due import _month_start
from .inputs import Text
from .policy import Policy
from .reading_notes import reading_note
from .steps import Step, step
from .waits import WAITING_ANCHOR_TEXT, wait_dates


# whether the unpaid period is covered after the beyond-grace wait (True / False / the source does not say)
RETRO = {True: Text("欠费期间的待遇可追溯", "the unpaid period is covered"),
         False: Text("欠费期间的待遇不再追补", "the unpaid period is not covered"),
         None: Text("原文未说明欠费期间的待遇能否追溯", "the text does not say whether the unpaid period is covered")}
COUNTING = "waiting_period_counting"
FIRST_COUNTING = "first_enrolment_wait_counting"
GRACE_COUNTING = "arrears_grace_counting"
# today's counts where a policy states none: the payment day not counted (民法典 第二百零一条); a first enrolment's
# months from the first month paid for; the grace by the months listed, how long they ran shown beside
DEFAULTS = {COUNTING: {"counted_from": "day_after_payment"}, FIRST_COUNTING: {"counted_from": "month_of_payment"},
            GRACE_COUNTING: {"counted_as": "unpaid_months", "alternative": "months_run"}}
# how the other reading of the grace says its count (`arrears_grace_counting.alternative`)
COUNT_SAID = {
    "months_run": Text("欠费已经持续的时间，从 {first} 到缴费前已欠 {k} 个月",
                       "how long the arrears have run, from {first} to the payment they have run {k} months"),
    "unpaid_months": Text("欠费（未缴）的月数，共 {k} 个月", "the number of months not paid, {k} in all"),
}


def _counting(policy: Policy, name: str = COUNTING) -> dict[str, str]:
    return dict(policy.value(name) if policy.has(name) else DEFAULTS[name])


def _counting_cite(policy: Policy, name: str = COUNTING) -> tuple[str, ...]:
    return (name,) if policy.has(name) else ()


def _after_wait(policy: Policy, payment: dt.date) -> tuple[dt.date, dict[str, Any]]:
    """The first day of benefits after the beyond-grace wait, in the policy's unit (days or months)."""
    anchor = _counting(policy)["counted_from"]
    if policy.has("restoration_wait_days"):
        days = int(policy.decimal("restoration_wait_days"))
        _, last, cover = wait_dates(payment, 0, days, anchor)
        return cover, {"waiting_days": days, "last": last}
    months = int(policy.decimal("arrears_waiting_months"))
    _, last, cover = wait_dates(payment, months, 0, anchor)
    return cover, {"waiting_months": months, "last": last}


def other_count_result(ours: dt.date, other: dt.date | None, result: dict[str, Any]) -> None:
    """The outputs and the warning for the date that governs (`ours`) and the date the other count gives: the
    later of the two is the safe date to count on (like the resident day-window reading's safe pay-by date)."""
    result.pop("benefits_from_other_count", None)
    result.pop("benefits_safe_from", None)
    if "warnings" not in result:   # the other reading of the grace only takes its dates
        return
    result["warnings"] = [w for w in result["warnings"] if w["id"] != "waiting_count_alternative"]
    if other is None or other == ours:
        return
    safe = max(ours, other)
    result.update(benefits_from_other_count=other, benefits_safe_from=safe)
    result["warnings"].append({
        "id": "waiting_count_alternative",
        "zh": f"原文没有写等待期怎样起算：按我们的读法 {ours} 起享受待遇；按另一种数法（见计算过程）则是 {other}。"
              f"稳妥起见，按 {safe} 起才有待遇安排就医，并向当地医保经办确认。",
        "en": f"The text does not say how the wait is counted: on our reading benefits start on {ours}; counted the other way "
              f"(see the steps) on {other}. To be safe, count on benefits only from {safe} and confirm with the local "
              "insurance office."})


def _other_count(policy: Policy, payment: dt.date, months: int, days: int, result: dict[str, Any], steps: list[Step]) -> None:
    """The wait counted the other way the policy names (`waiting_period_counting.alternative`): its date and the
    safe date to count on cover (the later), in a step and a warning."""
    other = _counting(policy).get("alternative")
    if not other:
        return
    cover: dt.date = result["benefits_from"]
    _, alt_last, alt_cover = wait_dates(payment, months, days, other)
    safe = max(cover, alt_cover)
    how = WAITING_ANCHOR_TEXT[other]
    note_zh, note_en = reading_note(policy, COUNTING)
    steps.append(step(
        policy, "wait_alternative",
        f"另一种数法（{how.zh}）：等待期至 {alt_last}，{alt_cover} 起享受待遇{note_zh}；按我们的读法是 {cover} 起，"
        f"稳妥起见按 {safe} 起才有待遇安排。",
        f"Counted the other way ({how.en}), the wait runs to {alt_last} and benefits start on {alt_cover}{note_en}; "
        f"by our reading from {cover}, so to be safe count on benefits only from {safe}.",
        {"waiting_period_end": alt_last.isoformat(), "benefits_from": alt_cover.isoformat(), "safe_from": safe.isoformat()},
        (COUNTING,)))
    other_count_result(cover, alt_cover, result)


def _arrears_rule(policy: Policy, n: int, payment: dt.date, result: dict[str, Any], steps: list[Step]) -> None:
    grace = int(policy.decimal("arrears_grace_months"))
    if n <= grace:
        result.update(status="restored", benefits_from=payment,
                      retroactive=policy.value("arrears_retroactive_within_grace"))
        result["waiting_days" if policy.has("restoration_wait_days") else "waiting_months"] = 0
        retro = result["retroactive"]
        retro_zh = {True: "欠费期间的待遇可追溯享受", False: "欠费期间的待遇不追补", None: "原文未说明欠费期间的待遇能否追溯"}[retro]
        retro_en = {True: "the unpaid period is covered retroactively", False: "the unpaid period is not covered",
                    None: "the text does not say whether the unpaid period is covered"}[retro]
        steps.append(step(
            policy, "grace",
            f"欠费 {n} 个月，不超过 {grace} 个月（含）：缴费（到账）之日 {payment} 起恢复享受待遇；{retro_zh}。",
            f"{n} month(s) unpaid, no more than {grace} (inclusive): benefits resume on the payment date {payment}; {retro_en}.",
            {"arrears_months": str(n), "grace_months": str(grace), "benefits_from": payment.isoformat()},
            ("arrears_grace_months", "arrears_retroactive_within_grace") + _counting_cite(policy, GRACE_COUNTING),
        ))
        return
    start, wait = _after_wait(policy, payment)
    suspended = policy.has("arrears_suspension")
    retro = policy.value("arrears_retroactive_beyond_grace")
    result.update(status="suspended_enrolment" if suspended else "waiting_period", benefits_from=start, retroactive=retro)
    how = WAITING_ANCHOR_TEXT[_counting(policy)["counted_from"]]
    if "waiting_days" in wait:
        result["waiting_days"] = wait["waiting_days"]
        wait_zh = f"缴费 {wait['waiting_days']} 日后享受待遇：{how.zh}，第 {wait['waiting_days']} 日为 {wait['last']}"
        wait_en = f"benefits start {wait['waiting_days']} days after payment: {how.en}, day {wait['waiting_days']} is {wait['last']}"
        cite: tuple[str, ...] = ("arrears_suspension", "restoration_wait_days", "arrears_retroactive_beyond_grace")
    else:
        result["waiting_months"] = wait["waiting_months"]
        wait_zh = f"从缴费之日起 {wait['waiting_months']} 个月的等待期，{how.zh}，至 {wait['last']} 止"
        wait_en = f"a waiting period of {wait['waiting_months']} months from the payment date, {how.en}, ending on {wait['last']}"
        cite = ("arrears_waiting_months", "arrears_retroactive_beyond_grace")
    head_zh = "按暂停参保处理，补足欠费后恢复参保；" if suspended else ""
    head_en = "enrolment is suspended and restored once the arrears are paid; " if suspended else ""
    retro_zh, retro_en = RETRO[retro].zh, RETRO[retro].en
    steps.append(step(
        policy, "beyond_grace",
        f"欠费 {n} 个月，超过 {grace} 个月：{head_zh}{wait_zh}，{start} 起享受待遇；{retro_zh}。",
        f"{n} months unpaid, more than {grace}: {head_en}{wait_en}; benefits from {start}; {retro_en}.",
        {"arrears_months": str(n), "grace_months": str(grace), "benefits_from": start.isoformat()},
        cite + _counting_cite(policy) + _counting_cite(policy, GRACE_COUNTING),
    ))
    _other_count(policy, payment, wait.get("waiting_months", 0), wait.get("waiting_days", 0), result, steps)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _run_months(unpaid: list[str], payment: dt.date) -> int:
    """How long the arrears have run: from the first unpaid month to the month before payment (or to the
    last unpaid month, if that is later), both included. March unpaid, paid in October → 7:

    >>> _run_months(["2023-03"], dt.date(2023, 10, 15))
    7
    """
    first = _month_index(_month_start(unpaid[0]))
    last = max(_month_index(payment) - 1, _month_index(_month_start(unpaid[-1])))
    return last - first + 1


def grace_count(policy: Policy, unpaid: list[str], payment: dt.date, code: str | None = None) -> int:
    """The months the grace is compared with, as `arrears_grace_counting.counted_as` (or `code`) says."""
    code = code or _counting(policy, GRACE_COUNTING)["counted_as"]
    return len(unpaid) if code == "unpaid_months" else _run_months(unpaid, payment)


def _alternative_reading(policy: Policy, unpaid: list[str], payment: dt.date, first_start: dt.date | None,
                         result: dict[str, Any], steps: list[Step]) -> None:
    """The same arrears rule with the grace counted the other way (`arrears_grace_counting.alternative`; reading
    `arrears-dates`: how long the arrears have run)."""
    other = _counting(policy, GRACE_COUNTING).get("alternative")
    if not other:
        return
    run = _run_months(unpaid, payment)
    count = grace_count(policy, unpaid, payment, other)
    alt: dict[str, Any] = {}
    _arrears_rule(policy, count, payment, alt, [])
    if first_start is not None and first_start > alt["benefits_from"]:   # both rules apply: the later date
        alt.update(status="first_enrolment_wait", benefits_from=first_start)
    result.update(arrears_run_months=run, alternative_status=alt["status"],
                  alternative_benefits_from=alt["benefits_from"], alternative_retroactive=alt["retroactive"])
    grace = int(policy.decimal("arrears_grace_months"))
    same = (alt["status"], alt["benefits_from"], alt["retroactive"]) == \
        (result["status"], result["benefits_from"], result["retroactive"])
    retro_zh, retro_en = RETRO[alt["retroactive"]].zh, RETRO[alt["retroactive"]].en
    if same:
        tail_zh, tail_en = "结果与上面相同。", "the result is the same as above."
    else:
        within = count <= grace
        tail_zh = (f"{'不超过' if within else '超过'} {grace} 个月：{alt['benefits_from']} 起享受待遇，{retro_zh}"
                   f"（按我们的读法：{result['benefits_from']} 起）。")
        tail_en = (f"{'no more' if within else 'more'} than {grace}: benefits from {alt['benefits_from']}, {retro_en} "
                   f"(by our reading: from {result['benefits_from']}).")
    said = COUNT_SAID[other]
    steps.append(step(
        policy, "alternative_reading",
        f"另一种读法：“{grace} 个月以内（含）”若指{said.zh.format(first=unpaid[0], k=count)}，{tail_zh}",
        f"The other reading: if \"within {grace} months (inclusive)\" means {said.en.format(first=unpaid[0], k=count)}; {tail_en}",
        {"arrears_run_months": str(run), "alternative_benefits_from": alt["benefits_from"].isoformat()},
        ("arrears_grace_months",) + _counting_cite(policy, GRACE_COUNTING),
    ))


def _first_enrolment_rule(policy: Policy, values: dict[str, Any], result: dict[str, Any],
                          steps: list[Step]) -> tuple[dt.date, dt.date | None]:
    """(first covered day, the day the other count gives or None): the months counted from the first month paid
    for as `first_enrolment_wait_counting` says (month_of_payment: it is month 1; month_after_payment: the next)."""
    paid = values["paid_months"]
    payment: dt.date = values["payment_date"]
    first_month = add_months(payment.replace(day=1), -(paid - 1))
    wait = int(policy.decimal("first_enrolment_wait_months"))
    chronic = int(policy.decimal("chronic_disease_wait_months"))
    counting = _counting(policy, FIRST_COUNTING)
    _, last, start = wait_dates(first_month, wait, 0, counting["counted_from"])
    chronic_from = wait_dates(first_month, chronic, 0, counting["counted_from"])[2]
    how = WAITING_ANCHOR_TEXT[counting["counted_from"]]
    more = max(0, wait - paid)
    keep_zh = f"再连续缴 {more} 个月后" if more else "已满足"
    keep_en = f"after {more} more consecutive month(s)" if more else "already met"
    steps.append(step(
        policy, "first_enrolment",
        f"首次参保：连续缴费 {wait} 个月（含）后享受待遇。连续缴费从 {first_month:%Y-%m} 起（{how.zh}），第 {wait} 个月为 "
        f"{last:%Y-%m}（{keep_zh}），{start} 起享受待遇；连续缴费 {chronic} 个月（含）后，"
        f"{chronic_from} 起可申报门诊慢特病（假定此后按月连续缴费）。",
        f"First enrolment: benefits after {wait} consecutive paid months (inclusive). Payments run from {first_month:%Y-%m} "
        f"({how.en}); month {wait} is {last:%Y-%m} ({keep_en}), so benefits from {start}; after {chronic} months "
        f"(inclusive), chronic-disease outpatient claims from {chronic_from} (assuming you keep paying every month).",
        {"paid_months": str(paid), "first_month": f"{first_month:%Y-%m}", "benefits_from": start.isoformat(),
         "chronic_disease_claims_from": chronic_from.isoformat()},
        ("first_enrolment_wait_months", "chronic_disease_wait_months") + _counting_cite(policy, FIRST_COUNTING),
    ))
    result["chronic_disease_claims_from"] = chronic_from
    other = counting.get("alternative")
    if not other:
        return start, None
    _, alt_last, alt_start = wait_dates(first_month, wait, 0, other)
    alt_chronic = wait_dates(first_month, chronic, 0, other)[2]
    alt_how = WAITING_ANCHOR_TEXT[other]
    note_zh, note_en = reading_note(policy, FIRST_COUNTING)
    steps.append(step(
        policy, "first_enrolment_alternative",
        f"另一种数法（{alt_how.zh}）：第 {wait} 个月为 {alt_last:%Y-%m}，{alt_start} 起享受待遇，{alt_chronic} 起可申报门诊慢特病"
        f"{note_zh}；稳妥起见按较晚的日期 {max(start, alt_start)} 起才有待遇安排。",
        f"Counted the other way ({alt_how.en}): month {wait} is {alt_last:%Y-%m}, benefits from {alt_start}, chronic-disease "
        f"claims from {alt_chronic}{note_en}; to be safe, count on benefits only from the later date, {max(start, alt_start)}.",
        {"benefits_from": alt_start.isoformat(), "chronic_disease_claims_from": alt_chronic.isoformat()},
        (FIRST_COUNTING,)))
    return start, alt_start


def _switch_rule(policy: Policy, n: int, payment: dt.date, result: dict[str, Any], steps: list[Step]) -> None:
    gap = int(policy.decimal("switch_gap_months"))
    if n <= gap:
        result.update(status="seamless_switch", benefits_from=payment, waiting_months=0)
        steps.append(step(
            policy, "switch",
            f"切换参保：中断缴费 {n} 个月，不超过 {gap} 个月（含），缴费后即可正常享受待遇：{payment} 起。",
            f"Switching schemes: a gap of {n} month(s), no more than {gap} (inclusive): benefits as soon as you pay, from {payment}.",
            {"gap_months": str(n), "benefits_from": payment.isoformat()},
            ("switch_continuous_years", "switch_gap_months"),
        ))
        return
    months = int(policy.decimal("switch_waiting_months"))
    anchor = _counting(policy)["counted_from"]
    _, last, cover = wait_dates(payment, months, 0, anchor)
    how = WAITING_ANCHOR_TEXT[anchor]
    result.update(status="waiting_period", benefits_from=cover, waiting_months=months)
    steps.append(step(
        policy, "switch",
        f"切换参保：中断缴费 {n} 个月，超过 {gap} 个月：缴费后有 {months} 个月等待期，{how.zh}，至 {last} 止，{cover} 起享受待遇；"
        "等待期满后暂停原参保关系。",
        f"Switching schemes: a gap of {n} months, more than {gap}: a {months}-month waiting period after paying, {how.en}, "
        f"ending on {last}; benefits from {cover}; the old enrolment is then suspended.",
        {"gap_months": str(n), "benefits_from": cover.isoformat()},
        ("switch_continuous_years", "switch_gap_months", "switch_waiting_months") + _counting_cite(policy),
    ))
    _other_count(policy, payment, months, 0, result, steps)
