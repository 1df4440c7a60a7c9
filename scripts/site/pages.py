"""Every generated page of the site, written under the pages directory (render_site) — generator-agnostic.

MkDocs calls it from the plugin (scripts/site/plugin.py); a later generator can call it unchanged.
Every number on a page is either a policy figure (printed as stored) or comes from `calc.run` at
build time. Each kind of page has its own module: policy_page, table_pages, compare_pages,
listing_pages (home, province), authoring_reference; nav.py gives MkDocs the navigation.
"""
from __future__ import annotations

from pathlib import Path

from . import html_slots
from .authoring_reference import PAGE as REFERENCE_PAGE
from .authoring_reference import render_reference
from .compare_pages import compare_groups, render_compare
from .example_runs import example_runs
from .hant import to_hant_page
from .jinja_env import environment
from .listing_pages import render_home, render_province
from .page_paths import (HAND_WRITTEN_ZH, LOCALES, compare_page_path, data_lang, localized, page_path, province_of,
                         province_page_path, table_page_path)
from .policy_page import render_policy
from .table_pages import render_table_page, table_parameters
from ..write_files import write_if_changed


def render_site(policies: dict[str, dict], pages_dir: Path, docs_dir: Path) -> tuple[set[str], html_slots.Slots]:
    """Write every generated page under pages_dir (never docs_dir, which holds hand-written pages).

    Returns the generated pages' paths relative to pages_dir, and the raw-HTML blocks the pages'
    placeholders stand for (scripts/site/html_slots.py).
    """
    env = environment()
    written: set[str] = set()
    slots = html_slots.Slots()

    def write(rel: str, text: str, locale: str) -> None:
        write_if_changed(pages_dir / rel, slots.stash(to_hant_page(text) if locale == "zh-Hant" else text))
        written.add(rel)

    with example_runs():
        for locale in LOCALES:
            lang = data_lang(locale)
            write(localized("index", locale), render_home(env, policies, lang), locale)
            for province in sorted({province_of(pid) for pid in policies}):
                write(province_page_path(province, locale), render_province(env, province, policies, lang), locale)
            for pid, policy in policies.items():
                write(page_path(pid, locale), render_policy(env, policy, lang, locale, policies), locale)
                for name in table_parameters(policy):
                    write(table_page_path(pid, name, locale), render_table_page(env, policy, name, lang), locale)
            for topic, items in compare_groups(policies).items():
                write(compare_page_path(topic, locale), render_compare(env, topic, items, lang), locale)
            write(localized(REFERENCE_PAGE, locale), render_reference(policies, lang), locale)
        # hand-written zh pages get their zh-Hant version the same way
        for source in HAND_WRITTEN_ZH:
            if (docs_dir / f"{source}.md").is_file():
                write(localized(source, "zh-Hant"), (docs_dir / f"{source}.md").read_text(encoding="utf-8"), "zh-Hant")
    return written, slots
