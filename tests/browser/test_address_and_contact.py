"""The site's public address and a policy's contact (issue 11).

Two builds of the real site (tests/site_cache.py: `plain` is built_site's build when MINGBAI_SITE_URL is unset):
- `plain`: no MINGBAI_SITE_URL. No page carries a canonical link, and nothing in a page or the
  sitemap names 127.0.0.1 (the old fixed site_url); the sitemap still lists every page; the
  language switcher takes the reader to the same page in the other language.
- `addressed`: MINGBAI_SITE_URL set, and policies/ copied with a `contact:` added to one policy
  (no policy in policies/ names a contact yet; the copy is this test's own). Each page's canonical
  link is the page's address at the configured site, the sitemap's too; the contact appears in the
  footer of that policy's pages, beside the disclaimer and the checked date, in zh, en and zh-Hant,
  on a 360 px phone and a 1280 px desktop; a policy without a contact shows none (every page of every
  other policy, from the HTML: test_footer_names_the_contact_where_the_policy_gives_one).
Each build is served once for the module; the browser tests only read pages.
"""
from __future__ import annotations

import contextlib
import re
import shutil
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from site_cache import cached_site
from support import REPO, serve
from site_checks import LANGS

sys.path.insert(0, str(REPO))
from calc.data import load_policies  # noqa: E402
from scripts.site.hant import to_hant  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.site]   # two builds (shared: tests/site_cache.py)

ADDRESS = "https://mingbai.example.org/"
CONTACT = {"zh": "县医疗保障局咨询电话 0000-0000000（测试用）", "en": "the county medical security bureau, 0000-0000000 (test)"}
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
FOOTER = re.compile(r'<div class="md-copyright__highlight mb-disclaimer">(.*?)</div>', re.S)
PINGJIANG = "hunan/yueyang/pingjiang/2023-resident"


def _root(lang: str) -> str:
    return "" if lang == "zh" else f"{lang}/"


def _with_contact() -> str:
    return sorted(load_policies())[0]


def _build(env: dict[str, str], tmp_root: Path) -> Path:
    """The shared build for os.environ less MINGBAI_SITE_URL, plus env (tests/site_cache.py)."""
    try:
        return cached_site(env, without=("MINGBAI_SITE_URL",), tmp_root=tmp_root)
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    """The real site with no address: built_site's build when MINGBAI_SITE_URL is not set."""
    return _build({}, tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def addressed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("addressed")
    policies = work / "policies"
    shutil.copytree(REPO / "policies", policies)
    pid = _with_contact()
    path = next(p for p in policies.rglob("*.yaml") if p.relative_to(policies).with_suffix("").as_posix() == pid)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + f'\ncontact:\n  zh: "{CONTACT["zh"]}"\n  en: "{CONTACT["en"]}"\n', encoding="utf-8")
    return _build({"MINGBAI_SITE_URL": ADDRESS, "MINGBAI_POLICIES_DIR": str(policies),
                   "MINGBAI_POLICY_DATA": str(work / "policies.json")}, work)


@pytest.fixture(scope="module")
def served(request):
    """which build ("plain" or "addressed") -> its address at 127.0.0.1, each served once for the module."""
    with contextlib.ExitStack() as stack:
        urls: dict[str, str] = {}

        def url_of(which: str) -> str:
            if which not in urls:
                urls[which] = stack.enter_context(serve(request.getfixturevalue(which)))
            return urls[which]

        yield url_of


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "sources" not in p.relative_to(site).parts[:1]]


def test_without_an_address_no_canonical_link_and_no_127(plain: Path) -> None:
    pages = _pages(plain)
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "127.0.0.1" not in html, f"{page.relative_to(plain)} names 127.0.0.1"
        assert not CANONICAL.search(html), f"{page.relative_to(plain)}: canonical link without a site address"
    sitemap = (plain / "sitemap.xml").read_text(encoding="utf-8")
    assert "127.0.0.1" not in sitemap
    for pid in load_policies():   # still every page, in every language
        for lang in LANGS:
            assert f"{_root(lang)}policies/{pid}/" in sitemap, (lang, pid)


def test_with_an_address_canonical_links_use_it(addressed: Path) -> None:
    for pid in load_policies():
        for lang in LANGS:
            rel = f"{_root(lang)}policies/{pid}/"
            html = (addressed / rel / "index.html").read_text(encoding="utf-8")
            assert CANONICAL.findall(html) == [ADDRESS + rel], (lang, pid)
    home = (addressed / "index.html").read_text(encoding="utf-8")
    assert CANONICAL.findall(home) == [ADDRESS]
    sitemap = (addressed / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert locs and all(loc.startswith(ADDRESS) for loc in locs), locs[:5]
    assert f"<loc>{ADDRESS}en/policies/{PINGJIANG}/</loc>" in sitemap
    for page in _pages(addressed):
        assert "127.0.0.1" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("which", ["plain", "addressed"])
@pytest.mark.parametrize("target", ["en", "zh-Hant"])
def test_language_switch_keeps_the_page(served, open_page, which: str, target: str) -> None:
    """Served at 127.0.0.1 (not the configured address): the switcher opens the same policy in the
    other language, with no console error (no sitemap.xml lookup that would send it to the root)."""
    url = served(which)
    o = open_page(f"{url}policies/{PINGJIANG}/", config={"idleBoot": False})
    page = o.page
    page.locator(".md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_url(f"{url}{target}/policies/{PINGJIANG}/")
    assert page.evaluate("document.documentElement.lang") == target
    assert not [r for r in o.requests if r.endswith("sitemap.xml")], o.requests
    o.assert_clean()


def _contact(lang: str) -> str:
    return to_hant(CONTACT["zh"]) if lang == "zh-Hant" else CONTACT["en" if lang == "en" else "zh"]


def test_footer_names_the_contact_where_the_policy_gives_one(addressed: Path) -> None:
    with_contact = _with_contact()
    for pid in load_policies():
        for lang in LANGS:
            html = (addressed / f"{_root(lang)}policies/{pid}/index.html").read_text(encoding="utf-8")
            footer = FOOTER.search(html).group(1)
            if pid == with_contact:
                assert 'class="mb-contact"' in footer and _contact(lang) in footer, (lang, footer)
            else:
                assert 'class="mb-contact"' not in footer, (lang, pid, footer)
                assert CONTACT["zh"] not in html and CONTACT["en"] not in html


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [360, 1280])
def test_contact_shown_beside_the_disclaimer_on_phone_and_desktop(served, open_page, lang: str, width: int) -> None:
    """The contact is visible, on the screen and in the disclaimer's box. That the other policies' pages show
    none is read from every page's HTML (test_footer_names_the_contact_where_the_policy_gives_one)."""
    pid = _with_contact()
    # a page of the footer, not of calc's answers: the engine boots on use only
    page = open_page(f"{served('addressed')}{_root(lang)}policies/{pid}/", config={"idleBoot": False},
                     viewport={"width": width, "height": 800}).page
    footer = page.locator(".mb-disclaimer")
    contact = footer.locator(".mb-contact")
    expect(contact).to_be_visible()
    assert _contact(lang) in contact.inner_text()
    box, frame = contact.bounding_box(), footer.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (box, width)
    assert frame["y"] <= box["y"] <= frame["y"] + frame["height"], (box, frame)   # in the disclaimer's box
