"""Build assets/mingbai/widget.js, the one classic script pages load, from the widget's ES modules.

The widget's hand-written sources are small ES modules under docs/assets/mingbai/widget/
(entry: main.js; mkdocs.yml `exclude_docs` keeps them out of the site). esbuild, pinned in
package.json (devDependencies), bundles them into one IIFE for ES2017 browsers, not minified
(the output reads like the sources), UTF-8 kept as it is. The site gets the bundle
(scripts/site/plugin.py on_post_build, before the engine's size is stamped into it by
scripts/bundle/wire.py); so do the test fixture sites (tests/browser/conftest.py).

The widget's words are not in its sources: text.js imports them as the module `mingbai-ui-words`,
which esbuild resolves to scripts/site/ui_words.json (an alias), the one file holding the site's own
words for Python and the widget; only the file's `widget` section reaches the bundle.

esbuild runs in the sources' folder, so the file names in the bundle's comments do not depend on
where the build runs: the output is deterministic and written only when changed.

Usage: python -m scripts.bundle.widget_bundle [SRC_DIR] OUT_FILE
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..paths import ROOT
from ..site.ui_words import WIDGET_MODULE, WORDS_FILE
from ..write_files import write_if_changed

SOURCES = ROOT / "docs" / "assets" / "mingbai" / "widget"
ENTRY = "main.js"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
BANNER = ("/* Mingbai calculator widget, bundled by scripts/bundle/widget_bundle.py (esbuild) from the ES modules "
          "in docs/assets/mingbai/widget/ - edit those, not this file. */")
OPTIONS = ("--bundle", "--format=iife", "--target=es2017", "--charset=utf8", "--log-level=warning")


class WidgetBundleError(RuntimeError):
    pass


def widget_sources(src_dir: Path = SOURCES) -> list[Path]:
    """The widget's module files, sorted, and the words file they import (what the build scans for the
    繁體 character table too)."""
    return [*sorted(Path(src_dir).glob("*.js")), WORDS_FILE]


def bundle_widget(src_dir: Path = SOURCES) -> str:
    """The bundled classic script's text."""
    src_dir = Path(src_dir)
    if not (src_dir / ENTRY).is_file():
        raise WidgetBundleError(f"缺少小部件入口 / widget entry missing: {src_dir / ENTRY}")
    if not ESBUILD.is_file():
        raise WidgetBundleError(
            f"找不到 esbuild（{ESBUILD}）：请先运行 make install（npm ci）/ "
            f"esbuild not found at {ESBUILD}: run `make install` (npm ci) first")
    proc = subprocess.run([str(ESBUILD), ENTRY, *OPTIONS, f"--alias:{WIDGET_MODULE}={WORDS_FILE}", f"--banner:js={BANNER}"], cwd=src_dir,
                          capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise WidgetBundleError(f"小部件打包失败 / widget bundle failed ({src_dir}):\n{proc.stderr.strip()}")
    return proc.stdout


def write_widget_bundle(src_dir: Path, out_path: Path) -> bool:
    """Bundle src_dir's modules into out_path; True when the file was (re)written."""
    return write_if_changed(Path(out_path), bundle_widget(src_dir))


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    src, out = (SOURCES, argv[0]) if len(argv) == 1 else argv
    try:
        write_widget_bundle(Path(src), Path(out))
    except WidgetBundleError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
