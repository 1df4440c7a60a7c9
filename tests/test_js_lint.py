"""ESLint over the site's scripts and the Node tools (eslint.config.mjs; pinned in package.json).

The browser assets (docs/assets/mingbai/*.js, classic scripts), the widget's ES modules
(docs/assets/mingbai/widget/, bundled into widget.js) and scripts/**/*.mjs: any finding fails
the test with ESLint's own report (file:line:column, rule).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ESLINT = REPO / "node_modules" / ".bin" / "eslint"
TARGETS = ("docs/assets/mingbai", "scripts", "eslint.config.mjs")


def test_javascript_lints_clean():
    if not ESLINT.is_file() or shutil.which("node") is None:
        message = f"{ESLINT.relative_to(REPO)} or node missing: run `make install` (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    proc = subprocess.run([str(ESLINT), "--max-warnings=0", "--no-color", *TARGETS], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    report = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0, f"ESLint findings (fix the code, see eslint.config.mjs):\n{report}"
