"""Declared calculator inputs and their validation (bilingual errors).

Browsers send raw strings; the CLI sends JSON values. Both go through here,
so a form and the command line get the same checks and the same messages.

>>> spec = InputSpec("months", "integer", Text("月数", "Months"), default=12, minimum=1, maximum=12)
>>> validate([spec], {"months": "6"})
{'months': 6}
>>> validate([spec], {})
{'months': 12}
>>> try:
...     validate([spec], {"months": 13})
... except InputErrors as e:
...     print(e.errors[0].message_en)
Months must be between 1 and 12.

Lists whose items follow a pattern rather than fixed choices (the browser may send
an array or one text with the items separated by commas, spaces or 、):

>>> validate([InputSpec("unpaid", "month_list", Text("欠费月份", "Unpaid months"))], {"unpaid": "2023-5, 2023-03，2023-03"})
{'unpaid': ['2023-03', '2023-05']}
>>> validate([InputSpec("years", "integer_list", Text("年份", "Years"), minimum=1900, maximum=2200)], {"years": ["2024", 2021]})
{'years': [2021, 2024]}

Choices that depend on the policy (`choices_from="PARAM.KEY"`: the KEY of each row of the
table PARAM) are filled in by `calc.api` for a given policy; unresolved, any text passes.
"""
from __future__ import annotations

from typing import Any

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .errors import InputError, InputErrors

INPUT_TYPES = ("integer", "money", "date", "enum", "list", "boolean", "month_list", "integer_list")
# month_list: items "YYYY-MM" (sorted, without repeats); integer_list: whole numbers, each
# between minimum and maximum (sorted, without repeats). Both accept an array or one text.
MONTH_PATTERN = r"^[12]\d{3}-(0[1-9]|1[0-2])$"   # the normalised form, reported by describe()
_MONTH_IN_RE = re.compile(r"^([12]\d{3})[-/.年](0?[1-9]|1[0-2])月?$", re.ASCII)
_LIST_SPLIT_RE = re.compile(r"[\s,，、;；]+")
MAX_LIST_ITEMS = 600
_MONEY_RE = re.compile(r"^\d{1,12}(\.\d{1,2})?$", re.ASCII)
# thousands grouped by commas, each group of three (7,000.50); "7000,50" is a decimal comma, not 700050
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_GROUPED_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$", re.ASCII)
_INT_RE = re.compile(r"^[+-]?\d{1,9}$", re.ASCII)


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def as_dict(self) -> dict[str, Any]:
        return {"zh": self.zh, "en": self.en}


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class InputSpec:
    name: str
    type: str
    label: Text
    help: Text | None = None
    default: object = None
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    # when it applies: None (always), "open:PARAM" (the policy names PARAM but leaves its
    # value open: the input is then required) or "has:PARAM" (the policy has PARAM)
    applies_when: str | None = None
    # enum only: choices that come from the policy: "PARAM.KEY" — the KEY of each row of the
    # table parameter PARAM gives a value (its zh text) and a label (calc.api.resolve_choices)
    choices_from: str | None = None

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "label": self.label.as_dict(),
            "required": self.required,
            # a money default is a Decimal: given as the text a reader would type (JSON has no Decimal; forms prefill it)
            "default": str(self.default) if isinstance(self.default, Decimal) else self.default,
        }
        if self.help:
            out["help"] = self.help.as_dict()
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        if self.choices:
            out["choices"] = [{"value": c.value, "label": c.label.as_dict()} for c in self.choices]
        if self.applies_when:
            out["applies_when"] = self.applies_when
        if self.choices_from:
            out["choices_from"] = self.choices_from
        if self.type == "month_list":
            out["item_pattern"] = MONTH_PATTERN
        return out


def _error(spec: InputSpec, zh: str, en: str) -> InputError:
    return InputError(spec.name, f"{spec.label.zh}{zh}", f"{spec.label.en} {en}")


