"""Thin MkDocs glue: all logic lives in scripts/ modules that know nothing of MkDocs.

on_config:     validate policies (stop with file:line: field lines), compile calc data,
               write the generated pages and the navigation
on_page_content / on_post_page: put generated raw HTML back (scripts/html_slots.py)
on_post_template: keep the default language's 404.html
on_post_build: vendor Pyodide (from npm, never a CDN), the calc bundle and each policy's data into the site
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads hooks by path; our modules import as scripts.*
    sys.path.insert(0, str(ROOT))

from scripts.bundle_calc import write_calc_bundle, write_policy_data  # noqa: E402
from scripts.embed_pages import write_embed_pages  # noqa: E402
from scripts.hant import to_hant, write_hant_table  # noqa: E402
from scripts.html_slots import SlotError, fill  # noqa: E402
from scripts.policy_loader import COMPILED, POLICIES_DIR, load_all, write_compiled  # noqa: E402
from scripts.search_index import patch_search_worker, split_search_index  # noqa: E402
from scripts.serve_reload import forget_data, refresh  # noqa: E402
from scripts.site_pages import nav, render_site  # noqa: E402
from scripts.vendor_pyodide import VendorError, vendor_pyodide  # noqa: E402
from scripts.wire import WireError, precompress, stamp_engine_bytes  # noqa: E402


_NAV: dict = {}  # the default-language pass's navigation, reused by the other languages' passes
_NOT_FOUND: dict = {}  # the default language's 404.html: each language's pass writes the site's one


def _other_language_pass(config) -> bool:
    """mkdocs-static-i18n builds each further language inside the first build's on_post_build,
    re-running every event: pages and assets are made once, in the first pass."""
    i18n = config["plugins"].get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


@event_priority(100)  # before mkdocs-static-i18n reads the nav and languages
def on_config(config, **kwargs):
    if _other_language_pass(config) and _NAV:
        config["nav"] = _NAV["entries"]
        return config
    refresh(globals())   # mkdocs serve builds again in this process: compute with the code on disk
    policies, problems = load_all()
    if problems:
        lines = "\n".join(str(p) for p in problems)
        raise Abort(f"\n{lines}\n{len(problems)} problem(s) in policies/ — build stopped / policies/ 有 {len(problems)} 个问题，构建已停止")
    write_compiled(policies)
    forget_data()   # calc reads the data just compiled, not a copy cached by an earlier build
    docs_dir = Path(config["docs_dir"])
    try:
        render_site(policies, docs_dir)
    except ValueError as exc:
        raise Abort(f"page generation failed / 页面生成失败: {exc}") from None
    entries, translations = nav(policies)
    config["nav"] = _NAV["entries"] = entries
    i18n = config["plugins"].get("i18n")
    if i18n is not None:
        for language in i18n.config["languages"]:
            if language["locale"] == "en":
                language["nav_translations"] = translations
            elif language["locale"] == "zh-Hant":
                language["nav_translations"] = {zh: to_hant(zh) for zh in translations}
    return config


def on_serve(server, config, builder, **kwargs):
    """Rebuild on edits to the policies wherever MINGBAI_POLICIES_DIR puts them (mkdocs.yml `watch:` has policies/)."""
    server.watch(str(POLICIES_DIR))
    return server


def _fill(html: str, page, searchable: bool) -> str:
    try:
        return fill(html, searchable, page.file.src_uri)
    except SlotError as exc:
        raise Abort(str(exc)) from None


@event_priority(100)  # before the search plugin and the theme read the page
def on_page_content(html, page, **kwargs):
    return _fill(html, page, searchable=True)


@event_priority(100)  # the search plugin never parses these (data-search-exclude)
def on_post_page(output, page, **kwargs):
    return _fill(output, page, searchable=False)


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name == "404.html" and not _other_language_pass(config):
        _NOT_FOUND["html"] = output_content
    return output_content


@event_priority(-100)  # after mkdocs-static-i18n has built the other languages into the site
def on_post_build(config, **kwargs):
    if _other_language_pass(config):
        return  # the other languages' builds share the root site's assets
    site = Path(config["site_dir"])
    if "html" in _NOT_FOUND:   # the last language built had overwritten it
        (site / "404.html").write_text(_NOT_FOUND.pop("html"), encoding="utf-8")
    try:
        vendor_pyodide(ROOT / "node_modules", site / "assets" / "pyodide")
    except VendorError as exc:
        raise Abort(str(exc)) from None
    write_calc_bundle(ROOT / "calc", site / "assets" / "mingbai" / "calc-bundle.js")
    # each policy's data apart (what a widget loads does not grow with the site)
    write_policy_data(json.loads(COMPILED.read_text(encoding="utf-8"))["policies"], site / "assets" / "mingbai")
    write_embed_pages(site)  # embed/<calculator>/index.html: widget only, for other sites
    try:
        stamp_engine_bytes(site)   # widget.js says how much "turn on live calculation" downloads
    except WireError as exc:
        raise Abort(str(exc)) from None
    write_hant_table(ROOT / "calc", site / "assets" / "mingbai" / "hant-map.js",
                     extra=(ROOT / "docs" / "assets" / "mingbai" / "widget.js",))
    # mkdocs-material's language switcher fetches <language>/sitemap.xml; the root one
    # (made i18n-aware by mkdocs-static-i18n) lists every language's pages
    for language in ("en", "zh-Hant"):
        if (site / "sitemap.xml").is_file() and (site / language).is_dir():
            shutil.copyfile(site / "sitemap.xml", site / language / "sitemap.xml")
    if (site / "search" / "search_index.json").is_file():   # one index per language, loaded on a search
        split_search_index(site, config["extra"]["language_roots"])
        patch_search_worker(site)   # Chinese queries: the whole word counts (scripts/search_index.py)
    precompress(site)   # .gz/.br copies of the engine, data and search index (scripts/wire.py)
