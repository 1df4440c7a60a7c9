"""Issue 15, resident insurance: what the pages promise must be what the documents say.

Each test names the point of issue 15 it guards and the sentence of the source it rests on.
Expectations come from `policies/` (the rule data) wherever a figure or a list is involved.
"""
from __future__ import annotations

import re
from html import unescape

import pytest

import calc
from calc.data import load_policies
from calc.policy import Policy
from calc.resident_benefit_start import late_rule_text
from fixture_policies import run_ok, step_of

PJ = "hunan/yueyang/pingjiang/2023-resident"
SQ = "hunan/shaoyang/shuangqing/2023-resident"
HN = "hunan/2025-enrolment-measures"
START, CONTRIB = "resident-benefit-start", "resident-contribution"
POLICIES = load_policies()


run, step = run_ok, step_of


def warning_ids(out: dict) -> list[str]:
    return [w["id"] for w in out["result"]["warnings"]]


# --- point 1: who may pay late, and at what price ---------------------------------------------

def _named_case_policies() -> list[str]:
    """Every policy whose late-enrolment rule names the cases that may pay late (data, not a list of ids)."""
    return sorted(pid for pid, p in POLICIES.items()
                  if isinstance(p["parameters"].get("late_enrolment", {}).get("value"), dict)
                  and "cases" in p["parameters"]["late_enrolment"]["value"])


_PUNCT = str.maketrans({"，": ",", "；": ";", "（": "(", "）": ")", "：": ":", "。": ".", "、": "、"})


def _flat(text: str) -> str:
    """Compare prose with whitespace removed and full-width punctuation read as ASCII."""
    return re.sub(r"\s+", "", text.translate(_PUNCT))


# words that promise a late buy-in at the full price; the rule's own sentence is the only place they may occur
LATE_PRICE_WORDS = {"zh": ("一次性缴纳", "一次性足额", "加财政补助", "缴费次月", "下个月起"),
                    "en": ("in one go", "in one payment", "government share", "next month", "month after")}


def test_named_case_policies_exist() -> None:
    assert {PJ, SQ} <= set(_named_case_policies())


@pytest.mark.parametrize("pid", _named_case_policies())
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_states_the_late_rule_from_its_data(pid: str, lang: str) -> None:
    """Issue 15 point 1. 平江: “除已明确的特殊情形外,未在集中参保缴费期内参保缴费的,原则上不得中途参保、不得享受医保待遇。”
    “因户籍变动等客观原因或其他特殊情形(具体指当年新迁入户口、新生儿未在90天内参保缴费、职工医保断保的人员未在断保90天内参保缴费)
    ……可以按当年度居民医保筹资标准……一次性足额缴纳……” The summary carries the sentence calc writes from `late_enrolment`
    (its `cases`) and `mid_year_enrolment`, and promises the late price nowhere else."""
    policy = Policy(POLICIES[pid])
    sentence = getattr(late_rule_text(policy), lang)
    summary = POLICIES[pid]["summary"][lang]
    assert _flat(sentence) in _flat(summary), f"{pid} summary ({lang}) must contain:\n{sentence}"
    rest = _flat(summary).replace(_flat(sentence), "")
    for word in LATE_PRICE_WORDS[lang]:
        assert _flat(word) not in rest, f"{pid} summary ({lang}) promises the late price outside the rule: {word!r}"


def test_late_rule_sentence_names_each_case_and_no_catch_all() -> None:
    text = late_rule_text(Policy(POLICIES[PJ]))
    assert "新迁入户口" in text.zh and "新生儿未在90天内" in text.zh and "断保90天内" in text.zh
    assert "原则上不得中途参保" in text.zh and "其他" not in text.zh
    assert "new household registration" in text.en and "other late joiners" not in text.en


@pytest.mark.parametrize("pid", [PJ, SQ])
def test_other_reason_after_the_period_is_no_mid_year_enrolment(pid: str) -> None:
    """Issue 15 point 1: “其他客观原因”, paid 2023-05-10 with a subsidy of 610, is none of the listed late cases,
    so “原则上不得中途参保、不得享受医保待遇”: no amount to pay, no cover under this notice."""
    out = run(START, pid, {"circumstance": "other_late", "payment_date": "2023-05-10", "fiscal_subsidy": "610"})
    r, shown = out["result"], out["display"]
    assert r["amount"] is None and shown["amount"]["en"] == "not applicable"
    assert r["cover_from"] is None and shown["cover_from"]["en"] == "not applicable"
    assert "960" not in str(out)
    assert warning_ids(out) == ["not_a_listed_late_case"]
    cites = {c["field"] for s in out["steps"] for c in s["cites"]}
    assert {"mid_year_enrolment", "late_enrolment"} <= cites
    mid = step(out, "mid_year")
    assert "原则上不得中途参保" in mid["zh"] and "mid-year" in mid["en"]
    quotes = [c["quote"] for c in mid["cites"]]
    assert any("原则上不得中途参保" in q for q in quotes)


