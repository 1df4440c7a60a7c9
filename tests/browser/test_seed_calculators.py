"""The four seed calculators on the real built site (issue 4 acceptance), zh and en.

For each: a happy path, a boundary and an invalid input, computed in the page by Pyodide
and compared with CPython's calc.run for the same inputs (widgets.Widget), plus the literal
acceptance figures.

- flexible-arrears on 衡阳: 3 unpaid months is still "restored, retroactive"; 4 months
  suspends enrolment and benefits start 30 days after payment; "2023-13" is no month.
- critical-illness-cap and family-mutual-aid on the 2025 湖南 measures: the increase stops at
  20 % of the original limit; a parent-in-law is not a close relative; "-1"/"abc" is no limit.
- enrolment-progress on 平江: 69.999728 % at the 2022-11-10 cut-off is NOT 70 % (never rounded
  up); "-5" people is refused.

Each scenario runs live (an engine boot per page) in zh on every page, and in en on the page with two of the
calculators (LIVE: the 2025 measures, its two scenarios). The widget script is one for every calculator
and language and shows calc's own strings for the page's language: on the other en pages (衡阳's arrears,
平江's progress) the widget is checked as built — every output and step of the prerendered answer
against calc.run for the inputs the form holds, in English (site_checks.expect_shows_calc) — with the
engine's idle boot off.

A step sets only the fields whose value it changes (`Widget` below): a reader does not retype a field that
already holds what they want, and each field set is one more answer computed in Pyodide, none of them read
(a step of the 重病 cap set six fields for one changed limit). What a step checks is unchanged: the
answer shown for all of the step's inputs, against calc.run for them.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

import widgets
from site_checks import expect_shows_calc
from widgets import page_path

pytestmark = pytest.mark.browser

HENGYANG = "hunan/hengyang/2023-flexible-employment"
MEASURES = "hunan/2025-enrolment-measures"
PINGJIANG = "hunan/yueyang/pingjiang/2023-resident"
LANGS = ["zh", "en"]
# (policy, language) pages whose scenarios run live: every page in zh, one in en
LIVE = {(HENGYANG, "zh"), (MEASURES, "zh"), (PINGJIANG, "zh"), (MEASURES, "en")}

YES = {"zh": "是", "en": "yes"}
NO = {"zh": "否", "en": "no"}


class Widget(widgets.Widget):
    """widgets.Widget whose set() leaves a field alone when it already holds the value (a checkbox's
    set_checked does so by itself)."""

    def set(self, name: str, value) -> None:
        field = self.field(name)
        kind = field.get_attribute("data-type")
        if kind not in ("list", "boolean"):
            control = field.locator("select" if kind == "enum" else "input")
            if control.input_value() == str(value):
                return
        super().set(name, value)


def shows_calc_as_built(open_page, site_url, calculator: str, pid: str, lang: str) -> None:
    """A page not driven live in its language: the prerendered answer is calc's for the form's inputs."""
    o = open_page(site_url + page_path(pid, lang), config={"idleBoot": False})
    w = Widget(o, calculator, pid, lang)
    assert expect_shows_calc(w.form, lang)["ok"]   # every output and step, read in one go (site_checks)
    assert w.form.get_attribute("data-mb-result") == "example"
    o.assert_clean()


def money(amount: str, lang: str) -> str:
    """calc's money display: "1207.52 元" / "CNY 1,207.52"."""
    whole, cents = amount.split(".")
    return f"{amount} 元" if lang == "zh" else f"CNY {int(whole):,}.{cents}"


