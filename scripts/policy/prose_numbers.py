"""Every number a policy's prose states is a figure of that policy (principle 3; issue 11 "prose numbers in sync").

The loader calls `problems()` for each policy that is otherwise sound. A figure in any prose field (summary, covers,
title, readings, parameter labels / descriptions / `how` / column headers / worked-into-the-value texts, worked
example notes, source notes) must equal one of:

- a parameter value of the policy (or one of its dated values), numbers inside a value's texts included;
- a worked example's input, or a figure calc computes for a worked example (result and step figures);
- the percent form of a fraction among those (0.08 reads 8%), or a sum written out in the same text and checked
  here ("3770.4 × 8% = 301.632", "286.896 ≈ 286.90": each operand a figure, the result what the sum gives,
  exactly or rounded half up to the places written).

Not figures, never checked: years and the parts of dates (the rule of `provenance.number_in_text`: 2024 年, 2024-07,
7 月 1 日, 1 July 2024), times of day (24时, 24:00), ordinals (第 3 条, Article 201, item 6, day 91, the 5th year),
document numbers (〔2022〕55号), disability grades (1—2 级, grade 1 or 2), and passages quoted from a stored source of
the policy: a “…” passage the source contains word for word (the source backs it), and, in English, a "…" passage
whose numbers the Chinese text of the same field quotes that way.

>>> [str(f) for _, f in stated_figures("2024 年 7 月 1 日起，月缴费基数为 4433 元，等 3 个月；连续 4 年；2000 元", "zh")]
['4433', '3', '4', '2000']
>>> [str(f) for _, f in stated_figures("From 1 July 2024 the base is 4,433 yuan (Article 201; item 6; 24:00); 60%", "en")]
['4433', '60']
>>> [str(f) for _, f in stated_figures("年度最高可达 55 万元", "zh")]
['550000']
>>> sorted(str(f) for f in sums_checked("6284 × 60% = 3770.4；3770.4 × 8% = 301.632 ≈ 301.6；1 × 2 = 3"))
['301.6', '301.632', '3770.4']
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from calc.api import run_policy
from calc.registry import calculator

from . import figures as reading
from .compiled_data import to_json_ready
from .figures import invisible_characters
from .provenance import squash

# a figure as written in a sum (1,070 / 443.3 / 60)
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d)")
SUM = re.compile(r"(?P<terms>(?:\d[\d,.]*\s*%?\s*[×*÷/]\s*)+\d[\d,.]*\s*%?)\s*=\s*(?P<results>\d[\d,.]*(?:\s*≈\s*\d[\d,.]*)*)")
ZH_QUOTE, EN_QUOTE = re.compile(r"“([^”]*)”"), re.compile(r"\"([^\"]*)\"|“([^”]*)”")
BILINGUAL = ("zh", "en")


def flat(text: str) -> str:
    """Text to compare a quoted passage with its source: without whitespace, full-width forms as half-width
    (a source writes 3个月(90天), prose quotes it as 3个月（90天）), without the ** of a capture's bold type."""
    return squash(unicodedata.normalize("NFKC", text)).replace("*", "")


