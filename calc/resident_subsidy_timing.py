"""`resident-contribution`'s timing: whether a group counts this year (the subsidy list date, newly recognised
in or after the collection period), the dates that contradict each other, and the subsidy paid back."""
from __future__ import annotations

from typing import Any

import datetime as dt

from . import series
from .errors import InputError, InputErrors
from .inputs import Text
from .money import money_str
from .policy import Policy
from .resident_payment_channel import _lc
from .resident_subsidy_groups import _reading_note, _y
from .steps import Step, step


TIMINGS = {
    "on_list": Text("已在资助名单基准日的名单内", "On the subsidy lists of the list date"),
    # no longer produced (issue 15: list membership is never assumed); kept so describe() stays compatible
    "assumed_on_list": Text("未填写认定日期：按已在资助名单内计算", "No recognition date given: computed as if on the subsidy lists"),
    "not_known": Text("不知道是否在资助名单内：结果取决于认定时间", "Not known whether on the subsidy lists: the result depends on when you were recognised"),
    "recognised_in_period": Text("集中缴费期内新认定：享受本年度资助", "Recognised during the collection period: subsidised this year"),
    "recognised_after_period": Text("集中缴费期结束后才认定：本年度不享受资助，从下一个集中缴费期起享受",
                                    "Recognised after the collection period: no subsidy this year, from the next collection period"),
}


REFUND_VIA = {
    "huimin_huinong_subsidy_card": Text("通过“惠民惠农财政补贴资金一卡通”直接打卡发放",
                                        "Directly onto the \"Huimin Huinong\" government subsidy card (一卡通)"),
}


# a date of birth or recognition before this is a typing slip (0001-01-01), not a person's
EARLIEST = dt.date(1900, 1, 1)


def _timing_errors(policy: Policy, values: dict[str, Any], codes: list[str]) -> list[InputError]:
    """Inputs about the lists and dates that are valid alone but contradict each other."""
    recognised, paid, born, listed = values["recognised_on"], values["paid_on"], values["born_on"], values["subsidy_list"]
    errors = []
    if recognised is not None and not codes:
        errors.append(InputError("recognised_on", "填写了认定日期，但没有勾选本政策给予资助的身份。",
                                 "A recognition date was given but none of the groups ticked is subsidised under this policy."))
    if paid is not None and policy.has("collection_period_start") and paid < _date(policy, "collection_period_start"):
        start = _date(policy, "collection_period_start").isoformat()
        errors.append(InputError("paid_on", f"本年度缴费从 {start} 开始，缴费日期不能更早。",
                                 f"Payments for this year start on {start}; the payment date cannot be earlier."))
    year_to = policy.governs("benefits")[1]
    if paid is not None and year_to is not None and paid > year_to:   # a payment for a later year: its policy
        errors.append(series.elsewhere_error(policy.id, "paid_on", paid))
    for name, day, what in (("born_on", born, Text("出生日期", "date of birth")), ("recognised_on", recognised, Text("认定日期", "recognition date"))):
        if day is not None and day < EARLIEST:
            errors.append(InputError(name, f"{what.zh}不合理（早于 {EARLIEST.isoformat()}）。",
                                     f"The {what.en} is not plausible (before {EARLIEST.isoformat()})."))
        elif day is not None and year_to is not None and day > year_to:   # after the year: nothing of this policy's
            errors.append(InputError(name, f"{what.zh}晚于本政策的待遇年度（至 {year_to.isoformat()}），与本年度的资助无关。",
                                     f"The {what.en} is after this policy's insurance year (ends {year_to.isoformat()}): "
                                     "it has no bearing on this year's subsidy."))
    if born is not None and recognised is not None and recognised < born:
        errors.append(InputError("recognised_on", "认定日期不能早于出生日期。", "The recognition date cannot be before the date of birth."))
    if not policy.has("subsidy_list_date"):
        return errors
    list_date = _date(policy, "subsidy_list_date")
    if listed == "on_list" and born is not None and born > list_date:
        errors.append(InputError(
            "subsidy_list", f"出生日期 {born.isoformat()} 晚于名单基准日 {list_date.isoformat()}：不可能在名单内，请选择“之后才认定”。",
            f"Born on {born.isoformat()}, after the list date {list_date.isoformat()}: you cannot be on the lists; choose \"recognised after\"."))
    if listed == "on_list" and recognised is not None and recognised > list_date:
        errors.append(InputError(
            "subsidy_list", f"认定日期 {recognised.isoformat()} 晚于名单基准日 {list_date.isoformat()}，与“在名单内”矛盾。",
            f"The recognition date {recognised.isoformat()} is after the list date {list_date.isoformat()}, which contradicts \"on the lists\"."))
    if listed == "recognised_later" and recognised is not None and recognised <= list_date:
        errors.append(InputError(
            "subsidy_list", f"认定日期 {recognised.isoformat()} 不晚于名单基准日 {list_date.isoformat()}，即在名单内。",
            f"The recognition date {recognised.isoformat()} is no later than the list date {list_date.isoformat()}: that is on the lists."))
    period_end = _date(policy, "collection_period_end")
    if (listed == "recognised_later" and recognised is None and codes and not (born is not None and born > period_end)):
        errors.append(InputError("recognised_on", "选择了“之后才认定”：请填写认定日期。",
                                 "You chose \"recognised after the list date\": enter the recognition date."))
    return errors


