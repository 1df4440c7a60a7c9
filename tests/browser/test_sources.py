"""Sources on a policy page (issue 11): quotes from a readable text, the stored capture one click away.

- No page shows mojibake: no U+FFFD and no garbled run (scripts/site/garbled.py) in any policy page's
  visible text, in zh, en and zh-Hant; on 平江 the stage-target quote shows its gap marker where the
  capture has "总?cè)蝿?wù)", and every quote shown there, its gaps aside, is a passage of the simplified
  reading the policy names (`sources.<key>.normalised`).
- The sources list gives title, publisher, number, date (and the original's link where the YAML has
  a url), and links each stored file, in every language, on a phone (360 px) and a desktop (1280 px):
  nothing wider than the screen. The links are the same in every language (the stored-text pages have
  one language-free address), so the click itself is made on the zh page at each width: one click on
  "stored capture" opens the stored file, shown verbatim and legibly (UTF-8), the simplified reading
  likewise, nothing wider than the screen; the en and zh-Hant pages' links are checked to lead there.
- The stored-text pages (static, one template, no script): no CSP violation, console error or outside
  request, and no serious axe violation in light and dark. A browser visits one page per distinct markup
  (site_checks.one_page_per_markup: the pages differ only in their words and link targets);
  tests/test_capture_markup.py checks from the HTML what the words change, on every page: the stored
  text shown verbatim, a title, heading and link texts, links that resolve.
Expectations come from policies/ (through calc.data), never from a list here.
"""
from __future__ import annotations

import re
import sys

import pytest
from playwright.sync_api import expect

from axe_checks import preload_axe, run_axe
from support import REPO, serve
from site_checks import LANGS, assert_nothing_wrong, one_page_per_markup

sys.path.insert(0, str(REPO))
from calc.data import load_policies  # noqa: E402
from scripts.site.garbled import GAP, GARBLED  # noqa: E402
from scripts.site.hant import to_hant  # noqa: E402

pytestmark = pytest.mark.browser

PINGJIANG = "hunan/yueyang/pingjiang/2023-resident"
MOJIBAKE = "征缴总?cè)蝿?wù)的70%"
SOURCES = REPO / "policies" / "sources"


def _path(pid: str, lang: str) -> str:
    return ("" if lang == "zh" else f"{lang}/") + f"policies/{pid}/"


def _gap(lang: str) -> str:
    return to_hant(GAP["zh"]) if lang == "zh-Hant" else GAP["en" if lang == "en" else "zh"]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_shows_mojibake(audited, lang):
    """Every policy page as the page audit saw it (page_audit.py)."""
    audit = audited(lang)
    for pid in sorted(load_policies()):
        shown = audit.pages[_path(pid, lang)]
        text, html = shown["text"], shown["html"]
        assert "\ufffd" not in text and "\ufffd" not in html, f"{pid} ({lang}): U+FFFD shown"
        assert MOJIBAKE not in html
        garbled = [m.group() for m in GARBLED.finditer(text)]
        assert garbled == [], f"{pid} ({lang}): garbled text shown: {garbled}"
    assert_nothing_wrong({kind: audit.seen[kind] for kind in ("console", "errors", "outside")})


@pytest.mark.parametrize("lang", LANGS)
def test_pingjiang_quotes_come_from_the_readable_text(open_page, site_url, lang):
    policy = load_policies()[PINGJIANG]
    (key, source), = [(k, s) for k, s in policy["sources"].items() if s.get("normalised")]
    assert GARBLED.search(policy["parameters"]["stage_targets"]["source"]["quote"]), \
        "the stage-target quote no longer has a garbled run: this test needs another example"
    # the desktop size of the sources list test below: one shared context for both (conftest open_page)
    o = open_page(site_url + _path(PINGJIANG, lang), config={"idleBoot": False}, viewport={"width": 1280, "height": 900})
    page = o.page
    stage = page.locator('tr[data-field="stage_targets"] .mb-quote')
    expect(stage.locator(".mb-garbled").first).to_have_text(_gap(lang))
    assert MOJIBAKE not in stage.inner_text()
    if lang == "zh":   # zh-Hant pages show the same quotes converted; en pages the same zh quotes
        reading = _squash((SOURCES / source["normalised"]).read_text(encoding="utf-8"))
        for quote in page.locator(".mb-figures .mb-quote").all():
            for part in quote.inner_text().split(_gap(lang)):
                assert _squash(part) in reading, f"quote not in the simplified reading: {part!r}"
    else:
        assert page.locator(".mb-figures .mb-quote").count() == page.locator(".mb-figures .mb-quote").count()
    o.assert_clean()


