"""calc.run for the worked examples and prerendered widgets, once per render for each example.

A page is rendered in three languages and its widgets and worked examples share inputs: `example_runs()`
holds their results for one render (render_site), so a rebuild never reuses a result computed from older
policies. The proof (scripts/policy/proof.py) renders a policy not yet compiled: it gives its own runner.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import calc

Runner = Callable[[str, str, dict], dict]   # (calculator, policy id, inputs) → calc.run's answer

_RUNS: ContextVar[dict | None] = ContextVar("example_runs", default=None)
_RUNNER: ContextVar[Runner] = ContextVar("example_runner", default=calc.run)


@contextmanager
def example_runs(runner: Runner | None = None) -> Iterator[None]:
    """Within the block, each example runs once (through `runner`, calc.run by default)."""
    runs_token = _RUNS.set({})
    runner_token = _RUNNER.set(runner or calc.run)
    try:
        yield
    finally:
        _RUNNER.reset(runner_token)
        _RUNS.reset(runs_token)


def example_run(name: str, policy_id: str, inputs: dict) -> dict:
    """calc.run, once per render for each example."""
    runs, run = _RUNS.get(), _RUNNER.get()
    if runs is None:
        return run(name, policy_id, inputs)
    key = (name, policy_id, repr(sorted(inputs.items())))
    if key not in runs:
        runs[key] = run(name, policy_id, inputs)
    return runs[key]
