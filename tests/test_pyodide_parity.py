"""CPython-vs-Pyodide parity for the stdlib-only ``calc`` package.

``scripts/dev/pyodide_run.mjs`` is run ONCE for this module (node + the vendored
npm Pyodide, no network). It copies calc/ into Pyodide, runs every calc
module's doctests there and calls ``calc.run_json`` for every test vector.
This module then checks, against CPython in this process:

* node exited 0 and printed its JSON report;
* the same calc modules were found on both sides, and at least one doctest ran;
* each module's doctests pass in Pyodide, and Pyodide attempted exactly as
  many examples as CPython's ``doctest.testmod`` does for that module;
* for every vector, Pyodide's ``run_json`` result equals CPython's
  ``calc.run(...)`` result exactly (``json.dumps(sort_keys=True)``), CPython's
  ``run_json`` agrees with its ``run``, and the vector's ``expect`` is a
  subset of the CPython result.

Vectors: ``tests/vectors/*.yaml``, each a YAML list of mappings with keys
``name`` (unique across files), ``calculator``, ``policy``, ``inputs`` and
``expect`` (optional; a subset of the result: mappings match key by key,
lists must have the same length and match item by item, scalars are equal).
Unquoted YAML dates in ``inputs``/``expect`` are turned into ISO strings.
One built-in vector (an unknown calculator, which must give ``ok: false``)
always runs, so the error path is compared even with no vector files.

If ``node`` or ``node_modules/pyodide`` is missing the tests are skipped,
unless the environment variable CI is set (CI=true), where they fail.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import doctest
import importlib
import io
import json
import os
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.pyodide   # calc under Node in Pyodide
PACKAGE = "calc"
PACKAGE_DIR = REPO_ROOT / PACKAGE
RUNNER = REPO_ROOT / "scripts" / "dev" / "pyodide_run.mjs"
PYODIDE_DIR = REPO_ROOT / "node_modules" / "pyodide"
VECTOR_DIR = Path(__file__).resolve().parent / "vectors"
NODE_TIMEOUT_S = 180

VECTOR_KEYS_REQUIRED = {"name", "calculator", "policy", "inputs"}
VECTOR_KEYS = VECTOR_KEYS_REQUIRED | {"expect"}

SMOKE_VECTOR = {
    "name": "__builtin__/unknown-calculator",
    "calculator": "__parity_smoke_no_such_calculator__",
    "policy": "__parity_smoke_no_such_policy__",
    "inputs": {},
    "expect": {"ok": False},
}

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


# --------------------------------------------------------------------------
# Collection-time helpers (no calc import needed)
# --------------------------------------------------------------------------

def discover_modules(src_dir: Path = REPO_ROOT, package: str = PACKAGE) -> list[str]:
    """calc module names, found exactly as scripts/dev/pyodide_run.mjs finds them.

    calc/x/y.py -> calc.x.y, calc/x/__init__.py -> calc.x; __main__.py is
    skipped (importing it would run the CLI).
    """
    base = src_dir / package
    names: list[str] = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        rel = os.path.relpath(dirpath, src_dir).replace(os.sep, ".")
        for fn in sorted(filenames):
            if not fn.endswith(".py") or fn == "__main__.py":
                continue
            names.append(rel if fn == "__init__.py" else rel + "." + fn[:-3])
    return sorted(names)


def _jsonable(value, where: str):
    """YAML value -> JSON value (dates to ISO strings); reject anything else."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValueError(f"{where}: mapping key {k!r} is not a string")
            out[k] = _jsonable(v, f"{where}.{k}")
        return out
    if isinstance(value, list):
        return [_jsonable(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise ValueError(f"{where}: {type(value).__name__} value {value!r} cannot be sent as JSON")


def load_vectors(vector_dir: Path = VECTOR_DIR) -> list[dict]:
    vectors: list[dict] = []
    seen: dict[str, Path] = {}
    for path in sorted(vector_dir.glob("*.yaml")) if vector_dir.is_dir() else []:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data is None:
            continue
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a YAML list of vectors")
        for i, raw in enumerate(data):
            where = f"{path.name}[{i}]"
            if not isinstance(raw, dict):
                raise ValueError(f"{where}: a vector must be a mapping")
            unknown = set(raw) - VECTOR_KEYS
            missing = VECTOR_KEYS_REQUIRED - set(raw)
            if unknown or missing:
                raise ValueError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
            for k in ("name", "calculator", "policy"):
                if not isinstance(raw[k], str) or not raw[k]:
                    raise ValueError(f"{where}: {k!r} must be a non-empty string")
            name = raw["name"]
            if name in seen or name == SMOKE_VECTOR["name"]:
                raise ValueError(f"{where}: duplicate vector name {name!r} (also in {seen.get(name, 'built-in')})")
            seen[name] = path
            vectors.append({
                "name": name,
                "calculator": raw["calculator"],
                "policy": raw["policy"],
                "inputs": _jsonable(raw["inputs"], f"{where}.inputs"),
                "expect": _jsonable(raw.get("expect", {}), f"{where}.expect"),
                "file": path.name,
            })
    return vectors


MODULES = discover_modules() if (PACKAGE_DIR / "__init__.py").is_file() else []
VECTORS = load_vectors()
ALL_VECTORS = [SMOKE_VECTOR, *VECTORS]


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _skip_or_fail(msg: str):
    if _ci():
        pytest.fail(f"{msg} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(f"{msg}; run `npm ci` (and install node) to enable the Pyodide parity test")


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------

def run_pyodide(cases: list[dict], cases_file: Path, root: Path | None = None) -> dict:
    """Write `cases` to cases_file, run scripts/dev/pyodide_run.mjs on it once; return rc, stderr, parsed JSON.

    Skips (fails under CI) when node or the npm Pyodide is missing. Also used by
    tests/test_fuzz_calculators.py for its sample of fuzz inputs.
    """
    node = shutil.which("node")
    if node is None:
        _skip_or_fail("`node` is not on PATH")
    if not (PYODIDE_DIR / "pyodide.mjs").is_file():
        _skip_or_fail(f"{PYODIDE_DIR.relative_to(REPO_ROOT)} is missing")
    # ensure_ascii: lone surrogates and any code point travel as \u escapes
    cases_file.write_text(json.dumps(cases, ensure_ascii=True), encoding="utf-8")
    try:
        proc = subprocess.run(
            [node, str(RUNNER), *(["--root", str(root)] if root else []), str(cases_file)],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=NODE_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"{RUNNER.name} did not finish within {NODE_TIMEOUT_S} s\n"
                    f"stderr so far:\n{exc.stderr or ''}", pytrace=False)
    parsed = None
    if proc.stdout.strip():
        try:
            parsed = json.loads(proc.stdout)
        except json.JSONDecodeError as exc:
            note = f"\nstdout is not JSON ({exc}):\n{proc.stdout[:2000]}"
            return {"rc": proc.returncode, "stderr": proc.stderr + note, "report": None}
    return {"rc": proc.returncode, "stderr": proc.stderr, "report": parsed}


def run_pyodide_cases(cases: list[dict], cases_file: Path, root: Path | None = None) -> dict:
    """run_pyodide (on a copy of calc/ under `root`, if given), failing unless the runner printed its JSON report."""
    out = run_pyodide(cases, cases_file, root)
    if out["report"] is None:
        pytest.fail(f"{RUNNER.name} exited {out['rc']} without a JSON report:\n{out['stderr'][-4000:]}", pytrace=False)
    return out["report"]


@pytest.fixture(scope="module")
def pyodide_report(tmp_path_factory):
    """Run scripts/dev/pyodide_run.mjs once; return rc, stdout, stderr, parsed JSON."""
    cases = [{k: v[k] for k in ("name", "calculator", "policy", "inputs")} for v in ALL_VECTORS]
    return run_pyodide(cases, tmp_path_factory.mktemp("pyodide_parity") / "cases.json")


@pytest.fixture(scope="module")
def report(pyodide_report):
    if pyodide_report["report"] is None:
        pytest.fail(f"{RUNNER.name} exited {pyodide_report['rc']} without a JSON report:\n"
                    f"{pyodide_report['stderr'][-4000:]}", pytrace=False)
    return pyodide_report["report"]


@pytest.fixture(scope="module")
def cpython_doctests():
    """doctest.testmod of every calc module in CPython, exactly as in Pyodide."""
    results = {}
    for name in MODULES:
        buf = io.StringIO()
        try:
            with contextlib.redirect_stdout(buf):
                mod = importlib.import_module(name)
                res = doctest.testmod(mod, verbose=False, report=False)
            results[name] = {"attempted": res.attempted, "failed": res.failed, "report": buf.getvalue()}
        except BaseException:  # noqa: BLE001 - mirror the Pyodide side
            results[name] = {"attempted": 0, "failed": 1, "error": "import or doctest run raised",
                             "report": buf.getvalue() + traceback.format_exc()}
    return results


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------

def test_node_runner_exits_zero(pyodide_report):
    rc = pyodide_report["rc"]
    detail = pyodide_report["stderr"][-4000:]
    rep = pyodide_report["report"]
    if rc == 3 and rep:
        detail = "run_json raised for: " + ", ".join(sorted(rep.get("crashes", {}))) + "\n" + detail
    assert rc == 0, f"{RUNNER.name} exited {rc}:\n{detail}"
    assert rep is not None, "no JSON report on stdout"
    assert rep["python_version"].startswith("3."), rep["python_version"]
    assert rep["pyodide_version"], rep


def test_same_modules_and_doctests_ran(report, cpython_doctests):
    assert MODULES, f"no calc modules found under {PACKAGE_DIR}"
    assert sorted(report["doctests"]) == MODULES, (
        "Pyodide found a different set of calc modules than CPython:\n"
        f"  only in Pyodide: {sorted(set(report['doctests']) - set(MODULES))}\n"
        f"  only in CPython: {sorted(set(MODULES) - set(report['doctests']))}"
    )
    total = sum(r["attempted"] for r in report["doctests"].values())
    assert total > 0, "no doctest example ran in Pyodide (calc is expected to carry doctests)"
    assert total == sum(r["attempted"] for r in cpython_doctests.values())


@pytest.mark.parametrize("module", MODULES)
def test_doctests_pass_in_pyodide(module, report, cpython_doctests):
    py = report["doctests"].get(module)
    assert py is not None, f"{module} was not doctested in Pyodide"
    assert "error" not in py, f"{module}: import or doctest run raised in Pyodide:\n{py['report']}"
    assert py["failed"] == 0, (
        f"{module}: {py['failed']} of {py['attempted']} doctest examples failed in Pyodide "
        f"({report['python_version'].split()[0]}):\n{py['report']}"
    )
    cp = cpython_doctests[module]
    assert py["attempted"] == cp["attempted"], (
        f"{module}: Pyodide attempted {py['attempted']} doctest examples, CPython {cp['attempted']}"
        + (f"\nCPython report:\n{cp['report']}" if cp["report"] else "")
    )


def _dumps(obj) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=1)


def _subset_mismatches(expect, actual, path="$") -> list[str]:
    if isinstance(expect, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected a mapping, got {actual!r}"]
        out = []
        for k, v in expect.items():
            if k not in actual:
                out.append(f"{path}.{k}: missing (keys present: {sorted(actual)})")
            else:
                out.extend(_subset_mismatches(v, actual[k], f"{path}.{k}"))
        return out
    if isinstance(expect, list):
        if not isinstance(actual, list) or len(actual) != len(expect):
            return [f"{path}: expected a list of {len(expect)} items, got {actual!r}"]
        out = []
        for i, (e, a) in enumerate(zip(expect, actual)):
            out.extend(_subset_mismatches(e, a, f"{path}[{i}]"))
        return out
    if type(expect) is not type(actual) or expect != actual:
        hint = ""
        if isinstance(actual, str) and isinstance(expect, (int, float)) and not isinstance(expect, bool):
            hint = " (money and figures are strings: quote the value in the YAML)"
        return [f"{path}: expected {expect!r}, got {actual!r}{hint}"]
    return []


@pytest.mark.parametrize("vector", ALL_VECTORS, ids=[v["name"] for v in ALL_VECTORS])
def test_vector_parity(vector, report):
    import calc

    name = vector["name"]
    crash = report.get("crashes", {}).get(name)
    assert crash is None, f"calc.run_json raised in Pyodide for {name}:\n{crash}"
    assert name in report["cases"], f"no Pyodide result for {name}"

    cp_result = calc.run(vector["calculator"], vector["policy"], vector["inputs"])
    try:
        cp_text = _dumps(cp_result)
    except TypeError as exc:
        pytest.fail(f"CPython calc.run returned a value that is not JSON ({exc}): {cp_result!r}")
    py_text = _dumps(report["cases"][name])
    assert py_text == cp_text, (
        f"{name}: Pyodide and CPython differ\n--- CPython calc.run\n{cp_text}\n--- Pyodide calc.run_json\n{py_text}"
    )

    cp_json = calc.run_json(vector["calculator"], vector["policy"], json.dumps(vector["inputs"]))
    assert _dumps(json.loads(cp_json)) == cp_text, f"{name}: CPython run_json disagrees with run"

    problems = _subset_mismatches(vector["expect"], cp_result)
    assert not problems, f"{name} ({vector.get('file', 'built-in')}): expect does not match:\n  " + "\n  ".join(problems)
