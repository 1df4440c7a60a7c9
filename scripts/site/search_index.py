"""Search that scales (issue 14): one search index per language, loaded only when a search starts.

mkdocs-static-i18n merges every language into search/search_index.json, and mkdocs-material
fetches that file as soon as any page opens. After the build, `split_search_index` writes
search/search_index.<locale>.json: the same config, with only the entries of that language's
pages (by the language roots in mkdocs.yml `extra.language_roots`: en/…, zh-Hant/…, the rest
zh). assets/mingbai/search-loader.js, loaded before material's bundle (scripts/site/theme/main.html),
holds material's index request until the reader starts a search and points it at the page's
language's file. search_index.json itself stays whole: the offline bundle inlines it (file://,
where material already waits for the search toggle).

Everyday words (issue 11): scripts/site/search_synonyms.yaml pairs words readers type (宝宝, baby) with
the field's terms the pages use (新生儿, newborn); `with_synonyms` adds each word to a hidden
`synonyms` field of every entry whose text holds one of its terms, in that entry's language
(zh-Hant: the zh lists in Traditional characters). Chinese text is segmented at build time by
jieba with scripts/site/search_dict.txt, the field's terms (mkdocs.yml `search: jieba_dict_user`).

Material's search worker segments a Chinese query against the index's words but never tries a
whole run of characters (its loop stops one short), so 灵活就业 was searched as 灵活* 就*;
`patch_search_worker` fixes that loop in the built site's copy of the worker.

What is indexed is set in the templates: worked-example steps, the figures table (quotes) and
the parameter tables are `html_block(searchable=False)` (scripts/site/html_slots.py), so the index
holds titles, summaries, who is covered, headings and the "how we read this" notes.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import yaml

INDEX = Path("search") / "search_index.json"
SYNONYMS = Path(__file__).with_name("search_synonyms.yaml")
SYNONYM_FIELD = "synonyms"   # searched like the text (boost 1), never shown in the results


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
def synonyms(locale: str) -> dict[str, tuple[str, ...]]:
    """{everyday word: the field's terms it stands for} in one language.

    >>> synonyms("zh")["宝宝"], synonyms("en")["baby"], synonyms("zh-Hant")["寶寶"]
    (('新生儿',), ('newborn',), ('新生兒',))
    """
    data = yaml.safe_load(SYNONYMS.read_text(encoding="utf-8"))
    if locale == "zh-Hant":
        from scripts.site.hant import to_hant   # OpenCC: loaded only when a build writes the zh-Hant index
        return {to_hant(word): tuple(to_hant(t) for t in terms) for word, terms in data["zh"].items()}
    return {word: tuple(terms) for word, terms in data.get(locale, {}).items()}


def with_synonyms(doc: dict, words: dict[str, tuple[str, ...]]) -> dict:
    """The entry, with the everyday words whose terms its title or text holds (jieba's zero-width
    spaces and case ignored) in its `synonyms` field.

    >>> with_synonyms({"title": "新生\u200b儿", "text": ""}, {"宝宝": ("新生儿",), "社保": ("医保",)})["synonyms"]
    '宝宝'
    >>> "synonyms" in with_synonyms({"title": "Cover", "text": "x"}, {"baby": ("newborn",)})
    False
    """
    text = (doc.get("title", "") + " " + doc.get("text", "")).replace("\u200b", "").lower()
    found = [word for word, terms in words.items() if any(t.lower() in text for t in terms)]
    return {**doc, SYNONYM_FIELD: " ".join(found)} if found else doc


def split_search_index(site: Path, roots: dict[str, str]) -> dict[str, Path]:
    """Write one index per locale beside the merged one (both with the everyday words); returns {locale: path}."""
    site = Path(site)
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    merged["config"].setdefault("fields", {})[SYNONYM_FIELD] = {"boost": 1.0}
    parts: dict[str, list] = {locale: [] for locale in roots}
    for i, doc in enumerate(merged["docs"]):
        locale = locale_of(doc["location"], roots)
        merged["docs"][i] = doc = with_synonyms(doc, synonyms(locale))
        parts[locale].append(doc)
    (site / INDEX).write_text(json.dumps(merged, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    out = {}
    for locale, docs in parts.items():
        path = site / index_path(locale)
        text = json.dumps({**merged, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        out[locale] = path
    return out


# material 9.8.1's segment(): `for (j = i + 1; j < query.length; j++)` tests query.slice(i, j), which
# never reaches the run's last character; `<=` lets the whole run (and a word ending it) be a segment
SEGMENT_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
SEGMENT_LOOP_FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def patch_search_worker(site: Path) -> Path:
    """Fix the segmentation loop in the site's copy of material's search worker; an unknown worker
    (material upgraded) stops the build, naming the file and the text it looked for.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); w = d / "assets/javascripts/workers"; w.mkdir(parents=True)
    >>> _ = (w / "search.x.min.js").write_text("a;" + SEGMENT_LOOP + ";b", encoding="utf-8")
    >>> SEGMENT_LOOP_FIXED in patch_search_worker(d).read_text(encoding="utf-8")
    True
    >>> SEGMENT_LOOP_FIXED in patch_search_worker(d).read_text(encoding="utf-8")   # twice: unchanged
    True
    """
    (path,) = sorted((Path(site) / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    text = path.read_text(encoding="utf-8")
    if SEGMENT_LOOP_FIXED not in text:
        if text.count(SEGMENT_LOOP) != 1:
            raise RuntimeError(f"{path}: material's search worker changed; expected once: {SEGMENT_LOOP} "
                               f"(scripts/site/search_index.py patch_search_worker)")
        path.write_text(text.replace(SEGMENT_LOOP, SEGMENT_LOOP_FIXED), encoding="utf-8")
    return path
