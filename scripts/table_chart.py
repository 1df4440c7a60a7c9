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

WIDTH = 720
ROW = 22
VALUE_W = 80


def _label_width(labels: list[str]) -> int:
    """Room for the longest label at 13 px: CJK about one em, other characters about 0.55 em."""
    widest = max((sum(13 if ord(ch) > 0x2E80 else 7 for ch in label) for label in labels), default=60)
    return min(widest + 10, WIDTH // 2)


def bar_chart(title: str, rows: list[tuple[str, int | Decimal]], unit: str) -> str:
    top = max((Decimal(v) for _, v in rows), default=Decimal(1)) or Decimal(1)
    LABEL_W = _label_width([label for label, _ in rows])  # noqa: N806 - a layout constant per chart
    inner = WIDTH - LABEL_W - VALUE_W
    body = []
    for i, (label, value) in enumerate(rows):
        y = i * ROW
        width = Decimal(inner) * Decimal(value) / top
        body.append(
            f'<text x="{LABEL_W - 6}" y="{y + 15}" font-size="13" text-anchor="end" fill="currentColor">{escape(label)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 4}" width="{width:.1f}" height="{ROW - 8}" fill="#3f51b5">'
            f'<title>{escape(label)}: {value} {escape(unit)}</title></rect>'
            f'<text x="{LABEL_W + width + 6:.1f}" y="{y + 15}" font-size="13" fill="currentColor">{value}</text>'
        )
    height = ROW * len(rows) + 4
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-label="{escape(title)}" class="mb-bar-chart"><title>{escape(title)}</title>{"".join(body)}</svg>')
