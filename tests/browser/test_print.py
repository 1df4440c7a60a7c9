"""Print: a policy page as an A4 明白纸 (assets/mingbai/print.css, @media print).

- the worked examples on paper are the ones the policy marks `print: true` (the first three when it
  marks none), in every language; 平江 keeps a newborn case;
- the reader's own calculation (a calculator whose inputs they changed) is printed: its inputs as
  set (dates YYYY-MM-DD), the one-line answer and every result row calc shows, within MAX_SHEETS A4 pages.

Every policy page fits on MAX_SHEETS A4 sheets in every language (zh, en, zh-Hant), readings and source
sentences whole, and so does 平江's with the reader's calculation. Chromium paginates the page for A4
(Page.printToPDF); where the claim is a bound, the sweep asks for the sheet after the bound only
(`page_ranges`), which Chromium refuses with "Page range exceeds page count" when the page has no such
sheet: the same pagination as the PDF, without making one (a PDF costs ~0.6 CPU-s here, mostly its own
process; the refusal next to nothing). Real PDFs, counted in the PDF itself, are made where the claim is
about them: Hengyang's in zh and en (≤ 2 sheets; written out to look at) and 平江's with the reader's
calculation in every language (pytest -s shows the counts); Hengyang's also shows that the probe refuses
the sheet after the last and prints the last. To look at the result:
    pdftoppm -r 80 -png page.pdf out      (poppler-utils)
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import pytest
from playwright.sync_api import Error as PlaywrightError

from support import HENGYANG_EN, HENGYANG_ZH, REPO, open_guarded
from site_checks import LANGS
from widgets import Widget

sys.path.insert(0, str(REPO))
from calc.data import load_policies  # noqa: E402

pytestmark = pytest.mark.browser

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


# readings and source sentences are printed whole (issue 20 item 11: a reading cut to a line can say the
# opposite); the long notices (平江, 双清, Hunan's measures) then take a third sheet
MAX_SHEETS = 3


def pdf_pages(pdf: bytes) -> int:
    return len(PAGE_OBJECT.findall(pdf))


A4 = {"format": "A4", "print_background": True, "prefer_css_page_size": True}
BEYOND_LAST = "Page range exceeds page count"   # Chromium's refusal of a page range past the last sheet
SHOWN_JS = """() => {
  const vis = sel => [...document.querySelectorAll(sel)].some(e => getComputedStyle(e).display !== 'none'
                                                                  && e.getClientRects().length > 0);
  return {form: vis('form.mb-calc'), snippet: vis('.mb-embed-snippet'), header: vis('.md-header'),
          nav: vis('.md-sidebar--primary nav'), search: vis('.md-search'), footer: vis('.md-footer'),
          summary: vis('.mb-summary'), examples: vis('.mb-example'), figures: vis('table.mb-figures'),
          quotes: vis('.mb-figures .mb-quote'), sources: vis('.mb-sources')};
}"""
FULL_PDF = {HENGYANG_ZH: "zh", HENGYANG_EN: "en"}   # path -> language: printed to a real PDF in the sweep


def has_sheet(page, n: int) -> bool:
    """Whether the page, printed on A4, has an n-th sheet: Chromium prints that sheet alone or refuses the range."""
    try:
        page.pdf(**A4, page_ranges=str(n))
    except PlaywrightError as refused:
        assert BEYOND_LAST in str(refused), refused
        return False
    return True


@dataclass
class Printed:
    fits: bool                 # no sheet after MAX_SHEETS
    examples: list[int]        # indexes of the worked examples visible on paper
    pdf: bytes | None = None   # the whole PDF, for the pages in FULL_PDF
    shown: dict | None = None  # SHOWN_JS, for the pages in FULL_PDF
    probed: tuple[bool, bool] | None = None   # has_sheet of the PDF's last sheet and the one after, FULL_PDF's


@pytest.fixture(scope="module")
def printed_policies(browser, site_url):
    """lang -> {policy id: Printed}: every policy page printed once per language in one guarded page of one
    context for the module (the tests below read the same print)."""
    done: dict[str, dict[str, Printed]] = {}
    o = open_guarded(browser, "about:blank", config={"idleBoot": False})
    o.page.emulate_media(media="print")

    def of(lang: str) -> dict[str, Printed]:
        if lang not in done:
            seen = {}
            for pid in sorted(load_policies()):
                path = _locale_path(pid, lang)
                o.visit(site_url + path)
                shown = o.page.evaluate(
                    f"sel => ({VISIBLE_JS})(sel).map(e => [...document.querySelectorAll(sel)].indexOf(e))", ".mb-example")
                if path in FULL_PDF:
                    pdf = o.page.pdf(**A4)
                    last = pdf_pages(pdf)
                    seen[pid] = Printed(last <= MAX_SHEETS, shown, pdf, o.page.evaluate(SHOWN_JS),
                                        (has_sheet(o.page, last), has_sheet(o.page, last + 1)))
                else:
                    seen[pid] = Printed(not has_sheet(o.page, MAX_SHEETS + 1), shown)
            o.assert_clean()
            done[lang] = seen
        return done[lang]

    yield of
    o.context.close()


@pytest.mark.parametrize("path", [HENGYANG_ZH, HENGYANG_EN])
def test_hengyang_prints_on_at_most_two_pages(printed_policies, path, tmp_path):
    """A real PDF of the sweep's print (printed_policies), counted; what is on paper and what is not."""
    pid = "hunan/hengyang/2023-flexible-employment"
    assert pid in path
    printed = printed_policies(FULL_PDF[path])[pid]
    pdf = printed.pdf
    (tmp_path / "hengyang.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    pages = pdf_pages(pdf)
    print(f"\n{path}: {pages} A4 page(s)")
    assert 1 <= pages <= 2, f"{path} prints on {pages} pages"
    assert printed.shown == {"form": False, "snippet": False, "header": False, "nav": False, "search": False,
                             "footer": False, "summary": True, "examples": True, "figures": True, "quotes": True,
                             "sources": True}, printed.shown


@pytest.mark.parametrize("path", list(FULL_PDF))
def test_the_sheet_probe_agrees_with_the_pdf(printed_policies, path):
    """has_sheet (the sweep's probe for every other page) against a real PDF's count, on the same page: the
    last sheet is printed alone, the one after it refused."""
    printed = printed_policies(FULL_PDF[path])["hunan/hengyang/2023-flexible-employment"]
    assert pdf_pages(printed.pdf) >= 1
    assert printed.probed == (True, False), (pdf_pages(printed.pdf), printed.probed)


@pytest.mark.parametrize("lang", LANGS)
def test_print_page_counts_of_every_policy(printed_policies, lang):
    """Every policy page prints on at most MAX_SHEETS A4 sheets in every language (long notices are
    condensed by print.css): Chromium's A4 pagination has no sheet after MAX_SHEETS (has_sheet)."""
    fits = {pid: p.fits for pid, p in printed_policies(lang).items()}
    print(f"\n{sum(fits.values())} of {len(fits)} policy pages print on at most {MAX_SHEETS} A4 sheets ({lang})")
    assert fits and all(fits.values()), [pid for pid, ok in fits.items() if not ok]


PINGJIANG = "hunan/yueyang/pingjiang/2023-resident"

# what the printed page shows: visible in print media (display, a box on the paper)
VISIBLE_JS = """sel => [...document.querySelectorAll(sel)].filter(e => getComputedStyle(e).display !== 'none'
                                                   && e.getClientRects().length > 0)"""


def _locale_path(pid: str, lang: str) -> str:
    return ("" if lang == LANGS[0] else f"{lang}/") + f"policies/{pid}/"


@pytest.mark.parametrize("lang", LANGS)
def test_printed_examples_are_the_marked_ones(printed_policies, lang):
    policies = load_policies()
    newborn = [e for e in policies[PINGJIANG]["examples"] if e.get("print") and e["inputs"].get("circumstance") == "newborn"]
    assert newborn, "平江 must keep a newborn case on paper (examples[].print)"
    printed = printed_policies(lang)
    assert sorted(printed) == sorted(policies)
    for pid in sorted(policies):
        examples = policies[pid].get("examples", [])
        marked = [i for i, e in enumerate(examples) if e.get("print")] or list(range(min(3, len(examples))))
        shown = printed[pid].examples
        assert shown == marked, f"{pid} ({lang}): prints examples {shown}, expected {marked}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_readers_own_calculation_is_printed(open_page, site_url, lang, tmp_path):
    o = open_page(site_url + _locale_path(PINGJIANG, lang))
    widget = Widget(o, "resident-benefit-start", PINGJIANG, lang)
    mine = {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-09", "fiscal_subsidy": ""}
    run = widget.apply({k: v for k, v in mine.items() if k in widget.field_names()})
    if lang == "zh-Hant":   # calc.run speaks zh and en: here the answer for these inputs, settled
        widget.settle()
    else:
        widget.expect_result(run)
    page = o.page
    page.emulate_media(media="print")
    printed_forms = page.evaluate(f"sel => ({VISIBLE_JS})(sel).map(f => f.dataset.calc)", "form.mb-calc")
    assert printed_forms == ["resident-benefit-start"], printed_forms   # only the one the reader used
    form = widget.form
    assert form.locator(".mb-headline").is_visible()
    shown_lang = lang if lang in run["headline"] else None   # calc speaks zh and en; zh-Hant pages convert
    if shown_lang:
        assert form.locator(".mb-headline").inner_text() == run["headline"][lang]
    for name, shown in run["display"].items():
        dd = form.locator(f'dd[data-output="{name}"]')
        if dd.count() and name not in run["folded"]:
            assert dd.is_visible(), f"result {name} not printed"
            assert shown_lang is None or dd.inner_text() == shown[lang]
    choice = form.locator('[data-field="circumstance"] select')
    assert choice.is_visible() and choice.evaluate("s => s.options[s.selectedIndex].text") in page.inner_text("form.mb-calc[data-calc=resident-benefit-start]")
    for name in ("event_date", "payment_date"):   # printed as YYYY-MM-DD in the control's place (issue 20 item 11)
        field = form.locator(f'[data-field="{name}"]')
        assert field.get_attribute("data-print-value") == mine[name]
        assert field.evaluate("el => getComputedStyle(el, '::after').content") == f'"{mine[name]}"'
        assert form.locator(f'[data-field="{name}"] input').input_value() == mine[name]
    pdf = page.pdf(**A4)
    (tmp_path / "mine.pdf").write_bytes(pdf)
    print(f"\n{lang} 平江 with the reader's calculation: {pdf_pages(pdf)} A4 page(s)")
    assert 1 <= pdf_pages(pdf) <= MAX_SHEETS, f"{pdf_pages(pdf)} pages with the reader's calculation"
    o.assert_clean()
