"""Does a quote occur in its source, and does a stated number occur in its quote?

Sources are newspaper columns and web captures: lines break mid-sentence and
spaces are sprinkled between characters, so text is compared with all
whitespace removed. Numbers may be written 5,977 / 5977 / 50% / 55万 / 三个月.

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
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from decimal import Decimal

_ZH_DIGITS = "零一二三四五六七八九"
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text with all whitespace removed (and full-width spaces)."""
    return _WS.sub("", text.replace("\u3000", ""))


def _zh_numeral(n: int) -> list[str]:
    """Chinese numerals a source may use for a small whole number."""
    if n < 0 or n > 99:
        return []
    if n < 10:
        forms = [_ZH_DIGITS[n]]
        if n == 2:
            forms.append("两")
        return forms
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _ZH_DIGITS[tens]
    return [head + "十" + (_ZH_DIGITS[ones] if ones else "")]


def number_forms(value: Decimal) -> list[str]:
    plain = format(value.normalize(), "f")
    forms = [plain]
    if value == value.to_integral_value():
        n = int(value)
        forms += _zh_numeral(n)
        if n >= 10000 and n % 10000 == 0:
            forms.append(format((value / 10000).normalize(), "f") + "万")
    return forms


def number_in_text(value: Decimal, text: str, unit: str | None = None) -> bool:
    """Does the text state this figure? An occurrence that is part of a year or a date never counts
    (unless the unit is a year), nor one whose unit or period in the text contradicts `unit`
    ("全年计180元" does not back 180 CNY/month; "2022年度" does not back a wage of 2022)."""
    flat = re.sub(r"(?<=\d),(?=\d{3})", "", squash(text))
    for form in number_forms(value):
        pattern = rf"(?<![\d.]){re.escape(form)}(?![\d])(?!\.\d)" if form[0].isdigit() else re.escape(form)
        for match in re.finditer(pattern, flat):
            if not _is_date_part(flat, match.start(), match.end(), unit) and not _unit_conflict(flat, match, unit):
                return True
    return False


_DATE_AFTER = re.compile(r"年|[-./]\d{1,2}(?!\d)")    # 2022年 / 2022年度 / 2022-12 / 2022.9
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d(?:年|[-./])$")
_OTHER_PERIOD = {   # words before a money figure (same clause) that give it another period than the unit's
    "month": re.compile(r"全年|每年|年度|一年|/年|年缴|年标准|年人均"),
    "year": re.compile(r"每月|按月|月缴|/月|月标准"),
}
_PERIOD_AFTER = {"month": re.compile(r"^元?/(?:人/)?年|^元/人·年"), "year": re.compile(r"^元?/(?:人/)?月|^元/人·月")}
_NOT_MONEY = ("%", "％", "个月", "月", "年", "天", "日", "号", "人", "岁", "倍", "次", "项", "个")
_NOT_OF_UNIT = {    # what may not follow a figure of this unit
    "percent": ("元", "万元", "个月", "年", "天", "人", "岁"),
    "months": ("元", "万元", "%", "％", "年", "天", "日", "人", "岁"),
    "days": ("元", "万元", "%", "％", "个月", "年", "人", "岁"),
    "persons": ("元", "万元", "%", "％", "个月", "年", "天", "岁"),
}


def _is_date_part(flat: str, start: int, end: int, unit: str | None) -> bool:
    """The digits at flat[start:end] are a year (2022年度, 2022-12-31) or a month/day of a date."""
    if unit in ("year", "date", "date-range"):
        return False
    digits = flat[start:end]
    if re.fullmatch(r"(?:19|20)\d\d", digits) and _DATE_AFTER.match(flat, end):
        return True
    before, after = flat[max(0, start - 5):start], flat[end:end + 1]
    if _YEAR_BEFORE.search(before):                       # 2023年1月, 2022-12-31
        return True
    if after == "月" and re.match(r"\d{1,2}[日号]", flat[end + 1:end + 4]):   # 9月1日
        return True
    return after in ("日", "号") and before.endswith("月")  # 12月31日


def _unit_conflict(flat: str, match: re.Match, unit: str | None) -> bool:
    """The text gives this occurrence another unit or period than the parameter's."""
    if not unit:
        return False
    after = flat[match.end():match.end() + 4]
    if unit.startswith("CNY"):
        if after.startswith(_NOT_MONEY):
            return True
        period = "month" if unit.endswith("/month") else "year" if unit.endswith("/year") else None
        if period:
            clause = re.split(r"[，。；;,：:、（）()\d]", flat[max(0, match.start() - 8):match.start()])[-1]
            return bool(_OTHER_PERIOD[period].search(clause) or _PERIOD_AFTER[period].search(after))
        return False
    return after.startswith(_NOT_OF_UNIT.get(unit, ()))


def date_in_text(value: dt.date, text: str) -> bool:
    flat = squash(text)
    y, m, d = value.year, value.month, value.day
    forms = [value.isoformat(), f"{y}年{m}月{d}日", f"{m}月{d}日", f"{y}.{m}.{d}", f"{y}年{m:02d}月{d:02d}日"]
    return any(f in flat for f in forms)


@lru_cache(maxsize=32)
def _squashed_source(source_text: str) -> str:
    return squash(source_text)   # a source backs many quotes (and many policies)


def quote_in_source(quote: str, source_text: str) -> bool:
    return squash(quote) in _squashed_source(source_text)


def numbers_in(value: object) -> list[object]:
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


def missing_from_quote(value: object, quote: str, unit: str | None = None) -> list[str]:
    """The numbers/dates of `value` that the quote does not contain, as text (a figure of `unit`:
    years, dates and figures of another unit or period do not count; see number_in_text)."""
    missing = []
    for item in numbers_in(value):
        if isinstance(item, dt.date):
            ok = date_in_text(item, quote)
        else:
            ok = number_in_text(Decimal(item), quote, unit)
        if not ok:
            missing.append(str(item))
    return missing
