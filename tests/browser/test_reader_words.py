"""Readers see words, not codes (issue 11, principle 6): no snake_case code, Python list/dict repr,
rounding-mode name or reading id in any reader-facing text of the built site — every HTML page's
visible text (code samples aside: <code>, <pre>) and the search index — in every language.

Fails with the page and the text around each find.
"""
from __future__ import annotations

import json
import re
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import REPO

sys.path.insert(0, str(REPO))
import calc  # noqa: E402
from calc.categories import CATEGORIES  # noqa: E402
from calc.data import load_policies  # noqa: E402

pytestmark = pytest.mark.browser

CODE_PATTERNS = {
    "snake_case code": re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/.-]*\.\w)"),
    "rounding-mode name": re.compile(r"\bROUND_[A-Z_]+|\bHALF_(?:UP|DOWN|EVEN)\b"),
    "Python list repr": re.compile(r"\[\s*'[^'\]]*'\s*(?:,\s*'[^'\]]*'\s*)*\]"),
    "Python dict repr": re.compile(r"\{\s*'[^']+'\s*:"),
    "Python value": re.compile(r"[=:：]\s*(?:None|True|False)\b|\bDecimal\("),
}
SKIPPED_TAGS = {"script", "style", "code", "pre", "svg"}   # code samples are code; charts are checked as text below
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Visible(HTMLParser):
    """Text a reader can see: element text outside <script>/<style>/<code>/<pre>, option labels included."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.skipping or tag in SKIPPED_TAGS:
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


# The authoring reference documents the YAML for policy authors: its codes are what they type.
AUTHORS_ONLY = "authoring"
_TEMPLATE = re.compile(r'<template[^>]*\sdata-lang="([^"]+)"[^>]*>(.*?)</template>', re.S)


def _by_language(html: str, page_lang: str) -> list[tuple[str, str]]:
    """An embed page holds each language's form in a <template data-lang>: scan each in its language."""
    parts = [(lang if lang == "en" else "zh", body) for lang, body in _TEMPLATE.findall(html)]
    return [(page_lang, _TEMPLATE.sub("", html))] + parts


def _reading_ids() -> set[str]:
    return {r["id"] for p in load_policies().values() for r in p.get("readings", [])}


def _choice_codes() -> set[str]:
    """calc's choice codes (input choices, hardship categories): on a Chinese page even a one-word
    code such as `newborn` is a code, not a word."""
    codes = set(CATEGORIES)
    for name in calc.list_calculators()["calculators"]:
        for spec in calc.describe(name["name"])["inputs"]:
            codes |= {c["value"] for c in spec.get("choices", []) if str(c["value"]).isascii()}
    return {c for c in codes if re.fullmatch(r"[a-z][a-z0-9_]*", str(c))}


def finds(text: str, reading_ids: set[str], codes: set[str] = frozenset()) -> list[str]:
    """Each code-like token in text, with its kind and a few characters around it
    (codes: one-word codes to flag too — pass them for Chinese pages)."""
    out = []
    if codes:
        for m in re.finditer(r"(?<![A-Za-z_-])[a-z]+(?![A-Za-z_-])", text):
            if m.group() in codes:
                out.append(f"code: …{text[max(0, m.start() - 30):m.end() + 30]}…")
    for kind, pattern in CODE_PATTERNS.items():
        for m in pattern.finditer(text):
            out.append(f"{kind}: …{text[max(0, m.start() - 30):m.end() + 30]}…")
    for rid in reading_ids:
        for quoted in (f"“{rid}”", f'"{rid}"', f"‘{rid}’"):
            at = text.find(quoted)
            if at >= 0:
                out.append(f"reading id: …{text[max(0, at - 30):at + len(quoted) + 30]}…")
    return out


def test_the_scanner_finds_what_issue_11_saw() -> None:
    """The patterns catch the texts the issue quotes, and leave ordinary words alone."""
    seen = ["rural_residents、urban_residents", "special_cases_only", "window_days: 90；window_from: date_of_birth",
            "cases: ['new_household_registration', 'newborn']", "= ['minimum_living']", "参保情形 = newborn_child",
            "按 0.01 元取整（ROUND_HALF_UP）", "spouse、parent_in_law"]
    for text in seen:
        assert finds(text, set()), text
    assert finds("（见解读“ninety-days”）", {"ninety-days"})
    assert finds("参保情形 = newborn", set(), {"newborn"}) and not finds("a newborn child", set())
    assert finds("首次参保 = True", set()) and finds("[Decimal('6.5')]%", set())
    assert not finds("Subsidy applied as None (pays as an ordinary resident)", set())
    for fine in ["CNY 3,622.56 a year", "open-ended", "e-mail", "2023-01-01", "policies/sources/000_65321096e8faf93d.txt",
                 "Copy link", "mb-calc", "明白 Mingbai"]:
        assert not finds(fine, {"ninety-days"}), fine


def test_no_code_reaches_a_reader(built_site: Path) -> None:
    reading_ids, codes = _reading_ids(), _choice_codes()
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        rel = path.relative_to(built_site)
        if "assets" in rel.parts or AUTHORS_ONLY in rel.parts:
            continue
        for lang, html in _by_language(path.read_text(encoding="utf-8"), "en" if rel.parts[0] == "en" else "zh"):
            for find in finds(visible_text(html), reading_ids, set() if lang == "en" else codes):
                problems.append(f"{rel}{'' if lang == 'zh' else f' ({lang})'}: {find}")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        text = visible_text(unescape(doc["text"]) if "<" not in doc["text"] else doc["text"]).replace("\u200b", "")
        if AUTHORS_ONLY in doc["location"].split("/")[:2]:
            continue
        chinese = not doc["location"].startswith("en/")
        for find in finds(f"{doc['title']} {text}".replace("\u200b", ""), reading_ids, codes if chinese else set()):
            problems.append(f"search index {doc['location']}: {find}")
    assert not problems, f"{len(problems)} code(s) in reader-facing text:\n" + "\n".join(problems[:80])