def _timing(policy: Policy, values: dict[str, Any], codes: list[str]) -> tuple[str | None, list[Step]]:
    """平江-style subsidy timing: the list date, newly recognised in / after the collection period.
    List membership is never assumed: it is said (`subsidy_list`), dated (`recognised_on`), derived
    from a birth after the list date (`born_on`), or not known (then both outcomes are shown)."""
    errors = _timing_errors(policy, values, codes)
    if errors:
        raise InputErrors(errors)
    if not codes or not policy.has("subsidy_list_date"):
        return None, []
    recognised, born, listed = values["recognised_on"], values["born_on"], values["subsidy_list"]
    list_date = _date(policy, "subsidy_list_date")
    period_end = _date(policy, "collection_period_end")
    if recognised is None and born is not None and born > period_end:
        return "recognised_after_period", [step(
            policy, "subsidy_timing",
            f"您出生于 {born.isoformat()}，晚于名单基准日 {list_date.isoformat()}，也晚于集中缴费期末 {period_end.isoformat()}："
            "不可能在名单内，只能在缴费期结束后才认定，本年度不享受参保资助，从下一个集中缴费期开始享受。",
            f"Born on {born.isoformat()}, after the list date ({list_date.isoformat()}) and after the collection period "
            f"ended ({period_end.isoformat()}): you cannot be on the lists and can only be recognised after the period, "
            "so no contribution subsidy this year; it starts with the next collection period.",
            {"born_on": born.isoformat(), "list_date": list_date.isoformat(), "period_end": period_end.isoformat()},
            ("subsidy_list_date", "subsidy_newly_recognised_after_collection_period", "collection_period_end"))]
    if recognised is None and listed == "on_list":
        return "on_list", [step(
            policy, "subsidy_timing",
            f"资助名单以 {list_date.isoformat()} 各部门提供的名单为准；您在名单内：按名单资助。",
            f"The subsidy lists are those the departments supplied on {list_date.isoformat()}; you are on them: subsidised from the lists.",
            {"list_date": list_date.isoformat()}, ("subsidy_list_date",))]
    if recognised is None:
        born_after = born is not None and born > list_date
        return "not_known", [step(
            policy, "subsidy_timing",
            f"资助名单以 {list_date.isoformat()} 各部门提供的名单为准。"
            + (f"您出生于 {born.isoformat()}，不在名单内；" if born_after else "您没有说明是否在名单内，也没有填写认定日期；")
            + f"在名单内或在集中缴费期末 {period_end.isoformat()} 前新认定的，享受本年度资助；缴费期结束后才认定的，本年度不享受。",
            f"The subsidy lists are those the departments supplied on {list_date.isoformat()}. "
            + (f"Born on {born.isoformat()}, you are not on them; " if born_after
               else "You did not say whether you are on them, nor give a recognition date; ")
            + f"people on the lists or newly recognised by the end of the collection period ({period_end.isoformat()}) get this "
            "year's subsidy; people recognised after it do not.",
            {"list_date": list_date.isoformat(), "period_end": period_end.isoformat()},
            ("subsidy_list_date", "subsidy_newly_recognised_in_collection_period",
             "subsidy_newly_recognised_after_collection_period", "collection_period_end"))]
    if recognised <= list_date:
        return "on_list", [step(
            policy, "subsidy_timing",
            f"您在 {recognised.isoformat()} 已被认定，不晚于名单基准日 {list_date.isoformat()}：按名单资助。",
            f"You were recognised on {recognised.isoformat()}, no later than the list date {list_date.isoformat()}: subsidised from the lists.",
            {"recognised_on": recognised.isoformat(), "list_date": list_date.isoformat()}, ("subsidy_list_date",))]
    if recognised <= period_end:
        note_zh, note_en = _reading_note(policy, "subsidy_newly_recognised_in_collection_period")
        return "recognised_in_period", [step(
            policy, "subsidy_timing",
            f"您在 {recognised.isoformat()} 新认定，晚于名单基准日、不晚于集中缴费期末 {period_end.isoformat()}："
            f"集中缴费期内动态新增的困难对象可享受本年度资助{note_zh}。",
            f"You were newly recognised on {recognised.isoformat()}, after the list date and no later than the end of the "
            f"collection period ({period_end.isoformat()}): people newly recognised during the period get this year's subsidy{note_en}.",
            {"recognised_on": recognised.isoformat(), "period_end": period_end.isoformat()},
            ("subsidy_list_date", "subsidy_newly_recognised_in_collection_period", "collection_period_end"))]
    return "recognised_after_period", [step(
        policy, "subsidy_timing",
        f"您在 {recognised.isoformat()} 才认定，晚于集中缴费期末 {period_end.isoformat()}："
        "本年度不享受参保资助，从下一个集中缴费期开始享受。",
        f"You were recognised on {recognised.isoformat()}, after the collection period ended ({period_end.isoformat()}): "
        "no contribution subsidy this year; it starts with the next collection period.",
        {"recognised_on": recognised.isoformat(), "period_end": period_end.isoformat()},
        ("subsidy_newly_recognised_after_collection_period", "collection_period_end"))]


