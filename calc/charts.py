"""Inline SVG pictures drawn from calculator results (standard library only).

The build and the browser draw the same thing: calc returns SVG text, pages
insert it as is. Every SVG is `width="100%"` with a viewBox, has role="img",
a <title> and a <desc> that says in words everything the picture shows, and
escapes every text it places. Parts a source leaves open are hatched.

>>> from decimal import Decimal
>>> svg = stacked_bar("who-pays", "谁来缴费", "个人缴费标准 350.00 元。",
...                   [Part("本人", Decimal(175), "175.00 元", "person"),
...                    Part("医疗救助 <资助>", Decimal(175), "175.00 元", "payer")], "zh")
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'role="img"' in svg and 'width="100%"' in svg
True
>>> "医疗救助 &lt;资助&gt;" in svg and "<资助>" not in svg
True
>>> "<title" in svg and "<desc" in svg and "pattern" not in svg
True
>>> "pattern" in stacked_bar("x", "t", "d", [Part("未公布", Decimal(350), "350.00 元", "unknown")], "zh")
True
"""
from __future__ import annotations

import contextvars
import datetime as dt
import math
import re
import zlib
from dataclasses import dataclass
from decimal import Decimal
from html import escape

# Drawn for a phone: a 340-unit viewBox with 14-unit text shows text at 12-13 px on a
# 360 px screen (a ~310 px wide chart); widget.css caps a chart at 400 px, ~16 px text.
WIDTH = 340
MARGIN = 10
TEXT_SIZE = 14
LINE = 18          # one line of legend text
FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
COLOURS = {
    "person": "#1d4ed8",
    "payer": ("#15803d", "#b45309", "#7e22ce", "#be123c", "#0e7490"),
    "waiting": "#d97706",
    "pending": "#9ca3af",
    "covered": "#15803d",
}
TEXT_ON_COLOUR = "#ffffff"
TEXT = "#111827"
HATCH_INK = "#6b7280"
HATCH_PAPER = "#f3f4f6"


LANGS = ("zh", "en")
# The languages a run draws charts in: both, or the one a form shows (calc.api.run(..., lang=);
# the web worker asks for one, so a keystroke draws one SVG per chart, not two).
DRAWN: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("mingbai_chart_langs", default=LANGS)


def drawn(lang: str) -> bool:
    """Whether this run draws charts in `lang` (a calculator's charts function skips the others).

    >>> drawn("en"), DRAWN.set(("zh",)) and drawn("en")
    (True, False)
    >>> DRAWN.set(LANGS) and drawn("en")
    True
    """
    return lang in DRAWN.get()


@dataclass(frozen=True)
class Part:
    """One part of a stacked bar: who, how much (for the width), the amount as printed, and its role."""
    label: str
    value: Decimal
    amount: str
    role: str          # person | payer | unknown


@dataclass(frozen=True)
class Span:
    """One stretch of a timeline: [start, end] both included; end None: open (not stated)."""
    label: str
    start: dt.date
    end: dt.date | None
    role: str          # pending | waiting | covered | unknown


@dataclass(frozen=True)
class Mark:
    label: str
    day: dt.date


