"""Input types added for list inputs validated by pattern (month_list, integer_list) and policy choices."""
from __future__ import annotations

import pytest

from calc.errors import InputErrors
from calc.inputs import Choice, InputSpec, Text, validate

MONTHS = InputSpec("m", "month_list", Text("月份", "Months"))
YEARS = InputSpec("y", "integer_list", Text("年份", "Years"), minimum=1900, maximum=2200)


@pytest.mark.parametrize("raw, parsed", [
    (["2023-03", "2023-01"], ["2023-01", "2023-03"]),
    ("2023-3, 2023-01 2023-01", ["2023-01", "2023-03"]),
    ("2023-03，2023-04、2023-05；2023-06", ["2023-03", "2023-04", "2023-05", "2023-06"]),
    ("2023年4月 2023/5", ["2023-04", "2023-05"]),
    ([], []),
])
def test_month_list_accepts_arrays_and_text(raw: object, parsed: list[str]) -> None:
    assert validate([MONTHS], {"m": raw}) == {"m": parsed}


@pytest.mark.parametrize("raw", [["2023-13"], ["2023-00"], "March", [202303], {"a": 1}, ["0999-01"], ["2023-03"] * 0 + ["x"] * 601])
def test_month_list_rejects_other_things(raw: object) -> None:
    with pytest.raises(InputErrors) as exc:
        validate([MONTHS], {"m": raw})
    (err,) = exc.value.errors
    assert err.field == "m" and "2023-03" in err.message_zh and "2023-03" in err.message_en


@pytest.mark.parametrize("raw, parsed", [([2024, "2021", 2024], [2021, 2024]), ("2020 2019", [2019, 2020])])
def test_integer_list(raw: object, parsed: list[int]) -> None:
    assert validate([YEARS], {"y": raw}) == {"y": parsed}


@pytest.mark.parametrize("raw", [[1800], ["2020.5"], [True], "twenty"])
def test_integer_list_checks_every_item(raw: object) -> None:
    with pytest.raises(InputErrors):
        validate([YEARS], {"y": raw})


def test_describe_reports_the_new_fields() -> None:
    assert MONTHS.describe()["item_pattern"] == r"^[12]\d{3}-(0[1-9]|1[0-2])$"
    assert YEARS.describe()["minimum"] == 1900
    spec = InputSpec("t", "enum", Text("乡镇", "Township"), choices_from="township_tasks.township")
    assert spec.describe()["choices_from"] == "township_tasks.township"
    # unresolved (no policy at hand): any non-empty text passes, the calculator checks it
    assert validate([spec], {"t": " 三阳乡 "}) == {"t": "三阳乡"}
    with pytest.raises(InputErrors):
        validate([spec], {"t": 3})


@pytest.mark.parametrize("spec_type, raw", [("enum", "nonsense"), ("list", ["nonsense"])])
def test_a_wrong_choice_names_every_code_with_its_label(spec_type: str, raw: object) -> None:
    spec = InputSpec("c", spec_type, Text("身份", "Group"),
                     choices=(Choice("orphan", Text("孤儿", "Orphan")), Choice("minimum_living", Text("低保对象", "Minimum living allowance"))))
    with pytest.raises(InputErrors) as exc:
        validate([spec], {"c": raw})
    (err,) = exc.value.errors
    assert "orphan“孤儿”、minimum_living“低保对象”" in err.message_zh
    assert "orphan “Orphan”, minimum_living “Minimum living allowance”" in err.message_en
