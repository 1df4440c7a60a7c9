"""Principle 1: every quote is in its stored source; every stated number is in its quote."""
from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from calc.registry import calculators
from scripts.policy_loader import SOURCES_DIR, load_all, semantic_problems
from scripts.provenance import missing_from_quote, numbers_in, quote_in_source

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
        assert missing_from_quote(param["value"], param["source"]["quote"]) == []
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


def test_stored_sources_are_the_seed_texts_verbatim() -> None:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds not beside the checkout")
    for seed in seeds.glob("0*.txt"):
        assert (SOURCES_DIR / seed.name).read_bytes() == seed.read_bytes()


def test_pingjiang_normalised_reading_is_up_to_date() -> None:
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "scripts/normalise_source.py", "--check"], cwd=root,
                          capture_output=True, text=True, timeout=120)
    if "opencc" in proc.stderr.lower() and "no module" in proc.stderr.lower():
        pytest.skip("opencc not installed")
    assert proc.returncode == 0, proc.stdout + proc.stderr
