"""Every page under a strict Content-Security-Policy, with zero violations.

    default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:

No inline script, no eval, no inline style, no data: images. The site is served with that header on
every response (the Pyodide worker too: a dedicated worker loaded from a URL takes the policy of
its own response) plus `report-uri`, so violations are counted twice: `securitypolicyviolation`
events in the page (init script) and the reports the browser POSTs, which also cover the workers.

What had to change (see scripts/site/theme/main.html):
- mkdocs-material's inline <script>s (the __md_scope/__md_get bootstrap, the palette restore, the
  location-hash target fix) run from assets/mingbai/material-init.js, loaded where they stood;
- material's CSS icons are data: SVGs (blocked: img-src falls back to default-src 'self'); over
  http(s) assets/mingbai/material-icons.css points them at same-origin files.

Pyodide 0.29 under this policy: 'wasm-unsafe-eval' covers WebAssembly compilation (the interpreter
and Pyodide's small runtime-built wasm trampolines). pyodide.asm.js contains eval() only in
(1) addEmAsm/addEmJs, for EM_ASM/EM_JS code of dynamically loaded shared libraries (packages with
C extensions: loadPackage/micropip, which Mingbai never uses; nothing is vendored but the core),
(2) emscripten_run_script*, called by no CPython code, (3) a Node-only script loader. Booting,
importing calc and computing cause no eval (asserted below). What does fail: Python code evaluating
JavaScript text (pyodide.code.run_js, js.eval, js.Function.new) raises JsException(EvalError).
Should that ever be needed, the minimal extra source is 'unsafe-eval' in script-src (there is no
narrower keyword for JS eval); calc does not need it.

Pages here: every page of every language (no widget use; the home page searches); every calculator
once (and one embed page) in the languages but KEYBOARD_LANG, where test_a11y.py uses every control
of every widget on every policy page on the site served the same way.

Note for tests under CSP: Playwright's page.wait_for_function() evaluates its predicate with eval in
the page and is itself blocked; expect() and page.evaluate() are not (they run through the DevTools
protocol), so only those are used here.
"""
from __future__ import annotations

import importlib.util
import re
import sys
import time
from html.parser import HTMLParser

import pytest
from playwright.sync_api import expect

from page_audit import pages_of
from site_checks import (BOOT_TIMEOUT, CHECKED_LANGS, KEYBOARD_LANG, LANGS, RECORDER, Recorded, assert_nothing_wrong,
                         change_by_keyboard, expect_settled_shows_calc, one_page_per_calculator, serve_with_csp, tab_to_next)
from support import REPO, type_search

sys.path.insert(0, str(REPO))
from calc.data import load_policies  # noqa: E402

SEARCH_QUERY = "2023"     # in every language's pages (policy years)


@pytest.fixture(scope="module")
def csp_site(built_site):
    with serve_with_csp(built_site) as served:
        yield served


# --- the built HTML -----------------------------------------------------------------------------


class _Inline(HTMLParser):
    DATA_TYPES = {"application/json", "application/ld+json"}

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        line = self.getpos()[0]
        if tag == "script" and "src" not in a and (a.get("type") or "").lower() not in self.DATA_TYPES:
            self.problems.append(f"line {line}: inline <script {a}>")
        if tag == "style":
            self.problems.append(f"line {line}: <style> element")
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"line {line}: <{tag} style=\"{value}\">")
            elif name.startswith("on"):
                self.problems.append(f"line {line}: <{tag} {name}=...> (inline event handler)")
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"line {line}: <{tag} {name}=\"{value}\">")

    handle_startendtag = handle_starttag


@pytest.mark.browser
def test_built_html_has_no_inline_script_or_style(built_site):
    """The site as built: no inline script (JSON data blocks excepted), style attribute or element,
    inline event handler or javascript: URL, in any page of any language (SVG charts included)."""
    problems = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10, pages
    for html in pages:
        parser = _Inline()
        parser.feed(html.read_text(encoding="utf-8"))
        problems += [f"{html.relative_to(built_site)} {p}" for p in parser.problems]
    assert problems == [], "\n".join(problems[:40])
    for lang_root in ("", "en/"):
        text = (built_site / lang_root / "index.html").read_text(encoding="utf-8")
        assert text.count("assets/mingbai/material-init.js") >= 3, f"{lang_root}index.html lacks material-init.js"


def test_material_icon_files_are_current():
    """docs/assets/mingbai/material-icons* match the installed mkdocs-material's data: icons."""
    spec = importlib.util.spec_from_file_location("material_icons", REPO / "scripts" / "site" / "theme" / "material_icons.py")
    material_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(material_icons)
    stale = material_icons.stale_files()
    assert stale == [], f"run `.venv/bin/python scripts/site/theme/material_icons.py`; stale: {stale}"


# --- the recorder works -------------------------------------------------------------------------


