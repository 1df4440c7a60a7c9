"""Markers true to what each test needs, and the fixtures tests of several modules share.

Markers (`pytest -m`; registered in pyproject.toml):
- `site`: builds or serves the site with mkdocs (a build is ~10–60 s);
- `node`: runs a Node tool (esbuild, eslint), without Pyodide;
- `pyodide`: runs calc inside Pyodide under Node;
- `browser`: drives Chromium through Playwright.
`make check` runs what has none of them (unit, doctest, schema, CLI, vectors) with a small fixed
hypothesis sample; `make test` runs everything. Both run on pytest-xdist workers (`-n auto --dist
loadgroup`): tests sharing a costly module or session fixture are grouped onto one worker below. A test whose fixtures build the site or the
shipped bytecode gets its marker here, from the fixture (so a new test using one cannot miss it);
a test that builds or runs Node itself carries the marker in its module.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))   # `support` (tests/site_cache.py builds with it)
from site_cache import cached_site  # noqa: E402  (tests/: on sys.path, this file's folder)
from xdist_order import work_order  # noqa: E402
# not collected for doctests (it has none): tests/browser/conftest.py is also module `conftest`, and
# collecting this file after that one is imported fails with an import-file mismatch
collect_ignore = ["conftest.py"]

# fixtures (by name, anywhere in a test's fixture closure) → the marker a test using them needs
FIXTURE_MARKERS = {
    "built_site": "site",      # below: `mkdocs build --strict` of the real site
    "trimmed": "pyodide",      # below: the stdlib zip compiled to bytecode by Pyodide under Node
}


# session fixtures read by several modules: their tests run on one worker, so each is made once
SHARED = ("trimmed",    # the shipped stdlib zip (below)
          "audited")    # the page audit (tests/browser/page_audit.py)


def _xdist_group(item: pytest.Item) -> str | None:
    """The pytest-xdist group (`--dist loadgroup`: one worker runs a whole group) that keeps a costly
    fixture made once: the tests sharing one of SHARED, and each module with a module-scoped fixture (a
    build, a served site, a booted page). Other tests go to whichever worker is free."""
    for name in SHARED:
        if name in getattr(item, "fixturenames", ()):
            return name
    info = getattr(item, "_fixtureinfo", None)
    defs = info.name2fixturedefs.values() if info is not None else ()
    if any(d and d[-1].scope in ("module", "package", "class") for d in defs):
        return item.nodeid.split("::", 1)[0]
    return None


# tryfirst: pytest-xdist's worker reads the xdist_group markers in its own collection hook; a conftest's
# runs after it unless asked to run first, and its groups would never form (tests/test_xdist_groups.py)
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        for fixture, marker in FIXTURE_MARKERS.items():
            if fixture in needs and not item.get_closest_marker(marker):
                item.add_marker(getattr(pytest.mark, marker))
        group = _xdist_group(item)
        if group and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(group))
    if os.environ.get("PYTEST_XDIST_WORKER"):   # the order pytest-xdist hands work out in (--no-loadscope-reorder)
        items[:] = work_order(items)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site (`mkdocs build --strict`), shared by every test and worker while its inputs are
    unchanged (tests/site_cache.py): read it, never write into it."""
    try:
        return cached_site(tmp_root=tmp_path_factory.getbasetemp())
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def trimmed(tmp_path_factory) -> Path:
    """The zip the site ships: the stdlib trimmed, then compiled to bytecode (scripts/bundle/bytecode.py);
    made once per session (tests/test_trim_stdlib.py and tests/test_bytecode.py share it)."""
    from scripts.bundle import trim_stdlib

    pyodide = REPO / "node_modules" / "pyodide"
    if shutil.which("node") is None or not (pyodide / trim_stdlib.FULL).is_file():
        pytest.skip("node or node_modules/pyodide missing (npm ci)")
    pyodide_dir = tmp_path_factory.mktemp("stdlib")
    shutil.copy(pyodide / trim_stdlib.FULL, pyodide_dir / trim_stdlib.FULL)
    return trim_stdlib.write_trimmed(pyodide_dir)


@pytest.fixture(scope="session")
def fuzz_sample_on_shipped(trimmed) -> tuple[list[dict], dict]:
    """The fuzz parity sample (tests/test_fuzz_calculators.py `parity_sample`) run once in Pyodide under Node on
    the stdlib the site ships (`trimmed`): (cases, scripts/bundle/stdlib_used.mjs's report, "results" in case
    order). Two tests read the one run (~15 s): calc's answers byte for byte CPython's
    (test_fuzz_calculators.py) and every module read from bytecode (test_bytecode.py)."""
    from scripts.bundle import trim_stdlib
    from test_fuzz_calculators import parity_sample

    cases = parity_sample()
    report = trim_stdlib.run_in_pyodide([{k: c[k] for k in ("calculator", "policy", "inputs")} for c in cases], trimmed)
    assert len(report["results"]) == len(cases), (len(report["results"]), len(cases))
    return cases, report

