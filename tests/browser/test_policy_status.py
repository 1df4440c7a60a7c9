"""A policy page judges "in force" by the reader's date, not the build's (a static page is read for years).

The build's own verdict is the no-JS text; assets/mingbai/policy-status.js re-judges it in the browser.
Each policy's dates come from policies/ (no policy named here).

policy-status.js is one script for every page, reading the page's banner (its dates, its lines, the checked-day
template): here it is driven in Chromium on one page per language through every state (each language's page
opening in another state, the others as the reader comes back to it), and without JavaScript on one page.
What the script reads on every policy page in every language — the policy's own dates, a line for each state,
one line shown without JavaScript (the build's verdict) — is checked from the built HTML, one test per page:
tests/test_status_markup.py.
"""
from __future__ import annotations

import datetime as dt
import functools

import pytest

from support import NO_IDLE_BOOT, guard_context, shown_again_at

pytestmark = pytest.mark.browser

LOCALES = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}


@functools.cache
def _policies():
    from scripts.policy.loader import load_all
    policies, _ = load_all()
    return policies


def _guarded_page(browser, javascript: bool = True):
    """A guarded context and page that no other module's test shares (the tests set its clock)."""
    context = browser.new_context(java_script_enabled=javascript)
    guard_context(context)
    context.add_init_script(NO_IDLE_BOOT)   # no engine is needed here
    return context, context.new_page()


@pytest.fixture(scope="module")
def dated_page(browser):
    """One page for the module's sweeps (each navigates and sets the clock first): a fresh context per
    language costs ~1.7 CPU-s, a navigation ~0.5, and the verdict depends only on the page and the clock."""
    context, page = _guarded_page(browser)
    yield page
    context.close()


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
def test_status_follows_the_readers_date(dated_page, site_url, locale) -> None:
    """One policy page per language (policies with an end date taken in turn), judged on the day before its
    first day, its first day and 400 days after its last: the state for that day shows, alone, and the banner
    says the day it judged. Each language's page opens in another of the three states."""
    page, n = dated_page, list(LOCALES).index(locale)
    ending = [(pid, policy) for pid, policy in _policies().items() if policy["effective"].get("to")]
    pid, policy = ending[n % len(ending)]
    url = f"{site_url}/{LOCALES[locale]}policies/{pid}/"
    start, end = policy["effective"]["from"], policy["effective"]["to"]
    days = [("in_force", start), ("not_yet", start - dt.timedelta(days=1)), ("ended", end + dt.timedelta(days=400))]
    days = days[n:] + days[:n]   # each state is judged as a page opens in some language
    for i, (state, day) in enumerate(days):   # the first as the page opens, the others as the reader comes back to it
        if i == 0:
            _visit_at(page, url, day)
        else:
            shown_again_at(page, _noon(day))
        assert _visible_state(page) == [state], (pid, locale, day)
        checked = page.inner_text(".mb-policy-status .mb-status-checked")
        assert day.isoformat() in checked, (pid, locale, checked)


def test_without_javascript_the_build_verdict_shows(open_page, site_url) -> None:
    """Chromium without JavaScript shows one line of a policy page's banner (one page: the markup of every page
    in every language shows one line, tests/test_status_markup.py)."""
    pid = next(iter(_policies()))
    o = open_page(f"{site_url}/policies/{pid}/", javascript=False)
    assert len(_visible_state(o.page)) == 1, pid
    o.assert_clean()


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
