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

# Phone-first, like calc/charts.py: 340 units wide, 14-unit text; each row is its label on
# one line and the bar with its value below, so long place names never squeeze the bars.
WIDTH = 340
MARGIN = 4
TEXT = 14
ROW = 44
VALUE_W = 64


def bar_chart(title: str, rows: list[tuple[str, int | Decimal]], unit: str) -> str:
    top = max((Decimal(v) for _, v in rows), default=Decimal(1)) or Decimal(1)
    inner = WIDTH - 2 * MARGIN - VALUE_W
    body = []
    for i, (label, value) in enumerate(rows):
        y = i * ROW
        width = Decimal(inner) * Decimal(value) / top
        body.append(
            f'<text x="{MARGIN}" y="{y + 16}" font-size="{TEXT}" fill="currentColor">{escape(label)}</text>'
            f'<rect x="{MARGIN}" y="{y + 22}" width="{width:.1f}" height="14" fill="#3f51b5">'
            f'<title>{escape(label)}: {value} {escape(unit)}</title></rect>'
            f'<text x="{MARGIN + width + 6:.1f}" y="{y + 34}" font-size="{TEXT}" fill="currentColor">{value}</text>'
        )
    height = ROW * len(rows) + 4
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-label="{escape(title)}" class="mb-bar-chart"><title>{escape(title)}</title>{"".join(body)}</svg>')
