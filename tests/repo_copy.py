"""A throwaway copy of the repository, for site builds with an extra (broken or hostile) policy.

The copy holds mkdocs.yml, the hand-written docs/ (what .gitignore marks as generated is left
out), scripts/, calc/ and policies/; node_modules is a symlink (the build vendors Pyodide from
it). The MkDocs hook finds everything relative to the copy, so the real tree is never touched.
"""
from __future__ import annotations

import fnmatch
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 600


def _generated_docs() -> list[str]:
    """docs/ paths that .gitignore marks as generated, relative to docs/ (e.g. "policies/", "index.md")."""
    out = []
    for line in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("docs/"):
            out.append(line[len("docs/"):])
    return out


def _ignore_generated(docs: Path):
    patterns = _generated_docs()

    def ignore(directory: str, names: list[str]) -> set[str]:
        rel_dir = Path(directory).relative_to(docs).as_posix()
        skipped = {n for n in names if n == "__pycache__"}
        for name in names:
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            for pattern in patterns:
                as_dir = pattern.endswith("/") and (Path(directory) / name).is_dir() and fnmatch.fnmatch(rel + "/", pattern)
                if as_dir or fnmatch.fnmatch(rel, pattern):
                    skipped.add(name)
        return skipped

    return ignore


def copy_repo(dest: Path) -> Path:
    """Copy what a site build needs into dest (a fresh directory); return dest."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "docs", dest / "docs", ignore=_ignore_generated(REPO / "docs"))
    for name in ("scripts", "calc", "policies"):
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.tmp"))
    if (REPO / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    return dest


def mkdocs_build(root: Path, site: Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build -d site` in the copy (cwd=root); output captured as text (env_extra: e.g. MINGBAI_SITE_URL)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINGBAI_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
