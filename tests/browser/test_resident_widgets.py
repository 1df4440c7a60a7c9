"""Resident insurance widgets on the real built site (issue 3 acceptance), zh and en.

平江 (hunan/yueyang/pingjiang/2023-resident): the contribution widget (低保 + 特困 pay
nothing; 低保 + 困境儿童 pay 175; the who-pays chart follows) and the benefit-start widget
(a newborn paid for on day 91 is a late enrolment, covered from the next month).
双清 (hunan/shaoyang/shuangqing/2023-resident): 困境儿童 is listed but its subsidy is not
published, so the page must say so and never show a number.

Every figure is what CPython's calc.run gives for the same inputs (widgets.Widget), plus
the literal acceptance figures. No request may leave 127.0.0.1 and the console stays clean.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from widgets import Widget, page_path, svg_text

pytestmark = pytest.mark.browser

PINGJIANG = "hunan/yueyang/pingjiang/2023-resident"
SHUANGQING = "hunan/shaoyang/shuangqing/2023-resident"
LANGS = ["zh", "en"]

ZERO = {"zh": "0.00 元", "en": "CNY 0.00"}
HALF = {"zh": "175.00 元", "en": "CNY 175.00"}
NO = {"zh": "否", "en": "no"}
YES = {"zh": "是", "en": "yes"}


def contribution_inputs(categories: list[str]) -> dict:
    """平江's contribution form: the groups ticked, on the subsidy lists (never assumed: issue 15), the optional dates empty."""
    return {"categories": categories, "subsidy_list": "on_list", "recognised_on": "", "born_on": "", "paid_on": ""}


@pytest.mark.parametrize("lang", LANGS)
def test_pingjiang_resident_contribution_and_late_newborn(open_page, site_url, lang):
    o = open_page(site_url + page_path(PINGJIANG, lang))

    # --- resident-contribution: who pays, and what is left to pay ---
    contrib = Widget(o, "resident-contribution", PINGJIANG, lang)
    chart_before = contrib.chart_text("who_pays")

    run = contrib.apply(contribution_inputs(["minimum_living", "extreme_poverty"]))
    contrib.expect_result(run)
    expect(contrib.output("payable")).to_have_text(ZERO[lang])           # 特困: full subsidy
    assert run["display"]["payable"][lang] == ZERO[lang]
    zero_chart = contrib.chart_text("who_pays")
    assert zero_chart != chart_before, "who-pays chart did not change after ticking 低保 + 特困"
    assert zero_chart == svg_text(run["charts"]["who_pays"][lang])

    run = contrib.apply(contribution_inputs(["minimum_living", "child_in_difficulty"]))
    contrib.expect_result(run)
    expect(contrib.output("payable")).to_have_text(HALF[lang])           # no stacking: 350 − 175
    expect(contrib.output("subsidy")).to_have_text(HALF[lang])
    half_chart = contrib.chart_text("who_pays")
    assert half_chart not in (chart_before, zero_chart)
    assert "175.00" in half_chart

    # --- resident-benefit-start: a newborn paid for on day 91 (late enrolment) ---
    benefit = Widget(o, "resident-benefit-start", PINGJIANG, lang)
    timeline_before = benefit.chart_text("timeline")
    late = {"circumstance": "newborn", "event_date": "2023-03-10", "payment_date": "2023-06-09",
            "fiscal_subsidy": ""}
    run = benefit.apply(late)
    benefit.expect_result(run)
    assert run["result"]["amount_basis"] == "full_financing", run["result"]
    expect(benefit.output("cover_from")).to_have_text("2023-07-01")
    expect(benefit.output("days_since_event")).to_have_text("91")
    # the government subsidy is not in the source: no amount, and the missing figure is named
    assert run["result"]["amount"] is None and run["result"]["determined"] is False
    expect(benefit.output("amount")).to_have_text(run["display"]["amount"][lang])
    assert not re.search(r"\d", benefit.output("amount").text_content())
    expect(benefit.output("determined")).to_have_text(NO[lang])
    warning = run["display"]["warnings"][lang]
    expect(benefit.output("warnings")).to_have_text(warning)
    assert warning != run["display"]["warnings"]["en" if lang == "zh" else "zh"]
    timeline = benefit.chart_text("timeline")
    assert timeline != timeline_before, "timeline chart did not change"
    assert "2023-07-01" in timeline and "2023-03-10" in timeline

    # with a locally published subsidy filled in (a user's figure, not the source's), the amount follows
    run = benefit.apply({**late, "fiscal_subsidy": "610"})
    benefit.expect_result(run)
    expect(benefit.output("amount")).to_have_text({"zh": "960.00 元", "en": "CNY 960.00"}[lang])
    expect(benefit.output("cover_from")).to_have_text("2023-07-01")
    expect(benefit.output("determined")).to_have_text(YES[lang])

    # a subsidy that is not an amount: calc's inline message, in the page language
    bad = benefit.apply({**late, "fiscal_subsidy": "abc"})
    benefit.expect_error("fiscal_subsidy", bad)
    expect(benefit.output("amount")).to_have_text({"zh": "960.00 元", "en": "CNY 960.00"}[lang])  # kept, dimmed

    # the contribution widget was not disturbed by the other form's traffic
    expect(contrib.output("payable")).to_have_text(HALF[lang])
    o.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_shuangqing_child_in_difficulty_is_not_determined(open_page, site_url, lang):
    o = open_page(site_url + page_path(SHUANGQING, lang))
    contrib = Widget(o, "resident-contribution", SHUANGQING, lang)
    before = contrib.output("payable").text_content()

    # 双清 has no subsidy-list date, so the widget has no recognition/payment date fields
    run = contrib.apply({"categories": ["child_in_difficulty"]})
    assert run["result"]["determined"] is False and run["result"]["payable"] is None, run["result"]
    contrib.expect_result(run)
    for name in ("payable", "subsidy"):
        shown = contrib.output(name).text_content()
        assert shown == run["display"][name][lang] != before
        assert not re.search(r"\d", shown), f"{name} shows a number: {shown!r}"
    expect(contrib.output("determined")).to_have_text(NO[lang])
    steps = contrib.form.locator("ol.mb-steps").text_content()
    assert {"zh": "没有公布资助金额", "en": "publishes no amount"}[lang] in steps
    o.assert_clean()
