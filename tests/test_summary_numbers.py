"""Every number a summary states is in sync with the policy's data (principle 3; issue 10 §2 and issue 11 "prose
numbers in sync"): each figure in a summary, zh and en, equals a parameter value of that policy (or one of its
dated values), a worked example's input, or a figure calc computes for a worked example. Years and the parts
of a date are not figures. Expectations come from policies/ (the compiled data): nothing is written here per policy.

The resident late rule of the provincial measures (a late payment costs individual + government subsidy, then
a fixed wait) is checked by running resident-benefit-start: the summary states calc's amount and wait.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

import calc
import calc.data
from calc.money import plain_number

POLICIES = calc.data.load_policies()
LANGS = ("zh", "en")

# a figure: 1,070 / 443.3 / 60 (a thousands comma only between groups of three)
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])")
MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|December|"
             "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# parts of dates: 2024 年 7 月 1 日 / 12 月 31 日 / 每年 7 月 (not 3 个月) / 1 July 2024 / July 2024 / 2025-06-30
DATE_PARTS = {
    "zh": re.compile(r"(?<!个)(?<![\d.])\d{1,4}\s*(?:年(?!龄)|月(?!份?\s*[的])|日)|(?<=[年月])\s*\d{1,2}(?=\s*[月日])"),
    "en": re.compile(rf"\b\d{{1,2}}\s+(?:{MONTHS_EN})\b|\b(?:{MONTHS_EN})\s+\d{{1,2}}\b"),
}
ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
YEAR = re.compile(r"^(19|20|21)\d{2}$")


def _numbers(value: object, out: set[Decimal]) -> set[Decimal]:
    """Every number in a value (nested lists and mappings, numbers inside texts such as "60%")."""
    if isinstance(value, dict):
        for item in value.values():
            _numbers(item, out)
    elif isinstance(value, list):
        for item in value:
            _numbers(item, out)
    elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        out.add(Decimal(value))
    elif isinstance(value, str):
        for whole, frac in NUMBER.findall(value):
            out.add(Decimal(whole.replace(",", "") + frac))
    return out


def known_figures(pid: str) -> set[Decimal]:
    """The figures a summary of `pid` may state: its parameter values (dated ones too), its worked examples'
    inputs, and every figure calc computes for them (results and step figures)."""
    policy, out = POLICIES[pid], set()
    for param in policy["parameters"].values():
        _numbers(param.get("value"), out)
        for entry in param.get("dated") or []:
            _numbers(entry.get("value"), out)
    for example in policy.get("examples") or []:
        run = calc.run(example.get("calculator", policy["calculators"][0]), pid, dict(example["inputs"]))
        assert run["ok"], (pid, example, run)
        _numbers(example["inputs"], out)
        _numbers(run["result"], out)
        for s in run["steps"]:
            _numbers(s["figures"], out)
    # a ratio computed as 0.08 reads 8 %: the percent form of each fraction counts too
    return out | {n * 100 for n in out if 0 < n < 1}


def stated_figures(text: str, lang: str) -> list[str]:
    """The figures a text states, without years and the parts of dates."""
    text = ISO_DATE.sub(" ", text)
    text = DATE_PARTS[lang].sub(" ", text)
    out = []
    for match in NUMBER.finditer(text):
        figure = match.group(0)
        if YEAR.match(figure) and not re.match(r"\s*(元|yuan)", text[match.end():]):
            continue   # a year (2024 年度, in 2023), unless it is an amount (2024 元)
        out.append(figure)
    return out


def test_the_date_and_year_filter_keeps_figures() -> None:
    zh = "2024 年 7 月 1 日至 2025 年 6 月 30 日，月缴费基数为 4433 元；每年 7 月调整；等 3 个月；2025-01-01；2000 元"
    assert stated_figures(zh, "zh") == ["4433", "3", "2000"]
    en = "From 1 July 2024 to 30 June 2025 the base is 4,433 yuan, 443.3 a month; every July; a 3-month wait; 60 %"
    assert stated_figures(en, "en") == ["4,433", "443.3", "3", "60"]


@pytest.mark.parametrize("pid", sorted(POLICIES))
@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_in_a_summary_is_a_figure_of_the_policy(pid: str, lang: str) -> None:
    known = known_figures(pid)
    text = POLICIES[pid]["summary"][lang]
    unknown = [f for f in stated_figures(text, lang) if Decimal(f.replace(",", "")) not in known]
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
