"""One visit per page for the checks that only read a page: the page audit.

Three sweeps read every page of a language — the strict CSP (test_csp.py: violations, console and page
errors, requests leaving 127.0.0.1, the icon files), a phone's screen (test_mobile.py: nothing wider than
the screen, calculators that fit and can be tapped, chart text) and mojibake (test_sources.py: what a
policy page shows). Each visit costs the same page load (~0.6 s of a core: material's bundle, style and
layout), so they share one: every page of the language and one embed page per calculator (pages_of says why
the others add nothing a policy page does not show), on the site served with the strict CSP, in a phone-sized
touch screen, with the engine's idle boot off (nothing here computes).

`audit_pages(browser, site, url, reports, lang)` → Audit; the browser conftest's session fixture
`audited(lang)` makes each language's once per worker (tests/conftest.py keeps its readers on one).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from site_checks import Recorded, one_embed_page_per_calculator, site_pages

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


@dataclass
class Audit:
    """What one language's pages showed. `pages`: URL path -> {"kind", "widths": [scrollWidth, innerWidth],
    on policy and embed pages "overflow" and "widgets" (problems), on policy and table pages "charts"
    (CHART_JS), on policy pages "text" (body's innerText) and "html"}. `seen`: what went wrong on the whole
    visit (site_checks.Recorded.close: CSP violations and reports, console and page errors, requests that
    left 127.0.0.1); `icons`: the material icon files fetched (URL, status)."""
    pages: dict[str, dict] = field(default_factory=dict)
    seen: dict[str, list[str]] = field(default_factory=dict)
    icons: list[tuple[str, int]] = field(default_factory=list)


def pages_of(built_site: Path, lang: str) -> list[tuple[str, str]]:
    """(URL path, kind) of lang's pages, home first, then one embed page per calculator (with ?lang=: each
    carries every language). The other embed pages are the same frame around a widget whose markup is its
    policy page's (site_checks.one_embed_page_per_calculator), seen here on that policy page."""
    pages = site_pages(built_site)
    own = [p for p in pages if p.lang == lang and p.kind != "embed"]
    own.sort(key=lambda p: (p.kind != "home", p.path))
    query = "" if lang == "zh" else f"?lang={lang}"
    embeds = one_embed_page_per_calculator([p.path for p in pages if p.kind == "embed"])
    return [(p.path, p.kind) for p in own] + [(path + query, "embed") for path in embeds]


def audit_pages(browser, built_site: Path, url: str, reports: list, lang: str) -> Audit:
    """Visit every page of `lang` once (site_checks.serve_with_csp's url and reports) and record it."""
    rec = Recorded(browser, reports, **PHONE)
    audit = Audit()
    page = rec.page
    for path, kind in pages_of(built_site, lang):
        page.goto(url + path, wait_until="load")
        shown: dict = {"kind": kind, "widths": page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")}
        if kind in ("policy", "embed"):
            shown["overflow"] = page.evaluate(OVERFLOW_JS, ".md-content" if kind == "policy" else "body")
            shown["widgets"] = page.evaluate(WIDGET_JS, MIN_TARGET_PX)
        if "policies/" in path:
            shown["charts"] = page.evaluate(CHART_JS)
        if kind == "policy":
            shown["text"] = page.inner_text("body")
            shown["html"] = page.content()
        audit.pages[path] = shown
        rec.visited(path)
    audit.icons = list(rec.icons)
    audit.seen = rec.close()
    return audit
