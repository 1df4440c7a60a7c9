"""Issue 15: what the flexible-employment pages promise must be what the documents say.

Each test names the point of issue 15 it guards and the sentence of the source it rests on.
Expectations come from `policies/` (the compiled data) or from the source texts, never from
hand-copied figures.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import calc
from calc.data import load_policies

HENGYANG = "hunan/hengyang/2023-flexible-employment"
ZHOUKOU = "henan/zhoukou/2024-flexible-employment"
SOURCES = Path(__file__).resolve().parents[1] / "policies" / "sources"
WAGE = {"average_monthly_wage": "7000"}


def policy(pid: str) -> dict:
    return load_policies()[pid]


def source_text(pid: str) -> str:
    (src,) = policy(pid)["sources"].values()
    return re.sub(r"\s+", "", (SOURCES / src["file"]).read_text(encoding="utf-8"))


def ok(name: str, pid: str, inputs: dict) -> dict:
    out = calc.run(name, pid, inputs)
    assert out["ok"], out
    return out


# --- point 4: a total that leaves out a compulsory premium says so in the result itself -----------

def test_zhoukou_total_without_the_compulsory_supplementary_premium_says_so() -> None:
    """周口 第六条: 必须同时参加我市城镇职工大额补充医疗保险 — amount not in the text (issue 15 point 4)."""
    out = ok("flexible-contribution", ZHOUKOU, WAGE)
    r = out["result"]
    assert r["totals_complete"] is False
    (warning,) = [w for w in r["warnings"] if "大额补充医疗保险" in w["zh"]]
    assert "不含" in warning["zh"] and "原文未给出" in warning["zh"]
    assert "Not in the totals" in warning["en"] and "no amount" in warning["en"]
    annual = next(s for s in out["steps"] if s["id"] == "annual_total")
    assert "不含大额补充医疗保险费" in annual["zh"] and r["annual_total"] in annual["zh"]
    assert "excluding" in annual["en"]


def test_zhoukou_total_with_the_premium_entered_is_complete() -> None:
    out = ok("flexible-contribution", ZHOUKOU, {**WAGE, "supplementary_annual": "120"})
    assert out["result"]["totals_complete"] is True
    assert not [w for w in out["result"]["warnings"] if "大额补充医疗保险" in w["zh"]]
    assert not any("不含" in s["zh"] for s in out["steps"] if s["id"] in ("period_total", "annual_total"))


def test_hengyang_totals_include_every_stated_item() -> None:
    """衡阳: 两项合计 … 全年缴费标准为3622.56元 — nothing left out, no warning."""
    r = ok("flexible-contribution", HENGYANG, {})["result"]
    assert r["totals_complete"] is True and r["warnings"] == []


# --- point 6: summaries agree with the rule data ----------------------------------------------------

BACK_PAYMENT = {"zh": ("补缴", "补足", "补交"), "en": ("pay back", "paying up", "paid up", "back-pay", "pay up", "must be paid")}
OPEN = {"zh": "没有说明", "en": "does not say"}


@pytest.mark.parametrize("pid", [HENGYANG, ZHOUKOU])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_states_back_payment_only_where_the_source_requires_it(pid: str, lang: str) -> None:
    """周口 第九条 says only “即从正常缴费之日起，3个月后方可” — no back-payment rule (issue 15 point 6);
    衡阳 requires it (按规定补足欠缴费用期间基本医保费、大病保险费后可恢复参保). A clause of the summary that
    speaks of paying the arrears back states it as a rule only where the rule data says so, and as open
    ("the text does not say") where the source leaves it open."""
    required = policy(pid)["parameters"]["arrears_payback_required"]["value"]
    clauses = re.split(r"[。；;.()（）]", policy(pid)["summary"][lang].lower())
    about = [c for c in clauses if any(word in c for word in BACK_PAYMENT[lang])]
    if required is True:
        assert about and not any(OPEN[lang] in c for c in about), about
    else:
        assert all(OPEN[lang] in c for c in about), about


@pytest.mark.parametrize("pid", [HENGYANG, ZHOUKOU])
def test_summary_waiting_period_counts_from_the_payment_day_as_the_rule_does(pid: str) -> None:
    """The summary's waiting period is the parameter's figure, in both languages (issue 15 point 6)."""
    params = policy(pid)["parameters"]
    summary = policy(pid)["summary"]
    if "arrears_waiting_months" in params:
        months = params["arrears_waiting_months"]["value"]
        assert f"从正常缴费之日起 {months} 个月后" in summary["zh"] or f"正常缴费之日起{months}个月后" in summary["zh"]
        assert f"{months} months after" in summary["en"]
    else:
        days = params["restoration_wait_days"]["value"]
        assert f"{days} 日后" in summary["zh"] and f"{days} days after" in summary["en"]


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


@pytest.mark.parametrize("pid", [HENGYANG, ZHOUKOU])
def test_zh_and_en_summaries_state_the_same_figures(pid: str) -> None:
    summary = policy(pid)["summary"]
    assert _numbers(summary["zh"]) == _numbers(summary["en"])


# --- point 8: 周口 Articles 10 and 11 ----------------------------------------------------------------

@pytest.mark.parametrize("name, words", [
    ("same_benefits_as_employees", "起付线、支付比例、最高支付限额等方面与我市职工基本医疗保险享受同等待遇"),
    ("remote_care_filing_after_benefits", "正常享受基本医疗保险和大额补充医疗保险待遇后，确需办理异地就医备案手续"),
])
def test_zhoukou_articles_10_and_11_are_parameters_with_their_quotes(name: str, words: str) -> None:
    """周口 第十条 (同等待遇) and 第十一条 (异地就医备案 only after benefits start) — issue 15 point 8."""
    param = policy(ZHOUKOU)["parameters"][name]
    assert param["status"] == "stated"
    assert words in param["source"]["quote"].replace(" ", "")
    assert words in source_text(ZHOUKOU)


# --- point 9: 衡阳 "covers" names no group the report does not name --------------------------------

@pytest.mark.parametrize("group", ["个体工商户", "非全日制", "新就业形态"])
def test_hengyang_covers_names_only_groups_the_report_names(group: str) -> None:
    """The Hengyang Daily report names no group of flexible workers (issue 15 point 9)."""
    assert group not in source_text(HENGYANG)
    assert group not in policy(HENGYANG)["covers"]["zh"]
    en = policy(HENGYANG)["covers"]["en"].lower()
    assert not any(w in en for w in ("self-employed", "part-time", "platform"))


# --- point 11: 周口 header -------------------------------------------------------------------------

def test_zhoukou_header_names_the_three_issuers_and_the_notice_date() -> None:
    """周口市医疗保障局 周口市财政局 国家税务总局周口市税务局 … 2024 年 5 月 28 日 (issue 15 point 11)."""
    data = policy(ZHOUKOU)
    issuers = [i["zh"] for i in data["issuers"]]
    assert issuers == ["周口市医疗保障局", "周口市财政局", "国家税务总局周口市税务局"]
    assert "".join(issuers) in source_text(ZHOUKOU)
    assert data["published"] == "2024-05-28"
    assert "2024年5月28日" in source_text(ZHOUKOU)


# --- point 13: 周口 en "covers" ---------------------------------------------------------------------

def test_zhoukou_en_covers_says_enterprise_pension() -> None:
    """（三）未在用人单位参加企业养老保险的非全日制从业人员 (issue 15 point 13)."""
    assert "未在用人单位参加企业养老保险的非全日制从业人员" in source_text(ZHOUKOU)
    assert "not insured for enterprise pension through an employer" in policy(ZHOUKOU)["covers"]["en"]


# --- point 15: 衡阳 arrears — the other reading of "欠缴费用在3个月内（含）" ---------------------------

def test_hengyang_arrears_show_the_duration_reading_too() -> None:
    """March unpaid, paid in October: 1 month unpaid (our reading, restored and back-dated), but the arrears
    have run 7 months (the other reading: suspended, 30 days' wait) — both computed (issue 15 point 15)."""
    out = ok("flexible-arrears", HENGYANG, {"unpaid_months": ["2023-03"], "payment_date": "2023-10-10"})
    r = out["result"]
    assert (r["arrears_months"], r["status"], r["retroactive"]) == (1, "restored", True)
    assert r["arrears_run_months"] == 7
    assert (r["alternative_status"], r["alternative_benefits_from"], r["alternative_retroactive"]) == \
        ("suspended_enrolment", "2023-11-10", False)
    alt = next(s for s in out["steps"] if s["id"] == "alternative_reading")
    assert "7 个月" in alt["zh"] and "2023-11-10" in alt["zh"] and "7 months" in alt["en"]
    readings = {r["id"]: r for r in policy(HENGYANG)["readings"]}
    assert "arrears_run_months" not in readings["arrears-dates"]["zh"]   # words, not codes
    assert "持续" in readings["arrears-dates"]["zh"] and "have run" in readings["arrears-dates"]["en"]


def test_hengyang_consecutive_arrears_give_the_same_result_under_both_readings() -> None:
    out = ok("flexible-arrears", HENGYANG, {"unpaid_months": ["2023-03", "2023-04", "2023-05"], "payment_date": "2023-06-10"})
    r = out["result"]
    assert r["arrears_run_months"] == 3 and r["alternative_status"] == r["status"] == "restored"
    assert r["alternative_benefits_from"] == r["benefits_from"]


# --- point 16: 周口 switching with under 2 years, first enrolment ---------------------------------

def test_zhoukou_first_enrolment_after_a_short_switch_has_no_stop_date() -> None:
    """A first enrolment in flexible insurance: the gap months fall before joining it, so no benefits of
    this scheme can “stop” then (issue 15 point 16)."""
    out = ok("flexible-arrears", ZHOUKOU, {
        **WAGE, "switched_from_employee": True, "continuous_years_before_switch": 1, "first_enrolment": True,
        "paid_months": 1, "unpaid_months": ["2024-07"], "payment_date": "2024-08-05"})
    r = out["result"]
    assert r["benefits_suspended_from"] is None
    assert out["display"]["benefits_suspended_from"]["zh"] == "不适用"
    assert not any("停止享受待遇" in s["zh"] for s in out["steps"])
    assert r["status"] == "first_enrolment_wait" and r["benefits_from"] == "2024-11-01"
