"""How a policy figure reads on a page, per language. Formatting only: no arithmetic.

>>> format_value({"value": "5977", "unit": "CNY/month", "status": "stated"}, "zh")
'5977 元/月'
>>> format_value({"value": "60", "unit": "percent", "status": "stated"}, "en")
'60%'
>>> format_value({"value": None, "unit": "CNY/year", "status": "not_stated"}, "en")
'not stated in the source'
>>> format_value({"value": {"window_days": 90, "window_from": "date_of_birth"}, "unit": "rule"}, "zh")
'办理期限（天）：90；期限起算：出生之日'
>>> format_value({"value": {"mode": "ROUND_HALF_UP", "step": "1"}, "unit": "rounding"}, "en")
'rounded to the yuan'
"""
from __future__ import annotations

from calc.money import rounding_words
from calc.vocabulary import FIGURE_UNITS, STATUSES

from .ui_words import WORDS, pick
from .vocabulary import UnknownCode, is_code, words

# calc's one list of each, with its words (calc/vocabulary.py)
UNIT_TEXT = FIGURE_UNITS
STATUS_TEXT = STATUSES
# units of a rule told in words, not a figure: a figures table marks their rows (the printed page leaves them out)
RULE_UNITS = ("rule", "text", "list", "mapping", "table")
VALUE = WORDS["value"]


def category_label(code: str, lang: str, declared: dict | None = None) -> str:
    """A category code in words (the policy's own wording first, then the shared vocabulary)."""
    return words(code, lang, declared)


def _scalar(value: object, lang: str, declared: dict | None = None) -> str:
    if isinstance(value, bool):
        return pick(lang, VALUE["yes"] if value else VALUE["no"])
    if value is None:
        return pick(lang, VALUE["not_set"])
    if isinstance(value, dict) and set(value) == {"zh", "en"}:
        return str(value[lang])
    if is_code(value):
        return words(value, lang, declared)
    return str(value)


def _gives(gives: object, lang: str) -> str:
    """What a declared subsidy category gives, in words (calc/categories.py: full | half | amount | share)."""
    if isinstance(gives, dict) and "amount" in gives:
        return pick(lang, VALUE["subsidy_amount"]).format(amount=gives["amount"])
    if isinstance(gives, dict) and "share" in gives:
        return pick(lang, VALUE["subsidy_share"]).format(share=gives["share"])
    return _scalar(gives, lang)


def _any(value: object, lang: str, declared: dict | None) -> str:
    """A rule, mapping or list value in words: codes through the vocabulary, nested values in brackets."""
    sep, colon = pick(lang, ("；", "; ")), pick(lang, ("：", ": "))
    if isinstance(value, list):
        return pick(lang, ("、", ", ")).join(_any(v, lang, declared) for v in value)
    if isinstance(value, dict):
        if set(value) == {"zh", "en"}:
            return str(value[lang])
        if set(value) <= {"from", "to"}:
            return f"{value.get('from', '')} – {value.get('to') or pick(lang, VALUE['open_end'])}"
        if {"zh", "en"} <= set(value):   # a declared category: its words and what it gives
            extra = [_gives(value["gives"], lang)] if "gives" in value else []
            extra += [str(value["payer"][lang])] if isinstance(value.get("payer"), dict) else []
            lp, rp = pick(lang, ("（", " (")), pick(lang, ("）", ")"))
            return str(value[lang]) + (lp + pick(lang, ("，", ", ")).join(extra) + rp if extra else "")
        parts = []
        for key, item in value.items():
            text = _any(item, lang, declared)
            if isinstance(item, dict) and not set(item) <= {"from", "to"} and not {"zh", "en"} <= set(item):
                text = pick(lang, ("（", "(")) + text + pick(lang, ("）", ")"))
            parts.append(f"{_scalar(key, lang, declared)}{colon}{text}")
        return sep.join(parts)
    return _scalar(value, lang, declared)


