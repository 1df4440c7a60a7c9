"""Principle 1: every quote is in its stored source; every stated number is in its quote."""
from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from calc.registry import calculators
from scripts.policy.loader import SOURCES_DIR, load_all
from scripts.policy.policy_checks import semantic_problems
from scripts.policy.provenance import missing_from_quote, numbers_in, quote_in_source

POLICIES, PROBLEMS = load_all()
PARAMS = [(pid, name, p) for pid, pol in POLICIES.items() for name, p in pol["parameters"].items()]


def _source_texts(policy: dict, ref: str) -> list[str]:
    src = policy["sources"][ref]
    return [(SOURCES_DIR / f).read_text(encoding="utf-8") for f in (src["file"], src.get("normalised")) if f]


@pytest.mark.parametrize("pid, name, param", PARAMS, ids=[f"{pid}:{name}" for pid, name, _ in PARAMS])
def test_quote_occurs_in_stored_source(pid: str, name: str, param: dict) -> None:
    texts = _source_texts(POLICIES[pid], param["source"]["ref"])
    assert any(quote_in_source(param["source"]["quote"], t) for t in texts)


@pytest.mark.parametrize("pid, name, param", PARAMS, ids=[f"{pid}:{name}" for pid, name, _ in PARAMS])
def test_stated_numbers_occur_in_their_quote(pid: str, name: str, param: dict) -> None:
    status = param.get("status", "stated")
    if status == "stated":
        assert missing_from_quote(param["value"], param["source"]["quote"], param["unit"]) == []
    else:
        assert param.get("how"), f"{status} needs `how`"
        if status == "not_stated":
            assert param["value"] is None


def test_every_policy_has_numbers_checked() -> None:
    """Guard against a checker that silently checks nothing."""
    checked = [n for _, _, p in PARAMS if p.get("status", "stated") == "stated" for n in numbers_in(p["value"])]
    assert len(checked) > 50


def test_the_checker_catches_a_changed_number() -> None:
    pid = "hunan/hengyang/2023-flexible-employment"
    policy = copy.deepcopy(POLICIES[pid])
    policy["parameters"]["critical_illness_monthly"]["value"] = Decimal("16")
    lines = {}
    problems = semantic_problems(policy, lines, pid, SOURCES_DIR, set(calculators()))
    assert [p[1] for p in problems] == ["parameters.critical_illness_monthly.value"]


def test_the_checker_catches_an_edited_quote() -> None:
    pid = "hunan/hengyang/2023-flexible-employment"
    policy = copy.deepcopy(POLICIES[pid])
    policy["parameters"]["base_ratio"]["source"]["quote"] = "缴费基数为缴费基准值的70%"
    problems = semantic_problems(policy, {}, pid, SOURCES_DIR, set(calculators()))
    assert "parameters.base_ratio.source.quote" in [p[1] for p in problems]


def _check_seed_texts(seeds: Path) -> int:
    """Each seed text is stored verbatim under the same name; a check that found no seed checked nothing."""
    found = sorted(seeds.glob("0*.txt"))
    assert found, f"no seed text (0*.txt) in {seeds}: the check would pass without checking anything"
    for seed in found:
        assert (SOURCES_DIR / seed.name).read_bytes() == seed.read_bytes(), seed.name
    return len(found)


def test_stored_sources_are_the_seed_texts_verbatim() -> None:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds not beside the checkout")
    assert _check_seed_texts(seeds) >= 1


def test_the_seed_check_fails_when_it_finds_no_seed(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("no seeds here", encoding="utf-8")
    with pytest.raises(AssertionError, match="no seed text"):
        _check_seed_texts(tmp_path)


def test_pingjiang_normalised_reading_is_up_to_date() -> None:
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-m", "scripts.policy.normalise_source", "--check"], cwd=root,
                          capture_output=True, text=True, timeout=120)
    if "opencc" in proc.stderr.lower() and "no module" in proc.stderr.lower():
        pytest.skip("opencc not installed")
    assert proc.returncode == 0, proc.stdout + proc.stderr


# A stated value must be *its* figure in the quote: not a year or a date that happens to hold the same
# digits, not a figure of another unit or period (issue 12, item 2). The real policy is copied into a
# temporary tree with one edit and loaded from there.
HENGYANG = "hunan/hengyang/2023-flexible-employment"


def _load_edited(tmp_path: Path, edits: list[tuple[str, str]]) -> list:
    from scripts.policy.loader import POLICIES_DIR, load_policy
    text = (POLICIES_DIR / f"{HENGYANG}.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "policies" / f"{HENGYANG}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    _, problems = load_policy(path, tmp_path / "policies", SOURCES_DIR)
    return problems


def test_an_unedited_copy_loads_cleanly(tmp_path: Path) -> None:
    assert _load_edited(tmp_path, []) == []


def test_a_year_in_the_quote_is_not_the_figure(tmp_path: Path) -> None:
    """衡阳's quote holds "2022年度 … 5977元/月": a wage of 2022 must not pass as stated."""
    problems = _load_edited(tmp_path, [("    value: 5977\n", "    value: 2022\n")])
    assert [p.field for p in problems] == ["parameters.base_reference_wage.value"], problems


def test_a_figure_of_another_period_is_not_the_figure(tmp_path: Path) -> None:
    """A monthly premium of 180 must not pass on "全年计180元" (a year's total) in the same sentence."""
    problems = _load_edited(tmp_path, [
        ("    value: 15\n", "    value: 180\n"),
        ("quote: 大病保险缴费标准为每月15元\n", "quote: 大病保险缴费标准为每月15元，全年计180元\n")])
    assert [p.field for p in problems] == ["parameters.critical_illness_monthly.value"], problems


def test_the_longer_quote_still_backs_the_true_figure(tmp_path: Path) -> None:
    assert _load_edited(tmp_path, [("quote: 大病保险缴费标准为每月15元\n", "quote: 大病保险缴费标准为每月15元，全年计180元\n")]) == []


# (value, unit, quote, does the quote state this figure?): a year, a date's month or day, a figure of
# another unit or period is a coincidence, not the figure
FIGURES = [
    (Decimal("2023"), "CNY/month", "2023年1月起，缴费基准值为5977元/月", False),
    (Decimal("1"), "CNY/month", "2023年1月起，缴费基准值为5977元/月", False),
    (Decimal("31"), "CNY/year", "缴费时间为2022年9月1日至12月31日，每人每年380元", False),
    (Decimal("12"), "persons", "截至2022-12-31，参保率达到95%", False),
    (Decimal("95"), "CNY/person/year", "参保率达到95%", False),
    (Decimal("380"), "CNY/month", "每人每年380元", False),
    (Decimal("15"), "CNY/year", "大病保险每月15元", False),
    (Decimal("60"), "percent", "补助60元", False),
    (Decimal("5977"), "CNY/month", "2022年度全省城镇职工基本医疗保险和生育保险月缴费基准值为5977元/月", True),
    (Decimal("180"), "CNY/year", "大病保险缴费标准为每月15元，全年计180元", True),
    (Decimal("2023"), "year", "2023年度城乡居民医保", True),
    (Decimal("3"), "months", "连续缴费三个月", True),
    (Decimal("60"), "percent", "缴费基数为缴费基准值的60%", True),
]


@pytest.mark.parametrize("value, unit, quote, stated", FIGURES)
def test_only_the_figure_itself_counts(value: Decimal, unit: str, quote: str, stated: bool) -> None:
    assert missing_from_quote(value, quote, unit) == ([] if stated else [str(value)])
