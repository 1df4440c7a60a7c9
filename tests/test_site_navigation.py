"""Navigation and listing pages for many policies (scripts/site/nav.py, listing_pages.py).

Provinces are collapsed nav sections led by their own page, so a page's navigation (with
navigation.prune) is the top level plus its own province: it does not grow with the number
of provinces' places. The home page lists a province's policies only up to HOME_LIST_MAX.
"""
from __future__ import annotations

import copy
import posixpath
import re

import pytest

from scripts.policy.loader import load_all
from scripts.site.jinja_env import environment
from scripts.site.listing_pages import HOME_LIST_MAX, render_home, render_province
from scripts.site.nav import PROVINCE_WIDE, nav
from scripts.site.page_paths import page_path, province_of, province_page_path, table_page_path
from scripts.site.table_pages import table_parameters

HENGYANG = "hunan/hengyang/2023-flexible-employment"


@pytest.fixture(scope="module")
def real() -> dict[str, dict]:
    policies, problems = load_all()
    assert not problems
    return policies


def _many(template: dict, provinces: int, counties: int) -> dict[str, dict]:
    """The 衡阳 policy copied to `counties` made-up counties in each of `provinces` provinces."""
    out = {}
    for p in range(provinces):
        for c in range(counties):
            policy = copy.deepcopy(template)
            policy["id"] = f"p{p:02d}/c{c // 10:02d}/k{c:03d}/2023-flexible-employment"
            policy["jurisdiction"] = {"province": {"zh": f"省{p:02d}", "en": f"Province {p:02d}"},
                                      "city": {"zh": f"市{c // 10:02d}", "en": f"City {c // 10:02d}"},
                                      "county": {"zh": f"县{c:03d}", "en": f"County {c:03d}"}}
            out[policy["id"]] = policy
    return out


def test_provinces_are_sections_led_by_their_own_page(real):
    entries, translations = nav(real)
    assert list(entries[0]) == ["首页"] and [list(e)[0] for e in entries[-2:]] == ["嵌入计算器", "关于本站"]
    # the provinces come from the policies' own jurisdiction (no list kept here)
    slugs = {p["jurisdiction"]["province"]["zh"]: province_of(pid) for pid, p in real.items()}
    provinces = [e for e in entries if list(e)[0] in slugs]
    assert {list(e)[0] for e in provinces} == set(slugs)
    for entry in provinces:
        (name, children), = entry.items()
        slug = slugs[name]
        assert children[0] == province_page_path(slug, "zh")
        for place in children[1:]:
            (_, pages), = place.items()
            assert all(page.startswith(f"policies/{slug}/") for page in pages)
    hunan = next(e["湖南省"] for e in provinces if "湖南省" in e)
    places = {list(p)[0]: list(p.values())[0] for p in hunan[1:]}
    # the province's own policy is under 全省, not a second 湖南省
    province_wide = sorted(pid for pid in real if pid.startswith("hunan/") and pid.count("/") == 1)
    assert places[PROVINCE_WIDE[0]] == [page for pid in province_wide for page in
                                        [page_path(pid, "zh")] + [table_page_path(pid, n, "zh") for n in table_parameters(real[pid])]]
    assert translations[PROVINCE_WIDE[0]] == PROVINCE_WIDE[1] and translations["湖南省"] == "Hunan Province"


def test_top_level_stays_the_same_size_as_places_grow(real):
    small, _ = nav(_many(real[HENGYANG], provinces=31, counties=3))
    large, _ = nav(_many(real[HENGYANG], provinces=31, counties=40))
    sections = [e for e in large if list(e)[0].startswith("省")]
    assert len(small) == len(large) == len(sections) + len(nav({})[0]) + 1   # provinces, the fixed pages, compare
    section = next(e for e in large if "省07" in e)["省07"]
    assert len(section) == 1 + 40   # its page, then its places: only this province's


def test_home_lists_small_provinces_and_links_large_ones(real):
    policies = {**_many(real[HENGYANG], provinces=2, counties=HOME_LIST_MAX + 1), **real}
    for lang, more in (("zh", f"本省全部 {HOME_LIST_MAX + 1} 项政策"), ("en", f"All {HOME_LIST_MAX + 1} policies in this province")):
        home = render_home(environment(), policies, lang)
        assert f"[{more}](policies/p00/index.md)" in home and f"[{more}](policies/p01/index.md)" in home
        assert "k000" not in home   # listed on the province's page instead
        assert f"]({page_path(HENGYANG, 'zh')})" in home   # 湖南: four policies, listed here


def test_province_page_lists_and_links_every_policy_of_the_province(real):
    policies = {**_many(real[HENGYANG], provinces=2, counties=HOME_LIST_MAX + 1), **real}
    for lang in ("zh", "en"):
        text = render_province(environment(), "p01", policies, lang)
        links = re.findall(r"\]\(([^)]+\.md)\)", text)
        targets = {posixpath.normpath(posixpath.join("policies/p01", link)) for link in links}
        assert targets == {page_path(pid, "zh") for pid in policies if pid.startswith("p01/")}
    hunan = render_province(environment(), "hunan", real, "en")
    assert hunan.startswith("---\ntitle: \"Medical insurance policies: Hunan Province\"")
    assert "hengyang/2023-flexible-employment.md" in hunan and "zhoukou" not in hunan
