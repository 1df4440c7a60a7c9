"""Time is part of the truth: each policy page says whether its policy is in force and what came after it.

Expectations come from policies/ (each policy's own `effective`, `governs` and series), so a new
year or place needs no edit here. A made-up series (copies of a real policy with other periods,
never published) checks linking and the overlap error.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from calc import series
from calc.today import whom as today_whom
from scripts.site.jinja_env import environment
from scripts.site.listing_pages import render_home
from scripts.site.page_paths import page_path
from scripts.site.policy_labels import years_label
from scripts.site.policy_page import render_policy
from scripts.site.status_banner import status_view
from scripts.site import today_box
from scripts.policy.loader import POLICIES_DIR, load_all



@pytest.fixture(scope="module")
def real() -> dict[str, dict]:
    policies, problems = load_all()
    assert problems == []
    return policies


def _page(policy: dict, policies: dict, lang: str, today: str, monkeypatch) -> str:
    monkeypatch.setenv("MINGBAI_TODAY", today)
    return render_policy(environment(), policy, lang, lang, policies)


def _banner(page: str) -> str:
    return page[page.index('<div class="mb-policy-status'):page.index("</div>")]


def test_every_policy_page_says_in_force_or_ended_by_the_build_date(real, monkeypatch) -> None:
    for pid, policy in real.items():
        start, end = policy["effective"]["from"], policy["effective"].get("to")
        inside = _banner(_page(policy, real, "zh", start.isoformat(), monkeypatch))
        assert "mb-policy-status--in_force" in inside and '<p data-state="in_force">' in inside, pid
        before = _banner(_page(policy, real, "en", (start - dt.timedelta(days=1)).isoformat(), monkeypatch))
        assert "mb-policy-status--not_yet" in before and f"applies from {start}" in before, pid
        if end is None:
            continue
        after = _banner(_page(policy, real, "zh", (end + dt.timedelta(days=1)).isoformat(), monkeypatch))
        assert "mb-policy-status--ended" in after and f"本政策已于 {end} 结束" in after, pid
        nxt = policy["series"]["next"]
        later = today_box.later_elsewhere(policy, real, "zh")   # a later policy of a place above (issue 20 item 5)
        if nxt:
            assert real[nxt]["title"]["zh"] in after, pid
        elif later:
            assert "本站没有收录之后的政策" not in after, pid
            assert all(i["title"] in after for i in later["items"]), pid
        else:
            assert "本站没有收录之后的政策" in after and "不要直接使用本页的数字" in after, pid
        # whom to ask, in the today box's plain words (calc/today.py whom): the policy's own contact, else its issuers
        # that are named offices and the local office — never "湖南省 7 个部门联合发文（据转述…）" (issue 20 item 12)
        whom = today_whom(policy)[0]
        assert "据转述" not in after and "部门联合发文" not in after, pid
        assert nxt or later or whom in after, pid


def test_lists_show_the_years_a_policy_covers_not_its_publication_year(real) -> None:
    env = environment()
    for lang in ("zh", "en"):
        home = render_home(env, real, lang)
        for pid, policy in real.items():
            row = next(line for line in home.splitlines() if f"]({page_path(pid, 'zh')})" in line)
            assert f"| {years_label(policy, lang)} |" in row, (pid, row)
            assert str(policy["governs"]["benefits"]["from"])[:4] in row


def test_years_label_reads_like_a_year() -> None:
    def policy(start, end):
        return {"governs": {"benefits": {"from": dt.date.fromisoformat(start), "to": end and dt.date.fromisoformat(end)}}}
    assert years_label(policy("2023-01-01", "2023-12-31"), "zh") == "2023"
    assert years_label(policy("2023-07-01", "2024-06-30"), "en") == "2023–2024"
    assert years_label(policy("2025-01-01", None), "zh") == "2025 起"
    assert years_label(policy("2025-01-01", None), "en") == "2025 on"


def test_a_policy_whose_sources_are_all_second_hand_says_so_in_its_header(real) -> None:
    env = environment()
    for pid, policy in real.items():
        second_hand = all(s["kind"] == "summary" for s in policy["sources"].values())
        for lang, words in (("zh", "报道；本站没有见到原文"), ("en", "we have not seen the original")):
            page = render_policy(env, policy, lang, lang, real)
            header = page[page.index('<dl class="mb-meta">'):page.index("</dl>")]
            assert (words in header) == second_hand, (pid, lang)
            for key, source in policy["sources"].items():
                if source.get("url"):
                    assert f'href="{source["url"]}"' in page, (pid, key)


def _write_series(tmp_path: Path, periods: list[tuple[str, str]]) -> Path:
    """Copies of the 衡阳 2023 policy as a made-up place's yearly series (test data only)."""
    root = tmp_path / "policies"
    shutil.copytree(POLICIES_DIR / "sources", root / "sources")
    text = (POLICIES_DIR / "hunan/hengyang/2023-flexible-employment.yaml").read_text(encoding="utf-8")
    examples = re.search(r"^examples:\n(?:[ -].*\n)*", text, flags=re.M)   # they name 2023 dates
    for start, end in periods:
        pid = f"hunan/testcity/{start[:4]}-flexible-employment"
        body = text.replace("id: hunan/hengyang/2023-flexible-employment", f"id: {pid}")
        # the examples move to the policy's year (the loader checks prose figures against their results)
        body = body.replace(examples.group(0), examples.group(0).replace('"2023-', f'"{start[:4]}-'))
        body = body.replace("effective: {from: 2023-01-01, to: 2023-12-31}", f"effective: {{from: {start}, to: {end}}}")
        for part in ("contributions", "benefits"):
            body = body.replace(f"  {part}: {{from: 2023-01-01, to: 2023-12-31}}", f"  {part}: {{from: {start}, to: {end}}}")
        path = root / f"{pid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return root


