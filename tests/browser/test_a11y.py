"""Accessibility of the calculator pages: axe-core, accessible names, keyboard-only use.

- axe-core (npm devDependency, node_modules/axe-core/axe.min.js, injected from disk: nothing is
  downloaded) on every calculator page in zh and en, one in zh-Hant (every zh-Hant page is its zh page
  converted, markup for markup: tests/test_hant_pages.py), and one embed page per calculator in each (the
  others' widgets are their policy pages', tests/test_embed_markup.py), as loaded, and each
  calculator once in each language again with its results stale and the engine failed: no serious
  or critical violation. Found and fixed: aria-dialog-name on material's search dialog
  (scripts/site/theme/partials/search.html), color-contrast of material's footer copyright (site.css),
  of the widget's help/status/result labels (widget.css --mb-muted) and of stale results (were
  opacity .45). Nothing is excluded (KNOWN is empty).
- every widget control's accessible name (Chromium's accessibility tree, through the DevTools
  protocol) is its visible label, and Playwright's get_by_label finds it by that label;
- every widget used from the keyboard alone: Tab from the calculator's title reaches each control
  in order, keys change it (Space, arrows, typing), and the widget then shows exactly what
  CPython's calc.run computes for the inputs it holds (results, or calc's messages at the field).
  This runs on the site served with the strict CSP (test_csp.py) and asserts no violation too.
  Its cost is the engine's boot on each policy page and ~600 answers: per control it reads the focus and
  the control in one call (site_checks.tab_to_control), and awaits the answer in the page, reading the
  inputs and what the form shows in the same call (site_checks.expect_settled_shows_calc; polling as
  before only if that first look is not calc.run's answer). Driving fewer pages was measured and not
  taken: the forms' control sequences differ by policy (26 distinct among the 28 forms on zh policy pages).

axe's colour contrast runs once per look of text across a language's pages (axe_checks.py says why that
is sound; tests/browser/test_axe_checks.py tests the mechanism). link-in-text-block (~half of the other
rules' time on a policy page) once per link look was tried and not kept: links the rule never applies to
(material's hidden heading anchors, the active nav entry) recur on every page, so it ran every page anyway.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from site_checks import (ANSWER_TIMEOUT, BOOT_TIMEOUT, KEYBOARD_LANG, LANGS, Recorded, change_by_keyboard,
                         control_keys, expect_settled_shows_calc, one_embed_page_per_calculator, press_to_change,
                         serve_with_csp, site_pages, tab_to_control)
from axe_checks import preload_axe, run_axe
from support import NO_IDLE_BOOT, REPO, guard_context, serve, type_search

import calc  # noqa: E402  (the repository is on sys.path: site_checks)

# Each control of every widget, with the text a sighted user reads as its label.
CONTROLS_JS = """() => {
  const text = el => (el ? el.innerText : '').replace(/\\s+/g, ' ').trim();
  const out = [];
  for (const form of document.querySelectorAll('form.mb-calc')) {
    for (const c of form.querySelectorAll('.mb-field input, .mb-field select, .mb-field textarea, .mb-field fieldset')) {
      let label;
      if (c.tagName === 'FIELDSET') label = text(document.getElementById(c.getAttribute('aria-labelledby')));
      else if (c.closest('label')) label = text(c.closest('label'));
      else label = text(form.querySelector('label[for="' + c.id + '"]'));
      const help = c.closest('.mb-field').querySelector('.mb-help');
      out.push({form: form.id, key: c.id || (c.name + '=' + c.value), tag: c.tagName, label: label,
                help: c.getAttribute('aria-describedby') && help ? text(help) : null});
    }
  }
  return out;
}"""
CONTROL_SELECTOR = ".mb-calc .mb-field input, .mb-calc .mb-field select, .mb-calc .mb-field textarea, .mb-calc .mb-field fieldset"


def _calculator_pages(built_site: Path, lang: str) -> list[str]:
    """Every policy page of lang, and one embed page per calculator (its first policy's) in lang. Every
    other embed page shows the same frame around a widget whose markup is its policy page's, byte for byte
    but the assets path (tests/test_embed_markup.py), checked here on that policy page. In zh-Hant, one policy
    page: each is its zh page converted, element for element and attribute for attribute, with material's 繁體
    frame (tests/test_hant_pages.py), so axe and the accessible names meet the zh pages' markup, swept in zh;
    the embed pages, which switch language in the browser, all stay."""
    pages = site_pages(built_site)
    own = [p.path for p in pages if p.lang == lang and p.kind == "policy"]
    if lang == "zh-Hant":
        own = own[:1]
    embeds = one_embed_page_per_calculator([p.path for p in pages if p.kind == "embed"])
    return own + [path + ("" if lang == "zh" else f"?lang={lang}") for path in embeds]


def accessible_names(page) -> list[dict]:
    """Chromium's computed name and description for every widget control, in document order."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": CONTROL_SELECTOR})["nodeIds"]
        out = []
        for node_id in ids:
            nodes = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False})["nodes"]
            node = nodes[0]
            props = {k: (node.get(k) or {}).get("value") for k in ("name", "description", "role")}
            out.append(props)
        return out
    finally:
        cdp.detach()


