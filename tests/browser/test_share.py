"""Shareable scenarios: inputs in the URL, "复制链接 / Copy link" on every widget (widget.js).

A link made by the button, opened in a fresh browser context, must show the same inputs and
compute the same result (calc.run in CPython is the oracle); embed pages take the same
parameters.
"""
from __future__ import annotations

import re
import sys
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from support import HENGYANG_ZH, REPO

pytestmark = pytest.mark.browser

sys.path.insert(0, str(REPO))
import calc  # noqa: E402

BOOT_TIMEOUT = 90_000
HENGYANG = "hunan/hengyang/2023-flexible-employment"
SHUANGQING = "hunan/shaoyang/shuangqing/2023-resident"
STALE = re.compile(r"\bmb-stale\b")

# What widget.js sends for a form (ARCHITECTURE.md: raw strings, booleans, lists; blanks left out).
SENT_INPUTS = """form => {
  const out = {};
  form.querySelectorAll('.mb-field[data-field][data-type]').forEach(f => {
    const name = f.dataset.field, type = f.dataset.type;
    const controls = [...f.querySelectorAll('input, select, textarea')];
    if (!controls.length) return;
    if (type === 'list') { out[name] = controls.filter(c => c.checked).map(c => c.value); return; }
    if (type === 'boolean') { out[name] = controls[0].checked; return; }
    const v = String(controls[0].value).trim();
    if (v !== '') out[name] = v;
  });
  return out;
}"""

# Every control's state, to compare two pages.
STATE = """form => [...form.querySelectorAll('input, select')].filter(c => !c.classList.contains('mb-share-url'))
  .map(c => [c.name, c.type === 'checkbox' || c.type === 'radio' ? String(c.checked) : c.value])"""


def form_of(page, calculator: str, policy: str):
    return page.locator(f'form.mb-calc[data-calc="{calculator}"][data-policy="{policy}"]')


def expect_computed(form, calculator: str, policy: str, lang: str) -> dict:
    """The result shown is calc.run's answer for what the form holds (and is not stale)."""
    expect(form.locator(".mb-result")).not_to_have_class(STALE, timeout=BOOT_TIMEOUT)
    sent = form.evaluate(SENT_INPUTS)
    want = calc.run(calculator, policy, sent)
    assert want["ok"], (sent, want)
    outputs = form.locator("dd[data-output]")
    for i in range(outputs.count()):
        key = outputs.nth(i).get_attribute("data-output")
        if key in want["display"]:
            expect(outputs.nth(i)).to_have_text(want["display"][key][lang])
    return sent


def share(page, form) -> str:
    form.locator("button.mb-share-button").click()
    link = form.locator("input.mb-share-url")
    expect(link).to_be_visible()
    expect(form.locator(".mb-share-note")).not_to_have_text("")
    return link.input_value()


def test_copy_link_reproduces_the_scenario(open_page, site_url):
    o = open_page(site_url + HENGYANG_ZH, own_context=True)
    o.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = o.page
    # two calculators on one page: change both, share the second
    contribution = form_of(page, "flexible-contribution", HENGYANG)
    contribution.locator('.mb-field[data-field="months"] input').fill("5")
    arrears = form_of(page, "flexible-arrears", HENGYANG)
    arrears.locator('.mb-field[data-field="unpaid_months"] input').fill("2023-02, 2023-03")
    arrears.locator('.mb-field[data-field="payment_date"] input').fill("2023-04-15")
    boolean = arrears.locator('.mb-field[data-type="boolean"] input[type="checkbox"]')
    if boolean.count():
        boolean.first.check()
    sent = expect_computed(arrears, "flexible-arrears", HENGYANG, "zh")
    assert sent["unpaid_months"] == "2023-02, 2023-03" and sent["payment_date"] == "2023-04-15"
    state = arrears.evaluate(STATE)
    link = share(page, arrears)

    parts = urlsplit(link)
    assert link.startswith(site_url + HENGYANG_ZH), link
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    assert query["calc"] == "flexible-arrears"
    assert query["unpaid_months"] == "2023-02, 2023-03" and query["payment_date"] == "2023-04-15"
    assert "months" not in query                      # the other widget's inputs stay out
    assert parts.fragment == arrears.get_attribute("id")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == link

    # a fresh visitor opens the link: same inputs, same (computed) result
    o2 = open_page(link)
    arrears2 = form_of(o2.page, "flexible-arrears", HENGYANG)
    assert arrears2.evaluate(STATE) == state
    expect_computed(arrears2, "flexible-arrears", HENGYANG, "zh")
    assert arrears2.evaluate(SENT_INPUTS) == sent
    # the other widget keeps its prerendered example
    months = form_of(o2.page, "flexible-contribution", HENGYANG).locator('.mb-field[data-field="months"] input')
    assert months.input_value() == months.evaluate("el => el.defaultValue")
    o.assert_clean()
    o2.assert_clean()


def test_embed_takes_the_same_parameters_and_shares_itself(open_page, site_url):
    """A list (checkboxes) and dates, in English, through an embed page."""
    page_url = f"{site_url}embed/resident-contribution/?policy={SHUANGQING}&lang=en"
    o = open_page(page_url)
    page = o.page
    form = form_of(page, "resident-contribution", SHUANGQING)
    boxes = form.locator('.mb-field[data-type="list"] input[type="checkbox"]')
    assert boxes.count() >= 2
    values = [boxes.nth(i).get_attribute("value") for i in range(boxes.count())]
    wanted = values[-2:]
    for i, v in enumerate(values):
        boxes.nth(i).set_checked(v in wanted)
    sent = expect_computed(form, "resident-contribution", SHUANGQING, "en")
    state = form.evaluate(STATE)
    link = share(page, form)
    query = parse_qsl(urlsplit(link).query, keep_blank_values=True)
    assert ("policy", SHUANGQING) in query and ("lang", "en") in query and ("calc", "resident-contribution") in query
    list_name = form.locator('.mb-field[data-type="list"]').get_attribute("data-field")
    assert [v for k, v in query if k == list_name] == wanted
    assert urlsplit(link).fragment == ""

    o2 = open_page(link)
    form2 = form_of(o2.page, "resident-contribution", SHUANGQING)
    assert form2.evaluate(STATE) == state
    expect_computed(form2, "resident-contribution", SHUANGQING, "en")
    assert form2.evaluate(SENT_INPUTS) == sent

    # none ticked is a scenario too (an empty value), and the calc parameter may be left out (opened in the
    # fresh visitor's tab: a load as from a new tab, without a new page's cost)
    o2.visit(f"{page_url}&{list_name}=")
    form3 = form_of(o2.page, "resident-contribution", SHUANGQING)
    expect(form3.locator('.mb-field[data-type="list"] input:checked')).to_have_count(0)
    o.assert_clean()
    o2.assert_clean()
