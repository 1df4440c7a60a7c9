"""Per-policy widget data (scripts/bundle/bundle_calc.py): the browser's calc runs on the data files a page
loads — its policies and their series members, trimmed to what calc reads — and must answer exactly
as calc does on the full compiled data; what a widget loads does not grow with the site.

The worker (assets/mingbai/calc-worker.js) writes the loaded data into calc/data/policies.json;
here the same file is written and calc.data pointed at it.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import calc  # noqa: E402
import calc.data  # noqa: E402
from scripts.bundle.bundle_calc import (  # noqa: E402
    policy_data_path, render_calc_bundle, render_policy_data, widget_data_files, widget_policy,
    write_calc_bundle, write_policy_data)
from tests.test_pyodide_parity import load_vectors  # noqa: E402

FULL = calc.data.load_policies()


def _cases() -> list[tuple[str, str, str, dict]]:
    """(name, calculator, policy, inputs): every test vector and every worked example."""
    cases = [(v["name"], v["calculator"], v["policy"], v["inputs"]) for v in load_vectors()]
    for pid, policy in sorted(FULL.items()):
        for i, example in enumerate(policy.get("examples", [])):
            name = example.get("calculator") or policy["calculators"][0]
            cases.append((f"{pid} example {i}", name, pid, example.get("inputs") or {}))
    return cases


def _loaded(policy_id: str) -> dict:
    """What the worker holds for a page with this policy's form: the data files' policies."""
    out = {}
    for path in widget_data_files([policy_id], FULL):
        pid = path[len("data/"):-len(".js")]
        out[pid] = widget_policy(FULL[pid])
    return out


@pytest.fixture
def on_widget_data(tmp_path, monkeypatch):
    """Point calc.data at a policies.json holding only what a page loads (as the worker does)."""
    def use(policy_id: str) -> None:
        path = tmp_path / "policies.json"
        path.write_text(json.dumps({"format": 1, "policies": _loaded(policy_id)}), encoding="utf-8")
        monkeypatch.setattr(calc.data, "POLICIES_JSON", path)
        calc.data.load_policies.cache_clear()
    yield use
    calc.data.load_policies.cache_clear()


@pytest.mark.parametrize("name,calculator,policy,inputs", _cases(), ids=[c[0] for c in _cases()])
def test_widget_data_gives_the_full_datas_answer(name, calculator, policy, inputs, on_widget_data):
    want = calc.run(calculator, policy, inputs)
    on_widget_data(policy)
    got = calc.run(calculator, policy, inputs)
    if policy not in FULL:   # the message lists the policies on file: in the browser, the loaded ones
        assert [e["field"] for e in got["errors"]] == [e["field"] for e in want["errors"]] == ["policy"]
        return
    assert json.dumps(got, sort_keys=True, ensure_ascii=False) == json.dumps(want, sort_keys=True, ensure_ascii=False)


def test_series_members_are_loaded_with_a_policy():
    for pid, policy in FULL.items():
        files = widget_data_files([pid], FULL)
        assert files[0] == policy_data_path(pid)
        for member in (policy.get("series") or {}).get("members", []):
            assert policy_data_path(member) in files, (pid, member)


def test_data_files_hold_no_prose_and_the_bundle_no_data(tmp_path):
    write_policy_data(FULL, tmp_path)
    write_calc_bundle(REPO / "calc", tmp_path / "calc-bundle.js")
    bundle = (tmp_path / "calc-bundle.js").read_text(encoding="ascii")
    assert '"calc/data/policies.json"' not in bundle and "hengyang-daily" not in bundle
    for pid, policy in FULL.items():
        text = (tmp_path / policy_data_path(pid)).read_text(encoding="ascii")
        assert text == render_policy_data(pid, policy)
        data = json.loads(text.split("] = ", 1)[1].rstrip(";\n"))
        assert data == widget_policy(policy)
        for key in ("summary", "covers", "examples", "sources", "issuers"):
            assert key not in data, (pid, key)
        summary = json.dumps(policy["summary"]["en"], ensure_ascii=True)[1:-1]   # prose stays in the HTML
        assert summary not in text, pid
    # a policy removed from the site loses its file
    fewer = dict(list(FULL.items())[1:])
    write_policy_data(fewer, tmp_path)
    gone = next(iter(FULL))
    assert not (tmp_path / policy_data_path(gone)).exists()


def test_policy_ids_that_are_not_paths_are_refused():
    for bad in ("../x", "a//b", "/abs", "A/b", "a/b.js", ""):
        with pytest.raises(ValueError):
            policy_data_path(bad)


def test_bundle_is_code_only():
    files = re.findall(r'^  "(calc/[^"]+)":', render_calc_bundle(REPO / "calc"), flags=re.M)
    assert files and all(f.endswith(".py") for f in files), files


def test_widget_bytes_do_not_grow_with_the_site(tmp_path):
    """5 real policies vs 100 synthetic ones (each the 衡阳 2023 policy moved elsewhere): a page's
    widget loads the same bytes (± 5 %); 5 vs 100 synthetic: exactly the same data."""
    from scripts.bench.wire import synthetic, widget_bytes   # the benchmark's own measure

    real = widget_bytes(FULL, "hunan/hengyang/2023-flexible-employment", tmp_path / "real")
    few, many = synthetic(tmp_path, 5), synthetic(tmp_path, 100)
    first = sorted(few)[0]
    assert first == sorted(many)[0]
    small = widget_bytes(few, first, tmp_path / "s5")
    large = widget_bytes(many, first, tmp_path / "s100")
    assert small == large
    assert abs(large - real) <= 0.05 * real, (real, large)
