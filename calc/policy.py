"""Read-only access to one compiled policy: values, rates and citations.

Calculators never read the raw dict: they ask for a named parameter and get
its value plus the citation (policy id, field, source, quote) to show.

Dated values: a parameter may list later values by effective date (`dated:`, each
with its own quote); `value(name, on=day)` picks the one in force on `day`, and
`applies_by(name)` says which day the rule names (the month paid for, or the
payment date). Without `on`, the first value (the parameter's own `value`) is read.

>>> p = Policy({"id": "x", "parameters": {"wage": {"value": "5977", "unit": "CNY/month",
...     "source": {"ref": "a", "quote": "5977"}, "applies_by": "month_paid_for",
...     "dated": [{"from": "2024-10-01", "value": "6284", "source": {"ref": "a", "quote": "6284"}}]}}})
>>> p.value("wage", on=dt.date(2024, 9, 30)), p.value("wage", on=dt.date(2024, 10, 1)), p.value("wage")
('5977', '6284', '5977')
>>> p.in_force_from("wage", dt.date(2024, 12, 1)), p.cite("wage", on=dt.date(2024, 12, 1))["quote"]
('2024-10-01', '6284')
>>> p.is_dated("wage"), p.applies_by("wage")
(True, 'month_paid_for')

A later value the source does not give (`value: null`, `not_stated`) is open from its date on:

>>> q = Policy({"id": "y", "parameters": {"wage": {"value": "6284", "unit": "CNY/month", "applies_by": "payment_date",
...     "source": {"ref": "a", "quote": "6284"},
...     "dated": [{"from": "2024-09-01", "value": None, "status": "not_stated", "source": {"ref": "a", "quote": "调整"}}]}}})
>>> q.unstated_on("wage", dt.date(2024, 8, 31)), q.unstated_on("wage", dt.date(2024, 9, 1)), q.changes("wage")
(False, True, ['2024-09-01'])
>>> q.dated_names("payment_date"), q.dated_names("month_paid_for")
(['wage'], [])
"""
from __future__ import annotations

from typing import Any

import datetime as dt
from decimal import Decimal

from .money import to_decimal


class Policy:
    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.id: str = data["id"]
        self.parameters: dict[str, Any] = data.get("parameters", {})

    def has(self, name: str) -> bool:
        return name in self.parameters

    def _entry(self, name: str, on: dt.date | None) -> dict[str, Any]:
        """The parameter itself, or its latest dated value in force on `on`."""
        param: dict[str, Any] = self.parameters[name]
        if on is None:
            return param
        later: list[dict[str, Any]] = [d for d in param.get("dated") or [] if dt.date.fromisoformat(str(d["from"])) <= on]
        return later[-1] if later else param

    def value(self, name: str, on: dt.date | None = None) -> Any:
        # Any, not object: a JSON value the loader has checked against the parameter's unit and
        # declaration (scripts/policy/schema.py, calc/parameters.py); calculators read it as that shape
        return self._entry(name, on)["value"]

    def is_dated(self, name: str) -> bool:
        return bool(self.has(name) and self.parameters[name].get("dated"))

    def dated_names(self, by: str | None = None) -> list[str]:
        """The parameters with values by date; `by`: only those a given day picks (`month_paid_for` | `payment_date`)."""
        # items(), not has()/[]: listing the parameters is not reading them (tests/test_authoring.py)
        return [name for name, param in self.parameters.items()
                if param.get("dated") and (by is None or (param.get("applies_by") or "month_paid_for") == by)]

    def applies_by(self, name: str) -> str:
        """Which day picks a dated value: `month_paid_for` (the default) or `payment_date`."""
        return self.parameters[name].get("applies_by") or "month_paid_for"

    def in_force_from(self, name: str, on: dt.date) -> str | None:
        """The date from which the value read on `on` applies (None: the parameter's first value)."""
        entry = self._entry(name, on)
        return str(entry["from"]) if "from" in entry and entry is not self.parameters[name] else None

    def governs(self, part: str) -> tuple[dt.date | None, dt.date | None]:
        """The period the policy governs (`contributions` or `benefits`): (from, to), None where open or unknown."""
        span = (self.data.get("governs") or {}).get(part) or {}
        start, end = (v if isinstance(v, dt.date) or v is None else dt.date.fromisoformat(str(v))
                      for v in (span.get("from"), span.get("to")))
        return start, end

    def names(self, prefix: str) -> list[str]:
        """The policy's parameters whose names start with `prefix`, in the policy's order."""
        return [name for name in self.parameters if name.startswith(prefix)]

    def is_open(self, name: str) -> bool:
        """True when the policy names the figure but its source leaves the amount open."""
        return self.has(name) and self.parameters[name]["value"] is None

    def unstated_on(self, name: str, on: dt.date | None) -> bool:
        """True when a later value in force on `on` is one the source does not give (a dated value null,
        `not_stated`): the figure changes on a date the source names, to an amount it does not state."""
        return on is not None and self.is_dated(name) and self._entry(name, on) is not self.parameters[name] \
            and self._entry(name, on)["value"] is None

    def changes(self, name: str) -> list[str]:
        """The dates from which a dated parameter takes a later value, in order."""
        return [str(d["from"]) for d in self.parameters[name].get("dated") or []]

    def decimal(self, name: str, on: dt.date | None = None) -> Decimal:
        return to_decimal(self.value(name, on))

    def rate(self, name: str, on: dt.date | None = None) -> Decimal:
        """A percent parameter as a fraction: 60 (percent) → 0.60."""
        param = self.parameters[name]
        if param["unit"] != "percent":
            raise ValueError(f"{self.id}: {name} is not a percent")
        return to_decimal(self.value(name, on)) / 100

    def status(self, name: str) -> str:
        """stated | inferred | derived | not_stated"""
        status: str = self.parameters[name].get("status", "stated")
        return status

    def readings(self, name: str) -> list[str]:
        """Ids of the policy's "how we read this" notes about parameter `name`."""
        return [r["id"] for r in self.data.get("readings", []) if name in r.get("parameters", [])]

    def label(self, name: str) -> dict[str, Any]:
        label: dict[str, Any] = self.parameters[name]["label"]
        return label

    def cite(self, name: str, on: dt.date | None = None) -> dict[str, Any]:
        """The citation of the value read on `on` (a dated value carries its own quote)."""
        param, entry = self.parameters[name], self._entry(name, on)
        return {
            "policy": self.id,
            "field": name,
            "status": entry.get("status", param.get("status", "stated")),
            "source": entry["source"]["ref"],
            "quote": entry["source"]["quote"],
        }
