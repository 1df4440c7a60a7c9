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

from xdist_order import work_order

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


def run_on_two_workers(tmp_path: Path, files: dict[str, str], *options: str) -> tuple[list[tuple[str, str]], str]:
    """A small suite (file name -> text) run with `-n 2 --dist loadgroup` and `options`: the (worker, test
    function) of each passed test in the order they finished, and pytest's output."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", *options, "-v",
                           "-p", "no:cacheprovider", "-c", "/dev/null", "--rootdir", str(tmp_path), str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return re.findall(r"\[(gw\d+)\].*?PASSED \S*::(test_\w+)", proc.stdout), proc.stdout[-2000:]


def test_a_group_runs_on_one_worker(tmp_path: Path) -> None:
    ran, out = run_on_two_workers(tmp_path, {"conftest.py": CONFTEST, "test_a.py": TESTS, "test_b.py": TESTS})
    assert len(ran) == 24, out
    grouped = {worker for worker, name in ran if name == "test_grouped"}
    assert len(grouped) == 1, f"the group ran on {sorted(grouped)}:\n{out}"


def test_our_groups_are_given_before_xdist_reads_them(pytestconfig: pytest.Config) -> None:
    ours = Path(__file__).with_name("conftest.py")
    (conftest,) = [p for p in pytestconfig.pluginmanager.get_plugins() if getattr(p, "__file__", None) == str(ours)]
    assert conftest.pytest_collection_modifyitems.pytest_impl.get("tryfirst") is True


class _Item:
    def __init__(self, nodeid: str, group: str | None = None, site: bool = False, builds: bool = False) -> None:
        self.nodeid, self.group, self.builds = nodeid, group, site or builds
        self.fixturenames = ["built_site"] if site else []

    def get_closest_marker(self, name: str):
        if name == "xdist_group":
            return pytest.mark.xdist_group(self.group).mark if self.group else None
        return pytest.mark.site.mark if name == "site" and self.builds else None


def test_work_order_builds_the_site_beside_the_work_that_does_not_need_it() -> None:
    items = [_Item("a1"), _Item("s1", "S", True), _Item("b1", "B"), _Item("s2", "S", True), _Item("b2", "B"),
             _Item("c1", site=True), _Item("r1", "R", True), _Item("a2"), _Item("s3", "S", True),
             _Item("h1", "H", builds=True), _Item("h2", "H", builds=True), _Item("h3", "H", builds=True),
             _Item("h4", "H", builds=True)]
    # H builds a site of its own, the largest group: after the first build (the engine's brotli is cached by then)
    assert [i.nodeid for i in work_order(items)] == ["s1", "s2", "s3", "b1", "b2", "a1", "a2",
                                                     "h1", "h2", "h3", "h4", "c1", "r1"]
    assert work_order([]) == []
    no_site = [_Item("a1"), _Item("b1", "B"), _Item("b2", "B")]
    assert [i.nodeid for i in work_order(no_site)] == ["b1", "b2", "a1"]


ORDERED_CONFTEST = f"""
import sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
import pytest
from xdist_order import work_order

@pytest.fixture(scope="session")
def built_site():
    return None

@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        for group in ("first", "later"):
            if group in item.nodeid:
                item.add_marker(pytest.mark.xdist_group(group))
    items[:] = work_order(items)
"""
ORDERED_TESTS = """
import time
import pytest

@pytest.mark.parametrize("n", range(3))
def test_first(built_site, n):
    time.sleep(2 if n == 0 else 0)   # the build

@pytest.mark.parametrize("n", range(2))
def test_later(built_site, n):
    pass

@pytest.mark.parametrize("n", range(8))
def test_free(n):
    pass
"""


def test_the_other_worker_runs_what_needs_no_site_while_the_site_builds(tmp_path: Path) -> None:
    ran, out = run_on_two_workers(tmp_path, {"conftest.py": ORDERED_CONFTEST, "test_a.py": ORDERED_TESTS},
                                  "--no-loadscope-reorder")
    assert len(ran) == 13, out
    (builder,) = {worker for worker, name in ran if name == "test_first"}
    assert {worker for worker, name in ran if name == "test_free"} != {builder}, out
    assert [name for worker, name in ran if worker != builder][:8] == ["test_free"] * 8, out


def test_make_keeps_this_order() -> None:
    """xdist's own reordering (groups by size) would undo work_order."""
    makefile = (Path(__file__).parent.parent / "Makefile").read_text(encoding="utf-8")
    (xdist,) = re.findall(r"^XDIST \?= (.*)$", makefile, flags=re.M)
    assert "--dist loadgroup" in xdist and "--no-loadscope-reorder" in xdist, xdist
