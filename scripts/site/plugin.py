"""The `mingbai` MkDocs plugin: policies in, pages, widgets and the engine out.

Registered as the `mingbai` entry point (pyproject.toml); options in `config.py`. All the work is
done by modules that know nothing of MkDocs (pages.py, nav.py, embed_pages.py, ../bundle/…), so a move to
another generator keeps them; this class only calls them at the right events and holds the state
of one build.

on_config:      validate policies (stop with file:line: field lines), compile calc data, write the
                generated pages into the pages directory (pages_dir.py) and build from it
on_env:         share the theme's compiled templates between the languages' passes (template_cache.py)
on_page_content / on_post_page: put generated raw HTML back (html_slots.py)
on_post_template: keep the default language's 404.html
on_post_build:  vendor Pyodide (from npm, never a CDN), the calc bundle, each policy's data and the
                widget (widget.js, bundled from docs/assets/mingbai/widget/) into the site
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import material.plugins.search.plugin as material_search
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority

from scripts.bundle.bundle_calc import write_calc_bundle, write_policy_data
from scripts.bundle.vendor_pyodide import VendorError, vendor_pyodide
from scripts.bundle.widget_bundle import WidgetBundleError, widget_sources, write_widget_bundle
from scripts.bundle.wire import WireError, precompress, stamp_engine_bytes
from scripts.paths import ROOT
from scripts.write_files import write_if_changed
from scripts.policy.compiled_data import COMPILED, write_compiled
from scripts.policy.loader import POLICIES_DIR, load_all
from scripts.site.config import MingbaiConfig
from scripts.site.csp import CSP
from scripts.site.embed_pages import write_embed_pages
from scripts.site.hant import hant_overrides, to_hant, write_hant_table
from scripts.site.html_slots import SlotError, Slots
from scripts.site.nav import nav
from scripts.site.pages import render_site
from scripts.site.pages_dir import PagesDirError, create, link_hand_written, remove
from scripts.site.search_index import split_search_index
from scripts.site.serve_reload import forget_data, refresh
from scripts.site.source_pages import write_source_pages
from scripts.site.template_cache import share_compiled_templates
from scripts.site.ui_words import theme_words


# MINGBAI_SITE_URL (mkdocs.yml site_url): printed into every page's <link rel=canonical> and the
# sitemap, so only a plain http(s) address is taken (a quote or bracket there is markup, issue 21)
SITE_URL_RE = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?")


def site_url_problem(url: str | None) -> str | None:
    """A bilingual message when the configured site address is not a plain http(s) URL."""
    if not url or SITE_URL_RE.fullmatch(url):
        return None
    return (f"MINGBAI_SITE_URL {url!r} is not a plain http(s) address (letters, digits, . - _ ~ % / only); "
            f"build stopped / MINGBAI_SITE_URL {url!r} 不是普通的 http(s) 网址（只能含字母、数字和 . - _ ~ % /），构建已停止")


def _offline(config) -> bool:
    """The offline bundle's build (material's offline plugin on, `make bundle`)."""
    offline = config["plugins"].get("material/offline")
    return bool(offline is not None and offline.config.enabled)


def _other_language_pass(config) -> bool:
    """mkdocs-static-i18n builds each further language inside the first build's on_post_build,
    re-running every event: pages and assets are made once, in the first pass."""
    i18n = config["plugins"].get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def skip_jieba_segmentation() -> None:
    """Material's search plugin segments every Chinese run of every page with jieba when jieba is
    installed (loading its dictionary, then cutting: a fifth of a build's time). Nothing shipped keeps
    that segmentation: every search index is rewritten as plain text without jieba's zero-width spaces
    (search_index.py `plain`), and reader search segments pages and queries itself (search-worker.js)."""
    material_search.jieba = None


class MingbaiPlugin(BasePlugin[MingbaiConfig]):
    def __init__(self) -> None:
        self.nav_entries: list | None = None   # the first pass's navigation, reused by the other languages' passes
        self.not_found: str | None = None      # the default language's 404.html: each language's pass writes one
        self.slots = Slots()                   # raw HTML of the generated pages, by placeholder
        self.docs_dir: Path | None = None      # hand-written pages (mkdocs.yml docs_dir)
        self.pages_dir: Path | None = None     # what MkDocs builds from: docs_dir linked + generated pages
        self.policies: tuple | None = None     # (policies, their sources directory): sources/<file>.html

    def policies_dir(self) -> Path:
        if self.config.policies_dir and not os.environ.get("MINGBAI_POLICIES_DIR"):
            return Path(self.config.policies_dir)
        return POLICIES_DIR

    def _pages_parent(self, config) -> Path | None:
        """The `pages_dir` option (relative to mkdocs.yml), or None: the system's temporary folder."""
        if not self.config.pages_dir:
            return None
        base = Path(config["config_file_path"]).parent if config.get("config_file_path") else Path.cwd()
        return base / self.config.pages_dir

    @event_priority(100)  # before mkdocs-static-i18n reads the nav and languages
    def on_config(self, config, **kwargs):
        bad_url = site_url_problem(config.get("site_url"))
        if bad_url:
            raise Abort(bad_url)
        # every page's <meta> CSP (theme/main.html); none on file://, see scripts/site/csp.py
        if config.get("extra") is None:   # a config built by hand (tests) may have none; MkDocs always gives one
            config["extra"] = {}
        config["extra"]["csp"] = "" if _offline(config) else CSP
        config["extra"]["words"] = theme_words()   # the footer's (theme/partials/copyright.html), per language
        if _other_language_pass(config) and self.nav_entries is not None:
            config["nav"] = self.nav_entries
            return config
        refresh(globals())   # mkdocs serve builds again in this process: compute with the code on disk
        skip_jieba_segmentation()
        self.docs_dir = Path(config["docs_dir"])
        if self.pages_dir is None:   # one per build; `mkdocs serve`'s rebuilds keep the first (it watches it)
            try:   # checked before anything is written
                self.pages_dir = create(config["site_dir"], self.docs_dir, self._pages_parent(config))
            except PagesDirError as exc:
                raise Abort(str(exc)) from None
        policies_dir = self.policies_dir()
        policies, problems = load_all(policies_dir, policies_dir / "sources")
        if problems:
            lines = "\n".join(str(p) for p in problems)
            raise Abort(f"\n{lines}\n{len(problems)} problem(s) in policies/ — build stopped / policies/ 有 {len(problems)} 个问题，构建已停止")
        write_compiled(policies)
        self.policies = (policies, policies_dir / "sources")
        forget_data()   # calc reads the data just compiled, not a copy cached by an earlier build
        try:
            generated, self.slots = render_site(policies, self.pages_dir, self.docs_dir)
            link_hand_written(self.docs_dir, self.pages_dir, generated)
        except PagesDirError as exc:
            raise Abort(str(exc)) from None
        except ValueError as exc:
            raise Abort(f"page generation failed / 页面生成失败: {exc}") from None
        config["docs_dir"] = str(self.pages_dir)
        entries, translations = nav(policies)
        config["nav"] = self.nav_entries = entries
        i18n = config["plugins"].get("i18n")
        if i18n is not None:
            for language in i18n.config["languages"]:
                if language["locale"] == "en":
                    language["nav_translations"] = translations
                elif language["locale"] == "zh-Hant":
                    language["nav_translations"] = {zh: to_hant(zh) for zh in translations}
                    for key, value in hant_overrides(config.get("site_description"), config["theme"].get("palette")).items():
                        if language.get(key) is None:   # mkdocs.yml's own override wins
                            language[key] = value
        return config

    @event_priority(-100)  # after every other plugin's on_env: its extensions are part of what the compiler emits
    def on_env(self, env, config, files, **kwargs):
        return share_compiled_templates(env)   # each language's pass reuses the first's compiled theme

    def on_serve(self, server, config, builder, **kwargs):
        """Rebuild on edits to what the pages are made from: the hand-written pages, the policies wherever
        MINGBAI_POLICIES_DIR puts them, calc's code and scripts/ (mkdocs.yml `watch`). Not on what a build
        writes, or each edit would cost a second build for the first one's own writes: the pages directory
        (MkDocs watches it as docs_dir; its links do not change when their targets do either) and calc/data
        (the compiled policies: calc/ is watched without its subfolders; MkDocs ignores folder events)."""
        if self.docs_dir is not None and self.pages_dir is not None:
            server.unwatch(config["docs_dir"])
            server.watch(str(self.docs_dir))
        server.watch(str(self.policies_dir()))
        server.watch(str(ROOT / "calc"), recursive=False)
        return server

    def _fill(self, html: str, page, searchable: bool) -> str:
        try:
            return self.slots.fill(html, searchable, page.file.src_uri)
        except SlotError as exc:
            raise Abort(str(exc)) from None

    @event_priority(100)  # before the search plugin and the theme read the page
    def on_page_content(self, html, page, **kwargs):
        return self._fill(html, page, searchable=True)

    @event_priority(100)  # the search plugin never parses these (data-search-exclude)
    def on_post_page(self, output, page, **kwargs):
        return self._fill(output, page, searchable=False)

    def on_post_template(self, output_content, template_name, config, **kwargs):
        if template_name == "404.html" and not _other_language_pass(config):
            self.not_found = output_content
        return output_content

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has built the other languages into the site
    def on_post_build(self, config, **kwargs):
        if _other_language_pass(config):
            return  # the other languages' builds share the root site's assets
        site = Path(config["site_dir"])
        if self.not_found is not None:   # the last language built had overwritten it
            write_if_changed(site / "404.html", self.not_found)
            self.not_found = None
        try:
            vendor_pyodide(ROOT / "node_modules", site / "assets" / "pyodide")
        except VendorError as exc:
            raise Abort(str(exc)) from None
        write_calc_bundle(ROOT / "calc", site / "assets" / "mingbai" / "calc-bundle.js")
        # each policy's data apart (what a widget loads does not grow with the site)
        write_policy_data(json.loads(COMPILED.read_text(encoding="utf-8"))["policies"], site / "assets" / "mingbai")
        write_embed_pages(site, config["extra"]["csp"])  # embed/<calculator>/index.html: widget only, for other sites
        if self.policies is not None:   # the stored source texts, one click from each policy page's sources
            write_source_pages(site, *self.policies)
        # on_config set it: MkDocs runs it first, and only the other languages' passes (returned above) skip that line
        assert self.docs_dir is not None, "on_post_build before on_config"
        widget_src = self.docs_dir / "assets" / "mingbai" / "widget"   # ES modules (mkdocs.yml exclude_docs)
        try:
            write_widget_bundle(widget_src, site / "assets" / "mingbai" / "widget.js")   # the one classic script
            stamp_engine_bytes(site)   # widget.js says how much "turn on live calculation" downloads
        except (WidgetBundleError, WireError) as exc:
            raise Abort(str(exc)) from None
        write_hant_table(ROOT / "calc", site / "assets" / "mingbai" / "hant-map.js",
                         extra=tuple(widget_sources(widget_src)))
        if (site / "search" / "search_index.json").is_file():   # one index per language, loaded on a search
            split_search_index(site, config["extra"]["language_roots"])
        precompress(site)   # .gz/.br copies of the engine, data and search index (scripts/bundle/wire.py)

    def on_shutdown(self) -> None:
        if self.pages_dir is not None:
            remove(self.pages_dir)   # the directory create() made for this build (only one with its marker)
            self.pages_dir = None    # a next build in this process (offline_bundle) makes a fresh one
