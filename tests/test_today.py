"""calc/today.py: what is open today for a place (issue 20 items 1, 2, 5) — a pure function of the
policies on file, a place and a day; the build renders every verdict and today.js picks by date."""
from __future__ import annotations

import datetime as dt

from calc import today as T
from calc.data import load_policies
from scripts.site import today_box

D = dt.date


def _policy(pid: str, topic: str, benefits: tuple[str, str], parameters: dict | None = None, effective=None,
            reach: str | None = "whole_area") -> dict:
    names = {"hunan": {"zh": "湖南省", "en": "Hunan"}, "yueyang": {"zh": "岳阳市", "en": "Yueyang"},
             "pingjiang": {"zh": "平江县", "en": "Pingjiang"}}
    parts = pid.split("/")[:-1]
    jurisdiction = dict(zip(("province", "city", "county"), (names[p] for p in parts)))
    span = {"from": benefits[0], "to": benefits[1]}
    return {"id": pid, "topic": topic, "jurisdiction": jurisdiction, "governs": {"benefits": span, "contributions": span},
            "effective": effective or span, "title": {"zh": pid, "en": pid}, "calculators": ["resident-contribution"],
            "issuers": [{"zh": "某县医疗保障局", "en": "County Healthcare Security Administration"}],
            "parameters": {name: {"value": value} for name, value in (parameters or {}).items()},
            **({"reach": {"value": reach}} if reach else {})}


def test_pingjiang_on_2026_12_04_is_told_the_2027_figure_is_not_on_file() -> None:
    found = T.today("hunan/yueyang/pingjiang", D(2026, 12, 4), load_policies(), topics=["resident"])["topics"][0]
    assert found["current"] == {"policy": "hunan/2026-resident", "level": "province", "ends_on": "2026-12-31", "ends_soon": True}
    assert found["open"] is None and found["next_year_missing"]["year"] == "2027"
    text = "".join(found["lines"]["zh"])
    assert "本站没有收录 2027 年度" in text and "400.00 元" in text and "2026-12-31 结束" in text
    assert "2026-09-01" in text   # the pattern of the last window, said as a guess
    assert "没有文件证实" in text
    assert "no resident medical insurance policy for 2027" in "".join(found["lines"]["en"])


def test_a_window_on_file_is_open_with_its_year_end_and_amount() -> None:
    found = T.today("hunan/yueyang/pingjiang", D(2025, 10, 1), load_policies(), topics=["resident"])["topics"][0]
    assert found["current"]["policy"] == "hunan/2025-resident"
    assert (found["open"]["policy"], found["open"]["to"], found["open"]["amount"]) == ("hunan/2026-resident", "2026-01-31", "400.00")
    assert "现在是 2026 年度的缴费期，至 2026-01-31；个人缴费 400.00 元" in "".join(found["lines"]["zh"])


def test_the_county_own_policy_wins_and_the_province_fills_the_other_years() -> None:
    policies = {p["id"]: p for p in (
        _policy("hunan/yueyang/pingjiang/2023-resident", "resident", ("2023-01-01", "2023-12-31"),
                {"collection_period_start": "2022-09-01", "collection_period_end": "2022-12-31", "individual_contribution": 350}),
        _policy("hunan/2023-resident", "resident", ("2023-01-01", "2023-12-31"), {"individual_contribution": 380}),
        _policy("hunan/2024-resident", "resident", ("2024-01-01", "2024-12-31")))}
    on = T.today("hunan/yueyang/pingjiang", D(2023, 6, 1), policies)["topics"][0]["current"]
    assert (on["policy"], on["level"]) == ("hunan/yueyang/pingjiang/2023-resident", "county")
    on = T.today("hunan/yueyang/pingjiang", D(2024, 6, 1), policies)["topics"][0]["current"]
    assert (on["policy"], on["level"]) == ("hunan/2024-resident", "province")
    # the province itself never sees a county's policy
    assert T.today("hunan", D(2023, 6, 1), policies)["topics"][0]["current"]["policy"] == "hunan/2023-resident"


def test_enrolment_windows_before_inside_and_after() -> None:
    rule = [{"from": "2026-09-01", "to": "2026-12-31", "pays": "individual", "cover_from": "benefit_year_start"},
            {"from": "2027-01-01", "to": "2027-02-28", "pays": "individual", "cover_from": "payment_day"},
            {"from": "2027-03-01", "pays": "individual_plus_fiscal", "cover_from": "month_after_payment"}]
    policies = {"hunan/2027-resident": _policy("hunan/2027-resident", "resident", ("2027-01-01", "2027-12-31"), {
        "enrolment_windows": rule, "individual_contribution": 420,
        "benefit_period_start": "2027-01-01", "benefit_period_end": "2027-12-31"}, {"from": "2026-09-01", "to": "2027-12-31"})}
    before = T.today("hunan", D(2026, 8, 31), policies)["topics"][0]
    assert before["open"] is None and before["next_window"]["from"] == "2026-09-01" and before["next_window"]["amount"] == "420.00"
    first = T.today("hunan", D(2026, 9, 1), policies)["topics"][0]["open"]
    assert (first["to"], first["amount"], first["benefit_year"]["from"]) == ("2026-12-31", "420.00", "2027-01-01")
    last = T.today("hunan", D(2027, 3, 5), policies)["topics"][0]["open"]
    assert (last["from"], last["to"], last["amount"]) == ("2027-03-01", "2027-12-31", None)   # a sum is not computed here
    assert "原文没有写这一时段的缴费金额" in "".join(T.today("hunan", D(2027, 3, 5), policies)["topics"][0]["lines"]["zh"])
    after = T.today("hunan", D(2028, 1, 1), policies)["topics"][0]
    assert after["current"] is None and after["no_current"] == {"last": "hunan/2027-resident"}


