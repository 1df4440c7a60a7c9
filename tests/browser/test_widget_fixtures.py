"""Widget behaviour on fixture pages (tests/browser/fixtures/), no Pyodide needed.

widget-types.html uses a fake engine (a Blob worker through the
MINGBAI_WORKER_SOURCE hook) that echoes the inputs it receives, so these
tests pin down the input collection rules, error placement, textContent-only
rendering, ordering and the loading status. The broken pages check that a
failed engine load is never silent.
"""
from __future__ import annotations

import json
import re
import sys

import pytest
from playwright.sync_api import expect

from support import REPO

pytestmark = pytest.mark.browser

ECHO = "[data-output=echo]"


def echo_of(page) -> dict:
    text = page.locator(ECHO).text_content()
    assert text.startswith("echo "), text
    return json.loads(text[len("echo "):])


def wait_echo(page, predicate_js: str):
    page.wait_for_function(
        "() => { const t = document.querySelector('[data-output=echo]').textContent;"
        " if (!t.startsWith('echo ')) return false; const inp = JSON.parse(t.slice(5)); return " + predicate_js + "; }"
    )


def test_no_boot_without_interaction_when_idle_boot_is_off(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    o.page.wait_for_timeout(300)
    assert o.page.evaluate("MingbaiWidget.state()") == "idle"
    expect(o.page.locator(".mb-status")).to_have_text("Prerendered with the default inputs.")
    assert o.page.locator("form.mb-calc").get_attribute("data-mb-state") == "idle"


def test_focus_boots_with_progress_then_ready(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    o.page.focus("#mb-1-amount")
    expect(o.page.locator(".mb-status")).to_have_text("Ready")
    log = o.status_log()
    assert any(re.fullmatch(r"Loading engine 1\.2/2\.4 MB", t) for t in log), log
    assert "Starting engine…" in log, log
    assert o.page.locator("form.mb-calc").get_attribute("data-mb-state") == "ready"
    # focusing alone computes nothing: the prerendered result still stands
    expect(o.page.locator(ECHO)).to_have_text("prerendered")
    o.assert_clean()


def test_input_collection_rules(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    page = o.page
    page.fill("#mb-1-amount", "  7000.50 ")
    wait_echo(page, "inp.amount === '7000.50'")
    got = echo_of(page)
    # raw trimmed strings; booleans; list of checked values; enum value; blank text omitted
    assert got == {"amount": "7000.50", "months": "12", "when": "2023-05-01", "flag": False,
                   "kinds": ["b"], "plan": "x"}, got
    page.check("#mb-1-flag")
    page.check("input[name=kinds][value=c]")
    page.uncheck("input[name=kinds][value=b]")
    page.select_option("#mb-1-plan", "y")
    page.check("input[name=mode][value=q]")
    page.fill("#mb-1-months", "")
    wait_echo(page, "inp.mode === 'q' && !('months' in inp)")
    got = echo_of(page)
    assert got == {"amount": "7000.50", "when": "2023-05-01", "flag": True, "kinds": ["c"], "plan": "y", "mode": "q"}, got
    page.uncheck("input[name=kinds][value=c]")
    wait_echo(page, "Array.isArray(inp.kinds) && inp.kinds.length === 0")
    # both language strings are in the JSON; the page is en
    expect(page.locator("[data-output=request]")).to_have_text("fake-calc|test/fake-policy")
    # an output the answer does not carry in display falls back to result, else a dash
    expect(page.locator("[data-output=plain]")).to_have_text(re.compile(r"^R-\d+$"))
    expect(page.locator("[data-output=missing]")).to_have_text("—")
    o.assert_clean()


def test_bad_number_input_is_not_silently_dropped(open_page, fixture_url):
    """type=number turns 'e' into value "" (badInput): the widget must not compute with the default."""
    o = open_page(fixture_url + "fixtures/widget-types.html")
    page = o.page
    page.focus("#mb-1-months")
    page.keyboard.press("Control+A")
    page.keyboard.type("e")
    wait_echo(page, "'months' in inp")
    assert echo_of(page)["months"] not in ("", "12")


def test_steps_are_text_only(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    page = o.page
    page.fill("#mb-1-amount", "1")
    wait_echo(page, "inp.amount === '1'")
    steps = page.locator("ol.mb-steps > li")
    expect(steps).to_have_count(2)
    expect(steps.nth(0)).to_have_text("step one <b>bold</b>")
    assert page.locator("ol.mb-steps b").count() == 0
    assert steps.nth(1).get_attribute("data-step") == "two"


def test_errors_inline_and_form_level(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    page = o.page
    page.fill("#mb-1-amount", "bad")
    err = page.locator("#mb-1-amount-error")
    expect(err).to_be_visible()
    expect(err).to_have_text("Amount is not valid.")
    amount = page.locator("#mb-1-amount")
    expect(amount).to_have_attribute("aria-invalid", "true")
    expect(amount).to_have_attribute("aria-describedby", "mb-1-amount-error")
    form_err = page.locator("form.mb-calc .mb-form-error")
    expect(form_err).to_be_visible()
    expect(form_err).to_have_text("Policy does not apply. Input is wrong.")
    expect(page.locator(".mb-result")).to_have_class(re.compile(r"\bmb-stale\b"))
    expect(page.locator(".mb-steps")).to_have_class(re.compile(r"\bmb-stale\b"))
    # fixing the input clears everything and keeps existing describedby tokens intact
    page.fill("#mb-1-amount", "5")
    wait_echo(page, "inp.amount === '5'")
    expect(err).to_be_hidden()
    expect(form_err).to_be_hidden()
    assert amount.get_attribute("aria-invalid") is None
    assert amount.get_attribute("aria-describedby") is None
    expect(page.locator(".mb-result")).not_to_have_class(re.compile(r"\bmb-stale\b"))
    o.assert_clean()


def test_describedby_keeps_help_token(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    page = o.page
    page.fill("#mb-1-amount", "bad")
    expect(page.locator("#mb-1-amount-error")).to_be_visible()
    page.fill("#mb-1-amount", "3")
    wait_echo(page, "inp.amount === '3'")
    assert page.locator("#mb-1-months").get_attribute("aria-describedby") == "mb-1-months-help"


def test_worker_exception_is_shown(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    page = o.page
    page.fill("#mb-1-amount", "boom")
    form_err = page.locator("form.mb-calc .mb-form-error")
    expect(form_err).to_have_text("Calculation failed: ZeroDivisionError: boom")
    expect(page.locator(".mb-result")).to_have_class(re.compile(r"\bmb-stale\b"))


def test_only_latest_answer_is_applied(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    page = o.page
    page.focus("#mb-1-amount")
    expect(page.locator(".mb-status")).to_have_text("Ready")
    page.fill("#mb-1-amount", "slow")          # answered after 400 ms
    page.fill("#mb-1-amount", "2")
    page.fill("#mb-1-amount", "3")
    wait_echo(page, "inp.amount === '3'")
    page.wait_for_timeout(700)
    assert echo_of(page)["amount"] == "3"
    expect(page.locator(".mb-result")).not_to_have_class(re.compile(r"\bmb-stale\b"))


def test_change_before_ready_marks_stale_then_computes(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-types.html")
    page = o.page
    page.fill("#mb-1-amount", "9")
    # until the engine answers, the prerendered numbers do not match the inputs
    assert "mb-stale" in page.locator(".mb-result").get_attribute("class")
    wait_echo(page, "inp.amount === '9'")
    expect(page.locator(".mb-result")).not_to_have_class(re.compile(r"\bmb-stale\b"))


def test_worker_script_missing_shows_bilingual_error(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-broken.html")
    o.page.fill("#mb-1-months", "6")
    status = o.page.locator(".mb-status")
    expect(status).to_contain_text("计算引擎加载失败", timeout=15000)
    expect(status).to_contain_text("The calculation engine failed to load")
    expect(status).to_have_class(re.compile(r"\bmb-engine-error\b"))
    assert o.page.locator("form.mb-calc").get_attribute("data-mb-state") == "error"
    expect(o.page.locator(".mb-result")).to_have_class(re.compile(r"\bmb-stale\b"))
    assert o.outside == []


def test_pyodide_missing_shows_bilingual_error(open_page, fixture_url):
    o = open_page(fixture_url + "fixtures/widget-broken-pyodide.html")
    o.page.fill("#mb-1-months", "6")
    status = o.page.locator(".mb-status")
    expect(status).to_contain_text("计算引擎加载失败", timeout=15000)
    expect(status).to_contain_text("The calculation engine failed to load")
    assert o.outside == []


def test_real_engine_on_fixture_page(open_page, fixture_url):
    """The real worker + vendored Pyodide + calc bundle, independent of the site templates."""
    o = open_page(fixture_url + "fixtures/hengyang.html")
    page = o.page
    page.fill("#mb-1-months", "6")
    expect(page.locator("[data-output=period_total]")).to_have_text("1811.28 元", timeout=90_000)
    expect(page.locator(".mb-status")).to_have_text("就绪")
    assert any(re.fullmatch(r"正在加载计算引擎 \d+\.\d/\d+\.\d MB", t) for t in o.status_log()), o.status_log()
    page.fill("#mb-1-months", "abc")
    sys.path.insert(0, str(REPO))
    import calc

    want = calc.run("flexible-contribution", "hunan/hengyang/2023-flexible-employment", {"months": "abc"})
    expect(page.locator("#mb-1-months-error")).to_have_text(want["errors"][0]["message_zh"])
    o.assert_clean()


def test_file_url_mode_with_self_contained_blob_worker(open_page, fixture_site, tmp_path):
    """The file:// design: no fetch, no importScripts, no worker URL — everything embedded.

    Chromium refuses workers and importScripts from file://, so a file:// build hands
    widget.js one Blob worker source (MINGBAI_WORKER_SOURCE) = pyodide.js + pyodide.asm.js
    + calc-bundle.js + the policy's data (and its series') + MINGBAI_EMBEDDED_ASSETS (wasm, stdlib,
    lock file) + calc-worker.js.
    """
    import base64

    assets = fixture_site / "assets"
    py, mb = assets / "pyodide", assets / "mingbai"
    embedded = ",".join(
        f'"{name}": "{base64.b64encode((py / name).read_bytes()).decode()}"'
        for name in ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
    )
    source = "\n;\n".join([
        (py / "pyodide.js").read_text(encoding="utf-8"),
        (py / "pyodide.asm.js").read_text(encoding="utf-8"),
        (mb / "calc-bundle.js").read_text(encoding="utf-8"),
        *(p.read_text(encoding="utf-8") for p in sorted((mb / "data" / "hunan" / "hengyang").glob("*.js"))),
        "self.MINGBAI_EMBEDDED_ASSETS = {" + embedded + "};",
        (mb / "calc-worker.js").read_text(encoding="utf-8"),
    ])
    page_dir = fixture_site / "filemode"
    page_dir.mkdir(exist_ok=True)
    (page_dir / "worker-source.js").write_text(
        "window.MINGBAI_WORKER_SOURCE = " + json.dumps(source) + ";\n", encoding="utf-8")
    html = (fixture_site / "fixtures" / "hengyang.html").read_text(encoding="utf-8")
    html = html.replace('<script src="../assets/mingbai/widget.js">',
                        '<script src="worker-source.js"></script>\n<script src="../assets/mingbai/widget.js">')
    (page_dir / "hengyang.html").write_text(html, encoding="utf-8")

    o = open_page((page_dir / "hengyang.html").as_uri())
    page = o.page
    page.fill("#mb-1-months", "6")
    expect(page.locator("[data-output=period_total]")).to_have_text("1811.28 元", timeout=90_000)
    expect(page.locator(".mb-status")).to_have_text("就绪")
    fetched = [u for u in o.requests if not u.startswith(("file:", "blob:"))]
    assert fetched == [], fetched
    assert not any("pyodide" in u for u in o.requests), o.requests
    o.assert_clean()
