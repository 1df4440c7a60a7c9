"""Every stored-text page (sources/*.html, scripts/site/source_pages.py) in the built site, from its HTML.

tests/browser/test_sources.py visits one stored-text page per distinct markup (site_checks.one_page_per_markup:
the same elements and attributes, differing only in words and link targets) for the strict CSP and axe in
light and dark, and clicks through to 平江's from its policy page. What the words and targets change is
checked here, on every page, one test per page: the stored file shown verbatim (HTML-escaped, nothing else
changed) in a UTF-8 page; a title, a heading and every link with words (axe's document-title, empty-heading,
link-name); every link within the site leading to a built page.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from calc.data import load_policies

SOURCES = Path(__file__).resolve().parent.parent / "policies" / "sources"
PRE = re.compile(r'<pre class="mb-capture" lang="zh">(.*?)</pre>', re.S)
LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def _cited() -> list[str]:
    """Every stored file a policy cites (its capture and its simplified reading)."""
    return sorted({s[k] for p in load_policies().values() for s in p["sources"].values()
                   for k in ("file", "normalised") if s.get(k)})


def _words(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment)).strip()


@pytest.mark.parametrize("file", _cited())
def test_stored_text_page(built_site: Path, file: str) -> None:
    rel = f"sources/{file[:-len('.txt')]}.html"
    page = (built_site / rel).read_text(encoding="utf-8")
    assert page.count('<meta charset="utf-8">') == 1, f"{rel}: not declared UTF-8"
    (shown,) = PRE.findall(page)
    stored = (SOURCES / file).read_text(encoding="utf-8")
    assert html.unescape(shown).strip() == stored.strip(), f"{rel}: does not show {file} verbatim"
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", page, re.S)
    assert title and _words(title.group(1)), f"{rel}: no title"
    assert heading and _words(heading.group(1)), f"{rel}: no heading"
    links = LINK.findall(page)
    assert links, f"{rel}: no link back to a policy"
    for href, text in links:
        assert _words(text), f"{rel}: a link without words ({href})"
        if urlsplit(href).scheme:
            continue   # the original's address: not ours to resolve
        target = urlsplit(urljoin(f"https://site/{rel}", html.unescape(href))).path.lstrip("/")
        assert (built_site / target).is_file(), f"{rel}: {href} leads to no built page"
