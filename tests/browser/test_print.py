"""Print: a policy page as an A4 明白纸 (assets/mingbai/print.css, @media print).

Chromium prints the page to PDF (page.pdf, A4); the pages are counted in the PDF itself.
衡阳 must fit on two pages; the others are reported (pytest -s shows the counts; figure-heavy
resident policies take more). To look at the result:
    pdftoppm -r 80 -png page.pdf out      (poppler-utils)
"""
from __future__ import annotations

import re
import sys

import pytest

from support import HENGYANG_EN, HENGYANG_ZH, REPO

sys.path.insert(0, str(REPO))
from calc.data import load_policies  # noqa: E402

pytestmark = pytest.mark.browser

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(pdf: bytes) -> int:
    return len(PAGE_OBJECT.findall(pdf))


def printed(open_page, url: str) -> tuple[object, bytes]:
    o = open_page(url, config={"idleBoot": False})
    o.page.emulate_media(media="print")
    return o, o.page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


@pytest.mark.parametrize("path", [HENGYANG_ZH, HENGYANG_EN])
def test_hengyang_prints_on_at_most_two_pages(open_page, site_url, path, tmp_path):
    o, pdf = printed(open_page, site_url + path)
    (tmp_path / "hengyang.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    pages = pdf_pages(pdf)
    print(f"\n{path}: {pages} A4 page(s)")
    assert 1 <= pages <= 2, f"{path} prints on {pages} pages"
    page = o.page
    shown = page.evaluate("""() => {
      const vis = sel => [...document.querySelectorAll(sel)].some(e => getComputedStyle(e).display !== 'none'
                                                                      && e.getClientRects().length > 0);
      return {form: vis('form.mb-calc'), snippet: vis('.mb-embed-snippet'), header: vis('.md-header'),
              nav: vis('.md-sidebar--primary nav'), search: vis('.md-search'), footer: vis('.md-footer'),
              summary: vis('.mb-summary'), examples: vis('.mb-example'), figures: vis('table.mb-figures'),
              quotes: vis('.mb-figures .mb-quote'), sources: vis('.mb-sources')};
    }""")
    assert shown == {"form": False, "snippet": False, "header": False, "nav": False, "search": False,
                     "footer": False, "summary": True, "examples": True, "figures": True, "quotes": True,
                     "sources": True}, shown
    o.assert_clean()


def test_print_page_counts_of_every_policy(open_page, site_url):
    """Every policy page prints as a one- or two-sheet A4 明白纸 (long notices are condensed by print.css)."""
    counts = {}
    for pid in sorted(load_policies()):
        o, pdf = printed(open_page, f"{site_url}policies/{pid}/")
        counts[pid] = pdf_pages(pdf)
        o.assert_clean()
        o.context.close()
    print("\nA4 pages when printed:", counts)
    assert counts and all(1 <= n <= 2 for n in counts.values()), counts
