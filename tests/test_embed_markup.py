"""An embed page's calculator is its policy page's calculator, byte for byte (in the built site).

scripts/site/embed_pages.py renders each language's widget with the same function as the policy pages
(widgets.render_widget_html); only the path to the assets differs (`data-assets`: the embed page lies
deeper). The browser sweeps that read a widget's markup — axe and the accessible names
(tests/browser/test_a11y.py) — rely on this to check each widget on its policy page and the embed frame
on one embed page per calculator; this test is what makes that sound, for every embed page and language.
"""
from __future__ import annotations

import re
from pathlib import Path

from scripts.site.embed_pages import LANG_DIRS

TEMPLATE = re.compile(r'<template data-policy="([^"]+)" data-lang="([^"]+)"[^>]*>(.*?)</template>', re.S)
FORM = re.compile(r'<form class="mb-calc".*?</form>', re.S)
ASSETS = re.compile(r' data-assets="[^"]*"')


def _forms(html: str, calculator: str) -> list[str]:
    """The calculator's forms in html, without their data-assets."""
    forms = [ASSETS.sub("", form) for form in FORM.findall(html)]
    return [f for f in forms if f'data-calc="{calculator}"' in f.split(">", 1)[0]]


def test_every_embed_widget_is_its_policy_pages(built_site: Path) -> None:
    pages = sorted(built_site.glob("embed/*/*/**/index.html"))
    assert pages, "no embed page of a policy in the built site"
    checked = 0
    for page in pages:
        calculator = page.relative_to(built_site).parts[1]
        variants = TEMPLATE.findall(page.read_text(encoding="utf-8"))
        assert {lang for _, lang, _ in variants} == set(LANG_DIRS), (page, [lang for _, lang, _ in variants])
        for policy_id, lang, body in variants:
            embedded = _forms(body, calculator)
            assert len(embedded) == 1 and len(FORM.findall(body)) == 1, (page, lang)
            policy_page = built_site / f"{LANG_DIRS[lang]}policies/{policy_id}/index.html"
            own = _forms(policy_page.read_text(encoding="utf-8"), calculator)
            assert own == embedded, f"{page} ({lang}): the widget differs from {policy_page}'s"
            checked += 1
    assert checked == 3 * len(pages)
