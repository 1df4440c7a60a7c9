"""resident-contribution: the standard, each subsidy rule with the sentence it comes from, timing, charts."""
from __future__ import annotations

import itertools
import json

import pytest

import calc
from calc import categories
from calc.data import load_policies
from calc_helpers import calc_helpers

CALC = "resident-contribution"
PJ = "hunan/yueyang/pingjiang/2023-resident"
SQ = "hunan/shaoyang/shuangqing/2023-resident"


run, result, errors = calc_helpers(CALC)


def step_ids(out: dict) -> list[str]:
    return [s["id"] for s in out["steps"]]


def step(out: dict, id: str) -> dict:
    (found,) = [s for s in out["steps"] if s["id"] == id]
    return found


# --- the standard ---------------------------------------------------------------------------

@pytest.mark.parametrize("policy", [PJ, SQ])
def test_ordinary_resident_pays_the_standard_350(policy: str) -> None:
    """平江: “2023年度我县城乡居民医保个人缴费标准为350元/人”; 双清: “个人缴费标准统一为350元／人/年”."""
    r = result(policy, {})
    assert (r["standard"], r["subsidy"], r["payable"], r["applied_category"], r["determined"]) == \
        ("350.00", "0.00", "350.00", "none", True)


# --- 平江 full and half subsidies ------------------------------------------------------------

@pytest.mark.parametrize("category", ["extreme_poverty", "severe_disability", "orphan", "de_facto_orphan"])
def test_pingjiang_full_subsidy_groups_pay_nothing(category: str) -> None:
    """平江: “全额资助对象:特困救助对象(即特困人员)、重度残疾人(指一、二级残疾人)、孤儿、事实无人抚养儿童的个人缴费
    由医疗救助全额资助,本人不需缴费。” and item 7: “……由乡镇(街道)在医保信息系统中直接办理……(即零缴费),不通过税务系统参保缴费。”"""
    r = result(PJ, {"subsidy_list": "on_list", "categories": [category]})
    assert (r["subsidy"], r["payable"], r["applied_category"]) == ("350.00", "0.00", category)
    assert r["subsidy_payer"] == {"zh": "医疗救助", "en": "medical assistance"}
    assert r["payment_channel"] == "zero_payment_registration_by_township"


@pytest.mark.parametrize("category", ["minimum_living", "monitored", "low_income_marginal", "child_in_difficulty"])
def test_pingjiang_half_subsidy_groups_pay_175(category: str) -> None:
    """平江: “半额资助对象:低保对象(含已纳入低保的困难退役军人,下同)、监测对象……、最低生活保障边缘家庭成员、困境儿童的个人缴费
    由医疗救助资助50%(即175元),本人缴纳50%(即175元)。” and item 6: “……按上述缴费方式通过税务系统缴纳保费。”"""
    out = run(PJ, {"subsidy_list": "on_list", "categories": [category]})
    r = out["result"]
    assert (r["subsidy"], r["payable"], r["applied_category"]) == ("175.00", "175.00", category)
    assert r["subsidy_payer"]["zh"] == "医疗救助"
    assert r["payment_channel"] == "tax_system"
    assert "350.00 × 50% = 175.00" in step(out, f"category_{category}")["zh"]


def test_pingjiang_minimum_living_and_extreme_poverty_pay_nothing() -> None:
    """平江: “有双重资助参保身份的,资助金额不累加。” — a full identity wins (reading no-stacking): 低保 + 特困 → 0."""
    out = run(PJ, {"subsidy_list": "on_list", "categories": ["minimum_living", "extreme_poverty"]})
    r = out["result"]
    assert (r["subsidy"], r["payable"], r["applied_category"]) == ("350.00", "0.00", "extreme_poverty")
    assert "no_stacking" in step_ids(out)
    assert "有双重资助参保身份的，资助金额不累加" in step(out, "no_stacking")["zh"]


def test_pingjiang_half_subsidy_leaves_the_stated_personal_share() -> None:
    """平江: “本人缴纳50%(即175元)” — 350 − 175 equals the personal share the notice states."""
    stated = load_policies()[PJ]["parameters"]["subsidy_half_personal_share"]["value"]
    assert result(PJ, {"subsidy_list": "on_list", "categories": ["low_income_marginal"]})["payable"] == f"{stated}.00"


def test_pingjiang_two_half_identities_do_not_add_up() -> None:
    """平江: “有双重资助参保身份的,资助金额不累加。” — 低保 + 困境儿童 gives 175, not 350."""
    r = result(PJ, {"subsidy_list": "on_list", "categories": ["minimum_living", "child_in_difficulty"]})
    assert (r["subsidy"], r["payable"], r["applied_category"]) == ("175.00", "175.00", "minimum_living")


