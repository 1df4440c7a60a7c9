"""Light on the wire (issue 14): what a page downloads, and when.

- a site built from synthetic policies (scripts/policy/synthetic.py) computes with its own
  policies' data, and a widget loads its policy's data file only;
- on a Save-Data or slow connection (navigator.connection, overridden by an init script) nothing
  of the engine downloads before the reader interacts; "turn on live calculation" says how much
  it downloads and turns it on; the prerendered answer is there all along. The button is clicked (an
  engine boot) on the Save-Data case only: what makes the widget wait is the one connection-dependent
  step (widget/connection.js bootsOnIdle), the button and its click handler are the same for both;
- on a fast connection the engine boots on idle, and that boot loads no search index; the search index
  of the page's language loads, and the search worker starts, on the first search only (those pages do not
  boot the engine: the boot's requests are checked on the fast connection).
"""
from __future__ import annotations

import re
import sys

import pytest
from playwright.sync_api import expect

from support import HENGYANG_ZH, REPO, guard_context, serve, type_search

pytestmark = pytest.mark.browser

sys.path.insert(0, str(REPO))
from scripts.bench.build import _build, _our_project  # noqa: E402

SYNTHETIC = 5


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("synthetic")
    config, env = _our_project(work, SYNTHETIC)
    _build(config, work / "site", env)
    with serve(work / "site") as url:
        yield work / "site", url


def test_synthetic_build_widgets_compute_with_their_own_data(open_page, synthetic_site):
    site, url = synthetic_site
    data = sorted(p.relative_to(site / "assets/mingbai/data").as_posix()[:-3]
                  for p in (site / "assets/mingbai/data").rglob("*.js"))
    assert len(data) == SYNTHETIC and not any(p.startswith("hunan/") for p in data), data
    pid = data[-1]
    o = open_page(url + f"policies/{pid}/")
    page = o.page
    page.fill("[data-field=months] input", "6")
    # each synthetic policy is the 衡阳 2023 policy moved to a made-up county
    expect(page.locator("[data-output=period_total]").first).to_have_text("1811.28 元", timeout=90_000)
    loaded = [u for u in o.requests if "/assets/mingbai/data/" in u]
    assert loaded == [url + f"assets/mingbai/data/{pid}.js"], loaded
    assert not any(re.search(r"policies\.json", u) for u in o.requests), o.requests
    o.assert_clean()


BEFORE_BUDGET = 400_000   # issue 14: page and theme, no engine, no search index
ENGINE = re.compile(r"/assets/(pyodide/|mingbai/(calc-worker\.js|calc-bundle\.js|data/))")
FORM = 'form.mb-calc[data-calc="flexible-contribution"][data-policy="hunan/hengyang/2023-flexible-employment"]'
CONNECTION = """Object.defineProperty(Navigator.prototype, "connection", {configurable: true,
  get: function () { return %s; }});"""


def _open_with_connection(browser, url: str, connection: str):
    """A fresh context whose navigator.connection is `connection` (JS); returns (page, bytes by URL)."""
    context = browser.new_context(locale="zh-CN")
    outside = guard_context(context)
    context.add_init_script(CONNECTION % connection)
    page = context.new_page()
    requested: list[str] = []   # every request, worker's included
    responses: list = []
    finished: list = []
    # handlers only collect (a sync API call inside a handler can hold up later events)
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: responses.append(r))
    page.on("requestfinished", lambda r: finished.append(r))
    page.goto(url, wait_until="load")
    page.encodings = lambda: {r.url: r.headers.get("content-encoding") for r in responses}
    page.wire = lambda: {r.url: r.sizes()["responseBodySize"] for r in list(finished)}   # compressed bodies
    return context, page, requested, outside


SAVE_DATA = "{saveData: true, effectiveType: '4g', downlink: 10}"   # Save-Data (data saver) on
SLOW = "{saveData: false, effectiveType: '3g', downlink: 1.6}"       # a slow connection


