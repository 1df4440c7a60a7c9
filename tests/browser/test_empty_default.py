"""Issue 12, item 10: a field the reader empties is computed with calc's default; the form says so
(under the field, bilingual), instead of silently answering for a value nobody entered."""
from __future__ import annotations

import sys

import pytest
from playwright.sync_api import expect

from support import HENGYANG_ZH, REPO

pytestmark = pytest.mark.browser

sys.path.insert(0, str(REPO))
import calc  # noqa: E402

HENGYANG = "hunan/hengyang/2023-flexible-employment"


def test_an_emptied_months_field_says_the_default_is_used(open_page, site_url):
    o = open_page(site_url + HENGYANG_ZH)
    form = o.page.locator(f'form.mb-calc[data-calc="flexible-contribution"][data-policy="{HENGYANG}"]')
    field = form.locator('.mb-field[data-field="months"]')
    default = str(next(i["default"] for i in calc.describe("flexible-contribution")["inputs"] if i["name"] == "months"))
    assert field.get_attribute("data-default") == default
    field.locator("input").fill("6")
    field.locator("input").fill("")
    want = calc.run("flexible-contribution", HENGYANG, {})
    expect(form.locator('[data-output="period_total"]')).to_have_text(want["display"]["period_total"]["zh"],
                                                                      timeout=90_000)
    note = field.locator(".mb-default-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text(f"默认值 {default}")
    expect(note).to_contain_text(f"the default, {default}")
    assert note.get_attribute("id") in field.locator("input").get_attribute("aria-describedby").split()
    field.locator("input").fill("5")
    expect(note).to_be_hidden()
    o.assert_clean()