def _parse_integer(spec: InputSpec, raw: object) -> int:
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and _INT_RE.match(raw.strip()):
        value = int(raw.strip())
    else:
        raise ValueError
    return value


def _parse_money(raw: object) -> Decimal:
    if isinstance(raw, (bool, float)):
        raise ValueError  # binary floats lose cents: JSON numbers arrive as Decimal (parse_float)
    text = str(raw).strip() if isinstance(raw, (int, str, Decimal)) else None
    if text is not None and "," in text:
        text = text.replace(",", "") if _GROUPED_RE.match(text) else None
    if text is None or not _MONEY_RE.match(text):
        raise ValueError
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
        raise ValueError from exc


def _parse_one(spec: InputSpec, raw: object) -> object:
    if spec.type == "integer":
        try:
            value = _parse_integer(spec, raw)
        except ValueError:
            raise InputErrors([_error(spec, "须为整数。", "must be a whole number.")]) from None
        lo, hi = spec.minimum, spec.maximum
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise InputErrors([_error(spec, f"须在 {lo} 到 {hi} 之间。", f"must be between {lo} and {hi}.")])
        return value
    if spec.type == "money":
        try:
            return _parse_money(raw)
        except ValueError:
            raise InputErrors([_error(
                spec, "须为不小于 0 的金额（元），最多两位小数，例如 7000 或 7000.50。",
                "must be an amount in yuan, not negative, with at most two decimals (e.g. 7000 or 7000.50).",
            )]) from None
    if spec.type == "date":
        try:
            if not isinstance(raw, str) or not _DATE_RE.match(raw.strip()):
                raise ValueError   # fromisoformat also takes 20230105 and 2023-W01-1: only YYYY-MM-DD is a date here
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            raise InputErrors([_error(spec, "须为日期，格式 YYYY-MM-DD。", "must be a date in the form YYYY-MM-DD.")]) from None
    if spec.type == "boolean":
        if isinstance(raw, bool):
            return raw
        if raw in ("true", "false"):
            return raw == "true"
        raise InputErrors([_error(spec, "须为 true 或 false。", "must be true or false.")])
    if spec.type in ("month_list", "integer_list"):
        return _parse_item_list(spec, raw)
    allowed = [c.value for c in spec.choices]
    if spec.type == "enum":
        if spec.choices_from and not spec.choices:  # not resolved for a policy: the calculator checks
            if not isinstance(raw, str) or not raw.strip():
                raise InputErrors([_error(spec, "须为文本。", "must be a text.")])
            return raw.strip()
        if raw not in allowed:
            raise InputErrors([_error(spec, f"须为以下之一：{_choices_text(spec, 'zh')}。",
                                      f"must be one of: {_choices_text(spec, 'en')}.")])
        return raw
    if spec.type == "list":
        if not isinstance(raw, list) or any(v not in allowed for v in raw):
            raise InputErrors([_error(spec, f"须为列表，取值限于：{_choices_text(spec, 'zh')}。",
                                      f"must be a list of: {_choices_text(spec, 'en')}.")])
        return sorted(set(raw), key=allowed.index)  # order and repeats never change a result
    raise AssertionError(f"unknown input type {spec.type}")


def _choices_text(spec: InputSpec, lang: str) -> str:
    """The codes to type, each with its label: 'orphan“孤儿”、…' / 'orphan “Orphan”, …'."""
    if lang == "zh":
        return "、".join(f"{c.value}“{c.label.zh}”" for c in spec.choices)
    return ", ".join(f"{c.value} “{c.label.en}”" for c in spec.choices)


def _list_items(raw: object) -> list[object]:
    if isinstance(raw, str):   # one text: "2023-03, 2023-04" (brackets and quotes of a pasted list are ignored)
        return [item for item in _LIST_SPLIT_RE.split(raw.strip().strip("[]").replace("'", " ").replace('"', " ")) if item]
    if isinstance(raw, list):
        return raw
    raise ValueError


