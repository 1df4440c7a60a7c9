"""Where each generated page lives, per locale, and the relative links between pages.

The locales follow mkdocs-static-i18n's suffix layout: zh is the default (`x.md`), the others
`x.en.md`, `x.zh-Hant.md`; zh-Hant pages are the zh pages converted with OpenCC (hant.py).
"""
from __future__ import annotations

import posixpath

LANGS = ("zh", "en")   # the languages policy data is written in
DEFAULT_LOCALE = "zh"
LOCALES = ("zh", "en", "zh-Hant")
HAND_WRITTEN_ZH = ("about", "embed")   # docs/<name>.md: their zh-Hant pages are generated too


def data_lang(locale: str) -> str:
    """The language of the policy data a page shows: zh-Hant pages show the zh text, converted."""
    return "en" if locale == "en" else "zh"


def localized(stem: str, locale: str) -> str:
    """Markdown path for a page in a locale (mkdocs-static-i18n suffix layout; zh is the default)."""
    return f"{stem}.md" if locale == DEFAULT_LOCALE else f"{stem}.{locale}.md"


def page_path(policy_id: str, locale: str) -> str:
    """Markdown path under docs/ of a policy page."""
    return localized(f"policies/{policy_id}", locale)


def table_page_path(policy_id: str, name: str, locale: str) -> str:
    """A table parameter's own page, below its policy's."""
    return localized(f"policies/{policy_id}/{name.replace('_', '-')}", locale)


def province_of(policy_id: str) -> str:
    """The province part of a policy id ("hunan/hengyang/2023-…" → "hunan")."""
    return policy_id.split("/")[0]


def province_page_path(province: str, locale: str) -> str:
    """A province's page: its policies; the province's navigation section links to it."""
    return localized(f"policies/{province}/index", locale)


def compare_page_path(key: str, locale: str) -> str:
    """A comparison page ("<topic>/all" or "<topic>/part-<n>")."""
    return localized(f"compare/{key}", locale)


def assets_prefix(policy_id: str, locale: str) -> str:
    """Relative URL from a policy page to the site's assets/ (directory URLs)."""
    depth = len(f"policies/{policy_id}".split("/")) + (0 if locale == DEFAULT_LOCALE else 1)
    return "../" * depth + "assets/"


def policy_link(from_id: str, to_id: str) -> str:
    """Relative URL from one policy page to another (directory URLs)."""
    return posixpath.relpath(f"policies/{to_id}", f"policies/{from_id}") + "/"
