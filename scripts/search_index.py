"""Search that scales (issue 14): one search index per language, loaded only when a search starts.

mkdocs-static-i18n merges every language into search/search_index.json, and mkdocs-material
fetches that file as soon as any page opens. After the build, `split_search_index` writes
search/search_index.<locale>.json: the same config, with only the entries of that language's
pages (by the language roots in mkdocs.yml `extra.language_roots`: en/…, zh-Hant/…, the rest
zh). assets/mingbai/search-loader.js, loaded before material's bundle (scripts/theme/main.html),
holds material's index request until the reader starts a search and points it at the page's
language's file. search_index.json itself stays whole: the offline bundle inlines it (file://,
where material already waits for the search toggle).

What is indexed is set in the templates: worked-example steps, the figures table (quotes) and
the parameter tables are `html_block(searchable=False)` (scripts/html_slots.py), so the index
holds titles, summaries, who is covered, headings and the "how we read this" notes.
"""
from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


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


def split_search_index(site: Path, roots: dict[str, str]) -> dict[str, Path]:
    """Write one index per locale beside the merged one; returns {locale: path}."""
    site = Path(site)
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    parts: dict[str, list] = {locale: [] for locale in roots}
    for doc in merged["docs"]:
        parts[locale_of(doc["location"], roots)].append(doc)
    out = {}
    for locale, docs in parts.items():
        path = site / index_path(locale)
        text = json.dumps({**merged, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        out[locale] = path
    return out
