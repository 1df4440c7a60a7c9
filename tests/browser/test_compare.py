"""Comparison pages (scripts/site/compare_pages.py compare_groups/render_compare, templates/compare.md.j2):
every page the build writes, in every language, on a 360 px phone and a 1280 px desktop.

- every topic with two or more places has comparison pages, and every place's latest policy is a
  column on one of them (a place's older years do not crowd out other places); the page says which
  years it compares;
- the page fits: no sideways scroll of the page or of any box in it, the table inside its column,
  no cell clipped; on phones each value is labelled with its place;
- every link on the page resolves (policy pages, whole tables on their own pages); no value that
  points at a "table below"; no text said twice in a row ("not stated … not stated …").
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from urllib.parse import urljoin

import pytest

from support import REPO, serve
from site_checks import LANGS, site_pages

sys.path.insert(0, str(REPO))
from calc.data import load_policies  # noqa: E402

pytestmark = pytest.mark.browser

SIZES = {"phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
         "desktop": {"viewport": {"width": 1280, "height": 800}}}

FIT_JS = """() => {
  const out = [], vw = window.innerWidth;
  const name = el => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className
                     ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + el.textContent.trim().slice(0, 30) + '"';
  if (document.documentElement.scrollWidth > vw + 1) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
  const box = document.querySelector('.md-content__inner').getBoundingClientRect();
  const table = document.querySelector('table.mb-compare');
  if (!table) return ['no table.mb-compare'];
  const t = table.getBoundingClientRect();
  if (t.left < box.left - 1 || t.right > box.right + 1)
    out.push('table ' + Math.round(t.left) + '..' + Math.round(t.right) + ' outside its column ' + Math.round(box.left) + '..' + Math.round(box.right));
  for (const el of document.querySelectorAll('.md-content *')) {
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    if (!r.width || cs.visibility === 'hidden') continue;
    if (r.right > vw + 1 || r.left < -1) out.push(name(el) + ' off screen ' + Math.round(r.left) + '..' + Math.round(r.right));
    if ((cs.overflowX !== 'visible') && el.scrollWidth > el.clientWidth + 1)
      out.push(name(el) + ' clipped or scrolls sideways: ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  return out.slice(0, 10);
}"""

# on phones the table is stacked: every value must say which place it is from
PLACE_LABELS_JS = """() => [...document.querySelectorAll('table.mb-compare td')]
  .filter(td => !getComputedStyle(td, '::before').content.includes(td.dataset.place || '\\u0000'))
  .map(td => td.textContent.trim().slice(0, 40)).slice(0, 5)"""


def compare_pages(built_site) -> list:
    """Every comparison page the build wrote (all languages), from the built files: no fixed list."""
    return [p for p in site_pages(built_site) if "compare/" in p.path]


@pytest.fixture(scope="module")
def site(built_site):
    with serve(built_site) as url:
        yield url


def test_every_topic_with_two_places_is_compared(built_site):
    policies = load_policies()
    latest: dict[str, dict[str, str]] = defaultdict(dict)   # topic → place → latest policy id
    for pid in sorted(policies, key=lambda i: str(policies[i]["governs"]["benefits"]["from"])):
        latest[policies[pid]["topic"]][pid.rsplit("/", 1)[0]] = pid
    pages = compare_pages(built_site)
    for lang in LANGS:
        prefix = "" if lang == LANGS[0] else f"{lang}/"
        linked: dict[str, set[str]] = defaultdict(set)   # topic → policies that are a column
        for page in (p for p in pages if p.lang == lang):
            topic = page.path.removeprefix(prefix).split("/")[1]
            html = (built_site / page.path / "index.html").read_text(encoding="utf-8")
            head = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
            linked[topic] |= {m for m in re.findall(r'href="(?:\.\./)+policies/([^"]+?)/"', head)}
            assert re.search(r'class="mb-compare-years"[^>]*>[^<]*20\d\d', html), f"{page.path}: years compared not said"
        for topic, places in latest.items():
            if len(places) >= 2:
                assert set(places.values()) <= linked[topic], (lang, topic, set(places.values()) - linked[topic])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_compare_pages_fit_and_resolve(open_page, built_site, site, lang, size):
    """One page of the worker's shared context for the size (conftest open_page) visits them all."""
    pages = [p.path for p in compare_pages(built_site) if p.lang == lang]
    assert pages, f"no comparison page in {lang}"
    problems: list[str] = []
    o = open_page("about:blank", **SIZES[size])
    page = o.page
    for path in pages:
        page.goto(site + path, wait_until="load")
        problems += [f"{path}: {p}" for p in page.evaluate(FIT_JS)]
        if size == "phone":
            problems += [f"{path}: value without its place: {p}" for p in page.evaluate(PLACE_LABELS_JS)]
        text = page.inner_text("article")
        for said in ("table below", "见下表", "見下表"):
            if said in text:
                problems.append(f"{path}: points at a table below that is not there")
        for cell in page.locator("table.mb-compare td").all_inner_texts():
            lines = [line.strip() for line in cell.splitlines() if line.strip()]
            doubled = [line for line in lines if re.fullmatch(r"(.{2,}?)\s+\1", line)]
            doubled += [a for a, b in zip(lines, lines[1:]) if a == b]
            if doubled:
                problems.append(f"{path}: said twice: {doubled}")
        for href in page.eval_on_selector_all("article a[href]", "els => els.map(a => a.getAttribute('href'))"):
            if href.startswith(("#", "mailto:")) or re.match(r"https?://(?!127\.0\.0\.1)", href):
                continue
            target = urljoin(site + path, href)
            status = page.request.get(target).status
            if status != 200:
                problems.append(f"{path}: link {href} → {status}")
    assert o.outside == []
    assert problems == [], "\n".join(problems)
