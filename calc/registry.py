"""Calculator declarations and the registry `python -m calc list` reads."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from .inputs import InputSpec, Text

OUTPUT_TYPES = ("money", "ratio", "integer", "date", "text", "boolean", "list")


@dataclass(frozen=True)
class OutputSpec:
    name: str
    type: str
    label: Text

    def describe(self) -> dict:
        return {"name": self.name, "type": self.type, "label": self.label.as_dict()}


@dataclass(frozen=True)
class Calculator:
    name: str
    title: Text
    description: Text
    inputs: tuple[InputSpec, ...]
    outputs: tuple[OutputSpec, ...]
    # compute(policy, values) -> (result, steps); result values are Decimal/int/date/str/None
    compute: Callable
    # charts(result) -> {name: svg text}: pictures drawn from the result (optional)
    charts: Callable | None = None

    def describe(self) -> dict:
        return {
            "name": self.name,
            "title": self.title.as_dict(),
            "description": self.description.as_dict(),
            "inputs": [i.describe() for i in self.inputs],
            "outputs": [o.describe() for o in self.outputs],
        }


# one line per calculator module (calc/<module>.py defines CALCULATOR)
CALCULATOR_MODULES = (
    "flexible_contribution",
)


def calculators() -> dict[str, Calculator]:
    found = [importlib.import_module(f"{__package__}.{module}").CALCULATOR for module in CALCULATOR_MODULES]
    return {c.name: c for c in found}
