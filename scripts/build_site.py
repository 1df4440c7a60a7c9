"""Atomic site build: build into a fresh directory beside the site, swap only on success.

    python scripts/build_site.py [--site-dir site] [-- extra mkdocs args]

A failed build (bad policy, template error, anything) leaves the previous site untouched.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path, extra: list[str] | None = None) -> int:
    site = site.resolve()
    staging = site.with_name(site.name + ".building")
    retired = site.with_name(site.name + ".old")
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    proc = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(staging), *(extra or [])], cwd=ROOT, env=env)
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {site} left as it was / 构建失败：{site} 保持原样", file=sys.stderr)
        return proc.returncode
    if site.exists():
        site.rename(retired)
    staging.rename(site)
    shutil.rmtree(retired, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("extra", nargs="*", help="more mkdocs build arguments")
    args = parser.parse_args(argv)
    return build(args.site_dir, args.extra)


if __name__ == "__main__":
    sys.exit(main())
