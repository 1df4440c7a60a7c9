"""How a text states a figure: every number a Chinese or English text writes, read with what it counts.

One reader for quotes (provenance.py: does the quote state this figure in this unit?) and prose
(prose_numbers.py: is every figure the page states a figure of the policy?). A number is read with its
scale (55万元 is 550000), its unit words (元, 个月, %, 成, 周岁, 户, yuan …), the words before it (百分之,
CNY, 第, 前) and a range it ends (1950至2100元: both are money); Chinese numerals are read (三百八十元 is 380),
a Chinese numeral that counts nothing is a word (三阳乡, 两部分). What it counts is its `kind`: a figure unit
of calc/vocabulary.py ("percent", "months", "days", "years", "year", "persons"), "money", "bare" (a number
with no unit words, as in a table's cells), or another kind.

>>> [(str(f.value), f.kind) for f in read_all("最高55万元，年满60周岁，每年7月，5977户，三阳乡，三百八十元，六成")]
[('550000', 'money'), ('60', 'age'), ('7', 'calendar-month'), ('5977', 'households'), ('3', 'word'), ('380', 'money'), ('60', 'percent')]
>>> [(str(f.value), f.kind, f.approximate) for f in read("约 1950 至 2100 元；2000余元；第10条；24时")]
[('1950', 'money', True), ('2100', 'money', False), ('2000', 'money', True)]
>>> [(str(f.value), f.kind) for f in read("CNY 2100 a year; from May 75%; 1.2 million yuan; in 2023", "en")]
[('2100', 'money'), ('75', 'percent'), ('1200000', 'money')]
>>> invisible_characters("3\\u200b15 \\u202e3586\\u202c")
['U+200B', 'U+202E', 'U+202C']
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# kinds that are no figure of a policy: the parts of a date, a time, an ordinal, a document number, a grade,
# a numeral inside a word (三阳乡), a phone number
NOT_FIGURES = frozenset({"year", "calendar-month", "date", "day", "time", "ordinal", "document-number", "grade", "word", "phone"})
# kinds that state an amount: a Chinese numeral counting anything else (一次性, 三档, 两项) or a number in a name
# (湖南省 7 个部门, xw588) is a word of the text
MEASURES = frozenset({"money", "percent", "months", "days", "years", "persons", "age", "households"})

MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|December|"
             "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# spans that are not figures, per language, by kind (numbers inside them take the kind)
NOT_FIGURE_SPANS: dict[str, dict[str, str]] = {
    "zh": {
        "phone": r"(?:电话|热线|咨询|联系)[^\d，。；]{0,4}(?:\d[\d\s、，,-]*\d|\d)(?![\d\s]*[元%％万])|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)|(?<!\d)1\d{10}(?!\d)",
        "date": r"(?<!\d)(?:\d{4}-\d{1,2}(?:-\d{1,2})?|(?:19|20)\d{2}[./]\d{1,2}(?:[./]\d{1,2})?)(?![\d%％元])",  # 2025-06-30, 2022.9
        "calendar-month": r"(?<![\d.])\d{1,2}(?:\s*[、—–~-]\s*\d{1,2})*\s*月(?!份?\s*的)",    # 7 月, 1—6 月, 5、6、7 月
        "day": r"(?<=月)\s*\d{1,2}\s*[日号]?(?:\s*[或、和至到—–-]\s*\d{1,2})*\s*[日号]",         # 1 日, 28日或29日
        "time": r"(?<![\d.])\d{1,2}\s*时(?!\d)|(?<![\d.])\d{1,2}\s*点(?:钟|\d{1,2}\s*分|半)|\d{1,2}:\d{2}",
        "ordinal": r"第\s*[\d零〇一二两三四五六七八九十百千]+(?:\s*[—–~、-]\s*[\d零〇一二两三四五六七八九十百千]+)*",  # 第1—3、5—7项
        "document-number": r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号",                          # 〔2022〕55号
        "grade": r"(?<![\d.])[\d一二三四五六七八九十]+(?:\s*[—–~、-]\s*[\d一二三四五六七八九十]+)?\s*级",  # 1—2 级, 一、二级
        "word": r"[\d一二三四五六七八九十]+\s*年代|[一二三四五六七八九十]+\s*世纪"                      # 六十年代
                r"|[上下哪同当]一\s*(?:年|个?月|天)",                                                   # 上一年, 哪一年
    },
    "en": {
        "phone": r"(?:[Pp]hone|[Tt]el\.?|[Hh]otline)\D{0,4}\d[\d\s,-]*\d(?:\s*(?:or|and)\s*\d+)*|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)",
        "date": r"\b\d{4}-\d{2}(?:-\d{2})?\b",
        "day": rf"\b\d{{1,2}}(?:\s*(?:or|and|to|–|-)\s*\d{{1,2}})*\s+(?:{MONTHS_EN})\b"              # 1 July, 28 or 29 February
               rf"|\b(?:{MONTHS_EN})\s+(?:[1-9]|[12]\d|3[01])\b(?![\d.,%])",                         # July 1 (not May 75%)
        "time": r"\b\d{1,2}:\d{2}\b",
        "ordinal": r"\b\d+(?:st|nd|rd|th)\b"                                                          # the 5th year
                   r"|\b(?:[Aa]rticles?|[Ii]tems?|[Dd]ays?|[Pp]aragraphs?|[Pp]oints?|[Ss]tages?|[Nn]o\.|[Mm]ethods?|[Oo]ptions?)"
                   r"\s+\(?\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*\b",                                  # Articles 201 and 202
        "grade": r"\b[Gg]rades?\s+\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*\b",
        "document-number": r"[〔\[(（]\s*\d{4}\s*[〕\])）]\s*\d+\s*号",
    },
}
_SPANS = {lang: re.compile("|".join(f"(?P<{kind.replace('-', '_')}>{p})" for kind, p in spans.items()))
          for lang, spans in NOT_FIGURE_SPANS.items()}

# a number: Arabic (1,070 / 443.3) or Chinese (三百八十)
ZH_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
NUMBER = re.compile(rf"(?P<arabic>(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d]))|(?P<zh>[{ZH_NUMERAL_CHARS}]+)")
# the words right after a number: 余/多 (more than), a scale word, 余/多 again (20余万元, 2000余元)
SCALES = {"万": 10**4, "亿": 10**8, "千": 10**3, "million": 10**6, "billion": 10**9, "thousand": 10**3}
SCALE = re.compile(r"\s*(?P<more>余|多)?\s*(?P<word>万|亿|千(?=\s*(?:余|多)?\s*元)|million\b|billion\b|thousand\b)?"
                   r"(?P<more_after>余|多)?")
APPROXIMATE_BEFORE = re.compile(r"(?:约|大约|大概|about|around|approximately|roughly)\s*$", re.I)
RANGE = re.compile(r"\s*(?:至|到|~|～|—|–|-|或|和|to|and|or)\s*", re.I)
# words before a number that say what it counts: (pattern, kind, factor)
BEFORE: tuple[tuple[str, str, int], ...] = (
    (r"百分之\s*$", "percent", 1),
    (r"(?:CNY|RMB|[¥￥])\s*$", "money", 1),
    (r"前\s*$", "rank", 1),
)
# unit words after a number (and its scale), in the order tried: (pattern, kind, factor)
AFTER: tuple[tuple[str, str, int], ...] = (
    (r"元|块钱|yuan\b|RMB\b|CNY\b", "money", 1),
    (r"个百分点|%|％|percent(?:age points?)?\b|per cent\b", "percent", 1),
    (r"成(?!员|本|果|绩|功)", "percent", 10),
    (r"个月|months?\b", "months", 1),
    (r"个?工作日|天|日|(?:working\s+)?days?\b", "days", 1),
    (r"周岁|岁|years?\s+(?:old|of\s+age)\b", "age", 1),
    (r"年(?!代)|years?\b", "years", 1),
    (r"人次|分钟|次|倍|项|档|类|家|所|个|times\b|items?\b", "count", 1),
    (r"人|名|位|people\b|persons?\b", "persons", 1),
    (r"户|households?\b", "households", 1),
    (r"条|款", "article", 1),
    (r"分(?!之)", "score", 1),
    (r"点", "points", 1),
    (r"号", "document-number", 1),
)
_BEFORE = [(re.compile(p), kind, factor) for p, kind, factor in BEFORE]
_AFTER = [(re.compile(rf"\s*(?:{p})", re.I), kind, factor) for p, kind, factor in AFTER]
POINTS_AS_PERCENT = re.compile(r"(?:提高|降低|上调|下调|增加|减少|提升|下降|上升)\s*$")   # 提高 5 点: percentage points
YEAR = re.compile(r"(?:19|20|21)\d{2}")
# traditional characters a reading needs, as simplified (one for one: positions stay)
TRADITIONAL = str.maketrans("萬億兩個歲戶號級點時條項", "万亿两个岁户号级点时条项")
ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_BIG = {"万": 10**4, "亿": 10**8}


@dataclass(frozen=True)
class Figure:
    start: int          # where the number begins in the text
    end: int            # where the number (without its unit words) ends
    value: Decimal
    kind: str           # what it counts (see the module doc)
    approximate: bool   # 约, 余, 多, about: a bound or a guess, not the figure itself
    chinese: bool = False   # written in Chinese numerals (三百八十)


def invisible_characters(text: str) -> list[str]:
    """Characters a reader does not see that change what is shown (zero-width, bidi controls): U+XXXX."""
    return [f"U+{ord(c):04X}" for c in text
            if unicodedata.category(c) == "Cf" or (unicodedata.category(c) == "Cc" and c not in "\n\t\r")]


def zh_numeral(text: str) -> int | None:
    """三百八十 → 380, 二十 → 20, 十五 → 15, 一二 → None (not one number)."""
    total, section, digit = 0, 0, None
    for char in text:
        if char in "零〇" and digit is None:
            continue   # 二百零一: a place left empty
        if char in ZH_DIGITS:
            if digit is not None:
                return None
            digit = ZH_DIGITS[char]
        elif char in ZH_UNITS:
            section += (1 if digit is None else digit) * ZH_UNITS[char]
            digit = None
        elif char in ZH_BIG:
            total = (total + section + (digit or 0)) * ZH_BIG[char]
            section, digit = 0, None
    return total + section + (digit or 0)


def read(text: str, lang: str = "zh") -> list[Figure]:
    """Each figure the text states, with its kind; numbers in dates, times, ordinals, document numbers, grades
    and phone numbers are left out (see `read_all` for them)."""
    return [f for f in read_all(text, lang) if f.kind not in NOT_FIGURES]


def read_all(text: str, lang: str = "zh") -> list[Figure]:
    text = text.translate(TRADITIONAL)
    out, blanked = [], list(text)
    for span in _SPANS[lang].finditer(text):
        assert span.lastgroup is not None, "each alternative of _SPANS is a named group: a match names its kind"
        kind = span.lastgroup.replace("_", "-")
        out += [Figure(m.start() + span.start(), m.end() + span.start(), _value(m) or Decimal(0), kind, False)
                for m in NUMBER.finditer(span.group(0)) if m.group("arabic") or kind != "phone"]
        blanked[span.start():span.end()] = " " * (span.end() - span.start())
    rest = "".join(blanked)
    numbers = [m for m in NUMBER.finditer(rest) if _value(m) is not None]
    for i, match in enumerate(numbers):
        out.append(_figure(rest, match, numbers[i + 1:], lang))
    return sorted(out, key=lambda f: f.start)


def _value(match: re.Match) -> Decimal | None:
    if match.group("arabic"):
        return Decimal(match.group("arabic").replace(",", ""))
    word = match.group("zh")
    if not any(c in word for c in "一二两三四五六七八九十"):
        return None   # 千万 (by all means), 万 alone
    value = zh_numeral(word)
    return None if value is None else Decimal(value)


def _figure(text: str, match: re.Match, following: list[re.Match], lang: str) -> Figure:
    value, end = _value(match), match.end()
    assert value is not None, "read_all passes only the numbers _value reads"
    kind, factor, more = _unit(text, match, following)
    approximate = more or bool(APPROXIMATE_BEFORE.search(text[max(0, match.start() - 14):match.start()]))
    if kind is None:
        kind = "word" if match.group("zh") else "year" if YEAR.fullmatch(match.group(0)) else "bare"
    elif kind == "years" and YEAR.fullmatch(match.group(0)):
        kind = "year"
    elif kind == "points":   # 提高 5 点 is a percent; 8 点 is a time
        kind = "percent" if POINTS_AS_PERCENT.search(text[max(0, match.start() - 6):match.start()]) else "time"
    return Figure(match.start(), end, _plain(value * factor), kind, approximate, bool(match.group("zh")))


def _plain(value: Decimal) -> Decimal:
    """1200000.0 as 1200000 (a scaled figure keeps no places it does not have)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _unit(text: str, match: re.Match, following: list[re.Match]) -> tuple[str | None, int, bool]:
    """(kind, factor, approximate) from the words before and after the number; a number that opens a range
    (1950 至 2100 元) takes the unit of the number that closes it."""
    words = SCALE.match(text, match.end())
    assert words is not None, "every part of SCALE is optional: it matches, if only the empty string, anywhere"
    scale, more = SCALES.get(words.group("word"), 1), bool(words.group("more") or words.group("more_after"))
    before = text[max(0, match.start() - 6):match.start()]
    for pattern, kind, factor in _BEFORE:
        if pattern.search(before):
            return kind, factor * scale, more
    if before[-1:].isascii() and before[-1:].isalpha():
        return "word", 1, False   # xw588, H5: part of a name
    for pattern, kind, factor in _AFTER:
        if pattern.match(text, words.end()):
            return kind, factor * scale, more
    joint = RANGE.match(text, match.end())
    if following and joint and joint.end() == following[0].start():
        closing_kind, closing_factor, _ = _unit(text, following[0], following[1:])
        return closing_kind, closing_factor * scale, more
    if scale > 1:
        return "count", scale, more
    return None, 1, False   # 余坪镇 after a number is a place, not "more than"