WIDE_JS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [360, 1280])
def test_sources_list_and_the_capture_one_click_away(open_page, site_url, lang, width):
    """Every language: the list and the links to the stored files; zh: the click through to each (the
    same pages as from the other languages: their links are checked to lead to them)."""
    policy = load_policies()[PINGJIANG]
    # no live answer is read here: the engine boots on use only
    o = open_page(site_url + _path(PINGJIANG, lang), config={"idleBoot": False}, viewport={"width": width, "height": 900})
    page = o.page
    sources = list(policy["sources"].items())
    assert not page.evaluate(WIDE_JS), f"{lang} {width}px: the page is wider than the screen"
    for key, source in sources:
        item = page.locator(f"li#source-{key}")
        text = item.inner_text()
        convert = to_hant if lang == "zh-Hant" else (lambda s: s)
        want = [convert(source["title"]["en" if lang == "en" else "zh"]),
                convert(source["publisher"]["en" if lang == "en" else "zh"]), str(source["date"])]
        number = source.get("document_number") or policy.get("document_number")
        if number:
            want.append(convert(number))
        for piece in want:
            assert piece in text, f"{lang} {key}: {piece!r} not in {text!r}"
        if source.get("url"):
            assert item.locator(f'a[href="{source["url"]}"]').count() == 1
        files = [source["file"]] + ([source["normalised"]] if source.get("normalised") else [])
        links = item.locator("a.mb-capture-link")
        expect(links).to_have_count(len(files))
        for n, file in enumerate(files):
            link = links.nth(n)
            expect(link).to_be_visible()
            assert link.evaluate("a => a.href") == site_url + f"sources/{file[:-len('.txt')]}.html", file
            if lang != "zh":
                continue
            with page.expect_navigation():
                link.click()
            shown = page.locator("pre.mb-capture").inner_text()
            stored = (SOURCES / file).read_text(encoding="utf-8")
            assert _squash(shown) == _squash(stored), f"{file}: the page does not show the stored text"
            assert page.evaluate("document.characterSet") == "UTF-8"
            assert not page.evaluate(WIDE_JS), f"{file} at {width}px: wider than the screen"
            if (key, n) != (sources[-1][0], len(files) - 1):   # another link to click on the policy page
                page.go_back(wait_until="load")
    o.assert_clean()


def _capture_pages(built_site) -> list[str]:
    """The stored-text pages to visit: one per distinct markup (site_checks.one_page_per_markup) of the
    pages of every cited file (checked against the policies' sources; tests/test_capture_markup.py checks
    each page's words)."""
    pages = sorted(p.relative_to(built_site).as_posix() for p in (built_site / "sources").glob("*.html"))
    cited = {s[k] for p in load_policies().values() for s in p["sources"].values() for k in ("file", "normalised") if s.get(k)}
    assert sorted(f"sources/{f[:-len('.txt')]}.html" for f in cited) == pages
    return one_page_per_markup(built_site, pages)


def test_capture_pages_under_the_strict_csp(browser, built_site):
    """The stored-text pages, one per markup: no CSP violation, console error or outside request (served
    with the strict CSP, site_checks.serve_with_csp). The colour scheme changes no request or script."""
    from site_checks import Recorded, serve_with_csp

    with serve_with_csp(built_site) as (url, reports):
        rec = Recorded(browser, reports)
        for path in _capture_pages(built_site):
            rec.page.goto(url + path, wait_until="load")
            rec.visited(path)
        rec.close_and_check()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_capture_pages_axe(browser, built_site, scheme):
    """The stored-text pages, one per markup: no serious axe violation, in light and dark."""
    pages = _capture_pages(built_site)
    with serve(built_site) as url:   # axe is injected as a script: not under the CSP (header or the pages' <meta>)
        context = browser.new_context(color_scheme=scheme, bypass_csp=True)
        preload_axe(context)
        try:
            page = context.new_page()
            looks: set[str] = set()   # colour contrast once per look of text (axe_checks)
            for path in pages:
                page.goto(url + path, wait_until="load")
                problems = run_axe(page, looks=looks)
                assert problems == [], f"{path}: {problems}"
        finally:
            context.close()