@pytest.fixture(scope="module")
def site(built_site):
    with serve(built_site) as url:
        yield url


def _context(browser, **kwargs):
    # axe is injected as an inline script, which the pages' own <meta> CSP refuses (test_csp.py checks the CSP)
    context = browser.new_context(locale="zh-CN", bypass_csp=True, **kwargs)
    outside = guard_context(context)
    context.add_init_script(NO_IDLE_BOOT)
    return context, outside


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_axe_and_names_on_every_calculator_page(browser, built_site, site, lang):
    pages = _calculator_pages(built_site, lang)
    assert pages, f"no calculator pages in {lang}"
    context, outside = _context(browser)
    context.route("**/assets/pyodide/**", lambda route: route.abort())
    preload_axe(context)
    problems: list[str] = []
    looks: set[str] = set()   # colour contrast once per look of text (axe_checks)
    failed: set[str] = set()  # calculators seen with the engine failed
    try:
        page = context.new_page()
        for path in pages:
            page.goto(site + path, wait_until="load")
            problems += [f"{path} axe: {v}" for v in run_axe(page, looks=looks)]
            controls = page.evaluate(CONTROLS_JS)
            names = accessible_names(page)
            check_names(path, controls, names, page, problems)
            # each calculator, where it first shows in this language, changed with the engine failing to
            # load: stale results, the engine-error status (no Pyodide boot: the worker's Pyodide requests
            # are refused). The state's markup and style are the widget's, whatever the policy.
            fresh = page.evaluate("""failed => [...document.querySelectorAll('form.mb-calc')]
                .filter(f => !failed.includes(f.dataset.calc)).map(f => [f.id, f.dataset.calc])""", sorted(failed))
            for form_id, name in fresh:
                first = page.locator(f"#{form_id} .mb-field").first.locator("input, select").first
                first.focus()
                change_by_keyboard(page, first)
                failed.add(name)
            if fresh:
                for form_id, _ in fresh:
                    expect(page.locator(f"#{form_id}")).to_have_attribute("data-mb-state", "error")
                problems += [f"{path} axe (stale, engine error): {v}" for v in run_axe(page, "form.mb-calc", looks)]
    finally:
        context.close()
    assert problems == [], "\n".join(problems[:40])
    assert outside == [], outside
    assert failed == {c["name"] for c in calc.list_calculators()["calculators"] if c["policies"]}, failed


