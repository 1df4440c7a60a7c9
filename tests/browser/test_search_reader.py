"""Reader search (issue 24), in the built site: the query code is ours (assets/mingbai/search-worker.js).

- 新生儿 is searched whole (the links carry h=新生儿, never h=新);
- each hit shows one status, judged from the policy's dates, and a short snippet — never a table dump;
- the authoring and embed pages are not among readers' results;
- the policy page of the reader's place comes first (衡阳, a mistyped 衡杨, Pingjiang in English).

The queries are typed one after another in one page per language (conftest's `searches`, support.SearchPage),
each from an empty box with no result listed: a reader's next search, not a new page and index per query.
"""
from __future__ import annotations

from urllib.parse import unquote

import pytest
from support import SearchPage

pytestmark = pytest.mark.browser

HITS = """els => els.map(li => ({
  href: li.querySelector('.md-search-result__link').href,
  statuses: li.querySelectorAll('.mb-search-status').length,
  state: (li.querySelector('.mb-search-status') || {}).textContent || '',
  snippet: (li.querySelector('.mb-search-snippet') || {}).textContent || ''}))"""


def _hits(searches: SearchPage, url: str, query: str) -> list[dict]:
    opened = searches.search(url, query)
    page = opened.page
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    page.wait_for_timeout(300)
    hits = page.eval_on_selector_all(".md-search-result__item", HITS)
    opened.assert_clean()
    return hits


def test_newborn_hits_are_whole_word_one_status_short_snippet(searches, site_url: str) -> None:
    hits = _hits(searches, site_url + "/", "新生儿")
    assert hits
    for hit in hits:
        href = unquote(hit["href"])
        assert "h=新生儿" in href, href
        assert "/authoring/" not in href and "/embed/" not in href, href
        assert hit["statuses"] <= 1, hit
        assert len(hit["snippet"]) <= 130, hit["snippet"]
    policies = [h for h in hits if "/policies/" in h["href"] and h["statuses"]]
    assert policies and all(h["state"].startswith(("现行有效", "尚未施行", "已失效")) for h in policies), policies


@pytest.mark.parametrize("root, query, first", [
    ("/", "衡阳", "/policies/hunan/hengyang/"),
    ("/", "衡杨", "/policies/hunan/hengyang/"),
    ("/en/", "Pingjiang newborn", "/en/policies/hunan/yueyang/pingjiang/2023-resident/"),
    ("/zh-Hant/", "寶寶醫保", "/zh-Hant/policies/hunan/2026-resident/"),
])
def test_the_place_policy_comes_first_and_no_authoring(searches, site_url: str, root: str, query: str, first: str) -> None:
    hits = _hits(searches, site_url + root, query)
    assert first in hits[0]["href"], [h["href"] for h in hits]
    assert not any("/authoring/" in h["href"] or "/embed/" in h["href"] for h in hits)
