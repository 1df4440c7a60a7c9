"""Decimal money and rates; every rounding names its mode.

Policy data arrives as int, Decimal or decimal strings (compiled JSON keeps
numbers as strings). Binary floats are refused: 0.1 has no exact float.

>>> to_decimal("286.88") * 12
Decimal('3442.56')
>>> round_to(Decimal("3586.2"), "1", "ROUND_HALF_UP")
Decimal('3586')
>>> round_to(Decimal("0.125"), "0.01", "ROUND_HALF_UP")   # round() would give 0.12
Decimal('0.13')
>>> money_str(Decimal("3586"))
'3586.00'
>>> percent_str(Decimal("0.064"))
'6.4%'
>>> rounding_words("ROUND_HALF_UP", "0.01")
('四舍五入到分', 'rounded to the fen')
>>> rounding_words("ROUND_DOWN", "1")
('舍去零头，取整到元', 'rounded down to the yuan')
"""
from __future__ import annotations

import decimal
from decimal import Decimal

from . import vocabulary
from .inputs import Text

CENT = Decimal("0.01")
DEFAULT_ROUNDING = "ROUND_HALF_UP"
# the decimal module's constant for each mode a policy may name (the list and its words: calc/vocabulary.py)
ROUNDING_MODES = {name: getattr(decimal, name) for name in vocabulary.ROUNDING_MODES}


def rounding_words(mode: str, step: str) -> tuple[str, str]:
    """A money rounding in words (zh, en): ("四舍五入到分", "rounded to the fen")."""
    if mode not in ROUNDING_MODES:
        raise ValueError(f"unknown rounding mode {mode!r}")
    step = format(Decimal(str(step)).normalize(), "f")
    unit = vocabulary.ROUNDING_STEPS.get(step) or Text(f"{step} 元", f"nearest {step} yuan")
    words = vocabulary.ROUNDING_MODES[mode].to_step
    return words.zh.format(unit.zh), words.en.format(unit.en)


def mode_words(mode: str) -> tuple[str, str]:
    """A rounding mode alone in words (zh, en), for text that states the step separately.

    >>> mode_words("ROUND_HALF_UP")
    ('四舍五入', 'rounded half-up')
    """
    words = vocabulary.ROUNDING_MODES[mode].alone
    return words.zh, words.en


def to_decimal(value: object) -> Decimal:
    """Exact Decimal from policy data (int, Decimal or numeric string)."""
    if isinstance(value, (bool, float)):
        raise TypeError(f"refusing {type(value).__name__} {value!r}: money and rates are exact decimals")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (int, str)):
        return Decimal(value)
    raise TypeError(f"not a number: {value!r}")


def round_to(value: Decimal, step: str, mode: str) -> Decimal:
    """Quantize to `step` ("0.01", "1") with a named rounding mode."""
    if mode not in ROUNDING_MODES:
        raise ValueError(f"unknown rounding mode {mode!r}")
    return value.quantize(Decimal(step), rounding=ROUNDING_MODES[mode])


def cents(value: Decimal) -> Decimal:
    """Round money to the fen (0.01 yuan), half up — the default unless a policy says otherwise."""
    return round_to(value, "0.01", DEFAULT_ROUNDING)


def money_str(value: Decimal) -> str:
    """Money as the CLI prints it: a string with exactly two decimals."""
    return str(value.quantize(CENT))


def percent_str(rate: Decimal) -> str:
    """A rate (fraction) as a percent label, without trailing zeros: 0.08 → '8%'."""
    pct = (rate * 100).normalize()
    text = format(pct, "f")
    return f"{text}%"


def plain_number(value: Decimal) -> str:
    """A non-money decimal without exponent or trailing zeros."""
    return format(value.normalize(), "f")


def yuan_zh(value: Decimal) -> str:
    return f"{money_str(value)} 元"


def yuan_en(value: Decimal) -> str:
    q = value.quantize(CENT)
    return f"CNY {q:,.2f}"