def test_pingjiang_veteran_in_difficulty_only_through_minimum_living() -> None:
    """平江: “低保对象(含已纳入低保的困难退役军人,下同)” — no subsidy of their own (reading veterans-via-minimum-living)."""
    out = run(PJ, {"subsidy_list": "on_list", "categories": ["veteran_in_difficulty"]})
    r = out["result"]
    assert (r["subsidy"], r["payable"], r["applied_category"]) == ("0.00", "350.00", "none")
    text = step(out, "category_veteran_in_difficulty")
    assert "低保对象" in text["zh"] and "没有勾选" in text["zh"] and "did not tick" in text["en"]
    assert text["cites"][0]["field"] == "subsidy_only_via"
    both = result(PJ, {"subsidy_list": "on_list", "categories": ["veteran_in_difficulty", "minimum_living"]})
    assert (both["subsidy"], both["payable"], both["applied_category"]) == ("175.00", "175.00", "minimum_living")
    assert "按该身份计算" in step(run(PJ, {"subsidy_list": "on_list", "categories": ["veteran_in_difficulty", "minimum_living"]}), "category_veteran_in_difficulty")["zh"]


def test_pingjiang_ordinary_payment_lists_the_ways_to_pay() -> None:
    """平江 (六)统一缴费方式: “参保人员可通过微信公众号“湖南农行微银行”缴纳保费……”."""
    out = run(PJ, {})
    assert out["result"]["payment_channel"] == "listed_channels"
    assert "湖南农行微银行" in step(out, "payment_channel")["zh"]


def test_pingjiang_finance_bureau_note_for_monitored_people() -> None:
    """平江 duties: “资助监测对象参加居民医保所需资金……由县财政局或相关主管部门及时足额安排。” (reading funder-conflict)."""
    out = run(PJ, {"subsidy_list": "on_list", "categories": ["monitored"]})
    assert out["result"]["subsidy_payer"]["zh"] == "医疗救助"
    assert "县财政局" in step(out, "fiscal_funding")["zh"]


# --- 双清 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("category, payer", [
    ("extreme_poverty", "医疗救助资金"), ("orphan", "医疗救助资金"), ("de_facto_orphan", "医疗救助资金"),
    ("severe_disability", "财政资金"), ("veteran_in_difficulty", "区退役军人事务局"),
])
def test_shuangqing_full_subsidies_and_their_funders(category: str, payer: str) -> None:
    """双清 1: “……特困供养人员、孤儿、事实无人抚养儿童……通过医疗救助资金给予全额资助。” 2: “……重度残疾人……通过财政资金给予全额资助。”
    6: “……对区辖困难退役军人参加城乡居民医保的个人缴费部分,由区退役军人事务局全额资助。”"""
    r = result(SQ, {"categories": [category]})
    assert (r["subsidy"], r["payable"], r["subsidy_payer"]["zh"], r["determined"]) == ("350.00", "0.00", payer, True)


@pytest.mark.parametrize("category, payer", [
    ("minimum_living", "医疗救助等"), ("low_income_marginal", "医疗救助等"), ("monitored", "财政资金"),
])
def test_shuangqing_half_subsidies_and_their_funders(category: str, payer: str) -> None:
    """双清 3: “……城乡低保对象、最低生活保障边缘家庭成员……通过医疗救助等给予50%资助,资助标准为175元/人。”
    5: “……防止返贫监测对象……通过财政资金给予50%资助,资助标准为175元/人。”"""
    r = result(SQ, {"categories": [category]})
    assert (r["subsidy"], r["payable"], r["subsidy_payer"]["zh"], r["payment_channel"]) == ("175.00", "175.00", payer, "tax_system")


def test_shuangqing_child_in_difficulty_alone_is_not_determined() -> None:
    """双清 (四): “对……困难军人、困境儿童等困难人群……实施参保分类资助政策” — but no item gives 困境儿童 an amount."""
    out = run(SQ, {"categories": ["child_in_difficulty"]})
    r = out["result"]
    assert r["determined"] is False
    assert r["subsidy"] is None and r["payable"] is None and r["applied_category"] is None
    assert r["payable_at_most"] == "350.00"
    assert out["display"]["subsidy"] == {"zh": "原文未给出", "en": "not stated in the source"}
    text = step(out, "category_child_in_difficulty")
    assert "没有公布资助金额" in text["zh"] and "not" in text["en"] and "guess" in text["en"]
    assert text["cites"][0]["field"] == "child_in_difficulty_subsidy"
    assert "not_determined" in step_ids(out)


def test_shuangqing_child_in_difficulty_with_a_full_subsidy_is_determined() -> None:
    """A published full subsidy already pays everything: the unpublished one cannot change the result."""
    out = run(SQ, {"categories": ["child_in_difficulty", "extreme_poverty"]})
    r = out["result"]
    assert (r["determined"], r["subsidy"], r["payable"], r["applied_category"]) == (True, "350.00", "0.00", "extreme_poverty")
    assert "unknown_covered" in step_ids(out)


