"""`flexible-contribution`'s one month: the base, the rate (a grade the person chose or the lowest), the basic
premium and the monthly add-on premiums, for the month paid for; flexible-arrears prices each unpaid month with it."""
from __future__ import annotations

from typing import Any

from collections.abc import Iterable

import datetime as dt
from decimal import Decimal

from .errors import InputError
from .flexible_dated import _day, _unstated_step, _why
from .inputs import Text
from .money import cents, mode_words, money_str, percent_str, plain_number, round_to
from .policy import Policy
from .steps import Step, step


MONTHS_A_YEAR = 12
ADD_ON = "add_on_"
# names add-on premiums had before `add_on_<item>`, still read, and the outputs they have always filled
LEGACY_ADD_ONS = {"critical_illness_monthly": "critical_illness", "supplementary_annual": "supplementary_major_illness"}


def add_on_names(policy: Policy) -> list[str]:
    """The policy's add-on premiums, in its order."""
    return [n for n in policy.parameters if n.startswith(ADD_ON) or n in LEGACY_ADD_ONS]


def open_amount(policy: Policy, name: str, values: dict[str, Any]) -> Decimal | None:
    """The amount the person entered for an add-on premium the source leaves open: its own input (named like
    the parameter), or, for the first open one, the older input name `supplementary_annual`."""
    if values.get(name) is not None:
        entered: Decimal = values[name]   # a validated money input
        return entered
    first = next((n for n in add_on_names(policy) if policy.is_open(n)), None)
    return values.get("supplementary_annual") if name == first else None


def _item(name: str) -> str:
    return LEGACY_ADD_ONS.get(name) or name[len(ADD_ON):]


def _monthly(policy: Policy, name: str) -> bool:
    return bool(policy.parameters[name]["unit"] == "CNY/month")


def is_range(stated: object) -> bool:
    """A percent left to the person within bounds: {min: 60, max: 300} (any whole percent between them)."""
    return isinstance(stated, dict) and set(stated) == {"min", "max"}


def _options_text(stated: Any) -> Text:
    """The policy's options in words: 60%、80%、100% / a range 60%–300%.

    >>> print(_options_text([100, 60, 80]).en, "/", _options_text({"min": 60, "max": 300}).zh)
    the policy's options: 60%, 80%, 100% / 政策允许的范围：60%–300%
    """
    if is_range(stated):
        span = f"{plain_number(Decimal(str(stated['min'])))}%–{plain_number(Decimal(str(stated['max'])))}%"
        return Text(f"政策允许的范围：{span}", f"the policy allows {span}")
    options = sorted(Decimal(str(v)) for v in stated)
    return Text(f"政策的选项：{'、'.join(f'{plain_number(o)}%' for o in options)}",
                f"the policy's options: {', '.join(f'{plain_number(o)}%' for o in options)}")


def _chosen(policy: Policy, name: str, values: dict[str, Any], on: dt.date | None, paid: dt.date | None = None) -> tuple[Decimal, Text]:
    """A percent the policy states, or the grade the person chose among the policy's options or within its
    range (default: the lowest); the words say which was used."""
    on = _day(policy, name, on, paid)
    stated = policy.value(name, on)
    if not isinstance(stated, list) and not is_range(stated):
        return policy.rate(name, on), Text("", "")
    lowest = Decimal(str(stated["min"])) if is_range(stated) else min(Decimal(str(v)) for v in stated)
    mine = values.get(name) is not None
    picked = Decimal(str(values[name])) if mine else lowest
    words = "您选择的" if mine else "未选择，按最低的"
    words_en = "your choice" if mine else "none chosen, so the lowest"
    options = _options_text(stated)
    return picked / 100, Text(f"（{words}一档 {plain_number(picked)}%；{options.zh}）",
                              f" ({words_en}, {plain_number(picked)}%; {options.en})")


def outside_choice(policy: Policy, name: str, values: dict[str, Any], on: dt.date | None) -> InputError | None:
    """A grade the policy does not offer (not one of its options, or outside its range): the bilingual error."""
    stated: Any = policy.value(name, on) if policy.has(name) else None
    if values.get(name) is None:
        return None
    picked = Decimal(str(values[name]))
    if is_range(stated):
        if Decimal(str(stated["min"])) <= picked <= Decimal(str(stated["max"])):
            return None
    elif isinstance(stated, list) and picked in {Decimal(str(o)) for o in stated}:
        return None
    if not (isinstance(stated, list) or is_range(stated)):
        return InputError(name, "本政策没有可选的档次。", "This policy leaves no choice here.")
    options = _options_text(stated)
    return InputError(name, f"{policy.label(name)['zh']}须在政策给出的选项中：{options.zh}（您填写的是 {plain_number(picked)}%）。",
                      f"{policy.label(name)['en']} must be one the policy offers — {options.en} (you entered {plain_number(picked)}%).")


