"""Whose answer the result is (issue 20 item 3): said in words at the result and announced (aria-live);
an untouched example value is never counted as the reader's; invalid and loading are explicit.
The waits for the engine's answer test the form's state every POLL_MS, not every frame."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
BOOT_TIMEOUT = 90_000
POLL_MS = 100   # the waits test the state every 100 ms, not every frame (a page kept drawing frames costs CPU)
URL = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}
EXAMPLE_TAG = {"zh": "示例值", "en": "example value", "zh-Hant": "示例值"}


@pytest.mark.parametrize("lang", list(URL))
def test_the_result_says_whose_answer_it_is(open_page, site_url, lang) -> None:
    opened = open_page(f"{site_url}/{URL[lang]}policies/hunan/yueyang/pingjiang/2023-resident/")
    page = opened.page
    form = page.locator('form.mb-calc[data-calc="resident-benefit-start"]')
    line = form.locator(".mb-result-state")
    assert line.get_attribute("aria-live") == "polite"
    assert line.get_attribute("data-state") == "example"
    payment = form.locator('.mb-field[data-field="payment_date"]')
    assert payment.locator(".mb-example-tag").inner_text() == EXAMPLE_TAG[lang]   # visibly an example
    # the reader picks the newborn case and a birth date, leaving the example payment date
    form.locator('select[name="circumstance"]').select_option("newborn")
    assert line.get_attribute("data-state") in ("loading", "invalid")   # at once, before any engine answer
    assert line.inner_text().strip()
    form.locator('input[name="event_date"]').fill("2022-11-01")
    page.wait_for_function("f => ['mixed', 'invalid', 'yours'].includes(f.querySelector('.mb-result-state').dataset.state)"
                           " && f.getAttribute('data-mb-state') === 'ready'", arg=form.element_handle(), timeout=BOOT_TIMEOUT,
                           polling=POLL_MS)
    page.wait_for_function("f => f.querySelector('.mb-result-state').dataset.state !== 'loading'", arg=form.element_handle(),
                           timeout=BOOT_TIMEOUT, polling=POLL_MS)
    state = line.get_attribute("data-state")
    assert state != "yours", "an untouched example payment date counted as the reader's"
    assert form.get_attribute("data-mb-result") == state
    if state == "mixed":
        label = payment.locator("label").evaluate("l => l.firstChild.textContent.trim()")
        assert label in line.inner_text()
    # the reader gives the payment date too: now every prefilled input is theirs
    payment.locator("input").fill("2022-11-20")
    assert payment.locator(".mb-example-tag").is_hidden()
    page.wait_for_function("f => ['yours', 'invalid'].includes(f.querySelector('.mb-result-state').dataset.state)",
                           arg=form.element_handle(), timeout=BOOT_TIMEOUT, polling=POLL_MS)
    if line.get_attribute("data-state") == "invalid":
        assert form.locator(".mb-error:not([hidden])").count() or form.locator(".mb-form-error:not([hidden])").count()
