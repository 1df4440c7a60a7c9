"""One home for the site's own words (issue 23): scripts/site/ui_words.json, read by the page modules
and bundled into the widget (docs/assets/mingbai/widget/text.js imports it as `mingbai-ui-words`)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.bundle.widget_bundle import SOURCES, bundle_widget, widget_sources
from scripts.site import authoring_reference, nav, status_banner, today_box, ui_words

HAN = re.compile(r"[\u3400-\u9fff]")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def test_the_page_modules_read_their_words_from_the_file() -> None:
    words = ui_words.load_words()
    assert set(words) == {"page", "status", "today", "authoring", "nav", "widget"}
    assert words["page"] == ui_words.UI and ui_words.UI is ui_words.WORDS["page"]
    assert authoring_reference.UI is ui_words.WORDS["authoring"]
    assert today_box.UI is ui_words.WORDS["today"]
    assert status_banner.STATE_WORDS is ui_words.WORDS["status"]
    assert nav.NAV is ui_words.WORDS["nav"] and nav.NAV["authoring"] == authoring_reference.NAV_TITLE


def test_the_widget_has_no_words_of_its_own() -> None:
    """Outside comments, a widget module holds no Chinese but the two 繁體 phrase fixes (text.js HANT_PHRASES)."""
    for path in sorted(SOURCES.glob("*.js")):
        code = COMMENT.sub("", path.read_text(encoding="utf-8"))
        code = re.sub(r"var HANT_PHRASES = \[.*?\];", "", code)
        assert not HAN.search(code), f"{path.name}: {HAN.search(code)} — put the widget's words in scripts/site/ui_words.json"
    text_js = (SOURCES / "text.js").read_text(encoding="utf-8")
    assert f'import {{ widget }} from "{ui_words.WIDGET_MODULE}";' in text_js


def test_the_words_file_is_scanned_for_the_hant_table() -> None:
    assert ui_words.WORDS_FILE in widget_sources()


def test_an_entry_without_both_languages_stops_the_build(tmp_path: Path) -> None:
    bad = tmp_path / "words.json"
    bad.write_text(json.dumps({"widget": {"ready": {"zh": "就绪"}}}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"widget\.ready: .*must be"):
        ui_words.load_words(bad)


@pytest.mark.node
def test_the_bundle_carries_the_widget_section_and_only_it() -> None:
    bundle = bundle_widget()
    for key, (zh, en) in ui_words.WORDS["widget"].items():
        assert json.dumps(zh, ensure_ascii=False) in bundle and json.dumps(en, ensure_ascii=False) in bundle, key
    assert json.dumps(ui_words.UI["home_intro"][1], ensure_ascii=False) not in bundle   # the pages' words stay out (tree-shaken)