def _base(policy: Policy, values: dict[str, Any], on: dt.date | None, paid: dt.date | None) -> tuple[Decimal, Step]:
    if policy.has("base"):   # the policy states the base itself
        day = _day(policy, "base", on, paid)
        base = policy.decimal("base", day)
        why = _why(policy, ("base",), on, paid)
        return base, step(policy, "base", f"缴费基数 {money_str(base)} 元/月（政策直接规定）{why.zh}",
                          f"Base {money_str(base)} yuan/month (stated by the policy){why.en}",
                          {"base": money_str(base)}, ("base",), on=day)
    ratio, choice = _chosen(policy, "base_ratio", values, on, paid)
    day = _day(policy, "base_reference_wage", on, paid)
    if policy.is_open("base_reference_wage"):
        wage, wage_zh, wage_en = values["average_monthly_wage"], "（您填写的）", " (your input)"
    else:
        wage, wage_zh, wage_en = policy.decimal("base_reference_wage", day), "", ""
    exact = wage * ratio
    rounding = policy.value("base_rounding", _day(policy, "base_rounding", on, paid)) if policy.has("base_rounding") else None
    if rounding:
        base = round_to(exact, rounding["step"], rounding["mode"])
        words_zh, words_en = mode_words(rounding["mode"])
        how_zh = f"，按 {rounding['step']} 元{words_zh}"
        how_en = f", {words_en} to {rounding['step']} yuan"
    else:
        base, how_zh, how_en = exact, "", ""
    why = _why(policy, ("base_reference_wage", "base_ratio"), on, paid)
    figures = {"wage": money_str(wage), "ratio": percent_str(ratio), "exact": plain_number(exact), "base": money_str(base)}
    return base, step(
        policy, "base",
        f"缴费基数 = {money_str(wage)}{wage_zh} × {percent_str(ratio)}{choice.zh} = {plain_number(exact)}{how_zh} → {money_str(base)} 元/月{why.zh}",
        f"Base = {money_str(wage)}{wage_en} × {percent_str(ratio)}{choice.en} = {plain_number(exact)}{how_en} → {money_str(base)} yuan/month{why.en}",
        figures,
        tuple(n for n in ("base_reference_wage", "base_ratio", "base_rounding") if policy.has(n)),
        on=day,
    )


def month_of(policy: Policy, values: dict[str, Any], on: dt.date | None, paid: dt.date | None = None) -> tuple[dict[str, Any], list[Step]]:
    """One month's contribution: base, rate, basic premium, monthly add-ons, total — read for the month paid for
    `on` (None: the policy's first values), or for the payment date `paid` where a dated value's rule names it.
    flexible-arrears calls this for each unpaid month.

    A value that changes, on the day read, to an amount the source does not give (a dated value null, `not_stated`)
    makes the month undetermined: every amount None, `unstated` naming what, and one step citing the sentence that
    announces the change — never the old value."""
    days = [(n, _day(policy, n, on, paid)) for n in _read(policy)]
    unstated = [(n, day) for n, day in days if day is not None and policy.unstated_on(n, day)]
    if unstated:
        return {"base": None, "rate": None, "basic": None, "add_ons": {}, "total": None,
                "unstated": unstated}, [_unstated_step(policy, unstated, on, paid)]
    base, base_step = _base(policy, values, on, paid)
    rate, choice = _chosen(policy, "contribution_rate", values, on, paid)
    basic = cents(base * rate)
    why = _why(policy, ("contribution_rate",), on, paid)
    steps = [base_step, step(
        policy, "basic_monthly",
        f"基本医保费 = {money_str(base)} × {percent_str(rate)}{choice.zh} = {plain_number(base * rate)}，四舍五入到分 → {money_str(basic)} 元/月{why.zh}",
        f"Basic insurance = {money_str(base)} × {percent_str(rate)}{choice.en} = {plain_number(base * rate)}, rounded half-up to the fen → {money_str(basic)} yuan/month{why.en}",
        {"base": money_str(base), "rate": percent_str(rate), "basic_monthly": money_str(basic)},
        ("contribution_rate",), on=_day(policy, "contribution_rate", on, paid),
    )]
    add_ons = {}
    for name in add_on_names(policy):
        if not _monthly(policy, name):
            continue
        # a monthly premium the source states, or one it leaves open that the person entered (then in the total too)
        mine = policy.is_open(name)
        amount = open_amount(policy, name, values) if mine else policy.decimal(name, _day(policy, name, on, paid))
        if amount is None:
            continue
        add_ons[name] = amount
        label = policy.label(name)
        steps.append(step(
            policy, "critical_illness_monthly" if name == "critical_illness_monthly" else f"add_on_{_item(name)}",
            f"{label['zh']} {money_str(amount)} 元/月{'（您填写的）' if mine else ''}（全年 {money_str(amount * MONTHS_A_YEAR)} 元）",
            f"{label['en']} {money_str(amount)} yuan/month{' (your input)' if mine else ''} "
            f"({money_str(amount * MONTHS_A_YEAR)} yuan a year)",
            {_item(name): money_str(amount)}, (name,), on=_day(policy, name, on, paid)))
    total = basic + sum(add_ons.values(), Decimal(0))
    return {"base": base, "rate": rate, "basic": basic, "add_ons": add_ons, "total": total, "unstated": []}, steps


def _read(policy: Policy) -> list[str]:
    """The parameters one month's amount reads (each may change by date)."""
    names = ["base"] if policy.has("base") else \
        [n for n in ("base_reference_wage", "base_ratio", "base_rounding") if policy.has(n)]
    return names + ["contribution_rate"] + [n for n in add_on_names(policy) if _monthly(policy, n) and not policy.is_open(n)]


def _sum(amounts: Iterable[Decimal | None]) -> Decimal | None:
    """Amounts added up; None (not determined) if any is."""
    total = Decimal(0)
    for a in amounts:
        if a is None:
            return None
        total += a
    return total
