"""reimbursement: the settlement slip, each layer with the sentence it comes from.

Real policies (policies/): the published worked examples, to the fen; Hunan's bands above the deductible with
a deductible the text leaves open. Fixture policies (tests/fixtures/reimbursement/policies, invented figures):
bands above the deductible, bands at absolute edges, a group uplift, a cap removal and a cap raised by
incentives; and one real page's worked example of bands above the deductible whose page names no place.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import calc
import calc.data
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
PUBLISHED = "testland/published/2018-resident"
FIXTURE_SOURCES = FIXTURE / "sources"
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


def test_published_example_of_bands_above_the_deductible(fixtures) -> None:
    """A real page (51dongshi.net, no place named; hence a fixture): 住院医疗总费用为10万元,基本医保报销了4万元 … 其中非医保费用1万元
    … 本次大病报销金额为3万元(5万元-起付标准2万元) … 2万元×30%=0.6万元 … 1万元×40%=0.4万元 … 本次大病报销费用为1万元 —
    the bands start at the deductible: absolute edges would give 3万 × 40% = 1.2万 instead."""
    text = "".join((FIXTURE_SOURCES / "above-published.txt").read_text(encoding="utf-8").split())
    assert "则本次大病报销费用为1万元(0.6万元+0.4万元)" in text
    out = run(PUBLISHED, {"total": "100000", "self_pay": "10000", "basic_paid": "40000"})
    r = out["result"]
    assert (r["in_scope"], r["major_illness"], r["personal_in_scope"]) == ("90000.00", "10000.00", "40000.00")
    major = step_of(out, "major_illness")
    assert "6000.00" in major["zh"] and "4000.00" in major["zh"] and "超过起付线" in major["zh"]


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


@pytest.fixture()
def hunan_raised_cap() -> str:
    """critical-illness-cap on the real Hunan 2025 measures (requested before `fixtures` swaps the policy set)."""
    return calc.run("critical-illness-cap", "hunan/2025-enrolment-measures",
                    {"original_cap": "300000", "enrolled_years": [2025, 2026, 2027, 2028, 2029, 2030],
                     "zero_reimbursement_years": [2026], "benefit_year": 2030})["result"]["cap"]


def test_raised_cap_from_critical_illness_cap_flows_into_the_major_illness_layer(hunan_raised_cap, fixtures) -> None:
    """Issue 22: the Hunan 2025 measures' raised limit is one input. critical-illness-cap's `cap` (the measures'
    example: 300000, enrolled 2025–2030, no claims in 2026 → 315000) is passed as is to reimbursement's
    `major_illness_cap`, never retyped; its help text names that calculator."""
    cap = hunan_raised_cap
    assert cap == "315000.00"
    plain = result(ABOVE, {**BILL, "earlier_major_illness": "450000"})
    raised = run(ABOVE, {**BILL, "earlier_major_illness": "450000", "major_illness_cap": cap})
    # 303000 paid earlier uses up the 300000 limit; the raised 315000 leaves 12000 of this admission's 15960
    assert (plain["major_illness"], raised["result"]["major_illness"]) == ("0.00", "12000.00")
    assert "315000.00" in step_of(raised, "major_illness_cap")["zh"]
    spec = next(i for i in calc.describe("reimbursement")["inputs"] if i["name"] == "major_illness_cap")
    assert "critical-illness-cap" in spec["help"]["zh"] and "critical-illness-cap" in spec["help"]["en"]


ZHOUKOU = "henan/zhoukou/2024-flexible-employment"


def test_zhoukou_article_10_figures_are_asked_never_invented() -> None:
    """003 第十条: 在基本医疗保险起付线、支付比例、最高支付限额等方面与我市职工基本医疗保险享受同等待遇 — no amounts,
    so the form asks for the deductible and rate; 年度最高报销额度可达 55 万元 is shown only (basic + supplementary)."""
    assert in_source("003_2efed630173b8628.txt", "在基本医疗保险起付线、支付比例、最高支付限额等方面与我市职工基本医疗保险享受同等待遇")
    assert in_source("003_2efed630173b8628.txt", "年度最高报销额度可达55万元")
    assert {e["field"] for e in errors(ZHOUKOU, {"total": "30000"})} == {"basic_deductible", "basic_rate"}
    r = result(ZHOUKOU, {"total": "30000", "self_pay": "2000", "first_part": "1000", "basic_deductible": "800",
                         "basic_rate": "85"})
    assert (r["in_scope"], r["basic_fund"], r["personal_total"]) == ("27000.00", "22270.00", "7730.00")
    assert {i["id"] for i in r["leaves_out"]} >= {"basic_figures", "basic_cap", "major_illness", "assistance"}
    capped = result(ZHOUKOU, {"total": "30000", "basic_deductible": "800", "basic_rate": "85", "basic_cap": "10000",
                              "earlier_basic_fund": "4000"})
    assert capped["basic_fund"] == "6000.00" and "basic_cap" not in {i["id"] for i in capped["leaves_out"]}
    assert errors(ZHOUKOU, {"total": "30000", "basic_deductible": "800", "basic_rate": "120"})[0]["field"] == "basic_rate"


HUNAN = "hunan/2025-resident"
HUNAN_BILL = {"total": "100000", "basic_paid": "0", "major_illness_deductible": "15000"}


def test_hunan_bands_above_the_deductible_the_deductible_asked() -> None:
    """033: 起付标准按全省上年度居民人均可支配收入的50%左右确定,具体标准根据测算情况合理确定 (no amount: the reader's) …
    扣除大病保险起付线以后,分四段累计补偿:0至3万元(含)部分报销60%,3万元以上至8万元(含)部分报销65%,8万元以上至15万元(含)部分
    报销75%,15万元以上部分报销85% … 年度最高支付限额为40万元. No published example: the figures are the bands' own."""
    assert in_source("033_08defeab82f157cc.txt", "扣除大病保险起付线以后,分四段累计补偿:0至3万元(含)部分报销60%")
    assert {e["field"] for e in errors(HUNAN, {"total": "100000", "basic_paid": "0"})} == {"major_illness_deductible"}
    out = run(HUNAN, HUNAN_BILL)
    # 85000 above a 15000 deductible: 30000 × 60% + 50000 × 65% + 5000 × 75%
    assert out["result"]["major_illness"] == "54250.00"
    major = step_of(out, "major_illness")
    for part in ("18000.00", "32500.00", "3750.00", "您填写的"):
        assert part in major["zh"]
    assert "major_illness_deductible" in {i["id"] for i in out["result"]["leaves_out"]}
    assert {c["field"] for c in major["cites"]} >= {"major_illness_deductible", "major_illness_band_edges"}


def test_hunan_groups_deductible_halved_five_points_no_limit() -> None:
    """033: 对特困人员、低保对象、返贫致贫人口实施起付线降低50% … 各段报销比例分别提高5个百分点 … 取消最高支付限额."""
    out = run(HUNAN, {**HUNAN_BILL, "groups": ["returned_to_poverty"]})
    # 92500 above 7500 (15000 lowered by 50%): 30000 × 65% + 50000 × 70% + 12500 × 80%
    assert out["result"]["major_illness"] == "64500.00"
    assert "7500.00" in step_of(out, "major_illness")["zh"] and "15000.00" in step_of(out, "major_illness")["zh"]
    assert step_of(out, "major_illness_no_cap")
    # 520000 counted earlier: 404750 paid, over the 400000 limit; the groups have none
    late = {**HUNAN_BILL, "earlier_major_illness": "520000"}
    assert result(HUNAN, late)["major_illness"] == "0.00"
    assert result(HUNAN, {**late, "groups": ["extreme_poverty"]})["major_illness"] == "90000.00"


def test_hunan_measures_raised_cap_feeds_the_hunan_layer() -> None:
    """Issue 22 on real Hunan policies: the limit the 2025 measures raise (critical-illness-cap on
    hunan/2025-enrolment-measures, whose 原封顶线 is an input) starts from the 40万 the 大病 text files — read from the
    policy data, never retyped — and its answer goes as is into reimbursement's one input `major_illness_cap`."""
    original = calc.data.load_policies()[HUNAN]["parameters"]["major_illness_annual_cap"]["value"]
    cap_out = calc.run("critical-illness-cap", "hunan/2025-enrolment-measures",
                       {"original_cap": str(original), "enrolled_years": [2021, 2022, 2023, 2024, 2025],
                        "zero_reimbursement_years": [2024], "benefit_year": 2025, "count_earlier_years": True})
    assert cap_out["result"]["ceiling"] == "80000.00"   # 20% of the 40万: the 8万 the 2025 digests name
    cap = cap_out["result"]["cap"]
    assert cap == "410000.00"
    late = {**HUNAN_BILL, "earlier_major_illness": "520000"}   # 404750 paid earlier this year
    raised = run(HUNAN, {**late, "major_illness_cap": cap})
    assert raised["result"]["major_illness"] == "5250.00"   # 410000 − 404750
    assert "410000.00" in step_of(raised, "major_illness_cap")["zh"]
    assert errors(HUNAN, {**late, "major_illness_cap": "300000"})[0]["field"] == "major_illness_cap"
