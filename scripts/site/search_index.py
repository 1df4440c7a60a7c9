"""Search that scales (issue 14): one search index per language, loaded only when a search starts.

mkdocs-static-i18n merges every language into search/search_index.json, and mkdocs-material
fetches that file as soon as any page opens. After the build, `split_search_index` writes
search/search_index.<locale>.json: the same config, with only the entries of that language's
pages (by the language roots in mkdocs.yml `extra.language_roots`: en/…, zh-Hant/…, the rest
zh). assets/mingbai/search-loader.js, loaded before material's bundle (scripts/site/theme/main.html),
holds material's index request until the reader starts a search and points it at the page's
language's file. search_index.json itself stays whole: the offline bundle inlines it (file://,
where material already waits for the search toggle).

Reader search (issue 24): the query code is ours, docs/assets/mingbai/search-worker.js, run by
material in place of its Lunr worker (scripts/site/theme/main.html names it in __config). Each
language's index holds plain text (material's entries without tags or jieba's zero-width spaces,
the status banner's lines taken out), each page's kind, place (the first line of its facts) and
policy dates with the banner's words for each state, and in config.mingbai the language's everyday
words and question filler (scripts/site/search_synonyms.yaml; zh-Hant: the zh lists in Traditional
characters). The authoring and embed pages are left out. The worker segments pages and queries
with the same function (character bigrams, words), so the index carries no segmentation of its own.
The merged search_index.json holds every language under `by_lang`; the offline bundle's
search_index.js picks the page's language from it (scripts/bundle/offline_bundle.py).

What is indexed is set in the templates: worked-example steps, the figures table (quotes) and
the parameter tables are `html_block(searchable=False)` (scripts/site/html_slots.py), so the index
holds titles, summaries, who is covered, headings and the "how we read this" notes.
"""
from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import yaml

from ..write_files import write_if_changed
from .hant import to_hant   # cheap: OpenCC itself loads on the first conversion (hant._converter)

INDEX = Path("search") / "search_index.json"
SYNONYMS = Path(__file__).with_name("search_synonyms.yaml")


def index_path(locale: str) -> Path:
    return INDEX.with_name(f"search_index.{locale}.json")


def locale_of(location: str, roots: dict[str, str]) -> str:
    """The locale whose root holds `location`; the default (root "./") takes the rest.

    >>> roots = {"zh": "./", "en": "en/", "zh-Hant": "zh-Hant/"}
    >>> [locale_of(x, roots) for x in ("en/policies/a/", "zh-Hant/#_2", "policies/a/#_1", "", "english/")]
    ['en', 'zh-Hant', 'zh', 'zh', 'zh']
    """
    for locale, root in sorted(roots.items(), key=lambda item: -len(item[1])):
        prefix = root.lstrip("./")
        if prefix and location.startswith(prefix):
            return locale
    return next(locale for locale, root in roots.items() if not root.lstrip("./"))


@cache
def query_words(locale: str) -> dict:
    """{"synonyms": {everyday word: the field's terms}, "stop": [filler]} in one language.

    >>> query_words("zh")["synonyms"]["宝宝"], query_words("en")["synonyms"]["baby"]
    (['新生儿'], ['newborn'])
    >>> query_words("zh-Hant")["synonyms"]["寶寶"], "怎麼辦" in query_words("zh-Hant")["stop"]
    (['新生兒'], True)
    """
    data = yaml.safe_load(SYNONYMS.read_text(encoding="utf-8"))
    if locale == "zh-Hant":
        zh = data["zh"]
        return {"synonyms": {to_hant(w): [to_hant(t) for t in terms] for w, terms in zh["synonyms"].items()},
                "stop": [to_hant(w) for w in zh["stop"]]}
    words = data.get(locale, {})
    return {"synonyms": {str(w): list(t) for w, t in words.get("synonyms", {}).items()},
            "stop": list(words.get("stop", []))}


STATE = re.compile(r'<p data-state="(?P<state>in_force|not_yet|ended)"[^>]*>(?P<body>.*?)</p>', re.S)
BANNER = re.compile(r'<div class="mb-policy-status[^"]*" data-effective-from="(?P<from>[^"]*)" '
                    r'data-effective-to="(?P<to>[^"]*)"(?P<rest>.*?)</div>', re.S)
CHECKED = re.compile(r'<p class="mb-status-checked">(.*?)</p>', re.S)
META = re.compile(r'<dl class="mb-meta">\s*<dt>[^<]*</dt><dd>(.*?)</dd>', re.S)
TAG = re.compile(r"<[^>]+>")
# reader search leaves these out (issue 24): how to write a policy, how to embed a widget
NOT_FOR_READERS = ("authoring/", "embed/")


