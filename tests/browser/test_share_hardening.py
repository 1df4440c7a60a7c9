"""Share links an attacker or a mistyping reader writes (issue 21 item 14): a field given twice is refused at that
field, never the first value silently; a full-width or padded value shows in the field as the value computed with."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support import HENGYANG_ZH

pytestmark = pytest.mark.browser

BOOT_TIMEOUT = 90_000
FORM = 'form.mb-calc[data-calc="flexible-contribution"][data-policy="hunan/hengyang/2023-flexible-employment"]'


def _open(open_page, site_url, query: str):
    o = open_page(site_url + HENGYANG_ZH + "?calc=flexible-contribution&" + query)
    return o, o.page.locator(FORM)


def test_a_field_given_twice_is_an_error_at_that_field(open_page, site_url):
    o, form = _open(open_page, site_url, "months=6&months=13")
    field = form.locator('.mb-field[data-field="months"]')
    expect(field.locator(".mb-error, [role=alert]").first).to_be_visible(timeout=BOOT_TIMEOUT)
    assert field.locator("input").input_value() == ""


@pytest.mark.parametrize("value", ["%EF%BC%96", "%206"])
def test_full_width_and_padded_values_show_as_computed(open_page, site_url, value):
    o, form = _open(open_page, site_url, f"months={value}")
    field = form.locator('.mb-field[data-field="months"] input')
    expect(field).to_have_value("6", timeout=BOOT_TIMEOUT)


def test_a_clock_past_year_9999_keeps_the_builds_verdict(browser, site_url):
    """Issue 21 item 15: year 10001 read as "+010001-…" compared below "2023" and said "尚未施行"."""
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time("+010001-01-01T00:00:00Z")   # JavaScript's extended year (Python's datetime stops at 9999)
    page.goto(site_url + HENGYANG_ZH, wait_until="load")
    banner = page.locator(".mb-policy-status[data-effective-from]").first
    assert banner.get_attribute("data-judged") is None      # not re-judged by an implausible clock
    assert "mb-policy-status--not_yet" not in (banner.get_attribute("class") or "")
    context.close()
