"""Subsidised groups: one shared vocabulary, plus the groups a policy declares itself.

Policy YAML lists these codes (`subsidy_full_categories`, `subsidy_half_categories`,
`subsidy_funders`, …); forms show the labels. The order here is the order forms
show them in and, when two categories give the same subsidy, the order the
result names them in. Shared labels say only what every policy means by the
group (a disability grade, say, belongs to the policy that states it).

>>> [c.value for c in CATEGORY_CHOICES][:4]
['extreme_poverty', 'severe_disability', 'orphan', 'de_facto_orphan']
>>> label("minimum_living").zh
'低保对象'
>>> sort_codes(["monitored", "orphan", "monitored"])
['orphan', 'monitored']

A policy declares its own groups, or its own wording of a shared one, in the parameter
`subsidy_categories` (unit mapping): `code: {zh, en, gives, payer}`. `gives` is `full`,
`half`, `{amount: N}` (yuan) or `{share: P}` (percent of the contribution); `payer` is
`{zh, en}`. A shared code may carry only `zh`/`en` (its wording in this policy):

>>> declared = {"severe_disability": {"zh": "重度残疾人（一、二级）", "en": "Severe disability (grade 1 or 2)"},
...             "elderly_low_income": {"zh": "低收入家庭老年人", "en": "Older member of a low-income family",
...                                    "gives": {"amount": "100"}}}
>>> label("severe_disability", declared).zh, label("elderly_low_income", declared).en
('重度残疾人（一、二级）', 'Older member of a low-income family')
>>> declared_problems(declared)
[]
>>> [p[0] for p in declared_problems({"Bad": {"zh": "甲"}, "x_y": {"zh": "乙", "en": "B", "gives": "most"}})]
['.Bad', '.x_y.gives']

How one person's groups combine is the policy's `subsidy_combination` (one of COMBINATIONS).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import re
from decimal import Decimal, InvalidOperation

from .inputs import Choice, Text

if TYPE_CHECKING:
    from .policy import Policy

CATEGORIES: dict[str, Text] = {
    "extreme_poverty": Text("特困人员（特困供养人员）", "Extreme-poverty recipient (特困人员)"),
    "severe_disability": Text("重度残疾人", "Person with a severe disability"),
    "orphan": Text("孤儿", "Orphan"),
    "de_facto_orphan": Text("事实无人抚养儿童", "De facto orphan (child without anyone caring for them in fact)"),
    "minimum_living": Text("低保对象", "Minimum living allowance (低保) recipient"),
    "low_income_marginal": Text("最低生活保障边缘家庭成员", "Member of a family at the edge of the minimum living allowance"),
    "monitored": Text("防止返贫监测对象（脱贫不稳定户、边缘易致贫户、突发严重困难户）",
                      "Monitored against falling back into poverty (unstable, at-risk or suddenly hard-hit households)"),
    "child_in_difficulty": Text("困境儿童", "Child in difficulty (困境儿童)"),
    "veteran_in_difficulty": Text("困难退役军人", "Veteran in difficulty"),
    "returned_to_poverty": Text("返贫致贫人口", "Person who fell (back) into poverty (返贫致贫人口)"),
}

CATEGORY_CHOICES = tuple(Choice(code, text) for code, text in CATEGORIES.items())

# the parameter in which a policy declares its own groups (or its own wording of shared ones)
DECLARED = "subsidy_categories"
# what a declared group gives: the whole contribution or half of it (these words on pages),
# or a fixed amount {amount: N} or a share {share: P}, which pages state with their figure
GIVES_WORDS: dict[str, Text] = {"full": Text("全额资助", "full subsidy"), "half": Text("半额资助", "half subsidy")}
GIVES = (*GIVES_WORDS, "amount", "share")
# how one person's groups combine (`subsidy_combination`): only one subsidy, and the source does not
# say which (we apply the more favourable: a reading); the highest wins (就高, stated); they add up
COMBINATIONS: dict[str, Text] = {
    "no_stacking": Text("不累加，按一种身份资助", "not combined: one subsidy per person"),
    "highest": Text("不累加，就高资助", "not combined: the highest subsidy applies"),
    "stacking": Text("可以累加", "combined: the subsidies add up"),
}
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def label(code: str, declared: dict[str, Any] | None = None) -> Text:
    """The words for a group: the policy's own wording where it declares one, else the shared label."""
    entry = (declared or {}).get(code)
    if isinstance(entry, dict) and "zh" in entry and "en" in entry:
        return Text(entry["zh"], entry["en"])
    return CATEGORIES[code]


def sort_codes(codes: Iterable[str], declared: dict[str, Any] | None = None) -> list[str]:
    """Vocabulary order, then the policy's own groups by code (compiled data keeps no key order),
    without repeats: the same set always gives the same list."""
    order = list(CATEGORIES) + sorted(c for c in (declared or {}) if c not in CATEGORIES)
    return sorted(set(codes), key=order.index)


def join(codes: Iterable[str], lang: str, declared: dict[str, Any] | None = None) -> str:
    sep = "、" if lang == "zh" else ", "
    return sep.join(getattr(label(c, declared), lang) for c in sort_codes(codes, declared))


def choices(codes: Iterable[str], declared: dict[str, Any] | None = None) -> tuple[Choice, ...]:
    """Form choices for a policy's groups, in its own words."""
    return tuple(Choice(code, label(code, declared)) for code in sort_codes(codes, declared))


