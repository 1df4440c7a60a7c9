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

CENT = Decimal("0.01")
DEFAULT_ROUNDING = "ROUND_HALF_UP"
ROUNDING_MODES = {
    name: getattr(decimal, name)
    for name in ("ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_HALF_DOWN", "ROUND_DOWN", "ROUND_UP", "ROUND_FLOOR", "ROUND_CEILING")
}


# How readers are told a rounding: words, never the mode's name (principle 6).
_MODE_WORDS = {
    "ROUND_HALF_UP": ("四舍五入到{}", "rounded to the {}"),
    "ROUND_HALF_EVEN": ("四舍六入、五成双，取整到{}", "rounded half to even, to the {}"),
    "ROUND_HALF_DOWN": ("五舍六入，取整到{}", "rounded half down, to the {}"),
    "ROUND_DOWN": ("舍去零头，取整到{}", "rounded down to the {}"),
    "ROUND_FLOOR": ("向下取整到{}", "rounded down to the {}"),
    "ROUND_UP": ("有零头即进位，取整到{}", "rounded up to the {}"),
    "ROUND_CEILING": ("向上取整到{}", "rounded up to the {}"),
}
# the mode alone, for a sentence that names the step itself ("按 1 元四舍五入")
_MODE_ONLY_WORDS = {
    "ROUND_HALF_UP": ("四舍五入", "rounded half-up"), "ROUND_DOWN": ("舍去零头", "rounded down"),
    "ROUND_UP": ("进位", "rounded up"), "ROUND_HALF_EVEN": ("四舍六入五成双", "rounded half-to-even"),
    "ROUND_HALF_DOWN": ("五舍六入", "rounded half-down"), "ROUND_FLOOR": ("向下取整", "rounded down"),
    "ROUND_CEILING": ("向上取整", "rounded up"),
}
_STEP_WORDS = {"0.01": ("分", "fen"), "0.1": ("角", "jiao"), "1": ("元", "yuan"),
               "10": ("十元", "ten yuan"), "100": ("百元", "hundred yuan")}


def rounding_words(mode: str, step: str) -> tuple[str, str]:
    """A money rounding in words (zh, en): ("四舍五入到分", "rounded to the fen")."""
    if mode not in ROUNDING_MODES:
        raise ValueError(f"unknown rounding mode {mode!r}")
    step = format(Decimal(str(step)).normalize(), "f")
    unit_zh, unit_en = _STEP_WORDS.get(step, (f"{step} 元", f"nearest {step} yuan"))
    zh, en = _MODE_WORDS[mode]
    return zh.format(unit_zh), en.format(unit_en)


def mode_words(mode: str) -> tuple[str, str]:
    """A rounding mode alone in words (zh, en), for text that states the step separately.

    >>> mode_words("ROUND_HALF_UP")
    ('四舍五入', 'rounded half-up')
    """
    return _MODE_ONLY_WORDS[mode]


def to_decimal(value: object) -> Decimal:
    """Exact Decimal from policy data (int, Decimal or numeric string)."""
    if isinstance(value, bool) or isinstance(value, float):
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
