"""calc/data/policies.json is what calc (CPython and Pyodide) reads: it must match policies/."""
from __future__ import annotations

import json

from scripts.policy.compiled_data import COMPILED, compiled_text
from scripts.policy.loader import load_all


def test_compiled_policies_match_the_yaml() -> None:
    policies, problems = load_all()
    assert not problems
    assert COMPILED.read_text(encoding="utf-8") == compiled_text(policies), \
        "calc/data/policies.json is stale: run `make policies` / 编译数据已过期：请运行 make policies"


def test_compiled_data_has_no_binary_floats() -> None:
    def walk(v):
        assert not isinstance(v, float), v
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(json.loads(COMPILED.read_text(encoding="utf-8")))
