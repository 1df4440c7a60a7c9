"""Builds are atomic: a failed build leaves the previous site untouched."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.site   # every test runs the real build
BROKEN = ROOT / "tests" / "fixtures" / "broken" / "unknown-unit.yaml"


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    policies = tmp_path / "policies"
    (policies / "sources").mkdir(parents=True)
    (policies / "sources" / "000_65321096e8faf93d.txt").write_bytes(
        (ROOT / "policies" / "sources" / "000_65321096e8faf93d.txt").read_bytes())
    (policies / "unknown-unit.yaml").write_bytes(BROKEN.read_bytes())
    env = {**os.environ, "MINGBAI_POLICIES_DIR": str(policies), "MINGBAI_POLICY_DATA": str(tmp_path / "data.json")}
    proc = subprocess.run([sys.executable, "-m", "scripts.bundle.build_site", "--site-dir", str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr   # mkdocs prints the abort message on stdout
    line, field = BROKEN.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ").split()
    assert f"unknown-unit.yaml:{line}: {field}:" in output   # the fixture names its own problem
    assert "Traceback" not in output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policies", "site"]   # no staging left behind


# ---- issue 12, items 8, 9 and 12: failure after validation, the rename window, an interrupt, the compiled data

from repo_copy import copy_repo  # noqa: E402

PREVIOUS_DATA = '{"format": 1, "policies": {}, "note": "previous build"}\n'


def _copy(tmp_path: Path) -> Path:
    root = copy_repo(tmp_path / "repo")
    (root / "calc" / "data" / "policies.json").write_text(PREVIOUS_DATA, encoding="utf-8")
    return root


def _build(root: Path, site: Path, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINGBAI_")}
    return subprocess.run([sys.executable, "-m", "scripts.bundle.build_site", "--site-dir", str(site)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600, **kw)


def test_a_build_failing_after_validation_leaves_site_and_compiled_data(tmp_path: Path) -> None:
    """The policies are valid (compiled data is made) but vendoring Pyodide fails in on_post_build."""
    root = _copy(tmp_path)
    (root / "node_modules").unlink()          # no Pyodide to vendor: the build stops after validation
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    proc = _build(root, site)
    assert proc.returncode != 0, (proc.stdout + proc.stderr)[-3000:]
    assert "Traceback" not in proc.stdout + proc.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert (root / "calc" / "data" / "policies.json").read_text(encoding="utf-8") == PREVIOUS_DATA, \
        "the failed build rewrote calc/data/policies.json: the CLI and the site now disagree"
    assert sorted(p.name for p in (root / "calc" / "data").iterdir()) == ["policies.json"]   # no staged file left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]


def test_a_build_killed_between_the_renames_keeps_the_last_good_site(tmp_path: Path) -> None:
    """Killed after `site → site.old`, before `site.building → site`: the next build, even a failing
    one, must not delete site.old — it is the last good site, and is put back."""
    root = _copy(tmp_path)
    (root / "policies" / "unknown-unit.yaml").write_bytes(BROKEN.read_bytes())   # the next build fails
    retired = tmp_path / "site.old"
    retired.mkdir()
    (retired / "index.html").write_text("last good build", encoding="utf-8")
    (tmp_path / "site.building").mkdir()      # a half-written staging directory from the killed build
    proc = _build(root, tmp_path / "site")
    assert proc.returncode != 0
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "last good build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]


def test_an_interrupted_build_changes_nothing(tmp_path: Path) -> None:
    import signal
    import time
    root = _copy(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINGBAI_")}
    proc = subprocess.Popen([sys.executable, "-m", "scripts.bundle.build_site", "--site-dir", str(site)], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    import tempfile

    from scripts.site.pages_dir import prefix
    mine = prefix(site.with_name(site.name + ".building")) + "*"   # this build's pages directory (random suffix)
    deadline = time.monotonic() + 120
    while not any(Path(tempfile.gettempdir()).glob(mine + "/index.md")) and time.monotonic() < deadline:   # past validation
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    for pages in Path(tempfile.gettempdir()).glob(mine):   # the killed build's generated pages (a temporary directory)
        shutil.rmtree(pages, ignore_errors=True)
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert (root / "calc" / "data" / "policies.json").read_text(encoding="utf-8") == PREVIOUS_DATA
    # the next build succeeds, replaces the site and then the compiled data, and leaves nothing behind
    done = _build(root, site)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "previous build" not in (site / "index.html").read_text(encoding="utf-8")
    assert (root / "calc" / "data" / "policies.json").read_text(encoding="utf-8") != PREVIOUS_DATA
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]
    assert sorted(p.name for p in (root / "calc" / "data").iterdir()) == ["policies.json"]
