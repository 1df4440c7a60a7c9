"""Does a quote occur in its source, and does a stated number occur in its quote?

Sources are newspaper columns and web captures: lines break mid-sentence and
spaces are sprinkled between characters, so text is compared with all
whitespace removed. Numbers may be written 5,977 / 5977 / 50% / 55万 / 三个月 / 三百八十元 / 六成;
figures.py reads each with what it counts, and a figure is stated only in its own unit.

>>> squash("缴费基数为缴费 基准值的\\n60%")
'缴费基数为缴费基准值的60%'
>>> number_in_text(Decimal("60"), "缴费基数为缴费基准值的60%")
True
>>> number_in_text(Decimal("35"), "350元/人")
False
>>> number_in_text(Decimal("3"), "连续缴费三个月")
True
>>> number_in_text(Decimal("550000"), "最高报销额度可达55万元")
True
>>> date_in_text(dt.date(2022, 12, 31), "缴费时间为2022年9月1日至12月31日")
True
>>> date_in_text(dt.date(2099, 12, 31), "缴费时间为2022年9月1日至12月31日")
False
>>> number_in_text(Decimal("55"), "最高报销额度可达55万元", "CNY")
False
>>> missing_from_quote("每人每月缴费 999 元", "个人缴费380元", "text")
['999']
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
from functools import lru_cache
from decimal import Decimal

from calc.vocabulary import FIGURE_UNITS
from scripts.site.vocabulary import is_code

from . import figures

_WS = re.compile(r"\s+")
# what a text may call a figure of a unit that is no single figure (a rule's, a table's, a list's numbers):
# anything that counts something, not the parts of a date, a time, an ordinal, a grade or a word
_STRUCTURED_KINDS = frozenset({"money", "percent", "months", "days", "years", "persons", "age", "households",
                               "count", "bare", "rank", "calendar-month", "article", "score"})
# a bare number backs a count of persons: a table gives its unit once, in the header (人数 … 合计 947259)
_BARE_ALSO = {"persons": frozenset({"persons", "bare"})}
# a date a quote writes in full (2023年9月1日, 2023-09-01, 2023.9.1), or a month and day that takes its year from
# the full date before it (2023年9月1日至12月31日)
_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})(?:年|[-./])(?P<m>\d{1,2})(?:月|[-./])(?:(?P<d>\d{1,2})(?![\d.])[日号]?)?"
                   r"|(?<![\d.\-/])(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号]")


def squash(text: str) -> str:
    """Text with all whitespace removed (and full-width spaces)."""
    return _WS.sub("", text.replace("\u3000", ""))


def kinds_of(unit: str | None) -> frozenset[str]:
    """What a figure of this unit counts in a text: money for the CNY units, the unit itself for the other
    figure units, anything countable for a value that is not one figure (rule, table, list ...)."""
    if unit is None or unit not in FIGURE_UNITS:
        return _STRUCTURED_KINDS
    return frozenset({"money"}) if unit.startswith("CNY") else _BARE_ALSO.get(unit, frozenset({unit}))


def number_in_text(value: Decimal, text: str, unit: str | None = None, kinds: frozenset[str] | None = None) -> bool:
    """Does the text state this figure, in this unit? It must be read as that figure (55万元 is 550000, not 55;
    三百八十元 is 380), count what the unit counts (5977户 backs no money, 60周岁 no percent, 第10条 nothing), not
    be a bound or a guess (2000余元, 约380元), and not carry another period than the unit's ("全年计180元" does
    not back 180 CNY/month)."""
    flat = squash(text)
    wanted = kinds or kinds_of(unit)
    for found in figures.read_all(flat):
        if found.value == value and found.kind in wanted and not found.approximate \
                and not _other_period(flat, found, unit):
            return True
    return False


_OTHER_PERIOD = {   # words before a money figure (same clause) that give it another period than the unit's
    "month": re.compile(r"全年|每年|年度|一年|/年|年缴|年标准|年人均"),
    "year": re.compile(r"每月|按月|月缴|/月|月标准"),
}
_PERIOD_AFTER = {"month": re.compile(r"^(?:万|余|多)?元?/(?:人/)?年|^元/人·年"),
                 "year": re.compile(r"^(?:万|余|多)?元?/(?:人/)?月|^元/人·月")}


def _other_period(flat: str, found: figures.Figure, unit: str | None) -> bool:
    """A money figure the text gives another period than the unit's (每年 … 元 for a monthly unit)."""
    if not unit or not unit.startswith("CNY"):
        return False
    period = "month" if unit.endswith("/month") else "year" if unit.endswith("/year") else None
    if not period:
        return False
    clause = re.split(r"[，。；;,：:、（）()\d]", flat[max(0, found.start - 8):found.start])[-1]
    return bool(_OTHER_PERIOD[period].search(clause) or _PERIOD_AFTER[period].search(flat[found.end:found.end + 6]))


def dates_in(text: str) -> set[dt.date]:
    """The dates a text writes, each with its year: a month and day alone takes the year of the full date
    before it, and without one it is no date (12月31日 does not back 2099-12-31)."""
    out, year = set(), None
    for match in _DATE.finditer(squash(text)):
        if match.group("y"):
            year = int(match.group("y"))
            month, day = match.group("m"), match.group("d")
        else:
            month, day = match.group("m2"), match.group("d2")
        if year is None or day is None:
            continue
        with contextlib.suppress(ValueError):   # 2月30日 and the like are no dates
            out.add(dt.date(year, int(month), int(day)))
    return out


def date_in_text(value: dt.date, text: str) -> bool:
    return value in dates_in(text)


@lru_cache(maxsize=32)
def _squashed_source(source_text: str) -> str:
    return squash(source_text)   # a source backs many quotes (and many policies)


def quote_in_source(quote: str, source_text: str) -> bool:
    return squash(quote) in _squashed_source(source_text)


def numbers_in(value: object) -> list[Decimal | int | dt.date]:
    """Every Decimal/int/date inside a parameter value (lists and tables included)."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (int, Decimal, dt.date)):
        return [value]
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers_in(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers_in(v)]
    return []


def texts_in(value: object, lang: str = "zh") -> list[tuple[str, str]]:
    """(language, text) for every text inside a parameter value: a text value, a table cell, a list item, a
    bilingual label (its en read as English)."""
    if isinstance(value, str):
        return [] if is_code(value) else [(lang, value)]   # a code (`day_1`) is read out in words, not as written
    if isinstance(value, dict):
        return [t for key, v in value.items() for t in texts_in(v, "en" if key == "en" else lang)]
    if isinstance(value, list):
        return [t for v in value for t in texts_in(v, lang)]
    return []


def missing_from_quote(value: object, quote: str, unit: str | None = None) -> list[str]:
    """The numbers/dates of `value` that the quote does not contain, as text (a figure of `unit`:
    years, dates and figures of another unit or period do not count; see number_in_text). A figure written
    inside a text of the value ("每人每月缴费 999 元") must be in the quote too, counting the same thing."""
    missing = []
    for item in numbers_in(value):
        if isinstance(item, dt.date):
            ok = date_in_text(item, quote)
        else:
            ok = number_in_text(Decimal(item), quote, unit)
        if not ok:
            missing.append(str(item))
    if unit != "rounding":   # a rounding's step ("0.01") is shown in words, never as text
        for lang, text in texts_in(value):
            for found in figures.read(text, lang):
                kinds = kinds_of(None) if found.kind in ("count", "bare", "rank") else frozenset({found.kind})
                if not number_in_text(found.value, quote, kinds=kinds):
                    missing.append(text[found.start:found.end])
    return list(dict.fromkeys(missing))
