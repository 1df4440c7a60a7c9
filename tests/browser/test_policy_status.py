"""A policy page judges "in force" by the reader's date, not the build's (a static page is read for years).

The build's own verdict is the no-JS text; assets/mingbai/policy-status.js re-judges it in the browser.
Each policy's dates come from policies/ (no policy named here).
"""
from __future__ import annotations

import datetime as dt

import pytest

from support import NO_IDLE_BOOT, guard_context, shown_again_at

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


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, 0)


def _visit_at(page, url: str, day: dt.date | None) -> None:
    if day is not None:
        page.clock.set_fixed_time(_noon(day))
    page.goto(url, wait_until="load")


def _visible_state(page) -> list[str]:
    return page.eval_on_selector_all(".mb-policy-status [data-state]",
                                     "els => els.filter(e => !e.hidden).map(e => e.dataset.state)")


@pytest.mark.parametrize("locale", list(LOCALES))
def test_status_follows_the_readers_date(browser, site_url, locale) -> None:
    context, page = _guarded_page(browser)
    try:
        for n, (pid, policy) in enumerate(_policies().items()):
            url = f"{site_url}/{LOCALES[locale]}policies/{pid}/"
            start, end = policy["effective"]["from"], policy["effective"].get("to")
            days = [("in_force", start), ("not_yet", start - dt.timedelta(days=1))]
            if end:
                days.append(("ended", end + dt.timedelta(days=400)))
            days = days[n % len(days):] + days[:n % len(days)]   # each state is judged as a page opens on some pages
            for i, (state, day) in enumerate(days):   # the first as the page opens, the others as the reader comes back to it
                if i == 0:
                    _visit_at(page, url, day)
                else:
                    shown_again_at(page, _noon(day))
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


def test_a_page_left_open_is_judged_again_at_midnight_in_china(browser, site_url) -> None:
    """A reader leaves a policy page open on the eve of its first day: when midnight passes in China the banner
    turns from "not yet in force" to "in force", and says the day it judged, without a reload."""
    pid, policy = next(iter(_policies().items()))
    start = policy["effective"]["from"]
    eve = dt.datetime(start.year, start.month, start.day, tzinfo=dt.UTC) - dt.timedelta(hours=8, seconds=30)
    context, page = _guarded_page(browser)
    try:
        page.clock.install(time=eve)   # 23:59:30 in China on the eve
        page.goto(f"{site_url}/policies/{pid}/", wait_until="load")
        assert _visible_state(page) == ["not_yet"], pid
        page.clock.run_for(60_000)
        assert _visible_state(page) == ["in_force"], pid
        assert start.isoformat() in page.inner_text(".mb-policy-status .mb-status-checked")
    finally:
        context.close()
