"""`make policies` proves a policy works (issue 19, item 6; scripts/policy/proof.py): what a test
would catch about one policy — a calculator crashing on some input, a page or widget that does not
render — is a `file:line: field` problem of the policy first. (Unknown keys in rules and codes
without words: tests/fixtures/broken/rule-unknown-key.yaml, code-without-words.yaml.)"""
from __future__ import annotations

from decimal import Decimal

import dataclasses
import re
from pathlib import Path

import jinja2
import pytest

import calc.flexible_contribution as flexible
from scripts.policy import proof
from scripts.policy.loader import SOURCES_DIR, load_all, load_policy
from scripts.site import jinja_env

FIXTURES = Path(__file__).parent / "fixtures" / "unproven"
SAMPLED = FIXTURES / "flexible-sampled.yaml"


def _expect(path: Path) -> tuple[int, str]:
    found = re.match(r"# expect: (\d+) (\S+)", path.read_text(encoding="utf-8"))
    return int(found.group(1)), found.group(2)


def _prove(path: Path = SAMPLED):
    return load_policy(path, FIXTURES, SOURCES_DIR, prove=True)


def test_a_sound_policy_proves() -> None:
    data, problems = _prove()
    assert [str(p) for p in problems] == [] and data is not None


def test_every_policy_on_file_proves() -> None:
    """What `make policies` runs: no calculator fails on any sampled input, every page renders."""
    _, problems = load_all(prove=True)
    assert [str(p) for p in problems] == []


def test_the_sample_tries_each_boundary_choice_and_empty_input() -> None:
    data, _ = load_policy(SAMPLED, FIXTURES, SOURCES_DIR)
    samples = proof.sample_inputs("flexible-contribution", data)
    assert {"months": 6} in samples                                   # the worked example
    assert {s.get("months") for s in samples} >= {1, 6, 12}          # the bounds of an integer input
    assert any("average_monthly_wage" not in s for s in samples)     # an optional input left empty
    assert samples == proof.sample_inputs("flexible-contribution", data)   # deterministic
    days = proof.boundary_dates(data)
    assert {"2022-12-31", "2023-01-01", "2023-01-02", "2023-12-30", "2023-12-31", "2024-01-01"} <= set(days)


def test_resident_sample_crosses_each_situation_with_each_boundary_date() -> None:
    policies, _ = load_all()
    data = policies["hunan/yueyang/pingjiang/2023-resident"]
    samples = proof.sample_inputs("resident-benefit-start", data)
    days = proof.boundary_dates(data)
    end = str(data["parameters"]["collection_period_end"]["value"])
    for circumstance in ("regular", "newborn", "welfare_institution_child", "employee_lapse"):
        for field in ("payment_date", "event_date"):
            tried = {s.get(field) for s in samples if s.get("circumstance") == circumstance}
            assert set(days) <= tried, (circumstance, field)
    assert end in days and any(d > end for d in days)


def _break_compute(monkeypatch, compute) -> None:
    monkeypatch.setattr(flexible, "CALCULATOR", dataclasses.replace(flexible.CALCULATOR, compute=compute))


def test_a_calculator_crash_on_a_sampled_input_is_the_policys_problem_with_the_inputs(monkeypatch) -> None:
    real = flexible.CALCULATOR.compute

    def crashes_on_one_month(policy, values):
        if values["months"] == 1:
            return dt_fromisoformat(None)
        return real(policy, values)

    def dt_fromisoformat(value):
        import datetime as dt
        return dt.date.fromisoformat(value)

    _break_compute(monkeypatch, crashes_on_one_month)
    data, problems = _prove()
    line, field = _expect(SAMPLED)
    assert data is None and problems
    first = problems[0]
    assert (first.line, first.field) == (line, field), str(first)
    text = str(first)
    assert text.startswith(f"tests/fixtures/unproven/{SAMPLED.name}:{line}: calculators[0]: flexible-contribution fails")
    assert '"months": 1' in text and "TypeError: fromisoformat" in first.en and "TypeError" in first.zh
    assert "Traceback" not in text


def test_a_result_breaking_the_contract_is_reported(monkeypatch) -> None:
    real = flexible.CALCULATOR.compute

    def negative_total(policy, values):
        result, steps = real(policy, values)
        result["monthly_total"] = -result["monthly_total"] - 1
        return result, steps

    _break_compute(monkeypatch, negative_total)
    _, problems = _prove()
    assert problems and problems[0].field == "calculators[0]"
    assert "output monthly_total is not an amount 0.00: '-" in problems[0].en


def test_a_template_error_is_reported_with_the_policy_and_the_template_line(monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "widget.html.j2").write_text("<form>\n{{ w.calc.inputs[0].no_such_field.choices }}\n</form>\n", encoding="utf-8")
    env = jinja_env.environment().overlay(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(tmp_path)),
                                                                      jinja_env.environment().loader]))
    monkeypatch.setattr(jinja_env, "environment", lambda: env)
    data, problems = _prove()
    line, field = _expect(SAMPLED)
    assert data is None and problems
    first = problems[0]
    assert (first.line, first.field) == (line, field), str(first)
    assert "UndefinedError" in first.en and "no_such_field" in first.en
    assert f"{tmp_path / 'widget.html.j2'}:2" in first.en and first.zh.startswith("页面无法生成")


