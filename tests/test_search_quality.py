"""Reader search quality (issue 24): the site's real query code, under Node, on the built index.

tests/search/queries.yaml holds ≥ 150 judged queries in zh, en and zh-Hant (official terms, colloquial
questions, places, typos of places, English), each with the pages that must be in its first 5 results.
tests/search/quality.js runs docs/assets/mingbai/search-worker.js (the code the browser runs) on each
language's search/search_index.<lang>.json and reports recall@5 and MRR; the bar is recall@5 = 100 %
and MRR ≥ 0.9 in each language. The day statuses are judged on is fixed (the set's judgements rank
the policy in force first).
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent

QUERIES = REPO / "tests" / "search" / "queries.yaml"
TODAY = "2026-12-04"
BAR = {"recall5": 1.0, "mrr": 0.9}


@pytest.fixture(scope="module")
def quality(built_site: Path, tmp_path_factory) -> dict:
    """The search run under Node on the shared build (`site` marker: from built_site, tests/conftest.py)."""
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    site = built_site
    queries = tmp_path_factory.mktemp("q") / "queries.json"
    queries.write_text(json.dumps(yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"],
                                  ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(["node", str(REPO / "tests" / "search" / "quality.js"), str(site), str(queries), TODAY],
                         capture_output=True, text=True, check=True, timeout=300)
    return json.loads(out.stdout)


def test_the_query_set_is_big_enough() -> None:
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 150
    assert {q["lang"] for q in queries} == {"zh", "en", "zh-Hant"}
    assert {q["kind"] for q in queries} >= {"official", "colloquial", "place", "typo", "english"}
    assert all(q["top5"] and len(q["top5"]) <= 5 for q in queries)


@pytest.mark.node
@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
def test_recall_and_mrr_reach_the_bar(quality: dict, lang: str) -> None:
    stat = quality["languages"][lang]
    misses = [(r["query"], r["top5"], r["top"][:5]) for r in quality["results"]
              if r["lang"] == lang and any(k == 0 or k > 5 for k in r["ranks"])]
    print(f"{lang}: recall@5 {stat['recall5']:.3f}, MRR {stat['mrr']:.3f}, slowest query {stat['slowest_ms']:.1f} ms")
    assert stat["recall5"] >= BAR["recall5"], misses
    assert stat["mrr"] >= BAR["mrr"], misses
