"""Whole-site checks on the built HTML (no browser needed, but the same built site)."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser   # uses the browser tests' built_site fixture


def test_every_generated_html_block_was_filled_back(built_site) -> None:
    """scripts/site/html_slots.py placeholders never reach a page (a missing block stops the build)."""
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 50
    left = [str(p.relative_to(built_site)) for p in pages if "data-mb-html" in p.read_text(encoding="utf-8")]
    assert left == []
    policy = (built_site / "policies/hunan/hengyang/2023-flexible-employment/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<form class="mb-calc"', policy)) == 2 and 'class="mb-figures"' in policy


def test_not_found_page_is_in_the_default_language(built_site) -> None:
    """Each language's build writes the site's one 404.html; the hook keeps the zh one."""
    text = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in text and "<title>明白 Mingbai</title>" in text


def test_every_page_names_its_icon(built_site) -> None:
    """A page without <link rel="icon"> makes the browser ask for /favicon.ico, which the site has not: a 404 in
    the reader's console (the tests' server answers it with nothing, support.QuietHandler, for their own pages)."""
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 50
    missing = [str(p.relative_to(built_site)) for p in pages if '<link rel="icon"' not in p.read_text(encoding="utf-8")]
    assert missing == []
    assert not (built_site / "favicon.ico").exists()
