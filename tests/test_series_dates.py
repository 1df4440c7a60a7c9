"""Issue 10 §1: calculators that take dates span a series. A date after the period a policy governs is never
just "this policy covers only that year": when another policy of the same place and topic on file governs that
date, the error names it; otherwise it names what is on file. Expectations come from the compiled data
(every policy in policies/, no ids written here); the flexible-employment case runs on the fixture series."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import calc
import calc.data
from calc import registry, series
from calc.api import applicable_inputs
from calc.policy import Policy

POLICIES = calc.data.load_policies()


def _end(pid: str) -> dt.date | None:
    to = POLICIES[pid]["governs"]["benefits"].get("to")
    return dt.date.fromisoformat(str(to)) if to else None


def _expected_titles(pid: str, day: dt.date) -> list[str]:
    """The policy of the series on file for `day` (when another one is), else every member on file."""
    key = POLICIES[pid]["series"]["key"]
    other = series.policy_for(key, day)
    members = [other] if other and other != pid else series.members(key)
    return [POLICIES[m]["title"]["zh"] for m in members]


def _takes(calculator: str, pid: str, field: str) -> bool:
    return any(s.name == field for s in applicable_inputs(registry.calculator(calculator), Policy(POLICIES[pid])))


def _cases(calculator: str, field: str) -> list[tuple[str, dt.date]]:
    out = []
    for pid, policy in sorted(POLICIES.items()):
        end = _end(pid)
        if calculator in policy["calculators"] and end is not None and _takes(calculator, pid, field):
            # the day after the benefit year, and a day a year and more later (the next year's, or none on file)
            out += [(pid, end + dt.timedelta(days=1)), (pid, end.replace(year=end.year + 1, month=3, day=1))]
    return out


BENEFIT_START = _cases("resident-benefit-start", "payment_date")
CONTRIBUTION = _cases("resident-contribution", "paid_on")   # the date one already paid (where the form asks it)


def test_there_is_something_to_check() -> None:
    assert BENEFIT_START and CONTRIBUTION


@pytest.mark.parametrize(("pid", "day"), BENEFIT_START, ids=[f"{p}@{d}" for p, d in BENEFIT_START])
def test_a_payment_after_the_benefit_year_names_the_policy_on_file_for_it(pid: str, day: dt.date) -> None:
    out = calc.run("resident-benefit-start", pid, {"payment_date": day.isoformat()})
    assert not out["ok"]
    (error,) = [e for e in out["errors"] if e["field"] == "payment_date"]
    assert "只管这一年度" not in error["message_zh"] and day.isoformat() in error["message_en"]
    for title in _expected_titles(pid, day):
        assert title in error["message_zh"], (title, error)


@pytest.mark.parametrize(("pid", "day"), CONTRIBUTION, ids=[f"{p}@{d}" for p, d in CONTRIBUTION])
def test_a_payment_date_after_the_benefit_year_in_resident_contribution_names_it_too(pid: str, day: dt.date) -> None:
    out = calc.run("resident-contribution", pid, {"paid_on": day.isoformat()})
    assert not out["ok"]
    (error,) = [e for e in out["errors"] if e["field"] == "paid_on"]
    for title in _expected_titles(pid, day):
        assert title in error["message_zh"], (title, error)


def test_a_payment_within_the_year_still_computes() -> None:
    """The check is about later years only: each policy's own worked examples and vectors still run (they do, in
    tests/test_compiled_data.py and the vectors); here one payment inside the benefit year per policy."""
    for pid, _ in BENEFIT_START[::2]:
        end = _end(pid)
        out = calc.run("resident-benefit-start", pid, {"payment_date": end.isoformat()})
        assert not any(e["field"] == "payment_date" and "本站" in e["message_zh"] for e in out.get("errors", [])), out


# --- flexible employment with dated values: the fixture series (invented figures) ----------------------------

FIXTURE = Path(__file__).parent / "fixtures" / "flexible-series" / "policies"
Y2023, Y2024 = "testland/demo/2023-flexible-employment", "testland/demo/2024-flexible-employment"


@pytest.fixture()
def fixture_series(tmp_path_factory, monkeypatch):
    from fixture_policies import use_fixture_policies
    yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)


def test_flexible_months_of_another_policy_are_named_not_priced(fixture_series) -> None:
    data = calc.data.load_policies()
    before = calc.run("flexible-contribution", Y2024, {"first_month": "2023-05-01"})
    assert not before["ok"] and data[Y2023]["title"]["zh"] in before["errors"][0]["message_zh"]
    assert before["errors"][0]["field"] == "first_month"
    past = calc.run("flexible-contribution", Y2024, {"first_month": "2024-10-01", "months": 6})
    assert not past["ok"] and past["errors"][0]["field"] == "months"
    assert "2025-03-01" in past["errors"][0]["message_zh"] and data[Y2024]["title"]["zh"] in past["errors"][0]["message_zh"]
    assert calc.run("flexible-contribution", Y2024, {"first_month": "2024-10-01", "months": 3})["ok"]