def _parse_month(item: object) -> str:
    match = _MONTH_IN_RE.match(item.strip()) if isinstance(item, str) else None
    if not match:
        raise ValueError
    return f"{match.group(1)}-{int(match.group(2)):02d}"


def _parse_item_list(spec: InputSpec, raw: object) -> list[Any]:
    lo, hi = spec.minimum, spec.maximum
    parsed: list[Any]   # months ("2023-03") for a month_list, else whole numbers
    try:
        items = _list_items(raw)
        if len(items) > MAX_LIST_ITEMS:
            raise ValueError
        if spec.type == "month_list":
            parsed = [_parse_month(item) for item in items]
        else:
            parsed = [_parse_integer(spec, item.strip() if isinstance(item, str) else item) for item in items]
            if any((lo is not None and v < lo) or (hi is not None and v > hi) for v in parsed):
                raise ValueError
    except ValueError:
        if spec.type == "month_list":
            raise InputErrors([_error(
                spec, f"须为月份列表，每项形如 2023-03（最多 {MAX_LIST_ITEMS} 项）。",
                f"must be a list of months written like 2023-03 (at most {MAX_LIST_ITEMS}).")]) from None
        raise InputErrors([_error(
            spec, f"须为整数列表，每项在 {lo} 到 {hi} 之间（最多 {MAX_LIST_ITEMS} 项）。",
            f"must be a list of whole numbers, each between {lo} and {hi} (at most {MAX_LIST_ITEMS}).")]) from None
    return sorted(set(parsed))  # order and repeats never change a result


def safe_text(key: object) -> str:
    """Something the caller sent, as an error message shows it: always text that encodes
    as UTF-8 (a lone surrogate from JSON such as "\\ud800" is shown escaped, never sent on raw).

    >>> safe_text("\\ud800"), safe_text(3)
    ('\\\\ud800', '3')
    """
    text = key if isinstance(key, str) else repr(key)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


# full-width digits and marks a Chinese keyboard types (２０２３－０５－０１, ７０００．５０): read as their ASCII forms,
# all of them or none, so "２０２３-05" and "2０２３-05" are the same input (the patterns below are ASCII-only)
_HALFWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF0D: 0x2D, 0xFF0E: 0x2E, 0xFF0F: 0x2F, 0xFF0B: 0x2B}


def _halfwidth(raw: object) -> object:
    """
    >>> _halfwidth("２０２３-05"), _halfwidth("2０２３－05"), _halfwidth(["７０００．５０"]), _halfwidth(6)
    ('2023-05', '2023-05', ['7000.50'], 6)
    """
    if isinstance(raw, str):
        return raw.translate(_HALFWIDTH)
    if isinstance(raw, list):
        return [_halfwidth(item) for item in raw]
    return raw


def validate(specs: list[InputSpec], raw: object) -> dict[str, Any]:
    """Parse raw inputs against specs; raise InputErrors listing every problem."""
    if not isinstance(raw, dict):
        raise InputErrors([InputError("input", "输入须为 JSON 对象，例如 {\"months\": 6}。",
                                      "Input must be a JSON object, e.g. {\"months\": 6}.")])
    known = {s.name for s in specs}
    errors = [
        InputError(safe_text(key) if safe_text(key).strip() else "input",
                   f"未知的输入项“{safe_text(key)}”。可用：{'、'.join(sorted(known))}。",
                   f"Unknown input \"{safe_text(key)}\". Known inputs: {', '.join(sorted(known))}.")
        for key in raw if key not in known
    ]
    values: dict[str, Any] = {}
    for spec in specs:
        value = raw.get(spec.name)
        if value is None or value == "":
            if spec.required:
                errors.append(_error(spec, "为必填项。", "is required."))
            values[spec.name] = spec.default
            continue
        try:
            values[spec.name] = _parse_one(spec, _halfwidth(value) if spec.type != "enum" else value)
        except InputErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise InputErrors(errors)
    return values
