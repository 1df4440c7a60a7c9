"""ESLint over the site's scripts and the Node tools (eslint.config.mjs; pinned in package.json),
and the widget's bundle (scripts/bundle/widget_bundle.py, esbuild).

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
pytestmark = pytest.mark.node   # eslint, esbuild, node --check
ESLINT = REPO / "node_modules" / ".bin" / "eslint"
ESBUILD = REPO / "node_modules" / ".bin" / "esbuild"
TARGETS = ("docs/assets/mingbai", "scripts", "eslint.config.mjs")


def _need(tool: Path) -> None:
    """Skip without the npm tool or node (a failure under CI, where `make install` ran)."""
    if not tool.is_file() or shutil.which("node") is None:
        message = f"{tool.relative_to(REPO)} or node missing: run `make install` (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def test_javascript_lints_clean():
    _need(ESLINT)
    proc = subprocess.run([str(ESLINT), "--max-warnings=0", "--no-color", *TARGETS], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    report = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0, f"ESLint findings (fix the code, see eslint.config.mjs):\n{report}"


def test_widget_bundle_is_one_classic_script(tmp_path):
    """The modules bundle into one script a <script src> (not type=module) runs: it parses as a script."""
    from scripts.bundle.widget_bundle import write_widget_bundle

    _need(ESBUILD)
    out = tmp_path / "widget.js"
    write_widget_bundle(REPO / "docs" / "assets" / "mingbai" / "widget", out)
    text = out.read_text(encoding="utf-8")
    assert "window.MingbaiWidget" in text and '"use strict";' in text
    check = subprocess.run(["node", "--check", str(out)], capture_output=True, text=True)   # .js: a CommonJS script
    assert check.returncode == 0, check.stderr


def test_widget_bundle_error_names_the_file(tmp_path):
    from scripts.bundle.widget_bundle import WidgetBundleError, write_widget_bundle

    _need(ESBUILD)
    (tmp_path / "main.js").write_text('import { missing } from "./nowhere.js";\nmissing();\n', encoding="utf-8")
    with pytest.raises(WidgetBundleError, match=r"(?s)小部件打包失败 / widget bundle failed.*nowhere\.js"):
        write_widget_bundle(tmp_path, tmp_path / "out.js")
    assert not (tmp_path / "out.js").exists()
