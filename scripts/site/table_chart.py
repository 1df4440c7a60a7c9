"""A build-time horizontal bar chart (inline SVG) of a table parameter, e.g. township tasks.

Geometry only: bar lengths are proportional to the stored values; the printed
numbers are the stored values themselves. Presentation attributes, no style="",
so the strict CSP holds.

>>> svg = bar_chart("任务", [("甲乡", 200), ("乙乡", 100)], "人")
>>> svg.count("<rect"), "200" in svg, 'role="img"' in svg
(2, True, True)
"""
from __future__ import annotations

from decimal import Decimal
from html import escape

from calc.charts import wrap

# Phone-first, like calc/charts.py: 340 units wide, 14-unit text; each row is its label on
# one line and the bar with its value below, so long place names never squeeze the bars.
WIDTH = 340
MARGIN = 4
TEXT = 14
ROW = 44
VALUE_W = 64
LINE = 16   # a wrapped label's further lines


def bar_chart(title: str, rows: list[tuple[str, int | Decimal]], unit: str) -> str:
    """A long label (a group list) wraps onto more lines (calc/charts.py wrap) rather than running off the chart.

    >>> long = bar_chart("起付线", [("Extreme-poverty recipient (特困人员), Minimum living allowance (低保) recipient", 6000)], "元")
    >>> long.count("<tspan"), 'viewBox="0 0 340 64"' in long
    (2, True)
    """
    top = max((Decimal(v) for _, v in rows), default=Decimal(1)) or Decimal(1)
    inner = WIDTH - 2 * MARGIN - VALUE_W
    body = []
    y = 0
    for label, value in rows:
        lines = wrap(label, TEXT, WIDTH - 2 * MARGIN) or [label]
        extra = (len(lines) - 1) * LINE
        spans = "".join(f'<tspan x="{MARGIN}" dy="{0 if i == 0 else LINE}">{escape(line)}</tspan>' for i, line in enumerate(lines))
        width = Decimal(inner) * Decimal(value) / top
        body.append(
            f'<text x="{MARGIN}" y="{y + 16}" font-size="{TEXT}" fill="currentColor">{spans}</text>'
            f'<rect x="{MARGIN}" y="{y + extra + 22}" width="{width:.1f}" height="14" fill="#3f51b5">'
            f'<title>{escape(label)}: {value} {escape(unit)}</title></rect>'
            f'<text x="{MARGIN + width + 6:.1f}" y="{y + extra + 34}" font-size="{TEXT}" fill="currentColor">{value}</text>'
        )
        y += ROW + extra
    height = y + 4
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-label="{escape(title)}" class="mb-bar-chart"><title>{escape(title)}</title>{"".join(body)}</svg>')
