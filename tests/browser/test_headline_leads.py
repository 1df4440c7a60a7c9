"""The headline's first words say what calc/headline_rules.py requires, prerendered and live (issue 20, point 4).

One calculator per language whose worked example meets a rule: 周口's total without its compulsory 大额补充
premium (zh), 周口's arrears Article 9 does not require back (en), Hunan's 2025 measures: cover from a
wait counted on our reading (zh-Hant). The prerendered line is calc's for the form's inputs and leads with each rule's words; after one input
changes (to inputs for which the same rules hold) the live line does too.
"""
from __future__ import annotations

import sys

import pytest

from support import REPO

sys.path.insert(0, str(REPO))
import calc  # noqa: E402
from calc.headline_rules import RULES  # noqa: E402
from site_checks import collect  # noqa: E402
from test_captions import _edits, _settle, _url  # noqa: E402

pytestmark = pytest.mark.browser
HANT_JS = "s => [...s].map(c => (window.MINGBAI_HANT || {})[c] || c).join('')"
CASES = [("zh", "henan/zhoukou/2024-flexible-employment", "flexible-contribution"),
         ("en", "henan/zhoukou/2024-flexible-employment", "flexible-arrears"),
         ("zh-Hant", "hunan/2025-enrolment-measures", "resident-benefit-start")]


def _rules(run: dict) -> set[str]:
    values = {k: v for k, v in run["result"].items() if k not in run["folded"]}
    return {rule.name for rule in RULES if rule.applies(values)}


def _check(page, form, lang: str, when: str) -> set[str]:
    name, pid = form.get_attribute("data-calc"), form.get_attribute("data-policy")
    run = calc.run(name, pid, collect(form))
    assert run["ok"], run
    held = _rules(run)
    assert held, f"{when}: no rule holds for {collect(form)}: the case does not test a lead"
    shown = form.locator(".mb-headline").text_content() or ""
    want = run["headline"]["en" if lang == "en" else "zh"]
    if lang == "zh-Hant":
        want = page.evaluate(HANT_JS, want)
    assert shown == want, f"{when}: shows {shown!r}, calc says {want!r}"
    first = shown.split(": " if lang == "en" else "：", 1)[0]
    for rule in RULES:
        if rule.name in held:
            marks = rule.marks[1] if lang == "en" else rule.marks[0]
            if lang == "zh-Hant":
                marks = tuple(page.evaluate(HANT_JS, m) for m in marks)
            assert any(m.lower() in first.lower() for m in marks), f"{when}: {rule.name} not in the first words {first!r}"
    return held


def _change_keeping(form, name: str, pid: str, held: set[str]) -> str:
    """Change one input so that calc still answers and the same rules hold (checked with CPython's calc.run)."""
    before = collect(form)
    for what, do, undo in _edits(form):
        do()
        now = collect(form)
        run = calc.run(name, pid, now)
        if now != before and run["ok"] and _rules(run) == held and run["headline"] != calc.run(name, pid, before)["headline"]:
            return what
        undo()
    raise AssertionError(f"{pid} {name}: no single input change keeps {held}")


@pytest.mark.parametrize("lang,pid,name", CASES, ids=[c[0] for c in CASES])
def test_prerendered_and_live_headlines_lead_with_the_rule(open_page, site_url: str, lang: str, pid: str, name: str) -> None:
    opened = open_page(_url(site_url, pid, lang))
    page = opened.page
    form = page.locator(f'form.mb-calc[data-calc="{name}"]').first
    held = _check(page, form, lang, f"{name} prerendered")
    what = _change_keeping(form, name, pid, held)
    _settle(form)
    _check(page, form, lang, f"{name} live after {what}")
    opened.assert_clean()
