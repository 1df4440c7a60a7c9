"""Issue 12, item 4: a share link whose value the form cannot hold shows that field's error (calc's
bilingual message, as for typed input), never the default's result as if it were the link's."""
from __future__ import annotations

import re
import sys

import pytest
from playwright.sync_api import expect

from support import HENGYANG_ZH, REPO

pytestmark = pytest.mark.browser

sys.path.insert(0, str(REPO))
import calc  # noqa: E402

BOOT_TIMEOUT = 90_000
HENGYANG = "hunan/hengyang/2023-flexible-employment"
SHUANGQING = "hunan/shaoyang/shuangqing/2023-resident"
MEASURES = "policies/hunan/2025-enrolment-measures/"


def _form(page, calculator: str):
    return page.locator(f'form.mb-calc[data-calc="{calculator}"]').first


def _expect_field_error(form, field: str, calculator: str, policy: str, raw) -> None:
    want = calc.run(calculator, policy, {field: raw})
    assert not want["ok"], want
    message = next(e["message_zh"] for e in want["errors"] if e["field"] == field)
    error = form.locator(f'.mb-field[data-field="{field}"] .mb-error')
    expect(error).to_have_text(message, timeout=BOOT_TIMEOUT)
    expect(error).to_be_visible()
    expect(form.locator(".mb-result")).to_have_class(re.compile(r"\bmb-stale\b"))


@pytest.mark.parametrize("value", ["<script>", "1e400"])
def test_a_number_the_field_cannot_hold(open_page, site_url, value):
    from urllib.parse import quote
    o = open_page(f"{site_url}{HENGYANG_ZH}?calc=flexible-contribution&months={quote(value)}")
    _expect_field_error(_form(o.page, "flexible-contribution"), "months", "flexible-contribution", HENGYANG, value)
    assert o.outside == [] and o.page_errors == []


def test_an_unknown_choice(open_page, site_url):
    o = open_page(f"{site_url}{MEASURES}?calc=family-mutual-aid&relation=evil")
    _expect_field_error(_form(o.page, "family-mutual-aid"), "relation", "family-mutual-aid",
                        "hunan/2025-enrolment-measures", "evil")


def test_an_unknown_category(open_page, site_url):
    o = open_page(f"{site_url}policies/{SHUANGQING}/?calc=resident-contribution&categories=evil")
    _expect_field_error(_form(o.page, "resident-contribution"), "categories", "resident-contribution",
                        SHUANGQING, ["evil"])


def test_editing_the_field_replaces_the_links_value(open_page, site_url):
    o = open_page(f"{site_url}{HENGYANG_ZH}?calc=flexible-contribution&months=%3Cscript%3E")
    form = _form(o.page, "flexible-contribution")
    _expect_field_error(form, "months", "flexible-contribution", HENGYANG, "<script>")
    form.locator('.mb-field[data-field="months"] input').fill("6")
    want = calc.run("flexible-contribution", HENGYANG, {"months": "6"})
    expect(form.locator('[data-output="period_total"]')).to_have_text(want["display"]["period_total"]["zh"],
                                                                      timeout=BOOT_TIMEOUT)
    expect(form.locator('.mb-field[data-field="months"] .mb-error')).to_be_hidden()
