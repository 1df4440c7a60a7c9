"""The pages directory (scripts/site/pages_dir.py) never deletes what it did not create (issue 23).

Before: `pages_dir: docs` replaced every hand-written page with a symlink to itself, a parent
directory as `pages_dir` deleted unrelated files, and the directory's name in the shared temporary
folder was predictable (two builds into one site_dir shared it). Now a `pages_dir` that is,
contains or lies inside docs_dir or the repository is refused (in en and zh) before anything is
written; each build gets a fresh private directory (mkdtemp, a marker file); nothing deletes in a
directory without the marker.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from scripts.site.pages_dir import MARKER, PagesDirError, check_place, create, link_hand_written, prefix, remove


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A stand-in repository: docs/ with hand-written pages, and a file of its own."""
    root = tmp_path / "repo"
    for rel in ("docs/about.md", "docs/assets/a.css", "README.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"hand-written {rel}", encoding="utf-8")
    return root


def _snapshot(path: Path) -> dict[str, str | bytes]:
    return {p.relative_to(path).as_posix(): ("link" if p.is_symlink() else p.read_bytes())
            for p in sorted(path.rglob("*")) if p.is_file() or p.is_symlink()}


def _refused(place: Path, repo: Path, words_en: str, words_zh: str) -> None:
    before = _snapshot(repo)
    with pytest.raises(PagesDirError) as caught:
        create(repo.parent / "site", repo / "docs", parent=place, root=repo)
    message = str(caught.value)
    assert words_en in message and words_zh in message, message
    assert "pages_dir" in message and "/" in message   # en / zh
    assert _snapshot(repo) == before                     # nothing written, nothing deleted
    assert not list(repo.parent.rglob(MARKER))


def test_pages_dir_that_is_docs_dir_is_refused(repo: Path) -> None:
    _refused(repo / "docs", repo, "is docs_dir", "就是docs_dir")


def test_pages_dir_inside_docs_dir_is_refused(repo: Path) -> None:
    _refused(repo / "docs" / "generated", repo, "lies inside docs_dir", "位于docs_dir")
    assert not (repo / "docs" / "generated").exists()


def test_pages_dir_that_contains_docs_dir_is_refused(repo: Path) -> None:
    # docs_dir outside the repository, so this is about docs_dir alone
    docs = repo.parent / "elsewhere" / "docs"
    docs.mkdir(parents=True)
    with pytest.raises(PagesDirError, match="contains docs_dir"):
        create(repo.parent / "site", docs, parent=docs.parent, root=repo)
    assert list(docs.parent.iterdir()) == [docs]


def test_pages_dir_that_is_the_repository_is_refused(repo: Path) -> None:
    _refused(repo, repo, "is the repository", "就是代码仓库")


def test_pages_dir_inside_the_repository_is_refused(repo: Path) -> None:
    _refused(repo / "build" / "pages", repo, "lies inside the repository", "位于代码仓库")
    assert not (repo / "build").exists()


def test_pages_dir_that_contains_the_repository_is_refused(repo: Path) -> None:
    _refused(repo.parent, repo, "contains", "包含")
    assert sorted(p.name for p in repo.parent.iterdir()) == ["repo"]


def test_a_symlink_to_docs_is_refused_too(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "alias").symlink_to(repo / "docs")
    _refused(tmp_path / "alias", repo, "is docs_dir", "就是docs_dir")


def test_temporary_folder_inside_the_repository_is_refused(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inside = repo / "tmp"
    inside.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(inside))
    with pytest.raises(PagesDirError, match="lies inside the repository"):
        create(repo.parent / "site", repo / "docs", root=repo)
    assert list(inside.iterdir()) == []   # the directory it had just made is gone, nothing else touched


def test_each_build_gets_a_fresh_private_directory(repo: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = create(site, repo / "docs", root=repo)
    second = create(site, repo / "docs", root=repo)   # a second build into the same site_dir
    try:
        assert first != second
        for pages in (first, second):
            assert pages.name.startswith(prefix(site)) and pages.name != prefix(site)   # not predictable
            assert stat.S_IMODE(pages.stat().st_mode) == 0o700
            assert sorted(p.name for p in pages.iterdir()) == [MARKER]
            assert Path(tempfile.gettempdir()).resolve() == pages.parent
    finally:
        remove(first)
        remove(second)
    assert not first.exists() and not second.exists()


def test_a_parent_directory_keeps_its_unrelated_files(repo: Path, tmp_path: Path) -> None:
    parent = tmp_path / "shared"
    (parent / "notes").mkdir(parents=True)
    (parent / "notes" / "mine.txt").write_text("not the build's", encoding="utf-8")
    (parent / "index.md").write_text("not the build's either", encoding="utf-8")
    before = _snapshot(parent)
    pages = create(tmp_path / "site", repo / "docs", parent=parent, root=repo)
    assert pages.parent == parent.resolve()
    (pages / "index.md").write_text("generated", encoding="utf-8")
    link_hand_written(repo / "docs", pages, {"index.md"})
    assert sorted(_snapshot(pages)) == [MARKER, "about.md", "assets/a.css", "index.md"]
    assert os.readlink(pages / "about.md") == str((repo / "docs" / "about.md").resolve())
    remove(pages)
    assert not pages.exists()
    assert _snapshot(parent) == before
    assert _snapshot(repo / "docs") == {"about.md": b"hand-written docs/about.md",
                                            "assets/a.css": b"hand-written docs/assets/a.css"}


def test_rebuild_removes_only_its_own_stale_files(repo: Path, tmp_path: Path) -> None:
    pages = create(tmp_path / "site", repo / "docs", root=repo)
    try:
        (pages / "policies").mkdir()
        (pages / "policies" / "gone.md").write_text("a policy since removed", encoding="utf-8")
        link_hand_written(repo / "docs", pages, set())
        assert sorted(_snapshot(pages)) == [MARKER, "about.md", "assets/a.css"]   # the marker stays
    finally:
        remove(pages)


def test_link_hand_written_touches_no_directory_without_the_marker(repo: Path, tmp_path: Path) -> None:
    for target in (repo / "docs", tmp_path / "unrelated"):
        target.mkdir(exist_ok=True)
        (target / "keep.txt").write_text("keep", encoding="utf-8")
        before = _snapshot(target)
        with pytest.raises(PagesDirError) as caught:
            link_hand_written(repo / "docs", target, set())
        assert "not a pages directory this build created" in str(caught.value)
        assert "不是本次构建创建的页面目录" in str(caught.value)
        assert _snapshot(target) == before


def test_remove_leaves_a_directory_without_the_marker(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("keep", encoding="utf-8")
    remove(other)
    remove(repo / "docs")
    assert (other / "keep.txt").is_file() and (repo / "docs" / "about.md").is_file()
    (other / MARKER).symlink_to(repo / "README.md")   # a marker that is only a link does not count
    remove(other)
    assert (other / "keep.txt").is_file()


def test_check_place_accepts_a_separate_directory(repo: Path, tmp_path: Path) -> None:
    assert check_place(tmp_path / "pages", repo / "docs", repo) == (tmp_path / "pages").resolve()


def test_the_plugin_refuses_before_writing_anything(repo: Path, tmp_path: Path) -> None:
    """`pages_dir: docs` in mkdocs.yml stops the build with the message (no policy is read or compiled)."""
    from mkdocs.exceptions import Abort

    from scripts.paths import ROOT
    from scripts.site.plugin import MingbaiPlugin

    for option in ("docs", "docs/generated", "."):
        plugin = MingbaiPlugin()
        errors, warnings = plugin.load_config({"pages_dir": option})
        assert not errors, errors
        config = {"docs_dir": str(ROOT / "docs"), "site_dir": str(tmp_path / "site"), "plugins": {},
                  "config_file_path": str(ROOT / "mkdocs.yml")}
        before = _snapshot(ROOT / "docs")
        with pytest.raises(Abort) as caught:
            plugin.on_config(config)
        assert "pages_dir" in str(caught.value) and "生成的页面须放在" in str(caught.value)
        assert plugin.pages_dir is None
        assert _snapshot(ROOT / "docs") == before
