"""The trimmed standard library as bytecode, compiled by the engine itself (issue 14).

Pyodide's stdlib zip holds .py files only, so every boot compiled what it imported: about 130
modules, most of them Pyodide's own start-up. `compiled_zip` turns the trimmed zip into one of
unchecked-hash .pyc files (docstrings and column positions left out: 0.84 MB for 0.69 MB of
deflated sources), compiled inside the npm
Pyodide under Node (scripts/bundle/bytecode.mjs), so the bytecode's magic number is always the
engine's. zipimport reads a .pyc before a .py and needs no source beside it. `calc_pycs` does the
same for calc (scripts/bundle/bundle_calc.py puts them beside its sources in calc-bundle.js). Measured with
scripts/bench/widget.py (e): first result ≈ 0.25× of the all-source boot in Chromium.

Compiling takes ~8 s (Node boots Pyodide), so results are cached by the content of the source zip,
the compiler script and the engine under ~/.cache/mingbai/bytecode/ (MINGBAI_BYTECODE_CACHE).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from scripts.bundle.engine_errors import EngineBuildError
from scripts.paths import ROOT
from scripts.write_files import write_if_changed

SCRIPT = Path(__file__).with_name("bytecode.mjs")
PYODIDE = ROOT / "node_modules" / "pyodide"
CACHE = Path(os.environ.get("MINGBAI_BYTECODE_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
             / "mingbai" / "bytecode")


class BytecodeError(EngineBuildError):
    pass


def _engine_id() -> bytes:
    """What decides the bytecode: the engine's version and its interpreter's size."""
    version = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    return f"{version}:{(PYODIDE / 'pyodide.asm.wasm').stat().st_size}".encode()


def compiled_zip(source_zip: bytes, prefix: str | None = None) -> bytes:
    """source_zip with every .py replaced by its .pyc; with prefix (where the files live at run
    time), only the __pycache__/*.pyc of each .py instead (scripts/bundle/bytecode.mjs). Deterministic; cached."""
    if shutil.which("node") is None or not (PYODIDE / "pyodide.mjs").is_file():
        raise BytecodeError("编译字节码需要 node 和 node_modules/pyodide（npm ci） / "
                            "compiling bytecode needs node and node_modules/pyodide (npm ci)")
    key = hashlib.sha256(source_zip + SCRIPT.read_bytes() + _engine_id() + (prefix or "").encode()).hexdigest()
    cached = CACHE / f"{key}.zip"
    if cached.is_file():
        return cached.read_bytes()
    with tempfile.TemporaryDirectory(prefix="mingbai-pyc-") as tmp:
        src, out = Path(tmp) / "in.zip", Path(tmp) / "out.zip"
        src.write_bytes(source_zip)
        proc = subprocess.run(["node", str(SCRIPT), str(src), str(out), *([prefix] if prefix else [])],
                              capture_output=True, text=True, timeout=600, cwd=ROOT)
        if proc.returncode != 0:
            raise BytecodeError(f"bytecode.mjs failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        data = out.read_bytes()
    write_if_changed(cached, data)   # whole: parallel builds never read half a file
    return data


def calc_pycs(files: dict[str, str], root: str) -> dict[str, bytes]:
    """{"calc/__pycache__/<stem>.<cache_tag>.pyc": bytecode} for calc's {"calc/<path>.py": source},
    as the importer finds them once the worker writes the files under root (calc-worker.js CALC_ROOT)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            z.writestr(info, files[name].encode("utf-8"))
    with zipfile.ZipFile(io.BytesIO(compiled_zip(buf.getvalue(), root))) as z:
        return {name: z.read(name) for name in sorted(z.namelist())}