def test_a_series_links_each_policy_to_the_one_before_and_after(tmp_path, monkeypatch) -> None:
    root = _write_series(tmp_path, [("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31")])
    policies, problems = load_all(root, root / "sources")
    assert problems == []
    old, new = "hunan/testcity/2023-flexible-employment", "hunan/testcity/2024-flexible-employment"
    assert policies[old]["series"] == {"key": "hunan/testcity/flexible-employment", "members": [old, new],
                                      "previous": None, "next": new}
    assert policies[new]["series"]["previous"] == old
    monkeypatch.setenv("MINGBAI_TODAY", "2024-03-01")
    view = status_view(policies[old], policies, "en")
    assert view["state"] == "ended" and "ended on 2023-12-31" in view["ended"]
    assert view["next"] == {"title": policies[new]["title"]["en"], "years": "2024", "link": "../2024-flexible-employment/"}
    assert [m["link"] for m in view["series"]] == [None, "../2024-flexible-employment/"]


def test_overlapping_periods_in_a_series_are_a_file_line_error(tmp_path) -> None:
    root = _write_series(tmp_path, [("2023-01-01", "2024-06-30"), ("2024-01-01", "2024-12-31")])
    _, problems = load_all(root, root / "sources")
    assert len(problems) == 1
    problem = problems[0]
    newer = root / "hunan/testcity/2024-flexible-employment.yaml"
    governs_line = newer.read_text(encoding="utf-8").splitlines().index("governs:") + 1
    assert (problem.path, problem.line, problem.field) == (str(newer), governs_line, "governs.contributions")
    assert "overlaps hunan/testcity/2023-flexible-employment" in problem.en and "重叠" in problem.zh


def test_calc_series_finds_the_policy_for_a_day() -> None:
    for pid, policy in series.load_policies().items():
        key = policy["series"]["key"]
        start = dt.date.fromisoformat(policy["governs"]["contributions"]["from"])
        assert series.policy_for(key, start) == pid
        assert series.policy_for(key, start - dt.timedelta(days=1)) in (None, policy["series"]["previous"])


def test_a_date_no_policy_on_file_covers_names_what_is_on_file() -> None:
    policies = series.load_policies()
    for pid, policy in policies.items():
        members = policy["series"]["members"]
        error = series.outside_error(pid, "payment_date", dt.date(1990, 1, 1))
        assert error.field == "payment_date" and "1990-01-01" in error.message_zh and "1990-01-01" in error.message_en
        for member in members:
            assert policies[member]["title"]["zh"] in error.message_zh
            assert policies[member]["title"]["en"] in error.message_en
        assert pid not in error.message_zh + error.message_en   # words, not ids
