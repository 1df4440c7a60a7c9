"""The caption above a live result never names the built-in example once the inputs differ from it
(issue 11: months set to 6 under "全年缴费", a newborn's result under "集中缴费期内正常缴费").

Every policy page in every language is built with each calculator showing its first worked example,
captioned so (read from the built HTML). In a browser, in each language, pages that together show every
calculator with an example (the caption's script is one per calculator, whatever the policy): change one
input so that calc still answers and read the caption. The caption follows the inputs at once (before
calc answers), so only some pages wait for the engine's answer and read the caption again then: the zh
ones, so every calculator, and one page in each other language (`LIVE`); the other pages check the
caption in their language with the engine held back (a cold Pyodide boot costs seconds a page).
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from decimal import Decimal, InvalidOperation
from html import unescape

import pytest

from support import REPO, SETTLED_JS, open_guarded

sys.path.insert(0, str(REPO))
import calc  # noqa: E402
from calc.data import load_policies  # noqa: E402
from scripts.site.hant import to_hant  # noqa: E402
from site_checks import LANGS, collect, one_page_per_calculator  # noqa: E402

BOOT_TIMEOUT = 90_000


def _pages() -> list[tuple[str, str, list[str]]]:
    """(policy id, language, calculators with an example) for every policy page in every language."""
    out = []
    for pid, policy in sorted(load_policies().items()):
        with_example = sorted({e.get("calculator", policy["calculators"][0]) for e in policy.get("examples", [])})
        if with_example:
            out += [(pid, lang, with_example) for lang in LANGS]
    return out


def _url(site_url: str, pid: str, lang: str) -> str:
    return f"{site_url}{'' if lang == 'zh' else lang + '/'}policies/{pid}/"


def _edits(form):
    """Ways to change one input: (description, do, undo), in field order."""
    for field in form.locator(".mb-field[data-field][data-type]").all():
        kind, name = field.get_attribute("data-type"), field.get_attribute("data-field")
        if kind == "enum":
            select = field.locator("select")
            count, current = select.locator("option").count(), select.input_value()
            for index in range(count):
                value = select.locator("option").nth(index).get_attribute("value")
                if value != current:
                    yield (f"{name}={value}", lambda s=select, v=value: s.select_option(value=v),
                           lambda s=select, v=current: s.select_option(value=v))
        elif kind in ("boolean", "list"):
            box = field.locator("input[type=checkbox]").first
            yield (f"{name} ticked/unticked", lambda b=box: b.click(), lambda b=box: b.click())
        elif kind in ("integer", "money", "date"):
            control = field.locator("input").first
            current = control.input_value()
            for candidate in _nearby(kind, current):
                yield (f"{name}={candidate}", lambda c=control, v=candidate: c.fill(v),
                       lambda c=control, v=current: c.fill(v))


def _nearby(kind: str, value: str) -> list[str]:
    if kind == "date":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return []
        return [str(day + dt.timedelta(days=d)) for d in (1, -1, 30, -30)]
    try:
        number = Decimal(value or "0")
    except InvalidOperation:
        return []
    return [str(number + d) for d in (1, -1, 100, -100) if number + d >= 0]


def _change_one_input(form, name: str, pid: str) -> str:
    """Change one input so that calc still answers (checked with CPython's calc.run first)."""
    before = collect(form)
    for what, do, undo in _edits(form):
        do()
        now = collect(form)
        if now != before and calc.run(name, pid, now)["ok"]:
            return what
        undo()
    raise AssertionError(f"{pid} {name}: no single input change that calc accepts")


def _settle(form) -> None:
    form.page.wait_for_function(SETTLED_JS, arg=form.element_handle(), timeout=BOOT_TIMEOUT)
    errors = form.evaluate("f => [...f.querySelectorAll('.mb-error, .mb-form-error')]"
                           ".filter(e => !e.hidden).map(e => e.textContent)")
    assert not errors, errors


ALL_PAGES = _pages()
# the pages a browser drives: in each language, pages that together show every calculator with an
# example (the caption's script is one per calculator, whatever the policy; every page's prerendered
# caption is read from the built HTML below)
_NAMES = {(pid, lang): names for pid, lang, names in ALL_PAGES}
PAGES = [(pid, lang, _NAMES[pid, lang]) for lang in LANGS
         for pid in one_page_per_calculator({pid: names for (pid, page_lang), names in _NAMES.items() if page_lang == lang})]
ENGINE = ("**/calc-worker.js",)   # held on the pages that do not wait for calc
# (policy, language) pages that wait for calc's answer (each costs an engine boot): every zh page driven,
# so every calculator with an example, and the first page in each other language
LIVE = {(pid, lang) for pid, lang, _ in PAGES if lang == "zh"} | {
    next((pid, lang) for pid, page_lang, _ in PAGES if page_lang == lang) for lang in LANGS}
FORM = re.compile(r'<form class="mb-calc"[^>]*\bdata-calc="([^"]+)"[^>]*>(.*?)</form>', re.S)
EXAMPLE_CAPTION = re.compile(r'<p class="mb-note" data-caption="example">(.*?)</p>', re.S)


def _first_example_note(policy: dict, name: str, lang: str) -> str:
    """The caption a calculator's widget is prerendered with: its first worked example's note, in lang."""
    note = next(e["note"] for e in policy["examples"] if e.get("calculator", policy["calculators"][0]) == name)
    return {"zh": note["zh"], "en": note["en"], "zh-Hant": to_hant(note["zh"])}[lang]


@pytest.mark.parametrize("pid,lang,names", ALL_PAGES, ids=lambda v: v if isinstance(v, str) else "")
def test_the_page_is_prerendered_with_its_example_caption(built_site, pid: str, lang: str, names: list[str]) -> None:
    """Every policy page in every language: each calculator with an example is built showing that example and
    says so in its caption (the browser drives PAGES only)."""
    html = (built_site / _url("", pid, lang) / "index.html").read_text(encoding="utf-8")
    forms: dict[str, str] = {}
    for name, body in FORM.findall(html):
        forms.setdefault(name, body)   # the widget (a worked example's own form comes later)
    for name in names:
        caption = EXAMPLE_CAPTION.search(forms.get(name, ""))
        assert caption, f"{pid} {lang} {name}: no example caption"
        assert unescape(caption.group(1)) == _first_example_note(load_policies()[pid], name, lang), (pid, lang, name)


def test_the_driven_pages_show_every_calculator_in_every_language() -> None:
    for lang in LANGS:
        assert {n for _, page_lang, names in PAGES if page_lang == lang for n in names} == {
            n for _, page_lang, names in ALL_PAGES if page_lang == lang for n in names}, lang


@pytest.fixture(scope="module")
def held_page(browser):
    """One guarded page, the engine held, that the pages not waiting for calc are visited in (a fresh
    context per page costs a new renderer: ~3× a navigation)."""
    opened = open_guarded(browser, "about:blank", hold=ENGINE)
    yield opened
    opened.context.close()


@pytest.fixture(scope="module")
def live_page(browser):
    """One guarded page that the pages waiting for calc are visited in (each still boots its own engine)."""
    opened = open_guarded(browser, "about:blank")
    yield opened
    opened.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("pid,lang,names", PAGES, ids=lambda v: v if isinstance(v, str) else "")
def test_caption_follows_the_inputs(held_page, live_page, site_url: str, pid: str, lang: str, names: list[str]) -> None:
    policy = load_policies()[pid]
    live = (pid, lang) in LIVE
    # a page that does not wait for calc never gets its engine (the worker's script is held, so it neither
    # starts nor fails): the caption follows the inputs before any answer
    opened = live_page if live else held_page
    opened.clear()
    opened.visit(_url(site_url, pid, lang))
    page = opened.page
    for name in names:
        note = next(e["note"] for e in policy["examples"] if e.get("calculator", policy["calculators"][0]) == name)
        example_titles = {note["zh"], note["en"], to_hant(note["zh"])}
        form = page.locator(f'form.mb-calc[data-calc="{name}"]')
        caption = form.locator(".mb-note")
        assert caption.text_content() in example_titles   # prerendered: the example, with its inputs
        what = _change_one_input(form, name, pid)
        if live:
            _settle(form)
        shown = caption.text_content()
        assert shown not in example_titles, f"{pid} {lang} {name}: after {what} the caption still says {shown!r}"
        assert caption.get_attribute("data-caption") == "inputs"
        if lang == "zh-Hant":
            table = page.evaluate("window.MINGBAI_HANT || {}")
            assert not any(ch in table for ch in shown), f"caption not in 繁體: {shown}"
    opened.assert_clean()


def test_every_calculator_and_language_has_a_live_caption_page() -> None:
    assert {lang for _, lang in LIVE} == set(LANGS)
    with_example = {name for _, _, names in ALL_PAGES for name in names}
    assert with_example == {name for pid, lang, names in PAGES if (pid, lang) in LIVE and lang == "zh" for name in names}
