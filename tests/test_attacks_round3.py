"""Issue 21 ("Trust, round three"): each attack the tester used, held by the loader, the build
or the server. Items 3–6 (provenance by meaning, prose numbers) are in their own tests.

Loader attacks run on a throwaway policies directory built from tests/fixtures/valid-minimal.yaml;
each must give a `file:line: field: English / 中文` problem, never a traceback or a file written
outside the site. Site-level attacks (items 1 and 7) are in tests/test_hostile_policy.py, which
builds the hostile fixture once.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.policy.loader import load_all

ROOT = Path(__file__).resolve().parent.parent
VALID = (ROOT / "tests" / "fixtures" / "valid-minimal.yaml").read_text(encoding="utf-8")
SOURCE = "000_65321096e8faf93d.txt"


def _policies(tmp_path: Path, files: dict[str, str]) -> Path:
    """A policies directory holding `files` (id → YAML text) and the one stored source they cite."""
    policies = tmp_path / "policies"
    (policies / "sources").mkdir(parents=True)
    shutil.copy2(ROOT / "policies" / "sources" / SOURCE, policies / "sources" / SOURCE)
    for policy_id, text in files.items():
        path = policies / f"{policy_id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return policies


def _policy(policy_id: str, old: str = "", new: str = "") -> str:
    text = VALID.replace("id: valid-minimal", f"id: {policy_id}")
    if old:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _problems(policies: Path) -> list:
    _, problems = load_all(policies, policies / "sources")
    return problems


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _assert_bilingual(problem) -> None:
    assert problem.en and problem.zh and problem.en != problem.zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.zh), problem


def test_the_valid_policy_loads(tmp_path: Path) -> None:
    assert _problems(_policies(tmp_path, {"p/valid": _policy("p/valid")})) == []


# --- item 2: a source's file is a regular file under policies/sources/ ------------------------

SOURCE_ATTACKS = {
    "parent": "../index.txt",            # would replace site/index.html
    "deep-parent": "../../../../etc/x",  # any file on disk
    "absolute": "/etc/hostname",
    "nested": "sub/../" + SOURCE,
}


@pytest.mark.parametrize("name", SOURCE_ATTACKS)
def test_a_source_file_outside_the_sources_directory_is_refused(tmp_path: Path, name: str) -> None:
    text = _policy("p/leak", f"file: {SOURCE}", f"file: '{SOURCE_ATTACKS[name]}'")
    policies = _policies(tmp_path, {"p/leak": text})
    (policies / "index.txt").write_text("缴费基数为缴费基准值的60%", encoding="utf-8")   # a readable target
    problems = _problems(policies)
    assert problems, "accepted"
    assert problems[0].field == "sources.daily.file", problems
    assert problems[0].line == _line_of(text, "file: "), problems
    _assert_bilingual(problems[0])


def test_a_symlinked_source_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("缴费基数为缴费基准值的60%\nroot:x:0:0", encoding="utf-8")
    text = _policy("p/leak", f"file: {SOURCE}", "file: leak.txt")
    policies = _policies(tmp_path, {"p/leak": text})
    (policies / "sources" / "leak.txt").symlink_to(secret)
    problems = _problems(policies)
    assert [p.field for p in problems] == ["sources.daily.file"], problems
    assert "symlink" in problems[0].en and "链接" in problems[0].zh


def test_source_pages_are_written_only_inside_site_sources(tmp_path: Path) -> None:
    """The writer itself refuses a name that leaves site/sources/ (should a name ever get past the loader)."""
    from scripts.site.source_pages import write_source_pages
    sources = tmp_path / "sources"
    sources.mkdir()
    (tmp_path / "index.txt").write_text("x", encoding="utf-8")
    source = {"file": "../index.txt", "title": {"zh": "标题", "en": "Title"}, "publisher": {"zh": "某", "en": "X"},
              "date": "2023-01-01"}
    with pytest.raises(ValueError):
        write_source_pages(tmp_path / "site", {"p": {"sources": {"a": source}}}, sources)
    assert not (tmp_path / "site" / "index.html").exists()


# --- item 10: a source in GBK (or any text that is not UTF-8) --------------------------------

def test_a_gbk_source_is_a_problem_naming_its_file_and_line(tmp_path: Path) -> None:
    text = _policy("p/gbk", f"file: {SOURCE}", "file: gbk.txt")
    policies = _policies(tmp_path, {"p/gbk": text})
    (policies / "sources" / "gbk.txt").write_bytes("第一行\n缴费基数为缴费基准值的60%\n".encode("gbk"))
    problems = _problems(policies)   # no UnicodeDecodeError
    assert problems and problems[0].field == "sources.daily.file", problems
    assert problems[0].line == _line_of(text, "file: gbk.txt")
    assert "policies/sources/gbk.txt:1:" in problems[0].en and "UTF-8" in problems[0].zh
    _assert_bilingual(problems[0])
