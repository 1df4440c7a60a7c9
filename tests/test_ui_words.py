"""One home for the site's own words (issue 23): scripts/site/ui_words.json, read by the page modules
and bundled into the widget (docs/assets/mingbai/widget/text.js imports it as `mingbai-ui-words`)."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from scripts.bundle.widget_bundle import SOURCES, bundle_widget, widget_sources
from scripts.paths import ROOT
from scripts.site import authoring_reference, formatting, nav, status_banner, today_box, ui_words

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
SITE = ROOT / "scripts" / "site"
# Where a (zh, en) pair of words in a module is not a UI string, and why:
ALLOWED = {
    # a code's words (window_days → 期限（天）/ window (days)): data's vocabulary beside calc's, looked up by
    # code with the policy's own and calc's words first; its one home (scripts/site/vocabulary.py docstring)
    "vocabulary.py",
}


def test_the_page_modules_read_their_words_from_the_file() -> None:
    words = ui_words.load_words()
    assert set(words) == {"page", "status", "value", "today", "authoring", "conditions", "fields", "steps", "nav", "widget"}
    assert words["page"] == ui_words.UI and ui_words.UI is ui_words.WORDS["page"]
    assert authoring_reference.UI is ui_words.WORDS["authoring"]
    assert today_box.UI is ui_words.WORDS["today"]
    assert status_banner.STATE_WORDS is ui_words.WORDS["status"]
    assert nav.NAV is ui_words.WORDS["nav"] and nav.NAV["authoring"] == authoring_reference.NAV_TITLE
    assert formatting.VALUE is ui_words.WORDS["value"]
    assert authoring_reference.FIELD_MEANINGS is ui_words.WORDS["fields"]
    assert authoring_reference.CONDITIONS is ui_words.WORDS["conditions"]
    assert tuple(ui_words.WORDS["steps"].values()) == authoring_reference.STEPS


def _text(node: ast.expr) -> str | None:
    """A string literal's text (an f-string's literal parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(part.value) for part in node.values if isinstance(part, ast.Constant))
    return None


def _pairs(tree: ast.AST) -> list[tuple[int, ast.expr, ast.expr]]:
    """Every place two literals may be one thing said in two languages: a 2-tuple, `a if … else b`, a
    {"zh": …, "en": …} dict."""
    out: list[tuple[int, ast.expr, ast.expr]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            out.append((node.lineno, node.elts[0], node.elts[1]))
        elif isinstance(node, ast.IfExp):
            out.append((node.lineno, node.body, node.orelse))
        elif isinstance(node, ast.Dict):
            by_key = {_text(k): v for k, v in zip(node.keys, node.values, strict=True) if k is not None}
            if "zh" in by_key and "en" in by_key:
                out.append((node.lineno, by_key["zh"], by_key["en"]))
    return out


def ui_pairs(source: str) -> list[tuple[int, str, str]]:
    """The (line, one, other) literal pairs in Python source where one side has Chinese words and the other
    English ones: a UI string written inline. Punctuation pairs ("；", "; ") are typography and pass, so do
    bilingual single strings (an error's "中文 / English")."""
    found = []
    for line, a, b in _pairs(ast.parse(source)):
        one, other = _text(a), _text(b)
        if one is None or other is None:
            continue
        if (HAN.search(one) and LATIN.search(other)) or (HAN.search(other) and LATIN.search(one)):
            found.append((line, one, other))
    return sorted(found)


def test_the_check_finds_each_shape_of_pair() -> None:
    source = """
a = pick(lang, ("是", "yes"))
b = pick(lang, (f"{n} 行", f"{n} rows"))
c = "起" if lang == "zh" else "on"
d = {"zh": "乱码", "en": "garbled"}
e = pick(lang, ("；", "; ")), ("zh", "en"), "错误 / error", WORDS["value"]["yes"]
"""
    assert [line for line, _, _ in ui_pairs(source)] == [2, 3, 4, 5]


@pytest.mark.parametrize("path", sorted(SITE.glob("*.py")), ids=lambda p: p.name)
def test_no_module_writes_its_own_ui_words(path: Path) -> None:
    """The site's words are read by name from ui_words.json; a (zh, en) pair written in a module is a second home."""
    found = ui_pairs(path.read_text(encoding="utf-8"))
    if path.name in ALLOWED:
        assert found, f"{path.name} holds no pair any more: take it off ALLOWED"
        return
    assert not found, (f"{path.name}: move these words to scripts/site/ui_words.json and read them by name: "
                       + "; ".join(f"line {line}: {one!r} / {other!r}" for line, one, other in found))


JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
BRAND = "明白 Mingbai"   # the site's name, one name in both scripts (not words to translate)


TEMPLATES = sorted([*(SITE / "templates").glob("*.j2"), *(SITE / "theme").rglob("*.html")])


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(SITE)))
def test_no_template_writes_its_own_ui_words(path: Path) -> None:
    """A template says the site's words through `t` (or `words`; the theme's: config.extra.words) from
    ui_words.json, never inline."""
    code = JINJA_COMMENT.sub("", path.read_text(encoding="utf-8")).replace(BRAND, "")
    assert not HAN.search(code), f"{path.name}: {HAN.search(code)} — read it from scripts/site/ui_words.json"


def test_the_theme_has_the_words_in_each_language() -> None:
    words = ui_words.theme_words()
    assert set(words) == {"zh", "en", "zh-Hant"}
    assert words["zh-Hant"]["footer_disclaimer"] == "僅供參考，以醫保經辦機構的認定為準。"
    assert words["en"]["footer_contact"] == " Questions: "


def test_the_widget_reads_its_hant_phrases_from_the_file() -> None:
    phrases = json.loads(ui_words.WORDS_FILE.read_text(encoding="utf-8"))[ui_words.PHRASES]
    assert phrases and all(len(pair) == 2 and all(HAN.search(p) for p in pair) for pair in phrases)
    assert ui_words.PHRASES not in ui_words.WORDS   # not words: never offered to the pages


def test_the_widget_has_no_words_of_its_own() -> None:
    """Outside comments, a widget module holds no Chinese (its 繁體 phrase fixes are the file's too)."""
    for path in sorted(SOURCES.glob("*.js")):
        code = COMMENT.sub("", path.read_text(encoding="utf-8"))
        assert not HAN.search(code), f"{path.name}: {HAN.search(code)} — put the widget's words in scripts/site/ui_words.json"
    text_js = (SOURCES / "text.js").read_text(encoding="utf-8")
    assert f'import {{ widget, {ui_words.PHRASES} as hantPhrases }} from "{ui_words.WIDGET_MODULE}";' in text_js


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
    assert '"複製"' in bundle   # the 繁體 phrase fixes
    assert json.dumps(ui_words.UI["home_intro"][1], ensure_ascii=False) not in bundle   # the pages' words stay out (tree-shaken)
