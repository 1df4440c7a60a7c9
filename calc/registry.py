"""Calculator declarations and the registry `python -m calc list` reads."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import importlib
from dataclasses import dataclass
from collections.abc import Callable

from .inputs import Choice, InputSpec, Text
from .parameters import Parameter

if TYPE_CHECKING:   # annotations only: the registry loads no calculator machinery itself
    from .policy import Policy
    from .steps import Step

OUTPUT_TYPES = ("money", "ratio", "integer", "date", "text", "boolean", "list")


@dataclass(frozen=True)
class OutputSpec:
    name: str
    type: str
    label: Text
    # for text outputs that are codes: the label shown for each code (display)
    choices: tuple[Choice, ...] = ()
    # a key output: how the result's one-line answer (calc.api.headline) says it, "{}" standing for
    # the shown value ("每月 {}" / "{} a month"); None: the output is detail only
    lead: Text | None = None

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "label": self.label.as_dict()}
        if self.lead:
            out["lead"] = self.lead.as_dict()
        if self.choices:
            out["choices"] = [{"value": c.value, "label": c.label.as_dict()} for c in self.choices]
        return out


@dataclass(frozen=True)
class Calculator:
    name: str
    title: Text
    description: Text
    inputs: tuple[InputSpec, ...]
    outputs: tuple[OutputSpec, ...]
    # compute(policy, values) -> (result, steps); result values are Decimal/int/date/str/None
    compute: Callable[[Policy, dict[str, Any]], tuple[dict[str, Any], list[Step]]]
    # charts(result) -> {name: {"zh": svg text, "en": svg text}}: pictures drawn from the result (optional)
    charts: Callable[[dict[str, Any]], dict[str, dict[str, str]]] | None = None
    # the policy parameters compute reads (calc/parameters.py): checked by the loader, listed on the authoring page
    parameters: tuple[Parameter, ...] = ()

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title.as_dict(),
            "description": self.description.as_dict(),
            "inputs": [i.describe() for i in self.inputs],
            "outputs": [o.describe() for o in self.outputs],
            "parameters": [p.as_dict() for p in self.parameters],
        }


# one line per calculator module (calc/<module>.py defines CALCULATOR)
CALCULATOR_MODULES = (
    "flexible_contribution",
    "flexible_arrears",
    "critical_illness_cap",
    "family_mutual_aid",
    "enrolment_progress",
    "resident_contribution",
    "resident_benefit_start",
    "reimbursement",
)


def calculators() -> dict[str, Calculator]:
    found = [importlib.import_module(f"{__package__}.{module}").CALCULATOR for module in CALCULATOR_MODULES]
    return {c.name: c for c in found}


def calculator(name: str) -> Calculator | None:
    """One calculator, importing only its module: Pyodide compiles every import from
    source, so a page that needs one calculator should not pay for all of them.

    >>> calculator("flexible-contribution").name
    'flexible-contribution'
    >>> calculator("no-such") is None
    True
    """
    module = name.replace("-", "_")
    if module not in CALCULATOR_MODULES:
        return None
    found = importlib.import_module(f"{__package__}.{module}").CALCULATOR
    return found if found.name == name else None
