"""Issue 12, item 5: an engine that never starts (a broken or missing pyodide.asm.wasm) or a worker
that dies after "ready" must be said, within seconds: live calculation is unavailable, the result
shown is the prerendered worked example (marked so), and a retry is offered.

All in pages of the shared context: the dead-worker test wraps the page's Worker with the page's own init script
(page.add_init_script, added before the first load), so no context of its own is needed. It runs the answer
timeout set shorter by the page (ANSWER_TIMEOUT_MS, through MINGBAI_WIDGET_CONFIG: the shipped timer, another
figure); the shipped figure is checked, without a browser, by test_the_shipped_answer_timeout_is_seconds."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support import REPO

pytestmark = pytest.mark.browser

UNAVAILABLE_ZH = "实时计算暂不可用"
UNAVAILABLE_EN = "Live calculation is unavailable"
EXAMPLE_TOTAL = "3622.56 元"        # hengyang.html's prerendered result (12 months)
FAIL_WITHIN_MS = 20_000    # a broken wasm: about 2 s; a dead worker: the answer timeout (shipped: 10 s)
# The dead-worker test's answer timeout, set by the page (MINGBAI_WIDGET_CONFIG.answerTimeout): the same timer as
# the shipped one, shorter (a calculation here answers in well under a second, even on two busy cores), so the
# test does not sit out the shipped 10 s; test_the_shipped_answer_timeout_is_seconds checks the shipped figure.
ANSWER_TIMEOUT_MS = 5_000
CONFIG_JS = REPO / "docs" / "assets" / "mingbai" / "widget" / "config.js"
SHIPPED_ANSWER_TIMEOUT = re.compile(
    r'ANSWER_TIMEOUT = typeof config\.answerTimeout === "number" \? config\.answerTimeout : (\d+);')


def _page_with_assets(fixture_site: Path, name: str, assets: str) -> str:
    """fixtures/hengyang.html, its form pointed at another assets directory."""
    html = (fixture_site / "fixtures" / "hengyang.html").read_text(encoding="utf-8")
    html = html.replace('data-assets="../assets/"', f'data-assets="../{assets}/"')
    (fixture_site / "fixtures" / f"{name}.html").write_text(html, encoding="utf-8")
    return f"fixtures/{name}.html"


def _assets_with_wasm(fixture_site: Path, name: str, wasm: bytes | None) -> str:
    root = fixture_site / name
    if not root.is_dir():
        shutil.copytree(fixture_site / "assets" / "mingbai", root / "mingbai")
        shutil.copytree(fixture_site / "assets" / "pyodide", root / "pyodide")
        target = root / "pyodide" / "pyodide.asm.wasm"
        if wasm is None:
            target.unlink()
        else:
            target.write_bytes(wasm)
    return name


def _expect_unavailable(page) -> None:
    status = page.locator(".mb-status")
    expect(status).to_contain_text(UNAVAILABLE_ZH, timeout=FAIL_WITHIN_MS)
    expect(status).to_contain_text(UNAVAILABLE_EN)
    expect(page.locator("[data-output=period_total]")).to_have_text(EXAMPLE_TOTAL)
    assert page.locator("form.mb-calc").get_attribute("data-mb-showing") == "example"
    expect(page.locator("form.mb-calc .mb-retry")).to_be_visible()


@pytest.mark.parametrize("wasm", [b"\x00asm broken", None], ids=["broken-wasm", "missing-wasm"])
def test_an_engine_that_never_starts_is_said_within_seconds(open_page, fixture_url, fixture_site, wasm):
    assets = _assets_with_wasm(fixture_site, "assets-" + ("broken" if wasm else "missing") + "-wasm", wasm)
    o = open_page(fixture_url + _page_with_assets(fixture_site, assets, assets))
    o.page.fill("#mb-1-months", "6")
    _expect_unavailable(o.page)
    assert o.outside == []


WRAP_WORKER = """
window.MINGBAI_NATIVE_WORKER = function (url) {
  var w = new Worker(url);
  (window.__mbWorkers = window.__mbWorkers || []).push(w);
  return w;
};
"""


def test_a_worker_that_dies_after_ready_is_said_and_retried(open_page, fixture_url):
    # the wrapper is the page's own init script (it dies with the page), so the page lives in the shared context;
    # it is added before the first load: a load without it would start an engine only to be thrown away
    o = open_page("about:blank", config={"answerTimeout": ANSWER_TIMEOUT_MS})
    page = o.page
    page.add_init_script(WRAP_WORKER)
    o.visit(fixture_url + "fixtures/hengyang.html")
    page.fill("#mb-1-months", "6")
    expect(page.locator("[data-output=period_total]")).to_have_text("1811.28 元", timeout=90_000)
    expect(page.locator(".mb-status")).to_have_text("就绪")
    page.evaluate("window.__mbWorkers[0].terminate()")    # the worker is gone; the page does not know
    page.fill("#mb-1-months", "7")
    _expect_unavailable(page)
    expect(page.locator(".mb-result")).to_have_class(re.compile(r"\bmb-stale\b"))   # not the 7 months' answer
    page.locator("form.mb-calc .mb-retry").click()
    expect(page.locator("[data-output=period_total]")).to_have_text("2113.16 元", timeout=90_000)
    expect(page.locator(".mb-status")).to_have_text("就绪")
    assert page.locator("form.mb-calc").get_attribute("data-mb-showing") != "example"
    assert page.evaluate("window.__mbWorkers.length") == 2


def test_the_shipped_answer_timeout_is_seconds() -> None:
    """A dead worker is said within seconds as shipped: widget/config.js's answer timeout (a page sets none) leaves
    the dead-worker test's FAIL_WITHIN_MS half its time to spare, as the 10 s did when that test ran it (it now runs
    the same timer, page-configured and shorter; reading the figure needs no browser)."""
    found = SHIPPED_ANSWER_TIMEOUT.search(CONFIG_JS.read_text(encoding="utf-8"))
    assert found, f"{CONFIG_JS}: no answer timeout default"
    assert ANSWER_TIMEOUT_MS <= int(found.group(1)) <= FAIL_WITHIN_MS // 2, found.group(0)
