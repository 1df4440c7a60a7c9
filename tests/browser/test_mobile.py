"""Phones: a 360×740 touch screen.

- no page scrolls sideways (document.documentElement.scrollWidth <= innerWidth), in any language;
- on policy and embed pages nothing in the content is wider than the screen or needs a sideways
  scroll of its own (the figures table, charts, calculators) — code blocks excepted, they scroll
  by design;
- calculators: every control on screen, at least 24 px tall to tap (WCAG 2.5.8; a checkbox's
  target is its label), its label on screen; results readable (on screen, not clipped, at least 12 px); and one widget used by touch
  computes calc.run's answer.
The pages are seen on a phone once, by the page audit (page_audit.py), which other modules read too.
"""
from __future__ import annotations

import pytest

from support import NO_IDLE_BOOT, guard_context, serve
from page_audit import MIN_TEXT_PX, PHONE
from site_checks import BOOT_TIMEOUT, CHECKED_LANGS, LANGS, expect_shows_calc, site_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(built_site):
    with serve(built_site) as url:
        yield url


def _phone(browser):
    context = browser.new_context(locale="zh-CN", **PHONE)
    outside = guard_context(context)
    context.add_init_script(NO_IDLE_BOOT)
    return context, outside


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_wider_than_a_phone(audited, lang):
    """Every page of the language and one embed page per calculator (page_audit: seen on a phone): no sideways scroll;
    on policy and embed pages, content and calculators fit, controls can be tapped, results can be read."""
    audit = audited(lang)
    problems: list[str] = []
    for path, shown in audit.pages.items():
        width, inner = shown["widths"]
        if width > inner:
            problems.append(f"{path or '/'}: page scrolls sideways, {width} > {inner}")
        problems += [f"{path}: {p}" for p in shown.get("overflow", []) + shown.get("widgets", [])]
    assert problems == [], "\n".join(problems[:40])
    assert audit.seen["outside"] == [], audit.seen["outside"]


@pytest.mark.parametrize("lang", [CHECKED_LANGS[0]])
def test_a_calculator_by_touch(browser, built_site, site, lang):
    """Tap into the first calculator's fields and type, tap a checkbox: calc.run's answers appear."""
    path = next(p.path for p in site_pages(built_site) if p.lang == lang and p.kind == "policy")
    context, outside = _phone(browser)
    try:
        page = context.new_page()
        page.goto(site + path, wait_until="load")
        form = page.locator("form.mb-calc").first
        box = form.locator(".mb-field input:not([type=checkbox]):not([type=date])").first
        box.scroll_into_view_if_needed()
        box.tap()
        page.keyboard.press("End")
        page.keyboard.press("Backspace")
        page.keyboard.type("1")
        expect_shows_calc(form, lang, timeout=BOOT_TIMEOUT)
        checkbox = page.locator("form.mb-calc .mb-field input[type=checkbox]").first
        if checkbox.count():
            other = page.locator("#" + checkbox.evaluate("c => c.closest('form').id"))
            checkbox.scroll_into_view_if_needed()
            checkbox.tap()
            expect_shows_calc(other, lang)
    finally:
        context.close()
    assert outside == [], outside


def test_chart_text_readable_on_a_phone(audited):
    """calc/charts.py (calculator charts) and scripts/site/table_chart.py (table pages) draw for a
    phone: chart text at least MIN_TEXT_PX on screen, and none of it cut off at the chart's edge
    (long legend lines wrap). On the policy and table pages in calc's languages."""
    sizes: dict[str, float] = {}
    clipped: dict[str, list[str]] = {}
    table_charts = 0
    for lang in CHECKED_LANGS:
        audit = audited(lang)
        assert audit.seen["outside"] == [], audit.seen["outside"]
        for path, shown in audit.pages.items():
            if "charts" not in shown:
                continue
            smallest, cut, tables = shown["charts"]
            if smallest is not None and smallest != float("inf"):
                sizes[path] = round(smallest, 1)
            if cut:
                clipped[path] = cut
            table_charts += tables
    assert table_charts, "no table chart checked"
    assert sizes, "no charts"
    assert min(sizes.values()) >= MIN_TEXT_PX, sizes
    assert clipped == {}, clipped
