"""Fixtures for the Playwright (sync API) browser tests.

- `built_site` (tests/conftest.py): the real site, `mkdocs build --strict`, shared (tests/site_cache.py);
- `site_url`: that directory served on 127.0.0.1 (random port, threaded http.server);
- `fixture_site` / `fixture_url`: tests/browser/fixtures/*.html + docs/assets/mingbai/ (the widget
  bundled from its modules, as the site has it) + a calc bundle + vendored Pyodide, served the same way (widget behaviours the real pages cannot
  trigger: every input type, a broken engine, the file:// Blob-worker design);
- `open_page`: opens a URL in a fresh, guarded browser context (cold cache) and collects
  console errors, page errors and every request that tried to leave 127.0.0.1 (`hold`: URLs left unanswered).
"""
from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # `support`, whatever pytest's import mode
from support import REPO, guard_context, launch_chromium, serve  # noqa: E402

from scripts.bundle.bundle_calc import write_calc_bundle, write_policy_data  # noqa: E402  (REPO: support)
from scripts.bundle.vendor_pyodide import vendor_pyodide  # noqa: E402
from scripts.bundle.widget_bundle import write_widget_bundle  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WIDGET_ASSETS = REPO / "docs" / "assets" / "mingbai"

# Records what .mb-status showed over time (the loading progress is transient).
STATUS_LOG_SCRIPT = """
window.__mbStatusLog = [];
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".mb-status").forEach(function (el) {
    var last = null;
    var note = function () {
      var t = el.textContent;
      if (t !== last) { last = t; window.__mbStatusLog.push(t); }
    };
    note();
    new MutationObserver(note).observe(el, {subtree: true, childList: true, characterData: true});
  });
});
"""


@pytest.fixture(scope="session")
def playwright_instance():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian chromium (/usr/bin/chromium) is not installed")
    b = launch_chromium(playwright_instance)
    yield b
    b.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


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


@dataclass
class Opened:
    page: object
    context: object
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    outside: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    def status_log(self) -> list[str]:
        return self.page.evaluate("window.__mbStatusLog || []")

    def assert_clean(self):
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"
        assert self.page_errors == [], f"uncaught page errors: {self.page_errors}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


@pytest.fixture
def open_page(browser):
    contexts = []

    def _open(url: str, javascript: bool = True, config: dict | None = None, hold: tuple[str, ...] = ()) -> Opened:
        """hold: URL globs never answered (e.g. the engine's worker: it neither starts nor fails, for a
        test of what a page does before calc's answer, without paying a Pyodide boot)."""
        context = browser.new_context(java_script_enabled=javascript, locale="zh-CN")
        contexts.append(context)
        opened = Opened(page=None, context=context)
        opened.outside = guard_context(context)
        for pattern in hold:   # routes registered later are asked first; this one leaves the request pending
            context.route(pattern, lambda route: None)
        if config is not None:
            import json

            context.add_init_script(f"window.MINGBAI_WIDGET_CONFIG = {json.dumps(config)};")
        context.add_init_script(STATUS_LOG_SCRIPT)
        page = context.new_page()
        opened.page = page
        page.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))   # worker requests included
        # (console messages from the worker are reported on the page as well)
        page.goto(url, wait_until="load")
        return opened

    yield _open
    for c in contexts:
        c.close()
