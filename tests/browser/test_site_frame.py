"""The frame around the figures (issue 11): a footer disclaimer with the date the figures were last
checked, embed pages with an h1 and a chooser when no ?policy is given, dark mode following the OS.

Policies, calculators and dates come from policies/ (through calc), never from a list here.

The footer is read from the built HTML (every page, no browser). The embed tests visit every embed page in one page
of the module's own (`embed_page`, no engine: nothing there computes), the chooser's link followed there too; the
colour-scheme tests emulate the OS's scheme on a page of the shared context (page.emulate_media), not in a context
of their own per scheme.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support import REPO, open_guarded
from site_checks import LANGS

sys.path.insert(0, str(REPO))
import calc  # noqa: E402
from calc.data import load_policies  # noqa: E402
from scripts.site.policy_page import figures_checked  # noqa: E402

pytestmark = pytest.mark.browser
DISCLAIMER = {"zh": "仅供参考，以医保经办机构的认定为准", "en": "the medical insurance office's decision prevails",
              "zh-Hant": "僅供參考，以醫保經辦機構的認定為準"}
_FOOTER = re.compile(r'<div class="md-copyright__highlight mb-disclaimer">(.*?)</div>', re.S)


def _root(lang: str) -> str:
    return "" if lang == "zh" else f"{lang}/"


def test_every_page_footer_carries_the_disclaimer_and_policy_pages_the_checked_date(built_site: Path) -> None:
    for lang in LANGS:
        for pid, policy in load_policies().items():
            html = (built_site / f"{_root(lang)}policies/{pid}/index.html").read_text(encoding="utf-8")
            footer = _FOOTER.search(html)
            assert footer and DISCLAIMER[lang] in footer.group(1), f"{lang} {pid}: no disclaimer in the footer"
            checked = figures_checked(policy)
            if checked:
                assert checked in footer.group(1), f"{lang} {pid}: footer lacks the date the figures were checked"
            else:
                assert 'class="mb-checked"' not in footer.group(1)
        home = (built_site / f"{_root(lang)}index.html").read_text(encoding="utf-8")
        assert DISCLAIMER[lang] in (_FOOTER.search(home) or [None, ""])[1]


def _calculators():
    return [c for c in calc.list_calculators()["calculators"] if c["policies"]]


@pytest.fixture(scope="module")
def embed_page(browser):
    """One guarded page, no idle engine boot (nothing here computes), that the embed tests visit every page in, in
    turn (a new page per test costs ~0.85 CPU-s, a navigation ~0.5); each test starts with its record cleared."""
    opened = open_guarded(browser, "about:blank", config={"idleBoot": False})
    yield opened
    opened.context.close()


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
def test_embed_pages_have_one_h1_naming_the_calculator(embed_page, site_url: str, lang: str) -> None:
    opened = embed_page
    opened.clear()
    for item in _calculators():
        pid = item["policies"][0]
        opened.visit(f"{site_url}embed/{item['name']}/{pid}/?lang={lang}")
        h1 = opened.page.locator("h1")
        expect(h1).to_have_count(1)
        title = calc.describe(item["name"])["title"]["en" if lang == "en" else "zh"]
        text = h1.text_content()
        assert (title if lang != "zh-Hant" else "") in text and text.strip(), f"{item['name']} {lang}: h1 {text!r}"
    opened.assert_clean()


def test_embed_without_a_policy_shows_a_chooser_not_a_default(embed_page, site_url: str) -> None:
    policies = load_policies()
    opened = embed_page
    opened.clear()
    page = opened.page
    for item in _calculators():
        url = f"{site_url}embed/{item['name']}/?lang=en"
        opened.visit(url)
        chooser = page.locator(".mb-embed-chooser")
        expect(chooser).to_be_visible()
        assert page.url == url, "moved on to a policy nobody chose"
        assert page.locator("form.mb-calc").count() == 0
        links = chooser.locator("a[data-policy]")
        assert [a.get_attribute("data-policy") for a in links.all()] == item["policies"]
        assert [a.text_content() for a in links.all()] == [policies[p]["title"]["en"] for p in item["policies"]]
    # choosing one opens its form, the query (language) kept (on the same page: a new one only costs CPU)
    item = _calculators()[0]
    opened.visit(f"{site_url}embed/{item['name']}/?lang=en")
    opened.page.locator(".mb-embed-chooser a").first.click()
    form = opened.page.locator("form.mb-calc")
    expect(form).to_have_attribute("data-policy", item["policies"][0])
    expect(form).to_have_attribute("data-lang", "en")
    opened.assert_clean()


@pytest.mark.parametrize("scheme,expected,other", [("dark", "slate", "default"), ("light", "default", "slate")])
def test_colour_scheme_follows_the_os_and_toggles(open_page, site_url: str, scheme, expected, other) -> None:
    """The OS's scheme is emulated on the page (page.emulate_media, as the context's color_scheme option does for
    each of its pages), before the page loads: a page in the shared context, not a context of its own per scheme."""
    o = open_page("about:blank", config={"idleBoot": False})
    o.page.emulate_media(color_scheme=scheme)
    o.visit(site_url + f"policies/{sorted(load_policies())[0]}/")
    body = o.page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", expected)
    o.page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).to_have_attribute("data-md-color-scheme", other)
    assert o.outside == [] and o.console_errors == [], (o.outside, o.console_errors)
