"""`check=` functions for rule parameters whose shape no calculator checked yet (issue 19, item 6).

A rule value is a mapping of keys the calculator reads; a key it does not read (`birth_day_counts:
true` in a newborn rule) would be accepted and ignored. Each check returns [(field suffix, en, zh)],
which the loader reports with file and line (scripts/policy/loader.py rule_problems). A value left
open (null, `status: not_stated`) is not checked here: what the calculator does with it is proved
by `make policies` running it (scripts/policy/proof.py).

>>> special_case_newborn({"window_days": 90, "window_from": "date_of_birth", "benefits_from": "date_of_birth"})
[]
>>> [p[0] for p in special_case_newborn({"window_days": 90, "birth_day_counts": True})]
['.birth_day_counts']
>>> [p[0] for p in special_case_newborn({"window_days": "ninety"})]
['.window_days']
>>> [p[0] for p in special_case_first_enrolment_groups({"benefits_from": "payment_date", "groups": ["astronaut"]})]
['.groups[0]']
>>> late_payment_benefit_year({"buys": "calendar_year_of_payment"})
[]
>>> [p[0] for p in waiting_period_rule({"variable": 3, "colour": "red"})]
['.variable', '.colour', '']
"""
from __future__ import annotations

from collections.abc import Callable

from .categories import CATEGORIES
from .enrolment_words import FIRST_ENROLMENT_GROUP, PAID_BY

Problems = list[tuple[str, str, str]]
Field = Callable[[str, object], Problems]


def positive_days(key: str, value: object) -> Problems:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return []
    return [(f".{key}", f"must be a whole number of days above 0, got {value!r}", f"须为大于 0 的整数天数，实际为 {value!r}")]


def boolean(key: str, value: object) -> Problems:
    if isinstance(value, bool):
        return []
    return [(f".{key}", f"must be true or false, got {value!r}", f"须为 true 或 false，实际为 {value!r}")]


def one_of(*codes: str) -> Field:
    def inner(key: str, value: object) -> Problems:
        if value in codes:
            return []
        return [(f".{key}", f"unknown {key} code {value!r} (known: {', '.join(codes)})",
                 f"未知的 {key} 代码 {value!r}（可用：{'、'.join(codes)}）")]
    return inner


def parameter_name(key: str, value: object) -> Problems:
    """A rule part that names another parameter of the policy (its value keeps its own quote)."""
    if isinstance(value, str) and value.replace("_", "").isalnum() and value.islower():
        return []
    return [(f".{key}", f"must name a parameter of this policy, got {value!r}", f"须为本政策的参数名，实际为 {value!r}")]


def code_list(known: Callable[[], tuple[str, ...]]) -> Field:
    """A list of codes, each one of known() (read when checked: the codes live in calc's modules)."""
    def inner(key: str, value: object) -> Problems:
        if not isinstance(value, list) or not value:
            return [(f".{key}", f"must be a non-empty list of codes, got {value!r}", f"须为非空的代码列表，实际为 {value!r}")]
        codes = known()
        return [(f".{key}[{i}]", f"unknown code {code!r} in {key} (known: {', '.join(codes)})",
                 f"{key} 中有未知代码 {code!r}（可用：{'、'.join(codes)}）")
                for i, code in enumerate(value) if code not in codes]
    return inner


def rule(fields: dict[str, Field], required: tuple[str, ...] = ()) -> Callable[[object], Problems]:
    """A check for a mapping rule: only `fields` as keys, `required` among them, each value checked."""
    shape = "{" + ", ".join(fields) + "}"

    def check(value: object) -> Problems:
        if value is None:
            return []   # left open (not_stated): proved by running the calculator, not here
        if not isinstance(value, dict):
            return [("", f"must be a mapping {shape}", f"须为映射 {shape}")]
        out: Problems = []
        for key, item in value.items():
            if key not in fields:
                out.append((f".{key}", f"unknown key (allowed: {', '.join(fields)}): the calculator would ignore it",
                            f"未知的键（可用：{'、'.join(fields)}）：计算器不会读取它"))
            else:
                out += fields[key](key, item)
        out += [("", f"needs {key}", f"缺少 {key}") for key in required if key not in value]
        return out
    # the authoring page may list them: a function attribute, which mypy does not model
    check.fields = tuple(fields)  # type: ignore[attr-defined]
    return check


def _first_enrolment_groups() -> tuple[str, ...]:
    return tuple(FIRST_ENROLMENT_GROUP.values())


def _hardship_groups() -> tuple[str, ...]:
    return (*CATEGORIES, "stably_out_of_poverty")


def _payers() -> tuple[str, ...]:
    return tuple(PAID_BY)


def _payer(key: str, value: object) -> Problems:
    return one_of(*_payers())(key, value)


# calc/resident_benefit_start.py: the county notices' special cases (平江, 双清)
special_case_newborn = rule(
    {"window_days": positive_days, "window_from": one_of("date_of_birth"), "benefits_from": one_of("date_of_birth")},
    required=("window_days",))
special_case_employee_insurance_lapse = rule(
    {"window_days": positive_days, "window_from": one_of("date_employee_insurance_lapsed"),
     "benefits_from": one_of("date_employee_insurance_lapsed")},
    required=("window_days",))
special_case_welfare_institution_child = rule(
    {"benefits_from": one_of("date_entered_welfare_institution"), "enrol_any_time": boolean,
     "paid_by_within_collection_period": _payer, "paid_by_outside_collection_period": _payer})
special_case_first_enrolment_groups = rule(
    {"benefits_from": one_of("payment_date"), "groups": code_list(_first_enrolment_groups)}, required=("groups",))
special_case_hardship_missed_collection = rule(
    {"benefits_from": one_of("payment_date"), "condition": one_of("objective_reason_verified"),
     "groups": code_list(_hardship_groups)})
late_payment_benefit_year = rule({"buys": one_of("calendar_year_of_payment")}, required=("buys",))
# a window's named wait (calc/enrolment_wait.py): each part the parameter that states it
waiting_period_rule = rule({part: parameter_name for part in ("fixed", "applies_to", "counting", "variable")}, required=("fixed",))
