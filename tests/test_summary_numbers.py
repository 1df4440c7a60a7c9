"""Every number a summary states is in sync with the policy's data (principle 3; issue 10 §2 and issue 11 "prose
numbers in sync"): each figure in a summary, zh and en, equals a parameter value of that policy (or one of its
dated values), a worked example's input, or a figure calc computes for a worked example. Years and the parts
of a date are not figures. Expectations come from policies/ (the compiled data): nothing is written here per policy.

The resident late rule of the provincial measures (a late payment costs individual + government subsidy, then
a fixed wait) is checked by running resident-benefit-start: the summary states calc's amount and wait.
The rule for every prose field (this one included) is the loader's, scripts/policy/prose_numbers.py; tests/test_prose_numbers.py
tests it on every field.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

import calc
import calc.data
from calc.money import plain_number
from scripts.policy import prose_numbers

POLICIES = calc.data.load_policies()
LANGS = ("zh", "en")


def known_figures(pid: str) -> set[Decimal]:
    """The figures a summary of `pid` may state (scripts/policy/prose_numbers.py, the loader's own rule): its
    parameter values (dated ones too), its worked examples' inputs, and every figure calc computes for them."""
    policy, runs = POLICIES[pid], []
    for example in policy.get("examples") or []:
        run = calc.run(example.get("calculator", policy["calculators"][0]), pid, dict(example["inputs"]))
        assert run["ok"], (pid, example, run)
        runs.append(run)
    return prose_numbers.known_figures(policy, runs)


def stated_figures(text: str, lang: str) -> list[str]:
    """The figures a text states, without years and the parts of dates."""
    return [plain_number(figure) for _, figure in prose_numbers.stated_figures(text, lang)]


def test_the_date_and_year_filter_keeps_figures() -> None:
    zh = "2024 年 7 月 1 日至 2025 年 6 月 30 日，月缴费基数为 4433 元；每年 7 月调整；等 3 个月；2025-01-01；2000 元"
    assert stated_figures(zh, "zh") == ["4433", "3", "2000"]
    en = "From 1 July 2024 to 30 June 2025 the base is 4,433 yuan, 443.3 a month; every July; a 3-month wait; 60 %"
    assert stated_figures(en, "en") == ["4433", "443.3", "3", "60"]


@pytest.mark.parametrize("pid", sorted(POLICIES))
@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_in_a_summary_is_a_figure_of_the_policy(pid: str, lang: str) -> None:
    known = known_figures(pid)
    text = POLICIES[pid]["summary"][lang]
    unknown = [f for f in stated_figures(text, lang) if Decimal(f) not in known]
    assert not unknown, (f"{pid} summary ({lang}) states {unknown}, which no parameter of the policy holds and no "
                         "worked example computes: correct the summary, or give the figure a parameter with its quote "
                         "(display_only: true when only the page shows it)")


def _late_cases() -> list[str]:
    """Policies whose resident-benefit-start prices a payment after the collection period and sets a fixed wait."""
    return sorted(pid for pid, p in POLICIES.items()
                  if "resident-benefit-start" in p["calculators"] and "fixed_waiting_period_months" in p["parameters"])


def _late_run(pid: str) -> dict:
    """A payment after the collection period, inside the benefit year (or from when the measures apply)."""
    params = POLICIES[pid]["parameters"]
    day = max(dt.date.fromisoformat(str(POLICIES[pid]["governs"]["benefits"]["from"])),
              dt.date.fromisoformat(str(params["fixed_waiting_period_from"]["value"])))
    if (params.get("collection_period_end") or {}).get("value") is not None:   # the payment date decides: the day after the stated period
        end = dt.date.fromisoformat(str(params["collection_period_end"]["value"])) + dt.timedelta(days=1)
        out = calc.run("resident-benefit-start", pid, {"payment_date": max(day, end).isoformat()})
    else:
        out = calc.run("resident-benefit-start", pid, {"payment_date": day.isoformat(), "paid_in_collection_period": False})
    assert out["ok"], out
    return out


@pytest.mark.parametrize("pid", _late_cases())
@pytest.mark.parametrize("lang", LANGS)
def test_summary_states_the_late_price_and_wait_calc_computes(pid: str, lang: str) -> None:
    """The summary's late price (individual contribution + government subsidy) and fixed waiting period are the
    ones resident-benefit-start computes from the parameters."""
    out = _late_run(pid)
    summary = POLICIES[pid]["summary"][lang]
    figures = [Decimal(f.replace(",", "")) for f in stated_figures(summary, lang)]
    amount = Decimal(out["result"]["amount"]) if out["result"]["amount"] is not None else None
    if amount is not None and POLICIES[pid]["parameters"].get("individual_contribution", {}).get("value") is not None:
        assert amount in figures, f"{pid} summary ({lang}) must state the late price calc computes, {plain_number(amount)}"
    months = int(Decimal(str(POLICIES[pid]["parameters"]["fixed_waiting_period_months"]["value"])))
    wait = {"zh": rf"{months}\s*个月", "en": rf"\b{months}(-month|\s+months)\b"}[lang]
    assert re.search(wait, summary), f"{pid} summary ({lang}) must state the {months}-month wait ({wait})"


def test_the_late_check_covers_the_provincial_resident_policies() -> None:
    """Every resident policy with a fixed wait and a stated individual contribution is in the late check."""
    assert _late_cases()
    assert {pid for pid, p in POLICIES.items() if p["topic"] == "resident" and "fixed_waiting_period_months" in p["parameters"]
            and "resident-benefit-start" in p["calculators"]} <= set(_late_cases())
