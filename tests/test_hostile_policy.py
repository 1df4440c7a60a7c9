"""A hostile policy (tests/fixtures/hostile/) renders as text on every page and in the widgets.

Its title, jurisdiction, issuers, summary, covers, readings, labels, descriptions, `how`
notes, quotes (found in a hostile source text, so the build accepts them), source titles,
example notes, a funder name and a payment channel (both shown by the resident-contribution
widget and its chart) carry `<script>`, `<img onerror>`, `<svg onload>`, `<iframe>`,
`javascript:` links, attribute-breaking quotes and Markdown link syntax. The site is built
in a copy of the repository (tests/repo_copy.py); the generated HTML is parsed with the
standard library's html.parser.
"""
from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from repo_copy import copy_repo, mkdocs_build

FIXTURE = Path(__file__).parent / "fixtures" / "hostile"
pytestmark = pytest.mark.site   # builds a copy of the site with the fixture
POLICY_ID = "hunan/hostile/2023-flexible-employment"
REFERENCE_ID = "hunan/hengyang/2023-flexible-employment"
PROVINCE_ID = "xss/hostile/2023-flexible-employment"   # the fixture again, in a province named with markup
PROVINCE = {"zh": "恶意省<img src=x onerror=alert(1)>", "en": 'Evil <img src=x onerror=alert("province")> Province'}
SITE_URL = "https://mingbai.example.org/"   # every page gets <link rel=canonical>
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc", "background"}
META_ATTRIBUTES = {"name", "content", "charset", "http-equiv", "property"}
THEME_VOID = "javascript:void(0)"   # mkdocs-material's own (search share button), not policy text

# Texts from the fixture that must be readable, literally, on the pages
SHOWN = {
    "zh": ['恶意<script>alert("title")</script>测试 [点我](javascript:alert(1)) <img src=x onerror=alert(1)>',
           '<svg onload=alert("covers")>对象',
           '<script>alert("reading")</script>解读 ![x](javascript:alert(1)) <javascript:alert(1)>',
           '<script>alert("label")</script>基准值',
           '缴费基准值为5977元/月<script>alert(1)</script><img src=x onerror="alert(2)">[点我](javascript:alert(3))',
           '<script>alert("how")</script>推定',
           '<a href="javascript:alert(1)">某局</a>',
           '<script>alert("note")</script>半年'],
    "en": ['Hostile <script>alert("title")</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** `code`',
           '<img src=x onerror=alert("reading")> reading [x](javascript:alert(1))',
           '<img src=x onerror=alert("label")> benchmark [x](javascript:alert(1))',
           'Summary" onmouseover="alert(1)" x="<script>alert("summary")</script>',
           '<img src=x onerror=alert("note")> half a year [x](javascript:alert(1))'],
}
FUNDER = {"zh": '<b onclick=alert(10)>医疗救助</b><script>alert("funder")</script>',
          "en": '<img src=x onerror=alert("funder")> assistance [x](javascript:alert(1))'}


