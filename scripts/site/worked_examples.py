"""A policy's worked examples: its example inputs run through calc at build time, each input in words."""
from __future__ import annotations

import calc
from calc.api import applicable_inputs
from calc.policy import Policy
from calc.registry import calculators

from .example_runs import example_run
from .page_paths import LANGS
from .ui_words import WORDS, pick

VALUE = WORDS["value"]


def build_examples(policy: dict) -> list[dict]:
    """Worked examples: the policy's example inputs run through calc at build time."""
    out = []
    for example in policy.get("examples", []):
        name = example.get("calculator", policy["calculators"][0])
        run = example_run(name, policy["id"], dict(example["inputs"]))
        if not run["ok"]:
            raise ValueError(f"{policy['id']}: example {example['inputs']} fails: {run['errors']}")
        out.append({"note": example["note"], "calc": calc.describe(name), "run": run, "inputs": example["inputs"],
                    "print": bool(example.get("print")),   # kept on paper (print.css)
                    "shown": {lang: shown_inputs(policy, name, example["inputs"], run["inputs"], lang) for lang in LANGS}})
    return out


def _input_text(spec: dict, value: object, lang: str) -> str:
    """One input as a reader reads it: a choice's label (never its code), 是/否, a list joined."""
    labels = {str(c["value"]): c["label"][lang] for c in spec.get("choices") or []}
    sep = "、" if lang == "zh" else ", "
    if value is None or value == []:
        return pick(lang, VALUE["none"])
    if isinstance(value, bool):
        return pick(lang, VALUE["yes"] if value else VALUE["no"])
    if isinstance(value, list):
        return sep.join(labels.get(str(v), str(v)) for v in value)
    return labels.get(str(value), str(value))


def shown_inputs(policy: dict, name: str, given: dict, parsed: dict, lang: str) -> list[tuple[str, str]]:
    """A worked example's inputs (those the example gives), each as (label, words)."""
    specs = [s.describe() for s in applicable_inputs(calculators()[name], Policy(policy))]
    return [(s["label"][lang], _input_text(s, parsed.get(s["name"]), lang)) for s in specs if s["name"] in given]
