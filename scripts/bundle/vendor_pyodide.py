"""Copy the Pyodide runtime files the widget needs from node_modules (npm) into the site.

Never a CDN: the files come from the `pyodide` npm package pinned in
package.json / package-lock.json (`npm ci`). Only what the calculator worker
loads at runtime is copied:

    pyodide.js          loader (importScripts in the worker)
    pyodide.asm.js      Emscripten glue
    pyodide.asm.wasm    the interpreter
    python_stdlib.zip   the standard library
    pyodide-lock.json   package index loadPyodide() reads at start-up

and writes python_stdlib_calc.zip beside them: the standard library trimmed to what
Pyodide's start-up and calc import (scripts/bundle/trim_stdlib.py), which the worker loads instead.

Files already present with the same size and mtime are left alone.

Usage: python -m scripts.bundle.vendor_pyodide [NODE_MODULES] OUT_DIR
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from scripts.bundle.engine_errors import EngineBuildError
from scripts.bundle.trim_stdlib import write_trimmed
from scripts.paths import ROOT

RUNTIME_FILES = (
    "pyodide.js",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


class VendorError(RuntimeError):
    """Pyodide is not installed (or incomplete) under node_modules."""


def _same(src: Path, dst: Path) -> bool:
    if not dst.is_file():
        return False
    a, b = src.stat(), dst.stat()
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)


def pyodide_version(node_modules: Path) -> str | None:
    try:
        return json.loads((Path(node_modules) / "pyodide" / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


def vendor_pyodide(node_modules: Path, out_dir: Path) -> None:
    """Copy RUNTIME_FILES from node_modules/pyodide to out_dir (skips identical files)."""
    src_dir = Path(node_modules) / "pyodide"
    if not src_dir.is_dir():
        raise VendorError(
            f"找不到 {src_dir}：请先在仓库根目录运行 `npm ci` 安装 Pyodide（package.json 固定了版本）。\n"
            f"{src_dir} not found: run `npm ci` in the repository root first to install Pyodide "
            "(the version is pinned in package.json)."
        )
    missing = [name for name in RUNTIME_FILES if not (src_dir / name).is_file()]
    if missing:
        raise VendorError(
            f"{src_dir} 不完整，缺少 {', '.join(missing)}：请删除 node_modules 后重新运行 `npm ci`。\n"
            f"{src_dir} is incomplete (missing {', '.join(missing)}): delete node_modules and run `npm ci` again."
        )
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        src, dst = src_dir / name, out_dir / name
        if _same(src, dst):
            continue
        tmp = dst.with_name(dst.name + ".tmp")
        shutil.copy2(src, tmp)  # copy2 keeps the mtime, so the next build can skip it
        tmp.replace(dst)
    try:
        write_trimmed(out_dir)
    except EngineBuildError as exc:
        raise VendorError(str(exc)) from None


def main(argv: list[str]) -> int:
    if len(argv) == 1:
        node_modules, out = ROOT / "node_modules", Path(argv[0])
    elif len(argv) == 2:
        node_modules, out = Path(argv[0]), Path(argv[1])
    else:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    try:
        vendor_pyodide(node_modules, out)
    except VendorError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
