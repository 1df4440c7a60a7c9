"""The one vocabulary of subsidised groups used by every resident policy.

Policy YAML lists these codes (`subsidy_full_categories`, `subsidy_half_categories`,
`subsidy_funders`, …); forms show the labels. The order here is the order forms
show them in and, when two categories give the same subsidy, the order the
result names them in.

>>> [c.value for c in CATEGORY_CHOICES][:4]
['extreme_poverty', 'severe_disability', 'orphan', 'de_facto_orphan']
>>> label("minimum_living").zh
'低保对象'
>>> sort_codes(["monitored", "orphan", "monitored"])
['orphan', 'monitored']
"""
from __future__ import annotations

from .inputs import Choice, Text

CATEGORIES: dict[str, Text] = {
    "extreme_poverty": Text("特困人员（特困供养人员）", "Extreme-poverty recipient (特困人员)"),
    "severe_disability": Text("重度残疾人（一、二级残疾）", "Person with a severe disability (grade 1 or 2)"),
    "orphan": Text("孤儿", "Orphan"),
    "de_facto_orphan": Text("事实无人抚养儿童", "De facto orphan (child without anyone caring for them in fact)"),
    "minimum_living": Text("低保对象", "Minimum living allowance (低保) recipient"),
    "low_income_marginal": Text("最低生活保障边缘家庭成员", "Member of a family at the edge of the minimum living allowance"),
    "monitored": Text("防止返贫监测对象（脱贫不稳定户、边缘易致贫户、突发严重困难户）",
                      "Monitored against falling back into poverty (unstable, at-risk or suddenly hard-hit households)"),
    "child_in_difficulty": Text("困境儿童", "Child in difficulty (困境儿童)"),
    "veteran_in_difficulty": Text("困难退役军人", "Veteran in difficulty"),
}

CATEGORY_CHOICES = tuple(Choice(code, text) for code, text in CATEGORIES.items())


def label(code: str) -> Text:
    return CATEGORIES[code]


def sort_codes(codes) -> list[str]:
    """Vocabulary order, without repeats: the same set always gives the same list."""
    order = list(CATEGORIES)
    return sorted(set(codes), key=order.index)


def join(codes, lang: str) -> str:
    sep = "、" if lang == "zh" else ", "
    return sep.join(getattr(label(c), lang) for c in sort_codes(codes))
