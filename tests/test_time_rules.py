"""Issue 19: rules of time as data. Each case names the sentence it comes from.

The real Hunan policies (sources 006, 008, 009, 010, 018, 019) and a fixture of the 青岛 shape (a wait by
years of gap, shortened by years paid back, with a floor; its worked example reproduced).
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

import calc
from calc.api import applicable_inputs
from calc.data import load_policies
from calc.enrolment_windows import windows
from calc.policy import Policy
from calc.registry import calculator
from fixture_policies import use_fixture_policies

H25, H26 = "hunan/2025-resident", "hunan/2026-resident"
PJ = "hunan/yueyang/pingjiang/2023-resident"
START = "resident-benefit-start"
FIXTURE = Path(__file__).parent / "fixtures" / "time-rules" / "policies"
GAP = "testland/gap-wait/2027-resident"


def result(pid: str, inputs: dict) -> dict:
    out = calc.run(START, pid, inputs)
    assert out["ok"], out
    return out


def steps(out: dict) -> dict:
    return {s["id"]: s for s in out["steps"]}


def warning_ids(out: dict) -> list[str]:
    return [w["id"] for w in out["result"]["warnings"]]


# --- H1: the payment date decides the window ------------------------------------------------------

@pytest.mark.parametrize("day, amount, in_period", [
    ("2025-09-01", "400.00", True), ("2026-01-31", "400.00", True), ("2026-02-01", "1100.00", False),
    ("2026-06-15", "1100.00", False)])
def test_hunan_2026_window_by_date(day: str, amount: str, in_period: bool) -> None:
    """008: “集中缴费期为2025年9月1日至2026年1月31日”; “集中缴费期外参保缴费的 政府不再予以补助 个人缴费标准提高至1100元”."""
    out = result(H26, {"payment_date": day})
    assert out["result"]["amount"] == amount
    window = steps(out)["window"]
    assert "2025-09-01" in window["zh"] and "2026-01-31" in window["en"]
    assert {c["field"] for c in window["cites"]} == {"collection_period_start", "collection_period_end"}
    assert ("waiting" in steps(out)) is (not in_period)


def test_a_box_never_overrides_a_stated_date() -> None:
    """The expert's H1 case: {"payment_date": "2026-06-15", "paid_in_collection_period": true} gave 400 and no wait."""
    out = calc.run(START, H26, {"payment_date": "2026-06-15", "paid_in_collection_period": False})
    assert not out["ok"]
    (error,) = out["errors"]
    assert error["field"] == "paid_in_collection_period"
    assert "集中缴费期开始" in error["message_zh"] and "Collection period starts" in error["message_en"]
    # the policy that states no dates still asks
    assert calc.run(START, "hunan/2025-enrolment-measures", {"payment_date": "2025-03-15", "paid_in_collection_period": False})["ok"]
    names = {s.name for s in applicable_inputs(calculator(START), Policy(load_policies()[H26]))}
    assert "paid_in_collection_period" not in names and "gap_years" in names


# --- H2, M2: the benefit year -----------------------------------------------------------------------

def test_in_period_payers_get_the_benefit_year() -> None:
    """018: “居民医保的待遇享受期为集中征缴期次年的1月1日至12月31日” (M2: no more “报道没有写待遇期的起止日期”)."""
    r = result(H26, {"payment_date": "2025-10-10"})["result"]
    assert (r["cover_from"], r["cover_to"], r["determined"]) == ("2026-01-01", "2026-12-31", True)
    assert "benefit_year_not_stated" not in [w["id"] for w in r["warnings"]]


def test_cover_never_starts_before_the_benefit_year() -> None:
    """H2: paid 2025-09-05 after a gap gave “2025-12-05 起享受待遇”; the wait now runs from 2026-01-01."""
    out = result(H26, {"payment_date": "2025-09-05", "gap_years": 1})
    r = out["result"]
    assert r["cover_from"] == "2026-04-01" and r["cover_from"] >= "2026-01-01"
    assert "benefit_period_start" in {c["field"] for c in steps(out)["waiting"]["cites"]}


