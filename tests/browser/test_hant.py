"""Traditional Chinese pages: derived from the zh pages with OpenCC, same numbers, live widget in 繁體."""
from __future__ import annotations

import pytest

import calc

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
