"""A table parameter on its own page: sortable table, total, bar chart (build time)."""
from __future__ import annotations

from decimal import Decimal

import jinja2

from .formatting import format_value, table_rows
from .table_chart import bar_chart
from .ui_words import ui


def table_parameters(policy: dict) -> list[str]:
    return [name for name, param in policy["parameters"].items() if param["unit"] == "table" and param["value"]]


def render_table_page(env: jinja2.Environment, policy: dict, name: str, lang: str) -> str:
    """A whole table parameter on its own page: sortable table, total, bar chart (build time)."""
    param = policy["parameters"][name]
    table = table_rows(param, lang)
    if table is None:   # table_parameters() names only tables with rows
        raise ValueError(f"{policy['id']}: {name} is not a table with rows")
    header, cells = table
    keys = list(param["value"][0])
    numeric = [i for i, col in enumerate(keys) if all(isinstance(row.get(col), (int, Decimal)) for row in param["value"])]
    rows = [[{"text": cell, "sort": cell if i in numeric else None} for i, cell in enumerate(row)] for row in cells]
    label_col = next((i for i in range(len(header)) if i not in numeric), None)
    chart = ""
    if numeric and label_col is not None:
        chart = bar_chart(param["label"][lang], [(row[label_col], param["value"][r][keys[numeric[0]]])
                                                  for r, row in enumerate(cells)], "")
    total_param = next((p for n, p in policy["parameters"].items() if n == f"{name}_total"), None)
    total = None
    if total_param is not None:
        total = [format_value(total_param, lang, policy, f"{name}_total") if i == numeric[0] else "" for i in range(len(header))] if numeric else None
    return env.get_template("table.md.j2").render(
        p=policy, f=param, lang=lang, t=ui(lang), header=header, rows=rows, chart=chart, total=total, back="../")
