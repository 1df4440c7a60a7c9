"""Reading ids in prose (见解读“waiting-count”) said as the reading's number on the policy page."""
from __future__ import annotations

import re

from .ui_words import UI, pick

# a reading id in quotes, after 见解读 / see reading or alone (in HTML, " may be escaped)
_READING_REF = {"zh": re.compile(r"(见解读)?“([a-z0-9]+(?:-[a-z0-9]+)*)”"),
                "en": re.compile(r"(see reading )?(?:\"|“|&#34;|&quot;)([a-z0-9]+(?:-[a-z0-9]+)*)(?:\"|”|&#34;|&quot;)")}


def readings_in_words(text: str, policies: list[dict], lang: str) -> str:
    """Prose that names a reading by its id (见解读“waiting-count”) names it by its number on the
    policy page instead: readers see words, not ids (policy.md.j2 numbers the notes)."""
    numbers: dict[str, int] = {}
    for policy in policies:
        for index, reading in enumerate(policy.get("readings", []), start=1):
            numbers.setdefault(reading["id"], index)

    def words(match: re.Match) -> str:
        if match.group(2) not in numbers:
            return match.group(0)
        n = numbers[match.group(2)]
        lead = pick(lang, UI["reading_ref_see"]) if match.group(1) else ""
        return lead + pick(lang, UI["reading_ref"]).format(n=n)

    return _READING_REF[lang].sub(words, text)
