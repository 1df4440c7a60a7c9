"""The site's own words, in one file for Python and the widget: scripts/site/ui_words.json.

Sections, each `key: {"zh", "en"}` (zh-Hant is converted from zh): `page` (headings, labels and the
status banner's sentences on generated pages), `status` (a policy's state as one word in lists),
`today` (the today box and place picker), `authoring` (the authoring reference page) and `widget`
(the calculator widget's own words: docs/assets/mingbai/widget/text.js imports them as the module
`mingbai-ui-words`, which scripts/bundle/widget_bundle.py maps to this file, so only what the widget
reads is bundled). A policy's own text is never here: it comes from its YAML.
"""
from __future__ import annotations

import json
from pathlib import Path

from .formatting import pick

WORDS_FILE = Path(__file__).with_name("ui_words.json")
WIDGET_MODULE = "mingbai-ui-words"   # the name text.js imports the file by (an esbuild alias)

Words = dict[str, tuple[str, str]]


def load_words(path: Path = WORDS_FILE) -> dict[str, Words]:
    """Each section as {key: (zh, en)}; an entry that is not exactly two strings zh and en stops the build."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, Words] = {}
    for section, entries in data.items():
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
