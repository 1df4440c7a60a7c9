"""calc.run(..., lang=) draws the charts of one language only (issue 23: the worker asked for both on
every keystroke): the same SVG as the bilingual run, the rest of the answer unchanged."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml

from calc import api, charts

VECTORS = [case for path in sorted((Path(__file__).parent / "vectors").glob("*.yaml"))
           for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
CHARTING = [case for case in VECTORS if api._find(case["calculator"]).charts]


def test_some_vectors_draw_charts() -> None:
    assert {case["calculator"] for case in CHARTING} >= {"resident-contribution", "resident-benefit-start",
                                                         "enrolment-progress"}


@pytest.mark.parametrize("lang", charts.LANGS)
def test_one_language_is_the_bilingual_answer_less_the_other_charts(lang: str) -> None:
    for case in CHARTING:
        both = api.run(case["calculator"], case["policy"], case["inputs"])
        one = api.run(case["calculator"], case["policy"], case["inputs"], lang)
        if not both["ok"]:
            assert one == both
            continue
        assert one["charts"] == {name: {lang: svgs[lang]} for name, svgs in both["charts"].items()}, case["name"]
        assert {k: v for k, v in one.items() if k != "charts"} == {k: v for k, v in both.items() if k != "charts"}
        assert charts.DRAWN.get() == charts.LANGS   # the run leaves the setting as it found it


def test_run_json_passes_the_language_and_anything_else_means_both() -> None:
    case = CHARTING[0]
    args = (case["calculator"], case["policy"], json.dumps(case["inputs"], default=str))   # dates as ISO text
    one = json.loads(api.run_json(*args, "en"))
    assert one["ok"] and {lang for svgs in one["charts"].values() for lang in svgs} == {"en"}
    assert api.run_json(*args) == api.run_json(*args, "fr") == api.run_json(*args, None)
    assert {lang for svgs in json.loads(api.run_json(*args))["charts"].values() for lang in svgs} == {"zh", "en"}


def test_the_setting_is_restored_when_a_chart_fails() -> None:
    def broken(result: dict) -> dict:
        raise RuntimeError("chart failed")

    calc = dataclasses.replace(api._find(CHARTING[0]["calculator"]), charts=broken)
    with pytest.raises(RuntimeError):
        api._charts(calc, {}, "zh")
    assert charts.DRAWN.get() == charts.LANGS