# an InputSpec.choices_from value: the choices are the policy's own groups (calc.api.resolve_choices)
POLICY_GROUPS = "policy_groups"
# the parameters that name groups: lists of codes, or mappings keyed by code
_GROUP_LISTS = ("subsidy_full_categories", "subsidy_half_categories")
_GROUP_MAPS = ("subsidy_only_via", "subsidy_funders", DECLARED)
_GROUP_ROWS = ("major_illness_groups", "assistance_tiers")


def declared(policy: Policy) -> dict[str, Any]:
    """The policy's `subsidy_categories` (its own groups and wordings), or {}."""
    return policy.value(DECLARED) if policy.has(DECLARED) else {}


def policy_codes(policy: Policy) -> list[str]:
    """Every group a policy names (its form offers these and no others), in display order."""
    codes: set[str] = set()
    for name in _GROUP_LISTS:
        if policy.has(name):
            codes.update(policy.value(name) or [])
    for name in _GROUP_MAPS:
        if policy.has(name):
            codes.update(policy.value(name) or {})
    codes.update(name[: -len("_subsidy")] for name in policy.parameters
                 if name.endswith("_subsidy") and name[: -len("_subsidy")] in CATEGORIES)
    return sort_codes(codes, declared(policy))


# an InputSpec.choices_from value: the groups named in the rows of the policy's tables _GROUP_ROWS
ROW_GROUPS = "row_groups"


def row_choices(policy: Policy) -> tuple[Choice, ...]:
    """The groups a policy's group tables name (calc/reimbursement.py), shared labels, in display order."""
    codes: set[str] = set()
    for name in _GROUP_ROWS:
        if policy.has(name):
            codes.update(g for row in policy.value(name) or [] if isinstance(row, dict) for g in row.get("groups") or [])
    return choices(sort_codes(codes))


def policy_choices(policy: Policy) -> tuple[Choice, ...]:
    return choices(policy_codes(policy), declared(policy))


def _is_number(value: object) -> bool:
    try:
        return not isinstance(value, bool) and Decimal(str(value)).is_finite()
    except InvalidOperation:
        return False


def _bilingual(value: object) -> bool:
    return isinstance(value, dict) and set(value) == {"zh", "en"} and all(isinstance(v, str) and v.strip() for v in value.values())


def _gives_problem(gives: object) -> tuple[str, str] | None:
    if isinstance(gives, str) and gives in GIVES_WORDS:
        return None
    if isinstance(gives, dict) and len(gives) == 1:
        (kind, value), = gives.items()
        if kind == "amount" and _is_number(value) and Decimal(str(value)) >= 0:
            return None
        if kind == "share" and _is_number(value) and 0 <= Decimal(str(value)) <= 100:
            return None
    return ("must be full, half, {amount: yuan} or {share: percent 0–100}",
            "须为 full、half、{amount: 元} 或 {share: 百分比 0–100}")


def declared_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for each way a `subsidy_categories` value is malformed: the loader reports
    them with file and line. Own codes need zh, en and what they give; shared codes may only be reworded."""
    if not isinstance(value, dict):
        return [("", "must be a mapping of group codes", "须为类别代码的映射")]
    out = []
    for code, entry in value.items():
        field = f".{code}"
        if not isinstance(code, str) or not _CODE_RE.match(code):
            out.append((field, f"group code {code!r} must be snake_case", f"类别代码 {code!r} 须为小写下划线"))
            continue
        if not isinstance(entry, dict):
            out.append((field, "must be a mapping {zh, en, gives, payer}", "须为映射 {zh, en, gives, payer}"))
            continue
        unknown = sorted(set(entry) - {"zh", "en", "gives", "payer"})
        if unknown:
            out.append((f"{field}.{unknown[0]}", "unknown key (allowed: zh, en, gives, payer)", "未知的键（可用：zh、en、gives、payer）"))
        if ("zh" in entry or "en" in entry) and not _bilingual({"zh": entry.get("zh"), "en": entry.get("en")}):
            out.append((field, "needs both zh and en labels (non-empty texts)", "须同时有 zh 和 en 名称（非空文本）"))
        if code in CATEGORIES:
            if "gives" in entry or "payer" in entry:
                out.append((field, f"{code} is a shared group: declare only its wording here (what it gives goes in "
                            "subsidy_full_categories / subsidy_half_categories / subsidy_funders)",
                            f"{code} 是共用类别：此处只能写它的名称（资助多少写在 subsidy_full_categories 等参数中）"))
            continue
        if "zh" not in entry or "en" not in entry:
            out.append((field, f"a group of this policy's own ({code}) needs zh and en labels", f"本政策自定的类别 {code} 须有 zh 和 en 名称"))
        if "gives" not in entry:
            out.append((f"{field}.gives", "is missing: full, half, {amount: yuan} or {share: percent}", "缺少 gives：full、half、{amount: 元} 或 {share: 百分比}"))
        else:
            problem = _gives_problem(entry["gives"])
            if problem:
                out.append((f"{field}.gives", *problem))
        if "payer" in entry and not _bilingual(entry["payer"]):
            out.append((f"{field}.payer", "must be {zh, en}", "须为 {zh, en}"))
    return out


def combination_problems(value: object) -> list[tuple[str, str, str]]:
    if not isinstance(value, str) or value not in COMBINATIONS:
        return [("", f"must be one of {', '.join(COMBINATIONS)}; got {value!r}", f"须为以下之一：{'、'.join(COMBINATIONS)}；实际为 {value!r}")]
    return []
