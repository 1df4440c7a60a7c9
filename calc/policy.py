"""Read-only access to one compiled policy: values, rates and citations.

Calculators never read the raw dict: they ask for a named parameter and get
its value plus the citation (policy id, field, source, quote) to show.
"""
from __future__ import annotations

from decimal import Decimal

from .money import to_decimal


class Policy:
    def __init__(self, data: dict):
        self.data = data
        self.id: str = data["id"]
        self.parameters: dict = data.get("parameters", {})

    def has(self, name: str) -> bool:
        return name in self.parameters

    def value(self, name: str) -> object:
        return self.parameters[name]["value"]

    def is_open(self, name: str) -> bool:
        """True when the policy names the figure but its source leaves the amount open."""
        return self.has(name) and self.parameters[name]["value"] is None

    def decimal(self, name: str) -> Decimal:
        return to_decimal(self.value(name))

    def rate(self, name: str) -> Decimal:
        """A percent parameter as a fraction: 60 (percent) → 0.60."""
        param = self.parameters[name]
        if param["unit"] != "percent":
            raise ValueError(f"{self.id}: {name} is not a percent")
        return to_decimal(param["value"]) / 100

    def status(self, name: str) -> str:
        """stated | inferred | derived | not_stated"""
        return self.parameters[name].get("status", "stated")

    def readings(self, name: str) -> list[str]:
        """Ids of the policy's "how we read this" notes about parameter `name`."""
        return [r["id"] for r in self.data.get("readings", []) if name in r.get("parameters", [])]

    def label(self, name: str) -> dict:
        return self.parameters[name]["label"]

    def cite(self, name: str) -> dict:
        param = self.parameters[name]
        return {
            "policy": self.id,
            "field": name,
            "status": param.get("status", "stated"),
            "source": param["source"]["ref"],
            "quote": param["source"]["quote"],
        }