def test_other_reason_in_the_collection_period_is_ordinary_enrolment() -> None:
    r = run(START, PJ, {"circumstance": "other_late", "payment_date": "2022-10-10"})["result"]
    assert (r["amount"], r["cover_from"]) == ("350.00", "2023-01-01")


# --- point 2: which benefit year a late payment buys (湖南 2025) -----------------------------

def test_hunan_late_payment_whose_wait_crosses_the_year_end_says_so() -> None:
    """Issue 15 point 2: paid 2025-11-30 outside the collection period → the fixed 3-month wait ends in 2026, after the
    benefit year the payment buys (reading `late-payment-benefit-year`): a warning and a step, not determined."""
    out = run(START, HN, {"payment_date": "2025-11-30", "paid_in_collection_period": False,
                          "individual_standard": "400", "fiscal_subsidy": "700"})
    r = out["result"]
    year_end = "2025-12-31"
    assert r["benefit_year_end"] == year_end
    assert "wait_crosses_benefit_year" in warning_ids(out)
    assert r["determined"] is False
    s = step(out, "benefit_year")
    assert year_end in s["zh"] and year_end in s["en"]
    assert "late_payment_benefit_year" in {c["field"] for c in s["cites"]}
    warning = next(w for w in r["warnings"] if w["id"] == "wait_crosses_benefit_year")
    # no cover date is the payment's: the wait's end is named in the warning, not as a start of cover
    assert r["cover_from"] is None and r["cover_to"] is None
    assert year_end in warning["zh"] and r["waiting_period_end"] in step(out, "wait_crosses_year")["en"]


def test_hunan_late_payment_early_in_the_year_is_covered_within_it() -> None:
    out = run(START, HN, {"payment_date": "2025-03-15", "paid_in_collection_period": False})
    assert out["result"]["benefit_year_end"] == "2025-12-31"
    assert "wait_crosses_benefit_year" not in warning_ids(out)


# --- point 14: how the waiting period is counted (湖南 2025) ---------------------------------

def test_hunan_waiting_rule_states_its_anchor_and_the_alternative() -> None:
    """Issue 15 point 14: the anchor is data (`waiting_period_counting`); the result shows the date each reading gives."""
    rule = POLICIES[HN]["parameters"]["waiting_period_counting"]["value"]
    assert rule["counted_from"] == "payment_day" and rule["alternative"] == "day_after_payment"
    out = run(START, HN, {"payment_date": "2025-03-15", "paid_in_collection_period": False})
    r = out["result"]
    assert (r["waiting_period_end"], r["cover_from"], r["cover_from_alternative"]) == ("2025-06-14", "2025-06-15", "2025-06-16")
    assert "waiting_count_alternative" in warning_ids(out)
    s = step(out, "waiting_alternative")
    assert "2025-06-16" in s["zh"] and "民法典" in s["zh"] and "Civil Code" in s["en"]


# --- point 3: 平江 subsidy lists are not assumed ----------------------------------------------

def test_pingjiang_list_membership_is_not_assumed() -> None:
    """Issue 15 point 3: “困难对象参保资助的名单以2022年8月31日各相关部门提供的名单为准。”; “在集中参保缴费期结束后,
    相关部门动态新增认定的困难对象,不享受当年度的参保资助政策”. Without knowing, the result is not determined."""
    out = run(CONTRIB, PJ, {"categories": ["minimum_living"]})
    r = out["result"]
    assert (r["subsidy"], r["payable"], r["payable_at_most"], r["determined"], r["subsidy_timing"]) == \
        (None, None, "350.00", False, "not_known")


def test_pingjiang_newborn_cannot_be_on_a_list_drawn_before_birth() -> None:
    """Issue 15 point 3: born in 2023, after the list date and after the collection period ended: recognised later,
    so no subsidy this year; the steps never print a subsidy of 175."""
    out = run(CONTRIB, PJ, {"categories": ["minimum_living"], "born_on": "2023-03-10"})
    r = out["result"]
    assert (r["subsidy"], r["payable"], r["subsidy_timing"], r["determined"]) == ("0.00", "350.00", "recognised_after_period", True)
    assert not any("175" in s["zh"] for s in out["steps"])
    wrong = calc.run(CONTRIB, PJ, {"categories": ["minimum_living"], "born_on": "2023-03-10", "subsidy_list": "on_list"})
    assert wrong["ok"] is False and wrong["errors"][0]["field"] == "subsidy_list"
    assert wrong["errors"][0]["message_zh"] and wrong["errors"][0]["message_en"]


