"""Copy style of the reader-facing prose in every policy (issue 11, "English and Chinese copy edited throughout").

- Chinese prose uses full-width punctuation: no half-width , ; : ( ) ! ? next to a Chinese character
  ("350元,集中参保缴费期" must read "350元，集中参保缴费期").
- English prose has no untranslated Chinese: Chinese characters may appear only in parentheses, as the original name
  after an English rendering ("the WeChat mini-program Xiangshui Shebao (湘税社保)"), or as a quoted original
  wording followed by its English in parentheses ('"年满60周岁以上" ("aged 60 and over")'), never alone ("惠民型").
- No space between two Chinese characters in Chinese prose (a line break of a folded YAML block reads as one):
  summaries alone have line breaks, which are their paragraph breaks.
- Percentages are written one way in both languages: "90%", never "90 %".

Prose fields: summary, covers, readings, parameter label / description / how, example notes. Quotes (`quote`) are
verbatim source text and source titles are names: neither is checked. A passage in “…” inside Chinese prose that a
stored source of the policy contains word for word is a citation and is left as the source has it.
Policies are read from policies/ (every file the loader finds): nothing is listed here per policy.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from scripts.policy import loader as policy_loader

POLICIES, PROBLEMS = policy_loader.load_all()
PARAMETER_PROSE = ("label", "description", "how")

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese text around a mark: a Chinese character or full-width punctuation (“”、。，：；（）《》…)
ZH_SIDE = rf"[{CJK}\u3000-\u303f\uff00-\uffef“”‘’…—]"
HALF_WIDTH = re.compile(rf"(?<={ZH_SIDE})\s*[,;:()!?]|[,;:()!?]\s*(?={ZH_SIDE})")
HAN_RUN = re.compile(rf"[{CJK}]+")
CITATION = re.compile(r"“([^”]*)”")
SPACED_PERCENT = re.compile(r"\d\s+%")


def prose(policy: dict) -> Iterator[tuple[str, dict]]:
    """(field path, {zh, en}) for every reader-facing prose field of a policy."""
    for key in ("summary", "covers"):
        if policy.get(key):
            yield key, policy[key]
    for i, reading in enumerate(policy.get("readings") or []):
        yield f"readings[{i}] ({reading.get('id')})", reading
    for name, param in (policy.get("parameters") or {}).items():
        for entry_path, entry in [(f"parameters.{name}", param),
                                  *((f"parameters.{name}.dated[{j}]", d) for j, d in enumerate(param.get("dated") or []))]:
            for key in PARAMETER_PROSE:
                if isinstance(entry.get(key), dict):
                    yield f"{entry_path}.{key}", entry[key]
    for i, example in enumerate(policy.get("examples") or []):
        if isinstance(example.get("note"), dict):
            yield f"examples[{i}].note", example["note"]


def source_text(pid: str) -> str:
    """Every stored text of the policy (verbatim and normalised), to recognise citations in prose."""
    out = []
    for source in POLICIES[pid].get("sources", {}).values():
        for key in ("file", "normalised"):
            if source.get(key):
                out.append((policy_loader.SOURCES_DIR / source[key]).read_text(encoding="utf-8"))
    return "\n".join(out)


PRIVATE_USE = re.compile("[\ue000-\uf8ff]")   # unrenderable capture noise in garbled sources, not quoted in prose


def without_citations(text: str, sources: str) -> str:
    """Chinese prose with the “…” passages a source contains word for word blanked out (kept as the source has them)."""
    sources = re.sub(r"\s", "", PRIVATE_USE.sub("", sources))   # a stored line break may fall inside a passage
    return CITATION.sub(lambda m: "“" + "\u3000" * len(m.group(1)) + "”" if re.sub(r"\s", "", m.group(1)) in sources
                        else m.group(0), text)


def half_width_in_zh(text: str) -> list[str]:
    """Each half-width mark next to Chinese text, with a few characters around it."""
    return [text[max(0, m.start() - 8): m.end() + 8] for m in HALF_WIDTH.finditer(text)]


QUOTED_WITH_GLOSS = re.compile(r'"[^"]*"(?=\s*\((?:[^()]*[A-Za-z][^()]*)\))')


def untranslated_in_en(text: str) -> list[str]:
    """Chinese characters in English prose outside parentheses that follow an English rendering, and outside a quoted
    original wording that an English gloss in parentheses follows."""
    bad, depth_open = [], []
    inside = [False] * len(text)
    for m in QUOTED_WITH_GLOSS.finditer(text):
        for k in range(m.start(), m.end()):
            inside[k] = True
    for i, ch in enumerate(text):
        if ch == "(":
            depth_open.append(i)
        elif ch == ")" and depth_open:
            start = depth_open.pop()
            before = text[:start].rstrip()
            if before and re.search(r"[A-Za-z0-9\"'”’]$", before):   # after an English word or name
                for k in range(start, i + 1):
                    inside[k] = True
    for m in HAN_RUN.finditer(text):
        if not all(inside[m.start():m.end()]):
            bad.append(text[max(0, m.start() - 20): m.end() + 10])
    return bad


def test_the_checks_catch_the_reported_cases() -> None:
    assert [hit for hit in half_width_in_zh("每人350元,集中参保缴费期") if "元,集" in hit]
    assert half_width_in_zh("资助一半(175元);本人缴费") and half_width_in_zh("注意:本人") and half_width_in_zh("是否?是")
    assert not half_width_in_zh("每人350元，集中参保缴费期（175元）；任务 947,259 人，24:00")
    assert untranslated_in_en("the value is 惠民型") and untranslated_in_en("through the 一卡通 card")
    assert not untranslated_in_en('the WeChat mini-program Xiangshui Shebao (湘税社保), garbled ("湘税社�!薄")')
    assert not untranslated_in_en('"年满60周岁以上" ("aged 60 and over") is read') and untranslated_in_en('"惠民型" cover')
    assert SPACED_PERCENT.search("98 %") and not SPACED_PERCENT.search("90%")
    assert without_citations("“甲,乙”,丙", "甲,乙") == "“\u3000\u3000\u3000”,丙"


def test_the_loader_reads_every_policy() -> None:
    assert not PROBLEMS, [str(p) for p in PROBLEMS]
    assert len(POLICIES) == len(policy_loader.policy_files())


@pytest.mark.parametrize("pid", sorted(POLICIES))
def test_chinese_prose_uses_full_width_punctuation(pid: str) -> None:
    sources = source_text(pid)
    found = [(path, hit) for path, text in prose(POLICIES[pid]) if text.get("zh")
             for hit in half_width_in_zh(without_citations(str(text["zh"]), sources))]
    assert not found, (f"{pid}: half-width punctuation in Chinese prose (use ，；：（）！？): {found}")


@pytest.mark.parametrize("pid", sorted(POLICIES))
def test_english_prose_has_no_untranslated_chinese(pid: str) -> None:
    found = [(path, hit) for path, text in prose(POLICIES[pid]) if text.get("en")
             for hit in untranslated_in_en(str(text["en"]))]
    assert not found, (f"{pid}: Chinese in English prose: translate it, and give the original name in parentheses "
                       f"after the English if readers need it: {found}")


@pytest.mark.parametrize("pid", sorted(POLICIES))
@pytest.mark.parametrize("lang", ("zh", "en"))
def test_percentages_are_written_without_a_space(pid: str, lang: str) -> None:
    found = [(path, text[lang][max(0, m.start() - 10): m.end() + 5]) for path, text in prose(POLICIES[pid])
             if text.get(lang) for m in SPACED_PERCENT.finditer(str(text[lang]))]
    assert not found, f"{pid} ({lang}): write percentages as 90%, not 90 %: {found}"


def _summary_html(policy: dict, lang: str) -> str:
    from scripts.site.jinja_env import environment
    from scripts.site.policy_page import render_policy
    page = render_policy(environment(), policy, lang)
    return re.search(r'<div class="mb-summary">(.*?)</div>', page, re.S).group(1)


@pytest.mark.parametrize("lang", ("zh", "en"))
def test_a_summary_line_is_a_paragraph_and_stays_text(lang: str) -> None:
    """Summaries are short paragraphs, one per line of the YAML value; each renders as its own <p>, escaped."""
    pid = sorted(POLICIES)[0]
    policy = {**POLICIES[pid], "summary": {**POLICIES[pid]["summary"], lang: "第一段 <b>x</b> & y\n\n第二段"}}
    assert _summary_html(policy, lang) == "<p>第一段 &lt;b&gt;x&lt;/b&gt; &amp; y</p><p>第二段</p>"


@pytest.mark.parametrize("pid", sorted(POLICIES))
def test_summaries_are_split_into_paragraphs(pid: str) -> None:
    """No summary is one dense block: a summary longer than two short sentences has more than one paragraph."""
    for lang, longest in (("zh", 160), ("en", 420)):
        paragraphs = [p for p in POLICIES[pid]["summary"][lang].split("\n") if p.strip()]
        assert all(len(p) <= longest for p in paragraphs) or len(paragraphs) > 1, (pid, lang, paragraphs)
        assert _summary_html(POLICIES[pid], lang).count("<p>") == len(paragraphs)


ZH_GAP = re.compile(rf"{ZH_SIDE}[ \t]+{ZH_SIDE}")
ZH_BREAK = re.compile(rf"{ZH_SIDE}\s+{ZH_SIDE}")


def test_the_gap_check_sees_folded_line_breaks() -> None:
    folded = yaml.safe_load("zh: >-\n  甲，\n  乙。\n")["zh"]
    assert ZH_GAP.search(folded) and not ZH_GAP.search("按 2024 年度，甲乙")


@pytest.mark.parametrize("pid", sorted(POLICIES))
def test_no_space_between_chinese_characters(pid: str) -> None:
    found = [(path, m.group(0)) for path, text in prose(POLICIES[pid]) if text.get("zh")
             for m in (ZH_GAP if path == "summary" else ZH_BREAK).finditer(str(text["zh"]))]
    assert not found, (f"{pid}: a space between Chinese characters in Chinese prose (a folded YAML line break?): "
                       f"write the zh text as one line, or as a double-quoted scalar with \\ at each line end: {found}")


VECTORS = sorted((Path(__file__).parent / "vectors").glob("*.yaml"))


def calc_runs() -> Iterator[tuple[str, dict]]:
    """(where, calc's answer) for every worked example of every policy and every test vector."""
    import calc
    import calc.data
    for pid, policy in sorted(calc.data.load_policies().items()):
        for i, example in enumerate(policy.get("examples") or []):
            yield (f"{pid} examples[{i}]",
                   calc.run(example.get("calculator", policy["calculators"][0]), pid, dict(example["inputs"])))
    for path in VECTORS:
        for vector in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield f"{path.name} {vector['name']}", calc.run(vector["calculator"], vector["policy"], vector["inputs"])


def english_texts(value: object, where: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) for every English text in calc's answer: headline, steps, display, warnings, errors."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("en", "message_en") and isinstance(item, str):
                yield f"{where}.{key}", item
            else:
                yield from english_texts(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from english_texts(item, f"{where}[{i}]")


def test_calc_writes_percentages_without_a_space() -> None:
    """calc's English (and Chinese) answers follow the same rule as the prose: 98%, never 98 %."""
    found, texts = [], 0
    for where, run in calc_runs():
        for path, text in english_texts(run):
            texts += 1
            found += [(where, path, text[max(0, m.start() - 20): m.end() + 5]) for m in SPACED_PERCENT.finditer(text)]
    assert texts > 100 and not found, found


def figure_texts(policy: dict, lang: str) -> Iterator[tuple[str, str]]:
    """(where, text) for each figure value a policy page shows in `lang`: the value in words, its dated values and
    the cells of a table value (scripts/site/formatting.py, what the page templates print)."""
    from scripts.site import formatting
    for name, param in policy["parameters"].items():
        yield f"parameters.{name}", formatting.format_value(param, lang, policy, name)
        for entry in formatting.dated_values(param, lang, policy, name):
            yield f"parameters.{name}.dated[{entry['from']}]", entry["display"]
        table = formatting.table_rows(param, lang)
        for i, row in enumerate([table[0], *table[1]] if table else []):
            yield from ((f"parameters.{name} table row {i}", str(cell)) for cell in row)


def test_the_untranslated_check_sees_a_chinese_list_value() -> None:
    channels = {"value": ["湘税社保App", "微信小程序"], "unit": "list"}
    texts = [text for _, text in figure_texts({"parameters": {"payment_channels": channels}}, "en")]
    assert texts == ["湘税社保App, 微信小程序"] and untranslated_in_en(texts[0])
    bilingual = {"value": [{"zh": "微信小程序", "en": "WeChat mini-program"}], "unit": "list"}
    assert [text for _, text in figure_texts({"parameters": {"x": bilingual}}, "en")] == ["WeChat mini-program"]


@pytest.mark.parametrize("pid", sorted(POLICIES))
def test_english_figure_values_are_translated(pid: str) -> None:
    """A list or text value shown on an English page is English (a Chinese name only in parentheses after its
    English): a value in Chinese words is written {zh: …, en: …} in the YAML, as other bilingual values are."""
    found = [(where, hit) for where, text in figure_texts(POLICIES[pid], "en") for hit in untranslated_in_en(text)]
    assert not found, f"{pid}: Chinese-only figure values on the English page (write them as {{zh: …, en: …}}): {found}"


def test_calc_english_answers_are_translated() -> None:
    """What calc shows on an English page (headline, steps, result words) for every worked example and test vector
    has no untranslated Chinese (error messages list the accepted values as they are typed, and are not checked)."""
    found = [(where, path, hit) for where, run in calc_runs() for path, text in english_texts(run)
             if not path.startswith(".errors") for hit in untranslated_in_en(text)]
    assert not found, found
