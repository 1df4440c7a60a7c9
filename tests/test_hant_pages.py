"""Every 繁體 page is its 简体 page converted, word for word and tag for tag (scripts/site/hant.py).

The build writes each zh-Hant page from the zh page's Markdown converted with OpenCC (`to_hant_page`), through
the same templates. This reads both built pages and compares them: the zh page converted must give the
zh-Hant page, element by element, attribute by attribute and text by text, once what differs by design is
set aside:
- addresses: every link, script and style resolved to a site path (a zh-Hant page sits one folder deeper,
  its own links lead into /zh-Hant/), material's `__config` block likewise;
- the page's language: `<html lang>`, every element's `lang` and the forms' `data-lang` (a converted quote
  or chart is 繁體, and says so), `lang=` in the embed code shown to copy;
- the site's frame in material's own 繁體 (its zh and zh-Hant translation files: 搜尋, not a conversion of
  查找) and the 繁體 site name (mkdocs.yml).
Anything else a zh-Hant reader would see differently — a Simplified string left in (the meta description and
the colour toggle's name were, until this test), a missing or extra element — fails here, naming the page.
This is also what lets the browser's accessibility sweep read one zh-Hant policy page instead of every one
(tests/browser/test_a11y.py): the markup axe and the accessible names are computed from is the zh page's.
"""
from __future__ import annotations

import functools
import json
import posixpath
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_yml import mkdocs_yml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from scripts.site.hant import to_hant, to_hant_page  # noqa: E402

pytestmark = pytest.mark.site
HANT = "zh-Hant"
URL_ATTRS = {"href", "src", "action", "data-md-scope", "data-assets"}
# the page's language: the document's, each form's (the widget speaks it) and each element's in it (a quote, a chart)
LANG_ATTRS = {"lang", "data-lang"}
NOT_WORDS = {"language", "direction"}   # material's language code and writing direction, not words
PAGE_LANG = "\0page-lang\0"
EMBED_SRC = re.compile(r'(src=")([^"]*)(")')
EMBED_LANG = re.compile(r"([?&](?:amp;)?lang=)(zh-Hant|zh)\b")
SIMPLIFIED_MARK = re.compile(r'<[a-z]+[^>]*\slang="zh"[^>]*>')   # every text on a zh-Hant page is converted
MATERIAL_STRING = re.compile(r'^\s*"([^"]+)": "(.*)",?$', re.M)


def _material_strings(locale: str) -> dict[str, str]:
    import material

    text = (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{locale}.html").read_text(encoding="utf-8")
    return {key: json.loads(f'"{value}"') for key, value in MATERIAL_STRING.findall(text)}


@functools.cache
def _site_names() -> tuple[str, str]:
    config = mkdocs_yml()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    hant = next(lang for lang in i18n["languages"] if lang["locale"] == HANT)
    return config["site_name"], hant.get("site_name") or config["site_name"]


@functools.cache
def frame_words() -> dict[str, str]:
    """The zh frame's words, converted, -> what the zh-Hant frame says instead (where the two differ)."""
    zh, hant = _material_strings("zh"), _material_strings(HANT)
    words: dict[str, str] = {}
    for key in (zh.keys() & hant.keys()) - NOT_WORDS:
        converted = to_hant(zh[key])
        if converted != hant[key]:
            assert words.get(converted, hant[key]) == hant[key], f"material's {converted!r} has two 繁體 words"
            words[converted] = hant[key]
    return words


class _Tokens(HTMLParser):
    """A page as (start tag, attributes) / (end tag) / (text) tokens, with what differs by design set aside."""

    def __init__(self, page: str, lang: str, words: dict[str, str], names: tuple[str, str] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.lang, self.words, self.names = page, lang, words, names
        self.tokens: list[tuple] = []
        self._tags: list[tuple[str, dict]] = []

    def address(self, url: str | None) -> str | None:
        if url is None or re.match(r"^(?:[a-z]+:|#|//)", url):
            return url
        path, mark, rest = url.partition("?") if "?" in url else url.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), path)) if path else self.page
        if resolved == "/" + HANT or resolved.startswith(f"/{HANT}/"):
            resolved = resolved[len(HANT) + 1:] or "/"
        return resolved + mark + self.lang_parameter(rest)

    def lang_parameter(self, text: str) -> str:
        """`lang=` naming the page's language (a link's query, the embed code shown to copy) set aside."""
        return EMBED_LANG.sub(lambda m: m.group(1) + (PAGE_LANG if m.group(2) == self.lang else m.group(2)), text)

    def words_of(self, text: str) -> str:
        """The zh page's frame in the zh-Hant frame's words (only for the converted zh page: names is set)."""
        if self.names is None:
            return text
        text = self.words.get(text, text)
        zh_name, hant_name = self.names
        return text.replace(to_hant(zh_name), hant_name) if hant_name not in text else text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        out = []
        for name, value in attrs:
            if name in URL_ATTRS:
                value = self.address(value)
            elif name in LANG_ATTRS and (value == self.lang or (self.names is not None and value == HANT)):
                # the converted zh page: to_hant_page marks what it converted 繁體
                value = PAGE_LANG
            elif value is not None:
                value = self.words_of(value)
            out.append((name, value))
        self.tokens.append(("<", tag, tuple(out)))
        self._tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._tags.pop()

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("/", tag))
        while self._tags and self._tags.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        text = data.strip()
        if not text:
            return
        tag, attrs = self._tags[-1] if self._tags else ("", {})
        if tag == "script" and attrs.get("id") == "__config":
            config = json.loads(text)
            for key in ("base", "search"):
                config[key] = self.address(posixpath.join(config[key], "") if key == "base" else config[key])
            convert = to_hant if self.names is not None else str   # the block's JSON escapes its Han characters
            config["translations"] = {k: self.words_of(convert(v)) for k, v in config.get("translations", {}).items()}
            text = json.dumps(config, ensure_ascii=False, sort_keys=True)
        elif "mb-embed-code" in (attrs.get("class") or ""):
            text = self.lang_parameter(EMBED_SRC.sub(lambda m: m.group(1) + (self.address(m.group(2)) or "") + m.group(3), text))
        else:
            text = self.words_of(text)
        self.tokens.append(("text", text))