# --- M3: the variable wait by years of gap ------------------------------------------------------------

@pytest.mark.parametrize("gap, cover", [(0, "2026-01-01"), (1, "2026-04-01"), (2, "2026-05-01"), (3, "2026-06-01"),
                                        (4, "2026-07-01"), (5, "2026-08-01")])
def test_hunan_2026_variable_wait(gap: int, cover: str) -> None:
    """019: “每多斷保1年,將在固定待遇等待期基礎上增加變動待遇等待期1個月。連續斷繳4年及以上的,…之和原則上不少于6個月”;
    009: “断保超4年等待期至少6个月”. A 5-year gap no longer gets the 3-month date."""
    out = result(H26, {"payment_date": "2025-10-10", "gap_years": gap})
    assert out["result"]["cover_from"] == cover
    if gap:
        assert "variable_waiting_rule" in {c["field"] for c in steps(out)["variable_waiting"]["cites"]}


def test_hunan_2025_thirty_days_per_year_of_gap() -> None:
    """006: “变动等待期:若参保人未连续参保,每断缴1年,需额外等待30天才能享受医保待遇。”"""
    r = result(H25, {"payment_date": "2024-10-01", "gap_years": 2})["result"]
    assert (r["waiting_period_end"], r["cover_from"]) == ("2025-05-30", "2025-05-31")   # 2025-04-01 + 60 days


def test_a_gap_without_its_length_is_not_determined() -> None:
    out = result(H26, {"payment_date": "2025-10-10", "continuously_enrolled": False})
    assert out["result"]["determined"] is False and "gap_years_missing" in warning_ids(out)


def test_years_paid_back_cannot_exceed_the_gap() -> None:
    out = calc.run(START, H26, {"payment_date": "2025-10-10", "gap_years": 1, "years_paid_back": 2})
    assert not out["ok"] and out["errors"][0]["field"] == "years_paid_back"


# --- H3: newborns in 2026 -------------------------------------------------------------------------------

def test_2026_newborn_with_a_parent_insured_pays_nothing() -> None:
    """010: “2026年在省内参保的新生儿,若父母一方已参加…可免缴2026年度医保费用,自出生之日起享受当年医保待遇”."""
    out = result(H26, {"circumstance": "newborn", "event_date": "2026-08-20", "payment_date": "2026-08-20"})
    r = out["result"]
    assert (r["amount"], r["amount_basis"], r["cover_from"], r["cover_to"]) == ("0.00", "waived", "2026-08-20", "2026-12-31")
    assert "newborn_fee_waiver" in {c["field"] for c in steps(out)["newborn_waiver"]["cites"]}


def test_baby_born_late_2025_joins_2026() -> None:
    """009: “2025年10 - 12月出生小孩可不缴2025年医保,直接参2026年”."""
    out = result(H26, {"circumstance": "newborn", "event_date": "2025-10-01", "payment_date": "2025-11-01"})
    assert (out["result"]["amount"], out["result"]["cover_from"]) == ("400.00", "2026-01-01")
    assert "newborn_previous_year" in steps(out)


def test_newborn_without_an_insured_parent_follows_the_ordinary_rules() -> None:
    out = result(H26, {"circumstance": "newborn", "event_date": "2026-08-20", "payment_date": "2026-08-25", "parent_insured": False})
    assert out["result"]["amount"] == "1100.00" and "newborn_no_waiver" in steps(out)


# --- M5: how a 90-day window counts ------------------------------------------------------------------

