"""Builds are atomic: a failed build leaves the previous site untouched."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    proc = subprocess.run([sys.executable, "scripts/build_site.py", "--site-dir", str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr   # mkdocs prints the abort message on stdout
    assert "unknown-unit.yaml:26: parameters.base_ratio.unit:" in output
    assert "Traceback" not in output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policies", "site"]   # no staging left behind
