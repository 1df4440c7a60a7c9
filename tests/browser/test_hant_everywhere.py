"""繁體 everywhere (issue 11): zh-Hant forms send calc the codes and the policy's own texts, embeds
keep speaking 繁體 after an edit, and page titles, headings and navigation are in 繁體.

Which policies and choices to try comes from policies/ (through calc), never from a list here.
"""
from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support import REPO, SETTLED_JS

sys.path.insert(0, str(REPO))
import calc  # noqa: E402
from calc.api import applicable_inputs  # noqa: E402
from calc.data import load_policies  # noqa: E402
from calc.policy import Policy  # noqa: E402
from calc.registry import calculators  # noqa: E402
from scripts.site.hant import to_hant  # noqa: E402
from site_checks import collect  # noqa: E402

pytestmark = pytest.mark.browser
BOOT_TIMEOUT = 90_000
POLL_MS = 100   # the settle wait tests the form every 100 ms, not every frame (a page kept drawing frames costs CPU)
STALE = re.compile(r"\bmb-stale\b")


def _choice_inputs() -> list[tuple[str, str, str, list[str]]]:
    """(policy id, calculator, input, choice values) for every input whose choices are a policy's own
    texts (choices_from: township names and the like) — the values OpenCC must not touch."""
    found = []
    for pid, policy in sorted(load_policies().items()):
        for name in policy["calculators"]:
            for spec in applicable_inputs(calculators()[name], Policy(policy)):
                if spec.type == "enum" and spec.choices_from:
                    values = [c["value"] if isinstance(c, dict) else c for c in spec.describe()["choices"]]
                    found.append((pid, name, spec.name, values))
    return found


def _table(page) -> dict:
    """The character table widget.js converts calc's live zh text with (assets/mingbai/hant-map.js)."""
    table = page.evaluate("window.MINGBAI_HANT || null")
    assert table, "assets/mingbai/hant-map.js is not loaded: live text would be 简体"
    return table


def _converted(text: str, table: dict) -> str:
    return "".join(table.get(ch, ch) for ch in text)




def _shows(form, run: dict) -> None:
    """The form shows calc's answer (zh display, converted as widget.js does) and no error."""
    table = _table(form.page)
    form.page.wait_for_function(SETTLED_JS, arg=form.element_handle(), timeout=BOOT_TIMEOUT, polling=POLL_MS)
    errors = form.evaluate("f => [...f.querySelectorAll('.mb-error, .mb-form-error')]"
                           ".filter(e => !e.hidden).map(e => e.textContent)")
    assert not errors, errors
    assert form.get_attribute("data-mb-state") != "error", form.locator(".mb-status").text_content()
    for dd in form.locator("[data-output]").all():
        value = run["display"].get(dd.get_attribute("data-output"))
        if isinstance(value, dict) and value.get("zh") is not None:
            expect(dd).to_have_text(_converted(value["zh"], table), timeout=5_000)


@pytest.mark.parametrize("pid,name,field,values", _choice_inputs(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_choice_on_a_hant_page_computes(open_page, site_url: str, pid, name, field, values) -> None:
    """平江 on zh-Hant: every township, the default included, is accepted by calc and gets a result."""
    opened = open_page(f"{site_url}zh-Hant/policies/{pid}/")
    form = opened.page.locator(f'form.mb-calc[data-calc="{name}"]')
    select = form.locator(f'.mb-field[data-field="{field}"] select')
    options = select.locator("option")
    assert sorted(options.evaluate_all("os => os.map(o => o.value)")) == sorted(values), \
        "the options' values must be calc's choices, unconverted"
    labels = options.evaluate_all("os => os.map(o => o.textContent)")
    order = list(range(1, len(values))) + [0]   # the default last: picked again after the others
    for index in order:
        select.select_option(index=index)
        run = calc.run(name, pid, collect(form))
        assert run["ok"], f"{pid}: calc rejects {labels[index]!r} as the page sends it: {run.get('errors')}"
        _shows(form, run)
        assert labels[index] == to_hant(labels[index]), f"option label not in 繁體: {labels[index]}"
    opened.assert_clean()


def test_hant_embed_stays_traditional_after_an_edit(open_page, site_url: str) -> None:
    """A zh-Hant embed loads the character table: calc's live zh text is shown in 繁體."""
    pid, name = next((pid, name) for pid, p in sorted(load_policies().items()) for name in p["calculators"]
                     if any(i["type"] == "integer" for i in calc.describe(name)["inputs"]))
    opened = open_page(f"{site_url}embed/{name}/{pid}/?lang=zh-Hant")
    page = opened.page
    form = page.locator("form.mb-calc")
    field = form.locator('.mb-field[data-type="integer"] input').first
    before = form.locator("ol.mb-steps").text_content()
    low = field.get_attribute("min") or "1"
    field.fill(low if field.input_value() != low else str(int(low) + 1))
    run = calc.run(name, pid, collect(form))
    assert run["ok"], run
    _shows(form, run)
    steps = form.locator("ol.mb-steps").text_content()
    assert steps != before
    table = _table(page)
    assert steps == "".join(_converted(s["zh"], table) for s in run["steps"])
    assert not any(ch in table for ch in steps), "steps after an edit are not (all) in 繁體"
    opened.assert_clean()


_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_NAV = re.compile(r'<span class="md-ellipsis">(.*?)</span>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _headings(html: str) -> dict[str, list[str]]:
    # the zh-Hant site_name (mkdocs.yml) adds （繁體） to the zh one
    found = {kind: [unescape(_TAG.sub("", raw)).strip().replace("（繁體）", "") for raw in pattern.findall(html)]
             for kind, pattern in (("title", _TITLE), ("h1", _H1), ("nav", _NAV))}
    found["title"] = [t.rsplit(" - ", 1)[0] for t in found["title"]]   # less the site name
    return found


def test_hant_titles_headings_and_navigation_are_traditional(built_site: Path) -> None:
    """Every zh-Hant page: <title>, h1 and navigation entries are the zh page's, in 繁體
    (they stayed 简体: front-matter titles were \\u-escaped JSON, which OpenCC does not read)."""
    wrong = []
    pages = sorted((built_site / "zh-Hant").rglob("*.html"))
    assert pages
    for path in pages:
        zh_path = built_site / path.relative_to(built_site / "zh-Hant")
        if not zh_path.is_file():
            continue
        hant, zh = _headings(path.read_text(encoding="utf-8")), _headings(zh_path.read_text(encoding="utf-8"))
        for kind in hant:
            if hant[kind] != [to_hant(text) for text in zh[kind]]:
                diff = [(a, b) for a, b in zip(zh[kind], hant[kind]) if to_hant(a) != b]
                wrong.append(f"{path.relative_to(built_site)} {kind}: {diff[:3] or (zh[kind], hant[kind])}")
    assert not wrong, "\n".join(wrong[:40])
