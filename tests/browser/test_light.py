"""Light on the wire (issue 14): what a page downloads, and when.

- a site built from synthetic policies (scripts/synthetic_policies.py) computes with its own
  policies' data, and a widget loads its policy's data file only;
"""
from __future__ import annotations

import re
import sys

import pytest
from playwright.sync_api import expect

from support import REPO, serve

pytestmark = pytest.mark.browser

sys.path.insert(0, str(REPO))
from scripts.bench_build import _build, _our_project  # noqa: E402

SYNTHETIC = 5


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("synthetic")
    config, env = _our_project(work, SYNTHETIC)
    _build(config, work / "site", env)
    with serve(work / "site") as url:
        yield work / "site", url


def test_synthetic_build_widgets_compute_with_their_own_data(open_page, synthetic_site):
    site, url = synthetic_site
    data = sorted(p.relative_to(site / "assets/mingbai/data").as_posix()[:-3]
                  for p in (site / "assets/mingbai/data").rglob("*.js"))
    assert len(data) == SYNTHETIC and not any(p.startswith("hunan/") for p in data), data
    pid = data[-1]
    o = open_page(url + f"policies/{pid}/")
    page = o.page
    page.fill("[data-field=months] input", "6")
    # each synthetic policy is the 衡阳 2023 policy moved to a made-up county
    expect(page.locator("[data-output=period_total]").first).to_have_text("1811.28 元", timeout=90_000)
    loaded = [u for u in o.requests if "/assets/mingbai/data/" in u]
    assert loaded == [url + f"assets/mingbai/data/{pid}.js"], loaded
    assert not any(re.search(r"policies\.json", u) for u in o.requests), o.requests
    o.assert_clean()
