"""The codes a policy file uses, each list once, with its words for readers (zh, en).

One home for each vocabulary: the schema's accepted values (scripts/policy/schema.py),
the loader's checks, calc, the page formatting (scripts/site/formatting.py) and the
authoring reference all read these objects; nobody keeps a second copy
(tests/test_one_home.py). Subsidised groups live in calc/categories.py with their logic.
Standard library only: calc runs unchanged in Pyodide.

>>> UNITS[:3], NUMBER_UNITS[-1]
(('CNY', 'CNY/month', 'CNY/year'), 'persons')
>>> list(STATUSES), STATUSES["not_stated"].en
(['stated', 'inferred', 'derived', 'not_stated'], 'not stated in the source')
>>> TOPICS["resident"].zh
'城乡居民医保'
>>> ROUNDING_MODES["ROUND_HALF_UP"].alone.en
'rounded half-up'
"""
from __future__ import annotations

from typing import NamedTuple

from .inputs import Text

# A figure's unit, with how one figure in it reads ("{}" stands for the figure).
FIGURE_UNITS: dict[str, Text] = {
    "CNY": Text("{} 元", "CNY {}"),
    "CNY/month": Text("{} 元/月", "CNY {} a month"),
    "CNY/year": Text("{} 元/年", "CNY {} a year"),
    "CNY/person": Text("{} 元/人", "CNY {} per person"),
    "CNY/person/year": Text("{} 元/人·年", "CNY {} per person a year"),
    "percent": Text("{}%", "{}%"),
    "months": Text("{} 个月", "{} months"),
    "days": Text("{} 天", "{} days"),
    "years": Text("{} 年", "{} years"),
    "year": Text("{} 年", "{}"),
    "persons": Text("{} 人", "{} people"),
}
# the units of a value that is not one figure (pages say it in words or as a table)
OTHER_UNITS = ("date", "date-range", "text", "rule", "list", "table", "rounding", "categories", "mapping")
# every unit a parameter may carry (`parameters.<name>.unit`)
UNITS = (*FIGURE_UNITS, *OTHER_UNITS)
# figure units whose value is one number (or null); a percent may also be options or a range
NUMBER_UNITS = tuple(unit for unit in FIGURE_UNITS if unit != "percent")

# the basis of a figure (`status`), as a page names it beside the figure
STATUSES: dict[str, Text] = {
    "stated": Text("原文写明", "stated in the source"),
    "inferred": Text("推算", "inferred"),
    "derived": Text("换算", "derived"),
    "not_stated": Text("原文未给出", "not stated in the source"),
}

# what a policy is about (`topic`); a place's policies on one topic form a series (calc/series.py)
TOPICS: dict[str, Text] = {
    "flexible-employment": Text("灵活就业人员参加职工医保", "Flexible employment in employee insurance"),
    "resident": Text("城乡居民医保", "Resident medical insurance"),
    "enrolment-measures": Text("参保措施", "Enrolment measures"),
}

# whom a city's or province's policy covers below its own place (`reach.value`): every place below it, or its own
# level only (市本级); calc/today.py lets a place inherit only a `whole_area` policy, and says which in words
REACHES = ("whole_area", "own_level")


class ModeWords(NamedTuple):
    """How readers are told a rounding mode: words, never the mode's name (principle 6)."""
    to_step: Text   # with the step: "{}" is the step in words (四舍五入到分)
    alone: Text     # the mode alone, for a sentence that names the step itself (按 1 元四舍五入)


# the rounding modes a policy may name (`unit: rounding`, {step, mode}): the decimal module's names
ROUNDING_MODES: dict[str, ModeWords] = {
    "ROUND_HALF_UP": ModeWords(Text("四舍五入到{}", "rounded to the {}"), Text("四舍五入", "rounded half-up")),
    "ROUND_HALF_EVEN": ModeWords(Text("四舍六入、五成双，取整到{}", "rounded half to even, to the {}"),
                                 Text("四舍六入五成双", "rounded half-to-even")),
    "ROUND_HALF_DOWN": ModeWords(Text("五舍六入，取整到{}", "rounded half down, to the {}"), Text("五舍六入", "rounded half-down")),
    "ROUND_DOWN": ModeWords(Text("舍去零头，取整到{}", "rounded down to the {}"), Text("舍去零头", "rounded down")),
    "ROUND_UP": ModeWords(Text("有零头即进位，取整到{}", "rounded up to the {}"), Text("进位", "rounded up")),
    "ROUND_FLOOR": ModeWords(Text("向下取整到{}", "rounded down to the {}"), Text("向下取整", "rounded down")),
    "ROUND_CEILING": ModeWords(Text("向上取整到{}", "rounded up to the {}"), Text("向上取整", "rounded up")),
}
# the steps a rounding goes to, in words (any other step reads "N 元")
ROUNDING_STEPS: dict[str, Text] = {
    "0.01": Text("分", "fen"), "0.1": Text("角", "jiao"), "1": Text("元", "yuan"),
    "10": Text("十元", "ten yuan"), "100": Text("百元", "hundred yuan"),
}
