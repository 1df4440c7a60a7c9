"""The trimmed standard library (scripts/bundle/trim_stdlib.py): calc in Pyodide on python_stdlib_calc.zip
answers every test vector and worked example exactly as CPython does, and imports nothing the list lacks."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import calc  # noqa: E402
from scripts.bundle import trim_stdlib  # noqa: E402

PYODIDE = REPO / "node_modules" / "pyodide"
pytestmark = pytest.mark.pyodide


def test_trimmed_zip_is_under_half_the_stock_one(trimmed):
    source = trim_stdlib.trimmed_bytes(PYODIDE / trim_stdlib.FULL, trim_stdlib.keep_list())
    assert len(source) < (PYODIDE / trim_stdlib.FULL).stat().st_size / 3
    assert source == trim_stdlib.trimmed_bytes(PYODIDE / trim_stdlib.FULL, trim_stdlib.keep_list())
    # bytecode (docstrings left out) is larger than deflated source, still under half the stock zip
    assert trimmed.stat().st_size < (PYODIDE / trim_stdlib.FULL).stat().st_size / 2


def test_calc_on_the_trimmed_stdlib_answers_as_cpython(trimmed):
    cases = trim_stdlib.cases()
    report = trim_stdlib.run_in_pyodide(cases, trimmed)
    # what ran is the bytecode (tests/test_bytecode.py checks the zip itself)
    assert report["from_bytecode"] and all(f.endswith(".pyc") for f in report["from_bytecode"])
    missing = sorted(set(report["files"]) - set(trim_stdlib.keep_list()))
    assert not missing, f"calc imported files the list lacks: {missing} (python -m scripts.bundle.trim_stdlib --list)"
    assert len(report["results"]) == len(cases)
    for case, got in zip(cases, report["results"]):
        want = calc.run(case["calculator"], case["policy"], case["inputs"])
        assert json.dumps(got, sort_keys=True) == json.dumps(want, sort_keys=True), case


def test_a_member_gone_from_pyodide_is_named(tmp_path):
    import zipfile

    small = tmp_path / "python_stdlib.zip"
    with zipfile.ZipFile(small, "w") as z:
        z.writestr("json/__init__.py", "")
    with pytest.raises(trim_stdlib.TrimError, match="decimal.py"):
        trim_stdlib.trimmed_bytes(small, ["json/__init__.py", "decimal.py"])