def page_tokens(html: str, page: str, lang: str, converted_zh: bool) -> list[tuple]:
    """`page`: the page's site path as the zh page (/policies/x/index.html)."""
    words = frame_words() if converted_zh else {}
    parser = _Tokens(page if lang == "zh" else f"/{HANT}{page}", lang, words, _site_names() if converted_zh else None)
    parser.feed(html)
    parser.close()
    return parser.tokens


def differences(zh_html: str, hant_html: str, page: str) -> list[str]:
    """Where the zh page converted and the zh-Hant page differ, beyond what differs by design."""
    want = page_tokens(to_hant_page(zh_html), page, "zh", converted_zh=True)
    got = page_tokens(hant_html, page, HANT, converted_zh=False)
    out = [f"expected {w!r}\n      got {g!r}" for w, g in zip(want, got) if w != g]
    if len(want) != len(got):
        out.append(f"{len(want)} tokens expected, {len(got)} found")
    return out


def hant_pairs(site: Path) -> list[tuple[Path, Path]]:
    """(zh page, zh-Hant page) for every zh-Hant page of a built site."""
    pairs = []
    for hant in sorted((site / HANT).rglob("*.html")):
        zh = site / hant.relative_to(site / HANT)
        pairs.append((zh, hant))
    return pairs


def test_every_hant_page_is_its_zh_page_converted(built_site: Path) -> None:
    pairs = hant_pairs(built_site)
    assert len(pairs) > 30, pairs
    problems = []
    for zh, hant in pairs:
        assert zh.is_file(), f"{hant.relative_to(built_site)} has no zh page"
        page = "/" + zh.relative_to(built_site).as_posix()
        hant_html = hant.read_text(encoding="utf-8")
        found = differences(zh.read_text(encoding="utf-8"), hant_html, page)
        problems += [f"{hant.relative_to(built_site)}: {d}" for d in found[:3]]
        problems += [f"{hant.relative_to(built_site)}: 繁體 text marked Simplified: {m.group()}"
                     for m in SIMPLIFIED_MARK.finditer(hant_html)][:3]
    assert problems == [], "\n".join(problems[:30])


def test_a_page_that_differs_is_found(built_site: Path) -> None:
    """The comparison is not blind: a Simplified word left in, an element dropped, a link to the wrong page."""
    zh = built_site / "policies" / "hunan" / "hengyang" / "2023-flexible-employment" / "index.html"
    hant = built_site / HANT / zh.relative_to(built_site)
    page = "/" + zh.relative_to(built_site).as_posix()
    zh_html, hant_html = zh.read_text(encoding="utf-8"), hant.read_text(encoding="utf-8")
    assert differences(zh_html, hant_html, page) == []
    assert "繳費" in hant_html and 'class="mb-steps"' in hant_html and 'href="../2024-flexible-employment/"' in hant_html
    for tampered in (hant_html.replace("繳費", "缴费", 1),
                     hant_html.replace('<ol class="mb-steps">', '<ol class="mb-steps" hidden>', 1),
                     hant_html.replace('href="../2024-flexible-employment/"', 'href="../../2024-flexible-employment/"', 1)):
        assert differences(zh_html, tampered, page), "a difference went unnoticed"
