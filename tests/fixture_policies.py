"""Point calc at a directory of test-fixture policies (invented figures, never a published page).

    @pytest.fixture(autouse=True)
    def fixture_policies(tmp_path_factory, monkeypatch):
        yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)

The fixtures are loaded and checked by the real loader, compiled as `make policies` would, and
calc reads them (as MINGBAI_POLICY_DATA would point it) until the test ends.
"""
from __future__ import annotations

from pathlib import Path

import calc.data
from calc_helpers import calc_helpers
from scripts.policy.compiled_data import compiled_text
from scripts.policy.loader import load_all


def use_fixture_policies(directory: Path, tmp_path_factory, monkeypatch):
    policies, problems = load_all(directory, directory / "sources")
    assert not problems, problems
    out = tmp_path_factory.mktemp("fixture-policies") / "policies.json"
    out.write_text(compiled_text(policies), encoding="utf-8")
    monkeypatch.setattr(calc.data, "POLICIES_JSON", out)
    calc.data.load_policies.cache_clear()
    yield calc.data.load_policies()
    calc.data.load_policies.cache_clear()


run_ok = calc_helpers()[0]   # calc.run(name, pid, inputs) that must succeed


def step_of(out: dict, id: str) -> dict:
    """The one step with this id."""
    (found,) = [s for s in out["steps"] if s["id"] == id]
    return found
