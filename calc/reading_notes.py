"""Steps point readers to the policy's "how we read this" notes in words: by number, never by id.

The policy page numbers its notes in the order of the policy's `readings:` (scripts/site/templates/policy.md.j2),
so "note 2" is the second entry there, on the page and in an embed alike.

>>> from calc.policy import Policy
>>> p = Policy({"id": "x", "parameters": {"a": {}, "b": {}},
...             "readings": [{"id": "first", "parameters": ["b"]}, {"id": "second", "parameters": ["a", "b"]}]})
>>> reading_note(p, "a")
('（见政策页“我们如何理解”第 2 条）', ' (see note 2 under “How we read this” on the policy page)')
>>> reading_note(p, "b")[1]
' (see notes 1 and 2 under “How we read this” on the policy page)'
>>> reading_note(p, "c")
('', '')
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .policy import Policy


def reading_note(policy: Policy, name: str) -> tuple[str, str]:
    """(zh, en) pointer to the notes about parameter `name`, or empty strings when there are none."""
    ids = policy.readings(name) if policy.has(name) else []
    if not ids:
        return "", ""
    order = [r["id"] for r in policy.data.get("readings", [])]
    numbers = [str(order.index(i) + 1) for i in ids]
    en = f"note {numbers[0]}" if len(numbers) == 1 else "notes " + ", ".join(numbers[:-1]) + " and " + numbers[-1]
    return f"（见政策页“我们如何理解”第 {'、'.join(numbers)} 条）", f" (see {en} under “How we read this” on the policy page)"