def test_the_cli_proves_unless_quick(capsys) -> None:
    from scripts.policy import loader
    with pytest.raises(SystemExit):
        loader.main(["--help"])
    assert "--quick" in capsys.readouterr().out


def test_a_result_breaking_an_invariant_is_reported(monkeypatch) -> None:
    """The fuzz's per-calculator invariants (scripts/policy/invariants.py) run on every sampled input too: a monthly
    total that is not basic + critical illness (the newcomer's add-on) is the policy's problem at file:line."""
    real = flexible.CALCULATOR.compute

    def total_off_by_a_fen(policy, values):
        result, steps = real(policy, values)
        if result.get("monthly_total") is not None:
            result["monthly_total"] += Decimal("0.01")
        return result, steps

    _break_compute(monkeypatch, total_off_by_a_fen)
    _, problems = _prove()
    assert problems and problems[0].field == "calculators[0]"
    assert "breaks an invariant of flexible-contribution" in problems[0].en and "monthly_total" in problems[0].en


# --- the fuzz's contract and relations, over the sample (scripts/policy/relations.py) ----------------------

RESIDENT_RULES = Path(__file__).parent / "fixtures" / "resident-rules" / "policies"
STACKING = RESIDENT_RULES / "testland" / "stacking" / "2024-resident.yaml"


def _calculators_line(path: Path) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.startswith("calculators:"))


def test_a_policy_whose_data_breaks_the_fuzz_contract_is_caught_first() -> None:
    """A funder with a stray key passes the loader's checks, but the result's text output would carry it (the fuzz's
    contract: a text is a code or {zh, en}): `make policies` reports it at the policy's file and line."""
    path = FIXTURES / "funder-stray-key.yaml"
    data, problems = load_policy(path, FIXTURES, RESIDENT_RULES / "sources", prove=True)
    line, field = _expect(path)
    assert data is None and problems
    first = problems[0]
    assert (first.line, first.field) == (line, field), str(first)
    assert str(first).startswith(f"tests/fixtures/unproven/{path.name}:{line}: calculators[0]: resident-contribution fails")
    assert "output subsidy_payer is not a code or a text {zh, en}" in first.en and "'via': 'township'" in first.en
    assert "resident-contribution" in first.zh


def test_a_total_that_shrinks_with_more_months_breaks_a_relation(monkeypatch) -> None:
    """The fuzz's monotone rule: more months never lower the total for the months chosen. Each result alone is
    sound (a lower rate, computed through), so only the relation between two runs shows it."""
    from calc.policy import Policy

    real = flexible.CALCULATOR.compute

    def a_lower_rate_from_seven_months(policy, values):
        if values["months"] >= 7:
            params = policy.data["parameters"]
            cheaper = {**params["contribution_rate"], "value": 2}
            policy = Policy({**policy.data, "parameters": {**params, "contribution_rate": cheaper}})
        return real(policy, values)

    _break_compute(monkeypatch, a_lower_rate_from_seven_months)
    _, problems = _prove()
    line, field = _expect(SAMPLED)
    assert problems and (problems[0].line, problems[0].field) == (line, field), str(problems[0])
    assert "breaks a relation of flexible-contribution" in problems[0].en
    assert "period_total non-decreasing in months" in problems[0].en


def test_a_result_that_depends_on_repeats_in_a_list_breaks_a_relation(monkeypatch) -> None:
    """The fuzz's permutation rule: a list input reversed and repeated gives the identical result."""
    real = proof.run_policy

    def a_repeat_counts(name, data, inputs):
        out = real(name, data, inputs)
        groups = inputs.get("categories") or []
        if out.get("ok") and len(groups) > len(set(groups)):   # each result alone is sound
            out["steps"][0]["en"] += f" ({len(groups)} groups ticked)"
        return out

    monkeypatch.setattr(proof, "run_policy", a_repeat_counts)   # the proof's own runs
    data, problems = load_policy(STACKING, RESIDENT_RULES, RESIDENT_RULES / "sources", prove=True)
    assert data is None and problems
    first = problems[0]
    assert (first.line, first.field) == (_calculators_line(STACKING), "calculators[0]"), str(first)
    assert "breaks a relation of resident-contribution" in first.en and "reversed and repeated give another result" in first.en


def test_a_subsidy_that_shrinks_when_a_group_is_added_breaks_a_relation(monkeypatch) -> None:
    """The fuzz's monotone rule for resident-contribution: a group added never lowers the subsidy."""
    import calc.resident_contribution as resident

    real = resident.CALCULATOR.compute

    def two_groups_get_less(policy, values):
        result, steps = real(policy, values)
        if len(values["categories"] or []) > 1 and result.get("subsidy"):
            result["subsidy"] -= Decimal("0.01")
            result["payable"] += Decimal("0.01")
        return result, steps

    monkeypatch.setattr(resident, "CALCULATOR", dataclasses.replace(resident.CALCULATOR, compute=two_groups_get_less))
    _, problems = load_policy(STACKING, RESIDENT_RULES, RESIDENT_RULES / "sources", prove=True)
    assert problems and problems[0].field == "calculators[0]"
    assert "breaks a relation of resident-contribution" in problems[0].en and "lowers the subsidy" in problems[0].en
