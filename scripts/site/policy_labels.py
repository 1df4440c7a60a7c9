"""A policy as lists and headings name it: its place and the years it covers."""
from __future__ import annotations

from calc.today import LEVELS as PLACE_LEVELS

from .ui_words import UI, pick


def region(policy: dict, lang: str) -> str:
    """The places a policy names, province first in zh (湖南省 · 衡阳市), last in en."""
    parts = [policy["jurisdiction"][k][lang] for k in PLACE_LEVELS if k in policy["jurisdiction"]]
    return " · ".join(parts if lang == "zh" else reversed(parts))


def years_label(policy: dict, lang: str) -> str:
    """The benefit years a policy governs: 2023, 2023–2024, or 2025 起 / 2025 on."""
    span = policy["governs"]["benefits"]
    start, end = str(span["from"])[:4], str(span["to"])[:4] if span.get("to") else None
    if end is None:
        return pick(lang, UI["years_from"]).format(year=start)
    return start if start == end else f"{start}–{end}"
