"""Embed pages: /embed/<calculator>/?policy=<id>&lang=<zh|en>[&<input>=<value>…] — no site chrome.

Static HTML files written into the built site (MkDocs hook on_post_build; not MkDocs pages):
- embed/<calculator>/<policy id>/index.html: the calculator's widget form for that policy — the
  same markup as the policy pages, scripts/site/templates/widget.html.j2 through
  widgets.render_widget_html — prerendered with the policy's example, once per language,
  each in a <template>; assets/mingbai/embed.js shows the one ?lang= names (default zh) before
  widget.js makes it live, then widget.js takes any inputs in the query (the shareable-link
  format), so a shared scenario opens prefilled and computes.
- embed/<calculator>/index.html: the public address. It lists the calculator's policies and
  embed.js moves on (location.replace, query kept) to the page of the one ?policy= names,
  or says which policies exist; without ?policy it shows a chooser (each policy by its title),
  never a silent default. Every embed page has one h1 (visually hidden), in the page's language. One page per policy keeps what an
  embed downloads the same size however many policies the site has.

Every variant is stamped with the policy id and its version — the sha256 of the policy's
compiled data (calc/data/policies.json, what the calculator runs on), computed here at build
time — as data attributes and in embed.js's postMessage payload to the host page:
    {type: "mingbai:embed", v: 1, event: "resize", height, calc, policy, version, lang}
The host side is assets/mingbai/embed-host.js (docs/embed.md).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from markupsafe import Markup

import calc
from calc.data import load_policies

from ..write_files import write_if_changed
from .csp import CSP
from .example_runs import example_runs
from .hant import to_hant
from .jinja_env import environment
from .page_paths import LOCALES, data_lang
from .policy_labels import years_label
from .status_banner import list_status
from .ui_words import UI, pick
from .widgets import render_widget_html

LANG_DIRS = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}   # each language's pages below the site root (mkdocs.yml)


def status_lead(lang: str, policy: dict) -> str:
    """Before the status word: which years the policy covers ("2024 年度政策：", "Policy for 2024: ")."""
    years = years_label(policy, lang)
    return (f"{years}政策：" if "起" in years else f"{years} 年度政策：") if lang == "zh" else f"Policy for {years}: "

def embed_path(calculator: str, policy_id: str | None = None) -> str:
    """The public embed page of a calculator, or (policy_id) the page with that policy's forms."""
    return f"embed/{calculator}/{policy_id}/index.html" if policy_id else f"embed/{calculator}/index.html"


def _assets(path: str) -> str:
    return "../" * path.count("/") + "assets/"


def policy_version(policy: dict) -> str:
    """Version stamp of one compiled policy: "sha256:" + 16 hex digits of its canonical JSON."""
    canonical = json.dumps(policy, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def render_embed_page(calculator: dict, policies: dict[str, dict], policy_id: str | None = None, csp: str = CSP) -> str:
    """The calculator's public embed page (policy_id None), or the page of one policy (csp: its <meta>
    Content-Security-Policy, "" for none: the offline bundle, scripts/site/csp.py)."""
    path = embed_path(calculator["name"], policy_id)
    assets = _assets(path)
    root = assets.removesuffix("assets/")
    variants = []
    if policy_id is not None:
        policy = policies[policy_id]
        for locale in LOCALES:
            lang = data_lang(locale)
            title = policy["title"][lang]
            credit = pick(lang, UI["embed_credit"]).format(title=title)
            # where the figures come from, one tap away (issue 20 item 10): the policy's page and its sources, in the
            # embed's language, opened outside the host's frame
            page = f"{root}{LANG_DIRS[locale]}policies/{policy_id}/index.html"   # index.html: from file:// too
            links = {"policy": pick(lang, UI["embed_policy_link"]), "sources": pick(lang, UI["embed_sources_link"]),
                     "status": status_lead(lang, policy)}
            status = list_status(policy, lang)
            if locale == "zh-Hant":
                title, credit = to_hant(title), to_hant(credit)
                links = {k: to_hant(v) for k, v in links.items()}
                status = to_hant(status)
            variants.append({
                "page": page, "sources": page + "#source-" + next(iter(policy["sources"])),   # the sources list's first
                "links": links, "status": Markup(status),
                "policy": policy_id, "lang": locale, "version": policy_version(policy), "title": title,
                "credit": credit, "html": Markup(render_widget_html(environment(), policy, calculator["name"], locale, assets)),
            })
    return environment().get_template("embed.html.j2").render(
        c=calculator, variants=variants, assets=assets, csp=csp, words=UI,   # (zh, en): the page shows both
        base="../" * (path.count("/") - 2),   # back to embed/<calculator>/
        policies=calculator["policies"] if policy_id is None else [],
        choices=[{"id": pid, "zh": policies[pid]["title"]["zh"], "en": policies[pid]["title"]["en"]}
                 for pid in calculator["policies"] if pid in policies] if policy_id is None else [])


def write_embed_pages(site_dir: Path, csp: str = CSP) -> list[Path]:
    """Write embed/<calculator>/index.html and one page per (calculator, policy)."""
    policies = load_policies()
    written = []
    with example_runs():   # a policy's examples run once for all its widgets and languages, not once per form
        for calculator in calc.list_calculators()["calculators"]:
            for policy_id in [None, *calculator["policies"]] if calculator["policies"] else []:
                path = Path(site_dir) / embed_path(calculator["name"], policy_id)
                write_if_changed(path, render_embed_page(calculator, policies, policy_id, csp))
                written.append(path)
    return written
