"""The offline bundle (`make bundle`, scripts/bundle/offline_bundle.py), opened from file://.

The zip is built once for this module (a full offline build: ~half a minute), unzipped into a
temporary directory and opened by file:// URL in a context where every request that is not
file:, blob: or data: is aborted and recorded. Expected figures come from CPython's calc.run.

The pages of tests that compute nothing on load (the engine's idle boot off) open in one context for the
module, a new page each, the file:// origin's storage cleared after each test (a fresh context per test
cost ~0.9 CPU-s more); the page that computes on its own (default config) gets a fresh context.

No console error is allowed on a file:// page (issue 11: the theme's language switch used to fetch
sitemap.xml, three CORS errors a page; pages no longer carry the <link rel=alternate> that made it).
"""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support import REPO, type_search

pytestmark = [pytest.mark.browser, pytest.mark.site]   # the offline build

sys.path.insert(0, str(REPO))
import calc  # noqa: E402

MAX_ZIP_BYTES = 10 * 1000 * 1000
BOOT_TIMEOUT = 90_000
HENGYANG = "hunan/hengyang/2023-flexible-employment"
STALE = re.compile(r"\bmb-stale\b")
NOT_FILES = re.compile(r"^(?!(?:file|blob|data):)")


@pytest.fixture(scope="module")
def bundle_zip(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "scripts.bundle.offline_bundle", "--out", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        pytest.fail(f"offline_bundle.py failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    zips = list(out.glob("mingbai-offline-*.zip"))
    assert len(zips) == 1, zips
    return zips[0]


@pytest.fixture(scope="module")
def bundle_root(bundle_zip, tmp_path_factory) -> Path:
    """The zip unzipped somewhere else, as a user would."""
    where = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle_zip) as zf:
        zf.extractall(where)
    (top,) = list(where.iterdir())
    return top


QUIET = {"idleBoot": False}   # the config of the pages that compute on use only


def _guarded(browser, config: dict | None) -> tuple[object, list[str]]:
    """A context where every request that is not file:, blob: or data: is aborted and recorded."""
    context = browser.new_context(locale="zh-CN")
    outside: list[str] = []

    def route(r):
        outside.append(r.request.url)
        r.abort()

    # matched by the Playwright driver: only what leaves the file system comes to Python (support.OUTSIDE)
    context.route(NOT_FILES, route)
    if config is not None:
        import json

        context.add_init_script(f"window.MINGBAI_WIDGET_CONFIG = {json.dumps(config)};")
    return context, outside


class FilePage:
    def __init__(self, browser, url: str, config: dict | None = None, shared: tuple | None = None):
        """A new page in a fresh context for `config`, or in `shared` (a (context, outside) from _guarded, whose
        config it has)."""
        self.shared = shared is not None
        self.context, self.outside = shared if shared is not None else _guarded(browser, config)
        self.outside.clear()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.visit(url)

    def visit(self, url: str) -> None:
        """Move to url in this page (a fresh context per page costs ~3× the CPU of a navigation)."""
        self.page.goto(url, wait_until="load")

    def _console(self, msg):
        if msg.type != "error":
            return
        where = (msg.location or {}).get("url", "")
        self.errors.append(f"{msg.text} @ {where}")

    def assert_clean(self):
        assert self.outside == [], f"requests left the file system: {self.outside}"
        assert self.errors == [], f"console/page errors: {self.errors}"
        fetched = [u for u in self.requests if not u.startswith(("file:", "blob:", "data:"))]
        assert fetched == [], fetched

    def close(self):
        if not self.shared:
            self.context.close()
            return
        self.context.clear_cookies()
        if self.page.url.startswith("file:"):   # the next test starts with no storage of this one
            self.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        self.page.close()


@pytest.fixture(scope="module")
def quiet_context(browser):
    """The module's context for pages with the engine's idle boot off (QUIET)."""
    context, outside = _guarded(browser, QUIET)
    yield context, outside
    context.close()


@pytest.fixture
def open_file(browser, quiet_context):
    opened = []

    def _open(url: str, config: dict | None = None) -> FilePage:
        p = FilePage(browser, url, config, shared=quiet_context if config == QUIET else None)
        opened.append(p)
        return p

    yield _open
    for p in opened:
        p.close()


def test_zip_size_and_contents(bundle_zip):
    size = bundle_zip.stat().st_size
    assert size <= MAX_ZIP_BYTES, f"{bundle_zip.name}: {size / 1e6:.2f} MB > 10 MB"
    version = re.search(r'"version":\s*"([^"]+)"', (REPO / "package.json").read_text(encoding="utf-8")).group(1)
    assert bundle_zip.name == f"mingbai-offline-{version}.zip"
    with zipfile.ZipFile(bundle_zip) as zf:
        names = set(zf.namelist())
    top = f"mingbai-offline-{version}/"
    must = ["index.html", "en/index.html", f"policies/{HENGYANG}.html", f"en/policies/{HENGYANG}.html",
            "search/search_index.js", "assets/mingbai/offline/engine.js", "assets/mingbai/offline/native-worker.js",
            "assets/vendor/iframe-worker/shim.js", "assets/mingbai/widget.js", "assets/mingbai/calc-worker.js"]
    must += [f"embed/{c['name']}/index.html" for c in calc.list_calculators()["calculators"] if c["policies"]]
    missing = [m for m in must if top + m not in names]
    assert missing == [], missing
    # embedded in engine.js instead
    assert top + "assets/pyodide/pyodide.asm.wasm" not in names


def months(page, value: str):
    form = page.locator(f'form.mb-calc[data-calc="flexible-contribution"][data-policy="{HENGYANG}"]')
    form.locator('.mb-field[data-field="months"] input').fill(value)
    return form


def test_calculators_compute_from_file_url(open_file, bundle_root):
    p = open_file((bundle_root / "policies" / f"{HENGYANG}.html").as_uri())
    page = p.page
    want = calc.run("flexible-contribution", HENGYANG, {"months": "6"})
    form = months(page, "6")
    period = form.locator('[data-output="period_total"]')
    expect(period).to_have_text(want["display"]["period_total"]["zh"], timeout=BOOT_TIMEOUT)
    expect(form.locator(".mb-result")).not_to_have_class(STALE)
    expect(form.locator(".mb-status")).to_have_text("就绪")
    expect(form.locator("ol.mb-steps > li").last).to_have_text(want["steps"][-1]["zh"])

    # a second calculator on the page, same (Blob) worker
    arrears = page.locator(f'form.mb-calc[data-calc="flexible-arrears"][data-policy="{HENGYANG}"]')
    unpaid = arrears.locator('.mb-field[data-field="unpaid_months"] input').input_value()
    arrears.locator('.mb-field[data-field="payment_date"] input').fill("2023-08-20")
    want2 = calc.run("flexible-arrears", HENGYANG, {"unpaid_months": unpaid, "payment_date": "2023-08-20"})
    assert want2["ok"], want2
    expect(arrears.locator(".mb-result")).not_to_have_class(STALE, timeout=BOOT_TIMEOUT)
    for name, text in want2["display"].items():
        out = arrears.locator(f'dd[data-output="{name}"]')
        if out.count():
            expect(out).to_have_text(text["zh"])
    # the engine came out of engine.js: no Pyodide file was requested
    assert not [u for u in p.requests if "/assets/pyodide/" in u], p.requests
    p.assert_clean()


def test_english_page_computes_and_switches_language(open_file, bundle_root):
    p = open_file((bundle_root / "index.html").as_uri(), config=QUIET)
    page = p.page
    expect(page.locator("h1").first).to_have_text(re.compile("明白纸"))
    # the home page's place picker folds places (province → city): open them, as a reader would, then follow
    # the link the page shows (the "today" box also holds links in verdicts for other days, hidden)
    page.locator("details.mb-place").evaluate_all("ds => ds.forEach(d => { d.open = true; })")
    page.locator(f'a[href$="policies/{HENGYANG}.html"]:visible').first.click()
    page.wait_for_url(re.compile(re.escape(f"/policies/{HENGYANG}.html") + "$"))
    # the language selector: hover the button, follow English
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(re.compile(re.escape(f"/en/policies/{HENGYANG}.html") + "$"))
    assert page.evaluate("document.documentElement.lang") == "en"
    want = calc.run("flexible-contribution", HENGYANG, {"months": "3"})
    form = months(page, "3")
    expect(form.locator('[data-output="period_total"]')).to_have_text(
        want["display"]["period_total"]["en"], timeout=BOOT_TIMEOUT)
    expect(form.locator(".mb-status")).to_have_text("Ready")
    p.assert_clean()


def test_search_from_file_url(open_file, bundle_root):
    p = open_file((bundle_root / "index.html").as_uri(), config=QUIET)
    page = p.page
    type_search(page, "灵活就业")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any(f"policies/{HENGYANG}.html" in href for href in links), links
    assert all(href.startswith("file:") for href in links), links
    assert not any("authoring" in href or "/embed" in href for href in links), links   # reader search (issue 24)
    p.assert_clean()


def test_embed_address_opens_its_policy_from_file_url(open_file, bundle_root):
    """embed/<calculator>/index.html?policy=… moves on to that policy's page (file:// has no
    directory index: embed.js names index.html) and shows its prerendered form."""
    url = (bundle_root / "embed" / "flexible-contribution" / "index.html").as_uri() + f"?policy={HENGYANG}&lang=en"
    p = open_file(url, config=QUIET)
    form = p.page.locator("form.mb-calc")
    expect(form).to_have_attribute("data-policy", HENGYANG)
    assert p.page.url.endswith(f"embed/flexible-contribution/{HENGYANG}/index.html?policy={HENGYANG}&lang=en")
    want = calc.run("flexible-contribution", HENGYANG, {"months": form.locator('input[name="months"]').input_value()})
    expect(form.locator('[data-output="annual_total"]')).to_have_text(want["display"]["annual_total"]["en"])
    p.assert_clean()


LOCALES = ("zh", "en", "zh-Hant")


@pytest.mark.parametrize("lang", LOCALES)
def test_no_console_errors_on_file_pages(open_file, bundle_root, lang):
    """A policy page, the home page and a calculator embed, in each language: not one console
    error (no sitemap.xml fetch), and nothing requested outside the file system."""
    prefix = "" if lang == "zh" else f"{lang}/"
    item = next(c for c in calc.list_calculators()["calculators"] if c["policies"])
    urls = [(bundle_root / f"{prefix}policies/{HENGYANG}.html").as_uri(),
            (bundle_root / f"{prefix}index.html").as_uri(),
            (bundle_root / "embed" / item["name"] / "index.html").as_uri() + f"?policy={item['policies'][0]}&lang={lang}"]
    p = open_file("about:blank", config=QUIET)
    for url in urls:
        p.visit(url)
        p.page.wait_for_load_state("networkidle")
        p.page.wait_for_timeout(500)   # material's page scripts run after load
        assert not [u for u in p.requests if u.endswith("sitemap.xml")], f"{url}: fetched a sitemap"
        p.assert_clean()
