"""The calculator widget of a page: its form prefilled with the worked example and the answer prerendered."""
from __future__ import annotations

from dataclasses import dataclass

import jinja2

import calc
from calc.api import applicable_inputs
from calc.policy import Policy
from calc.registry import calculators

from .example_runs import example_run
from .hant import to_hant_page
from .page_paths import data_lang
from .ui_words import ui


@dataclass
class Widget:
    """Everything the widget template needs for one calculator on one page."""
    uid: str
    calc: dict           # calc.describe() output
    inputs: list[dict]   # applicable input descriptions, with "value" prefilled
    run: dict            # calc.run() output for the prefilled inputs (prerendered)
    note: dict | None


def _prefill(spec: dict, example_inputs: dict) -> str:
    value = example_inputs.get(spec["name"], spec["default"])
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


OPTIONAL_WORDS = ("optional", "可选", "可不填", "选填")


def widget_example(policy: dict, name: str) -> dict | None:
    """The policy's first worked example for calculator `name`: what its widget prerenders (None: no example)."""
    return next((e for e in policy.get("examples", []) if e.get("calculator", policy["calculators"][0]) == name), None)


def example_inputs(policy: dict, name: str) -> dict:
    """The inputs calculator `name`'s widget is prefilled with and prerendered for: its example's, or none."""
    example = widget_example(policy, name)
    return dict(example["inputs"]) if example else {}


def build_widgets(policy: dict, lang: str) -> list[Widget]:
    pol = Policy(policy)
    widgets = []
    for index, name in enumerate(policy["calculators"]):
        calc_obj = calculators()[name]
        example = widget_example(policy, name)
        prefill = example_inputs(policy, name)
        inputs = []
        for spec in applicable_inputs(calc_obj, pol):
            desc = spec.describe()
            desc["value"] = _prefill(desc, prefill)
            desc["selected"] = list(prefill.get(spec.name) or []) if spec.type == "list" else []
            # "has:" inputs are optional extras; say so unless calc's label already does
            desc["mark_optional"] = (spec.applies_when or "").startswith("has:") and not any(
                word in desc["label"]["zh"] + desc["label"]["en"] for word in OPTIONAL_WORDS)
            inputs.append(desc)
        run = example_run(name, policy["id"], prefill)
        if not run["ok"]:
            raise ValueError(f"{policy['id']}: example for {name} fails: {run['errors']}")
        widgets.append(Widget(f"mb-{index + 1}-{lang}", calc.describe(name), inputs, run, example["note"] if example else None))
    return widgets


def render_widget_html(env: jinja2.Environment, policy: dict, calculator: str, locale: str, assets: str) -> str:
    """One calculator's widget form, the same markup as on policy pages (embed pages use it)."""
    lang = data_lang(locale)
    widget = next(w for w in build_widgets(policy, lang) if w.calc["name"] == calculator)
    html = env.get_template("widget.html.j2").render(w=widget, p=policy, lang=lang, locale=locale, t=ui(lang), assets=assets)
    return to_hant_page(html) if locale == "zh-Hant" else html
