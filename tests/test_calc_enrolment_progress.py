"""enrolment-progress: the 平江 2023 township task table, stage targets and award rule."""
from __future__ import annotations

from decimal import Decimal

import pytest

import calc
from calc.api import applicable_inputs
from calc.data import load_policies
from calc.enrolment_progress import CALCULATOR
from calc.policy import Policy
from calc_helpers import calc_helpers

POLICY = "hunan/yueyang/pingjiang/2023-resident"


run, result, errors = calc_helpers("enrolment-progress", POLICY)


def tasks() -> list[dict]:
    return load_policies()[POLICY]["parameters"]["township_tasks"]["value"]


def test_the_26_rows_sum_to_the_printed_total() -> None:
    """附件 任务分配表: 三阳乡 24599 … 天岳街道 36518 合计 947259."""
    rows = tasks()
    assert len(rows) == 26
    assert sum(int(r["task"]) for r in rows) == 947259
    assert int(load_policies()[POLICY]["parameters"]["township_tasks_total"]["value"]) == 947259


@pytest.mark.parametrize("row", range(26))
def test_every_township_reads_its_own_task(row: int) -> None:
    r = tasks()[row]
    out = result({"township": r["township"]["zh"], "enrolled": 0, "as_of": "2022-11-01"})
    assert out["task"] == int(r["task"])
    assert out["needed"] == -(-int(r["task"]) * 70 // 100)   # ceil(70 % of the task)


def test_ratio_is_truncated_and_never_meets_a_target_it_misses() -> None:
    """Reading `progress-ratio`: 69.9988 % is not 70 %. 梅仙镇 60780 × 70 % = 42546 exactly."""
    below = run({"township": "梅仙镇", "enrolled": 42545, "as_of": "2022-11-10"})
    assert below["result"]["ratio"] == "0.69998354"           # 0.699983547… truncated, not rounded
    assert below["display"]["ratio"]["zh"] == "69.998354%"
    assert (below["result"]["met"], below["result"]["needed"]) == (False, 1)
    at = result({"township": "梅仙镇", "enrolled": 42546, "as_of": "2022-11-10"})
    assert (at["ratio"], at["met"], at["needed"]) == ("0.7", True, 0)


def test_needed_is_rounded_up_to_a_whole_person() -> None:
    """三阳乡 24599 × 70 % = 17219.3 people: 17219 is not enough."""
    r = result({"township": "三阳乡", "enrolled": 17219, "as_of": "2022-11-10"})
    assert (r["met"], r["needed"]) == (False, 1)
    assert Decimal(r["ratio"]) < Decimal("0.7")
    assert result({"township": "三阳乡", "enrolled": 17220, "as_of": "2022-11-10"})["met"] is True


@pytest.mark.parametrize("as_of, stage, cutoff, target", [
    ("2022-09-01", 1, "2022-11-10", "0.7"),
    ("2022-11-10", 1, "2022-11-10", "0.7"),    # 24:00 on the cut-off day still counts
    ("2022-11-11", 2, "2022-12-10", "0.9"),
    ("2022-12-10", 2, "2022-12-10", "0.9"),
    ("2022-12-11", 3, "2022-12-31", "1"),
    ("2022-12-31", 3, "2022-12-31", "1"),
    ("2023-01-15", 3, "2022-12-31", "1"),      # after the last cut-off: the last stage
])
def test_stage_targets_by_cutoff(as_of: str, stage: int, cutoff: str, target: str) -> None:
    """平江 通知: 统计截止时间分别为 2022 年 11月10日24时、2022年12月10日 24 时、2022年12月31日24 时。
    第一阶段要求完成……70%,第二阶段……90%,第三阶段……100%。"""
    r = result({"township": "龙门镇", "enrolled": 30000, "as_of": as_of})
    assert (r["stage"], r["stage_cutoff"], r["stage_target"]) == (stage, cutoff, target)


@pytest.mark.parametrize("enrolled, rank, award", [
    (35787, 1, False),      # 97.997 %: below 98 %
    (35788, None, None),    # 98.0 % (35787.64 → 35788) but no rank: cannot say
    (35788, 15, True),
    (35788, 16, False),
    (36518, 1, True),
])
def test_award_needs_98_percent_and_a_top_15_rank(enrolled: int, rank: int | None, award: bool | None) -> None:
    """平江 通知: 任务98%及以上且排名前十五的乡镇(街道),评为“城乡居民医保征缴工作先进单位”。 (天岳街道, task 36518)"""
    inputs = {"township": "天岳街道", "enrolled": enrolled, "as_of": "2022-12-31"}
    if rank is not None:
        inputs["rank"] = rank
    assert result(inputs)["award_eligible"] is award


@pytest.mark.parametrize("enrolled, award", [(1684, False), (1685, True)])
def test_horticulture_centre_is_not_ranked(enrolled: int, award: bool) -> None:
    """平江 通知: 园艺示范中心不参与乡镇进度排名,完成征缴任务98%及以上评为“城乡居民医保征缴工作先进单位”。
    (task 1719: 98 % = 1684.62 people)"""
    out = run({"township": "园艺示范中心", "enrolled": enrolled, "as_of": "2022-12-31"})
    assert out["result"]["award_eligible"] is award
    assert out["steps"][-1]["cites"][0]["field"] == "award_horticulture_centre"
    (err,) = errors({"township": "园艺示范中心", "enrolled": enrolled, "as_of": "2022-12-31", "rank": 1})
    assert err["field"] == "rank"


@pytest.mark.parametrize("inputs, field", [
    ({"township": "不存在镇", "enrolled": 1, "as_of": "2022-11-01"}, "township"),
    ({"township": "三阳乡", "enrolled": -1, "as_of": "2022-11-01"}, "enrolled"),
    ({"township": "三阳乡", "enrolled": 1}, "as_of"),
    ({"township": "三阳乡", "enrolled": 1, "as_of": "2022-11-01", "rank": 26}, "rank"),   # 25 ranked units
    ({"enrolled": 1, "as_of": "2022-11-01"}, "township"),
])
def test_bad_input_gives_bilingual_errors(inputs: dict, field: str) -> None:
    assert field in {e["field"] for e in errors(inputs)}


def test_unknown_township_error_lists_the_valid_names() -> None:
    (err,) = errors({"township": "Nowhere", "enrolled": 1, "as_of": "2022-11-01"})
    assert "三阳乡" in err["message_zh"] and "天岳街道" in err["message_en"]


def test_township_choices_come_from_the_policy_table() -> None:
    """describe() reports choices_from; for a policy the choices are expanded from `township_tasks`."""
    spec = next(i for i in calc.describe("enrolment-progress")["inputs"] if i["name"] == "township")
    assert spec["choices_from"] == "township_tasks.township" and "choices" not in spec
    resolved = next(s for s in applicable_inputs(CALCULATOR, Policy(load_policies()[POLICY])) if s.name == "township")
    assert [c.value for c in resolved.choices] == [r["township"]["zh"] for r in tasks()]
    assert resolved.choices[0].label.en == "Sanyang Township"
    assert resolved.describe()["choices"][0] == {"value": "三阳乡", "label": {"zh": "三阳乡", "en": "Sanyang Township"}}


def test_progress_chart_in_both_languages() -> None:
    out = run({"township": "三阳乡", "enrolled": 17219, "as_of": "2022-11-10"})
    chart = out["charts"]["progress"]
    assert set(chart) == {"zh", "en"}
    assert chart["zh"].startswith("<svg") and 'role="img"' in chart["zh"] and "<title>" in chart["zh"]
    assert "69.99878%" in chart["zh"] and "Sanyang Township" in chart["en"]
    assert "_township" not in out["result"] and "_stages" not in out["result"]
