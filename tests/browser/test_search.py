"""Chinese search: reader search (docs/assets/mingbai/search-worker.js) matches pages and queries by character
bigrams, so 灵活就业 finds the flexible-employment pages."""
from __future__ import annotations

import pytest
from support import type_search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query, expected", [("灵活就业", "hunan/hengyang/2023-flexible-employment"),
                                             ("缴费基数", "hunan/hengyang/2023-flexible-employment"),
                                             ("平江", "hunan/yueyang/pingjiang/2023-resident")])
def test_chinese_query_finds_the_policy_page(open_page, site_url: str, query: str, expected: str) -> None:
    opened = open_page(site_url + "/")
    page = opened.page
    type_search(page, query)
    page.wait_for_selector(".md-search-result__item", timeout=45_000)   # the index loads on first use; under make test two Chromiums share 2 cores
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any(expected in href for href in links), links
    opened.assert_clean()
