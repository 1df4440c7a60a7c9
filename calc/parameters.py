"""What each calculator reads from a policy: its parameter declarations, and the check.

Every calculator module declares the parameters it reads (`PARAMETERS`, given to
`Calculator(parameters=...)`): name, unit(s), required or optional, when it is read,
and what it means in zh/en. The same declarations drive

- the loader's check of each policy against the calculators it lists
  (`policy_problems`, called by scripts/policy/loader.py with file:line),
- the authoring reference page (scripts/site/authoring_reference.py), and
- tests/test_authoring.py, which records what every calculator actually reads over
  every policy, worked example and test vector, and fails on any undeclared name.

A parameter a page shows but no calculator reads is marked `display_only: true` in the
policy YAML; any other parameter must be read by one of the policy's calculators.

>>> p = Parameter("base_ratio", ("percent",), Text("比例", "Ratio"))
>>> p.matches("base_ratio"), p.matches("base_ratios")
(True, False)
>>> Parameter("<category>_subsidy", ("CNY/person/year",), Text("资助", "Subsidy"), required=False).matches("orphan_subsidy")
True
>>> Parameter("fiscal_subsidy_<year>", ("CNY/person/year",), Text("往年", "Earlier year"), required=False).matches("fiscal_subsidy_2022")
True
>>> Parameter("x", ("date",), Text("甲", "A"), when="lacks:y").needed({"y": {}})
False
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import re
from dataclasses import dataclass, field
from collections.abc import Callable

from .inputs import Text
from .vocabulary import UNITS

if TYPE_CHECKING:   # registry imports this module
    from .registry import Calculator

# placeholders a declared name may contain: the part of the name that varies by policy
PLACEHOLDERS = {
    "<category>": (r"[a-z][a-z0-9_]*", Text("资助类别代码（见 calc/categories.py）", "a subsidised-group code (calc/categories.py)")),
    "<year>": (r"\d{4}", Text("四位年份", "a four-digit year")),
    "<situation>": (r"[a-z][a-z0-9_]*", Text("参保情形代码（见 calc/enrolment_words.py CIRCUMSTANCES）",
                                         "a situation code (calc/enrolment_words.py CIRCUMSTANCES)")),
    "<item>": (r"[a-z][a-z0-9_]*", Text("政策自己命名的项目（小写英文和下划线）", "an item the policy names (lowercase, underscores)")),
}
CONDITIONS = ("has", "lacks")


@dataclass(frozen=True)
class Parameter:
    name: str                  # snake_case; may hold one placeholder from PLACEHOLDERS
    units: tuple[str, ...]     # the units it may carry (calc/vocabulary.py UNITS)
    meaning: Text              # what the calculator does with it (and the value's shape, for rules)
    required: bool = True
    # "has:OTHER" / "lacks:OTHER": read only when the policy has (lacks) parameter OTHER;
    # a required parameter is then required only in that case
    when: str | None = None
    # what its value is checked against beyond its unit (the loader reports it with file and line):
    # `check`, a function value → [(field suffix, en, zh)] (e.g. the codes a rule may use);
    # `codes`, for a `categories` parameter whose codes are the calculator's own, not the shared groups
    check: Callable[[object], list[tuple[str, str, str]]] | None = field(default=None, compare=False, repr=False)
    codes: dict[str, Any] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        unknown = [unit for unit in self.units if unit not in UNITS]
        if unknown:
            raise ValueError(f"{self.name}: unknown unit {unknown[0]!r} (calc/vocabulary.py UNITS)")
        for one in (self.when or "").split("&") if self.when else ():
            kind, _, other = one.partition(":")
            if kind not in CONDITIONS or not other:
                raise ValueError(f"{self.name}: when must be has:NAME or lacks:NAME (joined by &), not {self.when!r}")

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The regular expression of a name with a placeholder; None for a plain name."""
        if not any(p in self.name for p in PLACEHOLDERS):
            return None
        regex = re.escape(self.name)
        for placeholder, (part, _) in PLACEHOLDERS.items():
            regex = regex.replace(re.escape(placeholder), part)
        return re.compile(f"^{regex}$")

    def matches(self, name: str) -> bool:
        pattern = self.pattern
        if pattern is None:
            return name == self.name
        if not pattern.match(name):
            return False
        if "<category>" in self.name:   # only codes of the shared vocabulary
            from .categories import CATEGORIES
            prefix, _, suffix = self.name.partition("<category>")
            return name[len(prefix): len(name) - len(suffix)] in CATEGORIES
        if "<situation>" in self.name:   # only situations the form offers (or an older name for some)
            from .enrolment_special_cases import situations
            return bool(situations(name))
        return True

    def needed(self, parameters: dict[str, Any]) -> bool:
        """Whether a policy with these parameters must state this one."""
        if not self.required or self.pattern is not None:
            return False
        if self.when is None:
            return True
        return all((other in parameters) == (kind == "has")   # "lacks:A&lacks:B": every condition holds
                   for kind, _, other in (one.partition(":") for one in self.when.split("&")))

    def as_dict(self) -> dict[str, Any]:
        out = {"name": self.name, "units": list(self.units), "required": self.required, "meaning": self.meaning.as_dict()}
        if self.when:
            out["when"] = self.when
        return out


