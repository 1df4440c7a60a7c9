"""Every (calculator, policy) pair's embed, read from the built site without a browser (one test per pair).

assets/mingbai/embed.js is one script for every pair: tests/browser/test_embed.py drives it in Chromium on one
pair per calculator and per language (the public page moves on to the policy's page, query kept; the ?lang=
template goes into <main>; the form and <body> are stamped with the template's policy and version; the
prerendered outputs show). What the script copies is each pair's data, checked here for every pair:

- the calculator's public page (embed/<calculator>/index.html) lists the policy in data-policies, so the
  script moves on to it;
- the policy's page (embed/<calculator>/<policy>/index.html) holds one <template> per language, each stamped
  with the policy id and its version (scripts/site/embed_pages.policy_version of the compiled policy), the
  version embed.js puts on the form and <body>;
- each template holds one form of that calculator, stamped with the policy and the template's language, whose
  prerendered outputs are CPython's calc.run for the policy's example (exactly, in zh and en: calc's display
  languages; zh-Hant shows the zh words converted, tests/test_embed_markup.py: the policy page's widget).
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

import calc
from calc.data import load_policies
from scripts.site.embed_pages import LANG_DIRS, policy_version
from scripts.site.widgets import example_inputs

PAIRS = [(c["name"], pid) for c in calc.list_calculators()["calculators"] for pid in c["policies"]]
CHECKED_LANGS = ("zh", "en")   # calc.run's display languages


class EmbedPage(HTMLParser):
    """What embed.js reads in an embed page: <main id=mb-embed>'s attributes, and per <template>: its
    attributes, its forms' attributes and each output's text (dd[data-output], its textContent)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.main: dict[str, str] = {}
        self.templates: list[dict] = []
        self._output: list | None = None
        self._depth = 0   # open <dd> elements inside the current output

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "main" and a.get("id") == "mb-embed":
            self.main = a
        elif tag == "template":
            self.templates.append({"attrs": a, "forms": [], "outputs": []})
        elif not self.templates:
            return
        elif tag == "form" and "mb-calc" in a.get("class", "").split():
            self.templates[-1]["forms"].append(a)
        elif tag == "dd" and self._output is not None:
            self._depth += 1
        elif tag == "dd" and "data-output" in a:
            self._output = [a["data-output"], ""]
            self.templates[-1]["outputs"].append(self._output)

    def handle_endtag(self, tag: str) -> None:
        if tag == "dd" and self._output is not None:
            if self._depth:
                self._depth -= 1
            else:
                self._output = None

    def handle_data(self, data: str) -> None:
        if self._output is not None:
            self._output[1] += data


def read_embed(path: Path) -> EmbedPage:
    parsed = EmbedPage()
    parsed.feed(path.read_text(encoding="utf-8"))
    parsed.close()
    return parsed


def test_every_pair_is_here() -> None:
    """The pairs below are `python -m calc list`'s, every calculator with at least one policy."""
    names = {c["name"] for c in calc.list_calculators()["calculators"]}
    assert {name for name, _ in PAIRS} == names and len(PAIRS) >= len(names)


@pytest.mark.parametrize("name, pid", PAIRS, ids=[f"{name}:{pid}" for name, pid in PAIRS])
def test_the_pairs_embed_holds_its_stamped_prerendered_example(built_site: Path, name: str, pid: str) -> None:
    policy = load_policies()[pid]
    public = read_embed(built_site / "embed" / name / "index.html")
    assert public.main.get("data-calc") == name and not public.templates, name
    assert pid in public.main.get("data-policies", "").split(), (name, pid, public.main)

    own = read_embed(built_site / "embed" / name / pid / "index.html")
    assert own.main.get("data-calc") == name, own.main
    version = policy_version(policy)
    want = calc.run(name, pid, example_inputs(policy, name))
    assert want["ok"], want
    langs = []
    for template in own.templates:
        attrs, lang = template["attrs"], template["attrs"].get("data-lang")
        langs.append(lang)
        assert attrs.get("data-policy") == pid and attrs.get("data-policy-version") == version, (name, pid, attrs)
        assert len(template["forms"]) == 1, (name, pid, lang, template["forms"])
        form = template["forms"][0]
        assert (form.get("data-calc"), form.get("data-policy"), form.get("data-lang")) == (name, pid, lang), form
        assert template["outputs"], (name, pid, lang)
        if lang in CHECKED_LANGS:
            for key, text in template["outputs"]:
                if key in want["display"]:
                    assert text == want["display"][key][lang], (name, pid, lang, key, text)
    assert sorted(langs) == sorted(LANG_DIRS), (name, pid, langs)