@pytest.mark.browser
def test_recorder_sees_page_and_worker_violations(browser, tmp_path):
    """A control: an inline script in the page and an eval() in a worker are both caught."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><script>window.inlineRan = true;</script>'
        '<script src="page.js"></script></head><body>canary</body></html>', encoding="utf-8")
    (tmp_path / "page.js").write_text(
        'window.workerSaid = null; var w = new Worker("worker.js");'
        'w.onmessage = function (e) { window.workerSaid = e.data; };', encoding="utf-8")
    (tmp_path / "worker.js").write_text(
        'var out; try { out = "eval ran " + eval("1 + 1"); } catch (e) { out = e.name; } postMessage(out);',
        encoding="utf-8")
    (tmp_path / "favicon.ico").write_bytes(b"")
    with serve_with_csp(tmp_path) as (url, reports):
        context = browser.new_context()
        try:
            context.add_init_script(RECORDER)
            page = context.new_page()
            page.goto(url)
            deadline = time.monotonic() + 10
            while page.evaluate("window.workerSaid") is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert page.evaluate("window.inlineRan") is None, "the inline script ran"
            assert page.evaluate("window.workerSaid") == "EvalError"
            events = page.evaluate("window.__mbCsp")
            assert any(e.startswith("script-src-elem | inline") for e in events), events
            while len(reports) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            seen = {(r["effective-directive"], r["blocked-uri"], r["document-uri"].rsplit("/", 1)[-1]) for r in reports}
            assert ("script-src-elem", "inline", "") in seen, reports
            assert ("script-src", "eval", "worker.js") in seen, reports
        finally:
            context.close()


# --- the site -----------------------------------------------------------------------------------


def _use_one_widget(form, lang: str) -> None:
    """Keyboard-change the form's first control; wait for Pyodide's answer (awaited in the page)."""
    page = form.page
    form.locator(".mb-calc-title").click()
    tab_to_next(page, None)
    control = page.locator(":focus")
    assert form.locator(":focus").count() == 1, "Tab from the title did not reach the first control"
    change_by_keyboard(page, control)
    if lang in CHECKED_LANGS:   # the boot's seconds awaited in the page, not polled
        expect_settled_shows_calc(form, form.get_attribute("data-calc"), form.get_attribute("data-policy"), lang,
                                  timeout=BOOT_TIMEOUT)
    else:   # calc has no display text in this language: the worker's answer is in place
        expect(form.locator("ol.mb-steps > li[data-step]").first).to_be_attached(timeout=BOOT_TIMEOUT)
        expect(form.locator(".mb-result")).not_to_have_class(re.compile(r"\bmb-stale\b"))
    expect(form).to_have_attribute("data-mb-state", "ready")


def _search(page) -> None:
    type_search(page, SEARCH_QUERY)
    expect(page.locator(".md-search-result__item").first).to_be_attached(timeout=20_000)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_under_strict_csp(browser, built_site, csp_site, audited, lang):
    """Every page of the language and one embed page per calculator, as the page audit visited them (page_audit.py: this
    policy, a phone's screen, no widget use), and the home page with a search (the search worker). Zero
    violations, console errors or page errors; no request leaves 127.0.0.1; the material icons came from
    the same-origin files."""
    audit = audited(lang)
    assert [shown["kind"] for shown in audit.pages.values()].count("home") == 1, list(audit.pages)
    assert_nothing_wrong(audit.seen)
    assert audit.icons and all(status in (200, 304) for _, status in audit.icons), audit.icons
    url, reports = csp_site
    rec = Recorded(browser, reports)
    home = next(path for path, shown in audit.pages.items() if shown["kind"] == "home")
    rec.page.goto(url + home, wait_until="load")
    _search(rec.page)
    rec.visited(home)
    rec.close_and_check()


@pytest.mark.browser
@pytest.mark.parametrize("lang", [lang for lang in CHECKED_LANGS if lang != KEYBOARD_LANG])
def test_widgets_compute_under_strict_csp(browser, built_site, csp_site, lang):
    """Every calculator once, on few policy pages that together show them all, and one embed page: its
    first control changed from the keyboard, Pyodide boots in its worker under the policy and the answer
    shown is calc.run's. Zero violations (the reports include the worker's). The policy is the same on
    every page, and so are the worker and the widget's script (each boot costs seconds); in KEYBOARD_LANG
    test_a11y's keyboard test uses every control of every widget on every policy page under this policy."""
    url, reports = csp_site
    pages = pages_of(built_site, lang)
    policies = load_policies()
    shown = {path: policies[path.split("policies/", 1)[1].rstrip("/")]["calculators"]
             for path, kind in pages if kind == "policy"}
    chosen: list[tuple[str, list[str]]] = []   # (page, the calculators used there: those no earlier page used)
    for path in one_page_per_calculator(shown):
        chosen.append((path, [n for n in shown[path] if all(n not in names for _, names in chosen)]))
    embed = next(path for path, kind in pages if kind == "embed")
    chosen.append((embed, [embed.split("/")[1]]))   # embed/<calculator>/<policy id>/
    assert len(chosen) >= 2 and {name for _, names in chosen for name in names} == {
        name for names in shown.values() for name in names}, chosen
    rec = Recorded(browser, reports)
    for path, names in chosen:
        rec.page.goto(url + path, wait_until="load")
        for name in names:
            _use_one_widget(rec.page.locator(f'form.mb-calc[data-calc="{name}"]').first, lang)
        rec.visited(path)
    rec.close_and_check()