def declaration(calculator: Calculator, name: str) -> Parameter | None:
    """The calculator's declaration that covers parameter `name`, if any."""
    return next((p for p in calculator.parameters if p.matches(name)), None)


def value_problems(name: str, value: object, every: list[Calculator]) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for each way `value` fails the `check` of the declaration that covers
    parameter `name` (in any of the calculators `every`); [] when none declares a check."""
    check = next((p.check for c in every for p in c.parameters if p.check is not None and p.matches(name)), None)
    return check(value) if check is not None else []


def category_codes(name: str, declared: list[str], every: list[Calculator]) -> list[str]:
    """The codes a `categories` parameter may list: its declaration's own `codes`, else the shared
    subsidised groups (calc/categories.py) and the groups the policy declares itself (`declared`)."""
    own = next((p.codes for c in every for p in c.parameters if p.codes is not None and p.matches(name)), None)
    if own is not None:
        return list(own)
    from .categories import CATEGORIES
    return list(CATEGORIES) + [code for code in declared if code not in CATEGORIES]


def _module(calculator: Calculator) -> str:
    return f"calc/{calculator.name.replace('-', '_')}.py"


def _units(units: tuple[str, ...]) -> str:
    return " | ".join(units)


def policy_problems(policy: dict[str, Any], listed: list[Calculator], every: list[Calculator]) -> list[tuple[str, str, str]]:
    """(field, en, zh) for each way the policy's parameters do not fit the calculators it lists.

    `listed`: the Calculator objects the policy names; `every`: all calculators (to say
    which other calculator reads a parameter no listed one does).
    """
    params = policy.get("parameters") or {}
    out = []
    for calc in listed:
        for p in calc.parameters:
            if p.name not in params and p.needed(params):
                parts = [one.partition(":") for one in p.when.split("&")] if p.when else []
                cond_en = f" (because the policy {' and '.join(('has ' if k == 'has' else 'lacks ') + o for k, _, o in parts)})" if parts else ""
                cond_zh = f"（因为本政策{'且'.join(('有 ' if k == 'has' else '没有 ') + o for k, _, o in parts)}）" if parts else ""
                out.append((
                    "parameters",
                    f"missing parameter {p.name} ({_units(p.units)}), which {calc.name} needs{cond_en}: {p.meaning.en} "
                    f"Add it under parameters: (a figure the source leaves open: value null, status not_stated)",
                    f"缺少参数 {p.name}（{_units(p.units)}），计算器 {calc.name} 需要它{cond_zh}：{p.meaning.zh}"
                    f"请在 parameters: 下添加（原文未给出的数字：value 为 null，status 为 not_stated）"))
    names_en = ", ".join(c.name for c in listed) or "none"
    names_zh = "、".join(c.name for c in listed) or "无"
    for name, param in params.items():
        readers = [(c, d) for c in listed for d in [declaration(c, name)] if d is not None]
        if param.get("display_only"):
            if readers:
                out.append((f"parameters.{name}.display_only",
                            f"{readers[0][0].name} reads {name}: remove display_only (it is not only shown)",
                            f"计算器 {readers[0][0].name} 读取 {name}：请删除 display_only（它不只是展示）"))
            continue
        if not readers:
            others = [c.name for c in every if declaration(c, name) is not None and c not in listed]
            if others:
                hint_en = f"It is read by {', '.join(others)}: add the one that applies to calculators:; or"
                hint_zh = f"计算器 {'、'.join(others)} 读取它：请把适用的计算器加入 calculators:；或"
            else:
                hint_en = ("No calculator declares it: if a calculator reads it, declare it in that calculator's "
                           f"PARAMETERS (e.g. Parameter(\"{name}\", (\"{param.get('unit')}\",), Text(zh, en), required=False) "
                           f"in {_module(listed[0]) if listed else 'calc/<calculator>.py'}); or")
                hint_zh = ("没有计算器声明它：如果计算器读取它，请在该计算器的 PARAMETERS 中声明"
                           f"（如在 {_module(listed[0]) if listed else 'calc/<计算器>.py'} 中加 Parameter(\"{name}\", …)）；或")
            out.append((f"parameters.{name}",
                        f"no calculator this policy lists ({names_en}) reads {name}. {hint_en} if the page only shows it, "
                        "add `display_only: true` to it",
                        f"本政策列出的计算器（{names_zh}）都不读取 {name}。{hint_zh}如果它只在页面上展示，请给它加上 display_only: true"))
            continue
        wrong = [(c, d) for c, d in readers if param.get("unit") not in d.units]
        if wrong:
            calc, d = wrong[0]
            out.append((f"parameters.{name}.unit",
                        f"{calc.name} reads {name} as {_units(d.units)}, not {param.get('unit')}",
                        f"计算器 {calc.name} 按 {_units(d.units)} 读取 {name}，而不是 {param.get('unit')}"))
    return out