@pytest.mark.parametrize("paid, determined, warned", [("2023-06-07", True, False), ("2023-06-08", False, True)])
def test_day_windows_show_the_other_count_and_the_safe_day(paid: str, determined: bool, warned: bool) -> None:
    """平江: “新生儿出生后90天内…自出生之日所发生的合规医疗费用均可纳入医保报销”: birth day 0 (our reading) or day 1."""
    out = result(PJ, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": paid})
    r = out["result"]
    assert (r["pay_by"], r["determined"]) == ("2023-06-07", determined)
    assert ("day_count_alternative" in warning_ids(out)) is warned
    assert "2023-06-07" in steps(out)["window_alternative"]["zh"]


# --- a fixture of the 青岛 shape: a wait by years of gap, paid back, with a floor ----------------------

@pytest.fixture
def gap_policies(tmp_path_factory, monkeypatch):
    yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)


@pytest.mark.parametrize("gap, back, cover", [
    (2, 0, "2027-05-01"),   # “等待期为3(固定等待期)+1(变动等待期)=4个月,…在2027年5月1日才可享受待遇”
    (2, 1, "2027-04-01"),   # “通过多缴纳1年居民医保费修复了变动待遇等待期,修复后需等待3个月,自2027年4月1日享受待遇”
    (5, 0, "2027-08-01"),   # 3 + 4 months
    (5, 4, "2027-07-01"),   # “连续断缴4年及以上的,修复后待遇等待期(含固定等待期)不少于6个月”
])
def test_qingdao_worked_example_and_floor(gap_policies, gap: int, back: int, cover: str) -> None:
    out = result(GAP, {"payment_date": "2026-10-15", "gap_years": gap, "years_paid_back": back})
    assert out["result"]["cover_from"] == cover
    assert out["result"]["amount"] == "400.00"


# --- windows as data: the payment date picks the window, the window the amount and the cover start ----------

WINDOWS, UNSTATED = "testland/windows/2027-resident", "testland/late-unstated/2027-resident"


@pytest.mark.parametrize("paid, amount, cover, wait_end", [
    ("2026-09-01", "400.00", "2027-01-01", None),         # “集中缴费期内参保缴费的，自2027年1月1日起享受待遇”
    ("2027-02-28", "400.00", "2027-02-28", None),         # “2027年1月1日至2027年2月28日参保缴费的，自缴费之日起享受待遇”
    ("2027-03-10", "400.00", "2027-05-09", "2027-05-08"),  # “2027年3月1日至2027年6月30日参保缴费的，设置60天待遇等待期”
    ("2027-07-15", "1100.00", "2027-08-01", None),        # “2027年7月1日以后…按个人缴费标准加财政补助标准之和缴费，自缴费次月起”
])
def test_windows_decide_amount_and_cover_start(gap_policies, paid: str, amount: str, cover: str, wait_end: str | None) -> None:
    out = result(WINDOWS, {"payment_date": paid})
    r = out["result"]
    assert (r["amount"], r["cover_from"], r["cover_to"], r["waiting_period_end"]) == (amount, cover, "2027-12-31", wait_end)
    assert "enrolment_windows" in {c["field"] for c in steps(out)["window"]["cites"]}


def test_a_start_after_the_year_buys_nothing_and_says_so(gap_policies) -> None:
    out = result(WINDOWS, {"payment_date": "2027-12-15"})
    r = out["result"]
    assert (r["amount"], r["cover_from"]) == ("1100.00", None)
    assert "no_cover_this_year" in warning_ids(out)


def test_windows_start_no_earlier_than_the_first(gap_policies) -> None:
    out = calc.run(START, WINDOWS, {"payment_date": "2026-08-31"})
    assert not out["ok"] and out["errors"][0]["field"] == "payment_date"


@pytest.mark.parametrize("paid, day, cover", [
    ("2027-06-07", 90, "2027-03-10"),   # “90天内（含出生当天）”: born 03-10 is day 1, so 06-07 is day 90
    ("2027-06-08", 91, "2027-07-01"),   # “超过90天参保的，出生当年仍免缴，自缴费次月起享受待遇”
])
def test_newborn_deadline_counts_the_birth_day(gap_policies, paid: str, day: int, cover: str) -> None:
    out = result(WINDOWS, {"circumstance": "newborn", "event_date": "2027-03-10", "payment_date": paid})
    r = out["result"]
    assert (r["days_since_event"], r["amount"], r["amount_basis"], r["cover_from"], r["pay_by"]) == \
        (day, "0.00", "waived", cover, "2027-06-07")


