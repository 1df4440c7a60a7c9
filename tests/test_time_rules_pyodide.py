"""Issue 19's shapes in Pyodide: each fixture shape's cases (tests/test_time_rules.py) give the same answer under
Node + the npm Pyodide as in CPython. The runner (scripts/dev/pyodide_run.mjs) is given a copy of calc/ whose
compiled data are the fixtures' (tests/fixtures/time-rules/policies), as `make policies` would compile them."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import calc
import calc.data
from scripts.policy.compiled_data import compiled_text
from scripts.policy.loader import load_all
from tests.test_pyodide_parity import run_pyodide_cases

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "time-rules" / "policies"
START, CAP = "resident-benefit-start", "critical-illness-cap"
CASES = [   # one or more per shape: windows with a 60-day wait, a start after the year, a newborn counting day 1,
            # a late amount not stated, a wait by years of gap with pay-back and floor, an absolute cap with credit kept
    (START, "testland/windows/2027-resident", {"payment_date": "2026-10-01"}),
    (START, "testland/windows/2027-resident", {"payment_date": "2027-03-10"}),
    (START, "testland/windows/2027-resident", {"payment_date": "2027-12-15"}),
    (START, "testland/windows/2027-resident", {"circumstance": "newborn", "event_date": "2027-03-10", "payment_date": "2027-06-08"}),
    (START, "testland/late-unstated/2027-resident", {"payment_date": "2027-03-10"}),
    (START, "testland/gap-wait/2027-resident", {"payment_date": "2026-10-15", "gap_years": 2}),
    (START, "testland/gap-wait/2027-resident", {"payment_date": "2026-10-15", "gap_years": 5, "years_paid_back": 4}),
    (CAP, "testland/cap-kept/2025-enrolment-measures",
     {"enrolled_years": [2025, 2026, 2027, 2028, 2029, 2031], "zero_reimbursement_years": [2027], "benefit_year": 2031}),
]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> Path:
    policies, problems = load_all(FIXTURE, FIXTURE / "sources")
    assert not problems, problems
    root = tmp_path_factory.mktemp("time-rules-pyodide")
    shutil.copytree(ROOT / "calc", root / "calc", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "calc" / "data" / "policies.json").write_text(compiled_text(policies), encoding="utf-8")
    return root


def test_fixture_shapes_answer_alike_in_pyodide(compiled: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(calc.data, "POLICIES_JSON", compiled / "calc" / "data" / "policies.json")
    calc.data.load_policies.cache_clear()
    try:
        want = {f"{i}": json.loads(json.dumps(calc.run(name, pid, inputs), sort_keys=True)) for i, (name, pid, inputs) in enumerate(CASES)}
    finally:
        calc.data.load_policies.cache_clear()
    assert all(out["ok"] for out in want.values()), want
    cases = [{"name": f"{i}", "calculator": name, "policy": pid, "inputs": inputs} for i, (name, pid, inputs) in enumerate(CASES)]
    report = run_pyodide_cases(cases, tmp_path / "cases.json", root=compiled)
    assert not report["crashes"], report["crashes"]
    for key, out in want.items():
        assert json.dumps(report["cases"][key], sort_keys=True) == json.dumps(out, sort_keys=True), CASES[int(key)]
