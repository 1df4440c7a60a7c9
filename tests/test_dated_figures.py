"""Issue 10 §1, dated values on the page: the policy page's figures table shows each value a parameter holds by
effective date, with its date and its own source quote — rendered from a test-fixture series (invented figures,
tests/fixtures/flexible-series — never a published page); expectations come from the fixture's own data."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from fixture_policies import use_fixture_policies
from scripts.site.jinja_env import environment
from scripts.site.policy_page import render_policy
from scripts.site.formatting import format_value
from scripts.policy.loader import load_all

FIXTURE = Path(__file__).parent / "fixtures" / "flexible-series" / "policies"
CHOICES = Path(__file__).parent / "fixtures" / "flexible-choices" / "policies"


@pytest.fixture()
def fixture(tmp_path_factory, monkeypatch) -> dict[str, dict]:
    """The fixture series as the loader gives it; calc reads its compiled data (the page runs the widgets)."""
    for _ in use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch):
        policies, problems = load_all(FIXTURE, FIXTURE / "sources")
        assert problems == []
        yield policies


def _row(page: str, name: str) -> str:
    start = page.index(f'<tr id="fig-{name}"')
    return page[start:page.index("</tr>", start)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_dated_value_has_its_date_and_its_own_quote(fixture, monkeypatch, lang: str) -> None:
    monkeypatch.setenv("MINGBAI_TODAY", "2024-06-01")
    dated = [(pid, name, param) for pid, policy in fixture.items() for name, param in policy["parameters"].items()
             if param.get("dated")]
    assert dated, "the fixture series has a dated value"
    for pid, name, param in dated:
        # the figures table is the subject: the page keeps the calculator its examples are for
        policy = {**fixture[pid], "calculators": ["flexible-contribution"]}
        page = render_policy(environment(), policy, lang, lang, fixture)
        row = html.unescape(_row(page, name))
        assert param["source"]["quote"] in row and format_value(param, lang) in row
        for entry in param["dated"]:
            assert str(entry["from"]) in row, entry
            assert entry["source"]["quote"] in row, entry
            shown = format_value({**entry, "unit": param["unit"], "status": entry.get("status", "stated")}, lang)
            assert shown in row
        # the first value's quote comes before every later one, in date order
        quotes = [param["source"]["quote"]] + [e["source"]["quote"] for e in param["dated"]]
        assert [row.index(q) for q in quotes] == sorted(row.index(q) for q in quotes)


@pytest.fixture()
def choices(tmp_path_factory, monkeypatch) -> dict[str, dict]:
    for _ in use_fixture_policies(CHOICES, tmp_path_factory, monkeypatch):   # cleared again after the test
        policies, problems = load_all(CHOICES, CHOICES / "sources")
        assert problems == []
        yield policies


def test_a_percent_range_reads_as_a_range(choices) -> None:
    policies = choices
    (policy,) = policies.values()
    value = policy["parameters"]["base_ratio"]["value"]
    for lang in ("zh", "en"):
        row = html.unescape(_row(render_policy(environment(), policy, lang, lang, policies), "base_ratio"))
        assert f"{value['min']}%–{value['max']}%" in row and "{" not in row
