"""pytest-xdist keeps a group on one worker (`--dist loadgroup`, the groups tests/conftest.py gives).

The suites rely on it: a module-scoped fixture (a built site, a booted page, the page audit) is made once
only if its tests share a worker. Nothing fails when grouping stops — each worker quietly makes the
fixture again. Two things broke it here: the markers were added in a conftest hook that ran after
xdist's worker had read them (it must be tryfirst), and pytest 9.2's structured node ids drop the group
suffix xdist 3.8 writes (pytest-dev/pytest-xdist#1386: pytest stays on 9.1 until that is fixed). This runs
a small suite the same way as ours — markers added in a conftest's tryfirst collection hook — and checks
that tests/conftest.py's hook is tryfirst.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = '''
import pytest

@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if "grouped" in item.nodeid:
            item.add_marker(pytest.mark.xdist_group("together"))
'''
TESTS = '''
import pytest

@pytest.mark.parametrize("n", range(6))
def test_grouped(n):
    pass

@pytest.mark.parametrize("n", range(6))
def test_free(n):
    pass
'''


def test_a_group_runs_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tmp_path / "test_a.py").write_text(TESTS, encoding="utf-8")
    (tmp_path / "test_b.py").write_text(TESTS, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider",
                           "-c", "/dev/null", "--rootdir", str(tmp_path), str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    ran = re.findall(r"\[(gw\d+)\].*?PASSED \S*::(test_\w+)", proc.stdout)
    assert len(ran) == 24, proc.stdout[-2000:]
    grouped = {worker for worker, name in ran if name == "test_grouped"}
    assert len(grouped) == 1, f"the group ran on {sorted(grouped)}:\n{proc.stdout[-2000:]}"


def test_our_groups_are_given_before_xdist_reads_them(pytestconfig: pytest.Config) -> None:
    ours = Path(__file__).with_name("conftest.py")
    (conftest,) = [p for p in pytestconfig.pluginmanager.get_plugins() if getattr(p, "__file__", None) == str(ours)]
    assert conftest.pytest_collection_modifyitems.pytest_impl.get("tryfirst") is True
