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


def number_in_text(value: Decimal, text: str) -> bool:
    flat = re.sub(r"(?<=\d),(?=\d{3})", "", squash(text))
    for form in number_forms(value):
        if form[0].isdigit():
            if re.search(rf"(?<![\d.]){re.escape(form)}(?![\d])(?!\.\d)", flat):
                return True
        elif form in flat:
            return True
    return False


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


def missing_from_quote(value: object, quote: str) -> list[str]:
    """The numbers/dates of `value` that the quote does not contain, as text."""
    missing = []
    for item in numbers_in(value):
        if isinstance(item, dt.date):
            ok = date_in_text(item, quote)
        else:
            ok = number_in_text(Decimal(item), quote)
        if not ok:
            missing.append(str(item))
    return missing
