"""Phones: a 360×740 touch screen.

- no page scrolls sideways (document.documentElement.scrollWidth <= innerWidth), in any language;
- on policy and embed pages nothing in the content is wider than the screen or needs a sideways
  scroll of its own (the figures table, charts, calculators) — code blocks excepted, they scroll
  by design;
- calculators: every control on screen, at least 24 px tall to tap (WCAG 2.5.8; a checkbox's
  target is its label), its label on screen; results readable (on screen, not clipped, at least 12 px); and one widget used by touch
  computes calc.run's answer.
"""
from __future__ import annotations

import pytest

from support import NO_IDLE_BOOT, guard_context, serve
from site_checks import BOOT_TIMEOUT, CHECKED_LANGS, LANGS, expect_shows_calc, site_pages

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
MIN_TARGET_PX = 24
MIN_TEXT_PX = 12

# Content wider than the screen: elements sticking out, and boxes that need a sideways scroll.
OVERFLOW_JS = """(root) => {
  const vw = window.innerWidth, out = [];
  const scope = document.querySelector(root);
  if (!scope) return ['no ' + root];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  for (const el of scope.querySelectorAll('*')) {
    if (el.closest('pre')) continue;                       // code blocks scroll by design
    const r = el.getBoundingClientRect();
    if (!r.width || getComputedStyle(el).visibility === 'hidden') continue;
    if (r.right > vw + 1 || r.left < -1) out.push(name(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
    const ox = getComputedStyle(el).overflowX;
    if ((ox === 'auto' || ox === 'scroll') && el.scrollWidth > el.clientWidth + 1)
      out.push(name(el) + ' scrolls sideways: ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  return out.slice(0, 10);
}"""

WIDGET_JS = """(minTarget) => {
  const vw = window.innerWidth, out = [];
  const onScreen = r => r.width > 0 && r.left >= -1 && r.right <= vw + 1;
  for (const form of document.querySelectorAll('form.mb-calc')) {
    for (const c of form.querySelectorAll('.mb-field input, .mb-field select')) {
      const r = c.getBoundingClientRect(), key = form.id + ' ' + (c.id || c.name + '=' + c.value);
      if (!onScreen(r)) out.push(key + ' off screen ' + Math.round(r.left) + '..' + Math.round(r.right));
      const label = c.closest('label') || form.querySelector('label[for="' + c.id + '"]');
      if (!label || !onScreen(label.getBoundingClientRect())) out.push(key + ' label off screen');
      // a checkbox's target is its label (tapping either toggles it)
      const target = c.type === 'checkbox' && label ? label.getBoundingClientRect() : r;
      if (target.height < minTarget) out.push(key + ' only ' + target.height + 'px tall to tap');
    }
    for (const el of form.querySelectorAll('.mb-result dt, .mb-result dd, .mb-steps li, .mb-chart svg')) {
      if (!el.getClientRects().length) continue;   // a folded row (calc says it does not apply) is not shown at all
      const r = el.getBoundingClientRect();
      if (!onScreen(r)) out.push(form.id + ' ' + el.tagName + ' off screen ' + Math.round(r.left) + '..' + Math.round(r.right));
      if (el.tagName !== 'svg') {
        if (el.scrollWidth > el.clientWidth + 1) out.push(form.id + ' ' + el.tagName + ' clipped: ' + el.textContent.slice(0, 40));
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < %d) out.push(form.id + ' ' + el.tagName + ' text ' + px + 'px');
      }
    }
  }
  return out.slice(0, 20);
}""" % MIN_TEXT_PX


@pytest.fixture(scope="module")
def site(built_site):
    with serve(built_site) as url:
        yield url


def _phone(browser):
    context = browser.new_context(locale="zh-CN", **PHONE)
    outside = guard_context(context)
    context.add_init_script(NO_IDLE_BOOT)
    return context, outside


def _pages(built_site, lang):
    pages = site_pages(built_site)
    own = [(p.path, p.kind) for p in pages if p.lang == lang and p.kind != "embed"]
    query = "" if lang == "zh" else f"?lang={lang}"
    return own + [(p.path + query, p.kind) for p in pages if p.kind == "embed"]


# chart text sizes (on screen), chart text cut at the chart's edge, and table charts on a page
CHART_JS = """() => {
    const texts = [...document.querySelectorAll('.mb-chart svg text, .mb-table-chart svg text')];
    const cut = texts.filter(t => {
        const box = t.getBBox(), view = t.ownerSVGElement.viewBox.baseVal;
        return box.x < -0.5 || box.x + box.width > view.width + 0.5;
    }).map(t => t.textContent);
    return [Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)), cut,
            document.querySelectorAll('.mb-table-chart svg').length];
}"""


@pytest.fixture(scope="module")
def on_a_phone(browser, built_site, site):
    """lang -> (what each page showed on a phone, requests that left 127.0.0.1): every page of the language
    and every embed page visited once in one phone-sized page, for the tests below that read it."""
    done: dict[str, tuple[dict[str, dict], list[str]]] = {}

    def of(lang: str) -> tuple[dict[str, dict], list[str]]:
        if lang not in done:
            context, outside = _phone(browser)
            seen: dict[str, dict] = {}
            try:
                page = context.new_page()
                for path, kind in _pages(built_site, lang):
                    page.goto(site + path, wait_until="load")
                    shown = {"kind": kind, "widths": page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")}
                    if kind in ("policy", "embed"):
                        shown["overflow"] = page.evaluate(OVERFLOW_JS, ".md-content" if kind == "policy" else "body")
                        shown["widgets"] = page.evaluate(WIDGET_JS, MIN_TARGET_PX)
                    if "policies/" in path:
                        shown["charts"] = page.evaluate(CHART_JS)
                    seen[path] = shown
            finally:
                context.close()
            done[lang] = (seen, outside)
        return done[lang]

    return of


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_wider_than_a_phone(on_a_phone, lang):
    """Every page of the language and every embed page: no sideways scroll; on policy and embed
    pages, content and calculators fit, controls can be tapped, results can be read."""
    seen, outside = on_a_phone(lang)
    problems: list[str] = []
    for path, shown in seen.items():
        width, inner = shown["widths"]
        if width > inner:
            problems.append(f"{path or '/'}: page scrolls sideways, {width} > {inner}")
        problems += [f"{path}: {p}" for p in shown.get("overflow", []) + shown.get("widgets", [])]
    assert problems == [], "\n".join(problems[:40])
    assert outside == [], outside


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


def test_chart_text_readable_on_a_phone(on_a_phone):
    """calc/charts.py (calculator charts) and scripts/site/table_chart.py (table pages) draw for a
    phone: chart text at least MIN_TEXT_PX on screen, and none of it cut off at the chart's edge
    (long legend lines wrap). On the policy and table pages in calc's languages."""
    sizes: dict[str, float] = {}
    clipped: dict[str, list[str]] = {}
    table_charts = 0
    for lang in CHECKED_LANGS:
        seen, outside = on_a_phone(lang)
        assert outside == [], outside
        for path, shown in seen.items():
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
