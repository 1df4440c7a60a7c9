"""The directory MkDocs reads pages from: the hand-written docs/ plus the generated pages, apart.

docs/ holds only what people write. The generated pages (one per policy and language, province,
comparison and reference pages, the 繁體 copies of hand-written pages) are written to a separate
directory, which also links each hand-written file of docs/; MkDocs builds from that directory.
mkdocs-static-i18n rebuilds every File from its `src_path` under `docs_dir` (and ignores Files from
anywhere else), so the generated pages must live under the docs_dir MkDocs is given: this layout
gives it one, without putting a generated file in docs/.

Files are written only when changed and links made only when missing, so `mkdocs serve`, which
watches this directory, does not rebuild in a loop.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path


def default_pages_dir(site_dir: str | Path) -> Path:
    """One directory per site directory: two builds of one checkout never share one."""
    key = hashlib.blake2b(str(Path(site_dir).resolve()).encode("utf-8"), digest_size=6).hexdigest()
    return Path(tempfile.gettempdir()) / f"mingbai-pages-{key}"


# Where builds before this layout wrote generated pages into docs/ (.gitignore still lists them):
# a checkout may hold such leftovers, and a page of a policy since removed must not come back.
LEFTOVERS = ("policies/", "compare/", "assets/pyodide/", "assets/mingbai/calc-bundle.js",
             "index.md", "index.en.md", "authoring.md", "authoring.en.md")


def hand_written(docs: Path) -> list[str]:
    """Paths (relative, POSIX) of the hand-written files under docs/.

    >>> import tempfile
    >>> docs = Path(tempfile.mkdtemp())
    >>> for rel in ("about.md", "about.zh-Hant.md", "policies/old.md", "assets/a.css", ".x.tmp"):
    ...     (docs / rel).parent.mkdir(parents=True, exist_ok=True); _ = (docs / rel).write_text("x")
    >>> hand_written(docs)
    ['about.md', 'assets/a.css']
    """
    found = (p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file() and not p.name.startswith("."))
    return sorted(rel for rel in found if not _leftover(rel))


def _leftover(rel: str) -> bool:
    return rel.endswith(".zh-Hant.md") or any(rel == place or (place.endswith("/") and rel.startswith(place))
                                              for place in LEFTOVERS)


def link_hand_written(docs: Path, pages: Path, generated: set[str]) -> None:
    """Link each hand-written file into `pages`; remove what is neither generated nor hand-written.

    A generated page wins over a hand-written file of the same path (an old checkout may still hold
    generated pages inside docs/); such a file is never written through.
    """
    docs, pages = docs.resolve(), pages.resolve()
    wanted = {rel for rel in hand_written(docs) if rel not in generated}
    for rel in wanted:
        link = pages / rel
        target = docs / rel
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        if link.exists() or link.is_symlink():
            link.unlink()
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)
    for path in sorted(pages.rglob("*"), reverse=True):
        rel = path.relative_to(pages).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel not in wanted and rel not in generated:
            path.unlink()


def remove(pages: Path) -> None:
    shutil.rmtree(pages, ignore_errors=True)
