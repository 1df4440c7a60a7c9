"""The directory MkDocs reads pages from: the hand-written docs/ plus the generated pages, apart.

docs/ holds only what people write. The generated pages (one per policy and language, province,
comparison and reference pages, the 繁體 copies of hand-written pages) are written to a separate
directory, which also links each hand-written file of docs/; MkDocs builds from that directory.
mkdocs-static-i18n rebuilds every File from its `src_path` under `docs_dir` (and ignores Files from
anywhere else), so the generated pages must live under the docs_dir MkDocs is given: this layout
gives it one, without putting a generated file in docs/.

Each build (one `mkdocs build`, or one `mkdocs serve` and its rebuilds) gets a fresh private
directory of its own (`tempfile.mkdtemp`, mode 0700, holding the marker file `MARKER`), in the
system's temporary folder or in the plugin's `pages_dir` option. Nothing here deletes a file in a
directory without the marker, and the marker is only ever written into a directory `create` has
just made: what this module did not create, it never deletes. A `pages_dir` that is, contains or
lies inside docs_dir or the repository is refused before anything is written.

Files are written only when changed and links made only when missing, so `mkdocs serve`, which
watches this directory, does not rebuild in a loop.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from scripts.paths import ROOT

MARKER = ".mingbai-pages"   # in every pages directory this module created, and only there


class PagesDirError(ValueError):
    """A pages directory refused (where it lies) or not ours (no marker); the message is in en and zh."""


def prefix(site_dir: str | Path) -> str:
    """The start of the pages directories' names for one site directory (a build's is this + random).

    >>> prefix("/a/site") == prefix("/a/site/.") != prefix("/a/other")
    True
    """
    key = hashlib.blake2b(str(Path(site_dir).resolve()).encode("utf-8"), digest_size=6).hexdigest()
    return f"mingbai-pages-{key}-"


def check_place(path: str | Path, docs_dir: str | Path, root: str | Path = ROOT) -> Path:
    """`path` resolved, or PagesDirError when it is, contains or lies inside docs_dir or the repository.

    >>> check_place("/tmp/x", "/repo/docs", "/repo").as_posix()
    '/tmp/x'
    >>> check_place("/repo/docs/gen", "/repo/docs", "/repo")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    scripts.site.pages_dir.PagesDirError: pages_dir /repo/docs/gen lies inside docs_dir /repo/docs: ...
    """
    place = Path(path).resolve()
    others = (("docs_dir", "docs_dir", Path(docs_dir).resolve()), ("the repository", "代码仓库", Path(root).resolve()))
    for relation, zh, applies in (("is", "就是{} {}", lambda other: place == other),   # the closest relation first
                                  ("lies inside", "位于{} {} 之内", lambda other: other in place.parents),
                                  ("contains", "包含{} {}", lambda other: place in other.parents)):
        for what, zh_what, other in others:
            if applies(other):
                raise PagesDirError(
                    f"pages_dir {place} {relation} {what} {other}: generated pages go to a directory of their "
                    f"own, outside both (leave pages_dir empty for the system's temporary folder) / "
                    f"pages_dir {place} {zh.format(zh_what, other)}：生成的页面须放在 docs_dir 和代码仓库之外的独立目录"
                    f"（pages_dir 留空即用系统临时目录）")
    return place


def create(site_dir: str | Path, docs_dir: str | Path, parent: str | Path | None = None,
           root: str | Path = ROOT) -> Path:
    """A fresh private pages directory for one build, holding MARKER: in `parent` (the plugin's
    `pages_dir` option, checked by check_place and made if missing) or the system's temporary folder.

    >>> base = Path(tempfile.mkdtemp())
    >>> pages = create(base / "site", base / "docs", parent=base / "pages")
    >>> pages.parent == (base / "pages").resolve(), sorted(p.name for p in pages.iterdir())
    (True, ['.mingbai-pages'])
    >>> create(base / "site", base / "docs", parent=base / "pages") != pages   # each build its own
    True
    >>> remove(pages); pages.exists()
    False
    """
    if parent:
        parent = check_place(parent, docs_dir, root)
        parent.mkdir(parents=True, exist_ok=True)
    pages = Path(tempfile.mkdtemp(prefix=prefix(site_dir), dir=parent)).resolve()
    try:
        check_place(pages, docs_dir, root)   # the temporary folder itself may lie in the repository (TMPDIR)
    except PagesDirError:
        pages.rmdir()   # made just now, empty
        raise
    (pages / MARKER).write_text("generated pages of one mingbai build (scripts/site/pages_dir.py); "
                                "deleted when the build ends\n", encoding="utf-8")
    return pages


def _ours(pages: Path) -> None:
    if not (pages / MARKER).is_file() or (pages / MARKER).is_symlink():
        raise PagesDirError(f"{pages} has no {MARKER}: not a pages directory this build created, nothing in it "
                            f"is touched / {pages} 中没有 {MARKER}：不是本次构建创建的页面目录，不改动其中任何文件")


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

    `pages` must be a directory `create` made (it holds MARKER; PagesDirError otherwise, before
    anything is touched). A generated page wins over a hand-written file of the same path (an old
    checkout may still hold generated pages inside docs/); such a file is never written through.
    """
    docs, pages = docs.resolve(), pages.resolve()
    _ours(pages)
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
        if rel == MARKER:
            continue
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel not in wanted and rel not in generated:
            path.unlink()


def remove(pages: Path) -> None:
    """Delete a pages directory `create` made (one holding MARKER); any other directory is left as it is."""
    pages = Path(pages)
    if pages.is_dir() and not pages.is_symlink() and (pages / MARKER).is_file() and not (pages / MARKER).is_symlink():
        shutil.rmtree(pages, ignore_errors=True)