def plain(html_text: str) -> str:
    r"""Text without tags, entities, jieba's zero-width spaces or runs of white space.

    >>> plain("<p>\u200b现行\u200b有效&amp;</p>\n <b>x</b>")
    '现行有效& x'
    """
    text = html.unescape(TAG.sub(" ", html_text)).replace("\u200b", "")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])", "", text)


def kind_of(path: str) -> str:
    """What a page is, from its path below its language root (ranking and exclusion).

    >>> [kind_of(p) for p in ("policies/hunan/hengyang/2023-flexible-employment/", "policies/hunan/",
    ...  "policies/hunan/2024-resident/", "policies/a/b/2023-resident/stage-targets/", "compare/resident/all/",
    ...  "", "about/", "authoring/", "embed/", "policies/hunan/2024-resident.html", "authoring.html",
    ...  "embed/index.html", "embed.html", "index.html")]
    ['policy', 'province', 'policy', 'table', 'compare', 'home', 'about', 'excluded', 'excluded', 'policy', 'excluded', 'excluded', 'excluded', 'home']
    """
    path = re.sub(r"(^|/)index\.html$", r"\1", path)   # the offline build's file URLs (directory URLs off)
    path = re.sub(r"\.html$", "/", path)
    if path.startswith(NOT_FOR_READERS):
        return "excluded"
    parts = [x for x in path.split("/") if x]
    if not parts:
        return "home"
    if parts[0] == "policies":
        for i, part in enumerate(parts[1:], 1):
            if re.match(r"\d{4}-", part):
                return "policy" if i == len(parts) - 1 else "table"
        return "province"
    return parts[0] if parts[0] in ("compare", "about") else "other"


def page_facts(site: Path, location: str) -> dict:
    """The policy status (dates and each state's words, as the page's banner has them) and the place."""
    path = site / location if location.endswith(".html") else site / location / "index.html"
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    facts: dict = {}
    banner = BANNER.search(text)
    if banner:
        words = {}
        for m in STATE.finditer(banner.group("rest")):
            strong = re.search(r"<strong>(.*?)</strong>", m.group("body"), re.S)
            words[m.group("state")] = plain(strong.group(1) if strong else m.group("body"))
        facts["status"] = {"from": banner.group("from"), "to": banner.group("to"), **words}
        facts["banner"] = [plain(m.group("body")) for m in STATE.finditer(banner.group("rest"))]
        facts["banner"] += [plain(m) for m in CHECKED.findall(banner.group("rest"))]
    meta = META.search(text)
    if meta:
        facts["place"] = plain(meta.group(1))
    return facts


def reader_docs(site: Path, docs: list[dict], root: str) -> list[dict]:
    """A language's entries as reader search uses them: plain text (no banner lines: the status is
    judged by the query code from the dates), the page's kind, place and status; authoring and embed
    pages left out."""
    out = []
    facts: dict = {}
    for doc in docs:
        location = doc["location"]
        page = location.split("#")[0]
        kind = kind_of(page[len(root):] if root and page.startswith(root) else page)
        if kind == "excluded":
            continue
        entry = {"location": location, "title": plain(doc.get("title", "")), "text": plain(doc.get("text", ""))}
        if "#" not in location:
            facts = page_facts(site, page)
            for line in facts.get("banner", ()):
                entry["text"] = entry["text"].replace(line, " ")
            entry["text"] = re.sub(r"\s+", " ", entry["text"]).strip()
            entry["kind"] = kind
            for key in ("place", "status"):
                if key in facts:
                    entry[key] = facts[key]
        out.append(entry)
    return out


def split_search_index(site: Path, roots: dict[str, str]) -> dict[str, Path]:
    """Write one reader index per locale (scripts/site/search-worker.js reads it) and the merged one
    (every language under `by_lang`, for the offline bundle's search_index.js); returns {locale: path}."""
    site = Path(site)
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    parts: dict[str, list] = {locale: [] for locale in roots}
    for doc in merged["docs"]:
        parts[locale_of(doc["location"], roots)].append(doc)
    out, by_lang = {}, {}
    for locale, docs in parts.items():
        root = roots[locale].lstrip("./")
        config = {**merged["config"], "mingbai": {"lang": locale, **query_words(locale)}}
        index = {"config": config, "docs": reader_docs(site, docs, root)}
        by_lang[locale] = index
        path = site / index_path(locale)
        write_if_changed(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
        out[locale] = path
    default = next(locale for locale, root in roots.items() if not root.lstrip("./"))
    whole = {**by_lang[default], "by_lang": by_lang}
    write_if_changed(site / INDEX, json.dumps(whole, ensure_ascii=False, separators=(",", ":")))
    return out