@pytest.mark.parametrize("lang", LANGS)
def test_flexible_arrears_hengyang(open_page, site_url, lang):
    if (HENGYANG, lang) not in LIVE:
        return shows_calc_as_built(open_page, site_url, "flexible-arrears", HENGYANG, lang)
    o = open_page(site_url + page_path(HENGYANG, lang))
    w = Widget(o, "flexible-arrears", HENGYANG, lang)
    status = w.output("status")

    # happy path: one month missed, paid up the next month
    run = w.apply({"unpaid_months": "2023-05", "payment_date": "2023-06-15"})
    w.expect_result(run)
    expect(w.output("arrears_months")).to_have_text("1")
    expect(w.output("arrears_due")).to_have_text(money("301.88", lang))
    expect(w.output("benefits_from")).to_have_text("2023-06-15")

    # boundary: three months is still within "3 months (inclusive)": restored on payment, retroactive
    three = {"unpaid_months": "2023-03, 2023-04, 2023-05", "payment_date": "2023-06-15"}
    run = w.apply(three)
    assert run["result"]["status"] == "restored" and run["result"]["retroactive"] is True
    w.expect_result(run)
    expect(w.output("arrears_months")).to_have_text("3")
    expect(w.output("arrears_due")).to_have_text(money("905.64", lang))
    expect(w.output("retroactive")).to_have_text(YES[lang])
    expect(w.output("waiting_days")).to_have_text("0")
    expect(w.output("benefits_from")).to_have_text("2023-06-15")
    restored = status.text_content()
    # the same months as people type them: 、 in Chinese, spaces in English
    typed = {"zh": "2023-03、2023-04、2023-05", "en": "2023-03 2023-04 2023-05"}[lang]
    again = w.apply({**three, "unpaid_months": typed})
    assert again["display"] == run["display"]
    w.expect_result(again)

    # one more month: enrolment suspended, benefits 30 days after payment, nothing retroactive
    run = w.apply({"unpaid_months": "2023-03, 2023-04, 2023-05, 2023-06", "payment_date": "2023-07-15"})
    assert run["result"]["status"] == "suspended_enrolment", run["result"]
    w.expect_result(run)
    assert status.text_content() != restored
    expect(w.output("arrears_months")).to_have_text("4")
    expect(w.output("arrears_due")).to_have_text(money("1207.52", lang))
    expect(w.output("retroactive")).to_have_text(NO[lang])
    expect(w.output("waiting_days")).to_have_text("30")
    expect(w.output("benefits_from")).to_have_text("2023-08-15")

    # invalid: there is no 13th month
    bad = w.apply({"unpaid_months": "2023-13", "payment_date": "2023-07-15"})
    w.expect_error("unpaid_months", bad)
    expect(w.output("benefits_from")).to_have_text("2023-08-15")   # last good figures, dimmed

    # back to valid: the error goes away
    w.expect_result(w.apply(three))
    o.assert_clean()


def test_flexible_arrears_empty_months_message_names_only_controls_on_the_page(open_page, site_url):
    # one page (zh) for time; the en message comes from the same calc error and is checked below
    o = open_page(site_url + page_path(HENGYANG, "zh"))
    w = Widget(o, "flexible-arrears", HENGYANG, "zh")
    bad = w.apply({"unpaid_months": "", "payment_date": "2023-06-15"})
    w.expect_error("unpaid_months", bad)            # the widget shows calc's message faithfully
    o.assert_clean()
    assert w.field("first_enrolment").count() == 0   # 衡阳: no first-enrolment rule, no checkbox
    shown = w.field("unpaid_months").locator(".mb-error").text_content()
    assert "首次参加" not in shown, shown
    assert "first time" not in bad["errors"][0]["message_en"], bad["errors"]


CAP_YEARS = {"enrolled_years": "2025, 2026, 2027, 2028, 2029, 2030", "zero_reimbursement_years": "2026",
             "benefit_year": "2030", "count_earlier_years": False}