def test_a_late_amount_not_stated_is_said_not_invented(gap_policies) -> None:
    out = result(UNSTATED, {"payment_date": "2027-03-10"})
    r = out["result"]
    assert (r["amount"], r["cover_from"], r["determined"]) == (None, "2027-04-01", False)
    assert "amount_not_stated" in warning_ids(out)
    assert calc.run(START, UNSTATED, {"payment_date": "2026-10-10"})["result"]["amount"] == "400.00"


# --- the headline is the whole truth (issue 20 point 4, over every example and vector) --------------------

from tests.test_pyodide_parity import load_vectors  # noqa: E402

BUYS_NOTHING = {"no_cover_this_year", "wait_crosses_benefit_year", "no_window"}
NOT_ALLOWED = {"mid_year_not_allowed", "not_a_listed_late_case"}
READING = {"waiting_count_alternative", "day_count_alternative"}
HEADLINE_CASES = [(pid, dict(e["inputs"])) for pid, p in sorted(load_policies().items())
                  for e in p.get("examples") or [] if e.get("calculator") == START] + \
                 [(v["policy"], dict(v["inputs"])) for v in load_vectors() if v["calculator"] == START]


@pytest.mark.parametrize("pid, inputs", HEADLINE_CASES, ids=[f"{pid}:{i}" for i, (pid, _) in enumerate(HEADLINE_CASES)])
def test_headline_says_first_what_the_warnings_say(pid: str, inputs: dict) -> None:
    out = calc.run(START, pid, inputs)
    if not out["ok"]:
        return
    ids, head = set(warning_ids(out)), out["headline"]
    if ids & BUYS_NOTHING:
        assert head["zh"].startswith(("这笔缴费买不到", "按本政策这一天不能参保")), head
        assert "起享受待遇" not in head["zh"] and "covered from" not in head["en"], head
    if ids & NOT_ALLOWED:
        assert head["zh"].startswith("按本政策不能") and head["en"].startswith("Under this policy you cannot"), head
    if ids & READING and not ids & (BUYS_NOTHING | NOT_ALLOWED):
        assert head["zh"].startswith("按我们的读法") and head["en"].startswith("On our reading"), head
    if out["result"]["cover_from"] is not None and out["result"]["cover_to"] is not None:
        assert out["result"]["cover_to"] in head["zh"], head   # the whole span: two days of cover read as two days


def test_headline_cases_cover_each_kind() -> None:
    kinds = set()
    for pid, inputs in HEADLINE_CASES:
        out = calc.run(START, pid, inputs)
        if out["ok"]:
            kinds |= {k for k, group in (("nothing", BUYS_NOTHING), ("not_allowed", NOT_ALLOWED), ("reading", READING))
                      if set(warning_ids(out)) & group}
    assert kinds == {"nothing", "not_allowed", "reading"}, kinds


# --- item 5: a rule the text does not give is said, never a crash ------------------------------------------

@pytest.mark.parametrize("rule, circ, event", [
    ("special_case_welfare_institution_child", "welfare_institution_child", "2022-10-01"),
    ("special_case_newborn", "newborn", "2022-10-01"),
    ("special_case_employee_insurance_lapse", "employee_lapse", "2022-10-01"),
])
def test_special_case_not_stated_says_so(tmp_path_factory, monkeypatch, rule: str, circ: str, event: str) -> None:
    """Found by make policies' sampled runs: `value: null, status: not_stated` crashed the county path."""
    import shutil
    import yaml
    root = tmp_path_factory.mktemp("open-rule")
    shutil.copytree(Path(__file__).parents[1] / "policies", root, dirs_exist_ok=True)
    path = root / "hunan/yueyang/pingjiang/2023-resident.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["parameters"][rule].update(value=None, status="not_stated", how={"zh": "测试。", "en": "Test."})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for _ in use_fixture_policies(root, tmp_path_factory, monkeypatch):
        out = calc.run(START, PJ, {"circumstance": circ, "event_date": event, "payment_date": "2022-10-20"})
        assert out["ok"], out
        r = out["result"]
        assert (r["amount"], r["cover_from"], r["determined"]) == (None, None, False)
        assert "rule_not_stated" in warning_ids(out)


