"""Embed pages: /embed/<calculator>/?policy=<id>&lang=<zh|en>[&<input>=<value>…] — no site chrome.

One static HTML file per calculator (embed/<calculator>/index.html), written into the built
site (MkDocs hook on_post_build; they are not MkDocs pages). It holds the calculator's widget
form — the same markup as the policy pages, scripts/templates/widget.html.j2 through
site_pages.render_widget_html — prerendered with each policy's example, once per (policy,
language), each in a <template>. assets/mingbai/embed.js picks the one the query names (default:
the first policy, zh) before widget.js makes it live; widget.js then takes any inputs in the
query (the shareable-link format), so a shared scenario opens prefilled and computes.

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

import jinja2
from markupsafe import Markup

import calc
from calc.data import load_policies

from .hant import to_hant
from .site_pages import LOCALES, TEMPLATES, data_lang, render_widget_html

ASSETS = "../../assets/"      # from embed/<calculator>/index.html


def policy_version(policy: dict) -> str:
    """Version stamp of one compiled policy: "sha256:" + 16 hex digits of its canonical JSON."""
    canonical = json.dumps(policy, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def embed_path(calculator: str) -> str:
    return f"embed/{calculator}/index.html"


def render_embed_page(calculator: dict, policies: dict[str, dict]) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True)
    variants = []
    for pid in calculator["policies"]:
        policy = policies[pid]
        for locale in LOCALES:
            lang = data_lang(locale)
            title = policy["title"][lang]
            credit = (f"政策：{title}。数字和出处：明白 Mingbai 医保政策明白纸。" if lang == "zh"
                      else f"Policy: {title}. Figures and sources: Mingbai, medical insurance explained.")
            if locale == "zh-Hant":
                title, credit = to_hant(title), to_hant(credit)
            variants.append({
                "policy": pid, "lang": locale, "version": policy_version(policy), "title": title,
                "credit": credit, "html": Markup(render_widget_html(policy, calculator["name"], locale, ASSETS)),
            })
    return env.get_template("embed.html.j2").render(c=calculator, variants=variants, assets=ASSETS)


def write_embed_pages(site_dir: Path) -> list[Path]:
    """Write embed/<calculator>/index.html for every calculator that has policies."""
    policies = load_policies()
    written = []
    for calculator in calc.list_calculators()["calculators"]:
        if not calculator["policies"]:
            continue
        path = Path(site_dir) / embed_path(calculator["name"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_embed_page(calculator, policies), encoding="utf-8")
        written.append(path)
    return written
