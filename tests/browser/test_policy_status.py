"""A policy page judges "in force" by the reader's date, not the build's (a static page is read for years).

The build's own verdict is the no-JS text; assets/mingbai/policy-status.js re-judges it in the browser.
Each policy's dates come from policies/ (no policy named here).
"""
from __future__ import annotations

import datetime as dt

import pytest

from support import NO_IDLE_BOOT, guard_context

pytestmark = pytest.mark.browser

LOCALES = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}


def _policies():
    from scripts.policy.loader import load_all
    policies, _ = load_all()
    return policies


def _guarded_page(browser, javascript: bool = True):
    """One guarded context and page for a whole sweep: a fresh context per visit costs ~3× the CPU
    of a navigation (a new renderer), and the verdict depends only on the page and the clock."""
    context = browser.new_context(java_script_enabled=javascript)
    guard_context(context)
    context.add_init_script(NO_IDLE_BOOT)   # no engine is needed here
    return context, context.new_page()


def _visit_at(page, url: str, day: dt.date | None) -> None:
    if day is not None:
        page.clock.set_fixed_time(dt.datetime(day.year, day.month, day.day, 12, 0))
    page.goto(url, wait_until="load")


def _visible_state(page) -> list[str]:
    return page.eval_on_selector_all(".mb-policy-status [data-state]",
                                     "els => els.filter(e => !e.hidden).map(e => e.dataset.state)")


@pytest.mark.parametrize("locale", list(LOCALES))
def test_status_follows_the_readers_date(browser, site_url, locale) -> None:
    context, page = _guarded_page(browser)
    try:
        for pid, policy in _policies().items():
            url = f"{site_url}/{LOCALES[locale]}policies/{pid}/"
            start, end = policy["effective"]["from"], policy["effective"].get("to")
            days = {"in_force": start, "not_yet": start - dt.timedelta(days=1)}
            if end:
                days["ended"] = end + dt.timedelta(days=400)
            for state, day in days.items():
                _visit_at(page, url, day)
                assert _visible_state(page) == [state], (pid, locale, day)
                checked = page.inner_text(".mb-policy-status .mb-status-checked")
                assert day.isoformat() in checked, (pid, locale, checked)
    finally:
        context.close()


def test_without_javascript_the_build_verdict_shows(browser, site_url) -> None:
    context, page = _guarded_page(browser, javascript=False)
    try:
        for pid in _policies():
            _visit_at(page, f"{site_url}/policies/{pid}/", None)
            assert len(_visible_state(page)) == 1, pid
    finally:
        context.close()
