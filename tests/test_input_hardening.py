"""Issue 12 (trust, round two): inputs an attacker sent that gave a wrong figure, a traceback or a
silent default. Each must give the bilingual error of the contract (or a warning), never a guess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import calc
from calc.inputs import InputErrors, InputSpec, Text, validate

ROOT = Path(__file__).resolve().parent.parent
ZHOUKOU = "henan/zhoukou/2024-flexible-employment"   # its flexible-contribution form takes a money input
HENGYANG = "hunan/hengyang/2023-flexible-employment"


def cli(*args: str) -> tuple[int, dict, str]:
    proc = subprocess.run([sys.executable, "-m", "calc", *args], cwd=ROOT, capture_output=True, timeout=60)
    return proc.returncode, json.loads(proc.stdout.decode("utf-8")), proc.stderr.decode("utf-8")


MONEY = InputSpec("wage", "money", Text("工资", "Wage"), Text("", ""), required=True)


def _money(raw: object):
    return validate([MONEY], {"wage": raw})["wage"]


@pytest.mark.parametrize("raw, value", [("7000", "7000"), ("7,000", "7000"), ("7,000.50", "7000.50"),
                                        ("1,234,567.8", "1234567.8"), (" 7000.5 ", "7000.5")])
def test_well_formed_money_is_read(raw: str, value: str) -> None:
    assert str(_money(raw)) == value


@pytest.mark.parametrize("raw", ["7000,50", "7,0,0,0", ",7000", "7000,", "7,00", "70,000,0", "7,000,50", "7,,000"])
def test_a_decimal_comma_or_malformed_grouping_is_an_error(raw: str) -> None:
    with pytest.raises(InputErrors) as info:
        _money(raw)
    error = info.value.errors[0]
    assert error.field == "wage" and error.message_zh and error.message_en


def test_the_cli_rejects_a_decimal_comma() -> None:
    code, out, err = cli("run", "flexible-contribution", "--policy", ZHOUKOU, "--input", '{"average_monthly_wage": "7000,50"}')
    assert code == 2 and out["ok"] is False, out
    assert [e["field"] for e in out["errors"]] == ["average_monthly_wage"]
    assert "Traceback" not in err


def test_the_worker_entry_rejects_a_decimal_comma() -> None:
    """widget.js passes the raw text of the field (and of a share link) to calc.run_json unchanged."""
    out = json.loads(calc.run_json("flexible-contribution", ZHOUKOU, json.dumps({"average_monthly_wage": "7000,50"})))
    assert out["ok"] is False and [e["field"] for e in out["errors"]] == ["average_monthly_wage"]


DEEP = "[" * 3000 + "]" * 3000
DEEP_OBJECT = '{"months": ' + '{"a": ' * 3000 + "1" + "}" * 3000 + "}"


@pytest.mark.parametrize("text", [DEEP, DEEP_OBJECT], ids=["list", "object"])
def test_deeply_nested_json_is_the_input_error_in_the_cli(text: str) -> None:
    code, out, err = cli("run", "flexible-contribution", "--policy", HENGYANG, "--input", text)
    assert code == 2 and out["ok"] is False, err[-2000:]
    assert [e["field"] for e in out["errors"]] == ["input"]
    assert out["errors"][0]["message_zh"] and out["errors"][0]["message_en"]
    assert "Traceback" not in err


@pytest.mark.parametrize("text", [DEEP, DEEP_OBJECT], ids=["list", "object"])
def test_deeply_nested_json_is_the_input_error_in_run_json(text: str) -> None:
    out = json.loads(calc.run_json("flexible-contribution", HENGYANG, text))
    assert out["ok"] is False and [e["field"] for e in out["errors"]] == ["input"]


def test_a_huge_integer_in_json_is_the_input_error() -> None:
    out = json.loads(calc.run_json("flexible-contribution", HENGYANG, '{"months": ' + "9" * 5000 + "}"))
    assert out["ok"] is False and [e["field"] for e in out["errors"]] == ["input"]


def test_duplicate_json_keys_are_rejected_not_the_last_taken() -> None:
    text = '{"months": 6, "months": 12}'
    out = json.loads(calc.run_json("flexible-contribution", HENGYANG, text))
    assert out["ok"] is False and [e["field"] for e in out["errors"]] == ["input"], out
    assert "months" in out["errors"][0]["message_en"]
    code, cli_out, _ = cli("run", "flexible-contribution", "--policy", HENGYANG, "--input", text)
    assert code == 2 and [e["field"] for e in cli_out["errors"]] == ["input"] and "months" in cli_out["errors"][0]["message_zh"]


def test_a_repeated_input_option_is_rejected() -> None:
    code, out, err = cli("run", "flexible-contribution", "--policy", HENGYANG,
                         "--input", '{"months": 6}', "--input", '{"months": 12}')
    assert code == 2 and out["ok"] is False
    assert [e["field"] for e in out["errors"]] == ["arguments"]
    assert "--input" in out["errors"][0]["message_en"] and "Traceback" not in err


def test_one_input_option_still_works() -> None:
    code, out, _ = cli("run", "flexible-contribution", "--policy", HENGYANG, "--input", '{"months": 6}')
    assert code == 0 and out["ok"] is True


PINGJIANG = "hunan/yueyang/pingjiang/2023-resident"


def test_more_enrolled_than_the_task_is_warned() -> None:
    out = calc.run("enrolment-progress", PINGJIANG, {"township": "园艺示范中心", "enrolled": 999999, "as_of": "2022-12-31"})
    assert out["ok"], out
    warnings = out["result"]["warnings"]
    assert [w["id"] for w in warnings] == ["enrolled-above-task"], warnings
    assert "1719" in warnings[0]["zh"] and "999999" in warnings[0]["en"]
    ordinary = calc.run("enrolment-progress", PINGJIANG, {"township": "园艺示范中心", "enrolled": 1700, "as_of": "2022-12-31"})
    assert ordinary["result"]["warnings"] == []


@pytest.mark.parametrize("raw", ["20230105", "2023-W01-1", "2023-01-05T00:00", "2023-1-5", "2023-001", " 2023-01-05x"])
def test_a_date_must_be_yyyy_mm_dd(raw: str) -> None:
    spec = InputSpec("as_of", "date", Text("统计日期", "Count date"), Text("", ""), required=True)
    with pytest.raises(InputErrors) as info:
        validate([spec], {"as_of": raw})
    assert "YYYY-MM-DD" in info.value.errors[0].message_en


def test_an_iso_date_is_read() -> None:
    spec = InputSpec("as_of", "date", Text("统计日期", "Count date"), Text("", ""), required=True)
    assert str(validate([spec], {"as_of": " 2023-01-05 "})["as_of"]) == "2023-01-05"
