"""Policy files: every real policy is valid; every broken fixture gives one clear line (file, line, field)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.policy.loader import POLICIES_DIR, SOURCES_DIR, load_all, load_policy, policy_files

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
KNOWN = {"flexible-contribution"}


def test_all_policies_load_without_problems() -> None:
    policies, problems = load_all()
    assert [str(p) for p in problems] == []
    # every *.yaml below policies/ (but sources/) is one policy: no count kept here
    files = [p for p in POLICIES_DIR.rglob("*.yaml") if "sources" not in p.relative_to(POLICIES_DIR).parts]
    assert len(policies) == len(policy_files()) == len(files) > 0


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
    assert len(BROKEN) >= 30


def test_every_broken_fixture_is_generated_by_make_broken() -> None:
    """tests/fixtures/broken/ is exactly what make_broken.py writes (regenerate it after editing the cases)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_broken", FIXTURES / "make_broken.py")
    make_broken = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_broken)
    names = set(make_broken.CASES) | set(make_broken.WHOLE) | {"not-utf8"}
    assert {p.stem for p in BROKEN} == names


def test_duplicate_policy_id_across_two_files(tmp_path: Path) -> None:
    """Two files, one id (a symlinked copy resolves to the same path): the second is reported with its id line."""
    policies = tmp_path / "policies"
    (policies / "hunan" / "a").mkdir(parents=True)
    (policies / "hunan" / "b").mkdir(parents=True)
    text = (FIXTURES / "valid-minimal.yaml").read_text(encoding="utf-8").replace("id: valid-minimal", "id: hunan/a/2023-x")
    text = text.replace("  province: {zh: 湖南省, en: Hunan Province}\n",   # the folders are the place (across_policies.place_problems)
                        "  province: {zh: 湖南省, en: Hunan Province}\n  city: {zh: 甲市, en: A}\n")
    (policies / "hunan" / "a" / "2023-x.yaml").write_text(text, encoding="utf-8")
    (policies / "hunan" / "b" / "2023-x.yaml").symlink_to(policies / "hunan" / "a" / "2023-x.yaml")
    loaded, problems = load_all(policies, SOURCES_DIR)
    assert list(loaded) == ["hunan/a/2023-x"]
    assert len(problems) == 1, [str(p) for p in problems]
    text = str(problems[0])
    assert text.startswith(f"{policies / 'hunan' / 'b' / '2023-x.yaml'}:1: id: duplicate policy id 'hunan/a/2023-x'"), text
    assert "also in" in text and "hunan/a/2023-x.yaml" in text and " / 重复的政策 id" in text


def test_categories_use_calcs_vocabulary() -> None:
    """Every `categories` parameter of the real policies lists known codes (the loader checks it)."""
    from scripts.policy.policy_checks import category_problems
    policies, _ = load_all()
    seen = 0
    for policy in policies.values():
        for name, param in policy["parameters"].items():
            if param["unit"] == "categories":
                seen += 1
                assert category_problems(name, param["value"]) == [], (policy["id"], name)
    assert seen >= 5
    assert category_problems("subsidy_full_categories", ["parent"])   # a relation is not a subsidised group


@pytest.mark.site
def test_mkdocs_build_stops_on_a_broken_policy_with_file_line_field(tmp_path: Path) -> None:
    """The real build (in a copy of the repository) exits non-zero and prints the problem line, no traceback."""
    from repo_copy import copy_repo, mkdocs_build
    root = copy_repo(tmp_path / "repo")
    broken = root / "policies" / "hunan" / "testville" / "2023-flexible-employment.yaml"
    broken.parent.mkdir(parents=True)
    text = (FIXTURES / "valid-minimal.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("id: valid-minimal", "id: hunan/testville/2023-flexible-employment")
                      .replace("value: 60", "value: 65"), encoding="utf-8")
    proc = mkdocs_build(root, tmp_path / "site")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    line = ("policies/hunan/testville/2023-flexible-employment.yaml:28: parameters.base_ratio.value: "
            "number(s) 65 not in the quote")
    assert line in output, output[-3000:]
    assert not (tmp_path / "site" / "index.html").exists()


def test_build_stops_on_a_broken_policy(tmp_path: Path) -> None:
    """The loader CLI (run by the build) exits 1 with one line per problem."""
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-m", "scripts.policy.loader", str(BROKEN[0])],
                          cwd=root, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert re.search(r"^tests/fixtures/broken/\S+\.yaml:\d+: \S+: .+ / .+$", proc.stderr, re.M)