def test_shuangqing_child_in_difficulty_with_a_half_subsidy_is_not_determined() -> None:
    """175 is known (低保), but the unpublished 困境儿童 subsidy could be more: pay at most 175, never a guess."""
    r = result(SQ, {"categories": ["child_in_difficulty", "minimum_living"]})
    assert (r["determined"], r["subsidy"], r["payable"], r["payable_at_most"]) == (False, None, None, "175.00")


def test_shuangqing_no_stacking_is_flagged_as_our_reading() -> None:
    """双清 has no sentence like 平江's “资助金额不累加”: we apply the better one and say so (reading no-stacking-not-stated)."""
    out = run(SQ, {"categories": ["minimum_living", "monitored"]})
    r = out["result"]
    assert (r["subsidy"], r["payable"]) == ("175.00", "175.00")
    text = step(out, "no_stacking")
    # the step points to the reading by its number on the policy page (readers see words, not ids)
    number = [r["id"] for r in load_policies()[SQ]["readings"]].index("no-stacking-not-stated") + 1
    assert "我们的读法" in text["zh"] and f"“我们如何理解”第 {number} 条" in text["zh"] and "our reading" in text["en"]
    assert "no-stacking-not-stated" not in text["zh"] + text["en"]
    assert text["cites"][0]["status"] == "inferred"
    # the two 175s come from different funds; the plan does not say which pays (reading tied-funders)
    assert "医疗救助等" in r["subsidy_payer"]["zh"] and "财政资金" in r["subsidy_payer"]["zh"]


# --- order and repeats never change a result ----------------------------------------------

@pytest.mark.parametrize("policy", [PJ, SQ])
@pytest.mark.parametrize("codes", [
    ["minimum_living", "extreme_poverty", "veteran_in_difficulty"],
    ["child_in_difficulty", "minimum_living", "monitored"],
    ["orphan", "low_income_marginal"],
])
def test_permuted_and_repeated_categories_give_identical_results(policy: str, codes: list[str]) -> None:
    outs = {json.dumps(calc.run(CALC, policy, {"categories": list(p)}), sort_keys=True, ensure_ascii=False)
            for p in itertools.permutations(codes)}
    outs.add(json.dumps(calc.run(CALC, policy, {"categories": codes + codes[::-1]}), sort_keys=True, ensure_ascii=False))
    assert len(outs) == 1


# --- 平江 subsidy timing ---------------------------------------------------------------------

def test_pingjiang_list_date_decides_and_is_never_assumed() -> None:
    """平江: “困难对象参保资助的名单以2022年8月31日各相关部门提供的名单为准。” Not said → not known (issue 15 point 3)."""
    out = run(PJ, {"categories": ["minimum_living"]})
    assert out["result"]["subsidy_timing"] == "not_known" and out["result"]["determined"] is False
    assert "2022-08-31" in step(out, "subsidy_timing")["zh"]
    assert result(PJ, {"categories": ["minimum_living"], "recognised_on": "2022-08-31"})["subsidy_timing"] == "on_list"
    assert result(PJ, {"categories": ["minimum_living"], "subsidy_list": "on_list"})["subsidy_timing"] == "on_list"


def test_pingjiang_newly_recognised_in_the_period_is_subsidised_and_paid_back() -> None:
    """平江: “在集中参保缴费期内相关部门动态新增的困难对象,可享受2023年参保资助政策,在……认定为困难对象前,本人已参保缴费,
    未享受参保资助的……由县医保部门复核后通过“惠民惠农财政补贴资金一卡通”直接打卡发放。”"""
    out = run(PJ, {"categories": ["minimum_living"], "recognised_on": "2022-10-15", "paid_on": "2022-09-20"})
    r = out["result"]
    assert (r["subsidy_timing"], r["subsidy"], r["payable"]) == ("recognised_in_period", "175.00", "175.00")
    assert (r["refund_amount"], r["refund_via"]) == ("175.00", "huimin_huinong_subsidy_card")
    assert "一卡通" in out["display"]["refund_via"]["zh"]
    full = result(PJ, {"categories": ["orphan"], "recognised_on": "2022-12-31", "paid_on": "2022-12-01"})
    assert (full["subsidy_timing"], full["refund_amount"], full["payable"]) == ("recognised_in_period", "350.00", "0.00")


def test_pingjiang_recognised_before_paying_gets_the_subsidy_at_payment() -> None:
    """平江: “在集中参保缴费期对困难对象实行同缴同补,个人只需按规定缴纳应缴部分资金。”"""
    out = run(PJ, {"categories": ["minimum_living"], "recognised_on": "2022-10-15", "paid_on": "2022-10-15"})
    assert out["result"]["refund_amount"] is None
    assert out["display"]["refund_via"] == {"zh": "不适用", "en": "not applicable"}
    assert "paid_with_subsidy" in step_ids(out)