@pytest.mark.parametrize("connection", [SAVE_DATA, SLOW])
def test_no_engine_bytes_before_interaction_on_save_data_or_slow(browser, site_url, connection):
    context, page, requested, outside = _open_with_connection(browser, site_url + HENGYANG_ZH, connection)
    try:
        form = page.locator(FORM)
        expect(form.locator('[data-output="period_total"]')).to_have_text(re.compile(r"3,?622\.56"))
        button = form.locator("button.mb-live")
        expect(button).to_have_text(re.compile(r"^开启实时计算（下载约 \d+\.\d MB）$"))
        page.wait_for_timeout(3500)   # longer than the idle boot's 2 s timeout
        engine = [u for u in requested if ENGINE.search(u)]
        assert engine == [], engine
        assert form.get_attribute("data-mb-state") == "idle"
        wire = page.wire()
        before = sum(wire.values())
        print(f"bytes on the wire before interaction ({connection}): {before} ({len(wire)} requests)")
        assert not [u for u in requested if "search_index" in u]
        assert before <= BEFORE_BUDGET, sorted(wire.items(), key=lambda kv: -kv[1])[:8]
        if connection != SAVE_DATA:   # the same button and handler: clicked on the Save-Data case
            assert outside == []
            return
        button.click()
        expect(form).to_have_attribute("data-mb-state", "ready", timeout=90_000)
        expect(button).to_have_count(0)
        wasm = [u for u in requested if u.endswith("/assets/pyodide/pyodide.asm.wasm")]
        assert wasm, requested
        # the test server, like a static host set up as README.md says, sends the .br copy
        encodings = page.encodings()
        assert encodings[wasm[0]] == "br", encodings
        assert encodings[next(u for u in requested if u.endswith("/calc-bundle.js"))] == "br"
        form.locator('.mb-field[data-field="months"] input').fill("6")
        expect(form.locator('[data-output="period_total"]')).to_have_text(re.compile(r"1,?811\.28"))
        assert outside == []
    finally:
        context.close()


def test_fast_connection_boots_on_idle_without_a_button(browser, site_url):
    context, page, requested, outside = _open_with_connection(
        browser, site_url + HENGYANG_ZH, "{saveData: false, effectiveType: '4g', downlink: 10}")
    try:
        form = page.locator(FORM)
        expect(form).to_have_attribute("data-mb-state", "ready", timeout=90_000)
        expect(form.locator("button.mb-live")).to_have_count(0)
        assert not [u for u in requested if "search_index" in u], requested   # nor does the engine's boot
        assert outside == []
    finally:
        context.close()


@pytest.mark.parametrize("lang,root,query,expected", [
    ("zh", "", "灵活就业", "hunan/hengyang/2023-flexible-employment"),
    ("en", "en/", "Hengyang", "hunan/hengyang/2023-flexible-employment"),
])
def test_search_index_loads_for_the_language_on_the_first_search(open_page, site_url, lang, root, query, expected):
    # no engine: its idle boot's requests are test_fast_connection_boots_on_idle_without_a_button's
    o = open_page(site_url + root + HENGYANG_ZH, config={"idleBoot": False})
    page = o.page
    page.wait_for_timeout(2500)   # what the page loads by itself after load
    assert not [u for u in o.requests if "search_index" in u], o.requests
    # nor does it start the search worker (assets/mingbai/search-loader.js): no thread, no script
    assert not [u for u in o.requests if "search-worker" in u] and page.workers == [], (o.requests, page.workers)
    type_search(page, query)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any(expected in href for href in links), links
    paths = [href[len(site_url):] for href in links]
    assert all(p.startswith(root) and not (not root and p.startswith(("en/", "zh-Hant/"))) for p in paths), paths
    index = [u for u in o.requests if "search_index" in u]
    assert index == [site_url + f"search/search_index.{lang}.json"], index
    assert [w.url for w in page.workers] == [site_url + "assets/mingbai/search-worker.js"], page.workers
    o.assert_clean()


def test_language_indexes_split_the_merged_one(built_site):
    import json

    merged = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    parts = {lang: json.loads((built_site / f"search/search_index.{lang}.json").read_text(encoding="utf-8"))
             for lang in ("zh", "en", "zh-Hant")}
    # our index (issue 24) cuts pages into sections: every page of material's index is in one language's index,
    # each language's pages under its own prefix, and the reader index leaves out the authoring and embed-doc pages
    def pages(docs: list) -> set:
        return {d["location"].split("#")[0] for d in docs}
    by_lang = {lang: pages(p["docs"]) for lang, p in parts.items()}
    assert pages(merged["docs"]) <= set().union(*by_lang.values())
    assert not (by_lang["zh"] & by_lang["en"]) and not (by_lang["zh"] & by_lang["zh-Hant"])
    assert all(p.startswith("en/") for p in by_lang["en"]) and all(p.startswith("zh-Hant/") for p in by_lang["zh-Hant"])
    assert not any("authoring" in p or p.split("/")[-2:-1] == ["embed"] for ps in by_lang.values() for p in ps)
    for lang, part in parts.items():   # each language's config: its own words, every stop word a word
        assert part["config"]["mingbai"]["lang"] == lang
        assert all(isinstance(w, str) for w in part["config"]["mingbai"]["stop"]), part["config"]["mingbai"]["stop"]
    # quotes and worked-example steps are not indexed; summaries are
    text = " ".join(d["text"] for d in parts["en"]["docs"])
    assert "2023年灵活就业人员职工医保缴费标准" not in text.replace("\u200b", "")
