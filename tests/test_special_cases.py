"""Special cases declared per policy (issue 19 item 2, calc/enrolment_special_cases.py): each situation's deadline,
counting, fee and cover come from the policy that states them, in the windows engine and in a county notice's
collection period; refunds are data. The fixture (tests/fixtures/special-cases/) quotes an invented text.
"""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

import calc
from calc.parameters import declaration
from calc.registry import calculator
from fixture_policies import use_fixture_policies
from scripts.policy.loader import load_all

START = "resident-benefit-start"
FIXTURE = Path(__file__).parent / "fixtures" / "special-cases" / "policies"
CASES = "testland/cases/2027-resident"
PJ = "hunan/yueyang/pingjiang/2023-resident"
POLICIES = Path(__file__).parents[1] / "policies"


@pytest.fixture
def cases(tmp_path_factory, monkeypatch):
    yield from use_fixture_policies(FIXTURE, tmp_path_factory, monkeypatch)


def result(pid: str, inputs: dict) -> dict:
    out = calc.run(START, pid, inputs)
    assert out["ok"], out
    return out["result"]


def picked(r: dict, *keys: str) -> tuple:
    return tuple(r.get(k) for k in keys)


@pytest.mark.parametrize("paid, day, amount, basis, cover", [
    # “在断保之日起60日内（含断保当日）参加居民医保的，按个人缴费标准缴费，自断保之日起享受待遇”: cover ended 03-31, lapse 04-01 = day 1
    ("2027-05-30", 60, "400.00", "individual", "2027-04-01"),
    # “超过60日的，按个人缴费标准加财政补助标准之和缴费，自缴费次月起享受待遇”
    ("2027-05-31", 61, "1100.00", "full_financing", "2027-06-01"),
])
def test_a_declared_deadline_with_its_own_late_fee_and_cover(cases, paid: str, day: int, amount: str, basis: str, cover: str) -> None:
    r = result(CASES, {"circumstance": "employee_lapse", "event_date": "2027-03-31", "payment_date": paid})
    assert picked(r, "days_since_event", "amount", "amount_basis", "cover_from", "pay_by", "determined") == \
        (day, amount, basis, cover, "2027-05-30", True)


@pytest.mark.parametrize("paid, cover", [("2027-06-07", "2027-03-10"), ("2027-06-08", "2027-07-01")])
def test_special_case_newborn_is_the_newborn_rule_spelled_as_a_case(cases, paid: str, cover: str) -> None:
    """“新生儿在出生后90天内（含出生当天）参保缴费的，免缴…，自出生之日起享受待遇；超过90天参保的，出生当年仍免缴，自缴费次月起”."""
    r = result(CASES, {"circumstance": "newborn", "event_date": "2027-03-10", "payment_date": paid})
    assert picked(r, "amount", "amount_basis", "cover_from", "pay_by") == ("0.00", "waived", cover, "2027-06-07")


def test_a_case_without_a_deadline_is_covered_as_it_says(cases) -> None:
    """“复转军人可随时参保，按个人缴费标准缴费，自缴费之日起享受待遇。”"""
    r = result(CASES, {"circumstance": "demobilized_soldier", "payment_date": "2027-04-10"})
    assert picked(r, "amount", "cover_from", "cover_to") == ("400.00", "2027-04-10", "2027-12-31")


def test_a_situation_the_policy_does_not_declare_is_refused(cases) -> None:
    for circ, event in (("welfare_institution_child", "2027-03-01"), ("released_prisoner", None)):
        inputs = {"circumstance": circ, "payment_date": "2027-04-10"} | ({"event_date": event} if event else {})
        out = calc.run(START, CASES, inputs)
        assert not out["ok"] and out["errors"][0]["message_en"]


@pytest.mark.parametrize("paid, refund", [("2026-11-01", "refundable_until_deadline"), ("2027-02-10", "not_refundable")])
def test_refunds_are_data_in_the_windows_engine_too(cases, paid: str, refund: str) -> None:
    """“2026年12月31日前因重复缴费、参加职工医保或在其他地区参保的，可申请退费；2027年1月1日起不再退费。”"""
    out = calc.run(START, CASES, {"payment_date": paid})
    assert out["result"]["refund"] == refund
    (step,) = [s for s in out["steps"] if s["id"] == "refund"]
    if refund == "refundable_until_deadline":
        assert "重复缴费、参加职工医保或在其他地区参保等" in step["zh"] and out["result"]["refund_deadline"] == "2026-12-31"


def test_the_declaration_names_only_known_situations() -> None:
    start = calculator(START)
    assert declaration(start, "special_case_newborn") is not None
    assert declaration(start, "special_case_employee_insurance_lapse") is not None   # an older name
    assert declaration(start, "special_case_astronaut") is None
    assert declaration(start, "special_cases_contribution").name == "special_cases_contribution"


def _edited_county(tmp_path_factory, edit) -> Path:
    root = tmp_path_factory.mktemp("county")
    shutil.copytree(POLICIES, root, dirs_exist_ok=True)
    path = root / "hunan/yueyang/pingjiang/2023-resident.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data["parameters"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def test_unknown_situations_and_keys_are_loader_errors(tmp_path_factory) -> None:
    def edit(params: dict) -> None:
        params["special_case_astronaut"] = copy.deepcopy(params["special_case_newborn"])
        params["special_case_newborn"]["value"] = {**params["special_case_newborn"]["value"], "birth_day_counts": True}
        del params["special_case_employee_insurance_lapse"]["value"]["late"]
    root = _edited_county(tmp_path_factory, edit)
    problems = "\n".join(str(p) for p in load_all(root, root / "sources")[1])
    assert "special_case_astronaut" in problems
    assert "birth_day_counts" in problems
    assert "special_case_employee_insurance_lapse" in problems and "late" in problems


def test_a_county_case_is_answered_by_its_own_data(tmp_path_factory, monkeypatch) -> None:
    """The same engine reads what the county declares: a newborn late rule of its own (no subsidy to pay), a group
    whose own rule applies even within the collection period (the start before the year is warned about), a fee waived."""
    def edit(params: dict) -> None:
        params["special_case_newborn"]["value"]["late"] = {"pays": "individual", "benefits_from": "month_after_payment"}
        params["special_case_first_enrolment_groups"]["value"]["in_collection_period"] = "own_rule"
        params["special_case_welfare_institution_child"]["value"]["pays"] = "waived"
    root = _edited_county(tmp_path_factory, edit)
    for _ in use_fixture_policies(root, tmp_path_factory, monkeypatch):
        r = result(PJ, {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-09"})
        assert picked(r, "amount", "amount_basis", "cover_from") == ("350.00", "individual", "2023-07-01")
        r = result(PJ, {"circumstance": "demobilized_soldier", "payment_date": "2022-11-15"})
        assert r["cover_from"] == "2022-11-15"
        assert "starts_before_year" in [w["id"] for w in r["warnings"]]
        r = result(PJ, {"circumstance": "welfare_institution_child", "event_date": "2023-04-01", "payment_date": "2023-04-20"})
        assert picked(r, "amount", "amount_basis", "cover_from") == ("0.00", "waived", "2023-04-01")