def check_names(path: str, controls: list[dict], names: list[dict], page, problems: list[str]) -> None:
    """Accessible name == visible label; the help text is in the description; get_by_label finds it."""
    assert len(controls) == len(names) and controls, (path, len(controls), len(names))
    for c, ax in zip(controls, names):
        where = f"{path} #{c['form']} {c['key']}"
        if not c["label"]:
            problems.append(f"{where}: no visible label")
        if ax["name"] != c["label"]:
            problems.append(f"{where}: accessible name {ax['name']!r} != visible label {c['label']!r}")
        if c["help"] and c["help"] not in (ax["description"] or ""):
            problems.append(f"{where}: description {ax['description']!r} lacks the help {c['help']!r}")
        if c["tag"] != "FIELDSET":
            by_label = page.locator(f"#{c['form']}").get_by_label(c["label"], exact=True)
            keys = by_label.evaluate_all("els => els.map(c => c.id || (c.name + '=' + c.value))")
            if keys != [c["key"]]:
                problems.append(f"{where}: get_by_label({c['label']!r}) finds {keys}")


@pytest.fixture(scope="module")
def csp_site(built_site):
    with serve_with_csp(built_site) as served:
        yield served


@pytest.mark.browser
def test_every_widget_by_keyboard_alone(browser, built_site, csp_site):
    """Tab reaches every control of every widget in order; each key press that changes a control
    brings calc.run's answer for the new inputs. In KEYBOARD_LANG only: the markup and the script
    are the same in every language (test_csp.py uses each widget's first control in the others).
    Served with the strict CSP: zero violations as well."""
    lang = KEYBOARD_LANG
    url, reports = csp_site
    pages = [p.path for p in site_pages(built_site) if p.lang == lang and p.kind == "policy"]
    assert pages
    rec = Recorded(browser, reports)
    page = rec.page
    problems: list[str] = []
    for path in pages:
        page.goto(url + path, wait_until="load")
        timeout = BOOT_TIMEOUT
        for form_id, name, policy in page.evaluate(
                "[...document.querySelectorAll('form.mb-calc')].map(f => [f.id, f.dataset.calc, f.dataset.policy])"):
            form = page.locator(f"#{form_id}")
            form.locator(".mb-calc-title").click()   # sets where sequential focus navigation starts
            focused = None
            for key in control_keys(form):
                focused, info = tab_to_control(page, focused)
                assert focused == key, f"{path} #{form_id}: Tab reached {focused!r}, expected {key!r}"
                pressed = press_to_change(page, info)
                try:
                    expect_settled_shows_calc(form, name, policy, lang, timeout=timeout)
                except AssertionError as exc:
                    problems.append(f"{path} #{form_id} {key} ({pressed}): {str(exc).splitlines()[0]}")
                timeout = ANSWER_TIMEOUT
        rec.visited(path)
    rec.close_and_check()
    assert problems == [], "\n".join(problems[:40])


def test_search_partial_is_materials_plus_a_name():
    """scripts/site/theme/partials/search.html is mkdocs-material's, with aria-label on the dialog only."""
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    ours = (REPO / "scripts" / "site" / "theme" / "partials" / "search.html").read_text(encoding="utf-8")

    def body(text: str) -> str:
        return re.sub(r"\A\{#-.*?-#\}\n", "", text, flags=re.S)   # the leading comment

    dialog = '<div class="md-search" data-md-component="search" role="dialog"'
    named = dialog + ' aria-label="{{ lang.t(\'search\') }}"'
    assert body(theirs).count(dialog + ">") == 1 and body(ours).count(named + ">") == 1
    assert body(ours).replace(named, dialog, 1) == body(theirs), \
        "mkdocs-material's partials/search.html changed: copy it again and keep the aria-label"


SEARCHES = {"zh": ("", "衡阳 灵活就业"), "en": ("en/", "Hengyang flexible employment"),
            "zh-Hant": ("zh-Hant/", "衡陽 靈活就業")}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_axe_on_search_results(browser, site, lang):
    """Reader search's results (issue 24: status line, section, snippet with marks) in each language:
    no serious or critical axe violation in the open search dialog."""
    root, query = SEARCHES[lang]
    context, outside = _context(browser)
    try:
        page = context.new_page()
        page.goto(site + root, wait_until="load")
        type_search(page, query)
        page.wait_for_selector(".md-search-result__item .mb-search-status", timeout=20_000)
        problems = run_axe(page, ".md-search")
    finally:
        context.close()
    assert problems == [], "\n".join(problems[:40])
    assert outside == [], outside