def text_width(text: str, size: float) -> float:
    """Rough width of a text: CJK characters are about one em, others about 0.58 em."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.58 for ch in text)


_NO_LINE_START = set("，。、；：！？）」』》,.;:!?)")


# A CJK character is a token; other runs end after a space (and at a CJK character).
_TOKEN = re.compile("[\u2e80-\U0010ffff]|[^ \u2e80-\U0010ffff]+ ?| ")


def wrap(text: str, size: float, width: float) -> list[str]:
    """Lines of `text` no wider than `width` at `size` (CJK breaks anywhere, other text at spaces).

    >>> wrap("Waiting period: 2023-03-10 – 2023-06-08", 14, 300)
    ['Waiting period: 2023-03-10 –', '2023-06-08']
    >>> wrap("等待期：2023-03-10 至 2023-06-08，期间不享受待遇。", 14, 200)
    ['等待期：2023-03-10 至', '2023-06-08，期间不享受待遇。']

    Linear in the text: a line's width is kept as counts of wide (CJK) and narrow characters up to
    its last non-space, so each token is measured once, not the whole line again. The decisions are
    those of `text_width(line.rstrip(), size) > width` (the same lines, byte for byte): the counts
    give the width to within a bound on float rounding, and only a width within that bound of
    `width` is measured again with text_width itself (tests/test_charts_wrap.py).
    """
    narrow = size * 0.58
    fast = math.isfinite(size) and math.isfinite(width)
    lines: list[list[str]] = [[]]
    wide = thin = 0              # the current line's characters: wide (CJK), narrow
    wide_s = thin_s = 0          # the same up to its last non-space character (the rstripped line)
    measured: dict[tuple[int, int], bool] = {}   # the current line's ties, by rstripped counts
    for token in _TOKEN.findall(text):
        kept = len(token.rstrip())
        if ord(token[0]) > 0x2E7F:   # one CJK character
            c_wide, c_thin = wide + 1, thin
        else:
            c_wide, c_thin = wide, thin + len(token)
        cs_wide, cs_thin = (c_wide, c_thin - len(token) + kept) if kept else (wide_s, thin_s)
        if wide_s + thin_s and token[0] not in _NO_LINE_START:   # the line has text; the token may start one
            if fast:
                estimate = cs_wide * size + cs_thin * narrow
                margin = (cs_wide + cs_thin + 4) * 2.0 ** -50 * (cs_wide * abs(size) + cs_thin * abs(narrow))
                over = estimate > width if abs(estimate - width) > margin else None
            else:
                over = None
            if over is None:   # a tie within rounding: measure as text_width does
                if (cs_wide, cs_thin) not in measured:
                    measured[cs_wide, cs_thin] = text_width(("".join(lines[-1]) + token).rstrip(), size) > width
                over = measured[cs_wide, cs_thin]
            if over:
                token = token.lstrip()
                lines.append([token])
                measured.clear()
                kept = len(token.rstrip())
                if token and ord(token[0]) > 0x2E7F:
                    wide, thin = 1, 0
                else:
                    wide, thin = 0, len(token)
                wide_s, thin_s = (wide, thin - len(token) + kept) if kept else (0, 0)
                continue
        lines[-1].append(token)
        wide, thin, wide_s, thin_s = c_wide, c_thin, cs_wide, cs_thin
    joined = ("".join(line) for line in lines)
    return [line.rstrip() for line in joined if line.strip()] or [""]


def _ids(name: str, lang: str, body: str) -> tuple[str, str, str]:
    key = f"mb-{name}-{lang}-{zlib.crc32(body.encode('utf-8')):08x}"
    return f"{key}-title", f"{key}-desc", f"{key}-hatch"


def _svg(name: str, lang: str, height: float, title: str, desc: str, body: list[str], hatched: bool) -> str:
    content = "".join(body)
    title_id, desc_id, hatch_id = _ids(name, lang, title + desc + content)
    content = content.replace("url(#HATCH)", f"url(#{hatch_id})")
    defs = ""
    if hatched:
        defs = (f'<defs><pattern id="{hatch_id}" patternUnits="userSpaceOnUse" width="8" height="8" '
                f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{HATCH_PAPER}"/>'
                f'<line x1="0" y1="0" x2="0" y2="8" stroke="{HATCH_INK}" stroke-width="3"/></pattern></defs>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" width="100%" '
            f'role="img" aria-labelledby="{title_id} {desc_id}" class="mb-chart mb-chart-{name}" lang="{lang}" '
            f'font-family="{escape(FONT)}">'
            f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
            f'{defs}{content}</svg>')


def _fill(role: str, payer_index: int = 0) -> str:
    if role == "unknown":
        return "url(#HATCH)"
    if role == "payer":
        palette = COLOURS["payer"]
        return palette[payer_index % len(palette)]
    colour = COLOURS[role]
    assert isinstance(colour, str)   # every role but "payer" (above) has one colour
    return colour


def _legend(rows: list[tuple[str | None, str]], y: float, size: float = TEXT_SIZE) -> tuple[list[str], float]:
    """Swatch + text rows (swatch None: a tick mark), text wrapped to the width; returns the SVG
    pieces and the y below the last row."""
    out = []
    text_x = MARGIN + 22
    for fill, text in rows:
        if fill == "":
            pass   # a plain line of text
        elif fill is None:
            out.append(f'<line x1="{MARGIN + 7}" y1="{y:g}" x2="{MARGIN + 7}" y2="{y + 14:g}" stroke="{TEXT}" stroke-width="1.5"/>')
        else:
            out.append(f'<rect x="{MARGIN}" y="{y:g}" width="14" height="14" fill="{fill}" stroke="{TEXT}" stroke-width="0.5"/>')
        lines = wrap(text, size, WIDTH - MARGIN - text_x)
        for n, line in enumerate(lines):
            out.append(f'<text x="{text_x}" y="{y + 12 + n * LINE:g}" font-size="{size:g}" fill="{TEXT}">{escape(line)}</text>')
        y += 22 + (len(lines) - 1) * LINE
    return out, y


def stacked_bar(name: str, title: str, desc: str, parts: list[Part], lang: str) -> str:
    """A horizontal bar split into parts (widths ∝ value), amounts inside when they fit, and a legend
    ("" for a language this run does not draw)."""
    if not drawn(lang):
        return ""
    parts = [p for p in parts if p.value > 0]
    total = sum((p.value for p in parts), Decimal(0))
    inner = WIDTH - 2 * MARGIN
    bar_y, bar_h = 8, 40
    body: list[str] = []
    legend: list[tuple[str | None, str]] = []
    x = Decimal(MARGIN)
    payer_index = 0
    for part in parts:
        width = (Decimal(inner) * part.value / total) if total else Decimal(0)
        fill = _fill(part.role, payer_index)
        if part.role == "payer":
            payer_index += 1
        body.append(f'<rect x="{x:.2f}" y="{bar_y}" width="{width:.2f}" height="{bar_h}" fill="{fill}" '
                    f'stroke="#ffffff" stroke-width="1"><title>{escape(part.label)}: {escape(part.amount)}</title></rect>')
        if part.role != "unknown" and Decimal(text_width(part.amount, TEXT_SIZE) + 8) <= width:  # geometry, not money
            body.append(f'<text x="{x + width / 2:.2f}" y="{bar_y + bar_h / 2 + 5:g}" font-size="{TEXT_SIZE}" '
                        f'text-anchor="middle" fill="{TEXT_ON_COLOUR}">{escape(part.amount)}</text>')
        legend.append((fill, f"{part.label}: {part.amount}"))
        x += width
    rows, bottom = _legend(legend, bar_y + bar_h + 12)
    body += rows
    hatched = any(p.role == "unknown" for p in parts)
    return _svg(name, lang, bottom + 4, title, desc, body, hatched)


def _range(span: Span, lang: str) -> str:
    if span.end is None:
        return f"自 {span.start.isoformat()} 起" if lang == "zh" else f"from {span.start.isoformat()}"
    return f"{span.start.isoformat()} – {span.end.isoformat()}"


def timeline(name: str, title: str, desc: str, spans: list[Span], marks: list[Mark], lang: str,
             open_end: str | None = None, note: str | None = None) -> str:
    """Date axis from the first to the last date shown; spans as coloured stretches, marks as ticks.

    A span whose end is None runs to the right edge and ends in an arrow titled `open_end`
    (the source does not state the end): no end date is drawn that nobody stated.

    >>> svg = timeline("t", "时间线", "说明", [Span("享受待遇", dt.date(2025, 6, 15), None, "covered")],
    ...                [Mark("缴费", dt.date(2025, 3, 15))], "zh", open_end="结束日原文未给出")
    >>> "自 2025-06-15 起" in svg and "结束日原文未给出" in svg and "2025-09" not in svg
    True
    """
    if not drawn(lang):   # a language this run does not draw
        return ""
    merged: dict[dt.date, list[str]] = {}
    for mark in marks:   # one tick per day: labels of the same day are joined
        if mark.label not in merged.setdefault(mark.day, []):
            merged[mark.day].append(mark.label)
    marks = [Mark(("；" if lang == "zh" else "; ").join(labels), day) for day, labels in merged.items()]
    days = [s.start for s in spans] + [s.end for s in spans if s.end] + [m.day for m in marks]
    first, last = min(days), max(days) + dt.timedelta(days=1)
    if any(s.end is None for s in spans):   # leave room for the open stretch
        last = max(last, max(s.start for s in spans if s.end is None) + dt.timedelta(days=30))
    open_end = open_end if any(s.end is None for s in spans) else None
    inner = WIDTH - 2 * MARGIN - (36 if open_end else 0)
    scale = inner / max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return MARGIN + (day - first).days * scale

    bar_y, bar_h = 10, 28
    body: list[str] = []
    for span in spans:
        x0 = x(span.start)
        x1 = x(span.end + dt.timedelta(days=1)) if span.end else x(last)
        body.append(f'<rect x="{x0:.2f}" y="{bar_y}" width="{max(x1 - x0, 1.0):.2f}" height="{bar_h}" '
                    f'fill="{_fill(span.role)}" stroke="#ffffff" stroke-width="1">'
                    f'<title>{escape(span.label)}: {escape(_range(span, lang))}</title></rect>')
    if open_end:
        end_x = x(last)
        body.append(f'<path d="M{end_x:.2f},{bar_y + bar_h / 2:g} h28 m-8,-7 l8,7 l-8,7" fill="none" '
                    f'stroke="{TEXT}" stroke-width="2"><title>{escape(open_end)}</title></path>')
    # ticks with date labels, staggered into rows so they never overlap
    axis_y = bar_y + bar_h + 4
    rows_end: list[float] = []
    row_h = LINE
    ticks: list[str] = []
    for mark in sorted(marks, key=lambda m: m.day):
        mx = x(mark.day)
        text = mark.day.isoformat()
        width = text_width(text, TEXT_SIZE)
        left = min(max(mx - width / 2, MARGIN), WIDTH - MARGIN - width)
        row = next((i for i, end in enumerate(rows_end) if left > end + 6), None)
        if row is None:
            rows_end.append(left + width)
            row = len(rows_end) - 1
        else:
            rows_end[row] = left + width
        ty = axis_y + 14 + row * row_h
        ticks.append(f'<line x1="{mx:.2f}" y1="{bar_y - 4}" x2="{mx:.2f}" y2="{ty - 11:g}" stroke="{TEXT}" stroke-width="1.5"/>')
        ticks.append(f'<text x="{left:.2f}" y="{ty:g}" font-size="{TEXT_SIZE}" fill="{TEXT}">{escape(text)}</text>')
    body += ticks
    legend_y = axis_y + 14 + max(len(rows_end), 1) * row_h
    legend: list[tuple[str | None, str]] = [(_fill(s.role), f"{s.label}: {_range(s, lang)}") for s in spans]
    legend += [(None, f"{m.day.isoformat()}: {m.label}") for m in sorted(marks, key=lambda m: m.day)]
    if open_end:
        legend.append(("", f"→ {open_end}"))
    if note:
        legend.append(("", note))
    rows, bottom = _legend(legend, legend_y)
    body += rows
    hatched = any(s.role == "unknown" for s in spans)
    return _svg(name, lang, bottom + 4, title, desc, body, hatched)
