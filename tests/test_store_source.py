"""`make source FILE=…` (scripts/policy/store_source.py): stores a source text verbatim under its
name NNN_<sha256[:16]>.txt, the next free NNN, and prints the `sources:` entry to paste (issue 19, item 7)."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import yaml

from scripts.policy.store_source import main

TEXT = "关于做好2026年度城乡居民医保集中参保缴费工作的通知\r\n个人缴费标准为每人每年400元。\n".encode()


def _store(tmp_path: Path, capsys, *extra: str) -> tuple[int, str, str]:
    source = tmp_path / "notice.txt"
    if not source.exists():
        source.write_bytes(TEXT)
    code = main([str(source), "--sources-dir", str(tmp_path / "sources"), *extra], today=dt.date(2026, 3, 1))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_stores_verbatim_under_the_next_free_number_and_prints_the_entry(tmp_path: Path, capsys) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "000_0123456789abcdef.txt").write_text("一", encoding="utf-8")
    (sources / "007_fedcba9876543210.txt").write_text("二", encoding="utf-8")
    (sources / "007_fedcba9876543210.zhs.txt").write_text("二", encoding="utf-8")   # a normalised reading: same number
    code, out, err = _store(tmp_path, capsys, "--url", "https://example.gov.cn/a.html", "--key", "notice")
    assert code == 0
    name = f"008_{hashlib.sha256(TEXT).hexdigest()[:16]}.txt"
    assert (sources / name).read_bytes() == TEXT          # byte for byte, \r\n kept
    assert f"policies/sources/{name}" in err
    entry = yaml.safe_load(out)["sources"]["notice"]
    assert entry["file"] == name and entry["kind"] == "original" and entry["url"] == "https://example.gov.cn/a.html"
    assert entry["retrieved"] == dt.date(2026, 3, 1) and entry["title"] == {"zh": "TODO", "en": "TODO"}


def test_a_text_stored_already_keeps_its_name(tmp_path: Path, capsys) -> None:
    first = _store(tmp_path, capsys)[1]
    code, again, err = _store(tmp_path, capsys, "--kind", "summary")
    assert code == 0 and "already stored" in err
    assert yaml.safe_load(again)["sources"]["source-1"]["file"] == yaml.safe_load(first)["sources"]["source-1"]["file"]
    assert yaml.safe_load(again)["sources"]["source-1"]["kind"] == "summary"
    assert len(list((tmp_path / "sources").iterdir())) == 1


def test_refuses_gbk_with_its_line_and_a_bad_url(tmp_path: Path, capsys) -> None:
    (tmp_path / "notice.txt").write_bytes("第一行\n".encode() + "第二行".encode("gbk"))
    code, _, err = _store(tmp_path, capsys)
    assert code == 2 and "notice.txt:2: not UTF-8" in err and "UTF-8" in err
    (tmp_path / "notice.txt").write_bytes(TEXT)
    code, _, err = _store(tmp_path, capsys, "--url", "ftp://x")
    assert code == 2 and "http(s)" in err
    assert not (tmp_path / "sources").exists()


def test_the_stored_name_is_one_the_loader_accepts(tmp_path: Path, capsys) -> None:
    from scripts.policy.policy_checks import source_file_problem
    from scripts.policy.schema import SOURCE_FILE_RE
    _, out, _ = _store(tmp_path, capsys)
    name = yaml.safe_load(out)["sources"]["source-1"]["file"]
    assert SOURCE_FILE_RE.match(name) and source_file_problem(tmp_path / "sources", name) is None
