"""Raw HTML kept out of the Markdown parser (scripts/site/html_slots.py) changes no output byte.

For every policy page in every language: Markdown of the page with its HTML blocks in place
and Markdown of the stashed page with the blocks filled back in give the same HTML.
"""
from __future__ import annotations

import re

import markdown
import pytest

from scripts.site import html_slots
from scripts.site.hant import to_hant
from scripts.policy.loader import load_all
from scripts.site.compare_pages import compare_groups, render_compare
from scripts.site.jinja_env import environment
from scripts.site.page_paths import LOCALES, data_lang
from scripts.site.policy_page import render_policy
from scripts.site.table_pages import render_table_page, table_parameters

MARKERS = re.compile(r"<!--/?mb-html(?:-unsearched)?-->\n")


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    policies, problems = load_all()
    assert not problems
    env = environment()
    out = {}
    for locale in LOCALES:
        lang = data_lang(locale)
        for pid, policy in policies.items():
            out[f"{pid} {locale}"] = render_policy(env, policy, lang, locale)
            for name in table_parameters(policy):
                out[f"{pid}/{name} {locale}"] = render_table_page(env, policy, name, lang)
        for key, items in compare_groups(policies).items():
            out[f"compare/{key} {locale}"] = render_compare(env, key, items, lang)
    return {key: to_hant(text) if key.endswith("zh-Hant") else text for key, text in out.items()}


def _markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables", "toc"])


def test_every_kind_of_generated_page_marks_its_html(pages):
    assert len(pages) > 15
    for key, text in pages.items():
        assert "<!--mb-html" in text, key


def test_stashed_pages_render_to_the_same_html(pages):
    for key, text in pages.items():
        slots = html_slots.Slots()
        stashed = slots.stash(text)
        assert "<!--mb-html" not in stashed and len(stashed) < len(text) / 2, key
        filled = slots.fill(slots.fill(_markdown(stashed), searchable=True), searchable=False)
        assert filled == _markdown(MARKERS.sub("", text)), key


def test_blocks_the_search_skips_are_all_excluded_from_search(pages):
    """Blocks filled in after the search plugin ran must be ones it would have skipped."""
    unsearched = re.compile(r"<!--mb-html-unsearched-->\n(.*?)<!--/mb-html-->", re.S)
    seen = 0
    for text in pages.values():
        for block in unsearched.findall(text):
            depth = 0
            for tag in re.finditer(r"<(/?)([a-z][a-z0-9]*)([^>]*)>", block):
                closing, name, attrs = tag.groups()
                if name in ("input", "br", "img", "meta", "link", "hr") or attrs.endswith("/"):
                    continue
                if closing:
                    depth -= 1
                    continue
                if depth == 0:
                    assert "data-search-exclude" in attrs, tag.group(0)
                    seen += 1
                depth += 1
            assert depth == 0
    assert seen >= 10


def test_a_missing_block_is_a_bilingual_error_not_an_empty_hole():
    with pytest.raises(html_slots.SlotError) as err:
        html_slots.Slots().fill('<p>x</p>\n<div data-mb-html="0123456789abcdef0123"></div>', True, "policies/x.md")
    assert "policies/x.md" in str(err.value) and "rebuild" in str(err.value) and "重新构建" in str(err.value)


def test_policy_text_cannot_forge_a_marker():
    template = environment().from_string("{% call html_block() %}<p>{{ text }}</p>{% endcall %}")
    text = template.render(text="<!--/mb-html-->\n<script>alert(1)</script>")
    slots = html_slots.Slots()
    stashed = slots.stash(text)
    assert "<script>" not in stashed and stashed.count("data-mb-html") == 1
    assert "&lt;script&gt;" in slots.fill(stashed, True)
