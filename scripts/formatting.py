"""How a policy figure reads on a page, per language. Formatting only: no arithmetic.

>>> format_value({"value": "5977", "unit": "CNY/month", "status": "stated"}, "zh")
'5977 元/月'
>>> format_value({"value": "60", "unit": "percent", "status": "stated"}, "en")
'60%'
>>> format_value({"value": None, "unit": "CNY/year", "status": "not_stated"}, "en")
'not stated in the source'
"""
from __future__ import annotations

UNIT_TEXT = {
    "CNY": ("{} 元", "CNY {}"),
    "CNY/month": ("{} 元/月", "CNY {} a month"),
    "CNY/year": ("{} 元/年", "CNY {} a year"),
    "CNY/person": ("{} 元/人", "CNY {} per person"),
    "CNY/person/year": ("{} 元/人·年", "CNY {} per person a year"),
    "percent": ("{}%", "{}%"),
    "months": ("{} 个月", "{} months"),
    "days": ("{} 天", "{} days"),
    "years": ("{} 年", "{} years"),
    "year": ("{} 年", "{}"),
    "persons": ("{} 人", "{} people"),
}
STATUS_TEXT = {
    "stated": ("原文写明", "stated in the source"),
    "inferred": ("推算", "inferred"),
    "derived": ("换算", "derived"),
    "not_stated": ("原文未给出", "not stated in the source"),
}
LANGS = ("zh", "en")


def category_label(code: str, lang: str) -> str:
    """A hardship category code in words (calc's shared vocabulary); other codes as they are."""
    from calc.categories import CATEGORIES
    return getattr(CATEGORIES[code], lang) if code in CATEGORIES else str(code)


def pick(lang: str, pair: tuple[str, str]) -> str:
    return pair[LANGS.index(lang)]


def _scalar(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return pick(lang, ("是", "yes") if value else ("否", "no"))
    if isinstance(value, dict) and set(value) == {"zh", "en"}:
        return str(value[lang])
    return str(value)


def format_value(param: dict, lang: str) -> str:
    value, unit = param["value"], param["unit"]
    if value is None:
        if param.get("status") == "not_stated":
            return pick(lang, STATUS_TEXT["not_stated"])
        return "—"
    if unit in UNIT_TEXT:
        return pick(lang, UNIT_TEXT[unit]).format(value)
    if unit == "categories" and isinstance(value, list):
        return pick(lang, ("、", ", ")).join(category_label(code, lang) for code in value)
    if unit == "rounding":
        return pick(lang, (f"按 {value['step']} 元取整（{value['mode']}）", f"to {value['step']} yuan ({value['mode']})"))
    if isinstance(value, list):
        if value and isinstance(value[0], dict) and not set(value[0]) == {"zh", "en"}:
            return pick(lang, (f"{len(value)} 行（见下表）", f"{len(value)} rows (table below)"))
        return pick(lang, ("、", ", ")).join(_scalar(v, lang) for v in value)
    if isinstance(value, dict):
        if set(value) == {"zh", "en"}:
            return str(value[lang])
        if set(value) <= {"from", "to"}:
            return f"{value.get('from', '')} – {value.get('to') or pick(lang, ('至今', 'open'))}"
        return pick(lang, ("；", "; ")).join(f"{k}: {_scalar(v, lang)}" for k, v in value.items())
    return _scalar(value, lang)


def table_rows(param: dict, lang: str) -> tuple[list[str], list[list[str]]] | None:
    """Header and cells for a table-valued parameter (e.g. a township task list)."""
    value = param["value"]
    if param["unit"] != "table" or not isinstance(value, list) or not value:
        return None
    keys = list(value[0])
    names = param.get("columns") or {}
    header = [names[k][lang] if k in names else k for k in keys]
    return header, [[_scalar(row.get(col), lang) for col in keys] for row in value]
