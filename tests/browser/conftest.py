"""Fixtures for the Playwright (sync API) browser tests.

- `built_site` (tests/conftest.py): the real site, `mkdocs build --strict`, shared (tests/site_cache.py);
- `site_url`: that directory served on 127.0.0.1 (random port, threaded http.server);
- `fixture_site` / `fixture_url`: tests/browser/fixtures/*.html + docs/assets/mingbai/ (the widget
  bundled from its modules, as the site has it) + a calc bundle + vendored Pyodide, served the same way (widget behaviours the real pages cannot
  trigger: every input type, a broken engine, the file:// Blob-worker design);
- `open_page`: opens a URL in a new page of the worker's guarded context (`shared_contexts`, one per set of
  context options — `javascript`, viewport, is_mobile, color_scheme…: a fresh context costs ~0.9 CPU-s more than a page), wiped between tests so that each
  starts as in a fresh context (no pages, cookies, storage or HTTP cache of an earlier test; the pages one test
  opens share them, as a reader's tabs do); collects console errors, page errors and every request that tried
  to leave 127.0.0.1 (`hold`: URLs left unanswered). A test that changes its context (routes, init scripts,
  permissions, a clock, offline) asks for `own_context=True`: the shared context's view refuses such changes;
- `searches` (module): support.SearchPage, one page that a module's searches are made in, one after another.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # `support`, whatever pytest's import mode
from support import REPO, Opened, SearchPage, SharedContexts, launch_chromium, open_guarded, serve  # noqa: E402

from scripts.bundle.bundle_calc import write_calc_bundle, write_policy_data  # noqa: E402  (REPO: support)
from scripts.bundle.vendor_pyodide import vendor_pyodide  # noqa: E402
from scripts.bundle.widget_bundle import write_widget_bundle  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WIDGET_ASSETS = REPO / "docs" / "assets" / "mingbai"

@pytest.fixture(scope="session")
def playwright_instance():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian chromium (/usr/bin/chromium) is not installed")
    b = launch_chromium(playwright_instance, for_tests=True)
    yield b
    b.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def audited(browser, built_site):
    """lang -> page_audit.Audit: every page of the language visited once, on the site under the strict CSP
    in a phone's screen, for every test that only reads pages (tests/conftest.py keeps them on one worker)."""
    from page_audit import audit_pages
    from site_checks import serve_with_csp

    done = {}
    with serve_with_csp(built_site) as (url, reports):
        def of(lang: str):
            if lang not in done:
                done[lang] = audit_pages(browser, built_site, url, reports, lang)
            return done[lang]

        yield of


def _compiled_policies() -> dict:
    sys.path.insert(0, str(REPO))
    from calc.data import load_policies

    return load_policies()


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fixture-site")
    shutil.copytree(FIXTURES, root / "fixtures")
    shutil.copytree(WIDGET_ASSETS, root / "assets" / "mingbai", ignore=shutil.ignore_patterns("widget"))
    write_widget_bundle(WIDGET_ASSETS / "widget", root / "assets" / "mingbai" / "widget.js")
    write_calc_bundle(REPO / "calc", root / "assets" / "mingbai" / "calc-bundle.js")
    write_policy_data(_compiled_policies(), root / "assets" / "mingbai")
    vendor_pyodide(REPO / "node_modules", root / "assets" / "pyodide")
    # A worker that loads, next to no Pyodide: importScripts fails inside the worker.
    (root / "broken-assets" / "mingbai").mkdir(parents=True)
    shutil.copy2(WIDGET_ASSETS / "calc-worker.js", root / "broken-assets" / "mingbai" / "calc-worker.js")
    return root


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def shared_contexts(browser):
    """The worker's shared contexts for open_page (one per set of context options)."""
    shared = SharedContexts(browser)
    yield shared
    shared.close()


@pytest.fixture
def open_page(browser, shared_contexts):
    """open_guarded for a test: a new page in the worker's shared context, wiped after the test
    (SharedContexts.reset); own_context=True: a fresh context, for a test that changes its context (a route, an
    init script, a permission, a clock), closed after the test."""
    contexts = []
    shared_contexts.outside.clear()   # the guard's record is this test's from here on

    def _open(url: str, javascript: bool = True, config: dict | None = None, hold: tuple[str, ...] = (),
              own_context: bool = False, **options) -> Opened:
        if own_context:
            opened = open_guarded(browser, url, javascript, config, hold, **options)
            contexts.append(opened.context)
            return opened
        return open_guarded(browser, url, javascript, config, hold, shared=shared_contexts, **options)

    yield _open
    for c in contexts:
        c.close()
    shared_contexts.reset()


@pytest.fixture(scope="module")
def searches(browser):
    """The module's searches, made one after another in one page per language (support.SearchPage: each from an
    empty box, no result listed)."""
    page = SearchPage(browser)
    yield page
    page.close()
