"""A policy's own page: summary, status, calculators, worked examples, figures with their sources, readings."""
from __future__ import annotations

import jinja2

from . import today_box
from .formatting import RULE_UNITS, STATUS_TEXT, dated_values, format_value, table_rows
from .page_paths import assets_prefix, policy_link
from .policy_labels import region, years_label
from .reading_refs import readings_in_words
from .status_banner import build_day, status_view
from .ui_words import pick, ui
from .widgets import build_widgets
from .worked_examples import build_examples


def _reported_by(policy: dict, lang: str) -> str:
    """Publishers of the second-hand accounts when the policy rests on no original text, else empty."""
    sources = policy["sources"].values()
    if any(s["kind"] == "original" for s in sources):
        return ""
    return ("、" if lang == "zh" else ", ").join(dict.fromkeys(s["publisher"][lang] for s in sources))


def render_policy(env: jinja2.Environment, policy: dict, lang: str, locale: str | None = None,
                  policies: dict[str, dict] | None = None) -> str:
    parameters = [
        {"name": name, **param, "status": param.get("status", "stated"), "how": param.get("how"),
         "display": format_value(param, lang, policy, name), "table": table_rows(param, lang),
         "status_text": pick(lang, STATUS_TEXT[param.get("status", "stated")]),
         "dated": dated_values(param, lang, policy, name)}   # later values by date, each with its own quote
        for name, param in policy["parameters"].items()
    ]
    return readings_in_words(env.get_template("policy.md.j2").render(
        p=policy, lang=lang, locale=locale or lang, t=ui(lang), region=region(policy, lang), parameters=parameters,
        readings=policy.get("readings", []),
        widgets=build_widgets(policy, lang), examples=build_examples(policy),
        assets=assets_prefix(policy["id"], locale or lang),
        status=status_view(policy, policies or {policy["id"]: policy}, lang), years=years_label(policy, lang),
        today=today_box.today_view(policy["id"].rsplit("/", 1)[0], policies or {policy["id"]: policy}, lang,
                                   lambda pid: policy_link(policy["id"], pid) if pid != policy["id"] else "./",
                                   build_day(), topics=[policy["topic"]]),
        reported_by=_reported_by(policy, lang), checked=figures_checked(policy), rule_units=RULE_UNITS,
    ), [policy], lang)


def figures_checked(policy: dict) -> str | None:
    """When the figures were last checked against their sources: the latest day a source was
    retrieved (the page footer says it; None when no source records one)."""
    days = [str(s["retrieved"]) for s in policy["sources"].values() if s.get("retrieved")]
    return max(days) if days else None