class Parsed(HTMLParser):
    """Elements, attributes, text and script/style contents of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[tuple, str]] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self._path: list[tuple[str, dict]] = []
        self.outputs: dict[tuple[str, str], str] = {}     # (calculator, output) -> text of the prerendered <dd>
        self._calc: str | None = None
        self._output: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if tag in ("script", "style"):
            self._in = tag
            if tag == "script":
                self.scripts.append((tuple(sorted((k, v) for k, v in a.items() if k in ("src", "type", "id"))), ""))
        if tag == "form" and "mb-calc" in a.get("class", ""):
            self._calc = a.get("data-calc")
        if tag == "dd" and "data-output" in a and self._calc:
            self._output = a["data-output"]
            self.outputs[(self._calc, self._output)] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None
        if tag == "dd":
            self._output = None
        if tag == "form":
            self._calc = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.text.append(data)
            if self._output:
                key = (self._calc, self._output)
                self.outputs[key] += data


def parse(path: Path) -> Parsed:
    parsed = Parsed()
    parsed.feed(path.read_text(encoding="utf-8"))
    parsed.close()
    return parsed


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    root = copy_repo(tmp / "repo")
    target = root / "policies" / f"{POLICY_ID}.yaml"
    target.parent.mkdir(parents=True)
    shutil.copy2(FIXTURE / "2023-flexible-employment.yaml", target)
    shutil.copy2(FIXTURE / "hostile-source.txt", root / "policies" / "sources" / "hostile-source.txt")
    # issue 21, item 1: the same policy in a province of its own whose name carries markup
    text = (FIXTURE / "2023-flexible-employment.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {POLICY_ID}", f"id: {PROVINCE_ID}").replace(
        "  province: {zh: 湖南省, en: Hunan Province}\n", f"  province: {{zh: '{PROVINCE['zh']}', en: '{PROVINCE['en']}'}}\n")
    assert PROVINCE["zh"] in text and PROVINCE_ID in text
    (root / "policies" / f"{PROVINCE_ID}.yaml").parent.mkdir(parents=True)
    (root / "policies" / f"{PROVINCE_ID}.yaml").write_text(text, encoding="utf-8")
    proc = mkdocs_build(root, tmp / "site", {"MINGBAI_SITE_URL": SITE_URL})
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    return tmp / "site"


def _page(site: Path, policy_id: str, locale: str) -> Path:
    prefix = "" if locale == "zh" else f"{locale}/"
    return site / f"{prefix}policies/{policy_id}/index.html"


def test_no_element_or_attribute_comes_from_policy_text(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert _page(site, POLICY_ID, "zh") in pages and _page(site, POLICY_ID, "en") in pages
    found = []
    for path in pages:
        parsed = parse(path)
        where = path.relative_to(site).as_posix()
        for tag, attrs in parsed.elements:
            for name, value in attrs.items():
                if name.startswith("data-pwn"):     # a Markdown attribute list ({: ...}) taken from policy text
                    found.append(f"{where}: <{tag} {name}={value!r}>")
                if name.startswith("on"):
                    found.append(f"{where}: <{tag} {name}={value!r}>")
                url = value.strip().lower().replace("\t", "")
                if name in URL_ATTRIBUTES and url.startswith(("javascript:", "vbscript:")) and url != THEME_VOID:
                    found.append(f"{where}: <{tag} {name}={value!r}>")
            if tag in ("iframe", "object", "embed", "frame", "base"):
                found.append(f"{where}: <{tag}>")
            if tag == "img" and attrs.get("src") == "x":
                found.append(f"{where}: <img src=x>")
            if tag == "meta" and set(attrs) - META_ATTRIBUTES:
                found.append(f"{where}: <meta> with {sorted(set(attrs) - META_ATTRIBUTES)} (an attribute broken out of)")
        for attrs, text in parsed.scripts:
            if "alert(" in text or "alert(" in str(attrs):
                found.append(f"{where}: <script {attrs}> with policy text")
        for text in parsed.styles:
            if "display:none" in text.replace(" ", ""):
                found.append(f"{where}: <style> from policy text")
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_the_hostile_page_has_only_the_scripts_every_policy_page_has(site: Path, locale: str) -> None:
    hostile = [attrs for attrs, _ in parse(_page(site, POLICY_ID, locale)).scripts]
    reference = [attrs for attrs, _ in parse(_page(site, REFERENCE_ID, locale)).scripts]
    assert hostile == reference


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_policy_text_is_shown_as_text(site: Path, locale: str) -> None:
    page = _page(site, POLICY_ID, locale)
    parsed = parse(page)
    text = "".join(parsed.text)
    for shown in SHOWN[locale]:
        assert shown in text, shown
    raw = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in raw or "&lt;script&gt;alert(&#34;" in raw
    title = next(a for t, a in parsed.elements if t == "meta" and a.get("name") == "description")["content"]
    summary = {"zh": '摘要" onmouseover="alert(1)" x="<script>', "en": 'Summary" onmouseover="alert(1)" x="<script>'}[locale]
    assert title.startswith(summary), title     # the summary, whole, inside the attribute
    assert not any(t == "a" and "javascript:" in a.get("href", "") for t, a in parsed.elements)   # Markdown links stay text


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_widgets_show_policy_text_as_text(site: Path, locale: str) -> None:
    parsed = parse(_page(site, POLICY_ID, locale))
    payer = parsed.outputs[("resident-contribution", "subsidy_payer")]
    assert payer.strip() == FUNDER[locale]
    # the chart (inline SVG built by calc) names the funder in its text, escaped
    text = "".join(parsed.text)
    assert text.count(FUNDER[locale]) >= 3, "result, steps and chart all show the funder as text"
    assert any(t == "form" and a.get("data-calc") == "flexible-contribution" for t, a in parsed.elements)


ATTR_LIST = "{: onclick=alert("    # Markdown attribute-list payloads in the fixture's title, city and table label


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_markdown_attribute_lists_in_policy_text_stay_text(site: Path, locale: str) -> None:
    """`{: onclick=... data-pwn=... }` after a title, a city or a table label is shown, never applied."""
    prefix = "" if locale == "zh" else f"{locale}/"
    pages = {
        "policy": _page(site, POLICY_ID, locale),
        "home": site / f"{prefix}index.html",
        "province": site / f"{prefix}policies/hunan/index.html",
        "table": site / f"{prefix}policies/{POLICY_ID}/hostile-table/index.html",
    }
    for kind, page in pages.items():
        assert page.is_file(), f"{kind}: {page}"
        parsed = parse(page)
        text = "".join(parsed.text)
        assert ATTR_LIST in text, f"{kind} page does not show the attribute list as text"
        for tag, attrs in parsed.elements:
            assert not any(k.startswith(("on", "data-pwn")) for k in attrs), f"{kind}: <{tag} {attrs}>"
    compare = sorted(site.glob(f"{prefix}compare/*/*/index.html"))
    assert compare, "no compare page built"
    for page in compare:
        for tag, attrs in parse(page).elements:
            assert not any(k.startswith(("on", "data-pwn")) for k in attrs), f"{page}: <{tag} {attrs}>"


@pytest.mark.parametrize("locale", ["zh", "en", "zh-Hant"])
def test_a_province_name_with_markup_is_text_in_title_and_header(site: Path, locale: str) -> None:
    """Issue 21, item 1: the province page's front-matter title went into <title> and the header raw."""
    prefix = "" if locale == "zh" else f"{locale}/"
    page = site / f"{prefix}policies/xss/index.html"
    raw = page.read_text(encoding="utf-8")
    parsed = parse(page)
    assert not any(t == "img" and a.get("src") == "x" for t, a in parsed.elements), "an <img> from the province name"
    name = PROVINCE["en" if locale == "en" else "zh"]
    title = raw[raw.index("<title>") + len("<title>"): raw.index("</title>")]
    assert "<img" not in title and "&lt;img src=x onerror=alert(" in title, title
    assert name.split("<")[0] in title or locale == "zh-Hant"   # 繁體: the name converted
    assert "onerror=alert(" in "".join(parsed.text)   # shown, as text


def test_every_page_carries_the_csp_meta_first_and_an_escaped_canonical_link(site: Path) -> None:
    """Issue 21, item 7: a <meta> Content-Security-Policy on every page, before any script or link."""
    from scripts.site.csp import CSP, SOURCE_PAGE_CSP
    missing = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/"):
            continue
        parsed = parse(path)
        want = SOURCE_PAGE_CSP if rel.startswith("sources/") else CSP
        head = [(t, a) for t, a in parsed.elements if t in ("meta", "link", "script", "style")]
        metas = [i for i, (t, a) in enumerate(head) if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        if not metas or head[metas[0]][1].get("content") != want:
            missing.append(f"{rel}: no CSP meta")
        elif any(t in ("script", "link", "style") for t, _ in head[: metas[0]]):
            missing.append(f"{rel}: the CSP meta comes after a script or stylesheet")
    assert not missing, "\n".join(missing[:20])
    raw = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://mingbai.example.org/">' in raw
