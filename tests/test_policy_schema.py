"""Policy files: every real policy is valid; every broken fixture gives one clear line (file, line, field)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.policy_loader import POLICIES_DIR, SOURCES_DIR, load_all, load_policy, policy_files

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
KNOWN = {"flexible-contribution"}


def test_all_policies_load_without_problems() -> None:
    policies, problems = load_all()
    assert [str(p) for p in problems] == []
    assert len(policies) == len(policy_files()) == 5


def test_policy_id_is_its_path() -> None:
    for path in policy_files():
        data, _ = load_policy(path)
        assert data["id"] == path.relative_to(POLICIES_DIR).with_suffix("").as_posix()


def test_valid_fixture_loads() -> None:
    data, problems = load_policy(FIXTURES / "valid-minimal.yaml", FIXTURES, SOURCES_DIR, KNOWN)
    assert problems == []
    assert str(data["parameters"]["base_ratio"]["value"]) == "60"


def test_yaml_floats_become_decimals() -> None:
    from decimal import Decimal
    policies, _ = load_all()
    value = policies["hunan/hengyang/2023-flexible-employment"]["parameters"]["published_basic_monthly"]["value"]
    assert value == Decimal("286.88") and isinstance(value, Decimal)


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_fixture_reports_file_line_and_field(path: Path) -> None:
    expect = re.match(r"# expect: (\d+) (\S+)", path.read_text(encoding="utf-8", errors="replace"))
    line, field = int(expect.group(1)), expect.group(2)
    data, problems = load_policy(path, FIXTURES / "broken", SOURCES_DIR, KNOWN)
    assert data is None
    assert problems, "a broken file must report a problem"
    first = problems[0]
    text = str(first)
    assert text.startswith(f"tests/fixtures/broken/{path.name}:{first.line}: ")
    assert (first.line, first.field) == (line, field), text
    assert first.en and first.zh


def test_broken_fixture_corpus_is_large_enough() -> None:
    assert len(BROKEN) >= 20


def test_build_stops_on_a_broken_policy(tmp_path: Path) -> None:
    """The loader CLI (run by the build) exits 1 with one line per problem."""
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-m", "scripts.policy_loader", str(BROKEN[0])],
                          cwd=root, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert re.search(r"^tests/fixtures/broken/\S+\.yaml:\d+: \S+: .+ / .+$", proc.stderr, re.M)