def test_pingjiang_recognised_after_the_period_never_prints_a_subsidy_first() -> None:
    out = run(CONTRIB, PJ, {"categories": ["minimum_living"], "recognised_on": "2023-02-01"})
    assert out["result"]["payable"] == "350.00"
    assert not any("175" in s["zh"] or "175" in s["en"] for s in out["steps"])


def test_pingjiang_on_the_list_by_choice_gets_175() -> None:
    r = run(CONTRIB, PJ, {"categories": ["minimum_living"], "subsidy_list": "on_list"})["result"]
    assert (r["subsidy"], r["payable"], r["subsidy_timing"]) == ("175.00", "175.00", "on_list")


def test_newly_recognised_reading_no_longer_assumes_the_list() -> None:
    reading = next(r for r in POLICIES[PJ]["readings"] if r["id"] == "newly-recognised")
    assert "按已在名单内计算" not in reading["zh"] and "as if the person is on the lists" not in reading["en"]


# --- point 7: 平江 duplicate enrolment -------------------------------------------------------

def test_pingjiang_duplicate_enrolment_rule_is_on_the_page() -> None:
    """Issue 15 point 7: “……均不能在我县重复参加居民医保。对本人未据实申报,或其他原因造成重复参保的对象不能重复享受医保待遇。”"""
    from scripts.site.jinja_env import environment
    from scripts.site.policy_page import render_policy
    param = POLICIES[PJ]["parameters"]["duplicate_enrolment"]
    assert "重复参保的对象不能重复享受医保待遇" in param["source"]["quote"]
    env = environment()
    for lang in ("zh", "en"):
        page = render_policy(env, POLICIES[PJ], lang)
        assert 'id="fig-duplicate_enrolment"' in page or "duplicate_enrolment" in page
        assert param["label"][lang] in unescape(page) and param["value"][lang] in unescape(page)


# --- point 10: a disability grade only where the policy states it ----------------------------

def test_shared_category_label_states_no_grade() -> None:
    """Issue 15 point 10: the grade “一、二级” is 平江's (“重度残疾人(指一、二级残疾人)”), not 双清's."""
    from calc import categories
    text = categories.label("severe_disability")
    assert "级" not in text.zh and "grade" not in text.en


def test_pingjiang_shows_its_own_grade_and_shuangqing_none() -> None:
    from calc.api import applicable_inputs
    from calc.registry import calculator

    def label_of(pid: str) -> dict:
        spec = next(s for s in applicable_inputs(calculator(CONTRIB), Policy(POLICIES[pid])) if s.name == "categories")
        return next(c.label for c in spec.choices if c.value == "severe_disability")

    assert "一、二级" in label_of(PJ).zh and "grade 1 or 2" in label_of(PJ).en
    assert "级" not in label_of(SQ).zh and "grade" not in label_of(SQ).en
    out = run(CONTRIB, SQ, {"categories": ["severe_disability"]})
    assert not any("一、二级" in s["zh"] for s in out["steps"])
    pj = run(CONTRIB, PJ, {"categories": ["severe_disability"], "subsidy_list": "on_list"})
    assert any("一、二级" in s["zh"] for s in pj["steps"])


# --- issue 10 §2: every resident form offers only its own policy's groups ---------------------

@pytest.mark.parametrize("pid", sorted(pid for pid, p in POLICIES.items() if CONTRIB in p["calculators"]))
def test_contribution_form_offers_only_the_policys_own_groups(pid: str) -> None:
    from calc import categories
    from calc.api import applicable_inputs
    from calc.registry import calculator
    policy = Policy(POLICIES[pid])
    spec = next(s for s in applicable_inputs(calculator(CONTRIB), policy) if s.name == "categories")
    offered = [c.value for c in spec.choices]
    assert offered == categories.policy_codes(policy) and offered
    own = set(categories.declared(policy))
    assert all(code in categories.CATEGORIES or code in own for code in offered)
    others = {c for q, p in POLICIES.items() if q != pid for c in (p["parameters"].get("subsidy_categories") or {}).get("value", {})}
    assert not (set(offered) & (others - set(categories.CATEGORIES) - own))
