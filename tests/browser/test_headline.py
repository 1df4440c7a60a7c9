"""Each live result leads with its answer in one line, and that line follows the inputs (issue 11).

The line is calc's (run["headline"]): built into the page, then replaced by widget.js after each live result.
For the pages with the issue's cases (衡阳 flexible employment, 双清 resident: a newborn), every calculator
with a worked example, in zh, en and zh-Hant: the prerendered line is calc's for the example; after one input
changes it is calc's for the new inputs; rows calc lists as `folded` are hidden, the others shown.

The line after a change is widget.js's (one script for every calculator and page) showing calc's line in the
page's language: it is checked live (an engine boot each) on both pages in zh — every calculator — and on one
page in each other language (LIVE: en on 双清, zh-Hant on 衡阳, so each page is live in two languages); the
other two pages check their prerendered line and rows with the engine never started (idle boot off, nothing
typed), as test_captions does for captions.
"""
from __future__ import annotations

import sys

import pytest

from support import REPO

sys.path.insert(0, str(REPO))
import calc  # noqa: E402
from calc.data import load_policies  # noqa: E402
from site_checks import LANGS, collect  # noqa: E402
from test_captions import _change_one_input, _settle, _url  # noqa: E402

pytestmark = pytest.mark.browser
PAGES = ("hunan/hengyang/2023-flexible-employment", "hunan/shaoyang/shuangqing/2023-resident")
HANT_JS = "s => [...s].map(c => (window.MINGBAI_HANT || {})[c] || c).join('')"
# (policy, language) pages whose line is checked after a change, with calc's live answer
LIVE = {(pid, "zh") for pid in PAGES} | {(PAGES[1], "en"), (PAGES[0], "zh-Hant")}


def _expected(page, form, lang: str) -> dict:
    run = calc.run(form.get_attribute("data-calc"), form.get_attribute("data-policy"), collect(form))
    assert run["ok"], run
    zh = run["headline"]["zh"]
    line = {"zh": zh, "en": run["headline"]["en"], "zh-Hant": page.evaluate(HANT_JS, zh)}[lang]
    return {"line": line, "folded": set(run["folded"])}


def _check(page, form, lang: str, when: str) -> str:
    want = _expected(page, form, lang)
    shown = form.locator(".mb-headline").text_content()
    assert shown == want["line"], f"{when}: shows {shown!r}, calc says {want['line']!r}"
    hidden = set(form.evaluate("f => [...f.querySelectorAll('.mb-out[data-name]')]"
                               ".filter(r => r.hidden).map(r => r.getAttribute('data-name'))"))
    assert hidden == want["folded"], f"{when}: hidden rows {hidden}, calc folds {want['folded']}"
    return shown


@pytest.mark.parametrize("pid", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_headline_follows_the_inputs(open_page, site_url: str, pid: str, lang: str) -> None:
    policy = load_policies()[pid]
    names = sorted({e.get("calculator", policy["calculators"][0]) for e in policy.get("examples", [])})
    live = (pid, lang) in LIVE
    opened = open_page(_url(site_url, pid, lang), config=None if live else {"idleBoot": False})
    page = opened.page
    for name in names:
        form = page.locator(f'form.mb-calc[data-calc="{name}"]').first
        before = _check(page, form, lang, f"{name} prerendered")
        if not live:
            continue
        what = _change_one_input(form, name, pid)
        _settle(form)
        after = _check(page, form, lang, f"{name} after {what}")
        if lang == "zh-Hant":   # 繁體 after the edit too (the table is loaded on the page)
            assert page.evaluate("!!window.MINGBAI_HANT"), "no character table on a zh-Hant page"
        assert before != after or calc.run(name, pid, collect(form))["headline"]["zh"] == \
            calc.run(name, pid, dict(next(e for e in policy["examples"]
                                          if e.get("calculator", policy["calculators"][0]) == name)["inputs"]))[
                "headline"]["zh"], f"{name}: headline did not change after {what}"
    opened.assert_clean()


def test_every_language_has_a_live_page() -> None:
    assert {lang for _, lang in LIVE} == set(LANGS) and {pid for pid, _ in LIVE} == set(PAGES)
