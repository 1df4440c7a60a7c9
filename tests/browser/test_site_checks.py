"""The browser tests' own checks catch what they are for.

- site_checks.expect_shows_calc: a form that does not show calc.run's answer (it reads the form in one call);
- support.guard_context: every request not for 127.0.0.1 is stopped (the tests' browser sends it to a proxy that
  refuses it) and recorded, and only those (support.OUTSIDE, matched on the failed requests only).
"""
from __future__ import annotations

import time

import pytest

from site_checks import BOOT_TIMEOUT, change_by_keyboard, expect_shows_calc
from support import HENGYANG_ZH, QuietHandler, guard_context, serve

pytestmark = pytest.mark.browser

# (change, undo): each leaves the form showing something calc.run did not say
TAMPER = {
    "an output's text": ("f => { const d = f.querySelector('[data-output]'); window.__was = d.textContent; d.textContent = 'tampered'; }",
                         "f => { f.querySelector('[data-output]').textContent = window.__was; }"),
    "a stale result": ("f => f.querySelector('.mb-result').classList.add('mb-stale')",
                       "f => f.querySelector('.mb-result').classList.remove('mb-stale')"),
    "a step missing": ("f => { const s = f.querySelectorAll('ol.mb-steps > li'); window.__was = s[s.length - 1]; window.__was.remove(); }",
                       "f => f.querySelector('ol.mb-steps').append(window.__was)"),
    "an error line shown": ("f => { const e = f.querySelector('.mb-error'); window.__was = [e.hidden, e.textContent]; e.hidden = false; e.textContent = 'x'; }",
                            "f => { const e = f.querySelector('.mb-error'); [e.hidden, e.textContent] = window.__was; }"),
}


def test_a_form_showing_anything_else_fails(open_page, site_url) -> None:
    o = open_page(site_url + HENGYANG_ZH)
    form = o.page.locator("form.mb-calc").first
    control = form.locator(".mb-field input, .mb-field select").first
    control.focus()
    change_by_keyboard(o.page, control)
    expect_shows_calc(form, "zh", timeout=BOOT_TIMEOUT)
    for what, (change, undo) in TAMPER.items():
        form.evaluate(change)
        try:
            expect_shows_calc(form, "zh", timeout=300)
        except AssertionError as exc:
            assert "does not show calc.run's answer" in str(exc), (what, exc)
        else:
            pytest.fail(f"{what}: not caught")
        form.evaluate(undo)
        expect_shows_calc(form, "zh", timeout=300)   # undone: calc's answer again
    o.assert_clean()


FETCHES = ["http://127.0.0.1.example.com/a", "http://127.0.0.10/b", "http://localhost/c", "https://cdn.jsdelivr.net/npm/x",
           "http://example.com/?back=http://127.0.0.1/"]


def test_the_guard_stops_and_records_every_request_leaving_127_0_0_1(browser, site_url) -> None:
    context = browser.new_context(bypass_csp=True)   # the page's own CSP would stop the fetches first
    outside = guard_context(context)
    try:
        page = context.new_page()
        page.goto(site_url + HENGYANG_ZH, wait_until="load")
        assert outside == [], outside   # the site's own page, scripts, styles and data pass
        here = page.evaluate("""async urls => {
          const out = [];
          for (const u of urls) { try { await fetch(u, {mode: 'no-cors'}); out.push('fetched ' + u); } catch (e) { out.push('stopped ' + u); } }
          const own = await fetch(location.href); out.push(own.ok ? 'own page fetched' : 'own page failed');
          return out;
        }""", FETCHES)
        assert here == [f"stopped {u}" for u in FETCHES] + ["own page fetched"], here
        assert outside == FETCHES, outside
    finally:
        context.close()


def test_a_page_naming_no_icon_leaves_the_console_clean(open_page, tmp_path) -> None:
    """Chromium asks such a page's server for /favicon.ico when it likes; the tests' server answers it with nothing
    (support.QuietHandler), not a 404 that would land in the console during some later check."""
    asked: list[str] = []

    class Recording(QuietHandler):
        def do_GET(self):
            asked.append(self.path)
            super().do_GET()

    (tmp_path / "index.html").write_text("<!doctype html><meta charset='utf-8'><title>no icon</title><p>x</p>",
                                         encoding="utf-8")
    with serve(tmp_path, Recording) as url:
        o = open_page(url + "index.html", javascript=False)
        deadline = time.monotonic() + 10
        while "/favicon.ico" not in asked and time.monotonic() < deadline:
            o.page.wait_for_timeout(100)
        assert "/favicon.ico" in asked, asked
        o.page.wait_for_timeout(200)   # its answer reaches the page
        o.assert_clean()