def figure(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").rstrip("."))
    except InvalidOperation:
        return None


def stated_figures(text: str, lang: str) -> list[tuple[int, Decimal]]:
    """(position, figure) for each figure the text states (scripts/policy/figures.py reads them): years, dates,
    times, ordinals, document numbers, grades and numerals inside words left out; "55 万" reads 550000,
    三百八十元 380, 六成 60."""
    return [(found.start, found.value) for found in figures_stated(text, lang)]


def figures_stated(text: str, lang: str, name: bool = False) -> list[reading.Figure]:
    """The figures of a prose text: a Chinese numeral counts only as an amount (三百八十元, 六成; 一次性, 三档 and
    两项 are words), and so does any number in a name (湖南省7部门, 省11, xw588.com: counts and codes)."""
    return [found for found in reading.read(text, lang)
            if found.kind in reading.MEASURES or not (found.chinese or name)]


def sums_checked(text: str) -> set[Decimal]:
    """The results of the sums a text writes out ("a × b% = c ≈ d") that are right: c is the exact product (or
    quotient), or it rounded half up to the places c is written with; each ≈ rounds the figure before it."""
    out = set()
    for match in SUM.finditer(text):
        terms = re.split(r"\s*([×*÷/])\s*", match.group("terms"))
        value = _term(terms[0])
        for op, term in zip(terms[1::2], terms[2::2]):
            operand = _term(term)
            if value is None or operand is None or (op in "÷/" and operand == 0):
                value = None
                break
            value = value * operand if op in "×*" else value / operand
        for result in re.split(r"\s*≈\s*", match.group("results")):
            stated = figure(result)
            if value is None or stated is None or not _rounds_to(value, stated):
                break
            out.add(stated)
            value = stated
    return out


def _term(text: str) -> Decimal | None:
    value = figure(text.replace("%", "").strip())
    return value / 100 if value is not None and "%" in text else value


def _rounds_to(exact: Decimal, stated: Decimal) -> bool:
    exponent = stated.as_tuple().exponent
    assert isinstance(exponent, int)   # a figure read from prose is finite
    places = Decimal(1).scaleb(exponent)
    return exact == stated or exact.quantize(places, rounding=ROUND_HALF_UP) == stated


def numbers_of(value: object, out: set[Decimal], texts: str = "digits") -> set[Decimal]:
    """Every number in a value (nested lists and mappings) and in its texts: calc's own strings ("2025-04-01",
    "60%") by their digits; a policy value's texts ("每月 15 元") as prose reads them (texts="read"), or not at
    all (texts="none": a value no quote backs vouches for no figure of its texts)."""
    if isinstance(value, dict):
        for key, item in value.items():
            numbers_of(item, out, texts) if key != "en" or texts != "read" else out.update(_read(item, "en"))
    elif isinstance(value, list):
        for item in value:
            numbers_of(item, out, texts)
    elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        out.add(Decimal(value))
    elif isinstance(value, str) and texts == "digits":
        out.update(Decimal(whole.replace(",", "") + frac) for whole, frac in NUMBER.findall(value))
    elif isinstance(value, str) and texts == "read":
        out.update(_read(value, "zh"))
    return out


def _read(text: object, lang: str) -> set[Decimal]:
    return {value for _, value in stated_figures(text, lang)} if isinstance(text, str) else set()


def known_figures(policy: dict, runs: list[dict]) -> set[Decimal]:
    """The figures prose of `policy` may state: its parameter values (dated ones too; the figures in a value's
    texts only when the value is stated, so its quote backs them), its worked examples' inputs, and every figure
    calc computes for them (`runs`: calc's answers for the examples, results and step figures)."""
    out: set[Decimal] = set()
    for param in policy["parameters"].values():
        status = param.get("status", "stated")
        numbers_of(param.get("value"), out, "read" if status == "stated" else "none")
        for entry in param.get("dated") or []:
            numbers_of(entry.get("value"), out, "read" if entry.get("status", status) == "stated" else "none")
    for example in policy.get("examples") or []:
        numbers_of(dict(example["inputs"]), out)
    for run in runs:
        numbers_of(run.get("result"), out)
        for step in run.get("steps") or []:
            numbers_of(step.get("figures"), out)
    # a ratio computed as 0.08 reads 8%: the percent form of each fraction counts too
    return {n.normalize() for n in out | {n * 100 for n in out if 0 < n < 1}}


PLAIN = "text"   # the "language" of a plain text inside a value (read as Chinese; its field has no suffix)


def prose_fields(policy: dict) -> Iterator[tuple[str, dict]]:
    """(field path, {zh, en}) for every text a reader sees but quotes: titles, summary, covers, readings,
    parameter labels / descriptions / how / column headers / the texts inside values (a plain text as
    {"text": …}), example notes, contact, issuers, places, and each source's title, publisher and notes."""
    for key in ("title", "summary", "covers", "contact"):
        if isinstance(policy.get(key), dict):
            yield key, policy[key]
    for key, place in (policy.get("jurisdiction") or {}).items():
        if isinstance(place, dict):
            yield f"jurisdiction.{key}", place
    for i, issuer in enumerate(policy.get("issuers") or []):
        yield f"issuers[{i}]", issuer
    for i, note in enumerate(policy.get("readings") or []):
        yield f"readings[{i}]", note
    for name, param in policy["parameters"].items():
        base = f"parameters.{name}"
        for key in ("label", "description", "how"):
            if isinstance(param.get(key), dict):
                yield f"{base}.{key}", param[key]
        for j, entry in enumerate(param.get("dated") or []):
            if isinstance(entry.get("how"), dict):
                yield f"{base}.dated[{j}].how", entry["how"]
            if param.get("unit") != "rounding":
                yield from _texts_in(entry.get("value"), f"{base}.dated[{j}].value")
        for column, header in (param.get("columns") or {}).items():
            yield f"{base}.columns.{column}", header
        if param.get("unit") != "rounding":   # a rounding's step is shown in words
            yield from _texts_in(param.get("value"), f"{base}.value")
    for i, example in enumerate(policy.get("examples") or []):
        yield f"examples[{i}].note", example["note"]
    for key, source in policy["sources"].items():
        for attr in ("title", "publisher", "notes"):
            if isinstance(source.get(attr), dict):
                yield f"sources.{key}.{attr}", source[attr]


def _texts_in(value: object, field: str) -> Iterator[tuple[str, dict]]:
    """Texts inside a parameter's value (a group's label, a rule's wording, a table cell, a list item)."""
    if isinstance(value, str):
        yield field, {PLAIN: value}
    elif isinstance(value, dict):
        if any(isinstance(value.get(lang), str) for lang in BILINGUAL):
            yield field, value
        for key, item in value.items():
            if key not in BILINGUAL:
                yield from _texts_in(item, f"{field}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts_in(item, f"{field}[{i}]")


def _cited(text: str, pattern: re.Pattern, sources: str) -> tuple[str, set[Decimal]]:
    """The text with each quoted passage a source contains word for word blanked out, and the figures quoted."""
    figures: set[Decimal] = set()

    def blank(match: re.Match) -> str:
        passage = next(g for g in match.groups() if g is not None)
        if flat(passage) and flat(passage) in sources:
            figures.update(f for _, f in stated_figures(passage, "zh"))
            return " " * len(match.group(0))
        return match.group(0)
    return pattern.sub(blank, text), figures


def _quoted_figures_only(text: str, allowed: set[Decimal]) -> str:
    """English text with each "…" passage blanked out when every figure in it is one the Chinese text quotes."""
    def blank(match: re.Match) -> str:
        passage = next(g for g in match.groups() if g is not None)
        return " " * len(match.group(0)) if {f for _, f in stated_figures(passage, "en")} <= allowed else match.group(0)
    return EN_QUOTE.sub(blank, text)


def unknown_figures(policy: dict, known: set[Decimal], sources: str) -> Iterator[tuple[str, str, str]]:
    """(field, lang, figure as written) for every figure in prose that is not a figure of the policy."""
    for field, texts in prose_fields(policy):
        zh_quoted: set[Decimal] = set()
        for lang in (*BILINGUAL, PLAIN):
            text = texts.get(lang)
            if not isinstance(text, str):
                continue
            where = field if lang == PLAIN else f"{field}.{lang}"
            lang = "zh" if lang == PLAIN else lang
            text, quoted = _cited(text, ZH_QUOTE if lang == "zh" else EN_QUOTE, sources)
            if lang == "zh":
                zh_quoted = quoted
            else:
                text = _quoted_figures_only(text, zh_quoted)
            fine = known | {f.normalize() for f in sums_checked(text)}
            for found in figures_stated(text, lang, _is_name(field)):
                if found.value.normalize() not in fine:
                    yield where, lang, text[found.start:found.end].strip()


NAMES = re.compile(r"^(?:jurisdiction\.|issuers\[|sources\.[^.]+\.(?:title|publisher)$)")


def _is_name(field: str) -> bool:
    """Issuers, places, a source's title and publisher: a name may hold a count or a code, never an amount."""
    return bool(NAMES.match(field))


def hidden_characters(value: object, field: str = "") -> Iterator[tuple[str, list[str]]]:
    """(field, characters) for each text of a policy that holds a character a reader does not see but that
    changes what is shown: a zero-width space splits 315 into 3 and 15, U+202E shows 3586 as 6853."""
    if isinstance(value, str):
        found = invisible_characters(value)
        if found:
            yield field, found
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from hidden_characters(item, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from hidden_characters(item, f"{field}[{i}]")


def example_runs(policy: dict, known_calculators: set[str]) -> list[dict]:
    """calc's answers for the policy's worked examples (the loader has run them already: none fails here)."""
    names = policy["calculators"]
    if not names or not all(name in known_calculators and calculator(name) is not None for name in names):
        return []
    data = to_json_ready(policy)
    runs = (run_policy(example.get("calculator", names[0]), data, dict(example["inputs"]))
            for example in policy.get("examples") or [])
    return [run for run in runs if run["ok"]]


def problems(policy: dict, lines: dict[str, int], source_texts: list[str], runs: list[dict]) -> list[tuple[int, str, str, str]]:
    """(line, field, en, zh) for each text holding an invisible or bidi character, and each figure in prose that no
    parameter holds and no worked example computes."""
    def line_of(field: str) -> int:
        return lines.get(field) or lines.get(field.rsplit(".", 1)[0]) or lines.get(re.sub(r"(\[\d+\])?\.[^.]*$", "", field), 1)

    out = []
    for field, chars in hidden_characters(policy):
        named = ", ".join(dict.fromkeys(chars))
        out.append((line_of(field), field,
                    f"holds {named}, an invisible character: a reader does not see it, yet it changes what the page shows (a zero-width "
                    "space splits a figure, a bidi control reverses it): delete it",
                    f"含有不可见字符 {named}：读者看不见，却会改变页面显示（零宽空格拆开数字，双向控制符颠倒数字）：请删除"))
    if out:
        return out
    sources = flat("\n".join(source_texts))
    for field, _, stated in unknown_figures(policy, known_figures(policy, runs), sources):
        out.append((line_of(field), field,
                    f"states {stated}, which is no parameter value of this policy, no worked example's input and no "
                    "figure calc computes for one: correct the text, or give the figure a parameter with its quote "
                    "(display_only: true when only the page shows it); years, dates, ordinals, article and document "
                    "numbers and passages quoted from a source are not checked",
                    f"写有 {stated}，但它不是本政策任何参数的值、算例的输入或计算器为算例算出的数字：请改正文字，或把它"
                    "设为带引文的参数（只在页面显示的加 display_only: true）；年份、日期、序数、条款号、文号和引自来源的原文不在此列"))
    return out