@pytest.mark.parametrize("lang", LANGS)
def test_critical_illness_cap_and_family_mutual_aid(open_page, site_url, lang):
    assert (MEASURES, lang) in LIVE
    o = open_page(site_url + page_path(MEASURES, lang))

    # --- critical-illness-cap ---
    cap = Widget(o, "critical-illness-cap", MEASURES, lang)
    # happy path: 6 continuous years, one claim-free year, well under the ceiling
    run = cap.apply({"original_cap": "400000", **CAP_YEARS})
    cap.expect_result(run)
    expect(cap.output("increase")).to_have_text(money("15000.00", lang))
    expect(cap.output("ceiling")).to_have_text(money("80000.00", lang))
    expect(cap.output("cap")).to_have_text(money("415000.00", lang))

    # boundary: the increases add up to exactly 20 % of the original limit
    run = cap.apply({"original_cap": "75000", **CAP_YEARS})
    cap.expect_result(run)
    expect(cap.output("ceiling")).to_have_text(money("15000.00", lang))
    expect(cap.output("increase")).to_have_text(money("15000.00", lang))
    expect(cap.output("cap")).to_have_text(money("90000.00", lang))

    # boundary: above the ceiling, the increase stops at 20 % (15000 asked, 10000 given)
    run = cap.apply({"original_cap": "50000", **CAP_YEARS})
    cap.expect_result(run)
    expect(cap.output("uncapped_increase")).to_have_text(money("15000.00", lang))
    expect(cap.output("increase")).to_have_text(money("10000.00", lang))
    expect(cap.output("cap")).to_have_text(money("60000.00", lang))

    # invalid: a negative limit, then text
    for bad_cap in ("-1", "abc"):
        bad = cap.apply({"original_cap": bad_cap, **CAP_YEARS})
        cap.expect_error("original_cap", bad)
        expect(cap.output("cap")).to_have_text(money("60000.00", lang))
    cap.expect_result(cap.apply({"original_cap": "50000", **CAP_YEARS}))

    # --- family-mutual-aid ---
    aid = Widget(o, "family-mutual-aid", MEASURES, lang)
    # happy path: an insured spouse
    run = aid.apply({"relation": "spouse", "relative_insured": True, "has_personal_account": True})
    aid.expect_result(run)
    expect(aid.output("eligible_relative")).to_have_text(YES[lang])
    expect(aid.output("may_pay_medical_costs")).to_have_text(YES[lang])

    # boundary (issue 19 M8): a flexible worker without a personal account cannot pay from one
    run = aid.apply({"relation": "spouse", "relative_insured": True, "has_personal_account": False})
    aid.expect_result(run)
    expect(aid.output("may_pay_medical_costs")).to_have_text(NO[lang])

    # boundary: a close relative who is not insured: contributions yes, medical costs no
    run = aid.apply({"relation": "parent", "relative_insured": False, "has_personal_account": True})
    aid.expect_result(run)
    expect(aid.output("may_pay_resident_insurance")).to_have_text(YES[lang])
    expect(aid.output("may_pay_medical_costs")).to_have_text(NO[lang])

    # boundary: a parent-in-law is not on the list of close relatives: a clear no everywhere
    run = aid.apply({"relation": "parent_in_law", "relative_insured": True, "has_personal_account": True})
    assert run["result"]["eligible_relative"] is False, run["result"]
    aid.expect_result(run)
    for name in ("eligible_relative", "may_pay_resident_insurance", "may_pay_long_term_care",
                 "may_pay_inclusive_commercial", "may_pay_medical_costs"):
        expect(aid.output(name)).to_have_text(NO[lang])
    expect(aid.output("may_pay_contributions")).to_have_text({"zh": "无", "en": "none"}[lang])

    # invalid: the select only offers valid relations, so forge one (a tampered page or an old
    # cached one): calc must refuse it inline rather than answer for the wrong person
    aid.field("relation").locator('option[value="other"]').evaluate("o => { o.value = 'neighbour'; }")
    bad = aid.apply({"relation": "neighbour", "relative_insured": True, "has_personal_account": True})
    aid.expect_error("relation", bad)
    expect(aid.output("eligible_relative")).to_have_text(NO[lang])   # last good answer, dimmed

    # the cap widget kept its own answer through the other form's traffic
    expect(cap.output("cap")).to_have_text(money("60000.00", lang))
    o.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_enrolment_progress_pingjiang(open_page, site_url, lang):
    if (PINGJIANG, lang) not in LIVE:
        return shows_calc_as_built(open_page, site_url, "enrolment-progress", PINGJIANG, lang)
    o = open_page(site_url + page_path(PINGJIANG, lang))
    w = Widget(o, "enrolment-progress", PINGJIANG, lang)

    # happy path: 梅仙镇 (task 60780) well past the first-stage 70 %
    run = w.apply({"township": "梅仙镇", "enrolled": "45000", "as_of": "2022-11-10", "rank": ""})
    w.expect_result(run)
    expect(w.output("task")).to_have_text("60780")
    expect(w.output("met")).to_have_text(YES[lang])
    expect(w.output("needed")).to_have_text("0")

    # boundary: 龙门镇 (task 36843) needs ceil(25790.1) = 25791; 25790 is 69.999728 %: NOT met
    below = {"township": "龙门镇", "enrolled": "25790", "as_of": "2022-11-10", "rank": ""}
    run = w.apply(below)
    assert run["result"]["met"] is False, run["result"]
    w.expect_result(run)
    expect(w.output("ratio")).to_have_text("69.999728%")
    expect(w.output("stage_cutoff")).to_have_text("2022-11-10")
    expect(w.output("needed")).to_have_text("1")
    expect(w.output("met")).to_have_text(NO[lang])
    assert "70.00" not in w.output("ratio").text_content()

    # one more person meets it
    run = w.apply({**below, "enrolled": "25791"})
    w.expect_result(run)
    expect(w.output("met")).to_have_text(YES[lang])
    expect(w.output("needed")).to_have_text("0")

    # the same count a day after the cut-off is measured against stage 2 (90 %)
    run = w.apply({**below, "enrolled": "25791", "as_of": "2022-11-11"})
    w.expect_result(run)
    expect(w.output("stage")).to_have_text("2")
    expect(w.output("met")).to_have_text(NO[lang])

    # invalid: a negative count
    bad = w.apply({**below, "enrolled": "-5"})
    w.expect_error("enrolled", bad)
    expect(w.output("stage")).to_have_text("2")   # last good figures, dimmed
    o.assert_clean()


def test_every_language_has_a_live_page() -> None:
    assert {lang for _, lang in LIVE} == set(LANGS) and {(pid, "zh") for pid in (HENGYANG, MEASURES, PINGJIANG)} <= LIVE
