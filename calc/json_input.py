"""Inputs as JSON text (the CLI's --input, the worker's run_json): parsed strictly, never a traceback.

Calculator inputs are a flat object of strings, numbers and short lists, so anything nested deeper
than MAX_DEPTH is refused before json.loads sees it (json recurses, and in Pyodide a deep
recursion can kill the worker rather than raise). A key given twice is refused too: which of two
values a reader meant is not ours to guess.

>>> loads_inputs('{"months": 6, "average_monthly_wage": 7000.5}')
{'months': 6, 'average_monthly_wage': Decimal('7000.5')}
>>> try:
...     loads_inputs('{"months": 6, "months": 12}')
... except InputErrors as exc:
...     print(exc.errors[0].message_en)
Input gives "months" more than once; give one value.
"""
from __future__ import annotations

from typing import Any

import json
from decimal import Decimal

from .errors import InputError, InputErrors

MAX_DEPTH = 32


def _depth(text: str) -> int:
    """The deepest nesting of [ and { outside JSON strings (a linear scan, no recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _error(zh: str, en: str) -> InputErrors:
    return InputErrors([InputError("input", zh, en)])


def loads_inputs(text: object, what_zh: str = "输入", what_en: str = "Input") -> object:
    """JSON text → Python (floats as Decimal); bad JSON, deep nesting or a repeated key → InputErrors."""
    if not isinstance(text, str):
        raise _error(f"{what_zh}不是有效的 JSON。", f"{what_en} is not valid JSON.")
    if _depth(text) > MAX_DEPTH:
        raise _error(f"{what_zh}嵌套过深（最多 {MAX_DEPTH} 层）。", f"{what_en} is nested too deeply (at most {MAX_DEPTH} levels).")
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        key = json.dumps(str(exc.args[0]), ensure_ascii=False)
        raise _error(f"{what_zh}中 {key} 出现了不止一次，请只给一个值。",
                     f"{what_en} gives {key} more than once; give one value.") from None
    except json.JSONDecodeError as exc:
        raise _error(f"{what_zh}不是有效的 JSON：{exc}", f"{what_en} is not valid JSON: {exc}") from None
    except (ValueError, RecursionError):   # an integer of thousands of digits (Python's conversion limit)
        raise _error(f"{what_zh}中有过长的数字。", f"{what_en} holds a number that is too long.") from None