def _date(policy: Policy, name: str) -> dt.date:
    value = policy.value(name)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _refund(policy: Policy, values: dict[str, Any], timing: str, result: dict[str, Any]) -> list[Step]:
    """Newly recognised during the period after paying in full: the subsidy is paid back (平江: 一卡通)."""
    recognised, paid = values["recognised_on"], values["paid_on"]
    if timing != "recognised_in_period" or paid is None or paid >= recognised or not result.get("subsidy"):
        if timing == "recognised_in_period" and result.get("subsidy") and policy.has("subsidy_applied_at_payment"):
            return [step(policy, "paid_with_subsidy",
                         "缴费时同缴同补：只需缴纳本人应缴部分。",
                         "The subsidy is applied when you pay: you pay only your own share.", {}, ("subsidy_applied_at_payment",))]
        return []
    rule = policy.value("subsidy_newly_recognised_in_collection_period")
    via = rule.get("refund_if_already_paid") if isinstance(rule, dict) else None
    subsidy = result["subsidy"]
    result["refund_amount"] = subsidy
    zh_s, en_s = _y(subsidy)
    zh_std, en_std = _y(result["standard"])
    if via in REFUND_VIA:
        result["refund_via"] = via
        how_zh, how_en = REFUND_VIA[via].zh, REFUND_VIA[via].en
    else:
        result["refund_via"] = None
        how_zh, how_en = "发放方式原文未写明", "the source does not say how it is paid back"
    return [step(
        policy, "refund",
        f"您在认定之前（{paid.isoformat()}）已按 {zh_std} 缴费、未享受资助：由户籍所在乡镇（街道）核查建台账，"
        f"县医保部门复核后追补资助 {zh_s}，{how_zh}。",
        f"You paid {en_std} on {paid.isoformat()}, before being recognised, without the subsidy: your township lists you "
        f"and, after review by the county healthcare security department, the subsidy of {en_s} is paid back: {_lc(how_en)}.",
        {"paid_on": paid.isoformat(), "refund_amount": money_str(subsidy)},
        ("subsidy_newly_recognised_in_collection_period",))]
