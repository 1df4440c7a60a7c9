"""The standard library ships as bytecode compiled by the engine itself (scripts/bundle/bytecode.py, issue 14):
every member of the trimmed zip is an unchecked-hash .pyc with the engine's magic number, no source is
left beside it, and what Pyodide imports at start-up and for calc is that bytecode. The answers are
checked against CPython on every vector and example in tests/test_trim_stdlib.py (same zip). What Pyodide
imported is read from the one run of the fuzz parity sample on that zip (tests/conftest.py
`fuzz_sample_on_shipped`), so this module boots Pyodide only to compile a tiny zip afresh."""
from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import calc  # noqa: E402
from scripts.bundle import bytecode, trim_stdlib  # noqa: E402

PYODIDE = REPO / "node_modules" / "pyodide"
pytestmark = pytest.mark.pyodide
UNCHECKED_HASH = 0b01   # PEP 552 flags: hash-based, source never checked


sys.path.insert(0, str(REPO / "tests"))


@pytest.fixture(scope="module")
def report(fuzz_sample_on_shipped) -> dict:
    """What Pyodide imported and answered on the trimmed zip: the fuzz parity sample's run (tests/conftest.py),
    which test_fuzz_calculators.py reads too, so no Pyodide boot of this module's own; every test vector and
    worked example on the same zip: tests/test_trim_stdlib.py."""
    return fuzz_sample_on_shipped[1]


def test_every_listed_module_is_bytecode_and_no_source_is_left(trimmed):
    with zipfile.ZipFile(trimmed) as z:
        names = set(z.namelist())
    listed = trim_stdlib.keep_list()
    assert {n[:-3] + ".pyc" for n in listed if n.endswith(".py")} <= names
    assert not [n for n in names if n.endswith(".py")]


def test_the_bytecode_stays_lean(trimmed):
    """Docstrings and column positions left out: little more on the wire than the deflated sources
    (0.84 vs 0.69 MB; with both kept it was 1.29 MB)."""
    source = trim_stdlib.trimmed_bytes(PYODIDE / trim_stdlib.FULL, trim_stdlib.keep_list())
    assert trimmed.stat().st_size < 1.3 * len(source)


def test_every_pyc_carries_the_engines_magic_and_needs_no_source(trimmed, report):
    magic = bytes.fromhex(report["magic"])
    with zipfile.ZipFile(trimmed) as z:
        for name in (n for n in z.namelist() if n.endswith(".pyc")):
            head = z.read(name)[:8]
            assert head[:4] == magic, f"{name}: magic {head[:4].hex()} is not the engine's {magic.hex()}"
            assert int.from_bytes(head[4:8], "little") == UNCHECKED_HASH, name


def test_what_pyodide_imports_from_the_stdlib_is_the_bytecode(report):
    assert report["files"], "nothing imported from the stdlib zip?"
    assert sorted(f + "c" for f in report["files"]) == report["from_bytecode"]
    assert "decimal.pyc" in report["from_bytecode"]


def test_calc_answers_as_cpython_on_the_bytecode(fuzz_sample_on_shipped):
    """Every computed answer of the run the tests above read is CPython's (it once ran five test vectors of its
    own; those and every other vector run on the same zip in tests/test_trim_stdlib.py)."""
    cases, report = fuzz_sample_on_shipped
    assert len(report["results"]) == len(cases)
    computed = [(case, got) for case, got in zip(cases, report["results"]) if got["ok"]]
    assert len(computed) >= len(cases) // 10, len(computed)
    for case, got in computed:
        assert got == calc.run(case["calculator"], case["policy"], case["inputs"]), case


def test_the_output_is_deterministic_and_cached(trimmed, tmp_path, monkeypatch):
    source = trim_stdlib.trimmed_bytes(PYODIDE / trim_stdlib.FULL, trim_stdlib.keep_list())
    assert bytecode.compiled_zip(source) == trimmed.read_bytes()
    # a tiny zip compiled afresh (empty cache) gives the same bytes twice
    monkeypatch.setattr(bytecode, "CACHE", tmp_path / "cache")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("m.py", '"""doc"""\nX = 1\n')
    first = bytecode.compiled_zip(buf.getvalue())
    assert list((tmp_path / "cache").glob("*.zip"))
    assert first == bytecode.compiled_zip(buf.getvalue())
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert z.namelist() == ["m.pyc"]


def test_calc_bytecode_for_the_worker_matches_the_engine(report):
    """bundle_calc's bytecode=True (measured by scripts/bench/widget.py, not shipped): one pyc per
    module, named for the engine's importer, with its magic."""
    from scripts.bundle.bundle_calc import CALC_ROOT, calc_files, render_calc_bundle

    files = calc_files(REPO / "calc")
    pycs = bytecode.calc_pycs(files, CALC_ROOT)
    magic = bytes.fromhex(report["magic"])
    tag = re.fullmatch(r"calc/__pycache__/__init__\.(cpython-3\d+)\.pyc", min(pycs)).group(1)
    assert sorted(pycs) == sorted(
        name.rsplit("/", 1)[0] + "/__pycache__/" + name.rsplit("/", 1)[1][:-3] + f".{tag}.pyc" for name in files)
    assert all(data[:4] == magic and int.from_bytes(data[4:8], "little") == UNCHECKED_HASH for data in pycs.values())
    assert "self.MINGBAI_CALC_PYC = " in render_calc_bundle(REPO / "calc", bytecode=True)
    assert "MINGBAI_CALC_PYC" not in render_calc_bundle(REPO / "calc")


def test_the_fuzz_sample_answers_as_cpython_on_the_shipped_bytecode(fuzz_sample_on_shipped):
    """The fuzz parity sample (tests/test_fuzz_calculators.py, which checks the same run byte for byte) on the
    stdlib the site ships: the same answers as CPython, every module read from bytecode."""
    cases, report = fuzz_sample_on_shipped
    assert sorted(f + "c" for f in report["files"]) == report["from_bytecode"]
    differ = [c for c, got in zip(cases, report["results"])
              if got != json.loads(calc.run_json(c["calculator"], c["policy"], json.dumps(c["inputs"])))]
    assert not differ, f"{len(differ)} of {len(cases)} differ, e.g. {differ[:2]}"
