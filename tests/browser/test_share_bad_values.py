"""Issue 12, item 4: a share link whose value the form cannot hold shows that field's error (calc's
bilingual message, as for typed input), never the default's result as if it were the link's.

The links are opened in turn in one page of the module's own (`links`; a navigation costs ~0.5 CPU-s, a new page
~0.85). A test that changes no field leaves the link's page as loaded to the next test of the same link: the
<script> link's page, its error checked, is where the editing test starts (one load and engine boot fewer); any
other test loads its link afresh, with the page's record cleared."""
from __future__ import annotations

import re
import sys
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from support import HENGYANG_ZH, REPO, Opened, open_guarded

pytestmark = pytest.mark.browser

sys.path.insert(0, str(REPO))
import calc  # noqa: E402

BOOT_TIMEOUT = 90_000
HENGYANG = "hunan/hengyang/2023-flexible-employment"
SHUANGQING = "hunan/shaoyang/shuangqing/2023-resident"
MEASURES = "policies/hunan/2025-enrolment-measures/"


class _Links:
    """One guarded page (a context of its own) that share links are opened in, one after another."""

    def __init__(self, browser):
        self.opened = open_guarded(browser, "about:blank")
        self.url: str | None = None   # the link the page shows as loaded (None: a test changed it)

    def open(self, url: str, edits: bool = False) -> Opened:
        """The page at `url` as loaded: the page already there if an earlier test only read it, else loaded now;
        `edits`: this test will change it (the next test of the same link loads it again)."""
        if url != self.url:
            self.opened.clear()
            self.opened.visit(url)
        self.url = None if edits else url
        return self.opened

    def close(self) -> None:
        self.opened.context.close()


@pytest.fixture(scope="module")
def links(browser):
    pages = _Links(browser)
    yield pages
    pages.close()


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


def test_an_unknown_choice(links, site_url):
    o = links.open(f"{site_url}{MEASURES}?calc=family-mutual-aid&relation=evil")
    _expect_field_error(_form(o.page, "family-mutual-aid"), "relation", "family-mutual-aid",
                        "hunan/2025-enrolment-measures", "evil")


def test_an_unknown_category(links, site_url):
    o = links.open(f"{site_url}policies/{SHUANGQING}/?calc=resident-contribution&categories=evil")
    _expect_field_error(_form(o.page, "resident-contribution"), "categories", "resident-contribution",
                        SHUANGQING, ["evil"])


# <script> last: its page, only read, is where the next test (the same link, edited) starts
@pytest.mark.parametrize("value", ["1e400", "<script>"])
def test_a_number_the_field_cannot_hold(links, site_url, value):
    o = links.open(f"{site_url}{HENGYANG_ZH}?calc=flexible-contribution&months={quote(value)}")
    _expect_field_error(_form(o.page, "flexible-contribution"), "months", "flexible-contribution", HENGYANG, value)
    assert o.outside == [] and o.page_errors == []


def test_editing_the_field_replaces_the_links_value(links, site_url):
    o = links.open(f"{site_url}{HENGYANG_ZH}?calc=flexible-contribution&months={quote('<script>')}", edits=True)
    form = _form(o.page, "flexible-contribution")
    _expect_field_error(form, "months", "flexible-contribution", HENGYANG, "<script>")
    form.locator('.mb-field[data-field="months"] input').fill("6")
    want = calc.run("flexible-contribution", HENGYANG, {"months": "6"})
    expect(form.locator('[data-output="period_total"]')).to_have_text(want["display"]["period_total"]["zh"],
                                                                      timeout=BOOT_TIMEOUT)
    expect(form.locator('.mb-field[data-field="months"] .mb-error')).to_be_hidden()
