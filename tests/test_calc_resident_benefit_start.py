"""resident-benefit-start: each enrolment rule with the sentence it comes from; day counting; refunds; charts."""
from __future__ import annotations

import pytest

import calc
from calc.data import load_policies
from calc_helpers import calc_helpers

CALC = "resident-benefit-start"
PJ = "hunan/yueyang/pingjiang/2023-resident"
SQ = "hunan/shaoyang/shuangqing/2023-resident"
HN = "hunan/2025-enrolment-measures"
COUNTIES = [PJ, SQ]


run, result, errors = calc_helpers(CALC)


def step(out: dict, id: str) -> dict:
    (found,) = [s for s in out["steps"] if s["id"] == id]
    return found


def warning_ids(r: dict) -> list[str]:
    return [w["id"] for w in r["warnings"]]


def error_fields(policy: str, inputs: dict) -> list[str]:
    out = calc.run(CALC, policy, inputs)
    assert out["ok"] is False
    assert all(e["message_zh"] and e["message_en"] for e in out["errors"])
    return [e["field"] for e in out["errors"]]


# --- the collection period -----------------------------------------------------------------------

@pytest.mark.parametrize("policy", COUNTIES)
@pytest.mark.parametrize("paid", ["2022-09-01", "2022-11-15", "2022-12-31"])
def test_paying_in_the_collection_period_covers_the_whole_year(policy: str, paid: str) -> None:
    """平江: “2023年度居民医保集中参保缴费期为2022年9月1日至2022年12月31日。”; 双清: “……原则上为2022年9月1日至12月31日。”
    双清: “待遇享受期开始后（2023年1月1日）” (平江: reading benefit-year)."""
    r = result(policy, {"payment_date": paid})
    assert (r["amount"], r["amount_basis"], r["cover_from"], r["cover_to"], r["determined"], r["warnings"]) == \
        ("350.00", "individual", "2023-01-01", "2023-12-31", True, [])


@pytest.mark.parametrize("policy", COUNTIES)
def test_ordinary_resident_after_the_period_cannot_enrol_mid_year(policy: str) -> None:
    """平江: “除已明确的特殊情形外,未在集中参保缴费期内参保缴费的,原则上不得中途参保、不得享受医保待遇。”"""
    out = run(policy, {"payment_date": "2023-03-01"})
    r = out["result"]
    assert warning_ids(r) == ["mid_year_not_allowed"]
    assert out["display"]["amount"]["en"] == "not applicable" and out["display"]["cover_from"]["en"] == "not applicable"
    assert r["determined"] is True
    assert "原则上不得中途参保" in step(out, "mid_year")["zh"]


@pytest.mark.parametrize("policy", COUNTIES)
def test_payment_outside_the_insurance_year_is_refused(policy: str) -> None:
    assert error_fields(policy, {"payment_date": "2022-08-31"}) == ["payment_date"]
    assert error_fields(policy, {"payment_date": "2024-01-01"}) == ["payment_date"]
    assert error_fields(policy, {}) == ["payment_date"]


# --- newborns: the 90-day boundary ---------------------------------------------------------------