# --- an absolute ceiling on the 大病 incentives, and credit kept after a gap (fixture) ------------------------

CAP = "testland/cap-kept/2025-enrolment-measures"


@pytest.mark.parametrize("enrolled, zero, year, continuity, zero_inc, increase, cap", [
    # 6 continuous years: 2 × 5000, plus a claim-free 2026: 15000 → “累计提高总额最高不超过10000元”
    ([2025, 2026, 2027, 2028, 2029, 2030], [2026], 2030, "10000.00", "5000.00", "10000.00", "310000.00"),
    # back after a gap in 2030: the run 2025–2029 earned 1 × 5000 and 2027 was claim-free —
    # “中断参保后再次参保的，此前已获得的激励额度予以保留”
    ([2025, 2026, 2027, 2028, 2029, 2031], [2027], 2031, "5000.00", "5000.00", "10000.00", "310000.00"),
    ([2025, 2026, 2027, 2028, 2029, 2031], [], 2031, "5000.00", "0.00", "5000.00", "305000.00"),
])
def test_absolute_ceiling_and_credit_kept(gap_policies, enrolled, zero, year, continuity, zero_inc, increase, cap) -> None:
    out = calc.run("critical-illness-cap", CAP, {"enrolled_years": enrolled, "zero_reimbursement_years": zero, "benefit_year": year})
    assert out["ok"], out
    r = out["result"]
    assert (r["continuity_increase"], r["zero_reimbursement_increase"], r["increase"], r["cap"]) == \
        (continuity, zero_inc, increase, cap)
    ceiling = steps(out)["ceiling"]
    assert "10000.00 元" in ceiling["zh"] and "critical_illness_increase_cap_amount" in {c["field"] for c in ceiling["cites"]}
    if year == 2031:
        assert "critical_illness_credit_after_gap" in {c["field"] for c in steps(out)["continuity"]["cites"]}


# --- issue 20 point 4: where the next window is already open, the answer says so -------------------------

@pytest.mark.parametrize("pid, paid, on_file", [(H26, "2026-12-04", False), (H25, "2025-09-30", True)])
def test_late_payment_when_next_years_window_may_be_open(pid: str, paid: str, on_file: bool) -> None:
    """008: “集中缴费期为2025年9月1日至2026年1月31日”: on 2026-12-04 the 2027 period has likely opened; none is on file."""
    out = result(pid, {"payment_date": paid})
    assert "next_window_may_be_open" in warning_ids(out)
    assert "下一年度的缴费期可能已经开始" in out["headline"]["zh"] and "next year's collection period" in out["headline"]["en"].lower()
    text = steps(out)["next_window"]
    assert ("本站已收录" in text["zh"]) is on_file and ("no policy for next year" in text["en"]) is not on_file


def test_late_payment_before_next_years_window_says_nothing_of_it() -> None:
    assert "next_window_may_be_open" not in warning_ids(result(H26, {"payment_date": "2026-03-02"}))


def test_arrears_say_whose_rules_apply_to_another_years_months() -> None:
    """M1: 衡阳 2023's arrears priced 2024 months at 2024's figures and applied 2023's arrears rules without saying so."""
    out = calc.run("flexible-arrears", "hunan/hengyang/2023-flexible-employment",
                   {"unpaid_months": ["2023-11", "2024-06"], "payment_date": "2024-08-20"})
    assert out["ok"], out
    assert "arrears_rules_of_this_policy" in [w["id"] for w in out["result"]["warnings"]]
    s = steps(out)["arrears_rules_of_this_policy"]
    assert "2024-06" in s["zh"] and "2023-11" not in s["zh"]
    only_own = calc.run("flexible-arrears", "hunan/hengyang/2023-flexible-employment",
                        {"unpaid_months": ["2023-11"], "payment_date": "2023-12-20"})
    assert "arrears_rules_of_this_policy" not in [w["id"] for w in only_own["result"]["warnings"]]