def test_pingjiang_recognised_after_the_period_waits_for_next_year() -> None:
    """平江: “在集中参保缴费期结束后,相关部门动态新增认定的困难对象,不享受当年度的参保资助政策,从下一个集中参保缴费期开始享受参保资助政策。”"""
    out = run(PJ, {"categories": ["extreme_poverty"], "recognised_on": "2023-01-01"})
    r = out["result"]
    assert (r["subsidy_timing"], r["subsidy"], r["payable"], r["applied_category"]) == \
        ("recognised_after_period", "0.00", "350.00", "none")
    assert "下一个集中缴费期" in step(out, "subsidy_timing")["zh"]


def test_recognition_date_needs_a_subsidised_group() -> None:
    out = calc.run(CALC, PJ, {"recognised_on": "2022-10-01"})
    assert not out["ok"] and out["errors"][0]["field"] == "recognised_on"
    assert out["errors"][0]["message_zh"] and out["errors"][0]["message_en"]


def test_payment_before_the_collection_period_is_refused() -> None:
    out = calc.run(CALC, PJ, {"categories": ["minimum_living"], "recognised_on": "2022-10-01", "paid_on": "2022-08-01"})
    assert not out["ok"] and out["errors"][0]["field"] == "paid_on"


def test_shuangqing_has_no_timing_inputs() -> None:
    """The timing inputs apply only to policies with `subsidy_list_date`."""
    out = calc.run(CALC, SQ, {"categories": ["minimum_living"], "recognised_on": "2022-10-01"})
    assert not out["ok"] and out["errors"][0]["field"] == "recognised_on"
    assert run(SQ, {"categories": ["minimum_living"]})["display"]["subsidy_timing"]["en"] == "not applicable"


# --- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("inputs", [
    {"categories": "minimum_living"}, {"categories": ["rich"]}, {"categories": [1]}, {"recognised_on": "31/08/2022"},
])
def test_bad_input_gives_bilingual_errors(inputs: dict) -> None:
    out = calc.run(CALC, PJ, inputs)
    assert out["ok"] is False
    assert all(e["message_zh"] and e["message_en"] for e in out["errors"])


# --- provenance, vocabulary, charts -----------------------------------------------------------

@pytest.mark.parametrize("policy", [PJ, SQ])
def test_category_codes_in_the_policies_are_in_the_vocabulary(policy: str) -> None:
    params = load_policies()[policy]["parameters"]
    used = set(params["subsidy_full_categories"]["value"]) | set(params["subsidy_half_categories"]["value"])
    used |= set(params["subsidy_funders"]["value"])
    used |= {k for k in params.get("subsidy_only_via", {}).get("value", {})}
    used |= {v for v in params.get("subsidy_only_via", {}).get("value", {}).values()}
    assert used <= set(categories.CATEGORIES)


@pytest.mark.parametrize("policy, inputs", [
    (PJ, {"subsidy_list": "on_list", "categories": ["minimum_living", "extreme_poverty"]}),
    (SQ, {"categories": ["child_in_difficulty", "minimum_living"]}),
    (PJ, {"categories": ["minimum_living"], "recognised_on": "2022-10-15", "paid_on": "2022-09-20"}),
])
def test_every_cited_parameter_exists_with_its_quote(policy: str, inputs: dict) -> None:
    params = load_policies()[policy]["parameters"]
    for s in run(policy, inputs)["steps"]:
        assert s["zh"] and s["en"]
        for c in s["cites"]:
            assert c["policy"] == policy and c["quote"] == params[c["field"]]["source"]["quote"]


def test_who_pays_chart_is_bilingual_accessible_svg() -> None:
    charts = run(PJ, {"subsidy_list": "on_list", "categories": ["minimum_living"]})["charts"]
    zh, en = charts["who_pays"]["zh"], charts["who_pays"]["en"]
    for svg in (zh, en):
        assert svg.startswith("<svg") and 'role="img"' in svg and 'width="100%"' in svg and "viewBox" in svg
        assert "<title" in svg and "<desc" in svg and "pattern" not in svg
    assert "本人缴纳" in zh and "医疗救助资助" in zh and "175.00 元" in zh
    assert "You pay" in en and "Paid by medical assistance" in en and "CNY 175.00" in en


def test_who_pays_chart_hatches_the_unpublished_part() -> None:
    charts = run(SQ, {"categories": ["child_in_difficulty", "minimum_living"]})["charts"]["who_pays"]
    assert "<pattern" in charts["zh"] and "未公布" in charts["zh"] and "医疗救助等资助" in charts["zh"]
    assert "Not published" in charts["en"]
