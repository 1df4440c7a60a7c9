"""The public CLI contract: python -m calc list|describe|run (JSON out, exit 2 on bad input)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HENGYANG = "hunan/hengyang/2023-flexible-employment"


def cli(*args: str) -> tuple[int, dict, str]:
    proc = subprocess.run([sys.executable, "-m", "calc", *args], cwd=ROOT, capture_output=True, timeout=60)
    return proc.returncode, json.loads(proc.stdout.decode("utf-8")), proc.stderr.decode("utf-8")


def _policies_listing() -> dict[str, list[str]]:
    """calculator → the ids of the policy files that list it, read from policies/ (no list kept here)."""
    import yaml
    out: dict[str, list[str]] = {}
    for path in (ROOT / "policies").rglob("*.yaml"):
        if "sources" in path.relative_to(ROOT / "policies").parts:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name in data["calculators"]:
            out.setdefault(name, []).append(data["id"])
    return {name: sorted(ids) for name, ids in out.items()}


def test_list_names_calculators_and_their_policies() -> None:
    code, out, _ = cli("list")
    assert code == 0 and out["ok"]
    by_name = {c["name"]: c for c in out["calculators"]}
    assert {name: c["policies"] for name, c in by_name.items() if c["policies"]} == _policies_listing()
    assert HENGYANG in by_name["flexible-contribution"]["policies"]
    assert all(c["title"]["zh"] and c["title"]["en"] for c in by_name.values())


def test_describe_gives_typed_bilingual_inputs_and_outputs() -> None:
    code, out, _ = cli("describe", "flexible-contribution")
    assert code == 0
    months = next(i for i in out["inputs"] if i["name"] == "months")
    assert (months["type"], months["default"], months["minimum"], months["maximum"]) == ("integer", 12, 1, 12)
    assert months["label"]["zh"] and months["label"]["en"]
    names = [o["name"] for o in out["outputs"]]
    for required in ("base", "rate", "basic_monthly", "critical_illness_monthly", "monthly_total", "period_total", "annual_total"):
        assert required in names


def test_describe_answers_for_every_calculator() -> None:
    """A money input's default (reimbursement's 0) is printed as the text a reader types, never a traceback (Decimal is not JSON)."""
    code, listed, _ = cli("list")
    assert code == 0
    for entry in listed["calculators"]:
        code, out, err = cli("describe", entry["name"])
        assert code == 0 and out["ok"] and "Traceback" not in err, (entry["name"], err)
    _, out, _ = cli("describe", "reimbursement")
    assert {i["default"] for i in out["inputs"] if i["type"] == "money" and i["default"] is not None} == {"0"}


def test_run_prints_money_as_two_decimal_strings() -> None:
    code, out, err = cli("run", "flexible-contribution", "--policy", HENGYANG, "--input", '{"months": 6}')
    assert code == 0, err
    assert out["ok"] is True
    assert out["result"]["period_total"] == "1811.28"
    assert out["result"]["monthly_total"] == "301.88"
    assert out["steps"][0]["cites"][0]["policy"] == HENGYANG


def test_json_number_money_is_read_exactly() -> None:
    code, out, _ = cli("run", "flexible-contribution", "--policy", "henan/zhoukou/2024-flexible-employment",
                       "--input", '{"average_monthly_wage": 7000.5}')
    assert code == 0 and out["result"]["base"] == "7000.50"


@pytest.mark.parametrize("args, field", [
    (["run", "flexible-contribution", "--policy", HENGYANG, "--input", "{not json"], "input"),
    (["run", "flexible-contribution", "--policy", HENGYANG, "--input", '{"months": 13}'], "months"),
    (["run", "flexible-contribution", "--policy", HENGYANG, "--input", '{"months": "six"}'], "months"),
    (["run", "flexible-contribution", "--policy", "no/such/policy"], "policy"),
    (["run", "no-such-calculator", "--policy", HENGYANG], "calculator"),
    (["describe", "no-such-calculator"], "calculator"),
    (["run", "flexible-contribution"], "arguments"),
    (["frobnicate"], "arguments"),
    ([], "arguments"),
])
def test_bad_input_exits_2_with_bilingual_errors_and_no_traceback(args: list[str], field: str) -> None:
    code, out, err = cli(*args)
    assert code == 2
    assert out["ok"] is False
    assert field in [e["field"] for e in out["errors"]]
    for e in out["errors"]:
        assert e["message_zh"] and e["message_en"]
    assert "Traceback" not in err
