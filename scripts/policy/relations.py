"""What must hold between two results of one calculator on one policy: the fuzz's relational invariants
(tests/test_fuzz_calculators.py: lists permuted or repeated, the monotone rules), checked by `make policies`
(scripts/policy/proof.py) from each sampled input that succeeded, so a policy that breaks one is reported at
its file and line before any test runs.

Each takes the sampled inputs, their successful output, `run` (inputs → output on the same policy) and the
calculator's applicable inputs (calc.describe's shape), runs the related inputs and raises AssertionError with what broke. A related input the
calculator refuses (a bilingual input error, e.g. one more month than the policy governs) proves nothing: skipped.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from collections.abc import Callable

from calc.api import dumps

Run = Callable[[dict[str, Any]], dict[str, Any]]
Specs = list[dict[str, Any]]
Relation = Callable[[dict[str, Any], dict[str, Any], Run, Specs], None]

LIST_TYPES = ("list", "month_list", "integer_list")
WAGE_STEP = Decimal(1000)   # the higher wage tried: the sampled one plus this


def _ok(out: dict[str, Any]) -> dict[str, Any] | None:
    """The result of a run the calculator accepted (None: refused, so nothing to compare)."""
    return out["result"] if out.get("ok") else None


def lists_permuted_or_repeated(inputs: dict[str, Any], out: dict[str, Any], run: Run, specs: Specs) -> None:
    """Every list input reversed and its first item repeated gives the identical result (categories, months, years)."""
    lists = {key: value for key, value in inputs.items() if isinstance(value, list) and value}
    if not lists:
        return
    shuffled = {**inputs, **{key: [*reversed(value), value[0]] for key, value in lists.items()}}
    assert dumps(run(shuffled)) == dumps(out), f"the list(s) {', '.join(lists)} reversed and repeated give another result"


def flexible_total_grows_with_months_and_wage(inputs: dict[str, Any], out: dict[str, Any], run: Run, specs: Specs) -> None:
    """One more month, all the months the form allows, or a higher wage never lower the total for the months chosen."""
    r = out["result"]
    if r["period_total"] is None:
        return
    total = Decimal(r["period_total"])
    most = next((s.get("maximum") for s in specs if s["name"] == "months"), None) or r["months"]
    tries = [({**inputs, "months": m}, "period_total non-decreasing in months")
             for m in sorted({min(r["months"] + 1, most), most} - {r["months"]})]
    if inputs.get("average_monthly_wage") is not None:
        higher = str(Decimal(str(inputs["average_monthly_wage"])) + WAGE_STEP)
        tries.append(({**inputs, "average_monthly_wage": higher}, "period_total non-decreasing in average_monthly_wage"))
    for related, what in tries:
        other = _ok(run(related))
        if other is not None and other["period_total"] is not None:
            assert Decimal(other["period_total"]) >= total, f"{what}: {total} → {other['period_total']}"


def critical_illness_increase_grows_with_years(inputs: dict[str, Any], out: dict[str, Any], run: Run, specs: Specs) -> None:
    """An enrolled year added to the list (one more continuous year before the first) never lowers the increase."""
    years = [y for y in inputs.get("enrolled_years") or [] if isinstance(y, int)]
    if not years:
        return
    other = _ok(run({**inputs, "enrolled_years": sorted({*years, min(years) - 1})}))
    if other is not None:
        increase = Decimal(out["result"]["increase"])
        assert Decimal(other["increase"]) >= increase, f"adding a year lowers the increase: {increase} → {other['increase']}"


def enrolment_needed_shrinks_as_enrolment_grows(inputs: dict[str, Any], out: dict[str, Any], run: Run, specs: Specs) -> None:
    """One more person enrolled never raises the number still needed, nor lowers the ratio."""
    r = out["result"]
    if inputs.get("enrolled") is None:
        return
    other = _ok(run({**inputs, "enrolled": int(inputs["enrolled"]) + 1}))
    if other is not None:
        assert other["needed"] <= r["needed"], f"one more enrolled raises the number needed: {r['needed']} → {other['needed']}"
        assert Decimal(other["ratio"]) >= Decimal(r["ratio"]), f"one more enrolled lowers the ratio: {r['ratio']} → {other['ratio']}"


def resident_subsidy_grows_with_groups(inputs: dict[str, Any], out: dict[str, Any], run: Run, specs: Specs) -> None:
    """A subsidised group added (each the form offers) never lowers the subsidy nor raises what the person pays."""
    before = out["result"]
    given = list(inputs.get("categories") or [])
    choices = [c["value"] for s in specs if s["name"] == "categories" for c in s.get("choices") or []]
    for code in (c for c in choices if c not in given):
        after = _ok(run({**inputs, "categories": [*given, code]}))
        if after is None:
            continue
        if before["determined"] and after["determined"]:
            assert Decimal(after["subsidy"]) >= Decimal(before["subsidy"]), f"adding {code} lowers the subsidy"
            assert Decimal(after["payable"]) <= Decimal(before["payable"]), f"adding {code} raises what you pay"
        if not before["determined"] and after["determined"]:
            assert Decimal(after["payable"]) <= Decimal(before["payable_at_most"]), f"adding {code} pays more than at most"


# per calculator: the monotone rules (lists_permuted_or_repeated holds for every calculator with a list input)
MONOTONE: dict[str, Relation] = {
    "flexible-contribution": flexible_total_grows_with_months_and_wage,
    "critical-illness-cap": critical_illness_increase_grows_with_years,
    "enrolment-progress": enrolment_needed_shrinks_as_enrolment_grows,
    "resident-contribution": resident_subsidy_grows_with_groups,
}


def check(name: str, inputs: dict[str, Any], out: dict[str, Any], run: Run, specs: Specs) -> None:
    """Every relation of calculator `name` from one successful run."""
    if any(s["type"] in LIST_TYPES for s in specs):
        lists_permuted_or_repeated(inputs, out, run, specs)
    if name in MONOTONE:
        MONOTONE[name](inputs, out, run, specs)
