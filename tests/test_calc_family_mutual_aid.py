"""family-mutual-aid: who a Hunan employee-insurance personal account may pay for, and what."""
from __future__ import annotations

import pytest

import calc
from calc.data import load_policies
from calc.family_mutual_aid import CALCULATOR
from calc_helpers import calc_helpers

POLICY = "hunan/2025-enrolment-measures"
LISTED = ["spouse", "parent", "child", "sibling", "grandparent", "maternal_grandparent", "grandchild", "maternal_grandchild"]
NOT_LISTED = ["parent_in_law", "grandparent_in_law", "uncle_aunt", "nephew_niece", "cousin", "other"]
CONTRIBUTIONS = ["resident_insurance_contribution", "long_term_care_contribution",
                 "inclusive_commercial_supplementary_contribution"]


run, result, errors = calc_helpers("family-mutual-aid", POLICY)


@pytest.mark.parametrize("relation", LISTED)
def test_the_eight_close_relatives_may_have_contributions_paid(relation: str) -> None:
    """三湘都市报: 职工医保个人账户用于支付参保人员近亲属(配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女)
    参加居民医保、长期护理保险、惠民型商业补充医疗保险个人缴费……"""
    r = run({"relation": relation})["result"]
    assert r["eligible_relative"] is True
    assert r["may_pay_contributions"] == CONTRIBUTIONS
    assert r["may_pay_resident_insurance"] and r["may_pay_long_term_care"] and r["may_pay_inclusive_commercial"]


@pytest.mark.parametrize("relation", NOT_LISTED)
def test_relations_not_on_the_list_get_a_clear_no(relation: str) -> None:
    """Reading `mutual-aid-account`: the eight kinds in the report's parentheses and no others."""
    out = run({"relation": relation, "relative_insured": True})
    r = out["result"]
    assert r["eligible_relative"] is False
    assert r["may_pay_contributions"] == []
    assert not any(r[k] for k in ("may_pay_resident_insurance", "may_pay_long_term_care",
                                  "may_pay_inclusive_commercial", "may_pay_medical_costs"))
    assert out["display"]["may_pay_contributions"] == {"zh": "无", "en": "none"}
    assert "不在其中" in out["steps"][0]["zh"] and "not among them" in out["steps"][0]["en"]


@pytest.mark.parametrize("insured, may_pay", [(True, True), (False, False), ("true", True), ("false", False)])
def test_medical_costs_only_for_an_insured_relative(insured: object, may_pay: bool) -> None:
    """三湘都市报: ……和已参保近亲属在定点医药机构就医购药发生的个人自付的医药费用。"""
    out = run({"relation": "child", "relative_insured": insured})
    assert out["result"]["may_pay_medical_costs"] is may_pay
    step = next(s for s in out["steps"] if s["id"] == "medical_costs")
    assert step["cites"][0]["field"] == "family_mutual_aid_uses"
    assert ("定点医药机构" in step["zh"]) and ("designated providers" in step["en"])


def test_the_eligible_list_is_policy_data_not_code() -> None:
    """The calculator reads `family_mutual_aid_relatives`; its own choices only add relations off the list."""
    listed = load_policies()[POLICY]["parameters"]["family_mutual_aid_relatives"]["value"]
    assert listed == LISTED
    choices = [c.value for c in next(i for i in CALCULATOR.inputs if i.name == "relation").choices]
    assert choices == LISTED + NOT_LISTED


def test_steps_quote_the_source() -> None:
    out = run({"relation": "spouse", "relative_insured": True})
    cites = {c["field"]: c["quote"] for s in out["steps"] for c in s["cites"]}
    assert "配偶、父母、子女" in cites["family_mutual_aid_relatives"]
    assert "惠民型商业补充医疗保险" in cites["family_mutual_aid_uses"]
    assert "个人账户家庭共济" in cites["family_mutual_aid_channels"]
    assert out["display"]["may_pay_contributions"]["zh"].startswith("居民医保个人缴费")


@pytest.mark.parametrize("inputs, field", [
    ({"relation": "neighbour"}, "relation"),
    ({"relation": "parent", "relative_insured": "yes"}, "relative_insured"),
    ({"relation": "parent", "age": 3}, "age"),
])
def test_bad_input_gives_bilingual_errors(inputs: dict, field: str) -> None:
    out = calc.run("family-mutual-aid", POLICY, inputs)
    assert not out["ok"]
    assert {e["field"] for e in out["errors"]} == {field}
    assert all(e["message_zh"] and e["message_en"] for e in out["errors"])


# --- M8 (issue 19): only a member with a personal account can use family mutual aid ---------------------------

def test_without_a_personal_account_nothing_can_be_paid_and_the_sentences_are_cited() -> None:
    """三湘都市报: “湖南支持职工医保个人账户用于支付参保人员近亲属…” — the account is the employee's personal account;
    衡阳日报: “原灵活就业统账结合缴费方式不再新增参保人员。” (周口 likewise: “不建立个人账户”). The expert's M8: the
    calculator said yes to any “参保职工”, though flexible workers without a personal account cannot use it."""
    out = run({"relation": "parent", "relative_insured": True, "has_personal_account": False})
    r = out["result"]
    assert r["has_personal_account"] is False and r["eligible_relative"] is True
    assert r["may_pay_contributions"] == [] and not any(
        r[k] for k in ("may_pay_resident_insurance", "may_pay_long_term_care", "may_pay_inclusive_commercial", "may_pay_medical_costs"))
    account = next(s for s in out["steps"] if s["id"] == "account")
    quotes = {c["field"]: c["quote"] for c in account["cites"]}
    assert quotes["no_personal_account_hengyang_flexible"] == "原灵活就业统账结合缴费方式不再新增参保人员。"
    assert quotes["family_mutual_aid_account"] == "湖南支持职工医保个人账户用于支付参保人员近亲属"
    assert "没有个人账户" in account["zh"] and "without one" in account["en"]
    assert out["headline"]["zh"].startswith("有职工医保个人账户：否")


def test_the_form_asks_and_an_account_holder_gets_the_answer_as_before() -> None:
    assert "has_personal_account" in [i.name for i in CALCULATOR.inputs]
    assert run({"relation": "parent", "relative_insured": True})["result"]["may_pay_medical_costs"] is True
    bad = calc.run("family-mutual-aid", POLICY, {"relation": "parent", "has_personal_account": "maybe"})
    assert not bad["ok"] and bad["errors"][0]["field"] == "has_personal_account"
    assert bad["errors"][0]["message_zh"] and bad["errors"][0]["message_en"]