@pytest.mark.parametrize("pid, inputs", [
    (PJ, {"circumstance": "newborn", "event_date": "2023-05-01", "payment_date": "2022-11-15"}),
    (H26, {"circumstance": "newborn", "event_date": "2026-05-01", "payment_date": "2026-04-15"}),
])
def test_a_birth_after_the_payment_is_flagged_at_both_fields(pid: str, inputs: dict) -> None:
    """Issue 20 point 3: the error sits at the field that caused it; either date may be the slip (平江's prefilled payment date)."""
    out = calc.run(START, pid, inputs)
    assert not out["ok"] and {e["field"] for e in out["errors"]} == {"event_date", "payment_date"}


# --- issue 19 items 2 and 5: every Hunan policy in the one windows engine; only undated windows ask the box ------

def test_dated_hunan_years_state_windows_and_the_measures_leave_their_dates_not_stated() -> None:
    """三湘都市报 (004): “居民应在集中参保缴费期内,按个人缴费标准参保缴费” — a collection period named, never dated."""
    policies = load_policies()
    for pid in (H25, H26):
        found = policies[pid]["parameters"]["enrolment_windows"]["value"]
        assert found[0]["from"] == "collection_period_start" and found[0]["period"] == "collection"
        assert {w["wait"] for w in found} == {"waiting_period_rule"}
    measures = policies["hunan/2025-enrolment-measures"]
    assert measures["parameters"]["enrolment_windows"]["value"][0]["from"] == "collection_period_start"
    assert measures["parameters"]["collection_period_start"]["value"] is None
    assert [(w.start, w.period) for w in windows(Policy(measures))] == [(None, "collection"), (None, "outside")]
    dated = copy.deepcopy(measures)   # one date stated beside an open one would be silently ignored: refused
    dated["parameters"]["collection_period_start"].update(value="2024-09-01", status="stated")
    with pytest.raises(ValueError, match="not stated"):
        windows(Policy(dated))


def test_the_box_is_asked_only_while_the_dates_are_not_stated() -> None:
    """The same measures with their dates stated: the payment date decides and the box is refused (H1)."""
    dated = copy.deepcopy(load_policies()["hunan/2025-enrolment-measures"])
    dated["parameters"]["collection_period_start"].update(value="2024-09-01", status="stated")
    dated["parameters"]["collection_period_end"].update(value="2024-12-31", status="stated")
    names = {s.name for s in applicable_inputs(calculator(START), Policy(dated))}
    assert "paid_in_collection_period" not in names
    out = calc.api.run_policy(START, dated, {"payment_date": "2025-03-15", "paid_in_collection_period": False})
    assert not out["ok"] and [e["field"] for e in out["errors"]] == ["paid_in_collection_period"]
    late = calc.api.run_policy(START, dated, {"payment_date": "2025-03-15"})
    assert late["ok"] and late["result"]["waiting_period_end"] == "2025-06-14"
    assert "paid_in_collection_period" in {s.name for s in applicable_inputs(
        calculator(START), Policy(load_policies()["hunan/2025-enrolment-measures"]))}


def test_an_open_benefit_year_is_said_to_be_open() -> None:
    """The measures give no benefit year: an in-period, continuous payer is covered from its first day, which has no date."""
    out = result("hunan/2025-enrolment-measures", {"payment_date": "2025-11-10", "paid_in_collection_period": True})
    r = out["result"]
    assert (r["cover_from"], r["cover_to"], r["determined"]) == (None, None, False)
    assert warning_ids(out) == ["individual_standard_missing", "benefit_year_not_stated"]
    assert "原文没有写待遇期" in steps(out)["cover_from"]["zh"]


