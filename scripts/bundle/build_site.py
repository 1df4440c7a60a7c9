"""Atomic site build: build into a fresh directory beside the site, swap only on success.

    python -m scripts.bundle.build_site [--site-dir site] [-- extra mkdocs args]

A failed build (bad policy, template error, anything) leaves the previous site untouched, and the
compiled data (calc/data/policies.json, or MINGBAI_POLICY_DATA) too: mkdocs compiles into a staged
file beside it, which replaces it only after the new site is in place, so the CLI and the site agree.
A build killed between its two renames leaves `site.old` without `site`: the next build puts it back
before anything else (the last good site is never deleted before a new one is in place).
"""
from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.paths import ROOT
from scripts.policy.compiled_data import COMPILED



def lock_path(site: Path) -> Path:
    """The build lock of a site directory: in the temporary folder, so nothing is left beside the site."""
    return Path(tempfile.gettempdir()) / f"mingbai-build-{hashlib.sha256(str(site).encode()).hexdigest()[:16]}.lock"


def build(site: Path, extra: list[str] | None = None) -> int:
    """One build at a time per site: a second `make build` beside a running one would delete the
    staging directory and staged data under it (issue 21, item 15); it stops with a message instead."""
    site = site.resolve()
    with open(lock_path(site), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)   # released when the process ends, however it ends
        except BlockingIOError:
            print(f"another build of {site} is running: wait for it, then build again / "
                  f"{site} 的另一次构建正在进行：请等它结束后再构建", file=sys.stderr)
            return 1
        return _build(site, extra)


def _build(site: Path, extra: list[str] | None) -> int:
    staging = site.with_name(site.name + ".building")
    retired = site.with_name(site.name + ".old")
    data, staged_data = COMPILED.resolve(), COMPILED.resolve().with_name(COMPILED.name + ".building")
    if retired.exists() and not site.exists():   # killed between the renames: the last good site goes back
        retired.rename(site)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(retired, ignore_errors=True)   # only ever beside a site that is in place
    staged_data.unlink(missing_ok=True)
    # the build (hook and calc alike) reads and writes the staged data, never the committed file
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MINGBAI_POLICY_DATA": str(staged_data)}
    if data.is_file():
        shutil.copyfile(data, staged_data)   # unchanged policies: the hook finds it up to date
    # `python -m mkdocs` from ROOT: the plugin (scripts.site) is imported from this checkout, whichever
    # checkout the environment's editable install points at
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(staging), *(extra or [])],
                          cwd=ROOT, env=env)
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        staged_data.unlink(missing_ok=True)
        print(f"build failed: {site} and {data.name} left as they were / 构建失败：{site} 与 {data.name} 保持原样",
              file=sys.stderr)
        return proc.returncode
    if site.exists():
        site.rename(retired)
    staging.rename(site)
    shutil.rmtree(retired, ignore_errors=True)
    if staged_data.is_file():
        staged_data.replace(data)   # the site is in place: now the CLI's data matches it
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("extra", nargs="*", help="more mkdocs build arguments")
    args = parser.parse_args(argv)
    return build(args.site_dir, args.extra)


if __name__ == "__main__":
    sys.exit(main())