def declared_words(policy: dict | None) -> dict:
    """The words a policy gives its own codes: its declared subsidy groups, and its parameters' labels (a rule may
    name another parameter, e.g. a window's `wait: waiting_period_rule`: readers see that parameter's label)."""
    params = (policy or {}).get("parameters") or {}
    groups = (params.get("subsidy_categories") or {}).get("value") or {}
    labels = {name: param["label"] for name, param in params.items() if isinstance(param.get("label"), dict)}
    return {**labels, **(groups if isinstance(groups, dict) else {})}


def format_value(param: dict, lang: str, policy: dict | None = None, name: str = "") -> str:
    """How a figure reads; `policy` and `name` say where a code without words comes from (build error)."""
    declared = declared_words(policy)
    try:
        return _format(param, lang, declared)
    except UnknownCode as code:
        where = f"policies/{policy['id']}.yaml: parameters.{name}.value" if policy else f"parameter {name or '?'}"
        raise ValueError(f"{where}: the code “{code}” has no words for readers — add it (zh, en) to "
                         f"scripts/site/vocabulary.py WORDS or declare it in the policy / 代码“{code}”没有中英文说法，"
                         f"请在 scripts/site/vocabulary.py 的 WORDS 中补充") from None


def _format(param: dict, lang: str, declared: dict) -> str:
    value, unit = param["value"], param["unit"]
    if value is None:
        if param.get("status") == "not_stated":
            return pick(lang, STATUS_TEXT["not_stated"])
        return "—"
    if unit in UNIT_TEXT and isinstance(value, dict) and set(value) == {"min", "max"}:   # a range left to the person
        low, high = (pick(lang, UNIT_TEXT[unit]).format(value[k]) for k in ("min", "max"))
        return pick(lang, VALUE["your_choice"]).format(low=low, high=high)
    if unit in UNIT_TEXT:
        values = value if isinstance(value, list) else [value]   # e.g. two rates a person chooses from
        return pick(lang, ("、", ", ")).join(pick(lang, UNIT_TEXT[unit]).format(v) for v in values)
    if unit == "rounding":
        return rounding_words(value["mode"], str(value["step"]))[0 if lang == "zh" else 1]
    if isinstance(value, list) and value and isinstance(value[0], dict) and set(value[0]) != {"zh", "en"}:
        if unit == "rule":   # e.g. enrolment windows: one rule a row, in words
            return " ".join(f"({n}) {_any(row, lang, declared)}" for n, row in enumerate(value, 1))
        return pick(lang, VALUE["rows_below"]).format(n=len(value))
    return _any(value, lang, declared)


def dated_values(param: dict, lang: str, policy: dict | None = None, name: str = "") -> list[dict]:
    """A parameter's later values by effective date (`dated:`), each as a page shows it: the date it applies
    from, the value in words, its status and its own source quote.

    >>> dated_values({"value": "3000", "unit": "CNY/month", "dated": [{"from": "2024-10-01", "value": "3300",
    ...     "source": {"ref": "a", "quote": "自2024年10月1日起调整为3300元"}}]}, "en")[0]["display"]
    'CNY 3300 a month'
    """
    out = []
    for entry in param.get("dated") or []:
        merged = {**entry, "unit": param["unit"], "status": entry.get("status", param.get("status", "stated"))}
        out.append({"from": str(entry["from"]), "display": format_value(merged, lang, policy, name),
                    "status": merged["status"], "status_text": pick(lang, STATUS_TEXT[merged["status"]]),
                    "source": entry["source"]})
    return out


def table_rows(param: dict, lang: str) -> tuple[list[str], list[list[str]]] | None:
    """Header and cells for a table-valued parameter (e.g. a township task list)."""
    value = param["value"]
    if param["unit"] != "table" or not isinstance(value, list) or not value:
        return None
    keys = list(value[0])
    names = param.get("columns") or {}
    header = [names[k][lang] if k in names else _scalar(k, lang) for k in keys]
    # a cell may itself hold a list or a rule (a group's own bands): in words, never a Python repr
    return header, [[_any(row.get(col), lang, None) if isinstance(row.get(col), (list, dict)) else _scalar(row.get(col), lang)
                     for col in keys] for row in value]
