"""A step of a calculation: what was done, in both languages, and on what it rests."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .policy import Policy


@dataclass
class Step:
    id: str
    zh: str
    en: str
    figures: dict[str, Any] = field(default_factory=dict)   # name → string, as printed
    cites: list[dict[str, Any]] = field(default_factory=list)      # citation dicts from Policy.cite

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "zh": self.zh, "en": self.en, "figures": self.figures, "cites": self.cites}


def step(policy: Policy, id: str, zh: str, en: str, figures: dict[str, Any], cite: tuple[str, ...] = (), on: dt.date | None = None) -> Step:
    """A step citing parameters `cite`; `on`: the day whose dated values were read (their own quotes)."""
    return Step(id, zh, en, figures, [policy.cite(name, on) for name in cite])


def singular(en: str) -> str:
    """English counts of one are singular ("for 1 month", never "for 1 months"; issue 20 item 12).

    >>> singular("CNY 301.88 for 1 months, 11 months, 21 days, 1 days")
    'CNY 301.88 for 1 month, 11 months, 21 days, 1 day'
    """
    return re.sub(r"(?<![\d.,])1 (month|day|year|person)s\b", r"1 \1", en)
