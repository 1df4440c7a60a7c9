"""Garbled runs in quotes, shown as a marked gap instead of mojibake (issue 11).

Some stored captures were decoded with the wrong character set before they reached us (平江's
notice: UTF-8 read as GBK, with pinyin annotations in between). Their simplified reading
(scripts/policy/normalise_source.py) keeps those runs as they are — nothing is guessed — and a
quote must match the stored text, so a quote may contain one: "征缴总?cè)蝿?wù)的70%". A reader is
shown "征缴总〔原文此处乱码〕的70%" instead, and the sources section links to the stored capture.

A run starts at U+FFFD, or at a half-width "?" next to a Han character and followed by more debris
(a lone "?" is punctuation, as in a title "…是多少?"), and goes on over what such decoding leaves: more "?" / U+FFFD, stray ASCII
punctuation, Latin letters (pinyin pieces such as "cè)" or "(wù)") and private-use characters, and
over Han characters only when more of that debris follows within four characters ("蝿" in
"?cè)蝿?wù)"). The real text around the run is kept. A run made only of plausible Han characters
is not found: it is left as the source has it.

>>> mark("第一阶段要求完成征缴总?cè)蝿?wù)的70%,", "〔?〕")
'第一阶段要求完成征缴总〔?〕的70%,'
>>> mark("参加了职工医\\ufffd;蛟诳h外参加了居民医保", "〔?〕")
'参加了职工医〔?〕外参加了居民医保'
>>> mark("个人缴费标准为350元/人(即175元)", "〔?〕")
'个人缴费标准为350元/人(即175元)'
>>> mark("缴费标准和金额是多少? — 闽东日报", "〔?〕")
'缴费标准和金额是多少? — 闽东日报'
>>> mark("embed/flexible-contribution/?policy=fujian", "〔?〕")
'embed/flexible-contribution/?policy=fujian'
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from .ui_words import LANGS, UI

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
# what wrong decoding leaves behind, one piece at a time
_DEBRIS = rf"(?:[?\ufffd!;\u2460-\u24ff\ue000-\uf8ff]|\([{_LATIN}]+\)|[{_LATIN}]+\)?)"
_BODY = rf"(?:{_DEBRIS}|[{_HAN}]{{1,4}}(?={_DEBRIS}))"
# a "?" alone is punctuation ("是多少?" in a title, "embed/?policy=…"): garbled only with debris after it
GARBLED = re.compile(rf"\ufffd{_BODY}*|(?:(?<=[{_HAN}])\?|\?(?=[{_HAN}])){_BODY}+")

# the gap's words by page language (zh-Hant pages are converted from zh by scripts/site/hant.py)
GAP = dict(zip(LANGS, UI["garbled_gap"], strict=True))


def mark(text: str, gap: str) -> str:
    """text with each garbled run replaced by gap (plain text, for tests and doctests)."""
    return GARBLED.sub(gap, text)


def has_garbled(text: str) -> bool:
    return GARBLED.search(text) is not None


def readable_quote(text: str, lang: str = "zh") -> Markup:
    """The quote as HTML: autoescaped text, each garbled run a <span class="mb-garbled"> gap in the
    page's language (Jinja filter `readable`)."""
    gap = GAP.get(lang, GAP["zh"])
    attr = ' lang="en"' if lang == "en" else ""
    out, last = [], 0
    for m in GARBLED.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(Markup(f'<span class="mb-garbled"{attr}>{escape(gap)}</span>'))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)
