"""The authoring reference page: what a policy YAML holds and what each calculator reads from it.

Generated at build time from the code itself, so nothing here is a second list to keep:
the YAML fields come from scripts/policy/schema.py (`mapping(...).fields`), topics, units and
statuses from its TOPICS / UNITS / STATUSES (calc/vocabulary.py's lists, each kept once), each
calculator's inputs from `describe()` and the parameters it reads from its `PARAMETERS`
(calc/parameters.py). Only the meaning of each
YAML field is written by hand, once per field, with the page's other words in scripts/site/ui_words.json
(sections "authoring", "conditions", "fields", "steps"); tests/test_authoring.py fails when a schema
field has no meaning (or a meaning names no field).

    render_reference(policies, "zh")   # Markdown; zh-Hant is the zh page through scripts/site/hant.py
"""
from __future__ import annotations

from calc.registry import calculators

from ..policy import schema
from .jinja_env import environment
from .page_paths import page_path
from .ui_words import WORDS, pick

PAGE = "authoring"   # docs/authoring.md, authoring.en.md, authoring.zh-Hant.md
NAV_TITLE = WORDS["nav"]["authoring"]
EXAMPLE_POLICIES = 3   # policies linked per calculator as models to copy from
UI = WORDS["authoring"]

# the YAML blocks the page documents: (path prefix, schema check, heading)
BLOCKS = (
    ("", schema.policy, UI["block_policy"]),
    ("jurisdiction.", schema.jurisdiction, UI["block_jurisdiction"]),
    ("governs.", schema.governs, UI["block_governs"]),
    ("reach.", schema.reach, UI["block_reach"]),
    ("sources.<key>.", schema.source, UI["block_source"]),
    ("parameters.<name>.", schema.parameter, UI["block_parameter"]),
    ("readings[].", schema.reading, UI["block_reading"]),
    ("examples[].", schema.example, UI["block_example"]),
)

FIELD_MEANINGS = WORDS["fields"]   # the meaning of each YAML field, written once

STEPS = tuple(WORDS["steps"].values())   # adding a policy, in order
CONDITIONS = WORDS["conditions"]   # when an input is asked, by kind of condition


def _fields(lang: str) -> list[dict]:
    out = []
    for prefix, check, heading in BLOCKS:
        required, optional = check.fields  # type: ignore[attr-defined]  # set by schema.mapping()
        rows = []
        for name in [*required, *optional]:
            key = prefix + name
            text = pick(lang, FIELD_MEANINGS.get(key, ("", "")))
            for placeholder, values in (("{topics}", schema.TOPICS), ("{units}", schema.UNITS), ("{statuses}", schema.STATUSES),
                                        ("{applies_by}", getattr(schema, "APPLIES_BY", ()))):
                text = text.replace(placeholder, ", ".join(values))
            rows.append({"name": key, "required": name in required, "meaning": text})
        out.append({"heading": pick(lang, heading), "rows": rows})
    return out


def _condition(condition: str | None, lang: str) -> str:
    """applies_when / when in words ("open:X" → asked when the policy leaves X open)."""
    if not condition:
        return pick(lang, UI["always"])
    if "&" in condition:   # "lacks:A&lacks:B": both
        return pick(lang, UI["when_and"]).join(_condition(one, lang) for one in condition.split("&"))
    if "|" in condition:   # "has:A|has:B": either
        return pick(lang, UI["when_or"]).join(_condition(one, lang) for one in condition.split("|"))
    kind, _, name = condition.partition(":")
    return pick(lang, CONDITIONS.get(kind, ("{}", "{}"))).format(f"`{name}`")


def _calculators(policies: dict[str, dict], lang: str) -> list[dict]:
    out = []
    for calc in calculators().values():
        described = calc.describe()
        inputs = [{"name": i["name"], "type": i["type"], "label": i["label"][lang],
                   "shown": _condition(i.get("applies_when"), lang)} for i in described["inputs"]]
        params = [{"name": p.name, "units": " / ".join(p.units),
                   "need": pick(lang, UI["optional"]) if not p.required else pick(lang, UI["yes"]) + (
                       "" if not p.when else pick(lang, ("（{}）", " ({})")).format(_condition(p.when, lang))),
                   "meaning": getattr(p.meaning, lang)} for p in calc.parameters]
        users = sorted(pid for pid, p in policies.items() if calc.name in p.get("calculators", []))
        out.append({"name": calc.name, "title": described["title"][lang], "description": described["description"][lang],
                    "inputs": inputs, "parameters": params, "users": users[:EXAMPLE_POLICIES], "count": len(users)})
    return out


def render_reference(policies: dict[str, dict], lang: str) -> str:
    """The page in zh or en (Markdown); the site's zh-Hant page is the zh one converted."""
    t = {key: pick(lang, pair) for key, pair in UI.items()}
    return environment().get_template("authoring.md.j2").render(
        t=t, lang=lang, steps=[pick(lang, s) for s in STEPS], blocks=_fields(lang), calculators=_calculators(policies, lang),
        link=lambda pid: page_path(pid, "zh"))