def test_variants_tile_time_and_agree_with_the_verdict_of_each_day() -> None:
    policies = load_policies()
    for place in ("hunan/yueyang/pingjiang", "hunan/shaoyang/shuangqing", "hunan", "fujian/ningde"):
        found = T.variants(place, policies)
        assert found[0]["from"] is None and found[-1]["to"] is None
        for a, b in zip(found, found[1:]):
            assert D.fromisoformat(a["to"]) + dt.timedelta(days=1) == D.fromisoformat(b["from"])
        for day in T.breaks(place, policies):
            for d in (day - dt.timedelta(days=1), day, day + dt.timedelta(days=3)):
                held = next(v for v in found if (v["from"] is None or v["from"] <= d.isoformat())
                            and (v["to"] is None or d.isoformat() <= v["to"]))
                assert [t["lines"] for t in held["result"]["topics"]] == \
                       [t["lines"] for t in T.today(place, d, policies)["topics"]], (place, d)


def test_ended_county_pages_link_the_province_policies_that_followed() -> None:
    from scripts.policy.loader import load_all
    policies, _ = load_all()
    for pid in ("hunan/yueyang/pingjiang/2023-resident", "hunan/shaoyang/shuangqing/2023-resident"):
        later = today_box.later_elsewhere(policies[pid], policies, "zh")
        assert later and "湖南省全省" in later["lead"]
        assert [i["years"] for i in later["items"]] == ["2024", "2025", "2026"]
        assert all(i["link"].startswith("../../") for i in later["items"])


def test_places_form_a_hierarchy_with_names() -> None:
    known = T.places(load_policies())
    assert known["hunan/shaoyang"] == {"zh": "邵阳市", "en": "Shaoyang", "level": "city", "parent": "hunan"}
    assert known["hunan/yueyang/pingjiang"]["parent"] == "hunan/yueyang"


def test_a_city_level_policy_is_not_its_counties_and_no_reach_is_assumed() -> None:
    """Issue 20 item 3: 岳阳市本级's policies are not offered to 平江 — a data flag (`reach`, quoted), not an assumption."""
    policies = {p["id"]: p for p in (
        _policy("hunan/yueyang/2024-flexible-employment", "flexible-employment", ("2024-01-01", "2024-12-31"), reach="own_level"),
        _policy("hunan/2024-resident", "resident", ("2024-01-01", "2024-12-31"), reach=None))}
    assert T.today("hunan/yueyang/pingjiang", D(2024, 6, 1), policies)["topics"] == []
    own = T.today("hunan/yueyang", D(2024, 6, 1), policies, topics=["flexible-employment"])["topics"][0]
    assert "岳阳市本级的" in own["lines"]["zh"][0] and "city level only" in own["lines"]["en"][0], own["lines"]
    on_file = load_policies()
    pingjiang = {t["topic"] for t in T.today("hunan/yueyang/pingjiang", D(2024, 6, 1), on_file)["topics"]}
    assert "flexible-employment" not in pingjiang and "resident" in pingjiang


def test_every_policy_with_a_place_below_on_file_says_whom_it_covers() -> None:
    """A county inherits its city's or province's policy only as the policy says (`reach`), so each one that could be
    inherited says it, with its quote (the loader checks the quote is in the source)."""
    policies = load_policies()
    known = T.places(policies)
    for pid, policy in policies.items():
        below = [p for p, info in known.items() if p != T.place_of(pid) and T.place_of(pid) in T.chain(p)]
        if below:
            assert policy.get("reach", {}).get("value") in ("whole_area", "own_level"), (pid, below)


def test_a_reach_is_quoted_like_a_figure(tmp_path) -> None:
    from scripts.policy.loader import POLICIES_DIR, SOURCES_DIR, load_policy
    pid = "hunan/yueyang/2024-flexible-employment"
    text = (POLICIES_DIR / f"{pid}.yaml").read_text(encoding="utf-8")
    path = tmp_path / f"{pid}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text.replace("岳阳2024年市本级灵活就业人员医保缴费标准\"}", "岳阳全市灵活就业人员\"}"), encoding="utf-8")
    _, problems = load_policy(path, tmp_path, SOURCES_DIR)
    assert [p.field for p in problems] == ["reach.source.quote"], problems
    path.write_text(text.replace("value: own_level", "value: citywide"), encoding="utf-8")
    _, problems = load_policy(path, tmp_path, SOURCES_DIR)
    assert [p.field for p in problems] == ["reach.value"], problems
