"""`resident-contribution`'s chart: who pays the individual contribution (the person, a funder, not published)."""
from __future__ import annotations

from typing import Any

from .charts import LANGS, Part, stacked_bar
from .charts import drawn as chart_drawn
from .inputs import Text
from .money import money_str


PERSON = Text("本人缴纳", "You pay")
UNKNOWN = Text("未公布：资助或本人缴纳", "Not published: subsidy or your share")
DEPENDS = Text("取决于认定时间：资助或本人缴纳", "Depends on when you were recognised: subsidy or your share")


def _charts(result: dict[str, Any]) -> dict[str, Any]:
    parts = result.get("_who_pays") or []
    out = {}
    for lang in (lang for lang in LANGS if chart_drawn(lang)):
        drawn = []
        for role, value, payer in parts:
            amount = f"{money_str(value)} 元" if lang == "zh" else f"CNY {value:,.2f}"
            if role == "person":
                label = getattr(PERSON, lang)
            elif role == "unknown":
                label = getattr(UNKNOWN, lang)
            elif role == "depends":
                label, role = getattr(DEPENDS, lang), "unknown"
            elif payer:
                label = f"{payer['zh']}资助" if lang == "zh" else f"Paid by {payer['en']}"
            else:
                label = "资助（出资方原文未写明）" if lang == "zh" else "Subsidy (funder not stated)"
            drawn.append(Part(label, value, amount, role))
        standard = result["standard"]
        if lang == "zh":
            title = "谁来缴这笔个人缴费"
            desc = f"个人缴费标准 {money_str(standard)} 元：" + "；".join(f"{p.label} {p.amount}" for p in drawn) + "。"
        else:
            title = "Who pays the individual contribution"
            desc = f"Individual contribution CNY {standard:,.2f}: " + "; ".join(f"{p.label} {p.amount}" for p in drawn) + "."
        out[lang] = stacked_bar("who-pays", title, desc, drawn, lang)
    return {"who_pays": out}
