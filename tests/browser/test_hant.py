"""Traditional Chinese pages: derived from the zh pages with OpenCC, same numbers, live widget in 繁體."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

import calc
from support import SETTLED_JS

pytestmark = pytest.mark.browser
PAGE = "/zh-Hant/policies/hunan/hengyang/2023-flexible-employment/"
FORM = 'form.mb-calc[data-calc="flexible-contribution"]'


def test_hant_page_shows_traditional_text_and_the_same_numbers(open_page, site_url: str) -> None:
    opened = open_page(site_url + PAGE, javascript=False)
    page = opened.page
    assert "衡陽市" in page.locator("h1").text_content()
    body = page.locator("article").text_content()
    assert "繳費" in body and "缴费" not in body
    form = page.locator(FORM)
    expected = calc.run("flexible-contribution", "hunan/hengyang/2023-flexible-employment", {"months": 12})
    assert form.locator('[data-output="period_total"]').text_content() == expected["display"]["period_total"]["zh"]
    assert form.get_attribute("data-lang") == "zh-Hant"


def test_hant_widget_computes_and_speaks_traditional(open_page, site_url: str) -> None:
    opened = open_page(site_url + PAGE)
    page = opened.page
    form = page.locator(FORM)
    months = form.locator("input[name=months]")
    months.fill("6")
    page.wait_for_function(
        f"""() => document.querySelector('{FORM} [data-output="period_total"]').textContent.includes('1811.28')""",
        timeout=60_000)
    steps = form.locator("ol.mb-steps").text_content()
    assert "繳費基數" in steps and "缴费" not in steps
    months.fill("13")
    error = form.locator(".mb-field[data-field=months] .mb-error")
    error.wait_for(state="visible", timeout=30_000)
    assert error.text_content() == "繳費月數須在 1 到 12 之間。"
    opened.assert_clean()


def test_language_switcher_offers_three_languages(open_page, site_url: str) -> None:
    opened = open_page(site_url + PAGE, javascript=False)
    names = [t.strip() for t in opened.page.locator(".md-select__link").all_text_contents()]
    assert names == ["中文", "English", "繁體中文"]


def test_hant_chart_is_marked_hant_as_built_and_as_computed(open_page, site_url: str) -> None:
    """A chart on a 繁體 page holds converted text and says so (lang="zh-Hant": the Traditional font's glyphs, a
    screen reader's voice), in the page as built (scripts/site/hant.py) and once the engine has drawn it again
    (widget results.js)."""
    opened = open_page(site_url + "zh-Hant/policies/hunan/yueyang/pingjiang/2023-resident/")
    page = opened.page
    form = page.locator('form.mb-calc[data-calc="resident-contribution"]')
    svg = form.locator('figure[data-chart="who_pays"] svg')
    expect(svg).to_have_attribute("lang", "zh-Hant")
    form.locator('.mb-field[data-field="categories"] input[type=checkbox]').first.check()
    page.wait_for_function(f"f => f.getAttribute('data-mb-state') === 'ready' && ({SETTLED_JS})(f)",
                           arg=form.element_handle(), timeout=60_000, polling=100)   # calc's answer to the change
    expect(svg).to_have_attribute("lang", "zh-Hant")
    assert "繳" in svg.text_content() and "缴" not in svg.text_content(), svg.text_content()
    opened.assert_clean()
