"""Versions of the two data formats (issue 13): `schema:` in every policy YAML, `format` in the compiled
data; a file of another version stops with a bilingual message that says what to do."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import calc.data
from calc.data import FORMAT, DataFormatError
from scripts.policy.compiled_data import compiled_text
from scripts.policy.loader import POLICIES_DIR, SOURCES_DIR, load_policy, policy_files
from scripts.policy.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken"


def test_every_policy_file_declares_the_schema_version() -> None:
    for path in policy_files(POLICIES_DIR):
        assert f"schema: {SCHEMA_VERSION}\n" in path.read_text(encoding="utf-8"), path


def test_a_policy_of_another_schema_version_says_which_version_is_read() -> None:
    _, problems = load_policy(BROKEN / "schema-version.yaml", BROKEN, SOURCES_DIR)
    (first, *_) = problems
    assert first.field == "schema"
    assert "'2'" in first.en and f"schema {SCHEMA_VERSION}" in first.en
    assert "'2'" in first.zh and f"schema {SCHEMA_VERSION}" in first.zh


def test_the_version_is_not_compiled() -> None:
    data, problems = load_policy(POLICIES_DIR / "hunan" / "hengyang" / "2023-flexible-employment.yaml")
    assert not problems and "schema" not in data
    assert json.loads(compiled_text({data["id"]: data}))["format"] == FORMAT


@pytest.fixture()
def data_file(tmp_path: Path, monkeypatch):
    """calc reads the compiled data from a file the test writes."""
    path = tmp_path / "policies.json"
    monkeypatch.setattr(calc.data, "POLICIES_JSON", path)
    calc.data.load_policies.cache_clear()
    yield path
    calc.data.load_policies.cache_clear()


@pytest.mark.parametrize("payload", [{"format": FORMAT + 1, "policies": {}}, {"policies": {}}, []])
def test_compiled_data_of_another_format_names_make_policies(data_file: Path, payload) -> None:
    data_file.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(DataFormatError) as caught:
        calc.data.load_policies()
    zh, en = str(caught.value).split(" / ")
    assert "make policies" in zh and "make policies" in en and str(data_file) in en


def test_compiled_data_of_this_format_loads(data_file: Path) -> None:
    data_file.write_text(json.dumps({"format": FORMAT, "policies": {"a": {}}}), encoding="utf-8")
    assert calc.data.load_policies() == {"a": {}}


def test_cli_says_so_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "policies.json"
    bad.write_text(json.dumps({"format": FORMAT + 1, "policies": {}}), encoding="utf-8")
    env = {**os.environ, "MINGBAI_POLICY_DATA": str(bad)}
    proc = subprocess.run([sys.executable, "-m", "calc", "list"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "make policies" in proc.stderr
