"""`check=` functions for rule parameters whose shape no calculator checked yet (issue 19, item 6).

A rule value is a mapping of keys the calculator reads; a key it does not read (`birth_day_counts:
true` in a newborn rule) would be accepted and ignored. Each check returns [(field suffix, en, zh)],
which the loader reports with file and line (scripts/policy/loader.py rule_problems). A value left
open (null, `status: not_stated`) is not checked here: what the calculator does with it is proved
by `make policies` running it (scripts/policy/proof.py).

(The special cases of resident enrolment are checked by calc/enrolment_special_cases.py case_problems.)

>>> [p[0] for p in late_payment_benefit_year({"buys": "next_year", "colour": 1})]
['.buys', '.colour']
>>> late_payment_benefit_year({"buys": "calendar_year_of_payment"})
[]
>>> [p[0] for p in waiting_period_rule({"variable": 3, "colour": "red"})]
['.variable', '.colour', '']
"""
from __future__ import annotations

from collections.abc import Callable


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


late_payment_benefit_year = rule({"buys": one_of("calendar_year_of_payment")}, required=("buys",))
# a window's named wait (calc/enrolment_wait.py): each part the parameter that states it
waiting_period_rule = rule({part: parameter_name for part in ("fixed", "applies_to", "counting", "variable")}, required=("fixed",))
