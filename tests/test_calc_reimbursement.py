"""reimbursement: the settlement slip, each layer with the sentence it comes from.

Real policies (policies/): the published worked examples, to the fen. Fixture policies
(tests/fixtures/reimbursement/policies, invented figures): bands above the deductible, bands at absolute
edges, a group uplift, a cap removal and a cap raised by incentives.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import calc
from calc_helpers import calc_helpers
from fixture_policies import step_of, use_fixture_policies

SOURCES = Path(__file__).resolve().parent.parent / "policies" / "sources"
FIXTURE = Path(__file__).parent / "fixtures" / "reimbursement" / "policies"
run, result, errors = calc_helpers("reimbursement")


def in_source(file: str, quote: str) -> bool:
    squash = lambda s: "".join(s.split())   # noqa: E731
    return squash(quote) in squash((SOURCES / file).read_text(encoding="utf-8"))


def test_hubei_published_example_150000_gives_93800() -> None:
    """031 (worked example): 剩余合規醫療費用為150000元 … 扣除大病保險起付線12000元 第一段:18000*0.6=10800元;
    第二段:70000*0.65=45500元;第三段:50000*0.75=37500元;三段累加合計93800元 — bands at absolute edges (030)."""
    quote = "第一段:18000*0.6=10800元;第二段:70000*0.65=45500元;第三段:50000*0.75=37500元;三段累加合計(jì)93800元"
    assert in_source("031_eed4ad5837035f47.txt", quote)
    out = run("hubei/enshi/2022-resident", {"total": "150000", "basic_paid": "0"})
    assert out["result"]["major_illness"] == "93800.00"
    major = step_of(out, "major_illness")
    for part in ("10800.00", "45500.00", "37500.00", "93800.00"):
        assert part in major["zh"] and part in major["en"]
    assert {c["field"] for c in major["cites"]} >= {"major_illness_deductible", "major_illness_bands"}


def test_hubei_special_groups_own_deductible_bands_and_no_cap() -> None:
    """030: 特困人员、低保对象、返贫致贫人口大病保险起付线为6000元 … 65% … 70% … 80%,无年度封顶线."""
    r = result("hubei/enshi/2022-resident", {"total": "150000", "basic_paid": "0", "groups": ["returned_to_poverty"]})
    assert r["major_illness"] == "104600.00"   # (30000-6000)×65% + 70000×70% + 50000×80%
    general = result("hubei/enshi/2022-resident", {"total": "150000", "basic_paid": "0", "earlier_major_illness": "800000"})
    group = result("hubei/enshi/2022-resident", {"total": "150000", "basic_paid": "0", "earlier_major_illness": "800000",
                                                  "groups": ["minimum_living"]})
    assert (general["major_illness"], group["major_illness"]) == ("0.00", "120000.00")   # 50万 limit vs none


def test_yubei_published_example_to_the_fen() -> None:
    """032: (50000-300)×70%=34790元; (50000-34790)×70%=10647元; [(50000-34790-10647)-3000]×60%=937.8元; 共报销费用46374.8元."""
    assert in_source("032_1f6a1b5bdd2aeeb5.txt", "[(50000-34790-10647)-3000]×60%=937.8元")
    out = run("chongqing/yubei/2023-resident", {"total": "52000", "in_scope": "50000", "level": "二级医院（居民医保一档）",
                                               "groups": ["low_income_marginal"]})
    r = out["result"]
    assert (r["basic_fund"], r["assistance"], r["funds_total"]) == ("34790.00", "11584.80", "46374.80")
    assert "10647.00" in step_of(out, "assistance_1")["zh"] and "937.80" in step_of(out, "assistance_2")["zh"]
    assert r["personal_total"] == "5625.20"   # 52000 − 46374.80, the 2000 outside the scope included
    assert {i["id"] for i in r["leaves_out"]} >= {"major_illness", "basic_cap", "rules"}
    svg = out["charts"]["who_pays"]["zh"]
    assert svg.startswith("<svg") and "34790.00 元" in svg and "医疗救助" in svg


@pytest.fixture()
def fixtures(tmp_path_factory, monkeypatch):
    yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)


ABOVE, ABSOLUTE = "testland/above/2025-resident", "testland/absolute/2025-resident"
BILL = {"total": "100000", "self_pay": "5000", "first_part": "5000", "level": "三级医院"}

# fixture vectors: (policy, inputs, expected subset)
FIXTURE_VECTORS = [
    # bands above the deductible: 90000 in scope, basic (90000-1000)×60% = 53400, 36600 left: (36600-10000)×60% = 15960
    (ABOVE, BILL, {"in_scope": "90000.00", "basic_fund": "53400.00", "major_illness": "15960.00",
                   "personal_in_scope": "20640.00", "personal_total": "30640.00"}),
    # group uplift +5 points: 26600 × 65%
    (ABOVE, {**BILL, "groups": ["minimum_living"]}, {"major_illness": "17290.00"}),
    # yearly deductible already borne; basic ceiling: 80000 paid earlier leaves 20000
    (ABOVE, {**BILL, "earlier_deductible": "1000"}, {"deductible": "0.00", "basic_fund": "54000.00"}),
    (ABOVE, {**BILL, "earlier_basic_fund": "80000"}, {"basic_fund": "20000.00"}),
    # the 300000 limit is used up by 303000 earlier; a limit raised to 320000 (the incentives) leaves 17000
    (ABOVE, {**BILL, "earlier_major_illness": "450000"}, {"major_illness": "0.00"}),
    (ABOVE, {**BILL, "earlier_major_illness": "450000", "major_illness_cap": "320000"}, {"major_illness": "17000.00"}),
    # absolute edges: 60000 left; 15000–50000 at 50% = 17500, 50000–60000 at 60% = 6000
    (ABSOLUTE, {"total": "100000", "basic_paid": "40000"}, {"major_illness": "23500.00", "basic_fund": "40000.00"}),
    # a group's lower deductible: 7500–50000 at 50% = 21250, + 6000
    (ABSOLUTE, {"total": "100000", "basic_paid": "40000", "groups": ["extreme_poverty"]}, {"major_illness": "27250.00"}),
    # cap removal: 400000 earlier used up the 200000 limit; the group has none: 60000 × 60%
    (ABSOLUTE, {"total": "100000", "basic_paid": "40000", "earlier_major_illness": "400000"}, {"major_illness": "0.00"}),
    (ABSOLUTE, {"total": "100000", "basic_paid": "40000", "earlier_major_illness": "400000", "groups": ["extreme_poverty"]},
     {"major_illness": "36000.00"}),
]


@pytest.mark.parametrize("policy, inputs, expected", FIXTURE_VECTORS)
def test_fixture_vectors(fixtures, policy: str, inputs: dict, expected: dict) -> None:
    r = result(policy, inputs)
    assert {k: r[k] for k in expected} == expected


def test_raised_cap_is_one_input_never_lower_than_the_policy(fixtures) -> None:
    """The Hunan 2025 measures' raised limit (critical-illness-cap's `cap`) feeds the 大病 layer as one input."""
    out = run(ABOVE, {**BILL, "earlier_major_illness": "450000", "major_illness_cap": "320000"})
    cap = step_of(out, "major_illness_cap")
    assert "320000.00" in cap["zh"] and "major_illness_cap_incentives" in {c["field"] for c in cap["cites"]}
    (err,) = errors(ABOVE, {**BILL, "major_illness_cap": "1000"})
    assert err["field"] == "major_illness_cap" and "300000.00" in err["message_zh"]


def test_bad_inputs_are_bilingual_errors_never_tracebacks() -> None:
    assert errors("chongqing/yubei/2023-resident", {"total": "100", "self_pay": "80", "first_part": "30",
                                                   "level": "二级医院（居民医保一档）"})[0]["field"] == "self_pay"
    assert errors("hubei/enshi/2022-resident", {"total": "100", "basic_paid": "200"})[0]["field"] == "basic_paid"
    assert errors("hubei/enshi/2022-resident", {"total": "100", "level": "x"})[0]["field"] == "level"   # no basic layer here
    assert not calc.run("reimbursement", "chongqing/yubei/2023-resident", {"total": "-1"})["ok"]
