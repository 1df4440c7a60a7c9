"""A standard library trimmed to what Pyodide's start-up and calc import (issue 14).

Pyodide's python_stdlib.zip is 2.4 MB and already deflated (compression gains < 2 %); calc and
Pyodide's start-up import about 130 of its 579 files. `write_trimmed` writes
assets/pyodide/python_stdlib_calc.zip (≈ 0.7 MB) from the vendored zip with only the members
listed in scripts/bundle/stdlib_keep.txt, compiled to bytecode (scripts/bundle/bytecode.py: ≈ 0.84 MB);
calc-worker.js loads it through loadPyodide's `stdLibURL`.

The list is made by running calc in Pyodide under Node over every test vector and worked example
and recording the modules imported (scripts/bundle/stdlib_used.mjs):

    python -m scripts.bundle.trim_stdlib --list      # rewrite scripts/bundle/stdlib_keep.txt

tests/test_trim_stdlib.py runs every vector and example on the trimmed zip and compares with
CPython, and fails when calc imports a file the list lacks (then rerun --list).
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from calc.data import load_policies
from scripts.bundle.bytecode import compiled_zip
from scripts.bundle.engine_errors import EngineBuildError
from scripts.paths import ROOT
from scripts.write_files import write_if_changed

KEEP = Path(__file__).with_name("stdlib_keep.txt")
FULL, TRIMMED = "python_stdlib.zip", "python_stdlib_calc.zip"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class TrimError(EngineBuildError):
    pass


def keep_list() -> list[str]:
    return [line.strip() for line in KEEP.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def trimmed_bytes(full_zip: Path, names: list[str]) -> bytes:
    """The trimmed zip's bytes (deterministic: sorted members, fixed dates)."""
    with zipfile.ZipFile(full_zip) as src:
        present = set(src.namelist())
        missing = [n for n in names if n not in present]
        if missing:
            raise TrimError(f"{full_zip} 缺少 / lacks {', '.join(missing[:5])}: Pyodide changed? "
                            "run `python -m scripts.bundle.trim_stdlib --list`")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for name in sorted(set(names)):
                info = zipfile.ZipInfo(name, ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                out.writestr(info, src.read(name), compresslevel=9)
    return buf.getvalue()


def write_trimmed(pyodide_dir: Path, bytecode: bool = True) -> Path:
    """pyodide_dir/python_stdlib_calc.zip from pyodide_dir/python_stdlib.zip (only when it changed),
    as bytecode compiled by the engine (scripts/bundle/bytecode.py) unless bytecode=False."""
    out = Path(pyodide_dir) / TRIMMED
    data = trimmed_bytes(Path(pyodide_dir) / FULL, keep_list())
    write_if_changed(out, compiled_zip(data) if bytecode else data)
    return out


def cases() -> list[dict]:
    """Every test vector and every worked example, as {"calculator", "policy", "inputs"}."""
    sys.path.insert(0, str(ROOT))
    # tests/ is no package of the project (not installed, not on the path unless ROOT is): imported here, for --list only
    from tests.test_pyodide_parity import load_vectors

    out = [{"calculator": v["calculator"], "policy": v["policy"], "inputs": v["inputs"]} for v in load_vectors()]
    for pid, policy in sorted(load_policies().items()):
        for example in policy.get("examples", []):
            out.append({"calculator": example.get("calculator") or policy["calculators"][0], "policy": pid,
                        "inputs": example.get("inputs") or {}})
    return out


def run_in_pyodide(case_list: list[dict], stdlib: Path | None = None, timeout: int = 600) -> dict:
    """{"files", "results"} from scripts/bundle/stdlib_used.mjs (node + the npm Pyodide)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.json"
        path.write_text(json.dumps(case_list, ensure_ascii=True), encoding="utf-8")
        cmd = ["node", str(Path(__file__).with_name("stdlib_used.mjs")), str(ROOT), str(path)]
        if stdlib is not None:
            cmd.append(str(stdlib))
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if proc.returncode != 0:
        raise TrimError(f"stdlib_used.mjs failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def main(argv: list[str]) -> int:
    if argv != ["--list"]:
        print(__doc__.strip().splitlines()[-6], file=sys.stderr)
        return 2
    files = run_in_pyodide(cases())["files"]
    KEEP.write_text("# Standard library files Pyodide's start-up and calc import (python -m scripts.bundle.trim_stdlib --list)\n"
                    + "\n".join(files) + "\n", encoding="utf-8")
    print(f"{KEEP}: {len(files)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
