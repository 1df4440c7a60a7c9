"""Site builds shared by the tests that only read them, kept while what they were built from is unchanged.

`cached_site(env)` runs the real `mkdocs build --strict` (tests/browser/support.py `build_site`) once
per distinct set of inputs and keeps the result in .cache/test-sites/<key>/ (git-ignored). Every later
test, every pytest-xdist worker and every later session asking for the same inputs gets that
directory: the first to ask builds it while holding a file lock; the others wait on the lock and
then read the finished build (a build is renamed into place only once complete).

The key is a hash of everything a build reads: mkdocs.yml, pyproject.toml, docs/, policies/ (or the
MINGBAI_POLICIES_DIR given), calc/ (less the compiled data, which the build derives from policies/),
scripts/, the vendored Pyodide's package.json and file sizes, the MINGBAI_* variables (paths among
them by their contents), the installed versions of the build's libraries, and the build date (pages
say "in force" or "ended" by it, MINGBAI_TODAY or today).

A test that writes into a build must not use one from here: it builds its own into tmp_path.
MINGBAI_TEST_SITE_CACHE=0 turns the keeping off (each session builds into its own temporary folder).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "test-sites"
KEEP = 6   # newest builds kept; older ones are removed when a new one is made
BUILD_LIBRARIES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "jieba", "jinja2", "pyyaml", "opencc",
                   "brotli", "markdown", "pymdown-extensions")
SKIPPED_DIRS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
DERIVED = {REPO / "calc" / "data" / "policies.json"}   # written by the build from policies/
# where a build writes (compiled data) or keeps compressed copies, and this module's own switch
NOT_INPUTS = {"MINGBAI_POLICY_DATA", "MINGBAI_WIRE_CACHE", "MINGBAI_TEST_SITE_CACHE"}


def _hash_tree(digest: hashlib._Hash, root: Path) -> None:
    if root.is_file():
        digest.update(root.read_bytes())
        return
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            path = Path(directory, name)
            if path in DERIVED or name.endswith((".pyc", ".tmp")):
                continue
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")


def _hash_sizes(digest: hashlib._Hash, root: Path) -> None:
    """Names and sizes only: node_modules/pyodide is ~30 MB, and a version change shows in package.json."""
    for path in sorted(root.rglob("*")) if root.is_dir() else []:
        if path.is_file():
            digest.update(f"{path.relative_to(root)}:{path.stat().st_size}\n".encode())


def build_key(env: dict[str, str]) -> str:
    """The hash of a build's inputs under env (the build process's whole environment)."""
    digest = hashlib.sha256()
    mingbai = {k: v for k, v in env.items() if k.startswith("MINGBAI_")}
    today = mingbai.get("MINGBAI_TODAY") or dt.date.today().isoformat()
    digest.update(f"{sys.version}\n{today}\n".encode())
    for lib in BUILD_LIBRARIES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f"{lib}=={importlib.metadata.version(lib)}\n".encode())
    for name, value in sorted(mingbai.items()):
        if name in NOT_INPUTS:
            continue
        path = Path(value)
        if path.is_absolute() and path.exists():   # a path given (a temporary copy): by its contents
            digest.update(f"{name}\n".encode())
            _hash_tree(digest, path)
        else:
            digest.update(f"{name}={value}\n".encode())
    if "MINGBAI_POLICIES_DIR" not in mingbai:
        _hash_tree(digest, REPO / "policies")
    for name in ("mkdocs.yml", "pyproject.toml", "docs", "calc", "scripts"):
        digest.update(f"\n[{name}]\n".encode())
        _hash_tree(digest, REPO / name)
    _hash_sizes(digest, REPO / "node_modules" / "pyodide")
    return digest.hexdigest()[:20]


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)   # released when the handle closes (or the process dies)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prune(keep: str) -> None:
    builds = sorted((p for p in CACHE.iterdir() if p.is_dir() and not p.name.startswith(".")),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in builds[KEEP:]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
            (CACHE / f".{old.name}.lock").unlink(missing_ok=True)


def cached_site(env_extra: dict[str, str] | None = None, *, without: tuple[str, ...] = (),
                tmp_root: Path | None = None) -> Path:
    """The built site for this environment (os.environ less `without`, plus env_extra), built if need be.

    tmp_root: where to build when MINGBAI_TEST_SITE_CACHE=0 (a pytest tmp_path); raises RuntimeError
    with mkdocs' log when the build fails (a failed build is not kept).
    """
    from support import build_site   # tests/browser/support.py: on sys.path in every session (conftest)

    env = {k: v for k, v in os.environ.items() if k not in without}
    env.update(env_extra or {})
    if os.environ.get("MINGBAI_TEST_SITE_CACHE") == "0":
        out = Path(tempfile.mkdtemp(prefix="site-", dir=tmp_root))
        return build_site(out, strict=True, env=env)
    key = build_key(env)
    final = CACHE / key
    with _locked(CACHE / f".{key}.lock"):
        if not final.is_dir():
            partial = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=CACHE))
            try:
                build_site(partial / "site", strict=True, env=env)
                (partial / "site").rename(final)
            finally:
                shutil.rmtree(partial, ignore_errors=True)
            _prune(key)
        os.utime(final)   # newest use: kept longest
    return final
