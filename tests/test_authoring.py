"""Authoring: what calculators read is declared (calc/parameters.py), proved complete here by
recording every parameter each calculator touches over every policy, worked example and test
vector; the loader checks policies against the declarations; the reference page and the
scaffold come from them."""
from __future__ import annotations

import collections

import pytest

from calc import api
from calc.data import load_policies
from calc.parameters import declaration
from calc.policy import Policy
from calc.registry import calculators
from tests.test_pyodide_parity import load_vectors


class _Recording(dict):
    """A policy's parameters that note every name asked for (has, value, cite, …)."""

    def __init__(self, data: dict, seen: set):
        super().__init__(data)
        self.seen = seen

    def __getitem__(self, name):
        self.seen.add(name)
        return super().__getitem__(name)

    def __contains__(self, name):
        self.seen.add(name)
        return super().__contains__(name)

    def get(self, name, default=None):
        self.seen.add(name)
        return super().get(name, default)


def _runs() -> list[tuple[str, str, dict]]:
    """(calculator, policy, inputs): every vector, every worked example, every calculator's defaults."""
    runs = [(v["calculator"], v["policy"], v["inputs"]) for v in load_vectors()]
    for pid, policy in load_policies().items():
        runs += [(e.get("calculator", policy["calculators"][0]), pid, dict(e["inputs"])) for e in policy.get("examples") or []]
        runs += [(name, pid, {}) for name in policy["calculators"]]
    return runs


@pytest.fixture(scope="module")
def touched() -> dict[tuple[str, str], set[str]]:
    """(calculator, policy id) → the parameter names its runs asked for."""
    seen: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    current = {}
    original = Policy.__init__

    def recording_init(self, data):
        original(self, data)
        self.parameters = _Recording(self.parameters, seen[(current["calc"], self.id)])

    Policy.__init__ = recording_init
    try:
        for name, pid, inputs in _runs():
            current["calc"] = name
            api.run(name, pid, inputs)
    finally:
        Policy.__init__ = original
    return seen


def test_every_parameter_a_calculator_reads_is_declared(touched) -> None:
    calcs = calculators()
    missing = sorted({(calc, name) for (calc, _), names in touched.items() for name in names
                      if calc in calcs and declaration(calcs[calc], name) is None})
    assert not missing, "\n".join(
        f"calc/{calc.replace('-', '_')}.py reads {name!r} but its PARAMETERS do not declare it: add "
        f"Parameter({name!r}, (UNIT,), Text(\"…\", \"…\"), required=False) (or when=\"has:OTHER\")" for calc, name in missing)


def test_every_required_parameter_is_read_by_some_run(touched) -> None:
    """A declaration no run ever reads is stale, unless the parameter is optional."""
    for name, calc in calculators().items():
        read = set().union(*(names for (c, _), names in touched.items() if c == name))
        for p in calc.parameters:
            if p.required and p.pattern is None:
                assert p.name in read, f"{name} declares {p.name} as required but no policy, example or vector reads it"


def test_policies_state_what_their_calculators_need() -> None:
    """The real policies pass the loader's parameter check (calc.parameters.policy_problems)."""
    from calc.parameters import policy_problems
    calcs = calculators()
    for pid, policy in load_policies().items():
        problems = policy_problems(policy, [calcs[n] for n in policy["calculators"]], list(calcs.values()))
        assert problems == [], (pid, problems)