@pytest.mark.parametrize("policy", COUNTIES)
@pytest.mark.parametrize("paid, day, within", [("2023-06-07", 89, True), ("2023-06-08", 90, True), ("2023-06-09", 91, False)])
def test_newborn_90_day_boundary(policy: str, paid: str, day: int, within: bool) -> None:
    """平江: “新生儿出生后90天内由监护人……办理参保登记缴费手续后,自出生之日所发生的合规医疗费用均可纳入医保报销。”
    Late: “……新生儿未在90天内参保缴费……从缴费的下个月起享受医保待遇。” Born 2023-03-10 = day 0 (reading ninety-days)."""
    out = run(policy, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": paid})
    r = out["result"]
    assert r["days_since_event"] == day
    assert r["pay_by"] == "2023-06-07"   # the safe day: the birth day counted as day 1 (day_window_counting.alternative)
    if within:
        # day 90 is in time only when the birth day is day 0: not determined, and the warning names the safe day
        assert (r["amount"], r["amount_basis"], r["cover_from"], r["determined"]) == ("350.00", "individual", "2023-03-10", day != 90)
    else:
        assert (r["amount_basis"], r["cover_from"], r["amount"], r["determined"]) == ("full_financing", "2023-07-01", None, False)
    assert "2023-06-08" in step(out, "window")["zh"]   # the last day of the window is stated


def test_newborn_born_10_march_paid_9_june_is_day_91_and_late() -> None:
    """9 June 2023 − 10 March 2023 = 91 days (21 left in March + 30 + 31 + 9): past “出生后90天内”, so the late rule:
    “按当年度居民医保筹资标准(即个人缴费部分和财政补助部分全部由个人承担)一次性足额缴纳……从缴费的下个月起享受医保待遇” → 2023-07-01."""
    r = result(PJ, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-09", "fiscal_subsidy": "610"})
    assert (r["days_since_event"], r["amount"], r["amount_basis"], r["cover_from"], r["cover_to"], r["determined"]) == \
        (91, "960.00", "full_financing", "2023-07-01", "2023-12-31", True)


def test_late_amount_without_the_fiscal_figure_is_null_and_says_which_is_missing() -> None:
    """双清: “2023年城乡居民医保财政补助标准按照国家规定执行” — no figure; 610 is 2022's (“2022年城乡居民医保财政补助标准为610元/人。”)."""
    out = run(SQ, {"circumstance": "new_household", "payment_date": "2023-03-15"})
    r = out["result"]
    assert (r["amount"], r["amount_basis"], r["determined"], r["cover_from"]) == (None, "full_financing", False, "2023-04-01")
    assert "fiscal_subsidy_missing" in warning_ids(r)
    fiscal = step(out, "fiscal")
    assert "财政补助" in fiscal["zh"] and "610.00" in fiscal["zh"] and "2022" in fiscal["en"]
    assert {c["field"] for c in fiscal["cites"]} == {"fiscal_subsidy", "fiscal_subsidy_2022"}


def test_users_fiscal_figure_is_shown_as_their_assumption() -> None:
    out = run(SQ, {"circumstance": "new_household", "payment_date": "2023-03-15", "fiscal_subsidy": "610"})
    assert out["result"]["amount"] == "960.00"
    assert "您填写的" in step(out, "fiscal")["zh"] and "your figure" in step(out, "fiscal")["en"]


def test_newborn_before_the_year_warns_that_earlier_costs_are_last_years() -> None:
    r = result(PJ, {"circumstance": "newborn", "event_date": "2022-11-01", "payment_date": "2022-12-01"})
    assert (r["cover_from"], r["amount"]) == ("2022-11-01", "350.00")
    assert warning_ids(r) == ["starts_before_year"]


def test_newborn_past_90_days_but_within_the_collection_period_enrols_normally() -> None:
    """Reading special-case-in-window: paying in the collection period is ordinary enrolment."""
    r = result(PJ, {"circumstance": "newborn", "event_date": "2022-05-01", "payment_date": "2022-10-01"})
    assert (r["amount"], r["amount_basis"], r["cover_from"]) == ("350.00", "individual", "2023-01-01")


@pytest.mark.parametrize("inputs, field", [
    ({"circumstance": "newborn", "payment_date": "2023-06-01"}, "event_date"),
    ({"circumstance": "newborn", "event_date": "2023-06-02", "payment_date": "2023-06-01"}, "event_date"),
    ({"circumstance": "newborn", "event_date": "2023-06-02", "payment_date": "not a date"}, "payment_date"),
    ({"circumstance": "alien", "payment_date": "2023-06-01"}, "circumstance"),
])
def test_bad_newborn_input(inputs: dict, field: str) -> None:
    assert field in error_fields(PJ, inputs)


# --- employee insurance lapse ----------------------------------------------------------------------

@pytest.mark.parametrize("policy", COUNTIES)
@pytest.mark.parametrize("paid, day, within, cover", [
    ("2023-08-29", 89, True, "2023-06-01"), ("2023-08-30", 90, True, "2023-06-01"), ("2023-08-31", 91, False, "2023-09-01"),
])
def test_employee_lapse_90_day_boundary(policy: str, paid: str, day: int, within: bool, cover: str) -> None:
    """平江: “因劳动关系终止导致职工医保断保的人员,在断保90天内凭职工医保参保凭证可参加居民医保,自职工医保断保之日起享受医保待遇。”
    Last day of employee cover 2023-05-31 → lapsed 2023-06-01 = day 0 (readings lapse-day, ninety-days)."""
    out = run(policy, {"circumstance": "employee_lapse", "event_date": "2023-05-31", "payment_date": paid, "fiscal_subsidy": "610"})
    r = out["result"]
    assert (r["days_since_event"], r["cover_from"]) == (day, cover)
    assert r["amount"] == ("350.00" if within else "960.00")
    assert "2023-06-01" in step(out, "lapse_day")["zh"]


# --- welfare-institution children ------------------------------------------------------------------

@pytest.mark.parametrize("policy", COUNTIES)
def test_welfare_child_enrols_any_time_covered_from_entry(policy: str) -> None:
    """平江: “儿童福利机构接收的儿童,经核实未参保的可随参随缴,自进入儿童福利机构之日起享受医保待遇。”"""
    r = result(policy, {"circumstance": "welfare_institution_child", "event_date": "2023-04-01", "payment_date": "2023-09-20"})
    assert (r["amount"], r["cover_from"], r["cover_to"]) == ("350.00", "2023-04-01", "2023-12-31")


def test_shuangqing_welfare_child_payer_inside_and_outside_the_window() -> None:
    """双清: “集中参保缴费规定时间内,且经民政部门审核认定为重点保障对象的接收儿童,其参保个人缴费部分,由医疗救助资金按认定类别予以资助；
    集中参保缴费规定时间外的,其参保个人缴费部分,由儿童福利机构资助。” (reading welfare-child-window)."""
    outside = result(SQ, {"circumstance": "welfare_institution_child", "event_date": "2023-04-01", "payment_date": "2023-04-20"})
    inside = result(SQ, {"circumstance": "welfare_institution_child", "event_date": "2022-10-01", "payment_date": "2022-10-20"})
    assert (outside["paid_by"], inside["paid_by"]) == ("welfare_institution", "medical_assistance_by_category")


def test_pingjiang_does_not_say_who_pays_for_a_welfare_child() -> None:
    out = run(PJ, {"circumstance": "welfare_institution_child", "event_date": "2023-04-01", "payment_date": "2023-04-20"})
    assert out["result"]["paid_by"] is None
    assert out["display"]["paid_by"]["en"] == "not stated in the source"


# --- groups covered from the day of payment ------------------------------------------------------

@pytest.mark.parametrize("policy", COUNTIES)
@pytest.mark.parametrize("circumstance", ["new_employment_form", "demobilized_soldier", "released_prisoner",
                                          "unemployed_graduate", "hardship_missed_window"])
def test_listed_groups_are_covered_from_the_day_they_pay(policy: str, circumstance: str) -> None:
    """平江: “新就业形态从业人员凭居住证初次在居住地参保,复转军人、刑满释放人员、未及时就业的应届大中专毕业生,可自参保缴费之日起享受医保待遇。”
    “……困难群众,稳定脱贫人口,经排查核实属于客观原因在集中参保缴费期未参保的,可自参保缴费之日起享受医保待遇。”
    “以上特殊情形,均按居民医保个人缴费标准缴费。”"""
    r = result(policy, {"circumstance": circumstance, "payment_date": "2023-04-10"})
    assert (r["amount"], r["amount_basis"], r["cover_from"], r["cover_to"]) == ("350.00", "individual", "2023-04-10", "2023-12-31")
    in_window = result(policy, {"circumstance": circumstance, "payment_date": "2022-10-10"})
    assert in_window["cover_from"] == "2023-01-01"


# --- late enrolment ------------------------------------------------------------------------------

@pytest.mark.parametrize("policy", COUNTIES)
def test_new_household_pays_full_financing_covered_from_next_month(policy: str) -> None:
    """平江: “因户籍变动等客观原因或其他特殊情形(具体指当年新迁入户口……)……按当年度居民医保筹资标准……一次性足额缴纳……,
    从缴费的下个月起享受医保待遇。” (reading next-month: the 1st of the next calendar month)."""
    r = result(policy, {"circumstance": "new_household", "payment_date": "2023-03-31", "fiscal_subsidy": "640.50"})
    assert (r["amount"], r["amount_basis"], r["cover_from"], r["cover_to"]) == ("990.50", "full_financing", "2023-04-01", "2023-12-31")


@pytest.mark.parametrize("policy", COUNTIES)
def test_late_standard_paid_in_december_buys_no_cover_this_year(policy: str) -> None:
    out = run(policy, {"circumstance": "new_household", "payment_date": "2023-12-05", "fiscal_subsidy": "610"})
    r = out["result"]
    assert r["amount"] == "960.00"
    assert warning_ids(r) == ["no_cover_this_year"]
    assert out["display"]["cover_from"]["en"] == "not applicable"
    assert "2024-01-01" in r["warnings"][0]["zh"]


def test_other_late_reason_cannot_enrol_mid_year() -> None:
    """平江 lists the late cases “具体指当年新迁入户口、新生儿未在90天内参保缴费、职工医保断保的人员未在断保90天内参保缴费”;
    anyone else: “原则上不得中途参保、不得享受医保待遇” (issue 15 point 1; more in tests/test_fidelity_resident.py)."""
    r = result(PJ, {"circumstance": "other_late", "payment_date": "2023-05-20", "fiscal_subsidy": "610"})
    assert (r["cover_from"], r["amount"]) == (None, None) and warning_ids(r) == ["not_a_listed_late_case"]


# --- 双清 refunds and extension ------------------------------------------------------------------

def test_shuangqing_refund_until_31_december_2022() -> None:
    """双清: “……在相应待遇享受期未开始前（截止2022年12月31日）因重复缴费……依申请办理城乡居民参保缴费退费；
    待遇享受期开始后（2023年1月1日）,对暂停城乡居民医保参保关系的,个人缴费不再退回。”"""
    before = run(SQ, {"payment_date": "2022-12-31"})
    assert (before["result"]["refund"], before["result"]["refund_deadline"]) == ("refundable_until_deadline", "2022-12-31")
    after = result(SQ, {"circumstance": "demobilized_soldier", "payment_date": "2023-01-01"})
    assert (after["refund"], after["refund_deadline"]) == ("not_refundable", None)
    assert result(PJ, {"payment_date": "2022-12-31"})["refund"] is None    # 平江 has no refund rule


def test_shuangqing_extension_is_per_township_and_cover_start_is_not_stated() -> None:
    """双清: “未如期达到规定参保率的乡镇（街道）可将集中参保缴费期适当延长至2023年2月28日。” (readings extension-per-township,
    extension-cover-start)."""
    extended = run(SQ, {"payment_date": "2023-02-10", "township_extended": True})
    r = extended["result"]
    assert (r["amount"], r["cover_from"], r["determined"]) == ("350.00", None, False)
    assert warning_ids(r) == ["extension_cover_not_stated"]
    assert "<pattern" in extended["charts"]["timeline"]["zh"]
    assert warning_ids(result(SQ, {"payment_date": "2023-02-10"})) == ["mid_year_not_allowed"]
    assert warning_ids(result(SQ, {"payment_date": "2023-03-01", "township_extended": True})) == ["mid_year_not_allowed"]


def test_pingjiang_has_no_extension() -> None:
    assert error_fields(PJ, {"payment_date": "2022-11-15", "township_extended": True}) == ["township_extended"]


# --- 湖南 2025: waiting periods ------------------------------------------------------------------

def test_hunan_outside_the_period_waits_three_months() -> None:
    """湖南: “在集中参保缴费期外参保缴费,按照个人缴费标准加财政补助标准之和缴费,并设置待遇等待期。”
    “2025年1月起,居民医保对未在集中参保缴费期内参保或未连续参保的人员,设置参保后固定待遇等待期3个月。” (reading waiting-period-dates)."""
    out = run(HN, {"payment_date": "2025-03-15", "paid_in_collection_period": False,
                   "individual_standard": "400", "fiscal_subsidy": "700"})
    r = out["result"]
    assert (r["amount"], r["amount_basis"], r["waiting_period_end"], r["cover_from"], r["cover_to"]) == \
        ("1100.00", "full_financing", "2025-06-14", "2025-06-15", None)
    assert r["determined"] is False                       # a variable waiting period may be added
    assert warning_ids(r) == ["variable_waiting_period", "waiting_count_alternative"]
    assert "变动等待期" in step(out, "variable_waiting")["zh"]


def test_hunan_amounts_are_inputs_not_guesses() -> None:
    r = result(HN, {"payment_date": "2025-03-15", "paid_in_collection_period": False})
    assert r["amount"] is None
    assert {"individual_standard_missing", "fiscal_subsidy_missing"} <= set(warning_ids(r))


def test_hunan_not_continuously_enrolled_waits_even_in_the_period() -> None:
    r = result(HN, {"payment_date": "2025-11-30", "continuously_enrolled": False, "individual_standard": "400"})
    assert (r["amount"], r["amount_basis"], r["waiting_period_end"], r["cover_from"]) == \
        ("400.00", "individual", "2026-02-27", "2026-02-28")
    assert "waiting_counted_from_payment" in warning_ids(r)


def test_hunan_continuous_and_in_period_has_no_waiting_but_no_dates_either() -> None:
    r = result(HN, {"payment_date": "2025-10-10", "individual_standard": "400"})
    assert (r["amount"], r["waiting_period_end"], r["cover_from"], r["cover_to"]) == ("400.00", None, None, None)
    assert warning_ids(r) == ["benefit_year_not_stated"]


def test_hunan_rules_start_in_2025() -> None:
    assert error_fields(HN, {"payment_date": "2024-12-31"}) == ["payment_date"]


def test_inputs_apply_only_where_the_policy_needs_them() -> None:
    assert error_fields(HN, {"payment_date": "2025-03-15", "circumstance": "newborn"}) == ["circumstance"]
    assert error_fields(PJ, {"payment_date": "2022-11-15", "individual_standard": "350"}) == ["individual_standard"]
    assert error_fields(PJ, {"payment_date": "2022-11-15", "continuously_enrolled": False}) == ["continuously_enrolled"]
    names = {i["name"]: i for i in calc.describe(CALC)["inputs"]}
    assert names["individual_standard"]["applies_when"] == "unstated:individual_contribution"
    assert names["fiscal_subsidy"]["required"] is False


# --- provenance and charts -----------------------------------------------------------------------

@pytest.mark.parametrize("policy, inputs", [
    (PJ, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-09"}),
    (SQ, {"circumstance": "welfare_institution_child", "event_date": "2022-10-01", "payment_date": "2022-10-20"}),
    (HN, {"payment_date": "2025-03-15", "paid_in_collection_period": False}),
])
def test_every_cited_parameter_exists_with_its_quote(policy: str, inputs: dict) -> None:
    params = load_policies()[policy]["parameters"]
    for s in run(policy, inputs)["steps"]:
        assert s["zh"] and s["en"]
        for c in s["cites"]:
            assert c["quote"] == params[c["field"]]["source"]["quote"]


def test_timeline_chart_is_bilingual_accessible_svg() -> None:
    charts = run(PJ, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-09"})["charts"]["timeline"]
    for lang, words in (("zh", ("缴费", "享受待遇", "出生", "本年度待遇期末")), ("en", ("Payment", "Covered", "Birth", "End of the insurance year"))):
        svg = charts[lang]
        assert svg.startswith("<svg") and 'role="img"' in svg and 'width="100%"' in svg and "<title" in svg and "<desc" in svg
        assert all(w in svg for w in words)
        assert "2023-07-01" in svg and "2023-06-09" in svg


def test_hunan_timeline_has_an_open_end_and_no_invented_end_date() -> None:
    svg = run(HN, {"payment_date": "2025-03-15", "paid_in_collection_period": False})["charts"]["timeline"]["en"]
    assert "Fixed waiting period" in svg and "End not stated in the source" in svg and "from 2025-06-15" in svg
    assert "2025-12-31" not in svg


def test_paying_before_employee_cover_ends_is_in_time() -> None:
    """职工医保断保90天内: paying on the last day of employee cover (before the lapse) is not late;
    cover starts on the lapse day, so there is no gap."""
    import calc
    out = calc.run("resident-benefit-start", "hunan/yueyang/pingjiang/2023-resident",
                   {"circumstance": "employee_lapse", "event_date": "2023-03-31", "payment_date": "2023-03-31"})
    assert out["ok"], out
    assert out["result"]["amount_basis"] == "individual"
    assert out["result"]["cover_from"] == "2023-04-01"


def test_newborn_payment_before_birth_is_an_input_error() -> None:
    import calc
    out = calc.run("resident-benefit-start", "hunan/yueyang/pingjiang/2023-resident",
                   {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-03-09"})
    assert not out["ok"] and out["errors"][0]["field"] == "event_date"
