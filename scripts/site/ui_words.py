"""The site's own words, in one file for Python and the widget: scripts/site/ui_words.json.

Sections, each `key: {"zh", "en"}` (zh-Hant is converted from zh): `page` (headings, labels and the status
banner's sentences on generated pages, the stored sources' pages, the theme's footer), `status` (a policy's
state as one word in lists), `value` (how a figure's value reads: yes, no, open-ended, a subsidy), `today`
(the today box, its questions and the place picker), `authoring`, `conditions`, `fields` and `steps` (the
authoring reference page: its labels, when an input is asked, each YAML field's meaning, the steps of adding a
policy), `nav` and `widget` (the calculator widget's own words: docs/assets/mingbai/widget/text.js imports
them as the module `mingbai-ui-words`, which scripts/bundle/widget_bundle.py maps to this file, so only what
the widget reads is bundled). `hant_phrases` is not words but the widget's 繁體 phrase fixes, [wrong, right]
pairs its character table gets wrong (text.js). A policy's own text is never here: it comes from its YAML; a
code's words are in scripts/site/vocabulary.py; a result's words are calc's (they run in the reader's
browser).
"""
from __future__ import annotations

import json
from pathlib import Path

from calc.inputs import Text

from .hant import to_hant

WORDS_FILE = Path(__file__).with_name("ui_words.json")
WIDGET_MODULE = "mingbai-ui-words"   # the name text.js imports the file by (an esbuild alias)

PHRASES = "hant_phrases"   # the one section that is not words (read by the widget only)
LANGS = ("zh", "en")

Words = dict[str, tuple[str, str]]


def pick(lang: str, pair: tuple[str, str] | Text) -> str:
    """The `lang` words of a (zh, en) pair or of a calc Text."""
    if isinstance(pair, Text):
        return getattr(pair, lang)
    return pair[LANGS.index(lang)]


def load_words(path: Path = WORDS_FILE) -> dict[str, Words]:
    """Each section as {key: (zh, en)}; an entry that is not exactly two strings zh and en stops the build."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, Words] = {}
    for section, entries in data.items():
        if section == PHRASES:
            continue
        out[section] = {}
        for key, entry in entries.items():
            if not (isinstance(entry, dict) and set(entry) == {"zh", "en"} and all(isinstance(v, str) for v in entry.values())):
                raise ValueError(f"{path}: {section}.{key}: 须为 {{\"zh\": 文字, \"en\": 文字}} / must be {{\"zh\": text, \"en\": text}}")
            out[section][key] = (entry["zh"], entry["en"])
    return out


WORDS = load_words()
UI = WORDS["page"]


def ui(lang: str) -> dict[str, str]:
    """The pages' words in one language (templates read them as `t`)."""
    return {key: pick(lang, pair) for key, pair in UI.items()}


def theme_words() -> dict[str, dict[str, str]]:
    """The pages' words by theme language, zh-Hant converted from zh: the theme's own templates
    (theme/partials/copyright.html) read them as `config.extra.words` (scripts/site/plugin.py)."""
    zh = ui("zh")
    return {"zh": zh, "en": ui("en"), "zh-Hant": {key: to_hant(text) for key, text in zh.items()}}
